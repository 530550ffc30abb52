// Package queries holds what analysts ask of the graph: running Gizmo (and
// GraphQL, MQL) queries under a time and result limit, saved queries with
// parameters, shortest paths, subgraph selection and export formats.
package queries

import (
	"context"
	"errors"
	"fmt"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers "gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql" // registers "graphql"
	_ "github.com/cayleygraph/cayley/query/mql"     // registers "mql"
)

// Defaults for Limits.
const (
	DefaultLimit   = 100
	DefaultTimeout = 30 * time.Second
)

// Limits bound one query.
type Limits struct {
	Limit   int           // results at most; <= 0 means DefaultLimit
	Timeout time.Duration // wall time at most; <= 0 means DefaultTimeout
}

func (l Limits) norm() Limits {
	if l.Limit <= 0 {
		l.Limit = DefaultLimit
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	return l
}

// ErrTimeout is returned when a query runs past its time limit.
var ErrTimeout = errors.New("query timed out")

// Languages lists the query languages Run accepts.
func Languages() []string { return []string{"gizmo", "graphql", "mql"} }

// Run executes text in lang ("gizmo" when empty) against qs and returns
// its results as JSON-ready values. It stops at lim.Limit results and
// fails with ErrTimeout after lim.Timeout, even inside an endless loop.
func Run(ctx context.Context, qs cgraph.QuadStore, lang, text string, lim Limits) ([]interface{}, error) {
	lim = lim.norm()
	if lang == "" {
		lang = "gizmo"
	}
	if query.GetLanguage(lang) == nil {
		return nil, fmt.Errorf("unknown query language %q (known: gizmo, graphql, mql)", lang)
	}
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	// Execute ignores its context; the deadline reaches the query through
	// the iterator's Next, which also interrupts Gizmo's JavaScript VM.
	it, err := query.Execute(ctx, qs, lang, text, query.Options{Limit: lim.Limit, Collation: query.JSON})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	out := []interface{}{}
	for len(out) < lim.Limit && it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
	}
	err = it.Err()
	if err == nil {
		err = ctx.Err()
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return out, fmt.Errorf("%w after %s", ErrTimeout, lim.Timeout)
	}
	return out, err
}
