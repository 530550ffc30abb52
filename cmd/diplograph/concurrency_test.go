package main

// Concurrency tests of issue 7, in one process as `diplograph serve` runs:
// queries on a bolt store while ingest.Ingest writes to the same
// *graph.Store, first through queries.Run, then through the HTTP server
// with many parallel clients. RELIABILITY.md quotes the figures they log.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/ingest/extract"
	"github.com/diplograph/diplograph/queries"
	"github.com/diplograph/diplograph/queries/web"
	"github.com/diplograph/diplograph/schema"
)

const countReports = `g.emit(g.V("<dg:Report>").in("<rdf:type>").count())`

func coChairsQuery(ev string) string {
	return fmt.Sprintf(`g.V(%q).in("<dg:co_chaired>").unique().all()`, ev)
}

// concurrencyFixture writes n templated reports and returns their paths,
// what they assert (report count and, for a few events, their co-chairs)
// and an open bolt store.
type concurrencyFixture struct {
	files    []string
	reports  int
	coChairs map[string][]string // event IRI -> sorted co-chair IRIs
	store    *graph.Store
	x        *extract.Extractor
}

func newConcurrencyFixture(t *testing.T, n int) *concurrencyFixture {
	t.Helper()
	dir := t.TempDir()
	writeReports(t, filepath.Join(dir, "in"), n, nil)
	files, err := ingest.ExpandPaths([]string{filepath.Join(dir, "in")})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := ingest.ExtractFiles(context.Background(), files...)
	if err != nil {
		t.Fatal(err)
	}
	f := &concurrencyFixture{files: files, coChairs: map[string][]string{}}
	ids := map[string]bool{}
	sets := map[string]map[string]bool{}
	for _, r := range recs {
		ids[r.Report.ID] = true
		for _, q := range r.Quads() {
			if q.Predicate == schema.CoChaired {
				ev := quad.StringOf(q.Object)
				if sets[ev] == nil {
					sets[ev] = map[string]bool{}
				}
				sets[ev][quad.StringOf(q.Subject)] = true
			}
		}
	}
	f.reports = len(ids)
	for ev, s := range sets {
		for c := range s {
			f.coChairs[ev] = append(f.coChairs[ev], c)
		}
		sort.Strings(f.coChairs[ev])
	}
	if len(f.coChairs) == 0 {
		t.Fatal("no co-chaired events in the fixture")
	}
	if f.x, err = extract.New(nil); err != nil {
		t.Fatal(err)
	}
	f.store, err = graph.Open(context.Background(), graph.Config{Backend: "bolt", Path: filepath.Join(dir, "store")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.store.Close() })
	return f
}

// events lists the fixture's co-chaired events, sorted.
func (f *concurrencyFixture) events() []string {
	var out []string
	for ev := range f.coChairs {
		out = append(out, ev)
	}
	sort.Strings(out)
	return out
}

// ingest runs ingest.Ingest over the fixture in the background; the
// channel yields its error once it is done.
func (f *concurrencyFixture) ingest(ctx context.Context, t *testing.T) <-chan error {
	done := make(chan error, 1)
	go func() {
		sum, err := ingest.Ingest(ctx, f.files, ingest.DefaultRegistry(), f.x, f.store, ingest.Options{
			Batch:   16,
			OnError: func(err error) { t.Errorf("ingest: %v", err) },
		})
		if err == nil && sum.Reports != f.reports {
			err = fmt.Errorf("ingested %d reports, want %d", sum.Reports, f.reports)
		}
		done <- err
	}()
	return done
}

func number(v interface{}) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

