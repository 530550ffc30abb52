package graph_test

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/queries"
)

// TestBulkValueTypes writes every value type through the PostgreSQL bulk
// path (COPY into Cayley's tables) and reads them back with Gizmo, the
// same as from memstore, and quad by quad through Cayley's SQL store.
func TestBulkValueTypes(t *testing.T) {
	ctx := context.Background()
	pg := graphtest.Open(t, "postgres")
	mem := graphtest.Open(t, "memstore")
	s, l := quad.IRI("x:s"), quad.IRI("report:v")
	when := time.Date(2023, 11, 16, 10, 30, 0, 0, time.UTC)
	values := []quad.Value{
		quad.IRI("country:PAK"),
		quad.String("Deputy Foreign Minister"),
		quad.String("with\x00nul and \\ backslash, tab\t and 'quotes'"),
		quad.Int(10),
		quad.TypedString{Value: "2023-11-16", Type: "xsd:date"},
		quad.LangString{Value: "Pakistan", Lang: "en"},
		quad.Float(2.5),
		quad.Bool(true),
		quad.Time(when),
		quad.BNode("b1"),
	}
	var batch []quad.Quad
	for i, v := range values {
		batch = append(batch, quad.Make(s, quad.IRI("x:p"+string(rune('a'+i))), v, l))
	}
	batch = append(batch, quad.Make(s, quad.IRI("x:nolabel"), quad.String("triple"), nil))
	for _, st := range []*graph.Store{pg, mem} {
		if err := st.WriteBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
		// again: duplicates are skipped
		if err := st.WriteBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range batch {
		if ok, err := pg.Has(ctx, q); err != nil || !ok {
			t.Errorf("postgres lacks %v (%v)", q, err)
		}
	}
	gizmo := func(st *graph.Store, text string) string {
		res, err := queries.Run(ctx, st.QuadStore(), "gizmo", text, queries.Limits{Limit: 100})
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		var rows []string
		for _, r := range res {
			b, _ := json.Marshal(r)
			rows = append(rows, string(b))
		}
		sort.Strings(rows) // backends differ in order
		return strings.Join(rows, "\n")
	}
	for _, text := range []string{
		`g.V("<x:s>").out().all()`,
		`g.V("<x:s>").outPredicates().all()`,
		`g.V("<x:s>").out("<x:pd>").all()`,
		`g.V("<x:s>").out("<x:pf>").all()`,
		`g.V("<x:s>").out("<x:pi>").all()`,
		`g.V().has("<x:pd>", 10).all()`,
		`g.V("<country:PAK>").in().all()`,
	} {
		if got, want := gizmo(pg, text), gizmo(mem, text); got != want {
			t.Errorf("%s\npostgres: %s\nmemstore: %s", text, got, want)
		}
	}
	st, err := pg.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Quads != int64(len(batch)) {
		t.Fatalf("stats after bulk write: %d quads, want %d", st.Quads, len(batch))
	}
	// replace and delete keep Cayley's node references: unused nodes go
	r, err := pg.ReplaceReport(ctx, l, batch[:2])
	if err != nil || r.Removed != len(values)-2 || r.Added != 0 {
		t.Fatalf("replace = %+v, %v", r, err)
	}
	if ok, _ := pg.Has(ctx, batch[3]); ok {
		t.Fatal("a replaced quad is still there")
	}
	st, _ = pg.Stats(ctx)
	// nodes left: x:s x:pa x:pb <country:PAK> "Deputy Foreign Minister" report:v x:nolabel "triple"
	if st.Quads != 3 || st.Nodes != 8 {
		t.Fatalf("after replace: %+v, want 3 quads and 8 nodes", st)
	}
	if n, err := pg.DeleteReport(ctx, l); err != nil || n != 2 {
		t.Fatalf("delete = %d, %v", n, err)
	}
	// what is left can be written again
	if err := pg.WriteBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if got, want := gizmo(pg, `g.V("<x:s>").out().all()`), gizmo(mem, `g.V("<x:s>").out().all()`); got != want {
		t.Errorf("after rewrite\npostgres: %s\nmemstore: %s", got, want)
	}
}
