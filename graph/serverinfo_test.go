package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/diplograph/diplograph/graph"
)

// TestFindServer checks that the server file is found while its writer
// holds the store, is private to the store's owner, and is ignored once
// the store is closed, even if the file was left behind (a killed
// server).
func TestFindServer(t *testing.T) {
	dir := t.TempDir()
	s, err := graph.Open(context.Background(), graph.Config{Backend: "bolt", Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := graph.FindServer(dir); ok || err != nil {
		t.Fatalf("a server found before one is published: %v", err)
	}
	info := graph.ServerInfo{Addr: "127.0.0.1:1234", PID: os.Getpid(), Secret: "s3cret"}
	remove, err := s.PublishServer(info)
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := graph.FindServer(dir)
	if !ok || err != nil || got != info {
		t.Errorf("FindServer: %+v %v %v", got, ok, err)
	}
	if st, err := os.Stat(filepath.Join(dir, "diplograph.serve")); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("server file: %v %v", st.Mode(), err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "diplograph.serve"))
	s.Close() // the lock goes, the file stays: as after a kill
	if _, ok, _ := graph.FindServer(dir); ok {
		t.Errorf("a server found after the store was closed")
	}
	remove()
	if _, err := os.Stat(filepath.Join(dir, "diplograph.serve")); !os.IsNotExist(err) {
		t.Errorf("server file not removed: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "diplograph.serve"), b, 0o600)
	// a killed server leaves its pid in the lock file too; nobody holds it
	os.WriteFile(filepath.Join(dir, "diplograph.lock"), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644)
	if _, ok, _ := graph.FindServer(dir); ok {
		t.Errorf("a left-behind server file is taken for a server")
	}
}
