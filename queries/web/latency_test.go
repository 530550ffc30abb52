package web

import (
	"context"
	"fmt"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/queries"
	"github.com/diplograph/diplograph/schema"
)

// BenchQuadsEnv names the variable that turns on TestEntityDetailLatency
// and sets the size of its synthetic store (quads, e.g. 1000000).
const BenchQuadsEnv = "DIPLOGRAPH_BENCH_QUADS"

// syntheticQuads writes about n quads shaped like extracted reports: events
// of bilateral series with chairs, participants, places, topics and an
// evidence sentence, every quad labelled with its report.
func syntheticQuads(ctx context.Context, s *graph.Store, n int) (int, error) {
	r := rand.New(rand.NewSource(1))
	const countries, people, places, topics, series = 200, 20000, 2000, 300, 3000
	var batch []quad.Quad
	total := 0
	flush := func() error {
		if err := s.WriteBatch(ctx, batch); err != nil {
			return err
		}
		total += len(batch)
		batch = batch[:0]
		return nil
	}
	add := func(sub, pred quad.IRI, obj quad.Value, label quad.IRI) {
		batch = append(batch, quad.Quad{Subject: sub, Predicate: pred, Object: obj, Label: label})
	}
	iso := func(i int) string { return fmt.Sprintf("C%02d", i%countries) }
	boot := quad.IRI("report:bootstrap")
	for i := 0; i < countries; i++ {
		c := schema.CountryIRI(iso(i))
		add(c, schema.Type, schema.Country, boot)
		add(c, schema.Name, quad.String("Country "+iso(i)), boot)
	}
	for i := 0; i < people; i++ {
		p := quad.IRI(fmt.Sprintf("person:p%05d", i))
		add(p, schema.Type, schema.Person, boot)
		add(p, schema.Name, quad.String(fmt.Sprintf("Person %05d", i)), boot)
		add(p, schema.Represents, schema.CountryIRI(iso(i)), boot)
	}
	for i := 0; i < places; i++ {
		p := quad.IRI(fmt.Sprintf("place:c%02d/city-%d", i%countries, i))
		add(p, schema.Type, schema.Place, boot)
		add(p, schema.Name, quad.String(fmt.Sprintf("City %d", i)), boot)
	}
	for i := 0; i < topics; i++ {
		add(quad.IRI(fmt.Sprintf("topic:t%d", i)), schema.Type, schema.Topic, boot)
		add(quad.IRI(fmt.Sprintf("topic:t%d", i)), schema.Name, quad.String(fmt.Sprintf("topic %d", i)), boot)
	}
	if err := flush(); err != nil {
		return total, err
	}
	for ev := 0; total+len(batch) < n; ev++ {
		ser := ev % series
		a, b := ser%countries, (ser*7+1)%countries
		label := quad.IRI(fmt.Sprintf("report:r%07d", ev/3))
		e := quad.IRI(fmt.Sprintf("event:s%d/%d", ser, ev/series+1))
		sIRI := quad.IRI(fmt.Sprintf("series:s%d", ser))
		date := fmt.Sprintf("%d-%02d-%02d", 2000+r.Intn(25), 1+r.Intn(12), 1+r.Intn(28))
		add(e, schema.Type, schema.Event, label)
		add(e, schema.Name, quad.String(fmt.Sprintf("Meeting %d of series %d", ev/series+1, ser)), label)
		add(e, schema.Kind, quad.String("meeting"), label)
		add(e, schema.Date, quad.String(date), label)
		add(e, schema.PartOf, sIRI, label)
		add(e, schema.HeldIn, quad.IRI(fmt.Sprintf("place:c%02d/city-%d", a, r.Intn(places))), label)
		add(schema.CountryIRI(iso(a)), schema.CoChaired, e, label)
		add(schema.CountryIRI(iso(b)), schema.CoChaired, e, label)
		add(quad.IRI(fmt.Sprintf("person:p%05d", r.Intn(people))), schema.CoChaired, e, label)
		add(quad.IRI(fmt.Sprintf("person:p%05d", r.Intn(people))), schema.CoChaired, e, label)
		add(quad.IRI(fmt.Sprintf("person:p%05d", r.Intn(people))), schema.ParticipatedIn, e, label)
		add(e, schema.Discussed, quad.IRI(fmt.Sprintf("topic:t%d", r.Intn(topics))), label)
		add(e, schema.Discussed, quad.IRI(fmt.Sprintf("topic:t%d", r.Intn(topics))), label)
		add(e, schema.Evidence, quad.String(fmt.Sprintf("Delegations of Country %s and Country %s met on %s for meeting %d of series %d to discuss topic %d.",
			iso(a), iso(b), date, ev/series+1, ser, r.Intn(topics))), label)
		add(label, schema.Reports, e, label)
		if ev%3 == 0 {
			add(label, schema.Type, schema.Report, label)
			add(label, schema.Title, quad.String(fmt.Sprintf("Report %d", ev/3)), label)
		}
		if ev < series {
			add(sIRI, schema.Type, schema.Series, label)
			add(sIRI, schema.Name, quad.String(fmt.Sprintf("Series %d of %s and %s", ser, iso(a), iso(b))), label)
		}
		if len(batch) >= 10000 {
			if err := flush(); err != nil {
				return total, err
			}
		}
	}
	return total, flush()
}

