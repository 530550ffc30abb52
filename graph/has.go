package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// HasQuads reports for each quad whether the store holds it exactly
// (label included). It looks quads up by their object, so it is quick for
// quads whose object is rare, such as a report's digest. It may run while
// another goroutine writes.
func (s *Store) HasQuads(ctx context.Context, qs []quad.Quad) ([]bool, error) {
	out := make([]bool, len(qs))
	if len(qs) == 0 {
		return out, nil
	}
	if s.db != nil {
		return s.sqlHasQuads(ctx, qs)
	}
	if s.backend == "memstore" { // memstore's maps are not safe for a read during a write
		s.mu.RLock()
		defer s.mu.RUnlock()
	}
	for i, q := range qs {
		ref, err := s.qs.ValueOf(q.Object)
		if err != nil {
			return nil, err
		}
		if ref == nil {
			continue
		}
		// collect the candidates first and close the iterator: reading a
		// quad while the iterator holds its read transaction would nest
		// transactions, which can wait for a writer for ever on bolt
		it := s.qs.QuadIterator(quad.Object, ref).Iterate()
		var found []cgraph.Ref
		for it.Next(ctx) {
			found = append(found, it.Result())
		}
		err = it.Err()
		it.Close()
		if err != nil {
			return nil, err
		}
		for _, r := range found {
			got, err := s.qs.Quad(r)
			if err != nil {
				return nil, err
			}
			if got == q {
				out[i] = true
				break
			}
		}
	}
	// a re-ingest looks up every report: its reads map pages as writes do
	if s.mapped != nil {
		if err := releaseMapped(s.mapped); err != nil {
			return nil, fmt.Errorf("release mapped pages: %w", err)
		}
	}
	return out, nil
}

// sqlHasQuads looks the quads up by all four hashes at once, through the
// unique indexes (which a bulk load keeps). pq sends a nil element of a
// bytea array as an empty value: an empty label hash means no label.
func (s *Store) sqlHasQuads(ctx context.Context, qs []quad.Quad) ([]bool, error) {
	want := map[refs.QuadHash]int{}
	var cols [4]pq.ByteaArray
	for i, q := range qs {
		qh := quadHash(q)
		if _, ok := want[qh]; ok {
			continue
		}
		want[qh] = i
		for k, d := range quad.Directions {
			h := qh.Get(d)
			if h.Valid() {
				cols[k] = append(cols[k], append([]byte(nil), h[:]...))
			} else {
				cols[k] = append(cols[k], nil)
			}
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash
FROM unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) AS x(s, p, o, l)
JOIN quads q ON q.subject_hash = x.s AND q.predicate_hash = x.p AND q.object_hash = x.o
WHERE x.l <> ''::bytea AND q.label_hash IS NOT NULL AND q.label_hash = x.l
UNION ALL
SELECT q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash
FROM unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) AS x(s, p, o, l)
JOIN quads q ON q.subject_hash = x.s AND q.predicate_hash = x.p AND q.object_hash = x.o
WHERE x.l = ''::bytea AND q.label_hash IS NULL`, cols[0], cols[1], cols[2], cols[3])
	if err != nil {
		return nil, fmt.Errorf("look up quads: %w", err)
	}
	defer rows.Close()
	out := make([]bool, len(qs))
	for rows.Next() {
		var sh, ph, oh, lh csql.NodeHash
		if err := rows.Scan(&sh, &ph, &oh, &lh); err != nil {
			return nil, err
		}
		var qh refs.QuadHash
		qh.Set(quad.Subject, sh.ValueHash)
		qh.Set(quad.Predicate, ph.ValueHash)
		qh.Set(quad.Object, oh.ValueHash)
		qh.Set(quad.Label, lh.ValueHash)
		if i, ok := want[qh]; ok {
			out[i] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// a quad given twice
	for i, q := range qs {
		if j := want[quadHash(q)]; j != i && out[j] {
			out[i] = true
		}
	}
	return out, nil
}
