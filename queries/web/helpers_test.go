package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/queries"
)

// seedFixture is the worked example of SCHEMA.md written by hand. When
// ingest can extract corpus/seed.txt, tests may build the store from it
// instead; the fixture stays as a fallback.
const seedFixture = "../../testdata/fixtures/seed.nq"

// seedStore opens a fresh store of backend holding the worked example.
func seedStore(t testing.TB, backend string) *graph.Store {
	t.Helper()
	s := graphtest.Open(t, backend)
	qf, err := graph.OpenQuadFile(seedFixture, "")
	if err != nil {
		t.Fatal(err)
	}
	defer qf.Close()
	if _, err := s.Load(context.Background(), qf, 0, nil); err != nil {
		t.Fatal(err)
	}
	return s
}

// seedCorpus is the report of SCHEMA.md's worked example, and reports are
// the test reports of the repository.
const (
	seedCorpus  = "../../../shared/corpus/seed.txt"
	testReports = "../../testdata/reports"
)

// extractedStore opens a memstore holding what ingest extracts from the
// worked example's report and the test reports; when they cannot be read
// or extracted, it falls back to the hand-written fixture.
func extractedStore(t testing.TB) *graph.Store {
	t.Helper()
	ctx := context.Background()
	paths := []string{seedCorpus}
	if txt, _ := filepath.Glob(filepath.Join(testReports, "*.txt")); len(txt) > 0 {
		paths = append(paths, txt...)
	}
	recs, err := ingest.ExtractFiles(ctx, paths...)
	if err != nil {
		t.Logf("extraction failed (%v): using %s", err, seedFixture)
		return seedStore(t, "memstore")
	}
	s := graphtest.Open(t, "memstore")
	for _, r := range recs {
		if _, err := s.ReplaceReport(ctx, r.Report.IRI(), r.Quads()); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// newTestServer serves a seeded memstore with opts.
func newTestServer(t testing.TB, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	if opts.Limits.Timeout == 0 {
		opts.Limits = queries.Limits{Limit: 100, Timeout: 2 * time.Second}
	}
	if opts.Refresh == 0 {
		opts.Refresh = -1
	}
	h := New(seedStore(t, "memstore"), opts)
	t.Cleanup(func() { h.Close() })
	waitIndexed(t, h)
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return h, ts
}

// newExtractedServer serves the store of extractedStore, read-only.
func newExtractedServer(t testing.TB) (*Server, *httptest.Server) {
	t.Helper()
	h := New(extractedStore(t), Options{Limits: queries.Limits{Limit: 100, Timeout: 5 * time.Second}, Refresh: -1})
	t.Cleanup(func() { h.Close() })
	waitIndexed(t, h)
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return h, ts
}

// waitIndexed waits for the first build of h's search index.
func waitIndexed(t testing.TB, h *Server) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := h.WaitIndexed(ctx); err != nil {
		t.Fatalf("search index not built: %v", err)
	}
}

// do sends a request and returns the status and body.
func do(t testing.TB, method, url string, body io.Reader, hdr map[string]string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

// getJSON fetches url and decodes its JSON body into v, failing unless
// the status is 200.
func getJSON(t testing.TB, url string, v interface{}) {
	t.Helper()
	code, b := do(t, "GET", url, nil, nil)
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, code, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v in %s", url, err, b)
	}
}

func contains(b []byte, s string) bool { return strings.Contains(string(b), s) }

func nquadsReader(r io.Reader) quad.Reader { return nquads.NewReader(r, false) }
