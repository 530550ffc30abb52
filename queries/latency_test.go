package queries

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// The latency report of BENCHMARKS.md ("Saved queries and export
// latency"): a synthetic, schema-shaped graph of at least 1,000,000 quads
// in a bolt store, each saved query and a 2-hop export run many times with
// varying arguments, p50/p95 printed as a Markdown table. Run with
//
//	DIPLOGRAPH_BENCH=1 go test ./queries/ -run TestLatencyReport -v -timeout 60m
//
// DIPLOGRAPH_BENCH_QUADS sets the size (default 1,000,000) and
// DIPLOGRAPH_BENCH_DIR where the store is kept between runs (default a
// directory under os.TempDir(); it is built once and reused).

// synth generates the synthetic graph.
type synth struct {
	rng       *rand.Rand
	countries []string
	people    [][]quad.IRI // by country index
	places    [][]quad.IRI // by country index
	topics    []quad.IRI
	series    []synthSeries
	quads     int
	report    quad.IRI
	out       []quad.Quad
	emit      func([]quad.Quad) error
}

type synthSeries struct {
	iri  quad.IRI
	a, b int
	next int // next ordinal
}

const synthPAK, synthRUS = 0, 1

func newSynth(seed int64, emit func([]quad.Quad) error) *synth {
	s := &synth{rng: rand.New(rand.NewSource(seed)), emit: emit}
	// 200 countries: PAK, RUS, CHN, IND, ... then synthetic codes.
	s.countries = []string{"PAK", "RUS", "CHN", "IND", "JPN", "USA", "TUR", "IRN"}
	for i := 0; len(s.countries) < 200; i++ {
		s.countries = append(s.countries, fmt.Sprintf("X%c%c", 'A'+i/26, 'A'+i%26))
	}
	return s
}

func (s *synth) add(sub quad.IRI, p quad.IRI, o quad.Value) {
	s.out = append(s.out, quad.Quad{Subject: sub, Predicate: p, Object: o, Label: s.report})
}

func (s *synth) flush() error {
	if len(s.out) == 0 {
		return nil
	}
	s.quads += len(s.out)
	err := s.emit(s.out)
	s.out = s.out[:0]
	return err
}

// country picks a country, skewed so that a few are hubs.
func (s *synth) country() int {
	x := s.rng.ExpFloat64() * 30
	if x >= float64(len(s.countries)) {
		return s.rng.Intn(len(s.countries))
	}
	return int(x)
}

func (s *synth) newReport(n int) {
	s.report = schema.ReportIRI(fmt.Sprintf("%016x", n))
	s.add(s.report, schema.Type, schema.Report)
	s.add(s.report, schema.Name, quad.String(fmt.Sprintf("Synthetic report %d", n)))
	s.add(s.report, schema.Published, quad.String(s.date()))
}

func (s *synth) date() string {
	return fmt.Sprintf("%04d-%02d-%02d", 2000+s.rng.Intn(26), 1+s.rng.Intn(12), 1+s.rng.Intn(28))
}

