package queries

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/jsonld"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

const (
	ev10    = quad.IRI("event:pak-rus/joint-working-group/counter-terrorism/10")
	reportA = "report:0a0a0a0a0a0a0a0a"
	reportB = "report:0b0b0b0b0b0b0b0b"
)

// allQuads reads every quad of a store.
func allQuads(t testing.TB, s *graph.Store) []quad.Quad {
	t.Helper()
	qs := s.QuadStore()
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(context.Background()) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Sort(quad.ByQuadString(out))
	return out
}

func sortedCopy(qq []quad.Quad) []quad.Quad {
	out := append([]quad.Quad(nil), qq...)
	sort.Sort(quad.ByQuadString(out))
	return out
}

func diffQuads(t *testing.T, got, want []quad.Quad) {
	t.Helper()
	g, w := map[quad.Quad]bool{}, map[quad.Quad]bool{}
	for _, q := range got {
		g[q] = true
	}
	for _, q := range want {
		w[q] = true
	}
	n := 0
	for q := range w {
		if !g[q] && n < 10 {
			t.Errorf("lost: %s", q.NQuad())
			n++
		}
	}
	for q := range g {
		if !w[q] && n < 20 {
			t.Errorf("gained: %s", q.NQuad())
			n++
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d quads, want %d", len(got), len(want))
	}
}

// roundTrip exports quads in format, loads the file into an empty store of
// backend and returns what the store holds.
func roundTrip(t *testing.T, quads []quad.Quad, format, backend string) []quad.Quad {
	t.Helper()
	e, err := LookupExporter(format)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sub"+e.Extensions()[0])
	if err := ExportFile(path, "", quads); err != nil {
		t.Fatal(err)
	}
	qf, err := graph.OpenQuadFile(path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer qf.Close()
	s := graphtest.Open(t, backend)
	if _, err := s.Load(context.Background(), qf, 0, nil); err != nil {
		t.Fatal(err)
	}
	return allQuads(t, s)
}

func TestNQuadsRoundTrip(t *testing.T) {
	src := fixtureStore(t)
	ctx := context.Background()
	sub, err := Neighbourhood(ctx, src.QuadStore(), []quad.Value{quad.IRI("country:PAK")}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(sub) < 50 {
		t.Fatalf("2-hop neighbourhood of PAK has only %d quads", len(sub))
	}
	for _, backend := range []string{"memstore", "bolt"} {
		t.Run("neighbourhood/"+backend, func(t *testing.T) {
			diffQuads(t, roundTrip(t, sub, "nquads", backend), sortedCopy(sub))
		})
	}
	t.Run("whole-store", func(t *testing.T) {
		all := allQuads(t, src)
		diffQuads(t, roundTrip(t, all, "nquads", "memstore"), all)
	})
	t.Run("jsonld", func(t *testing.T) {
		diffQuads(t, roundTrip(t, sub, "jsonld", "memstore"), sortedCopy(sub))
	})
}

func TestSubgraphSelections(t *testing.T) {
	s := fixtureStore(t)
	qs := s.QuadStore()
	ctx := context.Background()
	has := func(qq []quad.Quad, sub, pred, obj quad.Value) bool {
		for _, q := range qq {
			if q.Subject == sub && q.Predicate == pred && (obj == nil || q.Object == obj) {
				return true
			}
		}
		return false
	}
	// 1 hop from RUS: its events and their descriptions, but not the
	// events' other links (those are 2 hops away).
	n1, err := Neighbourhood(ctx, qs, []quad.Value{quad.IRI("country:RUS")}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !has(n1, quad.IRI("country:RUS"), quad.IRI("dg:co_chaired"), ev10) || !has(n1, ev10, quad.IRI("dg:date"), nil) {
		t.Error("1-hop neighbourhood of RUS misses RUS's role in the 10th JWG or its date")
	}
	if has(n1, ev10, quad.IRI("dg:held_in"), nil) {
		t.Error("1-hop neighbourhood of RUS holds a link two hops away")
	}
	if has(n1, quad.IRI("country:IND"), nil, nil) {
		t.Error("1-hop neighbourhood of RUS reaches India (through <rdf:type>?)")
	}
	// by report: exactly the quads labelled with report C
	r, err := ReportsSubgraph(ctx, qs, []quad.Value{quad.IRI("report:0c0c0c0c0c0c0c0c")})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.LabelQuads(ctx, quad.IRI("report:0c0c0c0c0c0c0c0c"))
	diffQuads(t, sortedCopy(r), sortedCopy(want))
	if _, err := ReportsSubgraph(ctx, qs, []quad.Value{quad.IRI("report:ffff")}); err == nil {
		t.Error("unknown report accepted")
	}
	// by date: March 2024 holds the CHN-RUS consultations and the IND-JPN dialogue
	d, err := DateRangeSubgraph(ctx, qs, "2024-03", "2024-03")
	if err != nil {
		t.Fatal(err)
	}
	events := map[quad.Value]bool{}
	for _, q := range d {
		if q.Predicate == quad.IRI("dg:date") {
			events[q.Subject] = true
		}
	}
	wantEv := map[quad.Value]bool{quad.IRI("event:chn-rus/consultations/5"): true, quad.IRI("event:ind-jpn/dialogue/2-plus-2/3"): true}
	if !reflect.DeepEqual(events, wantEv) {
		t.Errorf("dated events in March 2024: %v", events)
	}
	if !has(d, quad.IRI("person:sun-weidong"), quad.IRI("schema:name"), quad.String("Sun Weidong")) {
		t.Error("date-range subgraph lacks the co-chair's name")
	}
	// by query: the subgraph induced by the nodes a Gizmo query returns
	g, _, err := QuerySubgraph(ctx, qs, "gizmo", `g.V("<country:PAK>").tag("c").out("<dg:co_chaired>").all()`, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range g {
		if q.Subject != quad.IRI("country:PAK") && q.Subject != ev10 {
			t.Errorf("query subgraph holds %s", q.NQuad())
		}
	}
	if !has(g, quad.IRI("country:PAK"), quad.IRI("dg:co_chaired"), ev10) || !has(g, quad.IRI("country:PAK"), quad.IRI("dg:hosted"), ev10) {
		t.Error("query subgraph misses links between its nodes")
	}
	if !DateWithin("2024", "2024-01-01", "2024-12-31") || DateWithin("2024", "2024-03", "") || !DateWithin("2024-03-06", "2024-03", "2024-03") {
		t.Error("DateWithin")
	}
}

func TestExporterRegistry(t *testing.T) {
	want := []string{"csv", "dot", "gml", "graphml", "jsonld", "nquads"}
	if got := ExporterNames(); !reflect.DeepEqual(got, want) {
		t.Fatalf("exporters %v, want %v", got, want)
	}
	for path, name := range map[string]string{"a.nq": "nquads", "a.GRAPHML": "graphml", "x/y.gml": "gml",
		"a.dot": "dot", "a.gv": "dot", "a.jsonld": "jsonld", "t.zip": "csv"} {
		e, ok := ExporterForPath(path)
		if !ok || e.Name() != name {
			t.Errorf("%s: %v %v, want %s", path, e, ok, name)
		}
	}
	if _, ok := ExporterForPath("a.txt"); ok {
		t.Error("a.txt has a format")
	}
	if err := ExportFile(filepath.Join(t.TempDir(), "a.txt"), "", nil); err == nil || !strings.Contains(err.Error(), "cannot tell the format") {
		t.Errorf("ExportFile a.txt: %v", err)
	}
	if _, err := LookupExporter("xml"); err == nil {
		t.Error("unknown format accepted")
	}
}

// networkxPython finds a Python that imports networkx and pydot (Debian's
// python3-networkx and python3-pydot install them for /usr/bin/python3).
func networkxPython(t *testing.T) string {
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import networkx, pydot").Run() == nil {
			return py
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no python3 with networkx and pydot: apt-get install -y python3-networkx python3-pydot")
	}
	t.Skip("no python3 with networkx and pydot")
	return ""
}

const nxScript = `
import json, sys
import networkx as nx
fmt, path = sys.argv[1], sys.argv[2]
def unquote(v):
    # pydot keeps DOT's quotes and escapes in attribute values
    if isinstance(v, str) and len(v) >= 2 and v[0] == '"' and v[-1] == '"':
        return v[1:-1].replace('\\"', '"').replace('\\n', '\n').replace('\\\\', '\\')
    return v
if fmt == "dot":
    G = nx.nx_pydot.read_dot(path)
    for _, d in G.nodes(data=True):
        d.update({k: unquote(v) for k, v in d.items()})
    for _, _, d in G.edges(data=True):
        d.update({k: unquote(v) for k, v in d.items()})
    # DOT keys nodes by their IRI; the label is the name
    key = {n: n for n in G.nodes}
else:
    G = nx.read_graphml(path) if fmt == "graphml" else nx.read_gml(path)
    # read_gml keys nodes by their (unique) label and drops it from the data
    key = {n: d.setdefault("label", n) for n, d in G.nodes(data=True)}
out = {
  "multigraph": G.is_multigraph(), "directed": G.is_directed(), "ids": sorted(G.nodes),
  "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
  "node": {key[n]: d for n, d in G.nodes(data=True)},
  "edge": sorted([[key[u], key[v], d.get("label"), d.get("provenance")] for u, v, d in G.edges(data=True)]),
}
print(json.dumps(out, default=str))
`

type nxResult struct {
	Multigraph bool                              `json:"multigraph"`
	Directed   bool                              `json:"directed"`
	Nodes      int                               `json:"nodes"`
	Edges      int                               `json:"edges"`
	Node       map[string]map[string]interface{} `json:"node"`
	Edge       [][4]interface{}                  `json:"edge"`
	IDs        []string                          `json:"ids"` // networkx's node keys
}

// networkxRead exports quads in format, has networkx read the file and
// checks that it sees a directed multigraph with one node per IRI (classes
// excepted) and one edge per distinct link, counted here from the quads.
func networkxRead(t *testing.T, format string, quads []quad.Quad) nxResult {
	t.Helper()
	py := networkxPython(t)
	nodes := map[quad.Value]bool{}
	links := map[[3]quad.Value]bool{}
	for _, q := range quads {
		nodes[q.Subject] = true
		if isLink(q) {
			nodes[q.Object] = true
			links[[3]quad.Value{q.Subject, q.Predicate, q.Object}] = true
		}
	}
	path := filepath.Join(t.TempDir(), "export."+format)
	if err := ExportFile(path, "", quads); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", nxScript, format, path).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx cannot read %s: %v\n%s", format, err, out)
	}
	var r nxResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !r.Multigraph || !r.Directed || r.Nodes != len(nodes) || r.Edges != len(links) {
		t.Errorf("networkx: multigraph %v directed %v, %d nodes, %d edges; want a directed multigraph with %d nodes, %d edges",
			r.Multigraph, r.Directed, r.Nodes, r.Edges, len(nodes), len(links))
	}
	for n := range nodes {
		if _, ok := r.Node[valueLabel(n)]; !ok {
			t.Errorf("networkx lacks node %s", valueLabel(n))
			break
		}
	}
	return r
}

// TestNetworkxReadsGraphMLGMLAndDOT has networkx read the GraphML, GML
// and DOT (through pydot) exports of the fixture.
func TestNetworkxReadsGraphMLGMLAndDOT(t *testing.T) {
	s := fixtureStore(t)
	all := allQuads(t, s)
	for _, format := range []string{"graphml", "gml", "dot"} {
		t.Run(format, func(t *testing.T) {
			r := networkxRead(t, format, all)
			pak := r.Node["country:PAK"]
			// DOT: nodes are keyed by their IRI, labelled with their name,
			// and every value is a string
			nameKey, label, ordinal := "name", "country:PAK", interface{}(float64(10))
			if format == "dot" {
				nameKey, label, ordinal = "entity_name", "Pakistan", "10"
			}
			if pak[nameKey] != "Pakistan" || pak["type"] != "Country" || pak["label"] != label {
				t.Errorf("country:PAK: %v", pak)
			}
			e10 := r.Node[string(ev10)]
			if e10["ordinal"] != ordinal || e10["date"] != "2023-11-16" || e10["kind"] != "meeting" || e10["type"] != "Event" {
				t.Errorf("%s: %v", ev10, e10)
			}
			if ev := e10["evidence"]; ev != `The 10th meeting of the "Pakistan-Russia JWG" was held in Islamabad on 16 November.` {
				t.Errorf("evidence with quotes read back as %q", ev)
			}
			want := [][4]interface{}{
				{"country:PAK", string(ev10), "dg:co_chaired", reportA},
				{"country:PAK", string(ev10), "dg:hosted", reportA},
				{"person:sergey-vershinin", string(ev10), "dg:co_chaired", reportA + " " + reportB},
				{string(ev10), "place:pak/islamabad", "dg:held_in", reportA + " " + reportB},
			}
			for _, w := range want {
				found := false
				for _, e := range r.Edge {
					if e == w {
						found = true
					}
				}
				if !found {
					t.Errorf("no edge %v", w)
				}
			}
		})
	}
}

// TestExportsJoinByID checks that networkx keys the nodes of the GraphML,
// GML and DOT exports of one subgraph alike, by IRI, so that they join.
func TestExportsJoinByID(t *testing.T) {
	s := fixtureStore(t)
	all := allQuads(t, s)
	ids := map[string][]string{}
	for _, format := range []string{"graphml", "gml", "dot"} {
		ids[format] = networkxRead(t, format, all).IDs
	}
	if !slices.Contains(ids["graphml"], "place:pak/islamabad") {
		t.Errorf("GraphML node ids are not IRIs: %v", ids["graphml"])
	}
	for _, format := range []string{"gml", "dot"} {
		if !slices.Equal(ids[format], ids["graphml"]) {
			t.Errorf("%s node ids differ from GraphML's:\n %v\n %v", format, ids[format], ids["graphml"])
		}
	}
}

func TestGMLAndDOTEscaping(t *testing.T) {
	qq := []quad.Quad{
		{Subject: quad.IRI("person:a"), Predicate: quad.IRI("schema:name"), Object: quad.String(`Ça "va" & <bien>`), Label: quad.IRI("report:1")},
		{Subject: quad.IRI("person:a"), Predicate: quad.IRI("dg:represents"), Object: quad.IRI("country:TUR"), Label: quad.IRI("report:1")},
	}
	var b bytes.Buffer
	if err := exportGML(&b, qq); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `name "&#199;a &quot;va&quot; &amp; <bien>"`) || !strings.Contains(b.String(), "multigraph 1") {
		t.Errorf("GML:\n%s", b.String())
	}
	b.Reset()
	if err := exportDOT(&b, qq); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `label="Ça \"va\" & <bien>"`) || !strings.Contains(b.String(), `"person:a" -> "country:TUR" [label="dg:represents", provenance="report:1"]`) {
		t.Errorf("DOT:\n%s", b.String())
	}
}

