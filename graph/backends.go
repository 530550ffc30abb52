package graph

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	boltdb "github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach" // registers "cockroach"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"  // registers "postgres"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
	"github.com/hidal-go/hidalgo/kv/flat"
	"github.com/hidal-go/hidalgo/kv/flat/leveldb"
	"github.com/hidal-go/hidalgo/kv/flat/pebble"
	_ "github.com/lib/pq" // the PostgreSQL driver Cayley uses
)

// DefaultBackend is the embedded backend used when none is configured,
// chosen by the measurements in BENCHMARKS.md.
const DefaultBackend = "bolt"

// backend is one entry of the registry: how to open a store by name.
type backend struct {
	name     string
	embedded bool   // a directory on this machine
	doc      string // one line for --help
	open     func(ctx context.Context, cfg Config) (*Store, error)
}

func (b backend) where(cfg Config) string {
	if b.embedded {
		return cfg.Path
	}
	if b.name == "memstore" {
		return "memory"
	}
	return MaskAddress(cfg.Address)
}

// backends is the registry of store backends, by name.
func backends() map[string]backend {
	return map[string]backend{
		"bolt":      {name: "bolt", embedded: true, doc: "embedded B+tree file (bbolt); fast reads", open: openKV(openBolt)},
		"leveldb":   {name: "leveldb", embedded: true, doc: "embedded LSM tree (goleveldb); small on disk", open: openKV(openFlat(leveldb.OpenPath))},
		"pebble":    {name: "pebble", embedded: true, doc: "embedded LSM tree (CockroachDB's pebble)", open: openKV(openFlat(pebble.OpenPath))},
		"memstore":  {name: "memstore", doc: "in memory, gone when the process ends", open: openMemstore},
		"postgres":  {name: "postgres", doc: "PostgreSQL through Cayley's SQL backend (store.address)", open: openSQL("postgres")},
		"cockroach": {name: "cockroach", doc: "CockroachDB through Cayley's SQL backend (store.address)", open: openSQL("cockroach")},
	}
}

func lookupBackend(name string) (backend, bool) {
	if name == "" {
		name = DefaultBackend
	}
	b, ok := backends()[strings.ToLower(name)]
	return b, ok
}

// Backends lists the registered backend names.
func Backends() []string { return sortedKeys(backends()) }

// BackendDoc describes a backend in one line, "" for an unknown name.
func BackendDoc(name string) string {
	b, ok := lookupBackend(name)
	if !ok {
		return ""
	}
	return b.doc
}

// IsEmbedded reports whether the backend keeps its data in a local directory.
func IsEmbedded(name string) bool {
	b, ok := lookupBackend(name)
	return ok && b.embedded
}

func openMemstore(ctx context.Context, cfg Config) (*Store, error) {
	return &Store{qs: memstore.New()}, nil
}

// kvOpener opens the key-value database of an embedded store in dir.
type kvOpener func(dir string) (hkv.KV, error)

// boltMmapSize is the address space bolt maps up front. A write that
// outgrows the map must remap, which waits for every open read
// transaction; a query that holds one and opens another (Cayley's
// iterators do) then waits for the write: both hang for ever (issue 7,
// TestQueriesDuringIngest). Mapping 8 GB of address space (not memory) at
// once means no remap happens below an 8 GB store (about 40 million
// quads).
const boltMmapSize = 8 << 30

func openBolt(dir string) (hkv.KV, error) {
	db, err := hbolt.Open(filepath.Join(dir, "indexes.bolt"), &boltdb.Options{Timeout: time.Second, InitialMmapSize: boltMmapSize})
	if errors.Is(err, boltdb.ErrTimeout) {
		return nil, ErrInUse
	}
	return db, err
}

func openFlat(open func(string) (flat.KV, error)) kvOpener {
	return func(dir string) (hkv.KV, error) {
		db, err := open(filepath.Join(dir, "data"))
		if err != nil {
			return nil, err
		}
		return flat.Upgrade(db), nil
	}
}

// labelIndex is added to Cayley's default kv indexes so that a report's
// quads are found without reading the whole store.
var labelIndex = ckv.QuadIndex{Dirs: []quad.Direction{quad.Label}}

