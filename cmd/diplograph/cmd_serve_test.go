package main

import (
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
		srv := launch(t, cmd)
		resp, err := http.Post(srv.base+"/api/v2/write", "application/n-quads", strings.NewReader("<a> <b> <c> .\n"))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("write to a read-only server: %d", resp.StatusCode)
		}
		cmd.Process.Signal(sig)
		select {
		case err := <-srv.done:
			if err != nil {
				t.Errorf("%v: exit: %v", sig, err)
			}
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v: serve did not stop", sig)
		}
	}
}
