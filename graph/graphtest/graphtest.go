// Package graphtest opens real stores of every backend for tests: memstore,
// the embedded backends in a temporary directory, and PostgreSQL in a
// schema of its own when DIPLOGRAPH_TEST_POSTGRES names a server. Under CI
// (CI=true) a missing PostgreSQL fails the test instead of skipping it.
package graphtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
)

// PostgresEnv names the variable holding the test server's address.
const PostgresEnv = "DIPLOGRAPH_TEST_POSTGRES"

// Backends are the backends every store test runs against.
var Backends = []string{"memstore", "bolt", "leveldb", "pebble", "postgres"}

// Config returns the configuration of a fresh, empty store of backend for
// t, skipping (or, under CI, failing) when PostgreSQL is not available.
// Embedded stores live in t.TempDir(); a PostgreSQL store gets its own
// schema, dropped when the test ends.
func Config(t testing.TB, backend string) graph.Config {
	t.Helper()
	switch backend {
	case "postgres", "cockroach":
		return graph.Config{Backend: backend, Address: PostgresAddress(t)}
	case "memstore":
		return graph.Config{Backend: backend}
	default:
		// a small read cache, as queries use one: tests then also run
		// through its fills, hits and overflows
		return graph.Config{Backend: backend, Path: t.TempDir(), ReadCache: 256 << 10}
	}
}

// PostgresAddress creates a schema of its own on the test server and
// returns an address whose search_path points at it.
func PostgresAddress(t testing.TB) string {
	t.Helper()
	addr := os.Getenv(PostgresEnv)
	if addr == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set: CI must run the PostgreSQL tests", PostgresEnv)
		}
		t.Skipf("%s not set; skipping PostgreSQL", PostgresEnv)
	}
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		db.Close()
		t.Fatalf("create schema on %s: %v", addr, err)
	}
	t.Cleanup(func() {
		db.Exec("DROP SCHEMA " + schema + " CASCADE")
		db.Close()
	})
	sep := "?"
	if strings.Contains(addr, "?") {
		sep = "&"
	}
	return addr + sep + "search_path=" + schema
}

// Open opens a fresh store of backend, closed when the test ends.
func Open(t testing.TB, backend string) *graph.Store {
	t.Helper()
	s, _ := OpenConfig(t, backend)
	return s
}

// OpenConfig is Open that also returns the store's configuration, for
// tests that open the store again or reach its database directly.
func OpenConfig(t testing.TB, backend string) (*graph.Store, graph.Config) {
	t.Helper()
	cfg := Config(t, backend)
	s, err := graph.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, cfg
}

// OpenParallelPostgres is OpenConfig of a PostgreSQL store, failing t
// unless the store takes two or more writes at once.
func OpenParallelPostgres(t testing.TB) (*graph.Store, graph.Config) {
	t.Helper()
	s, cfg := OpenConfig(t, "postgres")
	if s.ParallelWrites() < 2 {
		t.Fatalf("PostgreSQL takes %d writes at once, want 2 or more", s.ParallelWrites())
	}
	return s, cfg
}

// CheckNodeRefs fails t unless every node row of the PostgreSQL store at
// addr counts, in refs, exactly the quad positions that use it, and every
// node is used: the invariant Cayley's SQL backend keeps.
func CheckNodeRefs(t testing.TB, addr string) {
	t.Helper()
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var nodes, wrong int
	err = db.QueryRow(`WITH c AS (SELECT h, count(*) n FROM (SELECT subject_hash h FROM quads UNION ALL SELECT predicate_hash FROM quads
UNION ALL SELECT object_hash FROM quads UNION ALL SELECT label_hash FROM quads WHERE label_hash IS NOT NULL) z GROUP BY h)
SELECT (SELECT count(*) FROM nodes), (SELECT count(*) FROM nodes n FULL JOIN c ON c.h = n.hash WHERE c.n IS DISTINCT FROM n.refs)`).Scan(&nodes, &wrong)
	if err != nil {
		t.Fatal(err)
	}
	if nodes == 0 || wrong != 0 {
		t.Fatalf("%d of %d nodes have a reference count other than their quads' (or are missing or unused)", wrong, nodes)
	}
}

// AllQuads lists a store's quads as sorted N-Quads lines.
func AllQuads(t testing.TB, s *graph.Store) []string {
	t.Helper()
	ctx := context.Background()
	it := s.QuadStore().QuadsAllIterator().Iterate()
	defer it.Close()
	var out []string
	for it.Next(ctx) {
		q, err := s.QuadStore().Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.NQuad())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}
