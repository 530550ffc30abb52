package gen_test

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/ingest/extract"
	"github.com/diplograph/diplograph/ingest/gen"
	"github.com/diplograph/diplograph/ingest/gen/gentest"
	"github.com/diplograph/diplograph/schema"
)

func TestDeterministic(t *testing.T) {
	a, err := gen.New(7)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := gen.New(7)
	c, _ := gen.New(8)
	same := 0
	for i := 0; i < 200; i++ {
		ra, rb, rc := a.Report(i), b.Report(i), c.Report(i)
		if ra.Text != rb.Text {
			t.Fatalf("report %d differs between two generators of seed 7", i)
		}
		if ra.Text == rc.Text {
			same++
		}
	}
	if same > 0 {
		t.Fatalf("%d reports are the same for seeds 7 and 8", same)
	}
	// written files are the same bytes, however many workers wrote them
	d1, d2 := t.TempDir(), t.TempDir()
	ctx := context.Background()
	st, err := a.Write(ctx, d1, 1500, nil)
	if err != nil || st.Reports != 1500 {
		t.Fatalf("write: %+v, %v", st, err)
	}
	if _, err := b.Write(ctx, d2, 1500, nil); err != nil {
		t.Fatal(err)
	}
	if h1, h2 := dirHash(t, d1), dirHash(t, d2); h1 != h2 {
		t.Fatal("two runs of the same seed wrote different corpora")
	}
	if avg := st.Bytes / int64(st.Reports); avg < 2500 || avg > 3600 {
		t.Fatalf("average report is %d bytes, want about 3 KB", avg)
	}
	if _, err := os.Stat(filepath.Join(d1, "001", "r001499.txt")); err != nil {
		t.Fatal(err)
	}
}

func dirHash(t *testing.T, dir string) [32]byte {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		h.Write([]byte(rel))
		h.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// TestExtractorFindsGeneratedEvents checks that the extractor finds the
// event the generator wrote, of its kind and with its countries, in most
// reports, for every kind.
func TestExtractorFindsGeneratedEvents(t *testing.T) {
	g, err := gen.New(1)
	if err != nil {
		t.Fatal(err)
	}
	x := gentest.Extractor(t)
	n := 700
	if testing.Short() {
		n = 140
	}
	hits, total := map[string]int{}, map[string]int{}
	for i := 0; i < n; i++ {
		r := g.Report(i)
		total[r.Kind]++
		in := parse(r)
		rec := x.Extract(in)
		if found(rec, gen.GraphKind(r.Kind), r.Countries) {
			hits[r.Kind]++
		} else if os.Getenv("GEN_VERBOSE") != "" {
			t.Logf("miss %s %v:\n%s", r.Kind, r.Countries, r.Text[:min(len(r.Text), 900)])
			for _, e := range rec.Events {
				t.Logf("  got %s %s %v", e.Kind, e.IRI, e.Roles)
			}
		}
	}
	all := 0
	for _, k := range gen.Kinds {
		if total[k] == 0 {
			t.Fatalf("no %s report among %d", k, n)
		}
		rate := float64(hits[k]) / float64(total[k])
		t.Logf("%-10s %3d/%3d = %.0f%%", k, hits[k], total[k], 100*rate)
		if rate < 0.8 {
			t.Errorf("%s: the extractor finds the generated event in %.0f%% of reports, want >= 80%%", k, 100*rate)
		}
		all += hits[k]
	}
	if rate := float64(all) / float64(n); rate < 0.9 {
		t.Errorf("the extractor finds the generated event in %.0f%% of reports, want >= 90%%", 100*rate)
	}
}

func parse(r gen.Report) extract.Input {
	h, body := r.Header()
	return extract.Input{Title: h["title"], URL: h["url"], Publisher: h["publisher"], Published: h["published"], Body: body}
}

// found reports whether rec has an event of kind whose actors or series
// include every one of countries.
func found(rec *schema.Record, kind string, countries []string) bool {
	members := map[string][]string{}
	for _, s := range rec.Series {
		for _, m := range s.Members {
			members[string(s.IRI)] = append(members[string(s.IRI)], string(m))
		}
	}
	for _, e := range rec.Events {
		if e.Kind != kind {
			continue
		}
		have := map[string]bool{}
		for _, r := range e.Roles {
			have[string(r.Actor)] = true
		}
		for _, m := range members[string(e.Series)] {
			have[m] = true
		}
		ok := true
		for _, c := range countries {
			if !have[string(schema.CountryIRI(c))] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
