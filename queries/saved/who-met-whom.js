// @description Who met whom in a period: every pair of actors (countries by default, or people) who took part in the same event dated wholly within [from, to], one row per pair and event, oldest first. Rows: source and target are the two actors (in IRI order).
// @param from date First day of the period, e.g. 2024-01-01
// @param to date Last day of the period, e.g. 2024-12-31
// @param type string Which actors: country, person or any
// @default type country
if (["country", "person", "any"].indexOf(params.type) < 0) { throw new Error("type must be country, person or any, not " + params.type); }
// events are read a day at a time, in date order, until LIMIT rows are made
var rows = [], seenEv = {};
eventsWithin(params.from, params.to, function (group) {
  var evs = [];
  for (var i = 0; i < group.length; i++) {
    if (!seenEv[group[i].event]) { seenEv[group[i].event] = true; evs.push(group[i].event); }
  }
  var d = describe(evs);
  var ar = neighbours(evs, ROLES, true);
  var actors = {};
  for (var j = 0; j < ar.length; j++) {
    if (params.type !== "any" && !isA(ar[j].to, params.type)) { continue; }
    var l = actors[ar[j].from] = actors[ar[j].from] || [];
    if (l.indexOf(ar[j].to) < 0) { l.push(ar[j].to); }
  }
  for (var k = 0; k < evs.length; k++) {
    var e = d[evs[k]], a = (actors[evs[k]] || []).sort();
    for (var x = 0; x < a.length; x++) {
      for (var y = x + 1; y < a.length; y++) {
        rows.push({source: a[x], target: a[y], event: e.event, date: e.date, kind: e.kind,
          place: e.place, series: e.series});
      }
    }
  }
  return rows.length >= LIMIT;
});
rows = sortBy(rows, function (r) { return dateKey(r) + "\u0001" + r.source + " " + r.target; });
emitAll(rows);
