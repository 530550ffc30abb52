package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/queries"
)

// reportQuads is a small report: a country named name, an event stated by
// the sentence evidence, and the digest that ingest would give it.
func reportQuads(id, name, evidence string) []quad.Quad {
	l := quad.IRI("report:" + id)
	ev := quad.IRI("event:" + id)
	qs := []quad.Quad{
		{Subject: l, Predicate: quad.IRI("rdf:type"), Object: quad.IRI("dg:Report"), Label: l},
		{Subject: l, Predicate: quad.IRI("dg:title"), Object: quad.String("Talks " + id), Label: l},
		{Subject: quad.IRI("country:" + id), Predicate: quad.IRI("schema:name"), Object: quad.String(name), Label: l},
		{Subject: quad.IRI("country:" + id), Predicate: quad.IRI("rdf:type"), Object: quad.IRI("dg:Country"), Label: l},
		{Subject: ev, Predicate: quad.IRI("dg:evidence"), Object: quad.String(evidence), Label: l},
	}
	return append(qs, quad.Quad{Subject: l, Predicate: graph.DigestPredicate, Object: quad.String(fmt.Sprint(name, "|", evidence)), Label: l})
}

// TestSearchFollowsOtherWriters checks on every kind of store that a
// report written after the server started by another writer (on
// PostgreSQL: another connection, as another process would; on an
// embedded store or memstore, which one process holds: a write beside the
// server's API) becomes searchable without a restart, that a changed
// report's old evidence goes, that a removed report's entities go, and
// that /api/news counts them.
func TestSearchFollowsOtherWriters(t *testing.T) {
	for _, backend := range []string{"memstore", "bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			cfg := graphtest.Config(t, backend)
			s, err := graph.Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			writer := s
			if backend == "postgres" {
				if writer, err = graph.Open(ctx, cfg); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { writer.Close() })
			}
			if _, err := writer.ReplaceReport(ctx, quad.IRI("report:first"), reportQuads("first", "Freedonia", "The envoys of Freedonia met at dawn.")); err != nil {
				t.Fatal(err)
			}
			h := New(s, Options{Refresh: 50 * time.Millisecond, Limits: queries.Limits{Limit: 100, Timeout: 5 * time.Second}})
			t.Cleanup(func() { h.Close() })
			waitIndexed(t, h)
			ts := httptest.NewServer(h)
			t.Cleanup(ts.Close)

			var start struct{ Total int }
			getJSON(t, ts.URL+"/api/news", &start)
			if n := searchCount(t, ts, "freedonia"); n != 1 {
				t.Fatalf("the report stored before the start: %d hits", n)
			}
			if n := searchCount(t, ts, "sylvania"); n != 0 {
				t.Fatalf("a report not yet written is found: %d hits", n)
			}

			if _, err := writer.ReplaceReport(ctx, quad.IRI("report:second"), reportQuads("second", "Sylvania", "Sylvania signed a fjord treaty.")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, "the new report's country", func() bool { return searchCount(t, ts, "sylvania") == 1 })
			waitFor(t, "the new report's evidence", func() bool { return evidenceCount(t, ts, "fjord") == 1 })
			var news struct {
				New     int
				Reports []Entity
			}
			getJSON(t, ts.URL+fmt.Sprintf("/api/news?since=%d", start.Total), &news)
			if news.New != 1 || len(news.Reports) != 1 || news.Reports[0].ID != "report:second" || news.Reports[0].Title != "Talks second" {
				t.Errorf("news since the start: %+v", news)
			}

			// the report changes: its old sentence goes, the new one comes
			if _, err := writer.ReplaceReport(ctx, quad.IRI("report:second"), reportQuads("second", "Sylvania", "Sylvania signed a glacier treaty.")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, "the changed evidence", func() bool {
				return evidenceCount(t, ts, "glacier") == 1 && evidenceCount(t, ts, "fjord") == 0
			})

			// the report is removed: what only it said goes
			if _, err := writer.DeleteReport(ctx, quad.IRI("report:second")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, "the removed report's country to go", func() bool { return searchCount(t, ts, "sylvania") == 0 })
			if n := searchCount(t, ts, "freedonia"); n != 1 {
				t.Errorf("the first report after a rebuild: %d hits", n)
			}
		})
	}
}

func searchCount(t *testing.T, ts *httptest.Server, q string) int {
	t.Helper()
	var res struct{ Results []hit }
	getJSON(t, ts.URL+"/api/search?q="+q, &res)
	return len(res.Results)
}

func evidenceCount(t *testing.T, ts *httptest.Server, q string) int {
	t.Helper()
	var res struct{ Results []evHit }
	getJSON(t, ts.URL+"/api/evidence?q="+q, &res)
	return len(res.Results)
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not seen within 10 s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
