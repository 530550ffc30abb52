package graph

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
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
// A session advisory lock, held for the whole load, marks it: a second
// bulk load of the same schema writes with the indexes in place, and
// opening the store rebuilds anything missing only when no load holds
// the lock, which PostgreSQL releases when a crashed loader's session
// ends; so a killed load leaves a store that the next open repairs.

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
		err := buildSecondary(ctx, conn)
		if err == nil && l.dropped {
			_, err = conn.ExecContext(ctx, `ANALYZE quads; ANALYZE nodes`)
		}
		if uerr := unlockLoad(ctx, conn); err == nil && uerr != nil {
			err = uerr
		}
		if err != nil {
			return fmt.Errorf("rebuild indexes: %w", err)
		}
		return nil
	}, nil
}

// beforeAdd drops the secondary indexes at the first write of a bulk load.
func (s *Store) beforeAdd(ctx context.Context) error {
	s.loadMu.Lock()
	l := s.load
	s.loadMu.Unlock()
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.dropped {
		return nil
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
		return fmt.Errorf("drop indexes for the bulk load: %w", err)
	}
	l.dropped = true
	return nil
}

// buildSecondary creates whichever secondary indexes and foreign keys of
// the quads table are missing.
func buildSecondary(ctx context.Context, conn *sql.Conn) error {
	for _, ix := range pgSecondaryIndexes {
		var exists bool
		if err := conn.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, ix.name).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			if _, err := conn.ExecContext(ctx, ix.def); err != nil {
				return fmt.Errorf("%s: %w", ix.name, err)
			}
		}
	}
	have := map[string]bool{}
	rows, err := conn.QueryContext(ctx, `SELECT conname FROM pg_constraint WHERE conrelid = 'quads'::regclass AND contype = 'f'`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		have[n] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	stmt := ""
	for _, fk := range pgForeignKeys {
		if !have[fk.name] {
			if stmt != "" {
				stmt += ","
			}
			stmt += fmt.Sprintf(" ADD CONSTRAINT %s FOREIGN KEY (%s) REFERENCES nodes (hash)", fk.name, fk.col)
		}
	}
	if stmt != "" {
		if _, err := conn.ExecContext(ctx, `ALTER TABLE quads`+stmt); err != nil {
			return fmt.Errorf("foreign keys: %w", err)
		}
	}
	return nil
}

// repairSecondary rebuilds what a bulk load that never finished (its
// process killed) dropped, unless a bulk load is running now.
func repairSecondary(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if got, err := tryLoadLock(ctx, conn); err != nil || !got {
		return err
	}
	err = buildSecondary(ctx, conn)
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
