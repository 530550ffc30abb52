package graph

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/cayleygraph/cayley/graph/refs"
)

// A bulk load into PostgreSQL. Every quad row Cayley's schema holds is
// kept in eight B-trees and checked against four foreign keys; inserted
// one batch at a time, most of the time goes to those random index
// updates (12,000 quads/s at 10,000 reports, falling as the indexes
// outgrow the cache). A large load is faster without them, building
// them again at the end with one sort each: it keeps the primary key,
// the unique index ON CONFLICT needs and the label index replacement
// reads, and drops Cayley's four direction indexes and its foreign keys
// (40,000 quads/s, and 5 s to rebuild at 640,000 quads; BENCHMARKS.md).
//
// Nor does a batch of the load update the rows of nodes already stored:
// counting their references (nodes.refs) meant locking them in a fixed
// order, and the nodes every report uses (predicates, classes, countries)
// made two batches written at once wait for each other; at 100,000
// reports that took half the server's time. A node a batch inserts gets
// the batch's count (no stored quad can use a node that was not stored);
// the changes to the others are summed in memory (pgLoad.deltas) and
// settled at the end in one statement, which then removes the nodes left
// without references. Until then the stored counts of old nodes only
// lag: none drops to zero while a quad uses it.
//
// A session advisory lock, held for the whole load, marks it: a second
// bulk load of the same schema writes with the indexes in place, other
// writers leave unused nodes in place (the load's settling removes them),
// and opening the store repairs only when no load holds the lock, which
// PostgreSQL releases when a crashed loader's session ends: it counts
// every node's references again from the quads and rebuilds what is
// missing, so a killed load leaves a store that the next open repairs.

// pgSecondaryIndexes are the quads table's indexes a bulk load drops, as
// Cayley's postgres backend creates them (graph/sql, fill factor 50).
var pgSecondaryIndexes = []struct{ name, def string }{
	{"spo_index", "CREATE INDEX spo_index ON quads (subject_hash, predicate_hash, object_hash) WITH (FILLFACTOR = 50)"},
	{"ops_index", "CREATE INDEX ops_index ON quads (object_hash, predicate_hash, subject_hash) WITH (FILLFACTOR = 50)"},
	{"pos_index", "CREATE INDEX pos_index ON quads (predicate_hash, object_hash, subject_hash) WITH (FILLFACTOR = 50)"},
	{"osp_index", "CREATE INDEX osp_index ON quads (object_hash, subject_hash, predicate_hash) WITH (FILLFACTOR = 50)"},
}

// pgForeignKeys are the quads table's foreign keys to nodes, by name and column.
var pgForeignKeys = []struct{ name, col string }{
	{"subject_hash_fk", "subject_hash"},
	{"predicate_hash_fk", "predicate_hash"},
	{"object_hash_fk", "object_hash"},
	{"label_hash_fk", "label_hash"},
}

// pgLoadLock is the advisory lock key of a bulk load of the current schema.
const pgLoadLock = `hashtext('diplograph bulk load ' || current_schema())`

