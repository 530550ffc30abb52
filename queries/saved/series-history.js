// @description The history of a series (a standing bilateral mechanism): each round with its ordinal, date, place, status and co-chairs (people who chaired or co-chaired it), in order of ordinal, then date. Rows: source = the series, target = the round.
// @param series iri The series, e.g. <series:pak-rus/joint-working-group/counter-terrorism>
var evs = uniq(g.V(params.series).in("<dg:part_of>").toArray(100000));
var d = describe(evs);
var chairRows = links(evs, ["<dg:co_chaired>", "<dg:chaired>"], true);
var chairs = {}, people = [];
for (var i = 0; i < chairRows.length; i++) {
  var c = chairRows[i];
  if (!isA(c.to, "person")) { continue; }
  chairs[c.from] = chairs[c.from] || [];
  if (chairs[c.from].indexOf(c.to) < 0) { chairs[c.from].push(c.to); people.push(c.to); }
}
var pn = names(people);
var rows = [];
for (var j = 0; j < evs.length; j++) {
  var e = d[evs[j]];
  var cc = (chairs[e.event] || []).sort();
  var ccn = [];
  for (var k = 0; k < cc.length; k++) { ccn.push(pn[cc[k]]); }
  rows.push({source: params.series, target: e.event, event: e.event, ordinal: e.ordinal, date: e.date,
    place: e.place, place_name: e.place_name, status: e.status, kind: e.kind,
    co_chairs: cc, co_chair_names: ccn});
}
// numbered rounds first, by ordinal (fixed width so that 9 < 10), then by date
rows = sortBy(rows, function (r) {
  return String(typeof r.ordinal === "number" && r.ordinal >= 0 && r.ordinal < 1e9 ? 1e9 + r.ordinal : 2e9) + "\u0001" + dateKey(r);
});
emitAll(rows);
