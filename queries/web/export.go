package web

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/jsonld" // registers "jsonld"
	_ "github.com/cayleygraph/quad/nquads" // registers "nquads"

	"github.com/diplograph/diplograph/schema"
)

// Subgraph bounds.
const (
	maxExportDepth    = 2
	maxExportQuads    = 200000
	maxQuadsPerNode   = 5000
	maxDescribeQuads  = 64
	defaultExportName = "subgraph"
)

// Subgraph returns the quads within depth hops of the node id (1 or 2),
// plus the literal attributes and types of the nodes at its edge, so that
// every node of the export has its name.
func (s *Server) Subgraph(ctx context.Context, id string, depth int) ([]quad.Quad, error) {
	if depth < 1 {
		depth = 1
	}
	if depth > maxExportDepth {
		depth = maxExportDepth
	}
	qs := s.store.QuadStore()
	seen := map[quad.Quad]bool{}
	var out []quad.Quad
	add := func(q quad.Quad) bool {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
		return len(out) < maxExportQuads
	}
	each := func(node quad.Value, dir quad.Direction, max int, f func(q quad.Quad) bool) error {
		ref, err := qs.ValueOf(node)
		if err != nil || ref == nil {
			return err
		}
		it := qs.QuadIterator(dir, ref).Iterate()
		defer it.Close()
		for n := 0; n < max && it.Next(ctx); n++ {
			q, err := qs.Quad(it.Result())
			if err != nil {
				return err
			}
			if !f(q) {
				break
			}
		}
		if err := it.Err(); err != nil {
			return err
		}
		return ctx.Err()
	}
	root := quad.IRI(id)
	if ref, err := qs.ValueOf(root); err != nil {
		return nil, err
	} else if ref == nil {
		return nil, fmt.Errorf("%w: <%s>", ErrNotFound, id)
	}
	expanded := map[quad.Value]bool{}
	frontier := []quad.Value{root}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []quad.Value
		for _, n := range frontier {
			if expanded[n] {
				continue
			}
			expanded[n] = true
			if err := each(n, quad.Subject, maxQuadsPerNode, func(q quad.Quad) bool {
				if q.Predicate == schema.Type {
					return add(q)
				}
				if _, ok := q.Object.(quad.IRI); ok && !expanded[q.Object] {
					next = append(next, q.Object)
				}
				return add(q)
			}); err != nil {
				return nil, err
			}
			if err := each(n, quad.Object, maxQuadsPerNode, func(q quad.Quad) bool {
				if !expanded[q.Subject] {
					next = append(next, q.Subject)
				}
				return add(q)
			}); err != nil {
				return nil, err
			}
		}
		frontier = next
	}
	// Describe the nodes at the edge: types and literal attributes.
	for _, n := range frontier {
		if expanded[n] {
			continue
		}
		expanded[n] = true
		if err := each(n, quad.Subject, maxDescribeQuads, func(q quad.Quad) bool {
			if _, ok := q.Object.(quad.IRI); ok && q.Predicate != schema.Type {
				return true
			}
			return add(q)
		}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ExportFormats are the formats of /api/export: our GraphML and every
// quad format Cayley can write.
func ExportFormats() []string {
	names := []string{"graphml"}
	for _, f := range quad.Formats() {
		if f.Writer != nil && f.Name != "graphml" {
			names = append(names, f.Name)
		}
	}
	sort.Strings(names[1:])
	return names
}

// serveExport writes the subgraph around an entity as a download:
// /api/export?id=country:PAK&format=graphml|nquads|jsonld|...&depth=1.
func (s *Server) serveExport(w http.ResponseWriter, r *http.Request) {
	id := entityID(r)
	if id == "" {
		jsonError(w, http.StatusBadRequest, fmt.Errorf("give an entity: /api/export?id=country:PAK&format=graphml (formats: %s)", strings.Join(ExportFormats(), ", ")))
		return
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "graphml"
	}
	var qf *quad.Format
	if format != "graphml" {
		if qf = quad.FormatByName(format); qf == nil || qf.Writer == nil {
			jsonError(w, http.StatusBadRequest, fmt.Errorf("unknown export format %q (known: %s)", format, strings.Join(ExportFormats(), ", ")))
			return
		}
	}
	depth, _ := strconv.Atoi(r.URL.Query().Get("depth"))
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Limits.Timeout)
	defer cancel()
	qs, err := s.Subgraph(ctx, id, depth)
	if err != nil {
		code := http.StatusInternalServerError
		if strings.Contains(err.Error(), ErrNotFound.Error()) {
			code = http.StatusNotFound
		}
		jsonError(w, code, err)
		return
	}
	name := schema.Slug(strings.ReplaceAll(id, ":", "-"))
	if name == "" {
		name = defaultExportName
	}
	if qf == nil {
		w.Header().Set("Content-Type", "application/graphml+xml; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.graphml"`)
		writeGraphML(w, qs, s.idx.get())
		return
	}
	ext := "." + qf.Name
	if len(qf.Ext) > 0 {
		ext = qf.Ext[0]
	}
	if len(qf.Mime) > 0 {
		w.Header().Set("Content-Type", qf.Mime[0])
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+ext+`"`)
	qw := qf.Writer(w)
	quad.CopyBatch(qw, quad.NewReader(qs), 0)
	qw.Close()
}

// writeGraphML writes quads as a GraphML multigraph that networkx reads:
// node ids are the IRIs, nodes carry iri, type, name and their other
// literal attributes; each (subject, predicate, object) is one edge with
// its predicate and the reports (labels) asserting it, space-separated.
func writeGraphML(w io.Writer, quads []quad.Quad, ix *index) error {
	type node struct {
		attrs map[string][]string
	}
	nodes := map[string]*node{}
	var order []string
	getNode := func(id string) *node {
		n := nodes[id]
		if n == nil {
			n = &node{attrs: map[string][]string{"iri": {id}}}
			nodes[id] = n
			order = append(order, id)
		}
		return n
	}
	type edgeKey struct{ s, p, o string }
	edges := map[edgeKey][]string{}
	var edgeOrder []edgeKey
	attrKeys := map[string]bool{}
	for _, q := range quads {
		sid := iriString(q.Subject)
		if sid == "" {
			continue
		}
		n := getNode(sid)
		label := iriString(q.Label)
		if q.Predicate == schema.Type {
			t := iriString(q.Object)
			n.attrs["type"] = appendNew(n.attrs["type"], t[strings.IndexByte(t, ':')+1:])
			continue
		}
		pred := iriString(q.Predicate)
		if oid := iriString(q.Object); oid != "" {
			getNode(oid)
			k := edgeKey{sid, pred, oid}
			if _, ok := edges[k]; !ok {
				edgeOrder = append(edgeOrder, k)
			}
			edges[k] = appendNew(edges[k], label)
			continue
		}
		key := pred[strings.IndexByte(pred, ':')+1:]
		if q.Predicate == schema.Name {
			key = "name"
		}
		attrKeys[key] = true
		n.attrs[key] = appendNew(n.attrs[key], literal(q.Object))
	}
	for _, id := range order {
		n := nodes[id]
		if e := ix.ents[id]; e != nil {
			if len(n.attrs["name"]) == 0 && e.Name != "" {
				n.attrs["name"] = []string{e.Name}
			}
			if len(n.attrs["type"]) == 0 && e.Type != "" {
				n.attrs["type"] = []string{e.Type}
			}
		}
	}
	delete(attrKeys, "name")
	delete(attrKeys, "type")
	delete(attrKeys, "iri")
	extra := make([]string, 0, len(attrKeys))
	for k := range attrKeys {
		extra = append(extra, k)
	}
	sort.Strings(extra)
	nodeKeys := append([]string{"iri", "type", "name"}, extra...)

	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range nodeKeys {
		fmt.Fprintf(bw, `  <key id="n_%s" for="node" attr.name="%s" attr.type="string"/>`+"\n", esc(k), esc(k))
	}
	bw.WriteString(`  <key id="e_predicate" for="edge" attr.name="predicate" attr.type="string"/>` + "\n")
	bw.WriteString(`  <key id="e_reports" for="edge" attr.name="reports" attr.type="string"/>` + "\n")
	bw.WriteString(`  <graph id="G" edgedefault="directed">` + "\n")
	for _, id := range order {
		n := nodes[id]
		fmt.Fprintf(bw, `    <node id="%s">`, esc(id))
		for _, k := range nodeKeys {
			if v := n.attrs[k]; len(v) > 0 {
				fmt.Fprintf(bw, `<data key="n_%s">%s</data>`, esc(k), esc(strings.Join(v, " | ")))
			}
		}
		bw.WriteString("</node>\n")
	}
	for i, k := range edgeOrder {
		fmt.Fprintf(bw, `    <edge id="e%d" source="%s" target="%s"><data key="e_predicate">%s</data><data key="e_reports">%s</data></edge>`+"\n",
			i, esc(k.s), esc(k.o), esc(k.p), esc(strings.Join(edges[k], " ")))
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}

func appendNew(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
