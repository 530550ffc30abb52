// Package graph opens diplograph's Cayley stores by backend name and writes
// quads into them with provenance: every report's quads land in one
// transaction, can be replaced or deleted by the report's label, and an
// embedded store is held by one process at a time.
package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	boltdb "github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/clog"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"
)

// Config says which store to open and where.
type Config struct {
	// Backend is a name from Backends(): "bolt", "leveldb", "pebble",
	// "memstore", "postgres" or "cockroach".
	Backend string
	// Path is the directory of an embedded store.
	Path string
	// Address is the connection string of an SQL store
	// ("postgres://user@host/db?sslmode=disable").
	Address string
	// Options are passed to Cayley's backend.
	Options map[string]interface{}
	// Bulk marks a store opened to write many reports (ingest, load): an
	// embedded bolt store then releases the pages of its mapped file after
	// every write, so that the resident memory stays bounded.
	Bulk bool
	// ReadCache is the size in bytes of the read cache of an embedded
	// store (records read by ID or hash, shared by read transactions and
	// emptied by every write); 0 means none.
	ReadCache int
}

// ErrUnknownBackend is returned for a backend name that is not registered.
var ErrUnknownBackend = errors.New("unknown store backend")

// ErrInUse is returned when another process holds an embedded store.
var ErrInUse = errors.New("store is in use by another process")

// Store is an open Cayley quad store.
type Store struct {
	qs      cgraph.QuadStore
	backend string
	where   string
	closer  io.Closer    // releases locks and extra connections
	db      *sql.DB      // our own connection to an SQL store, nil otherwise
	mu      sync.RWMutex // memstore: HasQuads may read while a batch is written
	mapped  *boltdb.DB   // bolt opened for bulk writes: its pages are released after each write
	pgWrite sync.RWMutex // bulk path: batches that delete write alone
	loadMu  sync.Mutex
	load    *pgLoad      // a PostgreSQL bulk load in progress (BulkLoad)
	writes  atomic.Int64 // transactions this process wrote (ChangeMark)
	users   atomic.Int32 // Retain calls not yet matched by Close
	names   sync.Map     // kv, memstore: node id -> value of report labels and digests (ReportDigests)
	journal journal      // reports this process changed (ReportChanges)
}

func init() {
	// Cayley logs every failure it also returns; we report errors ourselves.
	clog.SetLogger(nil)
}

// Open opens the store of cfg, creating and initialising it on first use.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	b, ok := lookupBackend(cfg.Backend)
	if !ok {
		return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownBackend, cfg.Backend, strings.Join(Backends(), ", "))
	}
	s, err := b.open(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open %s store %s: %w", b.name, b.where(cfg), err)
	}
	s.backend = b.name
	s.where = b.where(cfg)
	return s, nil
}

// Backend is the name of the store's backend.
func (s *Store) Backend() string { return s.backend }

// Where is the store's path or (password-masked) address.
func (s *Store) Where() string { return s.where }

// QuadStore is the underlying Cayley store, for queries and Cayley's HTTP API.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Retain lends the open store to one more user (a command that the
// server runs on its own store): the matching Close only returns it, and
// the store is closed by the Close of its opener.
func (s *Store) Retain() { s.users.Add(1) }

// Close flushes and closes the store and releases its lock; after Retain,
// it only ends that use.
func (s *Store) Close() error {
	if s == nil || s.qs == nil {
		return nil
	}
	for {
		n := s.users.Load()
		if n <= 0 {
			break
		}
		if s.users.CompareAndSwap(n, n-1) {
			return nil
		}
	}
	// a bulk load never finished is abandoned as if its process died: its
	// session (and lock) ends, and the next open rebuilds the indexes
	s.loadMu.Lock()
	if s.load != nil {
		s.load.conn.Close()
		s.load = nil
	}
	s.loadMu.Unlock()
	err := s.qs.Close()
	if s.closer != nil {
		if cerr := s.closer.Close(); err == nil {
			err = cerr
		}
	}
	s.qs = nil
	return err
}

