package graph

import (
	"context"
	"database/sql"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// The bulk path of the postgres backend. Cayley's SQL writer sends one
// INSERT per node and per quad (about 3,000 quads/s). Here a batch's nodes
// and quads are copied (COPY) into temporary tables and moved into
// Cayley's own tables with INSERT ... SELECT ... ON CONFLICT DO NOTHING,
// deletes likewise, all in one transaction, keeping what Cayley's
// QuadStore reads and relies on: node rows keyed by the value's hash with
// the value in the column of its type (csql.NodeValues), quads keyed by
// the four hashes, nodes' refs counting the quad positions that use them,
// nodes without references removed.

// pgTempTables creates the session's staging tables; their rows go at the
// end of each transaction.
const pgTempTables = `
CREATE TEMP TABLE IF NOT EXISTS dg_in_nodes (
	hash BYTEA, refs INT, value BYTEA, value_string TEXT, datatype TEXT, language TEXT, iri BOOLEAN, bnode BOOLEAN,
	value_int BIGINT, value_bool BOOLEAN, value_float DOUBLE PRECISION, value_time TIMESTAMP WITH TIME ZONE
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS dg_in_quads (s BYTEA, p BYTEA, o BYTEA, l BYTEA) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS dg_del_quads (s BYTEA, p BYTEA, o BYTEA, l BYTEA) ON COMMIT DELETE ROWS;
`

// refCounts counts, per node, the quad positions of the rows of CTE "q".
const refCounts = `c AS (SELECT h, COUNT(*) AS n FROM (
	SELECT subject_hash AS h FROM q UNION ALL SELECT predicate_hash FROM q UNION ALL
	SELECT object_hash FROM q UNION ALL SELECT label_hash FROM q WHERE label_hash IS NOT NULL) z GROUP BY h)`

// pgDeleted and pgDeletedUnlabelled are CTEs "q" that remove the quads
// of dg_del_quads, looked up through the unique indexes (spol_unique for
// labelled quads, spo_unique for the others), which a bulk load keeps.
const (
	pgDeleted = `WITH q AS (DELETE FROM quads USING dg_del_quads x
	WHERE quads.subject_hash = x.s AND quads.predicate_hash = x.p AND quads.object_hash = x.o
	AND quads.label_hash = x.l AND quads.label_hash IS NOT NULL
	RETURNING quads.subject_hash, quads.predicate_hash, quads.object_hash, quads.label_hash), `
	pgDeletedUnlabelled = `WITH q AS (DELETE FROM quads USING dg_del_quads x
	WHERE quads.subject_hash = x.s AND quads.predicate_hash = x.p AND quads.object_hash = x.o
	AND x.l IS NULL AND quads.label_hash IS NULL
	RETURNING quads.subject_hash, quads.predicate_hash, quads.object_hash, quads.label_hash), `
	// pgInserted is a CTE "q" that adds the quads of dg_in_quads, in key
	// order (two batches adding the same quads wait instead of deadlocking).
	pgInserted = `WITH q AS (INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
	SELECT s, p, o, l, now() FROM dg_in_quads ORDER BY s, p, o, l ON CONFLICT DO NOTHING
	RETURNING subject_hash, predicate_hash, object_hash, label_hash), `
	pgRefsDown = `
UPDATE nodes SET refs = nodes.refs - c.n FROM c WHERE nodes.hash = c.h`
	pgRefsUp = `
UPDATE nodes SET refs = nodes.refs + c.n FROM c WHERE nodes.hash = c.h`
	pgRefsOut = `
SELECT h, n FROM c`

	// Nodes are inserted, and their rows locked before their references
	// are counted, in hash order: two batches written at once then wait
	// for each other instead of deadlocking. A bulk load inserts them with
	// the references its batch makes (dg_in_nodes.refs) and returns the
	// new ones' hashes.
	pgInsertNodes = `INSERT INTO nodes (hash, refs, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time)
SELECT hash, %s, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time FROM dg_in_nodes
ORDER BY hash ON CONFLICT (hash) DO NOTHING`
	pgLockNodes = `SELECT 1 FROM nodes WHERE hash IN (SELECT s FROM dg_in_quads UNION SELECT p FROM dg_in_quads
	UNION SELECT o FROM dg_in_quads UNION SELECT l FROM dg_in_quads) ORDER BY hash FOR UPDATE`
	// pgDropUnused removes the nodes a delete left without references,
	// unless a bulk load, whose reference counts are settled only at its
	// end, is running: its lock is taken exclusively, and shared here.
	pgMayDropNodes = `SELECT pg_try_advisory_xact_lock_shared(` + pgLoadLock + `)`
	pgDropUnused   = `DELETE FROM nodes USING (SELECT s AS h FROM dg_del_quads UNION SELECT p FROM dg_del_quads
	UNION SELECT o FROM dg_del_quads UNION SELECT l FROM dg_del_quads) t
WHERE nodes.hash = t.h AND nodes.refs <= 0`
)

// bulk reports whether the store writes through the bulk path.
func (s *Store) bulk() bool { return s.db != nil && s.backend == "postgres" }

// ParallelWrites is how many batches of reports the store takes at once
// (ReplaceReports from several goroutines): two on the PostgreSQL bulk
// path, whose single server session was the critical path of an ingest,
// one elsewhere (bolt has a single writer).
func (s *Store) ParallelWrites() int {
	if s.bulk() {
		return 2
	}
	return 1
}

// nodeColumns are the value columns of dg_in_nodes, in COPY order after hash.
var nodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode", "value_int", "value_bool", "value_float", "value_time"}

var nodeColumnIndex = func() map[string]int {
	m := map[string]int{}
	for i, c := range nodeColumns {
		m[c] = i + 1
	}
	return m
}()

func hashBytes(h refs.ValueHash) interface{} {
	if !h.Valid() {
		return nil
	}
	return append([]byte(nil), h[:]...)
}

// pgApply adds the quads add (already present ones are skipped) and
// removes the quads del, given by their hashes, in one transaction.
func (s *Store) pgApply(ctx context.Context, add []quad.Quad, del []refs.QuadHash) error {
	if len(add) == 0 && len(del) == 0 {
		return nil
	}
	// Batches that only add may be written at once (ParallelWrites); one
	// that deletes goes alone: it removes nodes left without references,
	// which another batch could be about to use, and during a bulk load no
	// foreign key would stop that.
	if len(del) > 0 {
		s.pgWrite.Lock()
		defer s.pgWrite.Unlock()
	} else {
		s.pgWrite.RLock()
		defer s.pgWrite.RUnlock()
	}
	// During a bulk load that has dropped the indexes, node rows are only
	// inserted: the references a batch adds to or removes from nodes
	// already stored are collected (deltas) and settled when it ends.
	load, err := s.deferringLoad(ctx, len(add) > 0)
	if err != nil {
		return err
	}
	var deltas map[refs.ValueHash]int64
	if load != nil {
		deltas = map[refs.ValueHash]int64{}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, pgTempTables); err != nil {
		return fmt.Errorf("staging tables: %w", err)
	}
	if len(del) > 0 {
		err := copyRows(ctx, tx, "dg_del_quads", []string{"s", "p", "o", "l"}, len(del), func(i int) []interface{} {
			q := del[i]
			return []interface{}{hashBytes(q.Get(quad.Subject)), hashBytes(q.Get(quad.Predicate)), hashBytes(q.Get(quad.Object)), hashBytes(q.Get(quad.Label))}
		})
		if err != nil {
			return err
		}
		for _, d := range []string{pgDeleted, pgDeletedUnlabelled} {
			if load == nil {
				_, err = tx.ExecContext(ctx, d+refCounts+pgRefsDown)
			} else {
				err = countRefs(ctx, tx, d+refCounts+pgRefsOut, nil, -1, deltas)
			}
			if err != nil {
				return fmt.Errorf("delete quads: %w", err)
			}
		}
	}
	if len(add) > 0 {
		nodes, quads, err := stagedRows(add)
		if err != nil {
			return err
		}
		if err := copyRows(ctx, tx, "dg_in_nodes", append([]string{"hash", "refs"}, nodeColumns...), len(nodes), func(i int) []interface{} { return nodes[i] }); err != nil {
			return err
		}
		if err := copyRows(ctx, tx, "dg_in_quads", []string{"s", "p", "o", "l"}, len(quads), func(i int) []interface{} { return quads[i] }); err != nil {
			return err
		}
		if load == nil {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(pgInsertNodes, "0")); err != nil {
				return fmt.Errorf("insert nodes: %w", err)
			}
			if _, err := tx.ExecContext(ctx, pgLockNodes); err != nil {
				return fmt.Errorf("lock nodes: %w", err)
			}
			if _, err := tx.ExecContext(ctx, pgInserted+refCounts+pgRefsUp); err != nil {
				return fmt.Errorf("insert quads: %w", err)
			}
		} else {
			// a node this batch inserts is used by no stored quad: its
			// count is the batch's; the others' go to the deltas
			fresh := map[refs.ValueHash]bool{}
			rows, err := tx.QueryContext(ctx, fmt.Sprintf(pgInsertNodes, "refs")+` RETURNING hash`)
			if err != nil {
				return fmt.Errorf("insert nodes: %w", err)
			}
			for rows.Next() {
				var h csql.NodeHash
				if err := rows.Scan(&h); err != nil {
					rows.Close()
					return fmt.Errorf("insert nodes: %w", err)
				}
				fresh[h.ValueHash] = true
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("insert nodes: %w", err)
			}
			if err := countRefs(ctx, tx, pgInserted+refCounts+pgRefsOut, fresh, 1, deltas); err != nil {
				return fmt.Errorf("insert quads: %w", err)
			}
		}
	}
	if len(del) > 0 && load == nil {
		var may bool
		if err := tx.QueryRowContext(ctx, pgMayDropNodes).Scan(&may); err != nil {
			return fmt.Errorf("remove unused nodes: %w", err)
		}
		if may {
			if _, err := tx.ExecContext(ctx, pgDropUnused); err != nil {
				return fmt.Errorf("remove unused nodes: %w", err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if load != nil {
		load.addDeltas(deltas)
	}
	// Cayley's QuadStore caches its quad and node counts until its own next
	// write; an empty write clears them. (Its other cache maps node hashes
	// to values, which never go stale.)
	return s.qs.ApplyDeltas(nil, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
}

// stagedRows are the rows of dg_in_nodes and dg_in_quads for add, each
// node and quad once; a node's refs counts its positions in those quads.
func stagedRows(add []quad.Quad) (nodes, quads [][]interface{}, err error) {
	nodeRow := map[refs.ValueHash]int{}
	seenQuad := map[refs.QuadHash]bool{}
	for _, q := range add {
		var qh refs.QuadHash
		for _, d := range quad.Directions {
			if v := q.Get(d); v != nil {
				qh.Set(d, refs.HashOf(v))
			}
		}
		if seenQuad[qh] {
			continue
		}
		seenQuad[qh] = true
		for _, d := range quad.Directions {
			v := q.Get(d)
			if v == nil {
				continue
			}
			h := qh.Get(d)
			if i, ok := nodeRow[h]; ok {
				nodes[i][1] = nodes[i][1].(int64) + 1
				continue
			}
			typ, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: h}, v)
			if err != nil {
				return nil, nil, fmt.Errorf("value %v: %w", v, err)
			}
			row := make([]interface{}, 2+len(nodeColumns))
			row[0], row[1] = vals[0], int64(1)
			for k, col := range typ.Columns() {
				row[1+nodeColumnIndex[col]] = vals[1+k]
			}
			nodeRow[h] = len(nodes)
			nodes = append(nodes, row)
		}
		quads = append(quads, []interface{}{hashBytes(qh.Get(quad.Subject)), hashBytes(qh.Get(quad.Predicate)),
			hashBytes(qh.Get(quad.Object)), hashBytes(qh.Get(quad.Label))})
	}
	return nodes, quads, nil
}

// countRefs runs query, which returns (node hash, count) rows, and adds
// sign times each count to deltas, leaving out the nodes in skip.
func countRefs(ctx context.Context, tx *sql.Tx, query string, skip map[refs.ValueHash]bool, sign int64, deltas map[refs.ValueHash]int64) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			h csql.NodeHash
			n int64
		)
		if err := rows.Scan(&h, &n); err != nil {
			return err
		}
		if !skip[h.ValueHash] {
			deltas[h.ValueHash] += sign * n
		}
	}
	return rows.Err()
}

