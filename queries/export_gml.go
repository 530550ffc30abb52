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
		name:  "gml",
		exts:  []string{".gml"},
		media: "text/plain; charset=us-ascii",
		fn:    exportGML,
	})
}

// gmlString quotes s as a GML string: 7-bit ASCII, with "&" and '"' and
// every other character outside printable ASCII written as an HTML
// entity (&amp; &quot; &#1234;), once: what networkx and Gephi decode.
func gmlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r < 0x20 || r > 0x7e:
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// exportGML writes GML with the "multigraph 1" header that parallel edges
// need. Each node has an integer id, label (its IRI, unique, as networkx's
// read_gml requires), type, name and literal attributes (integers
// unquoted); each edge its label (the predicate) and provenance.
func exportGML(w io.Writer, quads []quad.Quad) error {
	g := ProjectGraph(quads)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...interface{}) { fmt.Fprintf(bw, format, args...) }
	p("graph [\n  comment \"diplograph export\"\n  directed 1\n  multigraph 1\n")
	for i, n := range g.Nodes {
		p("  node [\n    id %d\n    label %s\n", i, gmlString(n.Label))
		for _, pr := range g.props(n) {
			if pr.Int {
				p("    %s %s\n", pr.Key, pr.Value)
			} else {
				p("    %s %s\n", pr.Key, gmlString(pr.Value))
			}
		}
		p("  ]\n")
	}
	for _, e := range g.Edges {
		p("  edge [\n    source %d\n    target %d\n    label %s\n    provenance %s\n  ]\n",
			e.Source, e.Target, gmlString(e.Label), gmlString(e.ProvenanceString()))
	}
	p("]\n")
	return bw.Flush()
}
