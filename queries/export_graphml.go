package queries

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/cayleygraph/quad"
)

func init() {
	RegisterExporter(exporter{
		name:  "graphml",
		exts:  []string{".graphml"},
		media: "application/graphml+xml",
		fn:    exportGraphML,
	})
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// exportGraphML writes GraphML that strict readers (networkx, yEd, Gephi)
// accept: declared keys for node label, type, name and each literal
// attribute (typed long for integers), edge label (the predicate) and
// provenance, edges with ids (parallel edges are legal in GraphML). A
// node's id is its IRI, as in the other exports (GML's label, DOT's node
// id, CSV's id), so that the exports of one subgraph join on it.
func exportGraphML(w io.Writer, quads []quad.Quad) error {
	g := ProjectGraph(quads)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...interface{}) { fmt.Fprintf(bw, format, args...) }
	p(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`)
	p("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n")
	p("  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n")
	p("  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n")
	for _, a := range g.Attrs {
		t := "string"
		if a.Int {
			t = "long"
		}
		p("  <key id=\"a_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"><desc>%s</desc></key>\n",
			a.Name, a.Name, t, xmlText(string(a.Predicate)))
	}
	p("  <key id=\"e_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n")
	p("  <key id=\"provenance\" for=\"edge\" attr.name=\"provenance\" attr.type=\"string\"/>\n")
	p("  <graph id=\"G\" edgedefault=\"directed\">\n")
	ids := make([]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ids[i] = xmlText(n.Label)
		p("    <node id=\"%s\">\n      <data key=\"label\">%s</data>\n", ids[i], xmlText(n.Label))
		for _, pr := range g.props(n) {
			key := pr.Key
			if pr.Attr {
				key = "a_" + key
			}
			p("      <data key=\"%s\">%s</data>\n", key, xmlText(pr.Value))
		}
		p("    </node>\n")
	}
	for i, e := range g.Edges {
		p("    <edge id=\"e%d\" source=\"%s\" target=\"%s\">\n      <data key=\"e_label\">%s</data>\n",
			i, ids[e.Source], ids[e.Target], xmlText(e.Label))
		p("      <data key=\"provenance\">%s</data>\n    </edge>\n", xmlText(e.ProvenanceString()))
	}
	p("  </graph>\n</graphml>\n")
	return bw.Flush()
}
