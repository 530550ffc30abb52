// @description A country's partners ranked by the number of events they share with it (in any role), most first; ties by IRI. Rows: source = the country, target = the partner.
// @param country iri The country, e.g. <country:RUS>
// @param kind string Only events of this kind (meeting, visit, call, ...); all when empty
// @default kind
// one traversal: every (event, actor) pair of the country's events
var pairs = g.V(params.country).out(ROLES).tag("e").in(ROLES).tagArray(10000000);
var keep = null;
if (params.kind) {
  keep = {};
  var evs = [], seenEv = {};
  for (var i = 0; i < pairs.length; i++) {
    if (!seenEv[pairs[i].e]) { seenEv[pairs[i].e] = true; evs.push(pairs[i].e); }
  }
  for (var j = 0; j < evs.length; j++) {
    if (g.V(evs[j]).out("<dg:kind>").toArray(10).indexOf(params.kind) >= 0) { keep[evs[j]] = true; }
  }
}
var seen = {}, count = {}, events = {};
for (var r = 0; r < pairs.length; r++) {
  var p = pairs[r].id, e = pairs[r].e;
  if (p === params.country || !isA(p, "country") || (keep && !keep[e])) { continue; }
  var key = p + " " + e;
  if (seen[key]) { continue; }
  seen[key] = true;
  count[p] = (count[p] || 0) + 1;
  (events[p] = events[p] || []).push(e);
}
var partners = Object.keys(count);
partners = sortBy(partners, function (p) { return String(1000000000 - count[p]) + "\u0001" + p; });
// only the first LIMIT rows are kept: name only those
partners = partners.slice(0, LIMIT);
var nm = names(partners);
var out = [];
for (var k = 0; k < partners.length; k++) {
  out.push({source: params.country, target: partners[k], partner: partners[k], name: nm[partners[k]],
    events: count[partners[k]], event_list: events[partners[k]].sort()});
}
emitAll(out);
