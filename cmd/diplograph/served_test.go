package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/queries/web/browsertest"
)

// server is a `diplograph serve` process started by a test.
type server struct {
	cmd  *exec.Cmd
	base string // http://127.0.0.1:PORT
	mu   sync.Mutex
	log  bytes.Buffer
	done chan error
}

// Log is what the server wrote on stderr so far.
func (s *server) Log() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

// startServe starts `diplograph serve` on a free port with env and args,
// and stops it (SIGTERM) when the test ends.
func startServe(t *testing.T, bin string, env []string, args ...string) *server {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--listen", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	s := launch(t, cmd)
	t.Cleanup(func() { s.stop(t) })
	return s
}

// launch starts cmd, a serve command listening on 127.0.0.1:0, keeps what
// it writes on stderr, and waits up to 30 seconds for the address it
// announces there ("serving ... on http://ADDR/"). Once stderr ends, the
// server's done receives the command's exit.
func launch(t *testing.T, cmd *exec.Cmd) *server {
	t.Helper()
	s := &server{cmd: cmd, done: make(chan error, 1)}
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			s.mu.Lock()
			s.log.WriteString(line + "\n")
			s.mu.Unlock()
			if i := strings.Index(line, " on http://"); i >= 0 && strings.Contains(line, "serving") {
				a := strings.TrimPrefix(line[i:], " on http://")
				if j := strings.IndexByte(a, '/'); j >= 0 {
					a = a[:j]
				}
				select {
				case addr <- a:
				default:
				}
			}
		}
		s.done <- s.cmd.Wait()
	}()
	select {
	case a := <-addr:
		s.base = "http://" + a
	case <-time.After(30 * time.Second):
		s.cmd.Process.Kill()
		t.Fatalf("serve did not start:\n%s", s.Log())
	}
	return s
}

// stop ends the server with SIGTERM, once.
func (s *server) stop(t *testing.T) {
	if s.cmd.ProcessState != nil || s.done == nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.done:
		if err != nil {
			t.Errorf("serve exited with %v:\n%s", err, s.Log())
		}
	case <-time.After(20 * time.Second):
		s.cmd.Process.Kill()
		t.Errorf("serve did not stop")
	}
	s.done = nil
}

