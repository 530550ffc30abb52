// Helpers prepended to every saved query (after the params object).
// Node values are strings as Gizmo returns them: IRIs as "<country:PAK>",
// string literals bare, integers as numbers.
//
// Performance note: Cayley plans a traversal that starts at many nodes
// (g.V(a, b, ...)), or that tags its predicates (out(preds, "pred")), or
// that ends in has("<rdf:type>", ...), badly on large stores: it scans
// every quad of the predicate. One small traversal per start node costs
// about 50 us on bolt, so the helpers below loop over nodes.

// LIMIT is the number of rows the runner reads: one more than it keeps,
// which tells it whether the limit cut the result (set before the
// prelude when a saved query runs under a limit; unbounded otherwise).
if (typeof LIMIT === "undefined") { var LIMIT = 1000000000; }

// ROLES are the predicates from an actor to an event (SCHEMA.md).
var ROLES = ["<dg:participated_in>", "<dg:co_chaired>", "<dg:chaired>", "<dg:led_delegation>",
  "<dg:hosted>", "<dg:spoke_at>", "<dg:signed>"];

// uniq returns the distinct members of arr in first-seen order.
function uniq(arr) {
  var seen = {}, out = [];
  for (var i = 0; i < arr.length; i++) {
    var k = String(arr[i]);
    if (!seen.hasOwnProperty(k)) { seen[k] = true; out.push(arr[i]); }
  }
  return out;
}

// dateStart and dateEnd give the first and the last day an ISO date as
// precise as "2024" or "2024-05" may mean ("2024" -> 2024-01-01, 2024-12-31).
function dateStart(d) {
  d = String(d);
  if (d.length === 4) { return d + "-01-01"; }
  if (d.length === 7) { return d + "-01"; }
  return d.substring(0, 10);
}
function dateEnd(d) {
  d = String(d);
  if (d.length === 4) { return d + "-12-31"; }
  if (d.length === 7) { return d + "-31"; }
  return d.substring(0, 10);
}

// within says whether date d lies wholly in [from, to] (either may be "").
function within(d, from, to) {
  if (d === undefined || d === null || d === "") { return false; }
  if (from && dateStart(d) < dateStart(from)) { return false; }
  if (to && dateEnd(d) > dateEnd(to)) { return false; }
  return true;
}

// isA says whether node is an IRI of the given prefix ("country",
// "person", "event", ...): SCHEMA.md fixes each class's IRI prefix, and
// testing it is much faster than a has("<rdf:type>", ...) join.
function isA(node, prefix) {
  return String(node).indexOf("<" + prefix + ":") === 0;
}

// first returns the first object of node's predicate pred, or undefined.
function first(node, pred) {
  var v = g.V(node).out(pred).toArray(1);
  return v.length > 0 ? v[0] : undefined;
}

// names maps each node of list to its <schema:name> (the node itself when it has none).
function names(list) {
  var out = {};
  list = uniq(list);
  for (var i = 0; i < list.length; i++) {
    var n = first(list[i], "<schema:name>");
    out[list[i]] = n === undefined ? list[i] : n;
  }
  return out;
}

// describe maps each event of list to its attributes: name, kind, date,
// place (and place_name), ordinal, status, series. Where reports disagree
// the first value read wins.
function describe(list) {
  var out = {};
  list = uniq(list);
  var attrs = [["<schema:name>", "name"], ["<dg:kind>", "kind"], ["<dg:date>", "date"],
    ["<dg:held_in>", "place"], ["<dg:ordinal>", "ordinal"], ["<dg:status>", "status"],
    ["<dg:part_of>", "series"]];
  var places = [];
  for (var i = 0; i < list.length; i++) {
    var d = out[list[i]] = {event: list[i]};
    for (var a = 0; a < attrs.length; a++) {
      var v = first(list[i], attrs[a][0]);
      if (v !== undefined) { d[attrs[a][1]] = v; }
    }
    if (d.place) { places.push(d.place); }
  }
  var pn = names(places);
  for (var k in out) { if (out[k].place) { out[k].place_name = pn[out[k].place]; } }
  return out;
}

// links follows each predicate of preds from every node of list (forward,
// or backward when back is true) and returns rows {from, pred, to}.
function links(list, preds, back) {
  var out = [];
  for (var i = 0; i < list.length; i++) {
    for (var j = 0; j < preds.length; j++) {
      var p = g.V(list[i]);
      var to = (back ? p.in(preds[j]) : p.out(preds[j])).toArray(10000000);
      for (var k = 0; k < to.length; k++) { out.push({from: list[i], pred: preds[j], to: to[k]}); }
    }
  }
  return out;
}

