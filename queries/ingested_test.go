package queries

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/schema"
)

// The saved queries on the graph ingested from testdata/reports, checked
// against answers derived from the reports' gold files: what a correct
// extraction of each report must let the queries find.

const reportsDir = "../testdata/reports"

type goldEvent struct {
	Kind      string   `json:"kind"`
	Countries []string `json:"countries"`
	Ordinal   int      `json:"ordinal"`
	Date      string   `json:"date"`
	Place     string   `json:"place"`
	Series    string   `json:"series"`
	CoChairs  []string `json:"co_chairs"`
	Next      *struct {
		Date  string `json:"date"`
		Place string `json:"place"`
	} `json:"next"`
}

type goldFile struct {
	Report string      `json:"report"`
	Events []goldEvent `json:"events"`
}

var (
	ingestOnce    sync.Once
	ingestQuads   []quad.Quad
	ingestReports map[string]quad.IRI // report file name -> <report:ID>
	ingestErr     error
)

// ingestedQuads extracts testdata/reports once per test binary.
func ingestedQuads(t testing.TB) ([]quad.Quad, map[string]quad.IRI) {
	t.Helper()
	ingestOnce.Do(func() {
		recs, err := ingest.ExtractFiles(context.Background(), reportsDir)
		if err != nil {
			ingestErr = err
			return
		}
		ingestReports = map[string]quad.IRI{}
		for _, r := range recs {
			ingestQuads = append(ingestQuads, r.Quads()...)
			src := filepath.Base(r.Report.Source)
			if i := strings.LastIndexByte(src, ':'); i > 0 { // "file.jsonl:1"
				src = src[:i]
			}
			ingestReports[src] = r.Report.IRI()
		}
	})
	if ingestErr != nil {
		t.Fatal(ingestErr)
	}
	return ingestQuads, ingestReports
}

// ingestedStore is a store of backend holding the ingested reports,
// written one report per transaction as `diplograph ingest` does.
func ingestedStore(t testing.TB, backend string) *graph.Store {
	t.Helper()
	qq, _ := ingestedQuads(t)
	s := graphtest.Open(t, backend)
	if err := s.WriteBatch(context.Background(), qq); err != nil {
		t.Fatal(err)
	}
	return s
}

func loadGold(t *testing.T) []goldFile {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(reportsDir, "*.gold.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	var out []goldFile
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldFile
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, g)
	}
	return out
}

// bilateral are the gold events between exactly two countries.
func bilateral(gold []goldFile) []struct {
	file string
	ev   goldEvent
} {
	var out []struct {
		file string
		ev   goldEvent
	}
	for _, g := range gold {
		for _, e := range g.Events {
			if len(e.Countries) == 2 {
				out = append(out, struct {
					file string
					ev   goldEvent
				}{g.Report, e})
			}
		}
	}
	return out
}

func runSaved(t *testing.T, s *graph.Store, name string, params map[string]string) []map[string]interface{} {
	t.Helper()
	q, err := LookupSaved(name)
	if err != nil {
		t.Fatal(err)
	}
	res, err := q.Run(context.Background(), s.QuadStore(), params, Limits{Limit: 10000})
	if err != nil {
		t.Fatalf("%s %v: %v", name, params, err)
	}
	return normRows(t, res.Rows)
}

func str(v interface{}) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return fmt.Sprint(int64(v))
	}
	return fmt.Sprint(v)
}

// sameName compares names as people and places are written in reports
// and in the graph: folded to ASCII, case-insensitive.
func sameName(a, b string) bool {
	return strings.EqualFold(schema.Slug(a), schema.Slug(b))
}

// matchEvent says whether a row describes gold event e.
func matchEvent(r map[string]interface{}, e goldEvent) bool {
	if e.Date != "" && str(r["date"]) != e.Date {
		return false
	}
	if e.Kind != "" && str(r["kind"]) != e.Kind {
		return false
	}
	if e.Ordinal != 0 && str(r["ordinal"]) != fmt.Sprint(e.Ordinal) {
		return false
	}
	if e.Place != "" && !sameName(str(r["place_name"]), e.Place) {
		return false
	}
	return true
}