// getJSON fetches the server's url into v.
func (s *server) getJSON(t *testing.T, path string, v interface{}) {
	t.Helper()
	resp, err := http.Get(s.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

// result is what one command printed and its exit status.
type result struct {
	stdout, stderr string
	code           int
}

// runIn runs the command in dir with env and stdin, keeping stdout and
// stderr apart.
func runIn(t *testing.T, bin, dir string, env []string, stdin string, args ...string) result {
	t.Helper()
	return runFor(t, time.Minute, bin, dir, env, stdin, args...)
}

// runFor is runIn with the time the command may take: past it, the
// command is killed and the test fails.
func runFor(t *testing.T, limit time.Duration, bin, dir string, env []string, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		t.Fatalf("%v hung", args)
	}
	return result{out.String(), errb.String(), cmd.ProcessState.ExitCode()}
}

// timings are the figures of a run that differ from run to run.
var timings = regexp.MustCompile(`in [0-9.]+s \([0-9.]+ (reports|quads)/s\)`)

// TestCommandsThroughServe starts `diplograph serve` as a process on an
// embedded store, then runs ingest (of a directory, and of stdin),
// query, stats and export (to stdout and to a file) as other processes
// on the same store, and checks that each succeeds or fails as it does
// on a store it opens itself, with the same output and exit status; that
// the new reports reach the server's search API and the explorer in a
// browser; and that a second serve on the store is refused, naming the
// first.
func TestCommandsThroughServe(t *testing.T) {
	bin := buildBinary(t)
	work := t.TempDir()
	in := filepath.Join(work, "in")
	os.Mkdir(in, 0o755)
	reports, _ := filepath.Glob("../../testdata/reports/a0*.txt")
	if len(reports) < 5 {
		t.Fatalf("test reports: %v", reports)
	}
	for _, r := range reports {
		b, _ := os.ReadFile(r)
		os.WriteFile(filepath.Join(in, filepath.Base(r)), b, 0o644)
	}
	late, err := os.ReadFile("../../testdata/reports/a10-gbr-nor-visit.txt")
	if err != nil {
		t.Fatal(err)
	}

	type step struct {
		name  string
		stdin string
		args  []string
		file  string // a file the command writes, compared too
	}
	steps := []step{
		{name: "ingest a directory", args: []string{"ingest", "in"}},
		{name: "ingest stdin", stdin: string(late), args: []string{"ingest", "-"}},
		{name: "ingest a missing file", args: []string{"ingest", "in/missing.txt"}},
		{name: "query", args: []string{"query", `g.V("<country:NOR>").out("<schema:name>").all()`}},
		{name: "query from stdin", stdin: `g.V("<country:JPN>").in("<dg:participated_in>").all()`, args: []string{"query", "--limit", "3"}},
		{name: "bad query", args: []string{"query", `g.V((`}},
		{name: "saved query", args: []string{"query", "--saved", "meetings-between", "--param", "a=<country:IND>", "--param", "b=<country:JPN>"}},
		{name: "stats", args: []string{"stats"}},
		{name: "paths", args: []string{"paths", "country:GBR", "country:NOR"}},
		{name: "export to stdout", args: []string{"export", "--around", "<country:NOR>", "--hops", "1"}},
		{name: "export to a file", args: []string{"export", "--around", "<country:NOR>", "--hops", "1", "-o", "out/nor.graphml"}, file: "out/nor.graphml"},
	}
	run := func(store string, env []string) []result {
		os.RemoveAll(filepath.Join(work, "out"))
		os.Mkdir(filepath.Join(work, "out"), 0o755)
		var out []result
		for _, s := range steps {
			r := runIn(t, bin, work, env, s.stdin, s.args...)
			r.stdout = strings.ReplaceAll(r.stdout, store, "STORE")
			r.stderr = timings.ReplaceAllString(r.stderr, "in Ts")
			if s.file != "" {
				b, err := os.ReadFile(filepath.Join(work, s.file))
				if err != nil {
					t.Errorf("%s: %v", s.name, err)
				}
				r.stdout += "\n--- " + s.file + "\n" + string(b)
			}
			out = append(out, r)
		}
		return out
	}

	// the commands on a store of their own
	directStore := filepath.Join(t.TempDir(), "store")
	direct := run(directStore, []string{"DIPLOGRAPH_STORE_PATH=" + directStore, "XDG_CONFIG_HOME=" + work})

	// the same commands while serve holds the store
	store := filepath.Join(t.TempDir(), "store")
	env := []string{"DIPLOGRAPH_STORE_PATH=" + store, "XDG_CONFIG_HOME=" + work}
	srv := startServe(t, bin, env)
	served := run(store, env)
	for i, s := range steps {
		d, v := direct[i], served[i]
		if d.code != v.code || d.stdout != v.stdout || d.stderr != v.stderr {
			t.Errorf("%s: through the server\n  exit %d, stdout %.600q\n  stderr %.600q\nopening the store itself\n  exit %d, stdout %.600q\n  stderr %.600q",
				s.name, v.code, v.stdout, v.stderr, d.code, d.stdout, d.stderr)
		}
	}
	for i, want := range []int{0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0} {
		if served[i].code != want {
			t.Errorf("%s: exit %d, want %d: %s", steps[i].name, served[i].code, want, served[i].stderr)
		}
	}
	if !strings.Contains(served[3].stdout, "Norway") || !strings.Contains(served[10].stdout, "<graphml") {
		t.Errorf("query or export printed nothing useful:\n%s\n%.300s", served[3].stdout, served[10].stdout)
	}
	if !strings.Contains(srv.Log(), `ran "ingest -- in"`) {
		t.Errorf("the ingest did not run in the server:\n%s", srv.Log())
	}

	// the server's search follows, and its news count the new reports
	deadline := time.Now().Add(15 * time.Second)
	for {
		var res struct{ Results []struct{ ID string } }
		srv.getJSON(t, "/api/search?q=norway&type=Country", &res)
		if len(res.Results) > 0 && res.Results[0].ID == "country:NOR" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the reports ingested through the server are not searchable: %+v\n%s", res, srv.Log())
		}
		time.Sleep(100 * time.Millisecond)
	}
	var news struct{ Total int }
	srv.getJSON(t, "/api/news", &news)
	if news.Total != len(reports)+1 {
		t.Errorf("news: %d reports since the start, want %d", news.Total, len(reports)+1)
	}

	// a second server on the same store is refused, naming the first
	second := runIn(t, bin, work, env, "", "serve", "--listen", "127.0.0.1:0")
	pid := fmt.Sprint(srv.cmd.Process.Pid)
	if second.code != 1 || !strings.Contains(second.stderr, "already served by diplograph serve (pid "+pid+") on "+srv.base) {
		t.Errorf("second serve: exit %d, %s", second.code, second.stderr)
	}

	// and the explorer in a browser shows them
	ctx := browsertest.New(t, srv.base, 60*time.Second)
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.base+"/explore/"),
		chromedp.WaitVisible(chromedp.CSS(`#q`)),
		chromedp.SendKeys(chromedp.CSS(`#q`), "Norway\n"),
		chromedp.WaitVisible(chromedp.CSS(`#entity-results a.entity[data-id="country:NOR"]`)),
		chromedp.Click(chromedp.CSS(`#entity-results a.entity[data-id="country:NOR"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#relations`)),
	)
	if err != nil {
		t.Fatalf("explorer: %v", err)
	}
	page, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#main`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page, "Oslo") {
		t.Errorf("Norway's page does not show the late report's meeting in Oslo:\n%.1500s", page)
	}

	// once the server is gone, the commands open the store themselves
	srv.stop(t)
	if _, err := os.Stat(filepath.Join(store, "diplograph.serve")); !os.IsNotExist(err) {
		t.Errorf("the server's address file outlives it: %v", err)
	}
	r := runIn(t, bin, work, env, "", "stats")
	if r.code != 0 || strings.ReplaceAll(r.stdout, store, "STORE") != served[7].stdout {
		t.Errorf("stats after the server: %d %s %s", r.code, r.stdout, r.stderr)
	}
}

