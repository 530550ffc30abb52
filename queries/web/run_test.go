package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/queries"
)

// TestRunEndpoint checks the endpoint through which other processes run
// commands on the server's store: refused without the secret or with a
// wrong one, absent without Options.Run; with it, the command gets the
// client's stdin (streamed, past server.max_body), its stdout, stderr and
// exit status come back, and it may write on a read-only server.
func TestRunEndpoint(t *testing.T) {
	ctx := context.Background()
	s := graphtest.Open(t, "bolt")
	run := func(ctx context.Context, req RunRequest, stdin io.Reader, stdout, stderr io.Writer) int {
		b, err := io.ReadAll(stdin)
		if err != nil {
			fmt.Fprintln(stderr, "read stdin:", err)
			return 3
		}
		name := strings.TrimSpace(string(b[len(b)-16:]))
		l := quad.IRI("report:" + req.Args[0])
		if _, err := s.ReplaceReport(ctx, l, reportQuads(req.Args[0], name, fmt.Sprintf("%d bytes from %s", len(b), req.Dir))); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintf(stdout, "stored %s\n", name)
		fmt.Fprintf(stderr, "args %q\n", req.Args)
		return 7
	}
	h := New(s, Options{Run: run, RunSecret: "s3cret", MaxBody: 1024, Refresh: -1, Limits: queries.Limits{Limit: 10, Timeout: 5 * time.Second}})
	t.Cleanup(func() { h.Close() })
	waitIndexed(t, h)
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)

	for _, auth := range []string{"", "Bearer wrong"} {
		req, _ := http.NewRequest("POST", ts.URL+RunPath, strings.NewReader(`{"args":["x"]}`+"\n"))
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("run with %q: %d", auth, resp.StatusCode)
		}
	}
	info := graph.ServerInfo{Addr: strings.TrimPrefix(ts.URL, "http://"), Secret: "wrong"}
	if _, err := RunRemote(ctx, info, RunRequest{Args: []string{"x"}}, nil, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Errorf("RunRemote with a wrong secret: %v", err)
	}

	info.Secret = "s3cret"
	stdin := strings.Repeat("x", 5000) + "        Ruritania"
	var out, errb bytes.Buffer
	code, err := RunRemote(ctx, info, RunRequest{Args: []string{"ruri"}, Dir: "/home/analyst"}, strings.NewReader(stdin), &out, &errb)
	if err != nil || code != 7 || out.String() != "stored Ruritania\n" || errb.String() != "args [\"ruri\"]\n" {
		t.Fatalf("RunRemote: %d %v, stdout %q, stderr %q", code, err, out.String(), errb.String())
	}
	waitFor(t, "the report written through the endpoint", func() bool { return searchCount(t, ts, "ruritania") == 1 })
	if n := evidenceCount(t, ts, "analyst"); n != 1 {
		t.Errorf("the command's evidence (stdin length, client dir): %d hits", n)
	}

	// without Options.Run there is no such endpoint
	_, plain := newTestServer(t, Options{})
	resp, err := http.Post(plain.URL+RunPath, "application/x-diplograph-run", strings.NewReader("{}\n"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		t.Errorf("run endpoint served without Options.Run")
	}
}