func country(iso3 string) string { return "<" + string(schema.CountryIRI(iso3)) + ">" }

// oracle answers questions about the ingested quads by scanning them in
// plain Go, independently of Gizmo and the saved queries.
type oracle struct {
	attr  map[quad.Value]map[quad.Value][]quad.Value // node -> predicate -> objects
	roles map[quad.Value]map[quad.Value][]quad.Value // event -> actor -> role predicates
	label map[[3]quad.Value][]quad.Value             // (s, p, o) -> labels
}

func newOracle(qq []quad.Quad) *oracle {
	o := &oracle{attr: map[quad.Value]map[quad.Value][]quad.Value{}, roles: map[quad.Value]map[quad.Value][]quad.Value{},
		label: map[[3]quad.Value][]quad.Value{}}
	isRole := map[quad.Value]bool{}
	for _, r := range []quad.IRI{schema.ParticipatedIn, schema.CoChaired, schema.Chaired, schema.LedDelegation,
		schema.Hosted, schema.SpokeAt, schema.Signed} {
		isRole[r] = true
	}
	for _, q := range qq {
		if o.attr[q.Subject] == nil {
			o.attr[q.Subject] = map[quad.Value][]quad.Value{}
		}
		o.attr[q.Subject][q.Predicate] = append(o.attr[q.Subject][q.Predicate], q.Object)
		if isRole[q.Predicate] {
			if o.roles[q.Object] == nil {
				o.roles[q.Object] = map[quad.Value][]quad.Value{}
			}
			o.roles[q.Object][q.Subject] = append(o.roles[q.Object][q.Subject], q.Predicate)
		}
		k := [3]quad.Value{q.Subject, q.Predicate, q.Object}
		o.label[k] = append(o.label[k], q.Label)
	}
	return o
}

func (o *oracle) has(n, p quad.Value, want func(v quad.Value) bool) bool {
	for _, v := range o.attr[n][p] {
		if want(v) {
			return true
		}
	}
	return false
}

func (o *oracle) named(n quad.Value, name string) bool {
	return o.has(n, schema.Name, func(v quad.Value) bool { return sameName(literalText(v), name) })
}

// event finds the event node that matches gold event e: both countries
// have a role in it and its kind, date, ordinal and place agree.
func (o *oracle) event(e goldEvent) quad.Value {
	var found []string
	for ev, actors := range o.roles {
		if actors[schema.CountryIRI(e.Countries[0])] == nil || actors[schema.CountryIRI(e.Countries[1])] == nil {
			continue
		}
		if !o.has(ev, schema.Kind, func(v quad.Value) bool { return literalText(v) == e.Kind }) {
			continue
		}
		if e.Date != "" && !o.has(ev, schema.Date, func(v quad.Value) bool { return literalText(v) == e.Date }) {
			continue
		}
		if e.Ordinal != 0 && !o.has(ev, schema.Ordinal, func(v quad.Value) bool { return literalText(v) == fmt.Sprint(e.Ordinal) }) {
			continue
		}
		if e.Place != "" && !o.has(ev, schema.HeldIn, func(v quad.Value) bool { return o.named(v, e.Place) }) {
			continue
		}
		found = append(found, valueLabel(ev))
	}
	if len(found) == 0 {
		return nil
	}
	sort.Strings(found)
	return quad.IRI(found[0])
}

// coChair finds the person named name who co-chaired or chaired ev.
func (o *oracle) coChair(ev quad.Value, name string) quad.Value {
	for actor, preds := range o.roles[ev] {
		for _, p := range preds {
			if (p == schema.CoChaired || p == schema.Chaired) && o.has(actor, schema.Type, func(v quad.Value) bool { return v == schema.Person }) &&
				o.has(actor, schema.Name, func(v quad.Value) bool { return sameName(literalText(v), name) || sameSurname(literalText(v), name) }) {
				return actor
			}
		}
	}
	return nil
}

func iriString(v quad.Value) string { return v.String() }