// TestServeWatch starts `diplograph serve --watch DIR`, opens the
// explorer in a browser, drops a report and a bad file into DIR, and
// checks that the report is ingested (the bad file logged, the rest read
// on), that the open page says one report is new and lists it, and that
// a file rewritten unchanged changes nothing.
func TestServeWatch(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	os.Mkdir(inbox, 0o755)
	first, _ := os.ReadFile("../../testdata/reports/a03-fra-deu-visit.txt")
	late, _ := os.ReadFile("../../testdata/reports/a10-gbr-nor-visit.txt")
	if len(first) == 0 || len(late) == 0 {
		t.Fatal("test reports missing")
	}
	os.WriteFile(filepath.Join(inbox, "first.txt"), first, 0o644)
	env := []string{"DIPLOGRAPH_STORE_PATH=" + filepath.Join(dir, "store"), "XDG_CONFIG_HOME=" + dir}
	if r := runIn(t, bin, dir, env, "", "serve", "--watch", filepath.Join(dir, "nowhere")); r.code != 1 || !strings.Contains(r.stderr, "--watch") {
		t.Errorf("--watch of a missing directory: %d %s", r.code, r.stderr)
	}
	srv := startServe(t, bin, env, "--watch", inbox)

	news := func() (total int) {
		var n struct{ Total int }
		srv.getJSON(t, "/api/news", &n)
		return n.Total
	}
	waitUntil := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 30 s; server log:\n%s", what, srv.Log())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	// the file present at the start is read too
	waitUntil("the first report", func() bool { return news() == 1 })

	ctx := browsertest.New(t, srv.base, 60*time.Second)
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.base+"/explore/"),
		chromedp.WaitVisible(chromedp.CSS(`#q`)),
		chromedp.Poll[chromedp.Void](`performance.getEntriesByType("resource").some(e => e.name.endsWith("/api/news"))`,
			chromedp.WithPollingTimeout(10*time.Second)),
	)
	if err != nil {
		t.Fatalf("explorer: %v", err)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#news").length`)); n != 0 {
		t.Errorf("a notice before anything new came")
	}

	// a bad file and a good one arrive; the good one is written under a
	// temporary name first, as a careful writer does
	os.WriteFile(filepath.Join(inbox, "broken.txt"), nil, 0o644)
	tmp := filepath.Join(inbox, "late.txt.part")
	os.WriteFile(tmp, late, 0o644)
	os.Rename(tmp, filepath.Join(inbox, "late.txt"))

	err = chromedp.Do(ctx,
		chromedp.Poll[chromedp.Void](`(document.querySelector("#news-count") || {}).textContent === "1 new report since this page was opened"`,
			chromedp.WithPollingTimeout(40*time.Second)),
		chromedp.Click(chromedp.CSS(`#news-show`)),
		chromedp.WaitVisible(chromedp.CSS(`#news-list a[data-report]`)),
	)
	if err != nil {
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		t.Fatalf("the notice of the new report: %v\npage: %.500s\nlog:\n%s", err, text, srv.Log())
	}
	listed, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#news-list`)))
	if err != nil || !strings.Contains(listed, "Foreign Secretary visits Oslo") {
		t.Errorf("the notice lists %q (%v)", listed, err)
	}
	log := srv.Log()
	if !strings.Contains(log, "broken.txt") {
		t.Errorf("the bad file is not named in the log:\n%s", log)
	}
	if !strings.Contains(log, "1 new, 0 changed") {
		t.Errorf("no progress line in the log:\n%s", log)
	}

	// the same file written again is read again and changes nothing
	os.WriteFile(filepath.Join(inbox, "late.txt"), late, 0o644)
	os.Chtimes(filepath.Join(inbox, "late.txt"), time.Now(), time.Now().Add(time.Minute))
	waitUntil("the rewritten file to be read", func() bool { return strings.Contains(srv.Log(), "0 new, 0 changed, 1 unchanged") })
	if n := news(); n != 2 {
		t.Errorf("news after an unchanged file: %d, want 2", n)
	}
}

