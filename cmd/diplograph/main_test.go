package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// buildBinary builds diplograph once for the command tests.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "diplograph")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func run(t *testing.T, bin string, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("%v hung", args)
	}
	return out.String(), cmd.ProcessState.ExitCode()
}

// TestErrors checks that each failure ends with a one-line error naming
// its cause and a non-zero exit status: no panic, no stack trace, no hang.
func TestErrors(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	env := []string{"DIPLOGRAPH_STORE_PATH=" + store, "XDG_CONFIG_HOME=" + dir}
	bad := filepath.Join(dir, "bad.nq")
	os.WriteFile(bad, []byte("<a> <b> <c> .\n<a> <b> \"open .\n"), 0o644)

	check := func(name string, wantIn string, args ...string) {
		t.Helper()
		out, code := run(t, bin, env, args...)
		if code == 0 {
			t.Errorf("%s: exit 0\n%s", name, out)
		}
		if strings.Contains(out, "goroutine") || strings.Contains(out, "panic") {
			t.Errorf("%s: stack trace\n%s", name, out)
		}
		if !strings.Contains(out, wantIn) {
			t.Errorf("%s: output %q does not contain %q", name, out, wantIn)
		}
	}
	check("misspelt backend", `unknown store backend "boltt"`, "--backend", "boltt", "stats")
	check("unreachable postgres", "cannot reach the database", "--backend", "postgres", "--address", "postgres://x@127.0.0.1:1/db?sslmode=disable", "stats")
	check("malformed n-quads", "bad.nq:2:", "load", bad)

	// a store held by another process
	holder := exec.Command(bin, "query", "--timeout", "20s", "while(true){}")
	holder.Env = append(os.Environ(), env...)
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Process.Kill()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if b, _ := os.ReadFile(filepath.Join(store, "diplograph.lock")); len(bytes.TrimSpace(b)) > 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	start := time.Now()
	check("store in use", "in use by another process", "stats")
	if time.Since(start) > 5*time.Second {
		t.Errorf("store-in-use error took %s", time.Since(start))
	}
}

func TestLoadQueryStats(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	env := []string{"DIPLOGRAPH_STORE_PATH=" + filepath.Join(dir, "store"), "XDG_CONFIG_HOME=" + dir}
	nq := filepath.Join(dir, "x.nq")
	os.WriteFile(nq, []byte("<country:PAK> <dg:co_chaired> <event:e> <report:a> .\n<country:RUS> <dg:co_chaired> <event:e> <report:b> .\n"), 0o644)
	if out, code := run(t, bin, env, "load", nq); code != 0 {
		t.Fatalf("load: %s", out)
	}
	// gzip is read transparently, whatever the name says
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<country:CHN> <dg:participated_in> <event:e> <report:c> .\n"))
	zw.Close()
	gzPath := filepath.Join(dir, "more.nq.gz")
	os.WriteFile(gzPath, gz.Bytes(), 0o644)
	if out, code := run(t, bin, env, "load", gzPath); code != 0 || !strings.Contains(out, "1 quads") {
		t.Fatalf("load gzip: %s", out)
	}
	out, code := run(t, bin, env, "query", `g.V("<event:e>").in("<dg:co_chaired>").all()`)
	if code != 0 || !strings.Contains(out, "<country:PAK>") || !strings.Contains(out, "<country:RUS>") {
		t.Fatalf("query: %s", out)
	}
	out, code = run(t, bin, env, "stats")
	if code != 0 || !strings.Contains(out, "quads    3") || !strings.Contains(out, "labels   3") {
		t.Fatalf("stats: %s", out)
	}
	out, _ = run(t, bin, append(env, "DIPLOGRAPH_STORE_ADDRESS=postgres://u:secret@h/db"), "config")
	if strings.Contains(out, "secret") || !strings.Contains(out, "env DIPLOGRAPH_STORE_ADDRESS") {
		t.Fatalf("config: %s", out)
	}
}
