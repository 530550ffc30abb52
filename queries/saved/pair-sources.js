// @description Events between two countries with the reports that assert them and how each report came in: "gdelt" for events coded by GDELT, the reader's name ("text", "html", "jsonl", "feed") for events extracted from reports. One row per event and report, oldest event first. Rows: source = the report, target = the event.
// @param a iri A country, e.g. <country:PAK>
// @param b iri The other country, e.g. <country:RUS>
// @param format string Only reports read in this format (gdelt, text, html, jsonl, feed); all when empty
// @default format
var ofB = {};
var evsB = g.V(params.b).out(ROLES).toArray(10000000);
for (var j = 0; j < evsB.length; j++) { ofB[evsB[j]] = true; }
var evs = uniq(g.V(params.a).out(ROLES).toArray(10000000)).filter(function (e) { return ofB[e]; });
var d = describe(evs);
var rows = [], fmt = {};
for (var i = 0; i < evs.length; i++) {
  var e = d[evs[i]];
  var reps = uniq(g.V(evs[i]).in("<dg:reports>").toArray(100000));
  for (var k = 0; k < reps.length; k++) {
    var r = reps[k];
    if (!fmt.hasOwnProperty(r)) { fmt[r] = first(r, "<dg:format>") || "unknown"; }
    if (params.format && fmt[r] !== params.format) { continue; }
    rows.push({source: r, target: e.event, report: r, format: fmt[r], event: e.event, name: e.name,
      kind: e.kind, date: e.date, place: e.place, ordinal: e.ordinal, status: e.status});
  }
}
rows = sortBy(rows, function (r) { return dateKey(r) + "\u0001" + r.report; });
emitAll(rows);
