// Package queries holds what analysts ask of the graph: running Gizmo (and
// GraphQL, MQL) queries under a time and result limit, saved queries with
// parameters, shortest paths, subgraph selection and export formats.
package queries

import (
	"context"
	"errors"
	"fmt"
	"strings"
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

// NoLimit as Limits.Limit lifts the row limit; the time limit still holds.
const NoLimit = -1

// Limits bound one query.
type Limits struct {
	Limit   int           // results at most; 0 means DefaultLimit, negative (NoLimit) no limit
	Timeout time.Duration // wall time at most; <= 0 means DefaultTimeout
}

func (l Limits) norm() Limits {
	switch {
	case l.Limit == 0:
		l.Limit = DefaultLimit
	case l.Limit < 0:
		l.Limit = NoLimit
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	return l
}

// Result is the rows of a query and whether its row limit cut them.
type Result struct {
	Rows []interface{} `json:"result"`
	// Truncated is true when the query had more rows than Limit.
	Truncated bool `json:"truncated"`
	// Limit is the row limit the query ran under; 0 when it had none.
	Limit int `json:"limit"`
}

// ErrTimeout is returned when a query runs past its time limit.
var ErrTimeout = errors.New("query timed out")

// Languages lists the query languages Run accepts.
func Languages() []string { return []string{"gizmo", "graphql", "mql"} }

// Run executes text in lang ("gizmo" when empty) against qs and returns
// its results as JSON-ready values. It stops at lim.Limit results and
// fails with ErrTimeout after lim.Timeout, even inside an endless loop.
// Run trusts the script's toArray()/tagArray() sizes (saved queries use
// large ones internally); RunUser bounds them too.
func Run(ctx context.Context, qs cgraph.QuadStore, lang, text string, lim Limits) ([]interface{}, error) {
	res, err := run(ctx, qs, lang, "", text, query.JSON, lim)
	return res.Rows, err
}

// RunUser executes a query written by a user, in the given collation
// (query.JSON, or query.JSONLD for Cayley's console), under lim: besides
// Run's bounds, the arrays a Gizmo script builds with toArray()/tagArray()
// hold at most lim.Limit results, since Gizmo's own limit ignores them.
// The result says whether the row limit cut the rows.
func RunUser(ctx context.Context, qs cgraph.QuadStore, lang, text string, col query.Collation, lim Limits) (Result, error) {
	lim = lim.norm()
	if (lang == "" || lang == "gizmo") && lim.Limit > 0 {
		return run(ctx, qs, "gizmo", fmt.Sprintf(gizmoGuard, lim.Limit), text, col, lim)
	}
	return run(ctx, qs, lang, "", text, col, lim)
}

// run runs text and keeps at most lim.Limit rows; it asks the language
// for one row more, which tells whether the limit cut the result.
//
// A setup script, when not empty, runs first in the same session, as a
// script of its own: its globals stay for text, and the positions in the
// errors of text are those of text itself, not shifted by setup.
func run(ctx context.Context, qs cgraph.QuadStore, lang, setup, text string, col query.Collation, lim Limits) (Result, error) {
	lim = lim.norm()
	if lang == "" {
		lang = "gizmo"
	}
	res := Result{Rows: []interface{}{}}
	opts := query.Options{Collation: col}
	if lim.Limit > 0 {
		res.Limit, opts.Limit = lim.Limit, lim.Limit+1
	}
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		return res, fmt.Errorf("unknown query language %q (known: %s)", lang, strings.Join(Languages(), ", "))
	}
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	// Execute ignores its context; the deadline reaches the query through
	// the iterator's Next, which also interrupts Gizmo's JavaScript VM.
	ses := l.Session(withNames(qs))
	if setup != "" {
		if err := execSetup(ctx, ses, setup); err != nil {
			return res, err
		}
	}
	it, err := ses.Execute(ctx, text, opts)
	var uc *query.ErrUnsupportedCollation
	if errors.As(err, &uc) && col != query.JSON {
		opts.Collation = query.JSON
		it, err = ses.Execute(ctx, text, opts)
	}
	if err != nil {
		return res, err
	}
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		if r == nil {
			continue
		}
		if lim.Limit > 0 && len(res.Rows) == lim.Limit {
			res.Truncated = true
			break
		}
		res.Rows = append(res.Rows, r)
	}
	err = it.Err()
	if err == nil {
		err = ctx.Err()
	}
	if errors.Is(err, context.DeadlineExceeded) || err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return res, fmt.Errorf("%w after %s", ErrTimeout, lim.Timeout)
	}
	return res, err
}

// execSetup runs a script that emits nothing in ses, to its end. Its
// iterator is not closed: Gizmo's Close interrupts the session's VM even
// after the script ended, which would stop the next script at once; once
// Next has returned false nothing of it runs any more.
func execSetup(ctx context.Context, ses query.Session, setup string) error {
	it, err := ses.Execute(ctx, setup, query.Options{Collation: query.JSON})
	if err != nil {
		return fmt.Errorf("query set-up: %w", err)
	}
	for it.Next(ctx) {
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("query set-up: %w", err)
	}
	return nil
}

// gizmoGuard wraps Gizmo's graph object in a proxy that caps the argument
// of toArray/tagArray (which otherwise return every result, ignoring the
// query's limit) and unwraps proxied paths passed back into Gizmo. It
// runs before the user's script as a script of its own (see run).
const gizmoGuard = `var graph = (function (real, max) {` +
	`var targets = new WeakMap();` +
	`function unwrap(v) { return (v !== null && typeof v === "object" && targets.has(v)) ? targets.get(v) : v; }` +
	`function wrap(o) {` +
	` if (o === null || typeof o !== "object" || Array.isArray(o)) return o;` +
	` var p = new Proxy({}, {` +
	`  has: function (t, k) { return k in o; },` +
	`  get: function (t, k) {` +
	`   var v = o[k];` +
	`   if (typeof v !== "function") return v;` +
	`   return function () {` +
	`    var args = Array.prototype.map.call(arguments, unwrap);` +
	`    if (k === "toArray" || k === "tagArray" || k === "ToArray" || k === "TagArray") {` +
	`     if (args.length === 0 || typeof args[0] !== "number" || !(args[0] >= 0) || args[0] > max) args = [max];` +
	`    }` +
	`    return wrap(v.apply(o, args));` +
	`   };` +
	`  } });` +
	` targets.set(p, o);` +
	` return p;` +
	`}` +
	`return wrap(real);` +
	`})(graph, %d); var g = graph;`