// setup writes countries, people, places, topics and series under a
// gazetteer report.
func (s *synth) setup() error {
	s.newReport(0)
	for i, c := range s.countries {
		iri := schema.CountryIRI(c)
		s.add(iri, schema.Type, schema.Country)
		s.add(iri, schema.Name, quad.String("Country "+c))
		var ps, pl []quad.IRI
		for j := 0; j < 100; j++ {
			p := schema.PersonIRI(fmt.Sprintf("person %s %d", c, j))
			s.add(p, schema.Type, schema.Person)
			s.add(p, schema.Name, quad.String(fmt.Sprintf("Person %s %d", c, j)))
			s.add(p, schema.Title, quad.String([]string{"Foreign Minister", "Deputy Foreign Minister", "Ambassador", "Special Envoy"}[j%4]))
			s.add(p, schema.Represents, iri)
			ps = append(ps, p)
		}
		for j := 0; j < 5; j++ {
			p := schema.PlaceIRI(c, fmt.Sprintf("city %d", j))
			s.add(p, schema.Type, schema.Place)
			s.add(p, schema.Name, quad.String(fmt.Sprintf("City %d of %s", j, c)))
			s.add(p, schema.InCountry, iri)
			pl = append(pl, p)
		}
		s.people = append(s.people, ps)
		s.places = append(s.places, pl)
		_ = i
	}
	for j := 0; j < 300; j++ {
		t := schema.TopicIRI(fmt.Sprintf("topic %d", j))
		s.add(t, schema.Type, schema.Topic)
		s.add(t, schema.Name, quad.String(fmt.Sprintf("topic %d", j)))
		s.topics = append(s.topics, t)
	}
	types := schema.SeriesTypes()
	mk := func(a, b int, typ string) {
		iri := schema.SeriesIRI([]string{s.countries[a], s.countries[b]}, typ, "")
		s.add(iri, schema.Type, schema.Series)
		s.add(iri, schema.Name, quad.String(fmt.Sprintf("%s-%s %s", s.countries[a], s.countries[b], typ)))
		s.add(iri, schema.Member, schema.CountryIRI(s.countries[a]))
		s.add(iri, schema.Member, schema.CountryIRI(s.countries[b]))
		s.series = append(s.series, synthSeries{iri: iri, a: a, b: b, next: 1})
	}
	mk(synthPAK, synthRUS, schema.SeriesJointWorkingGroup)
	seen := map[string]bool{}
	for len(s.series) < 3000 {
		a, b := s.country(), s.country()
		if a == b {
			continue
		}
		typ := types[s.rng.Intn(len(types))]
		k := fmt.Sprint(min(a, b), max(a, b), typ)
		if seen[k] || (min(a, b) == synthPAK && max(a, b) == synthRUS && typ == schema.SeriesJointWorkingGroup) {
			continue
		}
		seen[k] = true
		mk(a, b, typ)
	}
	return s.flush()
}

// event writes one event (and sometimes its planned successor) under the
// current report.
func (s *synth) event(n int) {
	var a, b int
	var ser *synthSeries
	if s.rng.Intn(3) > 0 {
		if s.rng.Intn(40) == 0 {
			ser = &s.series[0] // PAK-RUS JWG: a long series
		} else {
			ser = &s.series[s.rng.Intn(len(s.series))]
		}
		a, b = ser.a, ser.b
	} else {
		a, b = s.country(), s.country()
		for a == b {
			b = s.country()
		}
	}
	ca, cb := schema.CountryIRI(s.countries[a]), schema.CountryIRI(s.countries[b])
	date := s.date()
	kind := schema.KindMeeting
	var ev quad.IRI
	if ser != nil {
		ev = schema.NumberedEventIRI(ser.iri, ser.next)
	} else {
		kind = schema.Kinds()[s.rng.Intn(len(schema.Kinds()))]
		ev = schema.EventIRI(kind, []string{s.countries[a], s.countries[b]}, fmt.Sprintf("%s-%d", date, n))
	}
	s.add(s.report, schema.Reports, ev)
	s.add(ev, schema.Type, schema.Event)
	s.add(ev, schema.Kind, quad.String(kind))
	s.add(ev, schema.Date, quad.String(date))
	s.add(ev, schema.Status, quad.String(schema.StatusHeld))
	s.add(ev, schema.HeldIn, s.places[a][s.rng.Intn(5)])
	s.add(ev, schema.Evidence, quad.String(fmt.Sprintf("Event %d between %s and %s was held on %s.", n, s.countries[a], s.countries[b], date)))
	s.add(ev, schema.Discussed, s.topics[s.rng.Intn(len(s.topics))])
	s.add(ca, schema.Hosted, ev)
	pa, pb := s.people[a][s.rng.Intn(100)], s.people[b][s.rng.Intn(100)]
	if ser != nil {
		s.add(ev, schema.PartOf, ser.iri)
		s.add(ev, schema.Ordinal, quad.Int(ser.next))
		s.add(ca, schema.CoChaired, ev)
		s.add(cb, schema.CoChaired, ev)
		s.add(pa, schema.CoChaired, ev)
		s.add(pb, schema.CoChaired, ev)
		ser.next++
		if s.rng.Intn(10) == 0 {
			nx := schema.NumberedEventIRI(ser.iri, ser.next)
			s.add(ev, schema.NextMeeting, nx)
			s.add(nx, schema.Type, schema.Event)
			s.add(nx, schema.Kind, quad.String(schema.KindMeeting))
			s.add(nx, schema.PartOf, ser.iri)
			s.add(nx, schema.Ordinal, quad.Int(ser.next))
			s.add(nx, schema.Date, quad.String(strconv.Itoa(2026+s.rng.Intn(2))))
			s.add(nx, schema.Status, quad.String(schema.StatusPlanned))
			s.add(nx, schema.HeldIn, s.places[b][0])
			s.add(ca, schema.ParticipatedIn, nx)
			s.add(cb, schema.ParticipatedIn, nx)
		}
	} else {
		s.add(ca, schema.ParticipatedIn, ev)
		s.add(cb, schema.ParticipatedIn, ev)
		s.add(pa, schema.ParticipatedIn, ev)
		s.add(pb, schema.LedDelegation, ev)
	}
}

