package main

import (
	"encoding/json"
	"regexp"
	"strconv"
	"testing"
)

// TestIngestAndStatsCountEventsAlike checks that the events ingest
// reports for the sample reports into an empty store are the events stats
// counts: distinct event nodes, announced next meetings included.
func TestIngestAndStatsCountEventsAlike(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	_, errs, err := dgCLIErr(t, dir, "ingest", "../../testdata/reports")
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, errs)
	}
	m := regexp.MustCompile(`, (\d+) events,`).FindStringSubmatch(errs)
	if m == nil {
		t.Fatalf("no event count in %q", errs)
	}
	out, _, err := dgCLIErr(t, dir, "stats", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var st struct{ Events int }
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if strconv.Itoa(st.Events) != m[1] || st.Events < 150 {
		t.Errorf("ingest counted %s events, stats %d", m[1], st.Events)
	}
}
