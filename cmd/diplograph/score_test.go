package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestExtractionScore runs the shared scorer over the seed corpus and our
// own test reports and holds the extractor to the floors.
func TestExtractionScore(t *testing.T) {
	scorer := "../../../shared/eval/score.py"
	if _, err := os.Stat(scorer); err != nil {
		t.Skip("no ../shared/eval/score.py")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	bin := buildBinary(t)
	for _, c := range []struct {
		name             string
		glob             string
		minEvent, minArg string
	}{
		{"seed", "../../../shared/corpus/*.gold.json", "0.95", "0.90"},
		{"testdata", "../../testdata/reports/*.gold.json", "0.90", "0.85"},
	} {
		golds, _ := filepath.Glob(c.glob)
		if len(golds) == 0 {
			t.Errorf("%s: no gold files", c.name)
			continue
		}
		args := append([]string{scorer, "--extract", bin + " extract", "--min-event-f1", c.minEvent, "--min-arg-f1", c.minArg}, golds...)
		out, err := exec.Command("python3", args...).CombinedOutput()
		if err != nil {
			t.Errorf("%s: below events F1 %s / args F1 %s: %v\n%s", c.name, c.minEvent, c.minArg, err, out)
		} else {
			t.Logf("%s: %s", c.name, lastLine(out))
		}
	}
}

func lastLine(b []byte) string {
	s := string(b)
	for len(s) > 0 && s[len(s)-1] == '\n' {
		s = s[:len(s)-1]
	}
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '\n' {
			return s[i+1:]
		}
	}
	return s
}