// ids collects the distinct "id" of the result rows (one row per quad,
// so per report), sorted.
func ids(rows []interface{}) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range rows {
		if m, ok := r.(map[string]interface{}); ok {
			if id := fmt.Sprint(m["id"]); !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	sort.Strings(out)
	return out
}

// subset reports whether every element of a is in b.
func subset(a, b []string) bool {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	for _, s := range a {
		if !in[s] {
			return false
		}
	}
	return true
}

// monitor checks the answers one client sees: the report count never
// goes down, an event's co-chairs once seen stay, and nothing appears that
// the reports do not assert.
type monitor struct {
	f        *concurrencyFixture
	count    float64
	coChairs map[string][]string
}

func (m *monitor) checkCount(v float64) error {
	if v < m.count {
		return fmt.Errorf("report count went down from %v to %v", m.count, v)
	}
	if v > float64(m.f.reports) {
		return fmt.Errorf("report count %v is over the %d reports ingested", v, m.f.reports)
	}
	m.count = v
	return nil
}

func (m *monitor) checkCoChairs(ev string, got []string) error {
	if !subset(m.coChairs[ev], got) {
		return fmt.Errorf("co-chairs of %s went from %v to %v", ev, m.coChairs[ev], got)
	}
	if !subset(got, m.f.coChairs[ev]) {
		return fmt.Errorf("co-chairs of %s are %v, not among %v", ev, got, m.f.coChairs[ev])
	}
	m.coChairs[ev] = got
	return nil
}

// TestQueriesDuringIngest runs Gizmo queries (queries.Run) from several
// goroutines on a bolt store while ingest.Ingest writes to it.
func TestQueriesDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 300 reports")
	}
	f := newConcurrencyFixture(t, 300)
	ctx := context.Background()
	evs := f.events()
	start := time.Now()
	done := f.ingest(ctx, t)
	var (
		stop           atomic.Bool
		queriesRun     atomic.Int64
		queriesDuring  atomic.Int64
		errs           atomic.Int64
		wg             sync.WaitGroup
		ingestFinished atomic.Bool
	)
	const workers = 6
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			m := &monitor{f: f, coChairs: map[string][]string{}}
			fail := func(err error) {
				if errs.Add(1) <= 10 {
					t.Errorf("worker %d: %v", w, err)
				}
			}
			for i := 0; !stop.Load(); i++ {
				during := !ingestFinished.Load()
				var err error
				if i%2 == 0 {
					var res []interface{}
					res, err = queries.Run(ctx, f.store.QuadStore(), "gizmo", countReports, queries.Limits{Timeout: 10 * time.Second})
					if err == nil {
						v, ok := number(firstOf(res))
						if !ok {
							err = fmt.Errorf("count: result %v", res)
						} else {
							err = m.checkCount(v)
						}
					}
				} else {
					ev := evs[(i/2+w)%len(evs)]
					var res []interface{}
					res, err = queries.Run(ctx, f.store.QuadStore(), "gizmo", coChairsQuery(ev), queries.Limits{Timeout: 10 * time.Second})
					if err == nil {
						err = m.checkCoChairs(ev, ids(res))
					}
				}
				if err != nil {
					fail(err)
				}
				queriesRun.Add(1)
				if during {
					queriesDuring.Add(1)
				}
			}
		}(w)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	ingestFinished.Store(true)
	time.Sleep(time.Second)
	stop.Store(true)
	wg.Wait()

	// At the end every answer is complete.
	res, err := queries.Run(ctx, f.store.QuadStore(), "gizmo", countReports, queries.Limits{})
	if v, _ := number(firstOf(res)); err != nil || v != float64(f.reports) {
		t.Errorf("final count %v (%v), want %d", res, err, f.reports)
	}
	for _, ev := range evs {
		res, err := queries.Run(ctx, f.store.QuadStore(), "gizmo", coChairsQuery(ev), queries.Limits{})
		if got := ids(res); err != nil || strings.Join(got, " ") != strings.Join(f.coChairs[ev], " ") {
			t.Errorf("final co-chairs of %s: %v (%v), want %v", ev, got, err, f.coChairs[ev])
		}
	}
	t.Logf("%d goroutines ran %d Gizmo queries (%d while the ingest of %d reports wrote, %s) on one bolt store: %d errors or inconsistent answers",
		workers, queriesRun.Load(), queriesDuring.Load(), f.reports, took.Round(time.Millisecond), errs.Load())
}

