package queries

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/query"
)

func TestRunLimits(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	lim := Limits{Limit: 3, Timeout: 2 * time.Second}
	arr := `g.emit(g.V().toArray().length)`
	ures, err := RunUser(ctx, s.QuadStore(), "gizmo", arr, query.JSON, lim)
	if res := ures.Rows; err != nil || len(res) != 1 || res[0] != int64(3) && res[0] != float64(3) {
		t.Fatalf("RunUser toArray() = %v, %v; want one result, 3", res, err)
	}
	res, err := Run(ctx, s.QuadStore(), "gizmo", arr, lim)
	if err != nil || len(res) != 1 || res[0] == int64(3) || res[0] == float64(3) {
		t.Fatalf("Run toArray() = %v, %v; want every node", res, err)
	}
	ures, err = RunUser(ctx, s.QuadStore(), "gizmo", `g.V().all()`, query.JSON, lim)
	if err != nil || len(ures.Rows) != 3 || !ures.Truncated || ures.Limit != 3 {
		t.Fatalf("all() gave %d results (truncated %v, limit %d), %v; want 3, truncated", len(ures.Rows), ures.Truncated, ures.Limit, err)
	}
	// no row limit: every node, not truncated, and toArray() unbounded
	n, err := Run(ctx, s.QuadStore(), "gizmo", arr, lim)
	if err != nil || len(n) != 1 {
		t.Fatalf("count: %v, %v", n, err)
	}
	nodes := int(toFloat(n[0]))
	for _, q := range []string{`g.V().all()`, `g.V().toArray().forEach(function (v) { g.emit(v) })`} {
		ures, err = RunUser(ctx, s.QuadStore(), "gizmo", q, query.JSON, Limits{Limit: NoLimit, Timeout: 2 * time.Second})
		if err != nil || len(ures.Rows) != nodes || ures.Truncated || ures.Limit != 0 {
			t.Fatalf("%s without a limit: %d rows of %d (truncated %v, limit %d), %v", q, len(ures.Rows), nodes, ures.Truncated, ures.Limit, err)
		}
	}
	// exactly the limit: not truncated
	ures, err = RunUser(ctx, s.QuadStore(), "gizmo", `g.V().all()`, query.JSON, Limits{Limit: nodes})
	if err != nil || len(ures.Rows) != nodes || ures.Truncated {
		t.Fatalf("limit = rows: %d rows, truncated %v, %v", len(ures.Rows), ures.Truncated, err)
	}
	for _, l := range []int{3, NoLimit} {
		start := time.Now()
		_, err = RunUser(ctx, s.QuadStore(), "gizmo", `while(true){}`, query.JSON, Limits{Limit: l, Timeout: 500 * time.Millisecond})
		if !errors.Is(err, ErrTimeout) || time.Since(start) > 5*time.Second {
			t.Fatalf("endless loop, limit %d: %v after %s", l, err, time.Since(start))
		}
	}
	if _, err := Run(ctx, s.QuadStore(), "sparql", "x", lim); err == nil {
		t.Fatal("unknown language accepted")
	}
}

func toFloat(v interface{}) float64 {
	switch v := v.(type) {
	case int64:
		return float64(v)
	case float64:
		return v
	case int:
		return float64(v)
	}
	return -1
}

// TestSyntaxErrorPosition checks that a Gizmo syntax error names its
// line and column in the user's own query text, under a row limit (which
// runs a guard script first) and without.
func TestSyntaxErrorPosition(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	for _, c := range []struct{ text, want string }{
		{`g.V(.all()`, "Line 1:5 "},
		{"g.V()\n  .out(.all()", "Line 2:8 "},
	} {
		for _, l := range []int{100, NoLimit} {
			_, err := RunUser(ctx, s.QuadStore(), "gizmo", c.text, query.JSON, Limits{Limit: l, Timeout: 2 * time.Second})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%q, limit %d: error %v, want %q", c.text, l, err, c.want)
			}
		}
	}
	// the guard still holds after it ran as a script of its own
	res, err := RunUser(ctx, s.QuadStore(), "gizmo", `g.emit(g.V().toArray().length)`, query.JSON, Limits{Limit: 4})
	if err != nil || len(res.Rows) != 1 || toFloat(res.Rows[0]) != 4 {
		t.Errorf("toArray under limit 4: %v, %v", res.Rows, err)
	}
}
