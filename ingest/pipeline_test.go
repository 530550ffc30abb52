package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/ingest/gen/gentest"
	"github.com/diplograph/diplograph/schema"
)

func TestIngestPipeline(t *testing.T) {
	ctx := context.Background()
	x := gentest.Extractor(t)
	reg := ingest.DefaultRegistry()
	for _, backend := range []string{"memstore", "bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			s := graphtest.Open(t, backend)
			dir := t.TempDir()
			reports, _ := filepath.Glob("../testdata/reports/*.txt")
			if len(reports) < 10 {
				t.Fatalf("only %d test reports", len(reports))
			}
			for _, r := range reports {
				b, _ := os.ReadFile(r)
				os.WriteFile(filepath.Join(dir, filepath.Base(r)), b, 0o644)
			}
			os.WriteFile(filepath.Join(dir, "zz-bad.txt"), []byte("title: x\npublished: 2023-02-28\n\nbo\x00dy"), 0o644)
			// A date that cannot be read costs a warning, not the report.
			os.WriteFile(filepath.Join(dir, "zz-warn.txt"), []byte("title: x\npublished: 2023-02-30\n\nThe envoys of Chad and Niger met in Niamey."), 0o644)
			var errs, warns []string
			opt := ingest.Options{Batch: 5, OnError: func(err error) { errs = append(errs, err.Error()) },
				OnWarn: func(w string) { warns = append(warns, w) }}
			files, err := ingest.ExpandPaths([]string{dir})
			if err != nil {
				t.Fatal(err)
			}
			sum, err := ingest.Ingest(ctx, files, reg, x, s, opt)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Failed != 1 || len(errs) != 1 || !strings.Contains(errs[0], "zz-bad.txt: offset") {
				t.Fatalf("failures = %d %v; want the binary file named with its offset", sum.Failed, errs)
			}
			if sum.Warnings != 1 || len(warns) != 1 || !strings.Contains(warns[0], "zz-warn.txt:2: published") {
				t.Fatalf("warnings = %d %v; want the bad date named with file and line", sum.Warnings, warns)
			}
			reports = append(reports, "zz-warn.txt")
			if sum.Reports != len(reports) || sum.Added != len(reports) {
				t.Fatalf("summary %+v, want %d new reports", sum, len(reports))
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Reports != int64(len(reports)) {
				t.Fatalf("store holds %d reports, want %d", st.Reports, len(reports))
			}
			// again: nothing changes
			errs = nil
			sum, err = ingest.Ingest(ctx, files, reg, x, s, opt)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Unchanged != len(reports) || sum.Quads != 0 {
				t.Fatalf("re-ingest %+v, want all unchanged", sum)
			}
			st2, _ := s.Stats(ctx)
			if st2.Quads != st.Quads {
				t.Fatalf("re-ingest changed the store: %d -> %d quads", st.Quads, st2.Quads)
			}
			// the same meeting told by two reports is one node with two labels
			ev := quad.IRI("event:pak-rus/joint-working-group/counter-terrorism/11")
			labels := map[quad.Value]bool{}
			for _, r := range []string{"b01-pak-rus-jwg-11.txt", "b02-rus-pak-ct-talks-moscow.txt"} {
				recs, err := ingest.ExtractFiles(ctx, filepath.Join(dir, r))
				if err != nil {
					t.Fatal(err)
				}
				qs, err := s.LabelQuads(ctx, recs[0].Report.IRI())
				if err != nil {
					t.Fatal(err)
				}
				for _, q := range qs {
					if q.Subject == ev && q.Predicate == schema.Kind {
						labels[q.Label] = true
					}
				}
			}
			if len(labels) != 2 {
				t.Fatalf("event %s asserted by %d reports, want 2", ev, len(labels))
			}
		})
	}
}
