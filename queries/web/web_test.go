package web

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/queries"
)

const event10 = "event:pak-rus/joint-working-group/counter-terrorism/10"

func TestConsoleIsPatchedAndOffline(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	code, index := do(t, "GET", ts.URL+"/", nil, nil)
	if code != 200 || !contains(index, `<div id="root">`) {
		t.Fatalf("console index: %d %.200s", code, index)
	}
	// Every script and stylesheet of the console: no address off the server.
	for _, ref := range []string{"/static/js/", "/static/css/"} {
		i := bytes.Index(index, []byte(ref))
		for i >= 0 {
			end := bytes.IndexByte(index[i:], '"')
			p := string(index[i : i+end])
			code, b := do(t, "GET", ts.URL+p, nil, nil)
			if code != 200 {
				t.Fatalf("GET %s: %d", p, code)
			}
			for _, bad := range []string{"localhost:64210", "cdn.jsdelivr.net", "fonts.googleapis.com"} {
				if contains(b, bad) {
					t.Errorf("%s still refers to %s", p, bad)
				}
			}
			next := bytes.Index(index[i+1:], []byte(ref))
			if next < 0 {
				break
			}
			i += 1 + next
		}
	}
	for _, p := range []string{
		"/vendor/monaco-editor/min/vs/loader.js",
		"/vendor/monaco-editor/min/vs/editor/editor.main.js",
		"/vendor/material-icons/material-icons.css",
		"/vendor/material-icons/material-icons.woff2",
		"/gizmo.d.ts",
		"/service-worker.js",
	} {
		if code, _ := do(t, "GET", ts.URL+p, nil, nil); code != 200 {
			t.Errorf("GET %s: %d", p, code)
		}
	}
	if _, b := do(t, "GET", ts.URL+"/service-worker.js", nil, nil); contains(b, "googleapis") {
		t.Errorf("service worker loads from the network: %s", b)
	}
}

func TestQueryLanguages(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	for _, c := range []struct{ lang, q, want string }{
		{"gizmo", `g.V("<country:PAK>").out("<schema:name>").all()`, `"Pakistan"`},
		{"graphql", `{ nodes(id: "<country:PAK>") { name: <schema:name> } }`, `"Pakistan"`},
		{"mql", `[{"id": "<country:PAK>", "<schema:name>": null}]`, `"Pakistan"`},
	} {
		code, b := do(t, "POST", ts.URL+"/api/v2/query?lang="+c.lang, strings.NewReader(c.q), nil)
		if code != 200 || !contains(b, c.want) {
			t.Errorf("%s: %d %s", c.lang, code, b)
		}
	}
	// The console asks for JSON-LD, and Visualize wants source/target tags.
	code, b := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo",
		strings.NewReader(`g.V("<country:PAK>").tag("source").out("<dg:co_chaired>").tag("target").all()`),
		map[string]string{"Accept": "application/ld+json"})
	if code != 200 || !contains(b, `"source":{"@id":"country:PAK"}`) {
		t.Errorf("json-ld: %d %s", code, b)
	}
}

func TestQueryTimeoutEndlessLoop(t *testing.T) {
	timeout := 1 * time.Second
	_, ts := newTestServer(t, Options{Limits: queries.Limits{Limit: 10, Timeout: timeout}})
	for _, q := range []string{`while (true) {}`, `for (;;) { g.V().toArray() }`} {
		start := time.Now()
		code, b := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", strings.NewReader(q), nil)
		took := time.Since(start)
		if took > timeout+time.Second {
			t.Errorf("%s: answered after %s, limit %s", q, took, timeout)
		}
		var res struct{ Error string }
		json.Unmarshal(b, &res)
		if code != http.StatusRequestTimeout || !strings.Contains(res.Error, "timed out") {
			t.Errorf("%s: %d %s", q, code, b)
		}
	}
}

