package web

import (
	"testing"

	"github.com/cayleygraph/quad"
)

// TestSnapshotsDoNotChange checks the copy-on-write of the search index:
// a snapshot readers hold keeps its answers while the next one gains a
// report, an alias of an entity both share, and loses a report's
// evidence.
func TestSnapshotsDoNotChange(t *testing.T) {
	a := newIndex()
	tc := touched{}
	for _, q := range reportQuads("first", "Freedonia", "The envoys of Freedonia met at dawn.") {
		a.add(q, tc)
	}
	a.addKeys(tc)
	a.complete = true

	b := a.next()
	tc = touched{}
	for _, q := range reportQuads("second", "Sylvania", "Sylvania signed a fjord treaty.") {
		b.add(q, tc)
	}
	b.add(quad.Quad{Subject: quad.IRI("country:first"), Predicate: quad.IRI("dg:alias"), Object: quad.String("Grand Fenwick"), Label: quad.IRI("report:second")}, tc)
	b.addKeys(tc)
	b.dropReport("report:first")

	if n := len(a.searchNames("sylvania", "", 10)); n != 0 {
		t.Errorf("the older snapshot finds the newer report: %d", n)
	}
	if n := len(b.searchNames("sylvania", "", 10)); n != 1 {
		t.Errorf("the newer snapshot does not find its report: %d", n)
	}
	if n := len(a.searchNames("fenwick", "", 10)); n != 0 || len(a.ents["country:first"].Aliases) != 0 {
		t.Errorf("the older snapshot's entity changed: %+v", a.ents["country:first"])
	}
	if h := b.searchNames("fenwick", "", 10); len(h) != 1 || h[0].ID != "country:first" {
		t.Errorf("the newer snapshot does not find the new alias: %+v", h)
	}
	if n := len(a.searchEvidence("dawn", 10)); n != 1 {
		t.Errorf("the older snapshot lost evidence: %d", n)
	}
	if n := len(b.searchEvidence("dawn", 10)); n != 0 {
		t.Errorf("the newer snapshot keeps a dropped report's evidence: %d", n)
	}
	if len(a.evOf["event:first"]) != 1 || len(b.evOf["event:first"]) != 0 {
		t.Errorf("evidence of the event: older %v, newer %v", a.evOf["event:first"], b.evOf["event:first"])
	}
}

// TestSearchWhileIndexing checks that a search made before the index
// holds an entity finds it in the store by its exact name (in any case)
// or IRI, and says the answer is partial.
func TestSearchWhileIndexing(t *testing.T) {
	h, ts := newTestServer(t, Options{})
	h.idx.cur.Store(newIndex()) // as at the start of a build
	for _, q := range []string{"pakistan", "Pakistan", "country:PAK"} {
		var res struct {
			Partial bool
			Results []hit
		}
		getJSON(t, ts.URL+"/api/search?q="+q, &res)
		if !res.Partial || len(res.Results) == 0 || res.Results[0].ID != "country:PAK" {
			t.Errorf("%s while indexing: %+v", q, res)
		}
	}
	var res struct {
		Partial bool
		Results []hit
	}
	getJSON(t, ts.URL+"/api/search?q=pakis", &res)
	if len(res.Results) != 0 {
		t.Errorf("a prefix is found before the index has it: %+v", res.Results)
	}
}
