package ingest_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/ingest/gen/gentest"
)

// TestParallelWritersPostgres ingests generated reports into PostgreSQL
// with several batches written at once (small batches, so that they
// overlap), inside a bulk load, then changes some reports (batches that
// delete go alone): the store must hold exactly what a serial ingest into
// memstore holds, and every node's reference count must equal the quad
// positions that use it.
func TestParallelWritersPostgres(t *testing.T) {
	ctx := context.Background()
	_, files := gentest.Reports(t, 23, 240)
	x := gentest.Extractor(t)
	reg := ingest.DefaultRegistry()
	pg, cfg := graphtest.OpenParallelPostgres(t)
	mem := graphtest.Open(t, "memstore")
	finish, err := pg.BulkLoad(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ingest.Ingest(ctx, files, reg, x, pg, ingest.Options{Batch: 4, Writers: 4})
	if err != nil || sum.Added != 240 || sum.Failed != 0 {
		t.Fatalf("parallel ingest: %+v, %v", sum, err)
	}
	if err := finish(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Ingest(ctx, files, reg, x, mem, ingest.Options{Batch: 4}); err != nil {
		t.Fatal(err)
	}
	// change a quarter of the reports (their batches delete) and ingest
	// again, beside new reports (batches that only add)
	for _, f := range files[:60] {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		changed := strings.Replace(string(b), "published: 20", "published: 19", 1)
		if changed == string(b) {
			t.Fatalf("%s has no publication date to change", f)
		}
		if err := os.WriteFile(f, []byte(changed), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, extra := gentest.Reports(t, 24, 40)
	files = append(files[:60:60], extra...)
	sum, err = ingest.Ingest(ctx, files, reg, x, pg, ingest.Options{Batch: 4, Writers: 4})
	if err != nil || sum.Failed != 0 || sum.Replaced != 60 || sum.Added != 40 {
		t.Fatalf("second parallel ingest: %+v, %v; want 60 replaced, 40 added", sum, err)
	}
	if _, err := ingest.Ingest(ctx, files, reg, x, mem, ingest.Options{Batch: 4}); err != nil {
		t.Fatal(err)
	}
	a, b := graphtest.AllQuads(t, pg), graphtest.AllQuads(t, mem)
	if len(a) != len(b) {
		t.Fatalf("postgres holds %d quads, memstore %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("first difference: postgres %s, memstore %s", a[i], b[i])
		}
	}
	graphtest.CheckNodeRefs(t, cfg.Address)
}
