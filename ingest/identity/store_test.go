package identity_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/ingest/gen/gentest"
	"github.com/diplograph/diplograph/ingest/identity"
	"github.com/diplograph/diplograph/schema"
)

// reports are our own short reports (testdata/reports) that name the same
// people in different ways: Sergei/Sergey Lavrov, S Jaishankar/S.
// Jaishankar/Subrahmanyam Jaishankar, Antony J. Blinken/Antony Blinken,
// two Singhs of India who are two people, a Bayramov misspelt once, and
// Makei in Belarusian and in Russian spelling, which only the alias file
// joins.
func reports(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/reports/*.txt")
	if err != nil || len(files) < 5 {
		t.Fatalf("test reports: %v, %v", files, err)
	}
	return files
}

// ingestEach ingests files one run each, in the order given, resolving
// people against the store after each run.
func ingestEach(t *testing.T, s *graph.Store, files []string, al *identity.Aliases) {
	t.Helper()
	ctx := context.Background()
	rules, err := identity.DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	x := gentest.Extractor(t)
	for _, f := range files {
		sum, err := ingest.Ingest(ctx, []string{f}, ingest.DefaultRegistry(), x, s,
			ingest.Options{Identity: identity.NewResolver(rules, al, s)})
		if err != nil || sum.Failed != 0 {
			t.Fatalf("ingest %s: %+v, %v", f, sum, err)
		}
	}
}

// people maps each person node of the store to its name and aliases.
func people(t *testing.T, s *graph.Store) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, line := range graphtest.AllQuads(t, s) {
		f := strings.SplitN(line, " ", 3)
		if strings.HasPrefix(f[0], "<person:") && (f[1] == "<schema:name>" || f[1] == "<dg:alias>") {
			v := f[2][1:strings.LastIndex(f[2], `" <`)]
			if !slices.Contains(out[f[0]], v) {
				out[f[0]] = append(out[f[0]], v)
			}
		}
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
}

// TestIngestOrderFree ingests the same reports in two orders, one run per
// report, and all in one run: the three stores must hold the same quads,
// with one node per person and the spellings kept as aliases.
func TestIngestOrderFree(t *testing.T) {
	files := reports(t)
	rev := slices.Clone(files)
	slices.Reverse(rev)
	forward := graphtest.Open(t, "memstore")
	ingestEach(t, forward, files, nil)
	backward, err := graph.Open(context.Background(), graph.Config{Backend: "bolt", Path: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer backward.Close()
	ingestEach(t, backward, rev, nil)
	once := graphtest.Open(t, "memstore")
	rules, _ := identity.DefaultRules()
	if _, err := ingest.Ingest(context.Background(), rev, ingest.DefaultRegistry(), gentest.Extractor(t), once,
		ingest.Options{Batch: 2, Identity: identity.NewResolver(rules, nil, once)}); err != nil {
		t.Fatal(err)
	}
	want := graphtest.AllQuads(t, forward)
	for name, s := range map[string]*graph.Store{"reverse order": backward, "one run": once} {
		if got := graphtest.AllQuads(t, s); !slices.Equal(got, want) {
			t.Errorf("%s: %d quads differ from the forward order's %d:\n%s", name, len(got), len(want), diff(got, want))
		}
	}
	p := people(t, forward)
	for iri, names := range map[string][]string{
		"<person:sergey-lavrov>":   {"Sergei Lavrov", "Sergey Lavrov"},
		"<person:s-jaishankar>":    {"S Jaishankar", "S. Jaishankar", "Subrahmanyam Jaishankar"},
		"<person:antony-blinken>":  {"Antony Blinken", "Antony J. Blinken"},
		"<person:manmohan-singh>":  {"Manmohan Singh"},
		"<person:rajnath-singh>":   {"Rajnath Singh"},
		"<person:jahun-bayramov>":  {"Jahun Bayramov", "Jeyhun Bayramov"},
		"<person:uladzimir-makei>": {"Uladzimir Makei"},
		"<person:vladimir-makei>":  {"Vladimir Makei"},
	} {
		if !slices.Equal(p[iri], names) {
			t.Errorf("%s has names %q, want %q", iri, p[iri], names)
		}
	}
	for iri := range p {
		if strings.Contains(iri, "lavrov") && iri != "<person:sergey-lavrov>" || strings.Contains(iri, "jaishankar") && iri != "<person:s-jaishankar>" {
			t.Errorf("second node %s left", iri)
		}
	}
}

func diff(a, b []string) string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, "+ "+x)
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			out = append(out, "- "+x)
		}
	}
	return strings.Join(out, "\n")
}

// TestAliasFile applies alias files to a stored graph: "these are one"
// joins two people, "these are two" parts one, and going back to no
// aliases restores the graph ingest made; no report is read again.
func TestAliasFile(t *testing.T) {
	for _, backend := range []string{"bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			rules, _ := identity.DefaultRules()
			s := graphtest.Open(t, backend)
			ingestEach(t, s, reports(t), nil)
			before := graphtest.AllQuads(t, s)

			res, err := identity.ReadStore(ctx, rules, nil, s)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, d := range res.Duplicates() {
				found = found || d.A.IRI == "person:uladzimir-makei" && d.B.IRI == "person:vladimir-makei"
			}
			if !found {
				t.Errorf("the two Makeis are not among the likely duplicates: %v", res.Duplicates())
			}

			al, err := identity.ParseAliases(strings.NewReader("# Belarusian and Russian spellings\nVladimir Makei = Uladzimir Makei\n"))
			if err != nil {
				t.Fatal(err)
			}
			if _, n, err := identity.Reresolve(ctx, rules, al, s); err != nil || n != 1 {
				t.Fatalf("join: %d reports rewritten, %v; want 1", n, err)
			}
			p := people(t, s)
			if _, ok := p["<person:uladzimir-makei>"]; ok || !slices.Equal(p["<person:vladimir-makei>"], []string{"Uladzimir Makei", "Vladimir Makei"}) {
				t.Errorf("after joining the Makeis: %q / %q", p["<person:uladzimir-makei>"], p["<person:vladimir-makei>"])
			}
			checkDigests(t, s)

			al, _ = identity.ParseAliases(strings.NewReader("Sergei Lavrov != Sergey Lavrov\n"))
			if _, _, err := identity.Reresolve(ctx, rules, al, s); err != nil {
				t.Fatal(err)
			}
			p = people(t, s)
			if !slices.Equal(p["<person:sergei-lavrov>"], []string{"Sergei Lavrov"}) || !slices.Equal(p["<person:sergey-lavrov>"], []string{"Sergey Lavrov"}) {
				t.Errorf("after parting the Lavrovs: %q / %q", p["<person:sergei-lavrov>"], p["<person:sergey-lavrov>"])
			}
			if _, ok := p["<person:uladzimir-makei>"]; !ok {
				t.Errorf("the Makeis' join outlived its alias line")
			}
			checkDigests(t, s)

			if _, _, err := identity.Reresolve(ctx, rules, nil, s); err != nil {
				t.Fatal(err)
			}
			if after := graphtest.AllQuads(t, s); !slices.Equal(after, before) {
				t.Errorf("without aliases the graph is not what ingest made:\n%s", diff(after, before))
			}
		})
	}
}

// checkDigests fails unless every report's digest is the hash of its other
// quads, as a rewritten report must keep it.
func checkDigests(t *testing.T, s *graph.Store) {
	t.Helper()
	ctx := context.Background()
	labels := map[string]bool{}
	for _, line := range graphtest.AllQuads(t, s) {
		labels[line[strings.LastIndex(line, " <")+1:len(line)-2]] = true
	}
	for l := range labels {
		qs, err := s.LabelQuads(ctx, quad.IRI(strings.Trim(l, "<>")))
		if err != nil {
			t.Fatal(err)
		}
		var rest []quad.Quad
		var digest string
		for _, q := range qs {
			if q.Predicate == schema.Digest {
				digest = quad.NativeOf(q.Object).(string)
			} else {
				rest = append(rest, q)
			}
		}
		if got := schema.Digest64(schema.SortQuads(rest, quad.Quad.String)); got != digest {
			t.Errorf("report %s: digest %s, its quads hash to %s", l, digest, got)
		}
	}
}

// TestStoppedRunResolvedLater stores the reports as a run that stopped
// before resolving leaves them (its mark set, its reports as extracted),
// then ingests them again: nothing is extracted (the inputs are stored),
// yet the mark makes the run resolve the whole graph, to the quads of
// runs that were never stopped.
func TestStoppedRunResolvedLater(t *testing.T) {
	ctx := context.Background()
	files := reports(t)
	want := graphtest.Open(t, "memstore")
	ingestEach(t, want, files, nil)

	rules, _ := identity.DefaultRules()
	x := gentest.Extractor(t)
	s := graphtest.Open(t, "bolt")
	stopped := identity.NewResolver(rules, nil, s)
	stopped.Observe(ctx, &schema.Record{Report: schema.ReportInfo{ID: "0000000000000000"}}) // sets the mark
	if _, err := ingest.Ingest(ctx, files, ingest.DefaultRegistry(), x, s, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if got := graphtest.AllQuads(t, s); slices.Equal(got, graphtest.AllQuads(t, want)) {
		t.Fatal("the reports as extracted are already resolved: the test shows nothing")
	}
	sum, err := ingest.Ingest(ctx, files, ingest.DefaultRegistry(), x, s, ingest.Options{Identity: identity.NewResolver(rules, nil, s)})
	if err != nil || sum.Unchanged != len(files) || sum.Events != 0 || sum.Resolved == 0 {
		t.Fatalf("second run %+v, %v: want every report skipped unextracted and some resolved", sum, err)
	}
	if got, w := graphtest.AllQuads(t, s), graphtest.AllQuads(t, want); !slices.Equal(got, w) {
		t.Errorf("after the stopped run was resolved:\n%s", diff(got, w))
	}
}
