package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	boltdb "github.com/boltdb/bolt"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

func TestCachedKVSnapshots(t *testing.T) {
	ctx := context.Background()
	raw, err := hbolt.Open(filepath.Join(t.TempDir(), "c.bolt"), &boltdb.Options{InitialMmapSize: 1 << 26})
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	c := newCachedKV(raw, 1<<20)
	key := hkv.Key{[]byte("log"), []byte("k1")}
	put := func(v string) {
		t.Helper()
		if err := c.Update(ctx, func(tx hkv.Tx) error { return tx.Put(ctx, key, hkv.Value(v)) }); err != nil {
			t.Fatal(err)
		}
	}
	get := func(tx hkv.Tx) string {
		t.Helper()
		vals, err := tx.GetBatch(ctx, []hkv.Key{key, {[]byte("log"), []byte("none")}})
		if err != nil {
			t.Fatal(err)
		}
		if vals[1] != nil {
			t.Fatalf("missing key read as %q", vals[1])
		}
		return string(vals[0])
	}
	put("v1")
	old, err := c.Tx(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if v := get(old); v != "v1" {
		t.Fatalf("read %q, want v1", v)
	}
	if len(c.vals) != 1 {
		t.Fatalf("cache holds %d entries after one read, want 1", len(c.vals))
	}
	put("v2")
	// the old transaction keeps its snapshot: the cache must not hand it v2
	// (nor the new one v1)
	if v := get(old); v != "v1" {
		t.Fatalf("old snapshot read %q, want v1", v)
	}
	for i := 0; i < 2; i++ { // a miss, then a hit
		err := c.View(ctx, func(tx hkv.Tx) error {
			if v := get(tx); v != "v2" {
				return fmt.Errorf("new transaction read %q, want v2", v)
			}
			v, err := tx.Get(ctx, key)
			if err != nil || string(v) != "v2" {
				return fmt.Errorf("Get: %q, %v", v, err)
			}
			if _, err := tx.Get(ctx, hkv.Key{[]byte("log"), []byte("none")}); err != hkv.ErrNotFound {
				return fmt.Errorf("Get of a missing key: %v, want ErrNotFound", err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// a stale fill from the old transaction must not land either
	get(old)
	if v, ok := c.vals[cacheKey(key)]; ok && string(v) != "v2" {
		t.Fatalf("cache holds %q after the write, want v2 or nothing", v)
	}
}

func TestCachedKVBounded(t *testing.T) {
	ctx := context.Background()
	raw, err := hbolt.Open(filepath.Join(t.TempDir(), "c.bolt"), &boltdb.Options{InitialMmapSize: 1 << 26})
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	const max = 4096
	c := newCachedKV(raw, max)
	var keys []hkv.Key
	err = c.Update(ctx, func(tx hkv.Tx) error {
		for i := 0; i < 200; i++ {
			k := hkv.Key{[]byte("log"), []byte(fmt.Sprintf("key%04d", i))}
			keys = append(keys, k)
			if err := tx.Put(ctx, k, hkv.Value(fmt.Sprintf("value %d", i))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 2; round++ {
		err = c.View(ctx, func(tx hkv.Tx) error {
			vals, err := tx.GetBatch(ctx, keys)
			if err != nil {
				return err
			}
			for i, v := range vals {
				if want := fmt.Sprintf("value %d", i); string(v) != want {
					return fmt.Errorf("key %d read %q, want %q", i, v, want)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if c.size > max || c.size == 0 {
			t.Fatalf("cache holds %d bytes, want 1..%d", c.size, max)
		}
	}
}
