package graph_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/queries"
)

func q(s, p, o, l string) quad.Quad { return quad.MakeIRI(s, p, o, l) }

func names(t *testing.T, s *graph.Store, gizmo string) []string {
	t.Helper()
	res, err := queries.Run(context.Background(), s.QuadStore(), "gizmo", gizmo, queries.Limits{Limit: 1000})
	if err != nil {
		t.Fatalf("query %s: %v", gizmo, err)
	}
	var out []string
	for _, r := range res {
		m, ok := r.(map[string]interface{})
		if !ok {
			t.Fatalf("result %#v is not an object", r)
		}
		out = append(out, quad.StringOf(quad.IRI(strings.Trim(toString(m["id"]), "<>"))))
	}
	sort.Strings(out)
	return out
}

func toString(v interface{}) string {
	switch v := v.(type) {
	case string:
		return v
	case quad.Value:
		return quad.StringOf(v)
	}
	return ""
}

// TestStoreContract runs the store contract on every backend: write a
// batch, read it back with Gizmo, delete by label, close, reopen, find the
// rest still there.
func TestStoreContract(t *testing.T) {
	for _, backend := range graphtest.Backends {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			cfg := graphtest.Config(t, backend)
			s, err := graph.Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			batch := []quad.Quad{
				q("country:PAK", "dg:co_chaired", "event:e10", "report:a"),
				q("country:RUS", "dg:co_chaired", "event:e10", "report:a"),
				q("country:RUS", "dg:co_chaired", "event:e10", "report:b"),
				q("country:CHN", "dg:participated_in", "event:s4", "report:b"),
			}
			batch = append(batch, quad.Make(quad.IRI("event:e10"), quad.IRI("dg:ordinal"), quad.Int(10), quad.IRI("report:a")))
			if err := s.WriteBatch(ctx, batch); err != nil {
				t.Fatal(err)
			}
			got := names(t, s, `g.V("<event:e10>").in("<dg:co_chaired>").unique().all()`)
			if strings.Join(got, " ") != "<country:PAK> <country:RUS>" {
				t.Fatalf("co-chairs = %v", got)
			}
			if n, err := s.DeleteReport(ctx, quad.IRI("report:a")); err != nil || n != 3 {
				t.Fatalf("delete report:a = %d, %v; want 3", n, err)
			}
			if cfg.Backend == "memstore" {
				got = names(t, s, `g.V("<event:e10>").in("<dg:co_chaired>").unique().all()`)
				if strings.Join(got, " ") != "<country:RUS>" {
					t.Fatalf("after delete: co-chairs = %v", got)
				}
				return // nothing to reopen
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s, err = graph.Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			got = names(t, s, `g.V("<event:e10>").in("<dg:co_chaired>").unique().all()`)
			if strings.Join(got, " ") != "<country:RUS>" {
				t.Fatalf("after reopen: co-chairs = %v", got)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Quads != 2 || st.Labels != 1 {
				t.Fatalf("stats = %+v, want 2 quads under 1 label", st)
			}
			rest, err := s.LabelQuads(ctx, quad.IRI("report:b"))
			if err != nil || len(rest) != 2 {
				t.Fatalf("report:b quads = %v, %v", rest, err)
			}
		})
	}
}

// TestReplaceReport checks that a report's quads are replaced as a whole,
// that an unchanged report is recognised, and that other reports' quads of
// the same facts stay.
func TestReplaceReport(t *testing.T) {
	for _, backend := range graphtest.Backends {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			s := graphtest.Open(t, backend)
			a := quad.IRI("report:a")
			v1 := []quad.Quad{
				q("country:PAK", "dg:participated_in", "event:x", "report:a"),
				q("country:RUS", "dg:participated_in", "event:x", "report:a"),
				quad.Make(quad.IRI("report:a"), quad.IRI("dg:digest"), quad.String("d1"), a),
			}
			other := q("country:PAK", "dg:participated_in", "event:x", "report:b")
			if err := s.WriteBatch(ctx, []quad.Quad{other}); err != nil {
				t.Fatal(err)
			}
			r, err := s.ReplaceReport(ctx, a, v1)
			if err != nil || r.Added != 3 || r.Unchanged {
				t.Fatalf("first = %+v, %v", r, err)
			}
			r, err = s.ReplaceReport(ctx, a, v1)
			if err != nil || !r.Unchanged || r.Added != 0 {
				t.Fatalf("again = %+v, %v; want unchanged", r, err)
			}
			v2 := []quad.Quad{
				q("country:PAK", "dg:participated_in", "event:x", "report:a"),
				q("country:CHN", "dg:participated_in", "event:x", "report:a"),
				quad.Make(quad.IRI("report:a"), quad.IRI("dg:digest"), quad.String("d2"), a),
			}
			r, err = s.ReplaceReport(ctx, a, v2)
			if err != nil || r.Added != 2 || r.Removed != 2 {
				t.Fatalf("changed = %+v, %v; want 2 added, 2 removed", r, err)
			}
			got, err := s.LabelQuads(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 3 {
				t.Fatalf("report:a holds %v", got)
			}
			if ok, _ := s.Has(ctx, other); !ok {
				t.Fatal("report:b's quad was lost")
			}
			if _, err := s.ReplaceReport(ctx, a, []quad.Quad{q("x:a", "x:b", "x:c", "report:z")}); err == nil {
				t.Fatal("a quad with another label was accepted")
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := graph.Open(ctx, graph.Config{Backend: "boltt", Path: t.TempDir()}); !errors.Is(err, graph.ErrUnknownBackend) {
		t.Fatalf("misspelt backend: %v", err)
	}
	_, err := graph.Open(ctx, graph.Config{Backend: "postgres", Address: "postgres://nobody@127.0.0.1:1/none?sslmode=disable"})
	if err == nil || !strings.Contains(err.Error(), "cannot reach") {
		t.Fatalf("unreachable postgres: %v", err)
	}
	for _, backend := range []string{"bolt", "leveldb", "pebble"} {
		dir := t.TempDir()
		s, err := graph.Open(ctx, graph.Config{Backend: backend, Path: dir})
		if err != nil {
			t.Fatal(err)
		}
		_, err = graph.Open(ctx, graph.Config{Backend: backend, Path: dir})
		if !errors.Is(err, graph.ErrInUse) {
			t.Fatalf("%s opened twice: %v", backend, err)
		}
		s.Close()
		s, err = graph.Open(ctx, graph.Config{Backend: backend, Path: dir})
		if err != nil {
			t.Fatalf("%s reopen after close: %v", backend, err)
		}
		s.Close()
	}
}

func TestQuadFileErrors(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bad.nq")
	os.WriteFile(p, []byte("<a> <b> <c> .\n# comment\n<a> <b> \"unterminated .\n"), 0o644)
	f, err := graph.OpenQuadFile(p, "")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.ReadQuad(); err != nil {
		t.Fatal(err)
	}
	_, err = f.ReadQuad()
	if err == nil || !strings.Contains(err.Error(), "bad.nq:3:") {
		t.Fatalf("error %v does not name bad.nq:3", err)
	}
}

func TestMaskAddress(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:secret@h/db":        "postgres://u:****@h/db",
		"host=h user=u password=secret":   "host=h user=u password=****",
		"postgres://u@h/db?sslmode=false": "postgres://u@h/db?sslmode=false",
	} {
		if got := graph.MaskAddress(in); got != want {
			t.Errorf("MaskAddress(%q) = %q, want %q", in, got, want)
		}
	}
}
