package web

import (
	"errors"
	"net/http"
	"strconv"
)

// newsShown is how many of the newest reports /api/news describes.
const newsShown = 10

// serveNews says which reports were added or changed since the search
// index was first built, for the explorer's "new reports" notice:
// /api/news gives the count so far (a page keeps it as its start);
// /api/news?since=N also how many came after the first N and the newest
// of them. It reads only memory: pages may poll it.
func (s *Server) serveNews(w http.ResponseWriter, r *http.Request) {
	since := -1
	if v := r.URL.Query().Get("since"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			jsonError(w, http.StatusBadRequest, errors.New("since must be a count returned by /api/news"))
			return
		}
		since = n
	}
	total, last := s.idx.newsSince(since, newsShown)
	ix := s.idx.get()
	reports := make([]*Entity, 0, len(last))
	for _, id := range last {
		reports = append(reports, ix.lookup(id))
	}
	out := map[string]interface{}{"total": total, "indexing": !ix.complete}
	if since >= 0 {
		n := total - since
		if n < 0 {
			n = 0
		}
		out["since"], out["new"], out["reports"] = since, n, reports
	}
	writeJSON(w, http.StatusOK, out)
}
