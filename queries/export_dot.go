package queries

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/cayleygraph/quad"
)

func init() {
	RegisterExporter(exporter{
		name:  "dot",
		exts:  []string{".dot", ".gv"},
		media: "text/vnd.graphviz",
		fn:    exportDOT,
	})
}

var dotEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", ``)

func dotString(s string) string { return `"` + dotEscaper.Replace(s) + `"` }

// dotReserved are the attribute names that pydot (through which networkx
// reads DOT) takes as its own arguments when it builds a node; a node
// property of such a name is written as "entity_" and the name.
var dotReserved = map[string]bool{"name": true, "obj_dict": true}

// dotKey is the DOT attribute name of a node property.
func dotKey(k string) string {
	if dotReserved[k] {
		return "entity_" + k
	}
	return k
}

// exportDOT writes a Graphviz digraph: nodes named by their IRI and
// labelled with their name, edges labelled with the predicate and carrying
// provenance, type and literal attributes as extra (ignored by dot)
// attributes; the name is also entity_name (see dotReserved). Statements
// end with a newline, not ';': pydot reads "];\n" after an edge as a node
// named "\n".
func exportDOT(w io.Writer, quads []quad.Quad) error {
	g := ProjectGraph(quads)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...interface{}) { fmt.Fprintf(bw, format, args...) }
	p("digraph diplograph {\n  node [shape=box]\n")
	for _, n := range g.Nodes {
		label := n.Name
		if label == "" {
			label = n.Label
		}
		p("  %s [label=%s", dotString(n.Label), dotString(label))
		for _, pr := range g.props(n) {
			p(", %s=%s", dotKey(pr.Key), dotString(pr.Value))
		}
		p("]\n")
	}
	for _, e := range g.Edges {
		p("  %s -> %s [label=%s, provenance=%s]\n", dotString(g.Nodes[e.Source].Label),
			dotString(g.Nodes[e.Target].Label), dotString(e.Label), dotString(e.ProvenanceString()))
	}
	p("}\n")
	return bw.Flush()
}
