package graph_test

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/queries"
)

// quadsSchema lists the quads table's indexes and foreign keys as
// PostgreSQL defines them (names and definitions), in the store's schema.
func quadsSchema(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'quads'
UNION ALL SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'quads'::regclass AND contype = 'f'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func reportQuads(i int) graph.ReportQuads {
	l := quad.IRI(fmt.Sprintf("report:%d", i))
	ev := quad.IRI(fmt.Sprintf("event:meeting/%d", i%7))
	return graph.ReportQuads{Label: l, Quads: []quad.Quad{
		quad.Make(quad.IRI("country:PAK"), quad.IRI("dg:participated_in"), ev, l),
		quad.Make(quad.IRI(fmt.Sprintf("country:X%d", i%5)), quad.IRI("dg:participated_in"), ev, l),
		quad.Make(ev, quad.IRI("dg:date"), quad.String(fmt.Sprintf("2024-01-%02d", 1+i%28)), l),
	}}
}

// TestBulkLoadRebuildsIndexes runs a PostgreSQL bulk load: the first write
// drops Cayley's direction indexes and foreign keys, finish builds them
// again exactly as they were, and the data reads the same through Cayley
// as from memstore. A load that writes nothing drops nothing; a second
// load while one runs writes with the indexes; a load whose process dies
// before finishing leaves a store that the next open repairs.
func TestBulkLoadRebuildsIndexes(t *testing.T) {
	ctx := context.Background()
	pg, cfg := graphtest.OpenConfig(t, "postgres")
	db, err := sql.Open("postgres", cfg.Address)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	want := quadsSchema(t, db)
	if len(want) < 12 {
		t.Fatalf("Cayley's schema has %d indexes and keys, want 12 or more: %v", len(want), want)
	}
	mem := graphtest.Open(t, "memstore")

	// nothing added: nothing dropped; a report deleted meanwhile leaves
	// no unused node behind
	gone := reportQuads(60)
	gone.Quads = append(gone.Quads, quad.Make(quad.IRI("event:meeting/4"), quad.IRI("dg:note"), quad.String("deleted later"), gone.Label))
	for _, st := range []*graph.Store{pg, mem} {
		if _, err := st.ReplaceReports(ctx, []graph.ReportQuads{gone, reportQuads(61)}); err != nil {
			t.Fatal(err)
		}
	}
	finish, err := pg.BulkLoad(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []*graph.Store{pg, mem} {
		if n, err := st.DeleteReport(ctx, gone.Label); err != nil || n != len(gone.Quads) {
			t.Fatalf("delete during the load: %d quads, %v", n, err)
		}
	}
	if got := quadsSchema(t, db); !reflect.DeepEqual(got, want) {
		t.Fatalf("BulkLoad changed the schema before any write that adds: %v", got)
	}
	if err := finish(ctx); err != nil {
		t.Fatal(err)
	}
	graphtest.CheckNodeRefs(t, cfg.Address)

	finish, err = pg.BulkLoad(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// a second store handle cannot start another bulk load meanwhile
	pg2, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	finish2, err := pg2.BulkLoad(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var batch []graph.ReportQuads
	for i := 0; i < 40; i++ {
		batch = append(batch, reportQuads(i))
	}
	for _, st := range []*graph.Store{pg, mem} {
		if _, err := st.ReplaceReports(ctx, batch[:20]); err != nil {
			t.Fatal(err)
		}
	}
	// within the load, a report gets a node of its own and loses it again:
	// the node must be gone when the load settles its references
	once := reportQuads(50)
	once.Quads = append(once.Quads, quad.Make(quad.IRI("event:meeting/1"), quad.IRI("dg:note"), quad.String("said once"), once.Label))
	for _, st := range []*graph.Store{pg, mem} {
		for _, r := range []graph.ReportQuads{once, reportQuads(50)} {
			if _, err := st.ReplaceReports(ctx, []graph.ReportQuads{r}); err != nil {
				t.Fatal(err)
			}
		}
	}
	during := quadsSchema(t, db)
	if len(during) != len(want)-8 {
		t.Fatalf("during the load the schema has %v; want the 4 direction indexes and 4 foreign keys gone from %v", during, want)
	}
	// the other handle writes with them gone, and replaces (deletes)
	changed := reportQuads(3)
	changed.Quads = changed.Quads[:2]
	for _, st := range []*graph.Store{pg2, mem} {
		if _, err := st.ReplaceReports(ctx, append(batch[20:], changed)); err != nil {
			t.Fatal(err)
		}
	}
	if err := finish2(ctx); err != nil {
		t.Fatal(err)
	}
	if got := quadsSchema(t, db); len(got) != len(during) {
		t.Fatalf("the second handle's finish rebuilt while the first load runs: %v", got)
	}
	pg2.Close()
	if err := finish(ctx); err != nil {
		t.Fatal(err)
	}
	if got := quadsSchema(t, db); !reflect.DeepEqual(got, want) {
		t.Fatalf("after the load the schema is\n%v\nwant\n%v", got, want)
	}
	graphtest.CheckNodeRefs(t, cfg.Address)
	q := `g.V("<country:PAK>").out("<dg:participated_in>").out("<dg:date>").all()`
	gizmo := func(st *graph.Store) []string {
		res, err := queries.Run(ctx, st.QuadStore(), "gizmo", q, queries.Limits{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range res {
			out = append(out, fmt.Sprint(r))
		}
		sort.Strings(out)
		return out
	}
	if a, b := gizmo(pg), gizmo(mem); len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatalf("postgres after the bulk load reads %v, memstore %v", a, b)
	}
	if has, err := pg.HasQuads(ctx, reportQuads(3).Quads); err != nil || !has[0] || !has[1] || has[2] {
		t.Fatalf("replaced report 3: HasQuads = %v, %v; want its first two quads only", has, err)
	}

	// killed before finishing: the next open repairs
	crash, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := crash.BulkLoad(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := crash.ReplaceReports(ctx, []graph.ReportQuads{reportQuads(100)}); err != nil {
		t.Fatal(err)
	}
	if got := quadsSchema(t, db); len(got) != len(during) {
		t.Fatalf("the crashing load did not drop the indexes: %v", got)
	}
	crash.Close() // its session ends: the lock goes, finish never runs
	again, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got := quadsSchema(t, db); !reflect.DeepEqual(got, want) {
		t.Fatalf("after reopening the schema is\n%v\nwant\n%v", got, want)
	}
	graphtest.CheckNodeRefs(t, cfg.Address)
}

// TestWantsBulkLoad checks the threshold on PostgreSQL and that other
// backends never want one.
func TestWantsBulkLoad(t *testing.T) {
	ctx := context.Background()
	pg := graphtest.Open(t, "postgres")
	if pg.WantsBulkLoad(ctx, 1000) {
		t.Error("a load of 1,000 quads wants a bulk load")
	}
	if !pg.WantsBulkLoad(ctx, 100000) {
		t.Error("a load of 100,000 quads into an empty store does not want a bulk load")
	}
	if graphtest.Open(t, "bolt").WantsBulkLoad(ctx, 1e9) {
		t.Error("bolt wants a PostgreSQL bulk load")
	}
}

// TestLoadParallelPostgres loads N-Quads into PostgreSQL with batches
// written at once, in a bulk load, with quads repeated across batches:
// the store must hold what memstore holds after the same load, with every
// node's reference count right; a malformed line stops the load with the
// batches before it written and an error that names it.
func TestLoadParallelPostgres(t *testing.T) {
	ctx := context.Background()
	pg, cfg := graphtest.OpenParallelPostgres(t)
	mem := graphtest.Open(t, "memstore")
	var text strings.Builder
	for i := 0; i < 900; i++ {
		for _, q := range reportQuads(i % 700).Quads { // the last 200 repeat
			text.WriteString(q.NQuad() + "\n")
		}
	}
	finish, err := pg.BulkLoad(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []*graph.Store{pg, mem} {
		n, err := st.Load(ctx, nquads.NewReader(strings.NewReader(text.String()), false), 50, nil)
		if err != nil || n != 2700 {
			t.Fatalf("load: %d quads, %v; want 2700", n, err)
		}
	}
	if err := finish(ctx); err != nil {
		t.Fatal(err)
	}
	if a, b := graphtest.AllQuads(t, pg), graphtest.AllQuads(t, mem); len(a) != 2100 || !reflect.DeepEqual(a, b) {
		t.Fatalf("postgres holds %d quads, memstore %d, or they differ", len(a), len(b))
	}
	graphtest.CheckNodeRefs(t, cfg.Address)

	bad := reportQuads(800).Quads[0].NQuad() + "\n" + reportQuads(801).Quads[0].NQuad() + "\n<x:broken> <x:p> .\n"
	n, err := pg.Load(ctx, nquads.NewReader(strings.NewReader(bad), false), 1, nil)
	if err == nil || n != 2 {
		t.Fatalf("malformed line: %d quads written, error %v; want 2 and an error", n, err)
	}
	if has, _ := pg.HasQuads(ctx, []quad.Quad{reportQuads(800).Quads[0], reportQuads(801).Quads[0]}); !has[0] || !has[1] {
		t.Fatalf("the batches before the malformed line are not all written: %v", has)
	}
}
