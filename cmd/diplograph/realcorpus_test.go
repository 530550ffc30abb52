package main

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRealCorpusFacts checks the facts committed for our real reports
// (testdata/real): every gold file is well formed under GUIDE.md and names a
// report listed once in the sources, with a url of its own that set A of
// ../shared does not already hold. The texts are not in the repository;
// when they are in $HOME/.cache/diplograph-eval/real the test also scores
// them and logs the figures when DIPLOGRAPH_SCORE_REAL=1 (no floor: the
// first scores of each batch are the measure, kept in README.md, and a
// batch not yet scored must not be run through the extractor by accident).
func TestRealCorpusFacts(t *testing.T) {
	root := "../../testdata/real"
	sources := readSources(t, filepath.Join(root, "SOURCES.tsv"))
	if len(sources) < 150 {
		t.Errorf("%d real reports in SOURCES.tsv, want at least 150", len(sources))
	}
	setA := map[string]bool{}
	if a, err := os.Stat("../../../shared/eval/real-a/SOURCES.tsv"); err == nil && !a.IsDir() {
		for _, row := range readSources(t, "../../../shared/eval/real-a/SOURCES.tsv") {
			setA[row["url"]] = true
		}
	}
	urls, publishers := map[string]string{}, map[string]bool{}
	for file, row := range sources {
		if prev, ok := urls[row["url"]]; ok {
			t.Errorf("%s and %s have the same url %s", prev, file, row["url"])
		}
		urls[row["url"]] = file
		if setA[row["url"]] {
			t.Errorf("%s: %s is already in set A", file, row["url"])
		}
		if p := row["published"]; p != "unknown" && !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(p) {
			t.Errorf("%s: published %q is neither YYYY-MM-DD nor unknown", file, p)
		}
		publishers[strings.ToLower(row["publisher"])] = true
	}
	if len(publishers) < 80 {
		t.Errorf("%d publishers, want at least 80", len(publishers))
	}
	golds, _ := filepath.Glob(filepath.Join(root, "gold", "*.gold.json"))
	if len(golds) != len(sources) {
		t.Errorf("%d gold files for %d sources", len(golds), len(sources))
	}
	iso3 := regexp.MustCompile(`^[A-Z]{3}$`)
	kinds := map[string]bool{"meeting": true, "visit": true, "call": true, "summit": true, "conference": true, "signing": true}
	for _, g := range golds {
		var gold struct {
			Report string `json:"report"`
			Events []struct {
				Kind      string   `json:"kind"`
				Countries []string `json:"countries"`
				Date      string   `json:"date"`
			} `json:"events"`
			People []struct {
				Name    string `json:"name"`
				Country string `json:"country"`
			} `json:"people"`
		}
		b, err := os.ReadFile(g)
		if err == nil {
			err = json.Unmarshal(b, &gold)
		}
		if err != nil {
			t.Errorf("%s: %v", g, err)
			continue
		}
		name := filepath.Base(gold.Report)
		if gold.Report != "../texts/"+name || name != strings.TrimSuffix(filepath.Base(g), ".gold.json")+".txt" {
			t.Errorf("%s names its report %q", g, gold.Report)
		}
		if _, ok := sources[name]; !ok {
			t.Errorf("%s: %s is not in SOURCES.tsv", g, name)
		}
		for i, e := range gold.Events {
			if !kinds[e.Kind] {
				t.Errorf("%s: event %d has kind %q", g, i, e.Kind)
			}
			for _, c := range e.Countries {
				if !iso3.MatchString(c) {
					t.Errorf("%s: event %d has country %q", g, i, c)
				}
			}
			if e.Date != "" && !regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`).MatchString(e.Date) {
				t.Errorf("%s: event %d has date %q", g, i, e.Date)
			}
		}
		for _, p := range gold.People {
			if p.Name == "" || (p.Country != "" && !iso3.MatchString(p.Country)) {
				t.Errorf("%s: person %+v", g, p)
			}
		}
	}
	t.Logf("%d real reports from %d publishers", len(sources), len(publishers))

	home, _ := os.UserHomeDir()
	texts := filepath.Join(home, ".cache", "diplograph-eval", "real")
	if _, err := os.Stat(texts); err != nil || testing.Short() || os.Getenv("DIPLOGRAPH_SCORE_REAL") != "1" {
		return
	}
	if _, err := exec.LookPath("python3"); err != nil {
		return
	}
	bin := buildBinary(t)
	args := append([]string{"../../../shared/eval/score.py", "--skip-missing", "--texts", texts, "--extract", bin + " extract"}, golds...)
	out, err := exec.Command("python3", args...).CombinedOutput()
	if err != nil {
		t.Errorf("score.py: %v\n%s", err, out)
		return
	}
	t.Logf("real reports whose texts are in %s: %s", texts, lastLine(out))
}

// readSources reads a SOURCES.tsv (file, published, publisher, url, title)
// into its rows by file.
func readSources(t *testing.T, path string) map[string]map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	head, err := r.Read()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	rows := map[string]map[string]string{}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		if len(rec) != len(head) {
			t.Errorf("%s:%d: %d fields, want %d", path, line, len(rec), len(head))
			continue
		}
		row := map[string]string{}
		for i, h := range head {
			row[h] = rec[i]
		}
		if _, dup := rows[row["file"]]; dup {
			t.Errorf("%s:%d: %s listed twice", path, line, row["file"])
		}
		rows[row["file"]] = row
	}
	return rows
}
