// Helpers prepended to every saved query (after the params object).
// Node values are strings as Gizmo returns them: IRIs as "<country:PAK>",
// string literals bare, integers as numbers.
//
// Performance note: Cayley plans a traversal that starts at many nodes
// (g.V(a, b, ...)), or that tags its predicates (out(preds, "pred")), or
// that ends in has("<rdf:type>", ...), badly on large stores: it scans
// every quad of the predicate. One small traversal per start node costs
// about 50 us on bolt, so the helpers below loop over nodes.

// LIMIT is the number of rows the runner keeps (set before the prelude
// when a saved query runs; unbounded otherwise).
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

// datesWithin lists every ISO date value ("2024", "2024-03", "2024-03-05")
// that lies wholly within [from, to], or null when there would be more
// than max: looking those literals up is far faster than scanning every date.
function datesWithin(from, to, max) {
  var s = dateStart(from), e = dateEnd(to);
  var y0 = parseInt(s.substring(0, 4), 10), y1 = parseInt(e.substring(0, 4), 10);
  if ((y1 - y0 + 1) * 400 > max) { return null; }
  var out = [];
  function pad(n) { return n < 10 ? "0" + n : String(n); }
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
// for ranges up to about 50 years, a scan of every date beyond.
function eventsWithin(from, to) {
  var rows = [];
  var ds = (from && to) ? datesWithin(from, to, 20000) : null;
  if (ds !== null) {
    for (var i = 0; i < ds.length; i++) {
      var evs = g.V(ds[i]).in("<dg:date>").toArray(10000000);
      for (var k = 0; k < evs.length; k++) { rows.push({event: evs[k], date: ds[i]}); }
    }
    return rows;
  }
  var all = g.V().tag("event").out("<dg:date>").tag("date").tagArray(10000000);
  for (var j = 0; j < all.length; j++) {
    if (within(all[j].date, from, to)) { rows.push({event: all[j].event, date: all[j].date}); }
  }
  return rows;
}

// byDateThenId orders rows by date (undated last), then by event.
function byDateThenId(a, b) {
  var da = a.date ? dateStart(a.date) : "9999", db = b.date ? dateStart(b.date) : "9999";
  if (da !== db) { return da < db ? -1 : 1; }
  var ea = String(a.event || a.target), eb = String(b.event || b.target);
  return ea < eb ? -1 : (ea > eb ? 1 : 0);
}

// emitAll emits every row of rows in order, without its empty fields.
function emitAll(rows) {
  for (var i = 0; i < rows.length; i++) {
    var r = rows[i], o = {};
    for (var k in r) { if (r[k] !== undefined && r[k] !== null) { o[k] = r[k]; } }
    g.emit(o);
  }
}