// TestEntityDetailLatency measures the entity-detail API on a synthetic
// bolt store of $DIPLOGRAPH_BENCH_QUADS quads (skipped when unset). Set
// DIPLOGRAPH_BENCH_STORE to a directory to keep the store between runs.
func TestEntityDetailLatency(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv(BenchQuadsEnv))
	if n <= 0 {
		t.Skipf("%s not set", BenchQuadsEnv)
	}
	ctx := context.Background()
	dir := os.Getenv("DIPLOGRAPH_BENCH_STORE")
	if dir == "" {
		dir = filepath.Join(t.TempDir(), "store")
	}
	s, err := graph.Open(ctx, graph.Config{Backend: "bolt", Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ := s.QuadStore().Stats(ctx, false)
	if st.Quads.Value < int64(n) {
		start := time.Now()
		got, err := syntheticQuads(ctx, s, n)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d quads in %s", got, time.Since(start).Round(time.Second))
	}
	st, _ = s.QuadStore().Stats(ctx, true)
	start := time.Now()
	h := New(s, Options{Limits: queries.Limits{Limit: 100, Timeout: 30 * time.Second}, Refresh: -1})
	defer h.Close()
	waitIndexed(t, h)
	t.Logf("store: %d quads, %d nodes; index built in %s", st.Quads.Value, st.Nodes.Value, time.Since(start).Round(time.Millisecond))
	ts := httptest.NewServer(h)
	defer ts.Close()

	r := rand.New(rand.NewSource(2))
	kinds := []struct {
		name string
		id   func() string
	}{
		{"event", func() string { return fmt.Sprintf("event:s%d/%d", r.Intn(3000), 1+r.Intn(10)) }},
		{"person", func() string { return fmt.Sprintf("person:p%05d", r.Intn(20000)) }},
		{"country", func() string { return fmt.Sprintf("country:C%02d", r.Intn(200)) }},
	}
	const reqs = 300
	for _, k := range kinds {
		var lat []time.Duration
		for i := 0; i < reqs; i++ {
			id := k.id()
			t0 := time.Now()
			resp, err := http.Get(ts.URL + "/api/entities/" + id)
			if err != nil {
				t.Fatal(err)
			}
			var sink [4096]byte
			for {
				if _, err := resp.Body.Read(sink[:]); err != nil {
					break
				}
			}
			resp.Body.Close()
			lat = append(lat, time.Since(t0))
			if resp.StatusCode != 200 && resp.StatusCode != 404 {
				t.Fatalf("%s: %d", id, resp.StatusCode)
			}
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		p := func(q float64) time.Duration { return lat[int(q*float64(len(lat)-1))] }
		fmt.Printf("entity detail %-8s n=%d p50=%s p95=%s max=%s\n", k.name, reqs,
			p(0.50).Round(10*time.Microsecond), p(0.95).Round(10*time.Microsecond), lat[len(lat)-1].Round(10*time.Microsecond))
	}
}
