// @description A person's events and roles: one row per event and role (participated_in, co_chaired, chaired, led_delegation, spoke_at, signed), with the event's date, kind, place and series, and the person's title, oldest first. Rows: source = the person, target = the event.
// @param person iri The person, e.g. <person:sergey-vershinin>
var rr = links([params.person], ROLES, false);
var evs = [];
for (var i = 0; i < rr.length; i++) { rr[i].event = rr[i].to; rr[i].role = rr[i].pred; evs.push(rr[i].to); }
var d = describe(evs);
var titles = uniq(g.V(params.person).out("<dg:title>").toArray(100)).sort();
var seen = {}, rows = [];
for (var j = 0; j < rr.length; j++) {
  var key = rr[j].event + " " + rr[j].role;
  if (seen[key]) { continue; }
  seen[key] = true;
  var e = d[rr[j].event];
  rows.push({source: params.person, target: e.event, event: e.event, role: rr[j].role, kind: e.kind,
    date: e.date, place: e.place, place_name: e.place_name, series: e.series, ordinal: e.ordinal,
    status: e.status, titles: titles});
}
rows = sortBy(rows, function (r) { return dateKey(r) + "\u0001" + r.role; });
emitAll(rows);
