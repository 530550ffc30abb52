package queries

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Defaults for PathOptions.
const (
	DefaultPathMaxLength = 4
	DefaultPathMaxPaths  = 100
	// MaxPathLength bounds PathOptions.MaxLength: longer searches visit
	// most of any real graph.
	MaxPathLength = 8
)

// PathOptions bound a shortest-path search.
type PathOptions struct {
	// MaxLength is the most hops a path may have (<= 0: DefaultPathMaxLength;
	// at most MaxPathLength).
	MaxLength int
	// MaxPaths is the most paths returned (<= 0: DefaultPathMaxPaths).
	MaxPaths int
	// Predicates, when not empty, are the only predicates a hop may
	// follow. Without it every link but <rdf:type> is followed.
	Predicates []quad.Value
}

// Hop is one step of a path: the link From -Predicate-> To in the graph,
// walked forward ("out": From is the subject) or backward ("in": From is
// the object).
type Hop struct {
	From      string `json:"from"`
	Predicate string `json:"predicate"`
	To        string `json:"to"`
	// Direction is "out" when the quad is <From> <Predicate> <To>, "in"
	// when it is <To> <Predicate> <From>.
	Direction string `json:"direction"`
	// Labels are the reports asserting the link, sorted.
	Labels []string `json:"labels"`
}

// Path is a sequence of hops from the source to the target. Nodes are
// written as in Gizmo results: "<country:PAK>".
type Path struct {
	Length int   `json:"length"`
	Hops   []Hop `json:"hops"`
}

// PathResult is the answer of ShortestPaths.
type PathResult struct {
	From string `json:"from"`
	To   string `json:"to"`
	// Length is the length of the shortest paths, -1 when none exists
	// within MaxLength.
	Length int `json:"length"`
	// Paths are every shortest path, up to MaxPaths, in a stable order.
	Paths []Path `json:"paths"`
	// Truncated is true when more than MaxPaths shortest paths exist.
	Truncated bool `json:"truncated"`
}

// link is a hop as the search stores it: from the node expanded to the
// node reached.
type link struct {
	from, to quad.Value
	pred     quad.Value
	out      bool // the quad is from -pred-> to
	labels   []string
}

// side is one direction of the bidirectional search.
type side struct {
	dist    map[quad.Value]int
	parents map[quad.Value][]*link // links into the node from the previous layer
	front   []quad.Value
	depth   int
}

func newSide(start quad.Value) *side {
	return &side{dist: map[quad.Value]int{start: 0}, parents: map[quad.Value][]*link{}, front: []quad.Value{start}}
}

// ErrNoNode is returned by ShortestPaths for an end that is not in the graph.
var ErrNoNode = errors.New("node not in the graph")

// ShortestPaths returns every shortest path (up to opt.MaxPaths) between
// from and to, at most opt.MaxLength hops long, treating links as
// undirected and recording each hop's predicate, direction and reports.
// Literals are never crossed, nor <rdf:type> links (unless asked for in
// opt.Predicates). It runs a bidirectional breadth-first search over the
// store's subject and object indexes, expanding the smaller frontier one
// whole layer at a time, so that every shortest path is found.
func ShortestPaths(ctx context.Context, qs cgraph.QuadStore, from, to quad.Value, opt PathOptions) (*PathResult, error) {
	if opt.MaxLength <= 0 {
		opt.MaxLength = DefaultPathMaxLength
	}
	if opt.MaxLength > MaxPathLength {
		return nil, fmt.Errorf("path length %d is more than %d", opt.MaxLength, MaxPathLength)
	}
	if opt.MaxPaths <= 0 {
		opt.MaxPaths = DefaultPathMaxPaths
	}
	for _, v := range []quad.Value{from, to} {
		if ref, err := qs.ValueOf(v); err != nil {
			return nil, err
		} else if ref == nil {
			return nil, fmt.Errorf("%w: %v", ErrNoNode, v)
		}
	}
	res := &PathResult{From: from.String(), To: to.String(), Length: -1, Paths: []Path{}}
	if from == to {
		res.Length = 0
		res.Paths = []Path{{Length: 0, Hops: []Hop{}}}
		return res, nil
	}
	var allow map[quad.Value]bool
	if len(opt.Predicates) > 0 {
		allow = map[quad.Value]bool{}
		for _, p := range opt.Predicates {
			allow[p] = true
		}
	}
	s, t := newSide(from), newSide(to)
	for s.depth+t.depth < opt.MaxLength && len(s.front) > 0 && len(t.front) > 0 {
		a, b := s, t
		if len(t.front) < len(s.front) {
			a, b = t, s
		}
		meet, err := expand(ctx, qs, a, b, allow)
		if err != nil {
			return nil, err
		}
		if len(meet) == 0 {
			continue
		}
		// The shortest length is the smallest dist sum over the meeting
		// nodes; every shortest path crosses exactly one meeting node at
		// that sum, at distance a.depth from a's start.
		best := -1
		for _, m := range meet {
			if l := a.depth + b.dist[m]; best < 0 || l < best {
				best = l
			}
		}
		res.Length = best
		sort.Slice(meet, func(i, j int) bool { return meet[i].String() < meet[j].String() })
		for _, m := range meet {
			if a.depth+b.dist[m] != best {
				continue
			}
			fromS, cutS := walks(s, m, opt.MaxPaths)
			fromT, cutT := walks(t, m, opt.MaxPaths)
			res.Truncated = res.Truncated || cutS || cutT
		collect:
			for _, ps := range fromS {
				for _, pt := range fromT {
					if len(res.Paths) == opt.MaxPaths {
						res.Truncated = true
						break collect
					}
					res.Paths = append(res.Paths, makePath(ps, pt))
				}
			}
		}
		sort.SliceStable(res.Paths, func(i, j int) bool { return pathKey(res.Paths[i]) < pathKey(res.Paths[j]) })
		return res, nil
	}
	return res, nil
}

