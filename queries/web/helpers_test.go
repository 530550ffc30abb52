package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
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
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return h, ts
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