// neighbours is links without the predicate, one traversal per node:
// rows {from, to}, once per distinct pair.
function neighbours(list, preds, back) {
  var out = [];
  for (var i = 0; i < list.length; i++) {
    var p = g.V(list[i]);
    var to = uniq((back ? p.in(preds) : p.out(preds)).toArray(10000000));
    for (var k = 0; k < to.length; k++) { out.push({from: list[i], to: to[k]}); }
  }
  return out;
}

// pad writes a month or day number with two digits.
function pad(n) { return n < 10 ? "0" + n : String(n); }

// datesWithin lists every ISO date value ("2024", "2024-03", "2024-03-05")
// that lies wholly within [from, to], or null when there would be more
// than max: looking those literals up is far faster than scanning every date.
function datesWithin(from, to, max) {
  var s = dateStart(from), e = dateEnd(to);
  var y0 = parseInt(s.substring(0, 4), 10), y1 = parseInt(e.substring(0, 4), 10);
  if ((y1 - y0 + 1) * 400 > max) { return null; }
  var out = [];
  for (var y = y0; y <= y1; y++) {
    var ys = String(y);
    if (within(ys, from, to)) { out.push(ys); }
    for (var m = 1; m <= 12; m++) {
      var ms = ys + "-" + pad(m);
      if (within(ms, from, to)) { out.push(ms); }
      if (dateEnd(ms) < s || dateStart(ms) > e) { continue; }
      for (var d = 1; d <= 31; d++) {
        var ds = ms + "-" + pad(d);
        if (ds >= s && ds <= e) { out.push(ds); }
      }
    }
  }
  return out;
}

// eventsWithin returns the events whose <dg:date> lies wholly within
// [from, to] as rows {event, date}: a lookup of each possible date value
// for ranges up to about 50 years, a scan of every date beyond. With each,
// it hands the rows over one group at a time, groups of the same first day
// (dateStart) in date order, and stops early once each returns true: a
// query that keeps LIMIT rows in date order reads no further than it needs.
function eventsWithin(from, to, each) {
  var rows = [];
  var ds = (from && to) ? datesWithin(from, to, 20000) : null;
  if (ds === null) {
    var all = g.V().tag("event").out("<dg:date>").tag("date").tagArray(10000000);
    for (var j = 0; j < all.length; j++) {
      if (within(all[j].date, from, to)) { rows.push({event: all[j].event, date: all[j].date}); }
    }
    if (!each) { return rows; }
    rows = sortBy(rows, dateKey);
    ds = uniq(rows.map(function (r) { return r.date; }));
  }
  var out = [], group = [], groupStart = null, byDate = null;
  if (rows.length > 0) {
    byDate = {};
    for (var b = 0; b < rows.length; b++) { (byDate[rows[b].date] = byDate[rows[b].date] || []).push(rows[b]); }
  }
  for (var i = 0; i <= ds.length; i++) {
    var start = i < ds.length ? dateStart(ds[i]) : null;
    if (each && group.length > 0 && start !== groupStart) {
      if (each(group)) { return out; }
      group = [];
    }
    if (i === ds.length) { break; }
    groupStart = start;
    var found = byDate ? (byDate[ds[i]] || []) : g.V(ds[i]).in("<dg:date>").toArray(10000000).map(function (e) { return {event: e, date: ds[i]}; });
    for (var k = 0; k < found.length; k++) { out.push(found[k]); group.push(found[k]); }
  }
  return out;
}

// sortBy returns rows ordered by the string key(row) gives (ties keep
// their order). It sorts the keys natively: a JavaScript comparator costs
// some microseconds a call in Gizmo's interpreter, the keys a fraction.
function sortBy(rows, key) {
  var ks = [];
  for (var i = 0; i < rows.length; i++) { ks.push(key(rows[i]) + "\u0001" + (1000000000 + i)); }
  ks.sort();
  var out = [];
  for (var j = 0; j < ks.length; j++) { out.push(rows[parseInt(ks[j].substring(ks[j].length - 10), 10) - 1000000000]); }
  return out;
}

// dateKey orders rows by date (undated last), then by event.
function dateKey(r) {
  return (r.date ? dateStart(r.date) : "9999") + "\u0001" + String(r.event || r.target);
}

// emitAll emits every row of rows in order, without its empty fields.
function emitAll(rows) {
  for (var i = 0; i < rows.length; i++) {
    var r = rows[i], o = {};
    for (var k in r) { if (r[k] !== undefined && r[k] !== null) { o[k] = r[k]; } }
    g.emit(o);
  }
}
