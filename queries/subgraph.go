package queries

import (
	"context"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// Predicates the subgraph selection and path search treat specially.
const (
	rdfType    = quad.IRI("rdf:type")
	schemaName = quad.IRI("schema:name")
	dgDate     = quad.IRI("dg:date")
)

// isNode says whether v is a node of the graph (an IRI or a blank node)
// rather than a literal attribute value.
func isNode(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.BNode:
		return true
	}
	return false
}

// isLink says whether q links two nodes: its object is a node and its
// predicate is not <rdf:type> (classes are attributes, not neighbours, or
// every country would be two hops from every other).
func isLink(q quad.Quad) bool {
	return q.Predicate != rdfType && isNode(q.Object)
}

// isDescription says whether q describes its subject: its class, name or
// any literal attribute.
func isDescription(q quad.Quad) bool {
	return q.Predicate == rdfType || !isNode(q.Object)
}

// quadsAt returns the quads that have v in direction d.
func quadsAt(ctx context.Context, qs cgraph.QuadStore, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	ref, err := qs.ValueOf(v)
	if err != nil || ref == nil {
		return nil, err
	}
	it := qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	return out, ctx.Err()
}

// quadSet collects distinct quads.
type quadSet struct {
	seen map[quad.Quad]struct{}
	out  []quad.Quad
}

func newQuadSet() *quadSet { return &quadSet{seen: map[quad.Quad]struct{}{}} }

func (s *quadSet) add(qs ...quad.Quad) {
	for _, q := range qs {
		if _, ok := s.seen[q]; !ok {
			s.seen[q] = struct{}{}
			s.out = append(s.out, q)
		}
	}
}

// sorted returns the quads in the order of their N-Quads lines.
func (s *quadSet) sorted() []quad.Quad {
	s.out = schema.SortQuads(s.out, quad.Quad.NQuad)
	return s.out
}

// describe adds the describing quads of node (class, name, literals).
func (s *quadSet) describe(ctx context.Context, qs cgraph.QuadStore, node quad.Value) error {
	qq, err := quadsAt(ctx, qs, quad.Subject, node)
	if err != nil {
		return err
	}
	for _, q := range qq {
		if isDescription(q) {
			s.add(q)
		}
	}
	return nil
}

// Neighbourhood returns the subgraph within hops links of the seeds: every
// quad (with its label) of a node fewer than hops links away, in either
// direction, and the class, name and literal attributes of the nodes at
// exactly hops links. Links are quads between two nodes other than
// <rdf:type>. hops = 0 gives the seeds' own descriptions.
func Neighbourhood(ctx context.Context, qs cgraph.QuadStore, seeds []quad.Value, hops int) ([]quad.Quad, error) {
	if hops < 0 {
		return nil, fmt.Errorf("hops must be >= 0, not %d", hops)
	}
	set := newQuadSet()
	visited := map[quad.Value]bool{}
	var frontier []quad.Value
	for _, v := range seeds {
		if !visited[v] {
			visited[v] = true
			frontier = append(frontier, v)
		}
	}
	for depth := 0; depth < hops && len(frontier) > 0; depth++ {
		var next []quad.Value
		for _, n := range frontier {
			for _, d := range []quad.Direction{quad.Subject, quad.Object} {
				qq, err := quadsAt(ctx, qs, d, n)
				if err != nil {
					return nil, err
				}
				for _, q := range qq {
					set.add(q)
					if !isLink(q) {
						continue
					}
					other := q.Object
					if d == quad.Object {
						other = q.Subject
					}
					if !visited[other] {
						visited[other] = true
						next = append(next, other)
					}
				}
			}
		}
		frontier = next
	}
	for _, n := range frontier {
		if err := set.describe(ctx, qs, n); err != nil {
			return nil, err
		}
	}
	return set.sorted(), nil
}

// InducedSubgraph returns the quads among nodes: those from one node of
// the set to another, and the class, name and literal attributes of each.
func InducedSubgraph(ctx context.Context, qs cgraph.QuadStore, nodes []quad.Value) ([]quad.Quad, error) {
	in := make(map[quad.Value]bool, len(nodes))
	for _, n := range nodes {
		in[n] = true
	}
	set := newQuadSet()
	for n := range in {
		qq, err := quadsAt(ctx, qs, quad.Subject, n)
		if err != nil {
			return nil, err
		}
		for _, q := range qq {
			if isDescription(q) || in[q.Object] {
				set.add(q)
			}
		}
	}
	return set.sorted(), nil
}

