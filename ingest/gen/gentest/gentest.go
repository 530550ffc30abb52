// Package gentest writes generated reports (package gen) for tests.
package gentest

import (
	"context"
	"testing"

	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/ingest/extract"
	"github.com/diplograph/diplograph/ingest/gen"
)

// Reports writes n reports of the given seed into a fresh temporary
// directory of t and returns the directory and the reports' paths, in
// ingest order.
func Reports(t testing.TB, seed uint64, n int) (dir string, files []string) {
	t.Helper()
	g, err := gen.New(seed)
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	if _, err := g.Write(context.Background(), dir, n, nil); err != nil {
		t.Fatal(err)
	}
	files, err = ingest.ExpandPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	return dir, files
}

// Extractor returns an extractor over the default gazetteer, the one that
// reads the generated reports in ingest.
func Extractor(t testing.TB) *extract.Extractor {
	t.Helper()
	x, err := extract.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return x
}