// TestServePostgresFollowsOtherProcess starts `diplograph serve` on
// PostgreSQL, then ingests a report with another `diplograph ingest`
// process (PostgreSQL is shared, nothing goes through the server), and
// checks that the server's search finds it without a restart.
func TestServePostgresFollowsOtherProcess(t *testing.T) {
	addr := graphtest.PostgresAddress(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	env := []string{"DIPLOGRAPH_STORE_BACKEND=postgres", "DIPLOGRAPH_STORE_ADDRESS=" + addr, "XDG_CONFIG_HOME=" + dir}
	srv := startServe(t, bin, env)
	var res struct{ Results []struct{ ID string } }
	srv.getJSON(t, "/api/search?q=norway", &res)
	if len(res.Results) != 0 {
		t.Fatalf("found in an empty store: %+v", res)
	}
	r := runIn(t, bin, dir, env, "", "ingest", filepath.Join(wd(t), "../../testdata/reports/a10-gbr-nor-visit.txt"))
	if r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		srv.getJSON(t, "/api/search?q=norway&type=Country", &res)
		if len(res.Results) > 0 && res.Results[0].ID == "country:NOR" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("another process's report not searchable within 20 s:\n%s", srv.Log())
		}
		time.Sleep(100 * time.Millisecond)
	}
	var news struct{ Total int }
	srv.getJSON(t, "/api/news", &news)
	if news.Total != 1 {
		t.Errorf("news: %d", news.Total)
	}
}

func wd(t *testing.T) string {
	d, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
