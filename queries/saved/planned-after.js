// @description Meetings planned after a date: events with status "planned" whose date may fall on or after the given day (a date of "2025" counts as late as 2025-12-31), soonest first, with place, series and the meeting that announced them. Rows: source = the announcing meeting (else the series, else the event itself), target = the planned event.
// @param after date The date, e.g. 2024-01-01
// Walk the calendar from the given day, looking each date value up
// ("2025", "2025-06", "2025-06-03"), and stop at the end of the first day
// by which LIMIT planned events are found: anything not yet seen starts
// later and sorts after them. After three years of calendar without
// enough, scan every planned event instead.
var found = {}, nfound = 0;
function plannedOn(ds, into) {
  var evs = g.V(ds).in("<dg:date>").has("<dg:status>", "planned").toArray(10000000);
  for (var i = 0; i < evs.length; i++) {
    into.push({event: evs[i], date: ds});
    if (!found[evs[i]]) { found[evs[i]] = true; nfound++; }
  }
}
var after = dateStart(params.after);
var cand = [];
var y = parseInt(after.substring(0, 4), 10), m = parseInt(after.substring(5, 7), 10), day = parseInt(after.substring(8, 10), 10);
var enough = false;
for (var step = 0; step < 36 && !enough; step++) {
  var ys = String(y), ms = ys + "-" + pad(m);
  if (step === 0 || m === 1) { plannedOn(ys, cand); }
  plannedOn(ms, cand);
  for (var dd = (step === 0 ? day : 1); dd <= 31; dd++) {
    plannedOn(ms + "-" + pad(dd), cand);
    if (nfound >= LIMIT) { enough = true; break; }
  }
  m++;
  if (m > 12) { m = 1; y++; }
}
if (!enough) {
  cand = [];
  var rows0 = g.V("planned").in("<dg:status>").tag("event").out("<dg:date>").tag("date").tagArray(10000000);
  for (var i = 0; i < rows0.length; i++) {
    if (dateEnd(rows0[i].date) >= after) { cand.push({event: rows0[i].event, date: rows0[i].date}); }
  }
}
// only the first LIMIT rows are kept: describe only those
cand = sortBy(cand, dateKey);
var evs = [], seenEv = {};
for (var c = 0; c < cand.length && evs.length < LIMIT; c++) {
  if (!seenEv[cand[c].event]) { seenEv[cand[c].event] = true; evs.push(cand[c].event); }
}
var d = describe(evs);
var prev = {};
var pr = links(evs, ["<dg:next_meeting>"], true);
for (var j = 0; j < pr.length; j++) { if (!prev[pr[j].from]) { prev[pr[j].from] = pr[j].to; } }
var rows = [];
for (var k = 0; k < evs.length; k++) {
  var e = d[evs[k]];
  rows.push({source: prev[e.event] || e.series || e.event, target: e.event, event: e.event, date: e.date,
    kind: e.kind, place: e.place, place_name: e.place_name, series: e.series, ordinal: e.ordinal,
    announced_by: prev[e.event]});
}
rows = sortBy(rows, dateKey);
emitAll(rows);
