package graph

import (
	"context"
	"sync"

	hkv "github.com/hidal-go/hidalgo/kv"
)

// cachedKV is the key-value database of an embedded store with a read
// cache in front of its point lookups. Cayley's kv store reads every quad
// and every node it visits by ID (the "log" bucket) and every value it
// resolves by hash, one B-tree search each, which is most of the time of
// an analyst's query; the cache keeps those records, decoded from no page,
// for the next query that visits them (a country's events, its name).
//
// Consistency: the cache belongs to one committed state. A generation
// counter is odd while a write commits and moves on after it, and the
// cache is emptied each time; a read transaction uses and fills the
// cache only while the generation is the one it started in, so it never
// sees a value from another state than its own snapshot. Writes bypass it.
type cachedKV struct {
	hkv.KV
	max int // bytes the cache may hold

	mu   sync.Mutex
	gen  uint64
	vals map[string][]byte
	size int
}

// newCachedKV wraps db with a read cache of at most max bytes.
func newCachedKV(db hkv.KV, max int) *cachedKV {
	return &cachedKV{KV: db, max: max, vals: make(map[string][]byte)}
}

// cacheEntryOverhead approximates a map entry's bytes beyond key and value.
const cacheEntryOverhead = 64

// Tx opens a transaction; read-only ones go through the cache.
func (c *cachedKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	if rw {
		tx, err := c.KV.Tx(ctx, true)
		if err != nil {
			return nil, err
		}
		return &cachedWriteTx{Tx: tx, c: c}, nil
	}
	c.mu.Lock()
	gen := c.gen
	c.mu.Unlock()
	tx, err := c.KV.Tx(ctx, false)
	if err != nil {
		return nil, err
	}
	return &cachedReadTx{Tx: tx, c: c, gen: gen}, nil
}

// View runs fn in a read-only transaction.
func (c *cachedKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, c, fn)
}

// Update runs fn in a read-write transaction and commits it.
func (c *cachedKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, c, fn)
}

// cacheKey is the cache's key for k, or "" for keys it does not keep
// (bucket, key: Cayley's point lookups are all two parts).
func cacheKey(k hkv.Key) string {
	if len(k) != 2 {
		return ""
	}
	return string(k[0]) + "\x00" + string(k[1])
}

// lookup returns the cached value of key for a transaction of generation gen.
func (c *cachedKV) lookup(gen uint64, key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return nil, false
	}
	v, ok := c.vals[key]
	return v, ok
}

// fill remembers values read by a transaction of generation gen, if the
// store is still in that state.
func (c *cachedKV) fill(gen uint64, keys []string, vals []hkv.Value) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen || gen%2 == 1 {
		return
	}
	for i, k := range keys {
		if k == "" || vals[i] == nil {
			continue
		}
		n := len(k) + len(vals[i]) + cacheEntryOverhead
		if c.size+n > c.max {
			// full: start again rather than track recency per entry
			c.vals = make(map[string][]byte)
			c.size = 0
		}
		// the value belongs to the transaction's pages: keep a copy
		c.vals[k] = append([]byte(nil), vals[i]...)
		c.size += n
	}
}

// invalidate empties the cache and moves the generation on; a write
// calls it before and after it commits.
func (c *cachedKV) invalidate() {
	c.mu.Lock()
	c.gen++
	c.vals = make(map[string][]byte)
	c.size = 0
	c.mu.Unlock()
}

type cachedReadTx struct {
	hkv.Tx
	c   *cachedKV
	gen uint64
}

// Get reads one key, from the cache when it can.
func (tx *cachedReadTx) Get(ctx context.Context, k hkv.Key) (hkv.Value, error) {
	vals, err := tx.GetBatch(ctx, []hkv.Key{k})
	if err != nil {
		return nil, err
	}
	if vals[0] == nil {
		return nil, hkv.ErrNotFound
	}
	return vals[0], nil
}

// GetBatch reads keys, asking the database only for those not cached.
func (tx *cachedReadTx) GetBatch(ctx context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	out := make([]hkv.Value, len(keys))
	ck := make([]string, len(keys))
	var miss []hkv.Key
	var missAt []int
	for i, k := range keys {
		ck[i] = cacheKey(k)
		if ck[i] != "" {
			if v, ok := tx.c.lookup(tx.gen, ck[i]); ok {
				out[i] = v
				continue
			}
		}
		miss = append(miss, k)
		missAt = append(missAt, i)
	}
	if len(miss) == 0 {
		return out, nil
	}
	vals, err := tx.Tx.GetBatch(ctx, miss)
	if err != nil {
		return nil, err
	}
	mk := make([]string, len(miss))
	for j, v := range vals {
		out[missAt[j]] = v
		mk[j] = ck[missAt[j]]
	}
	tx.c.fill(tx.gen, mk, vals)
	return out, nil
}

type cachedWriteTx struct {
	hkv.Tx
	c *cachedKV
}

// Commit commits the write, the cache emptied around it.
func (tx *cachedWriteTx) Commit(ctx context.Context) error {
	tx.c.invalidate()
	defer tx.c.invalidate()
	return tx.Tx.Commit(ctx)
}