func TestCSVExport(t *testing.T) {
	s := fixtureStore(t)
	all := allQuads(t, s)
	pg := ProjectGraph(all)
	dir := filepath.Join(t.TempDir(), "tables")
	if err := ExportFile(dir, "csv", all); err != nil {
		t.Fatal(err)
	}
	read := func(r *csv.Reader) [][]string {
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	open := func(name string) [][]string {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		return read(csv.NewReader(f))
	}
	nodes, edges := open("nodes.csv"), open("edges.csv")
	if len(nodes) != len(pg.Nodes)+1 || len(edges) != len(pg.Edges)+1 {
		t.Fatalf("%d node rows, %d edge rows", len(nodes), len(edges))
	}
	if !reflect.DeepEqual(edges[0], []string{"source", "target", "label", "provenance"}) || nodes[0][0] != "id" {
		t.Errorf("headers %v %v", nodes[0], edges[0])
	}
	found := false
	for _, e := range edges {
		if e[0] == "person:syed-haider-shah" && e[2] == "dg:co_chaired" && e[3] == reportA+" "+reportB {
			found = true
		}
	}
	if !found {
		t.Error("edges.csv lacks the co-chair edge with both reports as provenance")
	}
	// zip, its entries dated with the time of the export
	zpath := filepath.Join(t.TempDir(), "t.zip")
	before := time.Now().Add(-2 * time.Second) // zip times have 2 s steps
	if err := ExportFile(zpath, "", all); err != nil {
		t.Fatal(err)
	}
	after := time.Now().Add(2 * time.Second)
	zr, err := zip.OpenReader(zpath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if m := f.Modified; m.Before(before) || m.After(after) {
			t.Errorf("zip %s dated %s, not the export's time (%s)", f.Name, m, before)
		}
		rc, _ := f.Open()
		rows := read(csv.NewReader(rc))
		rc.Close()
		if f.Name == "edges.csv" && len(rows) != len(edges) {
			t.Errorf("zip edges.csv: %d rows", len(rows))
		}
	}
	if !reflect.DeepEqual(names, []string{"nodes.csv", "edges.csv"}) {
		t.Errorf("zip holds %v", names)
	}
}

// TestGraphvizReadsDOT has Graphviz's dot parse the export, when installed.
func TestGraphvizReadsDOT(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("graphviz not installed")
	}
	s := fixtureStore(t)
	all := allQuads(t, s)
	path := filepath.Join(t.TempDir(), "fixture.dot")
	if err := ExportFile(path, "", all); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(dot, "-Tplain", path).CombinedOutput()
	if err != nil {
		t.Fatalf("dot: %v\n%s", err, out)
	}
	pg := ProjectGraph(all)
	nodes, edges := 0, 0
	for _, l := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(l, "node "):
			nodes++
		case strings.HasPrefix(l, "edge "):
			edges++
		}
	}
	if nodes != len(pg.Nodes) || edges != len(pg.Edges) {
		t.Errorf("dot read %d nodes, %d edges; want %d, %d", nodes, edges, len(pg.Nodes), len(pg.Edges))
	}
}