func openKV(open kvOpener) func(ctx context.Context, cfg Config) (*Store, error) {
	return func(ctx context.Context, cfg Config) (*Store, error) {
		if cfg.Path == "" {
			return nil, errors.New("no store path given (store.path)")
		}
		if err := os.MkdirAll(cfg.Path, 0o755); err != nil {
			return nil, err
		}
		lock, err := lockDir(cfg.Path)
		if err != nil {
			return nil, err
		}
		db, err := open(cfg.Path)
		if err != nil {
			lock.Close()
			return nil, err
		}
		opts := cgraph.Options(cfg.Options)
		switch err := ckv.Init(db, opts); {
		case err == nil:
			if err := addLabelIndex(ctx, db); err != nil {
				db.Close()
				lock.Close()
				return nil, fmt.Errorf("initialise: %w", err)
			}
		case errors.Is(err, cgraph.ErrDatabaseExists):
		default:
			db.Close()
			lock.Close()
			return nil, fmt.Errorf("initialise: %w", err)
		}
		raw := db
		if cfg.ReadCache > 0 {
			db = newCachedKV(db, cfg.ReadCache)
		}
		qs, err := ckv.New(db, opts)
		if err != nil {
			db.Close()
			lock.Close()
			return nil, err
		}
		st := &Store{qs: qs, closer: lock}
		if b, ok := raw.(*hbolt.DB); ok && cfg.Bulk {
			st.mapped = b.DB()
		}
		return st, nil
	}
}

// addLabelIndex rewrites the index list of a freshly initialised kv store
// (Cayley reads it back on open) and creates the index's bucket.
func addLabelIndex(ctx context.Context, db hkv.KV) error {
	idx := append(append([]ckv.QuadIndex(nil), ckv.DefaultQuadIndexes...), labelIndex)
	data, err := json.Marshal(idx)
	if err != nil {
		return err
	}
	return hkv.Update(ctx, db, func(tx hkv.Tx) error {
		if err := tx.Put(ctx, hkv.Key{[]byte("meta"), []byte("indexes")}, data); err != nil {
			return err
		}
		return hkv.CreateBucket(ctx, tx, hkv.Key{[]byte{quad.Label.Prefix()}})
	})
}

func openSQL(typ string) func(ctx context.Context, cfg Config) (*Store, error) {
	return func(ctx context.Context, cfg Config) (*Store, error) {
		if cfg.Address == "" {
			return nil, errors.New("no database address given (store.address)")
		}
		addr := withConnectTimeout(cfg.Address)
		db, err := sql.Open("postgres", addr)
		if err != nil {
			return nil, err
		}
		pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if err := db.PingContext(pctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("cannot reach the database: %w", err)
		}
		opts := cgraph.Options(cfg.Options)
		if err := cgraph.InitQuadStore(typ, addr, opts); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) &&
			!strings.Contains(err.Error(), "already exists") {
			db.Close()
			return nil, fmt.Errorf("initialise: %w", err)
		}
		// Cayley indexes quads by subject, predicate and object but not by
		// label, which a report's replacement and deletion look up.
		if _, err := db.ExecContext(ctx, `CREATE INDEX IF NOT EXISTS quads_label_index ON quads (label_hash)`); err != nil {
			db.Close()
			return nil, fmt.Errorf("initialise label index: %w", err)
		}
		// a bulk load killed before it rebuilt its indexes left them out
		if typ == "postgres" {
			if err := repairSecondary(ctx, db); err != nil {
				db.Close()
				return nil, fmt.Errorf("repair an unfinished bulk load: %w", err)
			}
		}
		qs, err := cgraph.NewQuadStore(typ, addr, opts)
		if err != nil {
			db.Close()
			return nil, err
		}
		return &Store{qs: qs, db: db, closer: db}, nil
	}
}

// withConnectTimeout adds connect_timeout=10 to a PostgreSQL address that
// has none, so that an unreachable server fails instead of hanging.
func withConnectTimeout(addr string) string {
	if strings.Contains(addr, "connect_timeout") {
		return addr
	}
	if strings.HasPrefix(addr, "postgres://") || strings.HasPrefix(addr, "postgresql://") {
		if strings.Contains(addr, "?") {
			return addr + "&connect_timeout=10"
		}
		return addr + "?connect_timeout=10"
	}
	return addr + " connect_timeout=10"
}

// MaskAddress hides the password of a database address.
func MaskAddress(addr string) string {
	if u, err := url.Parse(addr); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return strings.Replace(u.String(), "xxxxx", "****", 1)
		}
		return addr
	}
	var parts []string
	for _, f := range strings.Fields(addr) {
		if strings.HasPrefix(f, "password=") {
			f = "password=****"
		}
		parts = append(parts, f)
	}
	return strings.Join(parts, " ")
}

var _ io.Closer = (*sql.DB)(nil)
