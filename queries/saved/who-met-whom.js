// @description Who met whom in a period: every pair of actors (countries by default, or people) who took part in the same event dated wholly within [from, to], one row per pair and event, oldest first. Rows: source and target are the two actors (in IRI order).
// @param from date First day of the period, e.g. 2024-01-01
// @param to date Last day of the period, e.g. 2024-12-31
// @param type string Which actors: country, person or any
// @default type country
if (["country", "person", "any"].indexOf(params.type) < 0) { throw new Error("type must be country, person or any, not " + params.type); }
var dr = eventsWithin(params.from, params.to);
var evs = [];
for (var i = 0; i < dr.length; i++) { evs.push(dr[i].event); }
evs = uniq(evs);
var d = describe(evs);
var ar = neighbours(evs, ROLES, true);
var actors = {};
for (var j = 0; j < ar.length; j++) {
  if (params.type !== "any" && !isA(ar[j].to, params.type)) { continue; }
  var l = actors[ar[j].from] = actors[ar[j].from] || [];
  if (l.indexOf(ar[j].to) < 0) { l.push(ar[j].to); }
}
var rows = [];
for (var k = 0; k < evs.length; k++) {
  var e = d[evs[k]], a = (actors[evs[k]] || []).sort();
  for (var x = 0; x < a.length; x++) {
    for (var y = x + 1; y < a.length; y++) {
      rows.push({source: a[x], target: a[y], event: e.event, date: e.date, kind: e.kind,
        place: e.place, series: e.series});
    }
  }
}
rows.sort(function (r1, r2) {
  var c = byDateThenId(r1, r2);
  if (c !== 0) { return c; }
  var k1 = r1.source + " " + r1.target, k2 = r2.source + " " + r2.target;
  return k1 < k2 ? -1 : (k1 > k2 ? 1 : 0);
});
emitAll(rows);
