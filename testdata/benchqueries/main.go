// Command benchqueries times every saved query (queries.Saved) against a
// store, with arguments taken from the store itself, and prints p50 and p95
// latency per query. Used for BENCHMARKS.md.
//
//	go run ./testdata/benchqueries -backend bolt -path /tmp/store -n 50
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/queries"
)

func main() {
	backend := flag.String("backend", "bolt", "store backend")
	path := flag.String("path", "", "store path (embedded backends)")
	addr := flag.String("address", "", "store address (SQL backends)")
	n := flag.Int("n", 50, "runs of each query")
	limit := flag.Int("limit", 100, "result limit, as the console and CLI use by default")
	cacheMB := flag.Int("cache-mb", 64, "read cache of an embedded store, in MB, as queries use (store.cache_mb)")
	only := flag.String("only", "", "time only the saved query of this name")
	expr := flag.String("e", "", "time this Gizmo text instead of the saved queries")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the timed runs to this file")
	flag.Parse()
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Config{Backend: *backend, Path: *path, Address: *addr, ReadCache: *cacheMB << 20})
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchqueries:", err)
		os.Exit(1)
	}
	defer s.Close()
	qs := s.QuadStore()
	lim := queries.Limits{Limit: *limit, Timeout: time.Minute}
	// arguments from the store: a busy pair of countries, a series with
	// several rounds, a person, an event with a place
	first := func(text, key string) string {
		res, err := queries.Run(ctx, qs, "gizmo", text, queries.Limits{Limit: 1, Timeout: time.Minute})
		if err != nil || len(res) == 0 {
			fmt.Fprintf(os.Stderr, "benchqueries: %s: %v (%d rows)\n", text, err, len(res))
			os.Exit(1)
		}
		m := res[0].(map[string]interface{})
		return fmt.Sprint(m[key])
	}
	series := first(`g.V().has("<rdf:type>", "<dg:Series>").all()`, "id")
	person := first(`g.V().has("<rdf:type>", "<dg:Person>").all()`, "id")
	event := first(`g.V().has("<rdf:type>", "<dg:Event>").has("<dg:held_in>").all()`, "id")
	args := map[string]map[string]string{
		"fact-reports":     {"subject": event, "predicate": "<dg:kind>"},
		"meetings-between": {"a": "<country:CHN>", "b": "<country:RUS>"},
		"pair-sources":     {"a": "<country:CHN>", "b": "<country:RUS>"},
		"partners":         {"country": "<country:CHN>"},
		"person-events":    {"person": person},
		"planned-after":    {"after": "2025-06-01"},
		"series-history":   {"series": series},
		"who-met-whom":     {"from": "2024-03-01", "to": "2024-03-07"},
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchqueries:", err)
			os.Exit(1)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "benchqueries:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Printf("%-18s %6s %9s %9s %9s  %s\n", "query", "rows", "p50", "p95", "max", "arguments")
	saved := queries.Saved()
	if *expr != "" {
		saved = []*queries.SavedQuery{{Name: "-e"}}
	}
	for _, q := range saved {
		if *only != "" && q.Name != *only {
			continue
		}
		a, ok := args[q.Name]
		if !ok {
			a = map[string]string{}
		}
		var times []time.Duration
		rows := 0
		for i := 0; i < *n; i++ {
			start := time.Now()
			var res []interface{}
			var err error
			if *expr != "" {
				res, err = queries.Run(ctx, qs, "gizmo", *expr, lim)
			} else {
				var r queries.Result
				r, err = q.Run(ctx, qs, a, lim)
				res = r.Rows
			}
			times = append(times, time.Since(start))
			if err != nil {
				fmt.Fprintf(os.Stderr, "benchqueries: %s: %v\n", q.Name, err)
				break
			}
			rows = len(res)
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		pct := func(p float64) time.Duration { return times[int(p*float64(len(times)-1)+0.5)] }
		var kv []string
		for k, v := range a {
			kv = append(kv, k+"="+v)
		}
		sort.Strings(kv)
		fmt.Printf("%-18s %6d %9s %9s %9s  %s\n", q.Name, rows, pct(0.5).Round(10*time.Microsecond), pct(0.95).Round(10*time.Microsecond),
			times[len(times)-1].Round(10*time.Microsecond), strings.Join(kv, " "))
	}
}
