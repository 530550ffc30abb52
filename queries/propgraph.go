package queries

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// PropertyGraph is a subgraph as the property-graph formats (GraphML, GML,
// DOT, CSV) write it: the IRIs are nodes, <rdf:type> and <schema:name>
// and every literal become node attributes, and each distinct link
// (subject, predicate, object) between nodes is one edge whose provenance
// lists the labels (reports) of the quads asserting it.
type PropertyGraph struct {
	Nodes []*PGNode
	Edges []*PGEdge
	// Attrs are the literal attributes present on some node, sorted by name.
	Attrs []PGAttr
}

// PGNode is a node of a PropertyGraph.
type PGNode struct {
	// Label is the node's identity: its IRI without angle brackets
	// ("country:PAK"), or "_:id" for a blank node.
	Label string
	// Type lists its classes without the dg: prefix ("Country"), joined by " ".
	Type string
	// Name is its <schema:name> ("Pakistan"); the smallest when there are several.
	Name string
	// Attrs holds its literal attributes by PGAttr.Name, values sorted and distinct.
	Attrs map[string][]string
}

// PGEdge is an edge of a PropertyGraph.
type PGEdge struct {
	Source, Target int // indexes into Nodes
	// Label is the predicate without angle brackets ("dg:co_chaired").
	Label string
	// Provenance lists the labels of the quads asserting the link, without
	// angle brackets, sorted ("report:0a0a0a0a0a0a0a0a").
	Provenance []string
}

// PGAttr is a literal node attribute: the predicate it comes from and a
// name usable as a GraphML key, GML key and CSV column.
type PGAttr struct {
	Name      string   // "date", "ordinal", "title"
	Predicate quad.IRI // <dg:date>
	// Int is true when every value is a single integer (GraphML "long").
	Int bool
}

// ProvenanceString joins an edge's provenance with spaces, as the exporters write it.
func (e *PGEdge) ProvenanceString() string { return strings.Join(e.Provenance, " ") }

// reserved attribute names: the fixed node columns.
var reservedAttr = map[string]bool{"id": true, "label": true, "type": true, "name": true, "source": true, "target": true, "provenance": true}

var reNonKey = regexp.MustCompile(`[^A-Za-z0-9_]+`)

func attrKey(s string) string {
	s = strings.Trim(reNonKey.ReplaceAllString(s, "_"), "_")
	if s == "" || !(s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z') {
		s = "a_" + s
	}
	return s
}

// valueLabel is a node's or predicate's text without N-Quads syntax.
func valueLabel(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.BNode:
		return v.String()
	}
	return literalText(v)
}

// literalText is the lexical form of a literal: "2023-11-16", "10".
func literalText(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.Int:
		return strconv.FormatInt(int64(v), 10)
	case quad.IRI:
		return string(v)
	case nil:
		return ""
	}
	if s, ok := v.Native().(string); ok {
		return s
	}
	return fmt.Sprint(v.Native())
}

func classLabel(v quad.Value) string {
	s := valueLabel(v)
	return strings.TrimPrefix(s, "dg:")
}

