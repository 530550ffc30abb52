package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// readmeBlock returns the indented command lines of README.md that follow
// the heading and stop at the next heading.
func readmeBlock(t *testing.T, readme, heading string) []string {
	t.Helper()
	i := strings.Index(readme, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("README.md has no %q", heading)
	}
	var lines []string
	for _, l := range strings.Split(readme[i+len(heading)+2:], "\n") {
		if strings.HasPrefix(l, "#") {
			break
		}
		if strings.HasPrefix(l, "    ./diplograph ") || strings.HasPrefix(l, "    go build ") {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	return lines
}

// trailingComment is a README comment after a command: two spaces or more
// and a '#'.
var trailingComment = regexp.MustCompile(`\s{2,}#.*$`)

// copyTree copies the directory src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatalf("copy %s: %v", src, err)
	}
}

// TestReadmeTour runs the ingest of README.md's set-up command and then
// every line of its "A short tour", in order, as a shell would, in a fresh
// copy of the shipped testdata/ with a fresh store: each must exit 0. The
// last line, serve, is started on a free port, must answer a search, and is
// stopped.
func TestReadmeTour(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	setup := readmeBlock(t, readme, "## Set-up on a fresh machine")
	tour := readmeBlock(t, readme, "## A short tour")
	if len(setup) != 1 || len(tour) < 10 {
		t.Fatalf("README blocks: set-up %q, tour %d lines", setup, len(tour))
	}
	var lines []string
	for _, part := range strings.Split(setup[0], "&&") {
		if part = strings.TrimSpace(part); strings.HasPrefix(part, "./diplograph ingest ") {
			lines = append(lines, part)
		}
	}
	if len(lines) != 1 {
		t.Fatalf("set-up command %q has no ingest", setup[0])
	}
	lines = append(lines, tour...)

	bin := buildBinary(t)
	dir := t.TempDir()
	copyTree(t, "../../testdata", filepath.Join(dir, "testdata"))
	if err := os.Symlink(bin, filepath.Join(dir, "diplograph")); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(dir, "home")
	// a fresh user: default store and configuration under a new home
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DIPLOGRAPH_") && !strings.HasPrefix(kv, "XDG_") && !strings.HasPrefix(kv, "HOME=") {
			env = append(env, kv)
		}
	}
	env = append(env, "HOME="+home)

	for i, line := range lines {
		cmdline := trailingComment.ReplaceAllString(line, "")
		if i == 1 {
			// The set-up command leaves its console open: the tour runs
			// beside it, its commands going through the running server.
			stop := tourServe(t, dir, env, "./diplograph serve", "/api/search?q=Pakistan", "country:PAK")
			defer stop()
		}
		if i == len(lines)-1 {
			if !strings.HasPrefix(cmdline, "./diplograph ") || !strings.Contains(cmdline, " serve") {
				t.Fatalf("the tour's last line is not serve: %q", line)
			}
			tourServe(t, dir, env, cmdline, "/api/status", `"backend"`)()
			continue
		}
		if strings.Contains(cmdline, " serve") {
			t.Fatalf("serve before the end of the tour: %q", line)
		}
		cmd := exec.Command("bash", "-c", cmdline)
		cmd.Dir, cmd.Env = dir, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("%s: %v\n%s", line, err, out.String())
			}
		case <-time.After(60 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%s: hung", line)
		}
		if out.Len() == 0 {
			t.Errorf("%s: no output", line)
		}
	}
}

// tourServe starts a serve command line on a free port, waits until path
// answers 200 with want in its body, and returns the function that stops
// it (SIGINT) and checks that it exits cleanly.
func tourServe(t *testing.T, dir string, env []string, cmdline, path, want string) (stop func()) {
	t.Helper()
	cmd := exec.Command("bash", "-c", "exec "+cmdline+" --listen 127.0.0.1:0")
	cmd.Dir, cmd.Env = dir, env
	srv := launch(t, cmd)
	var body []byte
	var code int
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		resp, err := http.Get(srv.base + path)
		if err != nil {
			continue
		}
		body, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if code = resp.StatusCode; code == http.StatusOK && bytes.Contains(body, []byte(want)) {
			break
		}
	}
	if code != http.StatusOK || !bytes.Contains(body, []byte(want)) {
		cmd.Process.Kill()
		t.Fatalf("%s: %s answered %d %s", cmdline, path, code, body)
	}
	return func() {
		cmd.Process.Signal(syscall.SIGINT)
		select {
		case err := <-srv.done:
			if err != nil {
				t.Errorf("%s: exit: %v", cmdline, err)
			}
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			t.Errorf("%s did not stop", cmdline)
		}
	}
}
