package graph_test

import (
	"context"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

// TestScansMatchCayley checks that PredicateQuads, EachLabelQuad and
// ReportDigests (one joined query on SQL stores) read the same quads,
// values of every kind included, as Cayley's own iterators, and that
// ChangeMark moves when a report changes and not otherwise.
func TestScansMatchCayley(t *testing.T) {
	for _, backend := range []string{"memstore", "bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			s := graphtest.Open(t, backend)
			l := quad.IRI("report:r1")
			p := quad.IRI("dg:value")
			in := []quad.Quad{
				{Subject: quad.IRI("event:e"), Predicate: p, Object: quad.String("plain \x00 text"), Label: l},
				{Subject: quad.IRI("event:e"), Predicate: p, Object: quad.LangString{Value: "Bonjour", Lang: "fr"}, Label: l},
				{Subject: quad.IRI("event:e"), Predicate: p, Object: quad.TypedString{Value: "2024-05-14", Type: "xsd:date"}, Label: l},
				{Subject: quad.IRI("event:e"), Predicate: p, Object: quad.Int(42), Label: l},
				{Subject: quad.IRI("event:e"), Predicate: p, Object: quad.Float(2.5), Label: l},
				{Subject: quad.IRI("event:e"), Predicate: p, Object: quad.Bool(true), Label: l},
				{Subject: quad.BNode("b1"), Predicate: p, Object: quad.IRI("country:PAK"), Label: l},
				{Subject: quad.IRI("event:e"), Predicate: p, Object: quad.String("no label")},
				{Subject: l, Predicate: graph.DigestPredicate, Object: quad.String("d1"), Label: l},
			}
			mark0, err := s.ChangeMark(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.WriteBatch(ctx, in); err != nil {
				t.Fatal(err)
			}
			mark1, _ := s.ChangeMark(ctx)
			if mark1 == mark0 {
				t.Errorf("change mark did not move after a write: %s", mark1)
			}
			if again, _ := s.ChangeMark(ctx); again != mark1 {
				t.Errorf("change mark moved without a write: %s, then %s", mark1, again)
			}
			want := iterated(t, s, quad.Predicate, p)
			var got []string
			if err := s.PredicateQuads(ctx, p, func(q quad.Quad) error { got = append(got, q.String()); return nil }); err != nil {
				t.Fatal(err)
			}
			sort.Strings(got)
			if len(want) != 8 || !equal(got, want) {
				t.Errorf("PredicateQuads:\n got %q\nwant %q", got, want)
			}
			got = nil
			if err := s.PredicateTriples(ctx, p, func(q quad.Quad) error { got = append(got, q.String()); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(got) != 8 {
				t.Errorf("PredicateTriples: %q", got)
			}
			want = iterated(t, s, quad.Label, l)
			got = nil
			if err := s.EachLabelQuad(ctx, l, func(q quad.Quad) error { got = append(got, q.String()); return nil }); err != nil {
				t.Fatal(err)
			}
			sort.Strings(got)
			if len(want) != 8 || !equal(got, want) {
				t.Errorf("EachLabelQuad:\n got %q\nwant %q", got, want)
			}
			want = append(iterated(t, s, quad.Predicate, p), iterated(t, s, quad.Predicate, graph.DigestPredicate)...)
			sort.Strings(want)
			got = nil
			if err := s.ScanPredicates(ctx, []quad.IRI{p, graph.DigestPredicate}, func(q quad.Quad) error { got = append(got, q.String()); return nil }); err != nil {
				t.Fatal(err)
			}
			sort.Strings(got)
			if len(want) != 9 || !equal(got, want) {
				t.Errorf("ScanPredicates:\n got %q\nwant %q", got, want)
			}
			d, err := s.ReportDigests(ctx)
			if err != nil || len(d) != 1 || d["report:r1"] != `"d1"` {
				t.Errorf("ReportDigests: %v %v", d, err)
			}
			// the journal of the reports this process changed
			if _, all, pos, ok := s.ReportChanges(0); ok != (backend != "postgres") || (ok && !all) {
				t.Errorf("ReportChanges after a raw write: all %v ok %v", all, ok)
			} else if ok {
				if _, err := s.ReplaceReport(ctx, quad.IRI("report:r2"), []quad.Quad{{Subject: quad.IRI("x:a"), Predicate: p, Object: quad.String("b"), Label: quad.IRI("report:r2")}}); err != nil {
					t.Fatal(err)
				}
				if _, err := s.DeleteReport(ctx, l); err != nil {
					t.Fatal(err)
				}
				labels, all, next, _ := s.ReportChanges(pos)
				if all || len(labels) != 2 || labels[0] != "report:r2" || labels[1] != "report:r1" || next != pos+2 {
					t.Errorf("ReportChanges: %q %v %d (from %d)", labels, all, next, pos)
				}
				if labels, _, _, _ := s.ReportChanges(next); len(labels) != 0 {
					t.Errorf("ReportChanges with nothing new: %q", labels)
				}
			}
		})
	}
}

// iterated reads the quads of one direction and value through Cayley.
func iterated(t *testing.T, s *graph.Store, dir quad.Direction, v quad.Value) []string {
	t.Helper()
	qs := s.QuadStore()
	ref, err := qs.ValueOf(v)
	if err != nil || ref == nil {
		t.Fatalf("%v: %v", v, err)
	}
	it := qs.QuadIterator(dir, ref).Iterate()
	defer it.Close()
	var out []string
	for it.Next(context.Background()) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.String())
	}
	sort.Strings(out)
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
