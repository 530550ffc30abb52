package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeShutsDownOnSignal starts `diplograph serve` on a free port,
// checks that it answers read-only, and that SIGINT and SIGTERM end it
// cleanly (exit status 0) within seconds.
func TestServeShutsDownOnSignal(t *testing.T) {
	bin := buildBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		dir := t.TempDir()
		cmd := exec.Command(bin, "serve", "--listen", "127.0.0.1:0")
		cmd.Env = append(os.Environ(), "DIPLOGRAPH_STORE_PATH="+filepath.Join(dir, "store"), "XDG_CONFIG_HOME="+dir)
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		addr := make(chan string, 1)
		go func() {
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				line := sc.Text()
				if i := strings.Index(line, " on http://"); i >= 0 {
					a := strings.TrimPrefix(line[i:], " on http://")
					addr <- a[:strings.IndexByte(a, '/')]
				}
			}
		}()
		var base string
		select {
		case a := <-addr:
			base = "http://" + a
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			t.Fatal("serve did not start")
		}
		resp, err := http.Post(base+"/api/v2/write", "application/n-quads", strings.NewReader("<a> <b> <c> .\n"))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("write to a read-only server: %d", resp.StatusCode)
		}
		cmd.Process.Signal(sig)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%v: exit: %v", sig, err)
			}
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v: serve did not stop", sig)
		}
	}
}
