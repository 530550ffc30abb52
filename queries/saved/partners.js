// @description A country's partners ranked by the number of events they share with it (in any role), most first; ties by IRI. Rows: source = the country, target = the partner.
// @param country iri The country, e.g. <country:RUS>
// @param kind string Only events of this kind (meeting, visit, call, ...); all when empty
// @default kind
var evs = uniq(g.V(params.country).out(ROLES).toArray(10000000));
if (params.kind) {
  var keep = {};
  for (var j = 0; j < evs.length; j++) {
    if (g.V(evs[j]).out("<dg:kind>").toArray(10).indexOf(params.kind) >= 0) { keep[evs[j]] = true; }
  }
  evs = evs.filter(function (e) { return keep[e]; });
}
var rows = neighbours(evs, ROLES, true);
var seen = {}, count = {}, events = {};
for (var r = 0; r < rows.length; r++) {
  var p = rows[r].to, e = rows[r].from;
  if (p === params.country || !isA(p, "country")) { continue; }
  var key = p + " " + e;
  if (seen[key]) { continue; }
  seen[key] = true;
  count[p] = (count[p] || 0) + 1;
  (events[p] = events[p] || []).push(e);
}
var partners = Object.keys(count);
var nm = names(partners);
partners.sort(function (x, y) {
  if (count[x] !== count[y]) { return count[y] - count[x]; }
  return x < y ? -1 : (x > y ? 1 : 0);
});
var out = [];
for (var k = 0; k < partners.length; k++) {
  out.push({source: params.country, target: partners[k], partner: partners[k], name: nm[partners[k]],
    events: count[partners[k]], event_list: events[partners[k]].sort()});
}
emitAll(out);