// QuerySubgraph runs a query (lang "gizmo" when empty) under lim and
// returns the subgraph induced by the nodes it returns: every IRI among
// its results and their tags ("<country:PAK>" strings); and the query's
// result, whose Truncated says whether the row limit cut its rows.
func QuerySubgraph(ctx context.Context, qs cgraph.QuadStore, lang, text string, lim Limits) ([]quad.Quad, Result, error) {
	r, err := run(ctx, qs, lang, "", text, query.JSON, lim)
	if err != nil {
		return nil, r, err
	}
	res := r.Rows
	seen := map[quad.Value]bool{}
	var nodes []quad.Value
	var walk func(v interface{})
	walk = func(v interface{}) {
		switch v := v.(type) {
		case string:
			if len(v) > 2 && v[0] == '<' && v[len(v)-1] == '>' {
				n := quad.IRI(v[1 : len(v)-1])
				if !seen[n] {
					seen[n] = true
					nodes = append(nodes, n)
				}
			}
		case quad.IRI:
			walk(v.String())
		case map[string]interface{}:
			for _, x := range v {
				walk(x)
			}
		case []interface{}:
			for _, x := range v {
				walk(x)
			}
		case map[string]cgraph.Ref:
			for _, r := range v {
				if nv, err := qs.NameOf(r); err == nil && isNode(nv) && !seen[nv] {
					seen[nv] = true
					nodes = append(nodes, nv)
				}
			}
		}
	}
	for _, r := range res {
		walk(r)
	}
	qq, err := InducedSubgraph(ctx, qs, nodes)
	return qq, r, err
}

// ReportsSubgraph returns every quad labelled with one of reports (their
// IRIs, <report:ID>).
func ReportsSubgraph(ctx context.Context, qs cgraph.QuadStore, reports []quad.Value) ([]quad.Quad, error) {
	set := newQuadSet()
	for _, r := range reports {
		qq, err := quadsAt(ctx, qs, quad.Label, r)
		if err != nil {
			return nil, err
		}
		if len(qq) == 0 {
			return nil, fmt.Errorf("no quads are labelled %v", r)
		}
		set.add(qq...)
	}
	return set.sorted(), nil
}

// DateRangeSubgraph returns the events whose <dg:date> lies wholly within
// [from, to] (ISO dates as precise as wanted; "" leaves that end open; a
// date of "2024" lies within 2024-01-01..2024-12-31 but not within
// 2024-03..2024-12) with every quad of each event and the descriptions of
// their neighbours: the one-hop neighbourhood of those events.
func DateRangeSubgraph(ctx context.Context, qs cgraph.QuadStore, from, to string) ([]quad.Quad, error) {
	for _, d := range []string{from, to} {
		if d != "" && !reDate.MatchString(d) {
			return nil, fmt.Errorf("%q is not an ISO date (2024, 2024-05 or 2024-05-14)", d)
		}
	}
	qq, err := quadsAt(ctx, qs, quad.Predicate, dgDate)
	if err != nil {
		return nil, err
	}
	seen := map[quad.Value]bool{}
	var events []quad.Value
	for _, q := range qq {
		d, ok := q.Object.(quad.String)
		if !ok || !DateWithin(string(d), from, to) || seen[q.Subject] {
			continue
		}
		seen[q.Subject] = true
		events = append(events, q.Subject)
	}
	return Neighbourhood(ctx, qs, events, 1)
}

// DateWithin says whether the ISO date d, as precise as "2024" or
// "2024-05", lies wholly within [from, to]; an empty bound is open.
func DateWithin(d, from, to string) bool {
	if d == "" {
		return false
	}
	if from != "" && dateStart(d) < dateStart(from) {
		return false
	}
	if to != "" && dateEnd(d) > dateEnd(to) {
		return false
	}
	return true
}

func dateStart(d string) string {
	switch len(d) {
	case 4:
		return d + "-01-01"
	case 7:
		return d + "-01"
	}
	if len(d) > 10 {
		return d[:10]
	}
	return d
}

func dateEnd(d string) string {
	switch len(d) {
	case 4:
		return d + "-12-31"
	case 7:
		return d + "-31"
	}
	if len(d) > 10 {
		return d[:10]
	}
	return d
}

// ParseNode reads a node given on a command line or in a URL:
// "<country:PAK>" or "country:PAK" is an IRI, "_:b1" a blank node.
func ParseNode(s string) (quad.Value, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "_:") && len(s) > 2 {
		return quad.BNode(s[2:]), nil
	}
	v, err := normParam(ParamIRI, s)
	if err != nil {
		return nil, err
	}
	return quad.IRI(v[1 : len(v)-1]), nil
}
