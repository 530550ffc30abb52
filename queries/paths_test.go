package queries

import (
	"context"
	"errors"
	"net/url"
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestShortestPaths(t *testing.T) {
	s := fixtureStore(t)
	qs := s.QuadStore()
	ctx := context.Background()
	pak, rus, chn := quad.IRI("country:PAK"), quad.IRI("country:RUS"), quad.IRI("country:CHN")

	// PAK and RUS share four events, each through one or more roles.
	r, err := ShortestPaths(ctx, qs, pak, rus, PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Length != 2 || r.Truncated {
		t.Fatalf("PAK-RUS: length %d truncated %v", r.Length, r.Truncated)
	}
	// Roles of PAK x roles of RUS per shared event: JWG 9 (1x1), JWG 10
	// (co_chaired+hosted x co_chaired = 2), JWG 11 (1x1), call (1x1), and
	// the series both are members of, reached by <dg:member> "in" hops.
	if len(r.Paths) != 6 {
		t.Errorf("PAK-RUS: %d paths, want 6: %+v", len(r.Paths), r.Paths)
	}
	for _, p := range r.Paths {
		if p.Length != 2 || p.Hops[0].From != "<country:PAK>" || p.Hops[1].To != "<country:RUS>" || p.Hops[0].To != p.Hops[1].From {
			t.Errorf("bad path %+v", p)
		}
	}
	want := Hop{From: "<country:PAK>", Predicate: "<dg:co_chaired>", To: "<event:pak-rus/joint-working-group/counter-terrorism/10>",
		Direction: "out", Labels: []string{reportA}}
	found := false
	for _, p := range r.Paths {
		if reflect.DeepEqual(p.Hops[0], want) && p.Hops[1].Direction == "in" && p.Hops[1].Predicate == "<dg:co_chaired>" {
			found = true
		}
	}
	if !found {
		t.Errorf("no path through the 10th JWG's co-chairs: %+v", r.Paths)
	}

	// With a predicate filter, only the co-chairing path remains.
	r, err = ShortestPaths(ctx, qs, pak, rus, PathOptions{Predicates: []quad.Value{quad.IRI("dg:co_chaired")}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Length != 2 || len(r.Paths) != 1 {
		t.Errorf("co_chaired only: %+v", r)
	}

	// PAK to CHN: PAK -> a PAK-RUS event <- RUS -> CHN-RUS consultations <- CHN
	// (4 hops), or through the series/places: the length is what matters.
	r, err = ShortestPaths(ctx, qs, pak, chn, PathOptions{MaxLength: 6})
	if err != nil {
		t.Fatal(err)
	}
	if r.Length != 4 || len(r.Paths) == 0 {
		t.Fatalf("PAK-CHN: %+v", r)
	}
	for _, p := range r.Paths {
		if p.Length != 4 || p.Hops[0].From != "<country:PAK>" || p.Hops[3].To != "<country:CHN>" {
			t.Errorf("bad path %+v", p)
		}
		for i := 1; i < len(p.Hops); i++ {
			if p.Hops[i].From != p.Hops[i-1].To {
				t.Errorf("broken path %+v", p)
			}
		}
	}
	// Out of reach within 3 hops, and never across <rdf:type>.
	r, err = ShortestPaths(ctx, qs, pak, chn, PathOptions{MaxLength: 3})
	if err != nil || r.Length != -1 || len(r.Paths) != 0 {
		t.Errorf("PAK-CHN in 3: %+v %v", r, err)
	}
	// IND-JPN is a separate component from PAK.
	r, err = ShortestPaths(ctx, qs, pak, quad.IRI("country:IND"), PathOptions{MaxLength: 8})
	if err != nil || r.Length != -1 {
		t.Errorf("PAK-IND: %+v %v", r, err)
	}
	// A cap.
	r, err = ShortestPaths(ctx, qs, pak, rus, PathOptions{MaxPaths: 2})
	if err != nil || len(r.Paths) != 2 || !r.Truncated {
		t.Errorf("capped: %+v %v", r, err)
	}
	if _, err := ShortestPaths(ctx, qs, pak, quad.IRI("country:XXX"), PathOptions{}); !errors.Is(err, ErrNoNode) {
		t.Errorf("unknown node: %v", err)
	}
	if r, _ := ShortestPaths(ctx, qs, pak, pak, PathOptions{}); r.Length != 0 || len(r.Paths) != 1 {
		t.Errorf("PAK-PAK: %+v", r)
	}
}

func TestParsePathQuery(t *testing.T) {
	v, _ := url.ParseQuery("from=%3Ccountry:PAK%3E&to=country:RUS&max_length=3&max_paths=5&predicate=dg:co_chaired&predicate=%3Cdg:hosted%3E")
	from, to, opt, err := ParsePathQuery(v)
	if err != nil || from != quad.IRI("country:PAK") || to != quad.IRI("country:RUS") || opt.MaxLength != 3 || opt.MaxPaths != 5 ||
		!reflect.DeepEqual(opt.Predicates, []quad.Value{quad.IRI("dg:co_chaired"), quad.IRI("dg:hosted")}) {
		t.Errorf("%v %v %+v %v", from, to, opt, err)
	}
	for _, q := range []string{"from=country:PAK", "from=a b&to=c", "from=a&to=b&max_length=x"} {
		v, _ := url.ParseQuery(q)
		if _, _, _, err := ParsePathQuery(v); err == nil {
			t.Errorf("%s accepted", q)
		}
	}
}