// expand visits the next layer of a and returns the newly reached nodes
// that b has already reached.
func expand(ctx context.Context, qs cgraph.QuadStore, a, b *side, allow map[quad.Value]bool) ([]quad.Value, error) {
	a.depth++
	var next, meet []quad.Value
	for _, n := range a.front {
		links := map[[2]quad.Value]map[bool]*link{}
		var order []*link
		for _, d := range []quad.Direction{quad.Subject, quad.Object} {
			qq, err := quadsAt(ctx, qs, d, n)
			if err != nil {
				return nil, err
			}
			for _, q := range qq {
				if !isNode(q.Object) || !isNode(q.Subject) {
					continue
				}
				if allow != nil {
					if !allow[q.Predicate] {
						continue
					}
				} else if q.Predicate == rdfType {
					continue
				}
				out := d == quad.Subject
				other := q.Object
				if !out {
					other = q.Subject
				}
				if other == n {
					continue // a self-loop shortens nothing
				}
				if da, seen := a.dist[other]; seen && da < a.depth {
					continue
				}
				k := [2]quad.Value{other, q.Predicate}
				if links[k] == nil {
					links[k] = map[bool]*link{}
				}
				l := links[k][out]
				if l == nil {
					l = &link{from: n, to: other, pred: q.Predicate, out: out}
					links[k][out] = l
					order = append(order, l)
				}
				if q.Label != nil {
					l.labels = appendUnique(l.labels, valueLabel(q.Label))
				}
			}
		}
		for _, l := range order {
			if _, seen := a.dist[l.to]; !seen {
				a.dist[l.to] = a.depth
				next = append(next, l.to)
				if _, met := b.dist[l.to]; met {
					meet = append(meet, l.to)
				}
			}
			sort.Strings(l.labels)
			a.parents[l.to] = append(a.parents[l.to], l)
		}
	}
	a.front = next
	return meet, nil
}

func appendUnique(l []string, s string) []string {
	for _, x := range l {
		if x == s {
			return l
		}
	}
	return append(l, s)
}

// walks returns the shortest walks (at most max) from the side's start
// to m, as links in the order the side reached them (start first), and
// whether there were more.
func walks(sd *side, m quad.Value, max int) ([][]*link, bool) {
	if sd.dist[m] == 0 {
		return [][]*link{nil}, false
	}
	var out [][]*link
	cut := false
	for _, l := range sd.parents[m] {
		ws, c := walks(sd, l.from, max)
		cut = cut || c
		for _, w := range ws {
			if len(out) == max {
				return out, true
			}
			out = append(out, append(append([]*link(nil), w...), l))
		}
	}
	return out, cut
}

// makePath joins a walk from the source to a meeting node with a walk
// from the target to it, turned around.
func makePath(fromS, fromT []*link) Path {
	p := Path{Hops: make([]Hop, 0, len(fromS)+len(fromT))}
	for _, l := range fromS {
		p.Hops = append(p.Hops, hop(l.from, l.to, l.pred, l.out, l.labels))
	}
	for i := len(fromT) - 1; i >= 0; i-- {
		l := fromT[i]
		p.Hops = append(p.Hops, hop(l.to, l.from, l.pred, !l.out, l.labels))
	}
	p.Length = len(p.Hops)
	return p
}

func hop(from, to, pred quad.Value, out bool, labels []string) Hop {
	h := Hop{From: from.String(), To: to.String(), Predicate: pred.String(), Direction: "in", Labels: labels}
	if out {
		h.Direction = "out"
	}
	if h.Labels == nil {
		h.Labels = []string{}
	}
	return h
}

func pathKey(p Path) string {
	k := ""
	for _, h := range p.Hops {
		k += h.From + " " + h.Predicate + " " + h.Direction + " " + h.To + "|"
	}
	return k
}

// ParsePathQuery reads a path search from URL parameters, for the HTTP
// API (GET /api/paths?from=<country:PAK>&to=<country:CHN>&max_length=4&max_paths=100&predicate=<dg:co_chaired>):
// from and to are required nodes, predicate may repeat. Pass the results
// to ShortestPaths and write its *PathResult as JSON.
func ParsePathQuery(v url.Values) (from, to quad.Value, opt PathOptions, err error) {
	if v.Get("from") == "" || v.Get("to") == "" {
		return nil, nil, opt, errors.New("paths: from and to are required")
	}
	if from, err = ParseNode(v.Get("from")); err != nil {
		return nil, nil, opt, fmt.Errorf("paths: from: %w", err)
	}
	if to, err = ParseNode(v.Get("to")); err != nil {
		return nil, nil, opt, fmt.Errorf("paths: to: %w", err)
	}
	for _, k := range []struct {
		name string
		dst  *int
	}{{"max_length", &opt.MaxLength}, {"max_paths", &opt.MaxPaths}} {
		if s := v.Get(k.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				return nil, nil, opt, fmt.Errorf("paths: %s: %q is not a count", k.name, s)
			}
			*k.dst = n
		}
	}
	for _, p := range v["predicate"] {
		pv, err := ParseNode(p)
		if err != nil {
			return nil, nil, opt, fmt.Errorf("paths: predicate: %w", err)
		}
		opt.Predicates = append(opt.Predicates, pv)
	}
	return from, to, opt, nil
}
