package graph_test

import (
	"context"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph/graphtest"
)

// TestReplaceKeepsValuesOfFewerQuads replaces a report by one that uses a
// literal, a predicate and its label in fewer quads than before while still
// adding quads with them: Cayley's kv stores, given such a batch, write the
// added quads without those values (they net the references of a batch per
// value and resolve only values whose count does not fall).
func TestReplaceKeepsValuesOfFewerQuads(t *testing.T) {
	ctx := context.Background()
	l := quad.IRI("report:1")
	q := func(s, p string, o quad.Value) quad.Quad {
		return quad.Quad{Subject: quad.IRI(s), Predicate: quad.IRI(p), Object: o, Label: l}
	}
	before := []quad.Quad{q("person:a", "schema:name", quad.String("S. Jaishankar")), q("person:b", "schema:name", quad.String("S. Jaishankar")),
		q("person:b", "dg:title", quad.String("Minister")), q("person:a", "dg:title", quad.String("Minister"))}
	after := []quad.Quad{q("person:c", "dg:alias", quad.String("S. Jaishankar")), q("person:c", "schema:name", quad.String("Subrahmanyam Jaishankar"))}
	for _, backend := range []string{"memstore", "bolt", "leveldb", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			s := graphtest.Open(t, backend)
			if _, err := s.ReplaceReport(ctx, l, before); err != nil {
				t.Fatal(err)
			}
			if _, err := s.ReplaceReport(ctx, l, after); err != nil {
				t.Fatal(err)
			}
			got := graphtest.AllQuads(t, s)
			var want []string
			for _, x := range after {
				want = append(want, x.NQuad())
			}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("store holds\n%q\nwant\n%q", got, want)
			}
		})
	}
}