// copyRows copies n rows into a table with COPY.
func copyRows(ctx context.Context, tx *sql.Tx, table string, cols []string, n int, row func(int) []interface{}) error {
	if n == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, cols...))
	if err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	for i := 0; i < n; i++ {
		if _, err := stmt.ExecContext(ctx, row(i)...); err != nil {
			stmt.Close()
			return fmt.Errorf("copy into %s: %w", table, err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	return stmt.Close()
}

// pgReplaceReports is ReplaceReports on the bulk path: the stored digests
// and quads of the batch's reports are read by hash in two queries, and
// the difference is written by pgApply.
func (s *Store) pgReplaceReports(ctx context.Context, reports []ReportQuads) ([]ReplaceResult, error) {
	res := make([]ReplaceResult, len(reports))
	labels := make([][]byte, 0, len(reports))
	byLabel := map[refs.ValueHash]bool{}
	digests := map[refs.QuadHash]bool{}
	for _, r := range reports {
		h := refs.HashOf(r.Label)
		if !byLabel[h] {
			byLabel[h] = true
			labels = append(labels, append([]byte(nil), h[:]...))
		}
		if d, ok := digestQuad(r.Quads); ok {
			digests[quadHash(d)] = true
		}
	}
	// reports whose digest quad is stored are unchanged
	stored := map[refs.QuadHash]bool{}
	if len(digests) > 0 {
		dp := refs.HashOf(DigestPredicate)
		rows, err := s.db.QueryContext(ctx, `SELECT subject_hash, object_hash, label_hash FROM quads WHERE predicate_hash = $1 AND label_hash = ANY($2)`,
			dp[:], pq.ByteaArray(labels))
		if err != nil {
			return nil, fmt.Errorf("read digests: %w", err)
		}
		for rows.Next() {
			var sh, oh, lh csql.NodeHash
			if err := rows.Scan(&sh, &oh, &lh); err != nil {
				rows.Close()
				return nil, err
			}
			var qh refs.QuadHash
			qh.Set(quad.Subject, sh.ValueHash)
			qh.Set(quad.Predicate, dp)
			qh.Set(quad.Object, oh.ValueHash)
			qh.Set(quad.Label, lh.ValueHash)
			if digests[qh] {
				stored[qh] = true
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	var changed [][]byte
	for i, r := range reports {
		if d, ok := digestQuad(r.Quads); ok && stored[quadHash(d)] {
			res[i].Unchanged = true
			continue
		}
		h := refs.HashOf(r.Label)
		changed = append(changed, append([]byte(nil), h[:]...))
	}
	old := map[refs.ValueHash][]refs.QuadHash{}
	if len(changed) > 0 {
		rows, err := s.db.QueryContext(ctx, `SELECT subject_hash, predicate_hash, object_hash, label_hash FROM quads WHERE label_hash = ANY($1)`,
			pq.ByteaArray(changed))
		if err != nil {
			return nil, fmt.Errorf("read stored quads: %w", err)
		}
		for rows.Next() {
			var sh, ph, oh, lh csql.NodeHash
			if err := rows.Scan(&sh, &ph, &oh, &lh); err != nil {
				rows.Close()
				return nil, err
			}
			var qh refs.QuadHash
			qh.Set(quad.Subject, sh.ValueHash)
			qh.Set(quad.Predicate, ph.ValueHash)
			qh.Set(quad.Object, oh.ValueHash)
			qh.Set(quad.Label, lh.ValueHash)
			old[lh.ValueHash] = append(old[lh.ValueHash], qh)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	var (
		add  []quad.Quad
		del  []refs.QuadHash
		done = map[refs.ValueHash]bool{}
	)
	for i, r := range reports {
		if res[i].Unchanged {
			continue
		}
		lh := refs.HashOf(r.Label)
		want := make(map[refs.QuadHash]bool, len(r.Quads))
		for _, q := range r.Quads {
			want[quadHash(q)] = true
		}
		if !done[lh] { // a label twice in one batch: its stored quads count once
			done[lh] = true
			for _, qh := range old[lh] {
				if want[qh] {
					delete(want, qh)
					continue
				}
				del = append(del, qh)
				res[i].Removed++
			}
		}
		for _, q := range r.Quads {
			if qh := quadHash(q); want[qh] {
				delete(want, qh)
				add = append(add, q)
				res[i].Added++
			}
		}
		if res[i].Added == 0 && res[i].Removed == 0 {
			res[i].Unchanged = true
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := s.pgApply(ctx, add, del); err != nil {
		return nil, err
	}
	return res, nil
}

func quadHash(q quad.Quad) refs.QuadHash {
	var qh refs.QuadHash
	for _, d := range quad.Directions {
		if v := q.Get(d); v != nil {
			qh.Set(d, refs.HashOf(v))
		}
	}
	return qh
}
