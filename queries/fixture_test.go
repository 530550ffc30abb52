package queries

import (
	"context"
	"errors"
	"io"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

const fixturePath = "../testdata/fixtures/queries.nq"

// readQuads reads every quad of an N-Quads file.
func readQuads(t testing.TB, path string) []quad.Quad {
	t.Helper()
	qf, err := graph.OpenQuadFile(path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer qf.Close()
	var out []quad.Quad
	for {
		q, err := qf.ReadQuad()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
}

// fixtureStore is a memstore holding testdata/fixtures/queries.nq.
func fixtureStore(t testing.TB) *graph.Store {
	t.Helper()
	s := graphtest.Open(t, "memstore")
	if err := s.WriteBatch(context.Background(), readQuads(t, fixturePath)); err != nil {
		t.Fatal(err)
	}
	return s
}

func sortStrings(s []string) { sort.Strings(s) }
