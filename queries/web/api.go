package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/diplograph/diplograph/queries"
)

// maxResults caps the ?limit= of searches.
const maxResults = 500

func resultLimit(r *http.Request, def int) int {
	n, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || n <= 0 {
		return def
	}
	if n > maxResults {
		return maxResults
	}
	return n
}

// serveSearch finds entities by name, alias, IRI or word prefix:
// /api/search?q=pakis&type=Country&limit=20. It reads one hit more than
// the limit, which says whether the limit cut the results (truncated).
func (s *Server) serveSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	n := resultLimit(r, 20)
	ix := s.idx.get()
	hits := ix.searchNames(q, r.URL.Query().Get("type"), n+1)
	if hits == nil {
		hits = []hit{}
	}
	if !ix.complete {
		// the index is still being built: what it lacks may be found in
		// the store by its exact name or IRI
		hits = s.searchStore(r.Context(), ix, q, r.URL.Query().Get("type"), hits)
	}
	hits, cut := firstN(hits, n)
	res := map[string]interface{}{"query": q, "results": hits, "truncated": cut, "limit": n}
	if !ix.complete {
		res["partial"] = true
	}
	writeJSON(w, http.StatusOK, res)
}

// serveEvidenceSearch ranks evidence sentences (BM25) for the words of q:
// /api/evidence?q=financing+terrorism&limit=20, with truncated as for
// serveSearch.
func (s *Server) serveEvidenceSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	n := resultLimit(r, 20)
	hits, cut := firstN(s.idx.get().searchEvidence(q, n+1), n)
	writeJSON(w, http.StatusOK, map[string]interface{}{"query": q, "results": hits, "truncated": cut, "limit": n})
}

// firstN keeps the first n of hits, read with one more than n, and says
// whether there were more: whether the limit cut them.
func firstN[T any](hits []T, n int) ([]T, bool) {
	if len(hits) > n {
		return hits[:n], true
	}
	return hits, false
}

// savedList is queries.Saved, turned into an error if it panics on a bad
// query file.
func savedList() (list []*queries.SavedQuery, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	return queries.Saved(), nil
}

// serveSavedList lists the saved queries with their parameters.
func (s *Server) serveSavedList(w http.ResponseWriter, r *http.Request) {
	list, err := savedList()
	if err != nil {
		jsonError(w, http.StatusInternalServerError, err)
		return
	}
	if list == nil {
		list = []*queries.SavedQuery{}
	}
	writeJSON(w, http.StatusOK, map[string]interface{}{"queries": list})
}

// serveSaved runs a saved query with the URL's parameters (GET
// /api/queries/NAME?a=<country:PAK>) or a form's (POST).
func (s *Server) serveSaved(w http.ResponseWriter, r *http.Request) {
	if _, err := savedList(); err != nil {
		jsonError(w, http.StatusInternalServerError, err)
		return
	}
	q, err := queries.LookupSaved(r.PathValue("name"))
	if err != nil {
		jsonError(w, http.StatusNotFound, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		bodyError(w, err)
		return
	}
	params := map[string]string{}
	for k, vs := range r.Form {
		if k == "limit" || len(vs) == 0 {
			continue
		}
		params[k] = vs[len(vs)-1]
	}
	lim, err := s.limits(r.Form.Get("limit"))
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	res, err := q.Run(r.Context(), s.store.QuadStore(), params, lim)
	var pe *queries.ParamError
	switch {
	case errors.As(err, &pe):
		jsonError(w, http.StatusBadRequest, err)
	case errors.Is(err, queries.ErrTimeout):
		jsonError(w, http.StatusRequestTimeout, err)
	case err != nil:
		jsonError(w, http.StatusBadRequest, err)
	default:
		writeJSON(w, http.StatusOK, map[string]interface{}{"query": q.Name, "result": res.Rows, "truncated": res.Truncated, "limit": res.Limit})
	}
}

// reportLabel is the label of report id ("3f2a..." or "report:3f2a...").
func reportLabel(id string) quad.IRI {
	id = strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">")
	if !strings.HasPrefix(id, "report:") {
		id = "report:" + id
	}
	return quad.IRI(id)
}

// putReport replaces the quads of one report with the N-Quads of the
// body, in one transaction; quads without a label get the report's.
func (s *Server) putReport(w http.ResponseWriter, r *http.Request) {
	label := reportLabel(r.PathValue("id"))
	rd := nquads.NewReader(r.Body, false)
	var qs []quad.Quad
	for {
		q, err := rd.ReadQuad()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			bodyError(w, fmt.Errorf("quad %d: %w", len(qs)+1, err))
			return
		}
		if q.Label == nil {
			q.Label = label
		}
		if q.Label != label {
			jsonError(w, http.StatusBadRequest, fmt.Errorf("quad %d is labelled %v, not %v", len(qs)+1, q.Label, label))
			return
		}
		qs = append(qs, q)
	}
	res, err := s.store.ReplaceReport(r.Context(), label, qs)
	if err != nil {
		jsonError(w, http.StatusInternalServerError, err)
		return
	}
	s.idx.rebuild(context.WithoutCancel(r.Context()))
	writeJSON(w, http.StatusOK, map[string]interface{}{"report": string(label), "added": res.Added, "removed": res.Removed, "unchanged": res.Unchanged})
}

// deleteReport removes every quad of one report.
func (s *Server) deleteReport(w http.ResponseWriter, r *http.Request) {
	label := reportLabel(r.PathValue("id"))
	n, err := s.store.DeleteReport(r.Context(), label)
	if err != nil {
		jsonError(w, http.StatusInternalServerError, err)
		return
	}
	s.idx.rebuild(context.WithoutCancel(r.Context()))
	writeJSON(w, http.StatusOK, map[string]interface{}{"report": string(label), "removed": n})
}