// tryLoadLock takes the bulk load lock on conn's session, if no other
// session holds it.
func tryLoadLock(ctx context.Context, conn *sql.Conn) (bool, error) {
	var got bool
	err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock(`+pgLoadLock+`)`).Scan(&got)
	return got, err
}

// unlockLoad releases the bulk load lock taken on conn's session.
func unlockLoad(ctx context.Context, conn *sql.Conn) error {
	_, err := conn.ExecContext(ctx, `SELECT pg_advisory_unlock(`+pgLoadLock+`)`)
	return err
}

// pgLoad is a bulk load in progress.
type pgLoad struct {
	mu      sync.Mutex
	conn    *sql.Conn // holds the advisory lock
	dropped bool
	// deltas are the reference counts that committed batches changed on
	// nodes they did not insert, settled at the end
	deltas map[refs.ValueHash]int64
}

// BulkLoad announces a large load. On PostgreSQL, the first write that
// adds quads then drops the secondary indexes and foreign keys of
// Cayley's quads table, and finish builds them again (it must be called,
// also after an error; it ignores ctx's cancellation). A load that writes
// nothing (a re-ingest of unchanged reports) drops nothing. Queries stay
// correct meanwhile, only slower. Other backends need nothing: finish
// does nothing there, as it does when another bulk load of the same store
// is running.
func (s *Store) BulkLoad(ctx context.Context) (finish func(context.Context) error, err error) {
	noop := func(context.Context) error { return nil }
	if !s.bulk() {
		return noop, nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	got, err := tryLoadLock(ctx, conn)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("bulk load lock: %w", err)
	}
	if !got {
		conn.Close()
		return noop, nil
	}
	l := &pgLoad{conn: conn}
	s.loadMu.Lock()
	s.load = l
	s.loadMu.Unlock()
	return func(ctx context.Context) error {
		ctx = context.WithoutCancel(ctx)
		s.loadMu.Lock()
		s.load = nil
		s.loadMu.Unlock()
		l.mu.Lock()
		defer l.mu.Unlock()
		defer conn.Close()
		// settled also when nothing was added: other writers, and this
		// load's deletes before any add, left unused nodes to remove
		err := l.settle(ctx)
		if err != nil {
			err = fmt.Errorf("node references: %w", err)
		}
		if err == nil {
			err = buildSecondary(ctx, conn)
		}
		if err == nil && l.dropped {
			_, err = conn.ExecContext(ctx, `ANALYZE quads; ANALYZE nodes`)
		}
		if uerr := unlockLoad(ctx, conn); err == nil && uerr != nil {
			err = uerr
		}
		if err != nil {
			return fmt.Errorf("finish the bulk load: %w", err)
		}
		return nil
	}, nil
}

// deferringLoad returns the bulk load in progress once it has dropped the
// indexes, dropping them at its first write that adds; nil otherwise.
func (s *Store) deferringLoad(ctx context.Context, adding bool) (*pgLoad, error) {
	s.loadMu.Lock()
	l := s.load
	s.loadMu.Unlock()
	if l == nil {
		return nil, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.dropped {
		return l, nil
	}
	if !adding {
		return nil, nil
	}
	stmt := `ALTER TABLE quads`
	for i, fk := range pgForeignKeys {
		if i > 0 {
			stmt += ","
		}
		stmt += " DROP CONSTRAINT IF EXISTS " + fk.name
	}
	stmt += `; DROP INDEX IF EXISTS `
	for i, ix := range pgSecondaryIndexes {
		if i > 0 {
			stmt += ", "
		}
		stmt += ix.name
	}
	if _, err := l.conn.ExecContext(ctx, stmt); err != nil {
		return nil, fmt.Errorf("drop indexes for the bulk load: %w", err)
	}
	l.dropped = true
	return l, nil
}

// addDeltas adds the reference counts a committed batch changed.
func (l *pgLoad) addDeltas(d map[refs.ValueHash]int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.deltas == nil {
		l.deltas = map[refs.ValueHash]int64{}
	}
	for h, n := range d {
		l.deltas[h] += n
	}
}

// pgSettleLock keeps writers out while reference counts are settled.
const pgSettleLock = `LOCK TABLE nodes, quads IN SHARE ROW EXCLUSIVE MODE`

// settle applies the load's reference count deltas and removes the nodes
// no quad uses any more, in one transaction.
func (l *pgLoad) settle(ctx context.Context) error {
	tx, err := l.conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, pgSettleLock+`;
CREATE TEMP TABLE IF NOT EXISTS dg_refs_delta (h BYTEA, n BIGINT) ON COMMIT DROP`); err != nil {
		return err
	}
	var hs []refs.ValueHash
	for h, n := range l.deltas {
		if n != 0 {
			hs = append(hs, h)
		}
	}
	err = copyRows(ctx, tx, "dg_refs_delta", []string{"h", "n"}, len(hs), func(i int) []interface{} {
		return []interface{}{hashBytes(hs[i]), l.deltas[hs[i]]}
	})
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE nodes SET refs = nodes.refs + d.n FROM dg_refs_delta d WHERE nodes.hash = d.h;
DELETE FROM nodes WHERE refs <= 0`); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	l.deltas = nil
	return nil
}