func TestSavedQueriesOnIngestedReports(t *testing.T) {
	s := ingestedStore(t, "memstore")
	qq, reports := ingestedQuads(t)
	o := newOracle(qq)
	gold := loadGold(t)
	bi := bilateral(gold)

	// The gold events the extraction got right are the expected answers;
	// the others are extraction gaps, logged (the extractor's tests own them).
	type known struct {
		file string
		ev   goldEvent
		node quad.Value
	}
	var ok []known
	for _, g := range bi {
		if n := o.event(g.ev); n != nil {
			ok = append(ok, known{g.file, g.ev, n})
		} else {
			t.Logf("extraction gap: %s: no event %s %v %s in %q #%d", g.file, g.ev.Kind, g.ev.Countries, g.ev.Date, g.ev.Place, g.ev.Ordinal)
		}
	}
	t.Logf("%d of %d bilateral gold events extracted; checking the saved queries on them", len(ok), len(bi))
	if len(ok) < 15 {
		t.Fatalf("only %d gold events found in the ingested graph", len(ok))
	}

	t.Run("meetings-between", func(t *testing.T) {
		for _, k := range ok {
			a, b := country(k.ev.Countries[0]), country(k.ev.Countries[1])
			rows := runSaved(t, s, "meetings-between", map[string]string{"a": a, "b": b})
			var row map[string]interface{}
			for _, r := range rows {
				if r["source"] != a {
					t.Errorf("%s: row source %v, want %s", k.file, r["source"], a)
				}
				if r["target"] == iriString(k.node) {
					row = r
				}
			}
			if row == nil || !matchEvent(row, k.ev) {
				t.Errorf("%s: meetings-between %s %s: %v, want %s with %+v", k.file, a, b, brief(rows), k.node, k.ev)
			}
		}
	})

	t.Run("who-met-whom", func(t *testing.T) {
		n := 0
		for _, k := range ok {
			if len(k.ev.Date) != 10 {
				continue
			}
			n++
			rows := runSaved(t, s, "who-met-whom", map[string]string{"from": k.ev.Date, "to": k.ev.Date})
			pair := []string{country(k.ev.Countries[0]), country(k.ev.Countries[1])}
			sort.Strings(pair)
			found := false
			for _, r := range rows {
				found = found || (r["source"] == pair[0] && r["target"] == pair[1] && r["event"] == iriString(k.node))
				if d := str(r["date"]); !DateWithin(d, k.ev.Date, k.ev.Date) {
					t.Errorf("who-met-whom on %s returned an event of %s", k.ev.Date, d)
				}
			}
			if !found {
				t.Errorf("%s: who-met-whom on %s lacks %v at %s", k.file, k.ev.Date, pair, k.node)
			}
		}
		if n < 10 {
			t.Errorf("only %d dated events checked", n)
		}
	})

	t.Run("partners", func(t *testing.T) {
		// Each gold partner appears with at least as many shared events as
		// the gold events found between the two.
		want := map[string]map[string]map[quad.Value]bool{}
		for _, k := range ok {
			for i, c := range k.ev.Countries {
				p := k.ev.Countries[1-i]
				if want[c] == nil {
					want[c] = map[string]map[quad.Value]bool{}
				}
				if want[c][p] == nil {
					want[c][p] = map[quad.Value]bool{}
				}
				want[c][p][k.node] = true
			}
		}
		for c, ps := range want {
			rows := runSaved(t, s, "partners", map[string]string{"country": country(c)})
			got := map[string]int{}
			evs := map[string][]interface{}{}
			last := 1 << 30
			for _, r := range rows {
				n := int(r["events"].(float64))
				got[str(r["target"])] = n
				evs[str(r["target"])], _ = r["event_list"].([]interface{})
				if n > last {
					t.Errorf("partners of %s not ranked: %v", c, rows)
				}
				last = n
			}
			for p, nodes := range ps {
				if got[country(p)] < len(nodes) {
					t.Errorf("partners of %s: %s has %d events, want >= %d", c, p, got[country(p)], len(nodes))
				}
				for n := range nodes {
					in := false
					for _, e := range evs[country(p)] {
						in = in || e == iriString(n)
					}
					if !in {
						t.Errorf("partners of %s: %s's events %v lack %s", c, p, evs[country(p)], n)
					}
				}
			}
		}
	})

	t.Run("series-history", func(t *testing.T) {
		n := 0
		for _, k := range ok {
			series := o.attr[k.node][schema.PartOf]
			if k.ev.Ordinal == 0 || len(series) == 0 {
				continue
			}
			n++
			rows := runSaved(t, s, "series-history", map[string]string{"series": series[0].String()})
			var row map[string]interface{}
			prev := -1
			for _, r := range rows {
				if o, ok := r["ordinal"].(float64); ok {
					if int(o) < prev {
						t.Errorf("series-history %s out of order", series[0])
					}
					prev = int(o)
				}
				if r["target"] == iriString(k.node) {
					row = r
				}
			}
			if row == nil || !matchEvent(row, k.ev) {
				t.Errorf("%s: series-history %s lacks round %d as %s: %v", k.file, series[0], k.ev.Ordinal, k.node, brief(rows))
				continue
			}
			names, _ := row["co_chair_names"].([]interface{})
			for _, c := range k.ev.CoChairs {
				p := o.coChair(k.node, c)
				if p == nil {
					t.Logf("extraction gap: %s: %s not a co-chair of %s", k.file, c, k.node)
					continue
				}
				found := false
				for _, nm := range names {
					found = found || o.named(p, str(nm))
				}
				if !found {
					t.Errorf("%s: series-history %s round %d: co-chair %s (%s) not in %v", k.file, series[0], k.ev.Ordinal, c, p, names)
				}
			}
		}
		if n < 8 {
			t.Errorf("only %d numbered meetings checked", n)
		}
	})

	t.Run("person-events", func(t *testing.T) {
		n := 0
		for _, k := range ok {
			for _, c := range k.ev.CoChairs {
				p := o.coChair(k.node, c)
				if p == nil {
					continue // logged above
				}
				n++
				rows := runSaved(t, s, "person-events", map[string]string{"person": p.String()})
				found := false
				for _, r := range rows {
					found = found || (r["target"] == iriString(k.node) && matchEvent(r, goldEvent{Kind: k.ev.Kind, Date: k.ev.Date, Ordinal: k.ev.Ordinal}) &&
						(r["role"] == "<dg:co_chaired>" || r["role"] == "<dg:chaired>"))
				}
				if !found {
					t.Errorf("%s: person-events %s lacks chairing %s: %v", k.file, p, k.node, brief(rows))
				}
			}
		}
		if n < 10 {
			t.Errorf("only %d co-chairs checked", n)
		}
	})

	t.Run("planned-after", func(t *testing.T) {
		rows := runSaved(t, s, "planned-after", map[string]string{"after": "2024-01-01"})
		n := 0
		for _, k := range ok {
			if k.ev.Next == nil || k.ev.Next.Date == "" {
				continue
			}
			var next quad.Value
			for _, nx := range o.attr[k.node][schema.NextMeeting] {
				if o.has(nx, schema.Date, func(v quad.Value) bool { return literalText(v) == k.ev.Next.Date }) &&
					o.has(nx, schema.Status, func(v quad.Value) bool { return literalText(v) == "planned" }) {
					next = nx
				}
			}
			if next == nil {
				t.Logf("extraction gap: %s: no planned next meeting of %s in %s", k.file, k.node, k.ev.Next.Date)
				continue
			}
			n++
			found := false
			for _, r := range rows {
				found = found || (r["target"] == iriString(next) && str(r["date"]) == k.ev.Next.Date &&
					(k.ev.Next.Place == "" || r["place_name"] == nil || sameName(str(r["place_name"]), k.ev.Next.Place)))
			}
			if !found {
				t.Errorf("%s: planned-after 2024-01-01 lacks %s (%+v): %v", k.file, next, *k.ev.Next, brief(rows))
			}
		}
		if n < 5 {
			t.Errorf("only %d planned meetings checked", n)
		}
		for _, r := range runSaved(t, s, "planned-after", map[string]string{"after": "2025-06-01"}) {
			if dateEnd(str(r["date"])) < "2025-06-01" {
				t.Errorf("planned-after 2025-06-01 returned %v", r)
			}
		}
	})

	t.Run("fact-reports", func(t *testing.T) {
		for _, k := range ok {
			if k.ev.Date == "" {
				continue
			}
			rep := reports[k.file]
			if rep == "" {
				t.Fatalf("no report read from %s", k.file)
			}
			var want []string
			for _, l := range o.label[[3]quad.Value{k.node, schema.Date, quad.String(k.ev.Date)}] {
				want = append(want, l.String())
			}
			sort.Strings(want)
			fr := runSaved(t, s, "fact-reports", map[string]string{"subject": k.node.String(), "predicate": "<dg:date>", "object": k.ev.Date})
			var got []string
			for _, r := range fr {
				got = append(got, str(r["source"]))
			}
			if !reflect.DeepEqual(got, want) || !contains(got, rep.String()) {
				t.Errorf("%s: fact-reports %s date %s: %v, want %v including %s", k.file, k.node, k.ev.Date, got, want, rep)
			}
		}
	})
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// sameSurname accepts "Sergei Vershinin" for "Sergey Vershinin" (the
// gold files keep each report's transliteration).
func sameSurname(a, b string) bool {
	fa, fb := strings.Fields(schema.Fold(a)), strings.Fields(schema.Fold(b))
	return len(fa) > 1 && len(fb) > 1 && strings.EqualFold(fa[len(fa)-1], fb[len(fb)-1]) &&
		strings.EqualFold(fa[0][:1], fb[0][:1])
}

// personByName finds the person node named name (or a transliteration of it).
func personByName(t *testing.T, s *graph.Store, name string) string {
	res, err := Run(context.Background(), s.QuadStore(), "gizmo",
		`g.V().has("<rdf:type>", "<dg:Person>").tag("p").out(["<schema:name>", "<dg:alias>"]).tag("n").all()`, Limits{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	best := ""
	for _, r := range res {
		m := r.(map[string]interface{})
		n, _ := m["n"].(string)
		p, _ := m["p"].(string)
		if sameName(n, name) {
			return p
		}
		if best == "" && sameSurname(n, name) {
			best = p
		}
	}
	return best
}

// brief shortens rows for error messages.
func brief(rows []map[string]interface{}) string {
	var parts []string
	for _, r := range rows {
		parts = append(parts, fmt.Sprintf("{%v %v %v %v %v}", r["target"], r["kind"], r["date"], r["ordinal"], r["place_name"]))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// TestExportIngestedReports round-trips the ingested graph through
// N-Quads and has networkx read its GraphML, GML and DOT (names with
// diacritics, quotes and parallel edges included).
func TestExportIngestedReports(t *testing.T) {
	s := ingestedStore(t, "bolt")
	all := allQuads(t, s)
	qq, _ := ingestedQuads(t)
	diffQuads(t, all, sortedCopy(dedupe(qq)))
	for _, backend := range []string{"memstore", "bolt"} {
		t.Run("nquads/"+backend, func(t *testing.T) {
			diffQuads(t, roundTrip(t, all, "nquads", backend), all)
		})
	}
	sub, err := Neighbourhood(context.Background(), s.QuadStore(), []quad.Value{quad.IRI("country:RUS"), quad.IRI("country:IND")}, 2)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("nquads/2-hop", func(t *testing.T) {
		diffQuads(t, roundTrip(t, sub, "nquads", "bolt"), sortedCopy(sub))
	})
	for _, format := range []string{"graphml", "gml", "dot"} {
		t.Run(format, func(t *testing.T) {
			r := networkxRead(t, format, all)
			nameKey := "name"
			if format == "dot" {
				nameKey = "entity_name"
			}
			if r.Node["country:PAK"][nameKey] != "Pakistan" {
				t.Errorf("country:PAK: %v", r.Node["country:PAK"])
			}
		})
	}
}

func dedupe(qq []quad.Quad) []quad.Quad {
	seen := map[quad.Quad]bool{}
	var out []quad.Quad
	for _, q := range qq {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}
