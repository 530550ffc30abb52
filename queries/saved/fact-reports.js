// @description The reports that assert a given fact (subject, predicate and, optionally, object): one row per report and object, with the report's title and publication date. Objects are matched as written: <iri>, a literal ("2023-11-16" or 2023-11-16) or a number. Rows: source = the report, target = the subject.
// @param subject iri The subject, e.g. <event:pak-rus/joint-working-group/counter-terrorism/10>
// @param predicate iri The predicate, e.g. <dg:held_in>
// @param object value The object, e.g. <place:pak/islamabad>; any when empty
// @default object
var rr = g.V(params.subject).labelContext(g.V(), "report").out(params.predicate).tag("object").tagArray(100000);
var seen = {}, reps = [], rows = [];
for (var i = 0; i < rr.length; i++) {
  var o = rr[i].object;
  if (params.object !== "" && String(o) !== params.object) { continue; }
  var key = rr[i].report + " " + String(o);
  if (seen[key]) { continue; }
  seen[key] = true;
  reps.push(rr[i].report);
  rows.push({source: rr[i].report, target: params.subject, report: rr[i].report,
    subject: params.subject, predicate: params.predicate, object: o});
}
var info = {};
reps = uniq(reps);
for (var j = 0; j < reps.length; j++) {
  info[reps[j]] = {title: first(reps[j], "<schema:name>"), published: first(reps[j], "<dg:published>")};
}
for (var k = 0; k < rows.length; k++) {
  var ri = info[rows[k].report] || {};
  rows[k].title = ri.title;
  rows[k].published = ri.published;
}
rows.sort(function (a, b) {
  var ka = a.report + " " + String(a.object), kb = b.report + " " + String(b.object);
  return ka < kb ? -1 : (ka > kb ? 1 : 0);
});
emitAll(rows);