func TestQueryLimitBoundsToArray(t *testing.T) {
	_, ts := newTestServer(t, Options{Limits: queries.Limits{Limit: 5, Timeout: 2 * time.Second}})
	for q, want := range map[string]string{
		`g.emit(g.V().toArray().length)`:     `[5]`,
		`g.emit(g.V().toArray(1000).length)`: `[5]`,
		`g.emit(g.V().toArray(2).length)`:    `[2]`,
		`g.emit(g.V().tagArray().length)`:    `[5]`,
		`g.V().all()`:                        ``,
		`g.V("<country:PAK>").labelContext(g.V(), "label").out("<dg:co_chaired>").all()`: `report:seedfixture`,
	} {
		code, b := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", strings.NewReader(q), nil)
		var res struct{ Result []interface{} }
		if err := json.Unmarshal(b, &res); code != 200 || err != nil {
			t.Fatalf("%s: %d %s", q, code, b)
		}
		if len(res.Result) > 5 {
			t.Errorf("%s: %d results, limit 5", q, len(res.Result))
		}
		if want != "" && !contains(b, want) {
			t.Errorf("%s: got %s, want %s", q, b, want)
		}
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	nq := `<a> <b> <c> .` + "\n"
	for _, c := range []struct{ method, path string }{
		{"POST", "/api/v2/write"},
		{"POST", "/api/v2/delete"},
		{"POST", "/api/v2/node/delete"},
		{"PUT", "/api/reports/x"},
		{"DELETE", "/api/reports/seedfixture"},
	} {
		code, b := do(t, c.method, ts.URL+c.path, strings.NewReader(nq), nil)
		if code != http.StatusForbidden {
			t.Errorf("%s %s: %d %s, want 403", c.method, c.path, code, b)
		}
	}
	var d Detail
	getJSON(t, ts.URL+"/api/entities/country:PAK", &d)
	if d.Name != "Pakistan" {
		t.Errorf("store changed: %+v", d.Entity)
	}
}

func TestWritableNeedsToken(t *testing.T) {
	_, ts := newTestServer(t, Options{Writable: true, Token: "s3cret"})
	nq := `<country:NOR> <schema:name> "Norway" <report:w1> .` + "\n" +
		`<country:NOR> <rdf:type> <dg:Country> <report:w1> .` + "\n"
	if code, b := do(t, "POST", ts.URL+"/api/v2/write", strings.NewReader(nq), nil); code != http.StatusUnauthorized {
		t.Fatalf("no token: %d %s", code, b)
	}
	if code, b := do(t, "POST", ts.URL+"/api/v2/write", strings.NewReader(nq), map[string]string{"Authorization": "Bearer wrong"}); code != http.StatusUnauthorized {
		t.Fatalf("wrong token: %d %s", code, b)
	}
	if code, b := do(t, "POST", ts.URL+"/api/v2/write", strings.NewReader(nq), map[string]string{"Authorization": "Bearer s3cret"}); code != 200 {
		t.Fatalf("write: %d %s", code, b)
	}
	var res struct{ Results []hit }
	getJSON(t, ts.URL+"/api/search?q=norw", &res)
	if len(res.Results) == 0 || res.Results[0].ID != "country:NOR" {
		t.Errorf("index not updated after write: %+v", res.Results)
	}
	// Replace and delete a whole report.
	rep := `<country:NOR> <schema:name> "Kingdom of Norway" .` + "\n"
	if code, b := do(t, "PUT", ts.URL+"/api/reports/w1", strings.NewReader(rep), map[string]string{"Authorization": "Bearer s3cret"}); code != 200 || !contains(b, `"removed":2`) {
		t.Fatalf("put report: %d %s", code, b)
	}
	if code, b := do(t, "DELETE", ts.URL+"/api/reports/w1", nil, map[string]string{"Authorization": "Bearer s3cret"}); code != 200 || !contains(b, `"removed":1`) {
		t.Fatalf("delete report: %d %s", code, b)
	}
	getJSON(t, ts.URL+"/api/search?q=norw", &res)
	if len(res.Results) != 0 {
		t.Errorf("deleted report still found: %+v", res.Results)
	}
}

func TestOversizedBody(t *testing.T) {
	_, ts := newTestServer(t, Options{MaxBody: 1024, Writable: true, Token: "t"})
	big := strings.Repeat("x", 4096)
	for _, path := range []string{"/api/v2/query?lang=gizmo", "/api/v2/write", "/api/v1/shape/gizmo"} {
		code, b := do(t, "POST", ts.URL+path, strings.NewReader(big), map[string]string{"Authorization": "Bearer t"})
		if code != http.StatusRequestEntityTooLarge {
			t.Errorf("%s: %d %s, want 413", path, code, b)
		}
		// Without a Content-Length (chunked).
		code, b = do(t, "POST", ts.URL+path, io.MultiReader(strings.NewReader(big)), map[string]string{"Authorization": "Bearer t"})
		if code != http.StatusRequestEntityTooLarge {
			t.Errorf("%s chunked: %d %s, want 413", path, code, b)
		}
	}
	if code, b := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", strings.NewReader(`g.V().all()`), nil); code != 200 {
		t.Errorf("small body: %d %s", code, b)
	}
}