// ProjectGraph turns quads into a PropertyGraph with nodes in order of
// label and edges in order of (source, predicate, target).
func ProjectGraph(quads []quad.Quad) *PropertyGraph {
	type edgeKey struct {
		s, o quad.Value
		p    quad.Value
	}
	nodes := map[quad.Value]*PGNode{}
	node := func(v quad.Value) *PGNode {
		n, ok := nodes[v]
		if !ok {
			n = &PGNode{Label: valueLabel(v), Attrs: map[string][]string{}}
			nodes[v] = n
		}
		return n
	}
	prov := map[edgeKey]map[string]bool{}
	types := map[*PGNode]map[string]bool{}
	lits := map[quad.IRI]map[*PGNode]map[string]bool{}
	intPred := map[quad.IRI]bool{}
	for _, q := range quads {
		n := node(q.Subject)
		switch {
		case q.Predicate == rdfType:
			if types[n] == nil {
				types[n] = map[string]bool{}
			}
			types[n][classLabel(q.Object)] = true
		case q.Predicate == schemaName && !isNode(q.Object):
			if s := literalText(q.Object); n.Name == "" || s < n.Name {
				n.Name = s
			}
		case isNode(q.Object):
			node(q.Object)
			k := edgeKey{q.Subject, q.Object, q.Predicate}
			if prov[k] == nil {
				prov[k] = map[string]bool{}
			}
			if q.Label != nil {
				prov[k][valueLabel(q.Label)] = true
			}
		default:
			p, _ := q.Predicate.(quad.IRI)
			if p == "" {
				p = quad.IRI(valueLabel(q.Predicate))
			}
			if lits[p] == nil {
				lits[p] = map[*PGNode]map[string]bool{}
				intPred[p] = true
			}
			if lits[p][n] == nil {
				lits[p][n] = map[string]bool{}
			}
			lits[p][n][literalText(q.Object)] = true
			if _, ok := q.Object.(quad.Int); !ok {
				intPred[p] = false
			}
		}
	}
	g := &PropertyGraph{}
	// Attribute names: the predicate's local part, or the whole predicate
	// when two predicates share a local part or it is reserved.
	var preds []quad.IRI
	byLocal := map[string]int{}
	for p := range lits {
		preds = append(preds, p)
		byLocal[attrKey(localPart(p))]++
	}
	sort.Slice(preds, func(i, j int) bool { return preds[i] < preds[j] })
	for _, p := range preds {
		name := attrKey(localPart(p))
		if byLocal[name] > 1 || reservedAttr[name] {
			name = attrKey(string(p))
		}
		a := PGAttr{Name: name, Predicate: p, Int: intPred[p]}
		for n, vals := range lits[p] {
			vs := make([]string, 0, len(vals))
			for v := range vals {
				vs = append(vs, v)
			}
			sort.Strings(vs)
			n.Attrs[name] = vs
			if len(vs) > 1 {
				a.Int = false
			}
		}
		g.Attrs = append(g.Attrs, a)
	}
	sort.Slice(g.Attrs, func(i, j int) bool { return g.Attrs[i].Name < g.Attrs[j].Name })
	for n, ts := range types {
		var l []string
		for t := range ts {
			l = append(l, t)
		}
		sort.Strings(l)
		n.Type = strings.Join(l, " ")
	}
	for _, n := range nodes {
		g.Nodes = append(g.Nodes, n)
	}
	sort.Slice(g.Nodes, func(i, j int) bool { return g.Nodes[i].Label < g.Nodes[j].Label })
	index := make(map[*PGNode]int, len(g.Nodes))
	for i, n := range g.Nodes {
		index[n] = i
	}
	for k, labels := range prov {
		e := &PGEdge{Source: index[nodes[k.s]], Target: index[nodes[k.o]], Label: valueLabel(k.p)}
		for l := range labels {
			e.Provenance = append(e.Provenance, l)
		}
		sort.Strings(e.Provenance)
		g.Edges = append(g.Edges, e)
	}
	sort.Slice(g.Edges, func(i, j int) bool {
		a, b := g.Edges[i], g.Edges[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Label != b.Label {
			return a.Label < b.Label
		}
		return a.Target < b.Target
	})
	return g
}

func localPart(p quad.IRI) string {
	s := string(p)
	if i := strings.LastIndexAny(s, ":/#"); i >= 0 && i < len(s)-1 {
		return s[i+1:]
	}
	return s
}

// nodeProp is one property of a node as exporters write it.
type nodeProp struct {
	Key   string // "type", "name", or an attribute's name
	Value string
	Attr  bool // a literal attribute (PGAttr) rather than type or name
	Int   bool // an integer attribute
}

// props lists the properties a node has, in a stable order: its type, its
// name, then the graph's literal attributes.
func (g *PropertyGraph) props(n *PGNode) []nodeProp {
	var out []nodeProp
	if n.Type != "" {
		out = append(out, nodeProp{Key: "type", Value: n.Type})
	}
	if n.Name != "" {
		out = append(out, nodeProp{Key: "name", Value: n.Name})
	}
	for _, a := range g.Attrs {
		if v, ok := n.attrValue(a.Name); ok {
			out = append(out, nodeProp{Key: a.Name, Value: v, Attr: true, Int: a.Int})
		}
	}
	return out
}

// attrValue joins a node's values of attribute a with "; ".
func (n *PGNode) attrValue(a string) (string, bool) {
	vs, ok := n.Attrs[a]
	if !ok {
		return "", false
	}
	return strings.Join(vs, "; "), true
}
