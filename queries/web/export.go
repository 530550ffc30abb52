package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/queries"
	"github.com/diplograph/diplograph/schema"
)

// maxExportHops bounds the ?depth= of /api/export.
const maxExportHops = 2

// Subgraph returns the quads within depth links (1 or 2) of the node id,
// with the names, classes and literal attributes of the nodes at its
// edge (queries.Neighbourhood).
func (s *Server) Subgraph(ctx context.Context, id string, depth int) ([]quad.Quad, error) {
	if depth < 1 {
		depth = 1
	}
	if depth > maxExportHops {
		depth = maxExportHops
	}
	qs := s.store.QuadStore()
	root := quad.IRI(id)
	if ref, err := qs.ValueOf(root); err != nil {
		return nil, err
	} else if ref == nil {
		return nil, fmt.Errorf("%w: <%s>", ErrNotFound, id)
	}
	return queries.Neighbourhood(ctx, qs, []quad.Value{root}, depth)
}

// serveExport writes the subgraph around an entity as a download in any
// format of queries' exporter registry:
// /api/export?id=country:PAK&format=graphml|nquads|jsonld|gml|dot|csv&depth=1.
func (s *Server) serveExport(w http.ResponseWriter, r *http.Request) {
	id := entityID(r)
	names := strings.Join(queries.ExporterNames(), ", ")
	if id == "" {
		jsonError(w, http.StatusBadRequest, fmt.Errorf("give an entity: /api/export?id=country:PAK&format=graphml (formats: %s)", names))
		return
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "graphml"
	}
	exp, err := queries.LookupExporter(format)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	depth, _ := strconv.Atoi(r.URL.Query().Get("depth"))
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Limits.Timeout)
	defer cancel()
	qs, err := s.Subgraph(ctx, id, depth)
	switch {
	case errors.Is(err, ErrNotFound):
		jsonError(w, http.StatusNotFound, err)
		return
	case err != nil:
		jsonError(w, http.StatusInternalServerError, err)
		return
	}
	name := schema.Slug(id)
	if name == "" {
		name = "subgraph"
	}
	ext := "." + exp.Name()
	if e := exp.Extensions(); len(e) > 0 {
		ext = e[0]
	}
	w.Header().Set("Content-Type", exp.MediaType())
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+ext+`"`)
	if err := exp.Export(w, qs); err != nil {
		s.opts.Log.Printf("web: export %s of %s: %v", exp.Name(), id, err)
	}
}