func TestSearch(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	var res struct{ Results []hit }
	for q, want := range map[string]string{
		"Pakistan":              "country:PAK",
		"pak":                   "country:PAK",
		"russian federation":    "country:RUS",
		"FO":                    "org:pak/ministry-of-foreign-affairs",
		"vershin":               "person:sergey-vershinin",
		"10th meeting pakistan": event10,
		"country:AFG":           "country:AFG",
		"Türkiye":               "",
	} {
		getJSON(t, ts.URL+"/api/search?q="+strings.ReplaceAll(q, " ", "+"), &res)
		if want == "" {
			if len(res.Results) != 0 {
				t.Errorf("%q: %+v, want nothing", q, res.Results)
			}
			continue
		}
		if len(res.Results) == 0 || res.Results[0].ID != want {
			var got []string
			for _, h := range res.Results {
				got = append(got, h.ID)
			}
			t.Errorf("%q: %v, want %s first", q, got, want)
		}
	}
	getJSON(t, ts.URL+"/api/search?q=Pakistan&type=Event", &res)
	if len(res.Results) != 2 {
		t.Errorf("type filter: %+v", res.Results)
	}
	var ev struct{ Results []evHit }
	getJSON(t, ts.URL+"/api/evidence?q=co-chaired+Vershinin", &ev)
	if len(ev.Results) == 0 || ev.Results[0].Subject.ID != event10 || ev.Results[0].Report.ID != "report:seedfixture" {
		t.Errorf("evidence search: %+v", ev.Results)
	}
	getJSON(t, ts.URL+"/api/evidence?q=symposium+Sweden", &ev)
	if len(ev.Results) == 0 || !strings.HasPrefix(ev.Results[0].Subject.ID, "event:conference/") {
		t.Errorf("evidence search: %+v", ev.Results)
	}
}

func TestEntityDetail(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	var d Detail
	getJSON(t, ts.URL+"/api/entities/"+event10, &d)
	if d.Name == "" || d.Type != "Event" || d.Date != "2023-11-16" || d.Kind != "meeting" {
		t.Errorf("event: %+v", d.Entity)
	}
	chairs := map[string]bool{}
	for _, e := range d.Edges {
		if e.Predicate == "dg:co_chaired" && e.Direction == "in" {
			chairs[e.Node.ID] = true
			if len(e.Reports) != 1 || e.Reports[0] != "report:seedfixture" {
				t.Errorf("edge %+v: reports %v", e.Node.ID, e.Reports)
			}
		}
	}
	for _, c := range []string{"person:syed-haider-shah", "person:sergey-vershinin", "country:PAK", "country:RUS"} {
		if !chairs[c] {
			t.Errorf("co-chair %s missing: %v", c, chairs)
		}
	}
	if len(d.Evidence) == 0 || !strings.Contains(d.Evidence[0].Text, "co-chaired the 10th meeting") {
		t.Errorf("evidence: %+v", d.Evidence)
	}
	if len(d.Reports) != 1 || d.Reports[0].Title == "" {
		t.Errorf("reports: %+v", d.Reports)
	}

	getJSON(t, ts.URL+"/api/entity?id=<country:PAK>", &d)
	if d.Name != "Pakistan" || d.Type != "Country" || len(d.Events) != 2 {
		t.Fatalf("country: %+v, %d events", d.Entity, len(d.Events))
	}
	if d.Events[0].Date > d.Events[1].Date && d.Events[1].Date != "" {
		t.Errorf("timeline not sorted: %+v", d.Events)
	}
	if code, _ := do(t, "GET", ts.URL+"/api/entities/country:XXX", nil, nil); code != 404 {
		t.Errorf("unknown entity: %d", code)
	}
}

