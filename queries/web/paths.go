package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/diplograph/diplograph/queries"
)

// servePaths answers GET /api/paths?from=IRI&to=IRI[&max_length=N]
// [&max_paths=N][&predicate=IRI]: every shortest path between two
// entities, hop by hop with the reports asserting each hop, within the
// query time limit.
func (s *Server) servePaths(w http.ResponseWriter, r *http.Request) {
	from, to, opt, err := queries.ParsePathQuery(r.URL.Query())
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Limits.Timeout)
	defer cancel()
	res, err := queries.ShortestPaths(ctx, s.store.QuadStore(), from, to, opt)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		jsonError(w, http.StatusRequestTimeout, err)
	case err != nil:
		jsonError(w, http.StatusBadRequest, err)
	default:
		writeJSON(w, http.StatusOK, res)
	}
}
