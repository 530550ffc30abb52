// @description Meetings planned after a date: events with status "planned" whose date may fall on or after the given day (a date of "2025" counts as late as 2025-12-31), soonest first, with place, series and the meeting that announced them. Rows: source = the announcing meeting (else the series, else the event itself), target = the planned event.
// @param after date The date, e.g. 2024-01-01
var rows0 = g.V("planned").in("<dg:status>").tag("event").out("<dg:date>").tag("date").tagArray(10000000);
var cand = [];
for (var i = 0; i < rows0.length; i++) {
  if (dateEnd(rows0[i].date) >= dateStart(params.after)) { cand.push({event: rows0[i].event, date: rows0[i].date}); }
}
// only the first LIMIT rows are kept: describe only those
cand.sort(byDateThenId);
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
rows.sort(byDateThenId);
emitAll(rows);