func TestExport(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	code, b := do(t, "GET", ts.URL+"/api/export?id="+event10+"&format=graphml", nil, nil)
	if code != 200 {
		t.Fatalf("graphml: %d %s", code, b)
	}
	var g struct {
		Graph struct {
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key string `xml:"key,attr"`
					Val string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []struct {
					Key string `xml:"key,attr"`
					Val string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, n := range g.Graph.Nodes {
		for _, d := range n.Data {
			if d.Key == "name" {
				names[n.ID] = d.Val
			}
		}
	}
	if names["person:sergey-vershinin"] != "Sergey Vershinin" {
		t.Errorf("graphml names: %v", names)
	}
	if len(g.Graph.Edges) < 10 || !contains(b, "report:seedfixture") {
		t.Errorf("graphml: %d edges, provenance missing? %.500s", len(g.Graph.Edges), b)
	}
	code, b = do(t, "GET", ts.URL+"/api/export?id=country:PAK&format=nquads", nil, nil)
	if code != 200 || !contains(b, `<country:PAK> <dg:co_chaired> <`+event10+`> <report:seedfixture> .`) {
		t.Errorf("nquads: %d %.300s", code, b)
	}
	if code, _ := do(t, "GET", ts.URL+"/api/export?id=country:PAK&format=nope", nil, nil); code != 400 {
		t.Errorf("bad format: %d", code)
	}
}

func TestShape(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	code, b := do(t, "POST", ts.URL+"/api/v1/shape/gizmo", strings.NewReader(`g.V("<country:PAK>").out("<dg:co_chaired>").all()`), nil)
	if code != 200 || !contains(b, `"step":"out"`) {
		t.Errorf("shape: %d %s", code, b)
	}
	code, b = do(t, "POST", ts.URL+"/api/v1/shape/gizmo", strings.NewReader(`while(true){}`), nil)
	if code != 400 || !contains(b, "timed out") {
		t.Errorf("shape loop: %d %s", code, b)
	}
}

func TestSavedQueriesEndpoint(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	var list struct{ Queries []*queries.SavedQuery }
	getJSON(t, ts.URL+"/api/queries", &list)
	if code, _ := do(t, "GET", ts.URL+"/api/queries/no-such-query", nil, nil); code != 404 {
		t.Errorf("unknown saved query: %d", code)
	}
	for _, q := range list.Queries {
		params := []string{}
		for _, p := range q.Params {
			if p.Required && p.Type == queries.ParamIRI {
				params = append(params, p.Name+"=country:PAK")
			}
		}
		code, b := do(t, "GET", ts.URL+"/api/queries/"+q.Name+"?"+strings.Join(params, "&"), nil, nil)
		if code != 200 && code != 400 {
			t.Errorf("saved query %s: %d %s", q.Name, code, b)
		}
	}
}

func TestIndexFollowsOtherWriters(t *testing.T) {
	h, ts := newTestServer(t, Options{Refresh: 50 * time.Millisecond})
	// Another writer (here: the store directly) adds a report.
	qf := strings.NewReader(`<country:NOR> <schema:name> "Norway" <report:other> .` + "\n" +
		`<report:other> <rdf:type> <dg:Report> <report:other> .` + "\n")
	if _, err := h.store.Load(t.Context(), nquadsReader(qf), 0, nil); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		var res struct{ Results []hit }
		getJSON(t, ts.URL+"/api/search?q=norway", &res)
		if len(res.Results) > 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("index did not pick up another writer's report")
}

func TestPathsEndpoint(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	code, b := do(t, "GET", ts.URL+"/api/paths?from=country:PAK&to=person:sergey-vershinin&max_length=3", nil, nil)
	if code != 200 || !contains(b, event10) || !contains(b, "report:seedfixture") {
		t.Fatalf("paths: %d %.500s", code, b)
	}
	if code, b := do(t, "GET", ts.URL+"/api/paths?from=country:PAK", nil, nil); code != 400 {
		t.Errorf("missing to: %d %s", code, b)
	}
}

// TestTruncatedResults checks that every cut result says so: a query or
// saved query cut by the row limit answers truncated with the limit, an
// uncut one does not, a server without a row limit cuts nothing, and a
// negative ?limit= is refused.
func TestTruncatedResults(t *testing.T) {
	_, ts := newTestServer(t, Options{Limits: queries.Limits{Limit: 5, Timeout: 2 * time.Second}})
	type answer struct {
		Result    []interface{}
		Truncated bool
		Limit     int
	}
	post := func(base, q string) answer {
		t.Helper()
		code, b := do(t, "POST", base+"/api/v2/query?lang=gizmo", strings.NewReader(q), nil)
		var a answer
		if err := json.Unmarshal(b, &a); code != 200 || err != nil {
			t.Fatalf("%s: %d %s", q, code, b)
		}
		return a
	}
	if a := post(ts.URL, `g.V().all()`); len(a.Result) != 5 || !a.Truncated || a.Limit != 5 {
		t.Errorf("all() under limit 5: %d rows, truncated %v, limit %d", len(a.Result), a.Truncated, a.Limit)
	}
	if a := post(ts.URL, `g.V("<country:PAK>").all()`); len(a.Result) != 1 || a.Truncated {
		t.Errorf("one row: truncated %v", a.Truncated)
	}
	var a answer
	getJSON(t, ts.URL+"/api/v2/query?lang=gizmo&limit=2&qu="+url.QueryEscape(`g.V().all()`), &a)
	if len(a.Result) != 2 || !a.Truncated || a.Limit != 2 {
		t.Errorf("?limit=2: %d rows, truncated %v, limit %d", len(a.Result), a.Truncated, a.Limit)
	}
	getJSON(t, ts.URL+"/api/queries/partners?limit=1&country=<country:PAK>", &a)
	if len(a.Result) != 1 || !a.Truncated || a.Limit != 1 {
		t.Errorf("saved query ?limit=1: %d rows, truncated %v, limit %d", len(a.Result), a.Truncated, a.Limit)
	}
	for _, u := range []string{"/api/v2/query?lang=gizmo&limit=-1&qu=g.V().all()", "/api/queries/meetings-between?limit=-1&a=<country:PAK>&b=<country:RUS>"} {
		if code, b := do(t, "GET", ts.URL+u, nil, nil); code != http.StatusBadRequest || !contains(b, "limit") {
			t.Errorf("%s: %d %s, want 400 naming the limit", u, code, b)
		}
	}
	// searches: one more hit than the limit says truncated
	var sr struct {
		Results   []interface{}
		Truncated bool
		Limit     int
	}
	getJSON(t, ts.URL+"/api/search?q=pakistan&limit=1", &sr)
	if len(sr.Results) != 1 || !sr.Truncated || sr.Limit != 1 {
		t.Errorf("search limit 1: %d hits, truncated %v", len(sr.Results), sr.Truncated)
	}
	getJSON(t, ts.URL+"/api/search?q=country:AFG", &sr)
	if len(sr.Results) != 1 || sr.Truncated {
		t.Errorf("search of one: %d hits, truncated %v", len(sr.Results), sr.Truncated)
	}
	getJSON(t, ts.URL+"/api/evidence?q=meeting&limit=1", &sr)
	if len(sr.Results) != 1 || !sr.Truncated {
		t.Errorf("evidence limit 1: %d hits, truncated %v", len(sr.Results), sr.Truncated)
	}

	// no row limit on the server
	_, all := newTestServer(t, Options{Limits: queries.Limits{Limit: queries.NoLimit, Timeout: 2 * time.Second}})
	n := post(all.URL, `g.emit(g.V().toArray().length)`).Result
	if a := post(all.URL, `g.V().all()`); a.Truncated || a.Limit != 0 || len(n) != 1 || float64(len(a.Result)) != n[0] {
		t.Errorf("no limit: %d rows of %v, truncated %v, limit %d", len(a.Result), n, a.Truncated, a.Limit)
	}
}

// TestHostHeader checks the defence against DNS rebinding: a request
// naming another host in its Host header is refused with 403 and a clear
// message; the server's own names, and the configured ones, are answered.
func TestHostHeader(t *testing.T) {
	_, ts := newTestServer(t, Options{Hosts: []string{"graph.internal", "10.1.2.3"}})
	for host, want := range map[string]int{
		"":                   http.StatusOK, // the test server's own 127.0.0.1:port
		"localhost":          http.StatusOK,
		"localhost:64210":    http.StatusOK,
		"LOCALHOST.":         http.StatusOK,
		"127.0.0.1:8080":     http.StatusOK,
		"[::1]:64210":        http.StatusOK,
		"graph.internal":     http.StatusOK,
		"10.1.2.3:64210":     http.StatusOK,
		"evil.example":       http.StatusForbidden,
		"evil.example:64210": http.StatusForbidden,
		"localhost.evil.com": http.StatusForbidden,
		"127.0.0.2":          http.StatusForbidden,
	} {
		req, err := http.NewRequest("GET", ts.URL+"/api/search?q=Pakistan", nil)
		if err != nil {
			t.Fatal(err)
		}
		if host != "" {
			req.Host = host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: %d %s, want %d", host, resp.StatusCode, b, want)
		}
		if want == http.StatusForbidden && (!contains(b, "server.allowed_hosts") || contains(b, "country:PAK")) {
			t.Errorf("Host %q: refusal %s", host, b)
		}
	}
	_, any := newTestServer(t, Options{Hosts: []string{"*"}})
	req, _ := http.NewRequest("GET", any.URL+"/api/status", nil)
	req.Host = "evil.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf(`Hosts ["*"]: %d`, resp.StatusCode)
	}
	if hs := ListenHosts("192.0.2.7:64210"); len(hs) != 1 || hs[0] != "192.0.2.7" {
		t.Errorf("ListenHosts(192.0.2.7:64210) = %v", hs)
	}
	if hs := ListenHosts("0.0.0.0:64210"); !slices.Contains(hs, "127.0.0.1") {
		t.Errorf("ListenHosts(0.0.0.0:64210) = %v, want the interfaces' addresses", hs)
	}
}

// TestPersonEvidenceNamesThePerson checks that a person's evidence holds
// only the sentences of their events that name them, by any form of the
// name (a sentence that names the event's other people, or no one, is
// left out), while the event's own page keeps every sentence.
func TestPersonEvidenceNamesThePerson(t *testing.T) {
	_, ts := newExtractedServer(t)
	var ev, p Detail
	getJSON(t, ts.URL+"/api/entities/person:sergey-vershinin", &p)
	if p.Type != "Person" || len(p.Evidence) == 0 {
		t.Fatalf("person: %+v, %d sentences", p.Entity, len(p.Evidence))
	}
	all := 0
	for _, e := range p.Events {
		getJSON(t, ts.URL+"/api/entities/"+e.ID, &ev)
		for _, s := range ev.Evidence {
			if s.Subject.ID == e.ID {
				all++
			}
		}
	}
	for _, s := range p.Evidence {
		if !strings.Contains(s.Text, "Vershinin") {
			t.Errorf("sentence that does not name Vershinin: %q", s.Text)
		}
	}
	if len(p.Evidence) >= all {
		t.Errorf("%d sentences of %d: none left out", len(p.Evidence), all)
	}
	m := newNameMatcher([]string{"Mevlüt Çavuşoğlu", "Wang Yi"})
	for text, want := range map[string]bool{
		"Mr. Cavusoglu's visit":            true,
		"ÇAVUŞOĞLU said":                   true,
		"Wang met his counterpart":         true,
		"Mevlüt Çavuşoğlu and Wang Yi met": true,
		"The ministers met in Ankara.":     false,
		"Yi said":                          false, // too short to be a name alone
		"Cavusoglulari":                    false,
	} {
		if got := m.in(text); got != want {
			t.Errorf("%q names them: %v, want %v", text, got, want)
		}
	}
}