func firstOf(res []interface{}) interface{} {
	if len(res) == 0 {
		return nil
	}
	return res[0]
}

// TestServeDuringIngest runs many HTTP clients for a fixed time against
// the server of `diplograph serve` while an ingest writes to its store in
// the same process, counting requests and errors.
func TestServeDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	n, clients, dur := 1000, 16, 20*time.Second
	if os.Getenv("DIPLOGRAPH_TEST_LOAD_SECONDS") != "" {
		var s int
		fmt.Sscan(os.Getenv("DIPLOGRAPH_TEST_LOAD_SECONDS"), &s)
		dur = time.Duration(s) * time.Second
	}
	f := newConcurrencyFixture(t, n)
	h := web.New(f.store, web.Options{Refresh: 500 * time.Millisecond, Limits: queries.Limits{Timeout: 10 * time.Second}})
	defer h.Close()
	srv := httptest.NewServer(h)
	defer srv.Close()
	evs := f.events()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	start := time.Now()
	done := f.ingest(ctx, t)
	var (
		requests, during, errs atomic.Int64
		ingestDone             atomic.Bool
		ingestTook             time.Duration
		wg                     sync.WaitGroup
	)
	go func() {
		if err := <-done; err != nil {
			t.Errorf("ingest: %v", err)
		}
		ingestTook = time.Since(start)
		ingestDone.Store(true)
	}()
	deadline := start.Add(dur)
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	get := func(path string, v interface{}) error {
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			var e map[string]interface{}
			json.NewDecoder(resp.Body).Decode(&e)
			return fmt.Errorf("GET %s: %s %v", path, resp.Status, e)
		}
		return json.NewDecoder(resp.Body).Decode(v)
	}
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			m := &monitor{f: f, coChairs: map[string][]string{}}
			for i := 0; time.Now().Before(deadline); i++ {
				writing := !ingestDone.Load()
				var err error
				switch i % 4 {
				case 0:
					var out struct{ Result []interface{} }
					if err = get("/api/v2/query?lang=gizmo&qu="+url.QueryEscape(countReports), &out); err == nil {
						if v, ok := number(firstOf(out.Result)); !ok {
							err = fmt.Errorf("count: result %v", out.Result)
						} else {
							err = m.checkCount(v)
						}
					}
				case 1, 3:
					ev := evs[(i+c)%len(evs)]
					var out struct{ Result []interface{} }
					if err = get("/api/v2/query?lang=gizmo&qu="+url.QueryEscape(coChairsQuery(ev)), &out); err == nil {
						err = m.checkCoChairs(ev, ids(out.Result))
					}
				case 2:
					var out map[string]interface{}
					if i%8 == 2 {
						err = get("/api/search?q="+[]string{"pak", "rus", "ind", "chin", "minister"}[c%5], &out)
					} else {
						err = get("/api/status", &out)
					}
				}
				requests.Add(1)
				if writing {
					during.Add(1)
				}
				if err != nil {
					if errs.Add(1) <= 10 {
						t.Errorf("client %d: %v", c, err)
					}
				}
			}
		}(c)
	}
	wg.Wait()
	if !ingestDone.Load() {
		t.Logf("ingest still running after %s; waiting", dur)
		for !ingestDone.Load() {
			time.Sleep(100 * time.Millisecond)
		}
	}
	t.Logf("%d clients for %s: %d requests served (%d while the ingest of %d reports wrote, %s; %.0f/s), %d errors or inconsistent answers",
		clients, dur, requests.Load(), during.Load(), f.reports, ingestTook.Round(time.Millisecond),
		float64(requests.Load())/dur.Seconds(), errs.Load())
}
