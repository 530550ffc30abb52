package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/dop251/goja"

	"github.com/diplograph/diplograph/queries" // registers gizmo, graphql and mql
)

// serveQuery runs a query for Cayley's console and API v2 clients:
// /api/v2/query?lang=gizmo|graphql|mql with the query as the body (POST)
// or qu= (GET). Results are {"result": [...]}, failures {"error": "..."}.
// Unlike Cayley's handler, it bounds results of toArray()/tagArray() too,
// and reports a query stopped by its time limit as an error (408).
func (s *Server) serveQuery(w http.ResponseWriter, r *http.Request) {
	lang := r.URL.Query().Get("lang")
	if lang == "" {
		lang = "gizmo"
	}
	var text string
	if r.Method == http.MethodGet {
		text = r.URL.Query().Get("qu")
	} else {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			bodyError(w, err)
			return
		}
		text = string(b)
	}
	if strings.TrimSpace(text) == "" {
		jsonError(w, http.StatusBadRequest, errors.New("query is empty"))
		return
	}
	col := query.JSON
	if strings.Contains(r.Header.Get("Accept"), "application/ld+json") {
		col = query.JSONLD
	}
	lim, err := s.limits(r.URL.Query().Get("limit"))
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	res, err := queries.RunUser(r.Context(), s.store.QuadStore(), lang, text, col, lim)
	if err != nil {
		code := http.StatusBadRequest
		if errors.Is(err, queries.ErrTimeout) {
			code = http.StatusRequestTimeout
		}
		jsonError(w, code, err)
		return
	}
	if col == query.JSONLD {
		w.Header().Set("Content-Type", "application/ld+json")
	}
	writeJSON(w, http.StatusOK, res)
}

// limits are the server's query limits, lowered by a request's ?limit=N
// (N > 0; 0 or none keeps the server's limit; a negative N is an error).
func (s *Server) limits(param string) (queries.Limits, error) {
	lim := s.opts.Limits
	if param == "" {
		return lim, nil
	}
	n, err := strconv.Atoi(param)
	if err != nil || n < 0 {
		return lim, fmt.Errorf("limit %q: want a number of rows, 0 or more (0: the server's limit)", param)
	}
	if n > 0 && (lim.Limit <= 0 || n < lim.Limit) {
		lim.Limit = n
	}
	return lim, nil
}

// serveShape answers the console's Query Shape view
// (/api/v1/shape/{lang}), which Cayley itself no longer implements: for
// Gizmo, it runs the script against a recorder instead of the graph and
// returns the steps of every path it builds as nodes and links. Nothing
// touches the store.
func (s *Server) serveShape(w http.ResponseWriter, r *http.Request) {
	lang := r.PathValue("lang")
	if lang != "gizmo" {
		jsonError(w, http.StatusNotImplemented, fmt.Errorf("query shape is available for gizmo only, not %q", lang))
		return
	}
	b, err := io.ReadAll(r.Body)
	if err != nil {
		bodyError(w, err)
		return
	}
	shape, err := gizmoShape(string(b), 2*time.Second)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	writeJSON(w, http.StatusOK, shape)
}

const shapeRecorder = `var __nodes = [], __links = [], __ids = new WeakMap();` +
	`function __step(from) {` +
	` var p = new Proxy({}, { get: function (t, k) {` +
	`  if (typeof k !== "string") return undefined;` +
	`  return function () {` +
	`   var id = __nodes.length, args = [];` +
	`   for (var i = 0; i < arguments.length; i++) {` +
	`    var a = arguments[i];` +
	`    if (a !== null && typeof a === "object" && __ids.has(a)) {` +
	`     args.push("path#" + __ids.get(a)); __links.push({ source: __ids.get(a), target: id, argument: true });` +
	`    } else { try { args.push(JSON.stringify(a)); } catch (e) { args.push(String(a)); } }` +
	`   }` +
	`   __nodes.push({ id: id, step: k, args: args });` +
	`   if (from >= 0) __links.push({ source: from, target: id });` +
	`   return __step(id);` +
	`  };` +
	` } });` +
	` __ids.set(p, from);` +
	` return p;` +
	`}` +
	`var graph = __step(-1), g = graph;`

// gizmoShape records the path steps a Gizmo script builds, without a
// store, within timeout.
func gizmoShape(text string, timeout time.Duration) (map[string]interface{}, error) {
	vm := goja.New()
	t := time.AfterFunc(timeout, func() { vm.Interrupt("query shape timed out") })
	defer t.Stop()
	if _, err := vm.RunString(shapeRecorder); err != nil {
		return nil, err
	}
	if _, err := vm.RunString(text); err != nil {
		var ie *goja.InterruptedError
		if errors.As(err, &ie) {
			return nil, errors.New("query shape timed out")
		}
		return nil, err
	}
	return map[string]interface{}{
		"nodes": vm.Get("__nodes").Export(),
		"links": vm.Get("__links").Export(),
	}, nil
}

// bodyError answers a failed body read: 413 when it was too large.
func bodyError(w http.ResponseWriter, err error) {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		jsonError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("request body is larger than %d bytes", mb.Limit))
		return
	}
	jsonError(w, http.StatusBadRequest, err)
}
