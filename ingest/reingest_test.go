package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/ingest/gen"
	"github.com/diplograph/diplograph/ingest/gen/gentest"
)

// TestReingestSkips ingests generated reports, then again: the second run
// extracts nothing (the stored <dg:input> quads say the input is the same)
// and leaves the store as it was; a forced run (Options.Force) extracts again and
// still change nothing; a changed report is replaced.
func TestReingestSkips(t *testing.T) {
	ctx := context.Background()
	dir, files := gentest.Reports(t, 5, 120)
	x := gentest.Extractor(t)
	reg := ingest.DefaultRegistry()
	for _, backend := range []string{"memstore", "bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			s := graphtest.Open(t, backend)
			sum, err := ingest.Ingest(ctx, files, reg, x, s, ingest.Options{Batch: 16})
			if err != nil || sum.Added != 120 || sum.Failed != 0 {
				t.Fatalf("first run %+v, %v", sum, err)
			}
			st1, _ := s.Stats(ctx)
			sum, err = ingest.Ingest(ctx, files, reg, x, s, ingest.Options{Batch: 16})
			if err != nil || sum.Unchanged != 120 || sum.Events != 0 || sum.Quads != 0 {
				t.Fatalf("second run %+v, %v; want all 120 skipped unextracted", sum, err)
			}
			sum, err = ingest.Ingest(ctx, files, reg, x, s, ingest.Options{Batch: 16, Force: true})
			if err != nil || sum.Unchanged != 120 || sum.Events == 0 || sum.Quads != 0 {
				t.Fatalf("forced run %+v, %v; want all 120 extracted and unchanged", sum, err)
			}
			if st2, _ := s.Stats(ctx); st2.Quads != st1.Quads || st2.Nodes != st1.Nodes {
				t.Fatalf("re-ingest changed the store: %+v -> %+v", st1, st2)
			}
			// a changed header re-extracts and replaces that report only
			p := filepath.Join(dir, gen.Name(7))
			b, _ := os.ReadFile(p)
			defer os.WriteFile(p, b, 0o644)
			os.WriteFile(p, []byte("title: A new headline\n"+string(b)[indexNL(b)+1:]), 0o644)
			sum, err = ingest.Ingest(ctx, files, reg, x, s, ingest.Options{Batch: 16})
			if err != nil || sum.Replaced != 1 || sum.Unchanged != 119 {
				t.Fatalf("after a change %+v, %v; want 1 replaced", sum, err)
			}
		})
	}
}

func indexNL(b []byte) int {
	for i, c := range b {
		if c == '\n' {
			return i
		}
	}
	return -1
}
