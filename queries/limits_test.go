package queries

import (
	"context"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/ingest/gen/gentest"
)

// TestSavedQueriesStopEarly checks the saved queries that stop reading
// once they have LIMIT rows (who-met-whom reads a day at a time,
// planned-after walks the calendar, partners names only the rows it
// keeps): on generated reports, the rows of a small limit must be exactly
// the first rows of an unlimited run, for several limits and arguments,
// including ranges that fall back to scanning.
func TestSavedQueriesStopEarly(t *testing.T) {
	ctx := context.Background()
	_, files := gentest.Reports(t, 11, 400)
	x := gentest.Extractor(t)
	s := graphtest.Open(t, "bolt")
	if sum, err := ingest.Ingest(ctx, files, ingest.DefaultRegistry(), x, s, ingest.Options{}); err != nil || sum.Failed != 0 {
		t.Fatalf("ingest: %+v, %v", sum, err)
	}
	// arguments from the data: the country in most meetings
	pairs := runSaved(t, s, "who-met-whom", map[string]string{"from": "1900-01-01", "to": "2099-12-31"})
	seen := map[string]int{}
	for _, r := range pairs {
		seen[str(r["source"])]++
		seen[str(r["target"])]++
	}
	var country string
	for c, n := range seen {
		if country == "" || n > seen[country] || n == seen[country] && c < country {
			country = c
		}
	}
	cases := []struct {
		name   string
		params map[string]string
	}{
		{"who-met-whom", map[string]string{"from": "2000-01-01", "to": "2039-12-31"}},
		{"who-met-whom", map[string]string{"from": "2018-03-01", "to": "2021-06-30", "type": "any"}},
		{"who-met-whom", map[string]string{"from": "1900-01-01", "to": "2099-12-31"}}, // scans
		{"planned-after", map[string]string{"after": "2015-01-01"}},
		{"planned-after", map[string]string{"after": "2019-07-15"}},
		{"planned-after", map[string]string{"after": "1990-01-01"}}, // three years of nothing: scans
		{"partners", map[string]string{"country": country}},
	}
	for _, c := range cases {
		q, err := LookupSaved(c.name)
		if err != nil {
			t.Fatal(err)
		}
		res, err := q.Run(ctx, s.QuadStore(), c.params, Limits{Limit: NoLimit})
		if err != nil {
			t.Fatalf("%s %v: %v", c.name, c.params, err)
		}
		all := res.Rows
		if len(all) < 8 {
			t.Fatalf("%s %v: only %d rows in 400 reports; the test needs more", c.name, c.params, len(all))
		}
		if res.Truncated || res.Limit != 0 {
			t.Errorf("%s %v without a limit: truncated %v, limit %d", c.name, c.params, res.Truncated, res.Limit)
		}
		for _, lim := range []int{1, 3, 7, len(all) / 2, len(all)} {
			got, err := q.Run(ctx, s.QuadStore(), c.params, Limits{Limit: lim})
			if err != nil {
				t.Fatalf("%s %v limit %d: %v", c.name, c.params, lim, err)
			}
			if !reflect.DeepEqual(got.Rows, all[:lim]) {
				t.Errorf("%s %v limit %d:\n got %v\nwant %v", c.name, c.params, lim, got.Rows, all[:lim])
			}
			if want := lim < len(all); got.Truncated != want || got.Limit != lim {
				t.Errorf("%s %v limit %d of %d rows: truncated %v, limit %d", c.name, c.params, lim, len(all), got.Truncated, got.Limit)
			}
		}
	}
}