// generate writes at least n quads: the setup, then reports of one to
// three events each (a tenth of them repeating the previous report's
// event, so that facts carry two labels).
func (s *synth) generate(n int) error {
	if err := s.setup(); err != nil {
		return err
	}
	for r := 1; s.quads+len(s.out) < n; r++ {
		s.newReport(r)
		for k := 1 + s.rng.Intn(3); k > 0; k-- {
			s.event(r*4 + k)
		}
		if len(s.out) >= 10000 {
			if err := s.flush(); err != nil {
				return err
			}
		}
	}
	return s.flush()
}

// benchStore opens (building it on first use) the synthetic bolt store.
func benchStore(t *testing.T) (*graph.Store, int) {
	n := 1000000
	if v := os.Getenv("DIPLOGRAPH_BENCH_QUADS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			t.Fatal(err)
		}
	}
	dir := os.Getenv("DIPLOGRAPH_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("diplograph-bench-%d", n))
	}
	marker := filepath.Join(dir, "COMPLETE")
	ctx := context.Background()
	if _, err := os.Stat(marker); err != nil {
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		s, err := graph.Open(ctx, graph.Config{Backend: "bolt", Path: dir})
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		g := newSynth(1, func(qq []quad.Quad) error { return s.WriteBatch(ctx, qq) })
		if err := g.generate(n); err != nil {
			t.Fatal(err)
		}
		t.Logf("generated %d quads into %s in %s", g.quads, dir, time.Since(start).Round(time.Second))
		s.Close()
		os.WriteFile(marker, []byte(strconv.Itoa(g.quads)), 0o644)
	}
	s, err := graph.Open(ctx, graph.Config{Backend: "bolt", Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	st, err := s.QuadStore().Stats(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	return s, int(st.Quads.Value)
}

func percentile(d []time.Duration, p float64) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(p*float64(len(s))+0.5) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(s) {
		i = len(s) - 1
	}
	return s[i]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func TestLatencyReport(t *testing.T) {
	if os.Getenv("DIPLOGRAPH_BENCH") == "" {
		t.Skip("set DIPLOGRAPH_BENCH=1 to build a 1M-quad store and measure")
	}
	s, nquads := benchStore(t)
	qs := s.QuadStore()
	ctx := context.Background()
	runs := 30
	if v := os.Getenv("DIPLOGRAPH_BENCH_RUNS"); v != "" {
		runs, _ = strconv.Atoi(v)
	}
	g := newSynth(1, nil) // same countries and people as the store
	rng := rand.New(rand.NewSource(2))
	hub := func() string { return "<" + string(schema.CountryIRI(g.countries[rng.Intn(10)])) + ">" }
	person := func() string {
		return "<" + string(schema.PersonIRI(fmt.Sprintf("person %s %d", g.countries[rng.Intn(10)], rng.Intn(100)))) + ">"
	}
	jwg := "<" + string(schema.SeriesIRI([]string{"PAK", "RUS"}, schema.SeriesJointWorkingGroup, "")) + ">"
	month := func() string { return fmt.Sprintf("%04d-%02d", 2000+rng.Intn(26), 1+rng.Intn(12)) }
	type op struct {
		name, args string
		run        func() (int, error)
	}
	saved := func(name string, params func() map[string]string) func() (int, error) {
		q, err := LookupSaved(name)
		if err != nil {
			t.Fatal(err)
		}
		return func() (int, error) {
			res, err := q.Run(ctx, qs, params(), Limits{Limit: 100000, Timeout: 5 * time.Minute})
			return len(res.Rows), err
		}
	}
	ops := []op{
		{"meetings-between", "a, b = two of the 10 largest countries", saved("meetings-between", func() map[string]string {
			a, b := hub(), hub()
			for a == b {
				b = hub()
			}
			return map[string]string{"a": a, "b": b}
		})},
		{"partners", "country = one of the 10 largest", saved("partners", func() map[string]string { return map[string]string{"country": hub()} })},
		{"series-history", "the PAK-RUS JWG (the longest series)", saved("series-history", func() map[string]string { return map[string]string{"series": jwg} })},
		{"person-events", "a person of a large country", saved("person-events", func() map[string]string { return map[string]string{"person": person()} })},
		{"planned-after", "after = 2026-06-01", saved("planned-after", func() map[string]string { return map[string]string{"after": "2026-06-01"} })},
		{"who-met-whom", "one random month", saved("who-met-whom", func() map[string]string { m := month(); return map[string]string{"from": m, "to": m} })},
		{"fact-reports", "a JWG round's date", saved("fact-reports", func() map[string]string {
			ev := "<" + string(schema.NumberedEventIRI(quad.IRI(jwg[1:len(jwg)-1]), 1+rng.Intn(100))) + ">"
			return map[string]string{"subject": ev, "predicate": "<dg:date>"}
		})},
		{"export 2-hop → nquads", "around a random country outside the top 10", func() (int, error) {
			c := schema.CountryIRI(g.countries[10+rng.Intn(len(g.countries)-10)])
			qq, err := Neighbourhood(ctx, qs, []quad.Value{c}, 2)
			if err != nil {
				return 0, err
			}
			e, _ := LookupExporter("nquads")
			return len(qq), e.Export(discard{}, qq)
		}},
		{"export 2-hop → graphml", "around a random country outside the top 10", func() (int, error) {
			c := schema.CountryIRI(g.countries[10+rng.Intn(len(g.countries)-10)])
			qq, err := Neighbourhood(ctx, qs, []quad.Value{c}, 2)
			if err != nil {
				return 0, err
			}
			e, _ := LookupExporter("graphml")
			return len(qq), e.Export(discard{}, qq)
		}},
		{"export 2-hop → nquads (hub)", "around PAK", func() (int, error) {
			qq, err := Neighbourhood(ctx, qs, []quad.Value{schema.CountryIRI("PAK")}, 2)
			if err != nil {
				return 0, err
			}
			e, _ := LookupExporter("nquads")
			return len(qq), e.Export(discard{}, qq)
		}},
		{"paths", "shortest paths between two random countries, max 4 hops", func() (int, error) {
			a := schema.CountryIRI(g.countries[rng.Intn(len(g.countries))])
			b := schema.CountryIRI(g.countries[rng.Intn(len(g.countries))])
			r, err := ShortestPaths(ctx, qs, a, b, PathOptions{})
			if err != nil {
				return 0, err
			}
			return len(r.Paths), nil
		}},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\nbolt store, %d quads, %d runs each (first run included)\n\n", nquads, runs)
	fmt.Fprintf(&b, "| operation | arguments | p50 | p95 | results (median) |\n|---|---|---|---|---|\n")
	for _, o := range ops {
		var ds []time.Duration
		var ns []int
		for i := 0; i < runs; i++ {
			start := time.Now()
			n, err := o.run()
			if err != nil {
				t.Fatalf("%s: %v", o.name, err)
			}
			ds = append(ds, time.Since(start))
			ns = append(ns, n)
		}
		sort.Ints(ns)
		t.Logf("%s: p50 %s, p95 %s", o.name, ms(percentile(ds, 0.5)), ms(percentile(ds, 0.95)))
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %d |\n", o.name, o.args, ms(percentile(ds, 0.5)), ms(percentile(ds, 0.95)), ns[len(ns)/2])
	}
	t.Log(b.String())
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
