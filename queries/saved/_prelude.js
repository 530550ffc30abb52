// Helpers prepended to every saved query (after the params object).
// Node values are strings as Gizmo returns them: IRIs as "<country:PAK>",
// string literals bare, integers as numbers.

// ROLES are the predicates from an actor to an event (SCHEMA.md).
var ROLES = ["<dg:participated_in>", "<dg:co_chaired>", "<dg:chaired>", "<dg:led_delegation>",
  "<dg:hosted>", "<dg:spoke_at>", "<dg:signed>"];

// V starts a path at every node of list; never at all nodes.
function V(list) {
  if (!list || list.length === 0) { return g.V("<dg:none>").is("<dg:nothing>"); }
  return g.V.apply(g, list);
}

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

// names maps each node of list to its <schema:name> (the node itself when it has none).
function names(list) {
  var out = {};
  list = uniq(list);
  for (var i = 0; i < list.length; i++) { out[list[i]] = list[i]; }
  var rows = V(list).tag("n").out("<schema:name>").tag("name").tagArray(100000);
  for (var j = 0; j < rows.length; j++) { out[rows[j].n] = rows[j].name; }
  return out;
}

// ofType keeps the nodes of list whose <rdf:type> is cls.
function ofType(list, cls) {
  return uniq(V(list).has("<rdf:type>", cls).toArray(100000));
}

// describe maps each event of list to its attributes: name, kind, date,
// place (and place_name), ordinal, status, series. Where reports disagree
// the first value read wins.
function describe(list) {
  var out = {};
  list = uniq(list);
  for (var i = 0; i < list.length; i++) { out[list[i]] = {event: list[i]}; }
  var attrs = [["<schema:name>", "name"], ["<dg:kind>", "kind"], ["<dg:date>", "date"],
    ["<dg:held_in>", "place"], ["<dg:ordinal>", "ordinal"], ["<dg:status>", "status"],
    ["<dg:part_of>", "series"]];
  for (var a = 0; a < attrs.length; a++) {
    var rows = V(list).tag("e").out(attrs[a][0]).tag("v").tagArray(100000);
    for (var r = 0; r < rows.length; r++) {
      var d = out[rows[r].e];
      if (d && d[attrs[a][1]] === undefined) { d[attrs[a][1]] = rows[r].v; }
    }
  }
  var places = [];
  for (var k in out) { if (out[k].place) { places.push(out[k].place); } }
  var pn = names(places);
  for (var k2 in out) { if (out[k2].place) { out[k2].place_name = pn[out[k2].place]; } }
  return out;
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
