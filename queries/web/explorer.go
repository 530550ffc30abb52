package web

import (
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// serveExplorer serves the analysts' explorer: /explore/ (search),
// /explore/entity/{id} (an entity's page; the same page, which reads the
// id from its address) and its static files.
func (s *Server) serveExplorer(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(path.Clean(r.URL.Path), "/explore")
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasPrefix(p, "entity/") || strings.HasPrefix(p, "search") {
		p = "index.html"
	}
	b, err := fs.ReadFile(assets, "assets/explorer/"+p)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:")
	serveBytes(w, r, p, b)
}
