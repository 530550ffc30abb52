// @description Meetings between two countries: every event in which both took part in any role (participated, chaired, co-chaired, hosted, ...), with its date, place, ordinal, kind, status and series, oldest first. Rows: source = country a, target = event.
// @param a iri A country, e.g. <country:PAK>
// @param b iri The other country, e.g. <country:RUS>
// @param kind string Only events of this kind (meeting, visit, call, summit, conference, signing); all when empty
// @default kind
var ofB = {};
var evsB = g.V(params.b).out(ROLES).toArray(10000000);
for (var j = 0; j < evsB.length; j++) { ofB[evsB[j]] = true; }
var evs = uniq(g.V(params.a).out(ROLES).toArray(10000000)).filter(function (e) { return ofB[e]; });
var d = describe(evs);
var rows = [];
for (var i = 0; i < evs.length; i++) {
  var e = d[evs[i]];
  if (params.kind && e.kind !== params.kind) { continue; }
  rows.push({source: params.a, target: e.event, event: e.event, name: e.name, kind: e.kind,
    date: e.date, place: e.place, place_name: e.place_name, ordinal: e.ordinal,
    status: e.status, series: e.series});
}
rows = sortBy(rows, dateKey);
emitAll(rows);
