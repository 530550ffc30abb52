package queries

import (
	"context"
	"reflect"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// maxNames bounds the values one query remembers (about 100 bytes each).
const maxNames = 1 << 20

// namedStore is the quad store one query runs on: it remembers the value
// of every node it has named, so that a node met many times in one query
// (a country in a thousand events) is read from the store once. Gizmo
// names every node of every result it converts, one store transaction
// each; on a bolt store at 100,000 reports that was half of the time of
// the saved queries that return many rows. A node's value never changes
// under its reference, and the memory lives only as long as the query.
type namedStore struct {
	cgraph.QuadStore
	mu    sync.Mutex
	names map[cgraph.Ref]quad.Value
}

// withNames wraps qs for one query.
func withNames(qs cgraph.QuadStore) *namedStore {
	return &namedStore{QuadStore: qs, names: make(map[cgraph.Ref]quad.Value)}
}

// cacheable says whether r can be a map key: kv stores use integers and
// the SQL store hashes, both comparable; prefetched values carry their own.
func cacheable(r cgraph.Ref) bool {
	if r == nil {
		return false
	}
	if _, ok := r.(refs.PreFetchedValue); ok {
		return false
	}
	return reflect.TypeOf(r).Comparable()
}

func (s *namedStore) lookup(r cgraph.Ref) (quad.Value, bool) {
	if !cacheable(r) {
		return nil, false
	}
	s.mu.Lock()
	v, ok := s.names[r]
	s.mu.Unlock()
	return v, ok
}

func (s *namedStore) remember(r cgraph.Ref, v quad.Value) {
	if v == nil || !cacheable(r) {
		return
	}
	s.mu.Lock()
	if len(s.names) < maxNames {
		s.names[r] = v
	}
	s.mu.Unlock()
}

// NameOf is the store's NameOf, remembered.
func (s *namedStore) NameOf(r cgraph.Ref) (quad.Value, error) {
	if v, ok := s.lookup(r); ok {
		return v, nil
	}
	v, err := s.QuadStore.NameOf(r)
	if err == nil {
		s.remember(r, v)
	}
	return v, err
}

// ValuesOf names many nodes, asking the store only for the ones not yet named.
func (s *namedStore) ValuesOf(ctx context.Context, rs []cgraph.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(rs))
	var miss []cgraph.Ref
	var at []int
	for i, r := range rs {
		if v, ok := s.lookup(r); ok {
			out[i] = v
			continue
		}
		miss = append(miss, r)
		at = append(at, i)
	}
	if len(miss) == 0 {
		return out, nil
	}
	vs, err := refs.ValuesOf(ctx, s.QuadStore, miss)
	for j, v := range vs {
		out[at[j]] = v
		if err == nil {
			s.remember(miss[j], v)
		}
	}
	return out, err
}

// OptimizeShape lets the store plan the query as it would unwrapped. A
// shape the store rewrote (the kv stores turn quad lookups into scans of
// their own indexes) is bound to the store itself, since it builds its
// iterators only on its own type.
func (s *namedStore) OptimizeShape(ctx context.Context, sh shape.Shape) (shape.Shape, bool) {
	o, ok := s.QuadStore.(shape.Optimizer)
	if !ok {
		return sh, false
	}
	out, changed := o.OptimizeShape(ctx, sh)
	if !changed {
		return sh, false
	}
	return bound{Shape: out, qs: s.QuadStore}, true
}

// bound is a shape that builds its iterators on the store that planned it.
type bound struct {
	shape.Shape
	qs cgraph.QuadStore
}

// BuildIterator builds on the planning store, whichever store is passed.
func (b bound) BuildIterator(cgraph.QuadStore) iterator.Shape { return b.Shape.BuildIterator(b.qs) }

// Optimize keeps the store's plan.
func (b bound) Optimize(context.Context, shape.Optimizer) (shape.Shape, bool) { return b, false }