// Stats counts what a store holds.
type Stats struct {
	Backend string `json:"backend"`
	Where   string `json:"where"`
	Quads   int64  `json:"quads"`
	Nodes   int64  `json:"nodes"`
	Labels  int64  `json:"labels"`
	Reports int64  `json:"reports"`
	Events  int64  `json:"events"`
}

// Stats counts quads, nodes, labels (reports and other labels) and events.
// Labels are counted by reading every quad, which takes a few seconds per
// million quads on an embedded store.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Backend: s.backend, Where: s.where}
	cs, err := s.qs.Stats(ctx, true)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Quads, st.Nodes = cs.Quads.Value, cs.Nodes.Value
	if st.Labels, err = s.countLabels(ctx); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	if st.Reports, err = s.countTyped(ctx, "dg:Report"); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	if st.Events, err = s.countTyped(ctx, "dg:Event"); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

func (s *Store) countLabels(ctx context.Context) (int64, error) {
	if s.db != nil {
		var n int64
		err := s.db.QueryRowContext(ctx, `SELECT COUNT(DISTINCT label_hash) FROM quads`).Scan(&n)
		return n, err
	}
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	seen := map[interface{}]struct{}{}
	for it.Next(ctx) {
		l, err := s.qs.QuadDirection(it.Result(), quad.Label)
		if err != nil {
			return 0, err
		}
		if l != nil {
			seen[l.Key()] = struct{}{}
		}
	}
	return int64(len(seen)), it.Err()
}

// countTyped counts the distinct subjects of <rdf:type> <class>.
func (s *Store) countTyped(ctx context.Context, class quad.IRI) (int64, error) {
	ref, err := s.qs.ValueOf(class)
	if err != nil || ref == nil {
		return 0, err
	}
	it := s.qs.QuadIterator(quad.Object, ref).Iterate()
	defer it.Close()
	typ := quad.IRI("rdf:type")
	seen := map[interface{}]struct{}{}
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return 0, err
		}
		if q.Predicate == typ {
			seen[quad.StringOf(q.Subject)] = struct{}{}
		}
	}
	return int64(len(seen)), it.Err()
}

// LabelQuads returns every quad labelled with label.
func (s *Store) LabelQuads(ctx context.Context, label quad.Value) ([]quad.Quad, error) {
	ref, err := s.qs.ValueOf(label)
	if err != nil {
		return nil, err
	}
	if ref == nil {
		return nil, nil
	}
	return s.collect(ctx, s.qs.QuadIterator(quad.Label, ref))
}

func (s *Store) collect(ctx context.Context, sh iterator.Shape) ([]quad.Quad, error) {
	it := sh.Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, it.Err()
}

// Has reports whether the store holds q exactly (label included).
func (s *Store) Has(ctx context.Context, q quad.Quad) (bool, error) {
	has, err := s.HasQuads(ctx, []quad.Quad{q})
	if err != nil {
		return false, err
	}
	return has[0], nil
}

// sortedKeys is a helper for stable error messages.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// SubjectQuads returns every quad whose subject is v, of every label.
func (s *Store) SubjectQuads(ctx context.Context, v quad.Value) ([]quad.Quad, error) {
	ref, err := s.qs.ValueOf(v)
	if err != nil || ref == nil {
		return nil, err
	}
	return s.collect(ctx, s.qs.QuadIterator(quad.Subject, ref))
}

// TypedNodes returns the distinct subjects of <rdf:type> <class>, in no
// particular order.
func (s *Store) TypedNodes(ctx context.Context, class quad.IRI) ([]quad.Value, error) {
	ref, err := s.qs.ValueOf(class)
	if err != nil || ref == nil {
		return nil, err
	}
	it := s.qs.QuadIterator(quad.Object, ref).Iterate()
	defer it.Close()
	typ := quad.IRI("rdf:type")
	seen := map[string]bool{}
	var out []quad.Value
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		if k := quad.StringOf(q.Subject); q.Predicate == typ && !seen[k] {
			seen[k] = true
			out = append(out, q.Subject)
		}
	}
	return out, it.Err()
}
