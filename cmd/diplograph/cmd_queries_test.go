package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dgCLI runs diplograph with args against the bolt store in dir.
func dgCLI(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	out, _, err := dgCLIErr(t, dir, args...)
	return out, err
}

func fixtureCLIStore(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // no user config file
	dir := t.TempDir()
	if _, err := dgCLI(t, dir, "load", "../../testdata/fixtures/queries.nq"); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestQuerySavedCLI(t *testing.T) {
	dir := fixtureCLIStore(t)
	out, err := dgCLI(t, dir, "query", "--list")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"meetings-between a=IRI b=IRI [kind=STRING]", "partners", "series-history", "person-events",
		"planned-after", "who-met-whom", "fact-reports"} {
		if !strings.Contains(out, n) {
			t.Errorf("--list lacks %q:\n%s", n, out)
		}
	}
	out, err = dgCLI(t, dir, "query", "--saved", "meetings-between", "--param", "a=<country:PAK>", "--param", "b=country:RUS")
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]interface{}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(rows) != 4 || rows[1]["target"] != "<event:pak-rus/joint-working-group/counter-terrorism/10>" || rows[1]["place_name"] != "Islamabad" {
		t.Errorf("meetings-between: %s", out)
	}
	if _, err := dgCLI(t, dir, "query", "--saved", "meetings-between", "--param", "a=<country:PAK>"); err == nil ||
		!strings.Contains(err.Error(), "parameter b: missing") || !strings.Contains(err.Error(), "usage: diplograph query --saved meetings-between") {
		t.Errorf("missing parameter: %v", err)
	}
	if _, err := dgCLI(t, dir, "query", "--saved", "nope"); err == nil || !strings.Contains(err.Error(), "unknown saved query") {
		t.Errorf("unknown query: %v", err)
	}
}

func TestExportAndPathsCLI(t *testing.T) {
	dir := fixtureCLIStore(t)
	nq := filepath.Join(dir, "pak.nq")
	if _, err := dgCLI(t, dir, "export", "--around", "<country:PAK>", "--hops", "2", "-o", nq); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(nq)
	if err != nil || !bytes.Contains(b, []byte(`<country:PAK> <dg:co_chaired> <event:pak-rus/joint-working-group/counter-terrorism/10> <report:0a0a0a0a0a0a0a0a> .`)) {
		t.Errorf("N-Quads export: %v\n%.300s", err, b)
	}
	out, err := dgCLI(t, dir, "export", "--report", "0c0c0c0c0c0c0c0c", "--format", "gml")
	if err != nil || !strings.Contains(out, "multigraph 1") || !strings.Contains(out, `label "country:IND"`) {
		t.Errorf("GML to stdout: %v\n%.300s", err, out)
	}
	csvDir := filepath.Join(dir, "march")
	if _, err := dgCLI(t, dir, "export", "--from", "2024-03", "--to", "2024-03", "--format", "csv", "-o", csvDir); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"nodes.csv", "edges.csv"} {
		if _, err := os.Stat(filepath.Join(csvDir, f)); err != nil {
			t.Error(err)
		}
	}
	if _, err := dgCLI(t, dir, "export", "-o", "x.graphml"); err == nil || !strings.Contains(err.Error(), "choose a subgraph") {
		t.Errorf("no selection: %v", err)
	}
	out, err = dgCLI(t, dir, "paths", "country:PAK", "<country:RUS>", "--predicate", "dg:co_chaired")
	if err != nil || !strings.Contains(out, "1 shortest path(s) of length 2") ||
		!strings.Contains(out, "<country:PAK> -<dg:co_chaired>-> <event:pak-rus/joint-working-group/counter-terrorism/10> <-<dg:co_chaired>- <country:RUS>") {
		t.Errorf("paths: %v\n%s", err, out)
	}
	out, err = dgCLI(t, dir, "paths", "country:PAK", "country:CHN", "--json", "--max-length", "3")
	if err != nil || !strings.Contains(out, `"length": -1`) {
		t.Errorf("paths --json: %v\n%s", err, out)
	}
}
