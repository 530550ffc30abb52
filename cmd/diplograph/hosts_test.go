package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestAllowedHostsConfig checks server.allowed_hosts from the environment
// (comma-separated) and from a config file (a list).
func TestAllowedHostsConfig(t *testing.T) {
	t.Setenv("DIPLOGRAPH_SERVER_ALLOWED_HOSTS", "graph.internal, 10.1.2.3")
	c := newConfig()
	if got := c.allowedHosts(); !slices.Equal(got, []string{"graph.internal", "10.1.2.3"}) {
		t.Errorf("from the environment: %v", got)
	}
	os.Unsetenv("DIPLOGRAPH_SERVER_ALLOWED_HOSTS")
	file := filepath.Join(t.TempDir(), "diplograph.yaml")
	os.WriteFile(file, []byte("server:\n  allowed_hosts: [a.example, b.example]\n"), 0o644)
	c = newConfig()
	c.v.SetConfigFile(file)
	if err := c.v.ReadInConfig(); err != nil {
		t.Fatal(err)
	}
	if got := c.allowedHosts(); !slices.Equal(got, []string{"a.example", "b.example"}) {
		t.Errorf("from a file: %v", got)
	}
}
