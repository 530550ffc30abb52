// @description A country's partners ranked by the number of events they share with it (in any role), most first; ties by IRI. Rows: source = the country, target = the partner.
// @param country iri The country, e.g. <country:RUS>
// @param kind string Only events of this kind (meeting, visit, call, ...); all when empty
// @default kind
var rows = g.V(params.country).out(ROLES).tag("event").in(ROLES).has("<rdf:type>", "<dg:Country>").tag("partner").tagArray(1000000);
var kinds = {};
if (params.kind) {
  var evs = [];
  for (var i = 0; i < rows.length; i++) { evs.push(rows[i].event); }
  var kr = V(uniq(evs)).tag("e").out("<dg:kind>").tag("k").tagArray(1000000);
  for (var j = 0; j < kr.length; j++) { if (kr[j].k === params.kind) { kinds[kr[j].e] = true; } }
}
var seen = {}, count = {}, events = {};
for (var r = 0; r < rows.length; r++) {
  var p = rows[r].partner, e = rows[r].event;
  if (p === params.country) { continue; }
  if (params.kind && !kinds[e]) { continue; }
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
for (var k = 0; k < partners.length; k++) {
  var ev = events[partners[k]].sort();
  emitAll([{source: params.country, target: partners[k], partner: partners[k], name: nm[partners[k]],
    events: count[partners[k]], event_list: ev}]);
}