// recountRefs sets every node's reference count from the quads and
// removes the nodes no quad uses, in one transaction: the repair of a bulk
// load that never settled its deltas.
func recountRefs(ctx context.Context, conn *sql.Conn) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, pgSettleLock+`;
CREATE TEMP TABLE dg_refs ON COMMIT DROP AS SELECT h, count(*)::int AS n FROM quads,
	LATERAL (VALUES (subject_hash), (predicate_hash), (object_hash), (label_hash)) v(h) WHERE h IS NOT NULL GROUP BY h;
UPDATE nodes SET refs = c.n FROM dg_refs c WHERE nodes.hash = c.h AND nodes.refs <> c.n;
DELETE FROM nodes WHERE NOT EXISTS (SELECT 1 FROM dg_refs c WHERE c.h = nodes.hash)`)
	if err != nil {
		return err
	}
	return tx.Commit()
}

// missingSecondary lists the CREATE and ALTER statements that would
// restore the quads table's missing secondary indexes and foreign keys.
func missingSecondary(ctx context.Context, conn *sql.Conn) ([]string, error) {
	var stmts []string
	for _, ix := range pgSecondaryIndexes {
		var exists bool
		if err := conn.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, ix.name).Scan(&exists); err != nil {
			return nil, err
		}
		if !exists {
			stmts = append(stmts, ix.def)
		}
	}
	have := map[string]bool{}
	rows, err := conn.QueryContext(ctx, `SELECT conname FROM pg_constraint WHERE conrelid = 'quads'::regclass AND contype = 'f'`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		have[n] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	fks := ""
	for _, fk := range pgForeignKeys {
		if !have[fk.name] {
			if fks != "" {
				fks += ","
			}
			fks += fmt.Sprintf(" ADD CONSTRAINT %s FOREIGN KEY (%s) REFERENCES nodes (hash)", fk.name, fk.col)
		}
	}
	if fks != "" {
		stmts = append(stmts, `ALTER TABLE quads`+fks)
	}
	return stmts, nil
}

// buildSecondary creates whichever secondary indexes and foreign keys of
// the quads table are missing.
func buildSecondary(ctx context.Context, conn *sql.Conn) error {
	stmts, err := missingSecondary(ctx, conn)
	if err != nil {
		return err
	}
	for _, stmt := range stmts {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("%.40s: %w", stmt, err)
		}
	}
	return nil
}

// repairSecondary finishes a bulk load that never did (its process
// killed), unless a bulk load is running now: the reference counts it had
// not settled are counted again from the quads, and what it dropped is
// built again.
func repairSecondary(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if got, err := tryLoadLock(ctx, conn); err != nil || !got {
		return err
	}
	missing, err := missingSecondary(ctx, conn)
	if err == nil && len(missing) > 0 {
		if err = recountRefs(ctx, conn); err != nil {
			err = fmt.Errorf("node references: %w", err)
		}
		if err == nil {
			err = buildSecondary(ctx, conn)
		}
	}
	if uerr := unlockLoad(ctx, conn); err == nil {
		err = uerr
	}
	return err
}

// WantsBulkLoad says whether a load adding about n quads pays for
// BulkLoad's rebuild: on PostgreSQL, when n is at least 50,000 and a
// fifth of the quads stored (a rebuild sorts every quad; measured, the
// load without indexes gains more than the rebuild costs from about a
// seventh). It is false on other backends.
func (s *Store) WantsBulkLoad(ctx context.Context, n int64) bool {
	if !s.bulk() || n < 50000 {
		return false
	}
	var stored float64
	if err := s.db.QueryRowContext(ctx, `SELECT reltuples FROM pg_class WHERE oid = 'quads'::regclass`).Scan(&stored); err != nil {
		return false
	}
	return stored < 0 || float64(n) >= stored/5 // -1: never analysed, so new
}
