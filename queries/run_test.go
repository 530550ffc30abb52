package queries

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/query"
)

func TestRunLimits(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	lim := Limits{Limit: 3, Timeout: 2 * time.Second}
	arr := `g.emit(g.V().toArray().length)`
	res, err := RunUser(ctx, s.QuadStore(), "gizmo", arr, query.JSON, lim)
	if err != nil || len(res) != 1 || res[0] != int64(3) && res[0] != float64(3) {
		t.Fatalf("RunUser toArray() = %v, %v; want one result, 3", res, err)
	}
	res, err = Run(ctx, s.QuadStore(), "gizmo", arr, lim)
	if err != nil || len(res) != 1 || res[0] == int64(3) || res[0] == float64(3) {
		t.Fatalf("Run toArray() = %v, %v; want every node", res, err)
	}
	res, err = RunUser(ctx, s.QuadStore(), "gizmo", `g.V().all()`, query.JSON, lim)
	if err != nil || len(res) != 3 {
		t.Fatalf("all() gave %d results, %v; want 3", len(res), err)
	}
	start := time.Now()
	_, err = RunUser(ctx, s.QuadStore(), "gizmo", `while(true){}`, query.JSON, Limits{Limit: 3, Timeout: 500 * time.Millisecond})
	if !errors.Is(err, ErrTimeout) || time.Since(start) > 5*time.Second {
		t.Fatalf("endless loop: %v after %s", err, time.Since(start))
	}
	if _, err := Run(ctx, s.QuadStore(), "sparql", "x", lim); err == nil {
		t.Fatal("unknown language accepted")
	}
}
