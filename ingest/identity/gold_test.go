package identity

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldDirs are the gold sets of real reports: the repository's own, set A
// next to the repository, and any named in DIPLOGRAPH_GOLD_DIRS
// (separated by the path list separator).
func goldDirs() []string {
	dirs := []string{"../../testdata/real/gold", "../../../shared/eval/real-a/gold"}
	if env := os.Getenv("DIPLOGRAPH_GOLD_DIRS"); env != "" {
		dirs = append(dirs, filepath.SplitList(env)...)
	}
	return dirs
}

// TestGoldPeople resolves the people of the real reports' gold files (no
// text needed), each report's people as its mentions: every person of
// testdata/same-people.txt, which the reports name in several ways, must
// be one node, and no node may hold two names that file does not join
// (names spelled alike aside, "François Hollande" and "Francois Hollande").
func TestGoldPeople(t *testing.T) {
	r := rules(t)
	var ms []Mention
	files := 0
	for _, dir := range goldDirs() {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var g struct {
				People []struct{ Name, Country string }
			}
			if err := json.Unmarshal(b, &g); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			files++
			for _, person := range g.People {
				ms = append(ms, Mention{Report: p, Written: person.Name, Country: person.Country})
			}
		}
	}
	if files == 0 {
		t.Skipf("no gold files in %v", goldDirs())
	}
	f, err := os.Open("testdata/same-people.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	truth, err := ParseAliases(f)
	if err != nil {
		t.Fatal(err)
	}
	person := map[string]int{} // written form -> line of same-people.txt
	for i, line := range truth.Same {
		for _, n := range line {
			person[n.Written] = i + 1
		}
	}
	// a name not in the file is its own person, with the names spelled
	// alike (the same name key: case, diacritics, particles and the
	// spellings of data/translit.tsv aside)
	who := func(written string) string {
		if i := person[written]; i > 0 {
			return truth.lineText(truth.Same[i-1])
		}
		return "key " + r.Parse(written).Key()
	}
	res := Resolve(r, nil, ms)
	// no real person split
	seen := map[string]bool{}
	for _, m := range ms {
		seen[m.Written] = true
	}
	split := 0
	for _, line := range truth.Same {
		var nodes []string
		uniq := map[string]bool{}
		for _, n := range line {
			if !seen[n.Written] {
				continue
			}
			for _, c := range res.Clusters {
				for _, fm := range c.Forms {
					if fm.Written == n.Written && !uniq[string(c.IRI)] {
						uniq[string(c.IRI)] = true
						nodes = append(nodes, string(c.IRI))
					}
				}
			}
		}
		if len(nodes) > 1 {
			split++
			t.Errorf("%s is split over %s", truth.lineText(line), strings.Join(nodes, ", "))
		}
	}
	// no two people merged
	merged := 0
	for _, c := range res.Clusters {
		people := map[string]bool{}
		for _, fm := range c.Forms {
			people[who(fm.Written)] = true
		}
		if len(people) > 1 {
			merged++
			var names []string
			for p := range people {
				names = append(names, p)
			}
			t.Errorf("%s joins different people: %s (%v)", c.IRI, strings.Join(names, " | "), c.Why)
		}
	}
	for _, d := range res.Duplicates() {
		t.Logf("left apart, for review: %s / %s: %s", d.A.Name, d.B.Name, d.Reason)
	}
	t.Logf("%d gold files, %d mentions, %d people; %d of the %d people named several ways split, %d nodes joining different people",
		files, len(ms), len(res.Clusters), split, len(truth.Same), merged)
}
