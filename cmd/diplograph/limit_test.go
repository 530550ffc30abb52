package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// dgCLIErr runs diplograph with args against the bolt store in dir and
// returns its stdout and stderr.
func dgCLIErr(t *testing.T, dir string, args ...string) (string, string, error) {
	t.Helper()
	root := newRoot()
	var out, errb bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(""))
	root.SetArgs(append(args, "--backend", "bolt", "--store", filepath.Join(dir, "store")))
	err := root.ExecuteContext(context.Background())
	return out.String(), errb.String(), err
}

// TestQueryLimitCLI checks that a result cut by --limit says so on
// stderr, that --limit 0 means no row limit, and that a negative limit
// is refused with a clear message.
func TestQueryLimitCLI(t *testing.T) {
	dir := fixtureCLIStore(t)
	rows := func(out string) int {
		t.Helper()
		var r []interface{}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		return len(r)
	}
	const note = "showing the first"
	out, errs, err := dgCLIErr(t, dir, "query", "--limit", "100000", "g.V().all()")
	if err != nil || strings.Contains(errs, note) {
		t.Fatalf("uncut query: %v, stderr %q", err, errs)
	}
	all := rows(out)
	if all <= 100 {
		t.Fatalf("the fixture has %d nodes; the test needs more than the default limit", all)
	}
	out, errs, err = dgCLIErr(t, dir, "query", "g.V().all()")
	if err != nil || rows(out) != 100 || !strings.Contains(errs, note+" 100 rows") || !strings.Contains(errs, "--limit 0") {
		t.Errorf("default limit: %d rows, stderr %q, %v", rows(out), errs, err)
	}
	out, errs, err = dgCLIErr(t, dir, "query", "--limit", "0", "g.V().all()")
	if err != nil || rows(out) != all || strings.Contains(errs, note) {
		t.Errorf("--limit 0: %d rows of %d, stderr %q, %v", rows(out), all, errs, err)
	}
	out, errs, err = dgCLIErr(t, dir, "query", "--limit", "2", "--saved", "meetings-between", "--param", "a=<country:PAK>", "--param", "b=<country:RUS>")
	if err != nil || rows(out) != 2 || !strings.Contains(errs, note+" 2 rows") {
		t.Errorf("saved query --limit 2: %d rows, stderr %q, %v", rows(out), errs, err)
	}
	_, errs, err = dgCLIErr(t, dir, "export", "--limit", "1", "--format", "nquads", "--query", "g.V().all()")
	if err != nil || !strings.Contains(errs, note+" 1 rows") {
		t.Errorf("export --query --limit 1: stderr %q, %v", errs, err)
	}
	for _, args := range [][]string{{"query", "--limit", "-1", "g.V().all()"}, {"export", "--limit", "-5", "--query", "g.V().all()"}} {
		_, _, err = dgCLIErr(t, dir, args...)
		if err == nil || !strings.Contains(err.Error(), "0 for no row limit") {
			t.Errorf("%v: %v, want a clear refusal", args, err)
		}
	}
}
