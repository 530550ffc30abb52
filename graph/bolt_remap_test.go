package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

// TestBoltWriteDuringRead is the deadlock issue 7 found with queries served
// while an ingest writes in one process: a query holds a bolt read
// transaction (an open iterator) and opens another (a lookup), while a
// write grows the file past bolt's memory map. The write's remap waits for
// the open read transaction; the new read transaction waits behind the
// write: both hang for ever. boltMmapSize makes the remap unnecessary.
func TestBoltWriteDuringRead(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Config{Backend: "bolt", Path: filepath.Join(t.TempDir(), "store")})
	if err != nil {
		t.Fatal(err)
	}
	mk := func(from, n int) []quad.Quad {
		qs := make([]quad.Quad, n)
		for i := range qs {
			k := from + i
			qs[i] = quad.Quad{Subject: quad.IRI(fmt.Sprintf("s:%d", k)), Predicate: quad.IRI("p"),
				Object: quad.String(fmt.Sprintf("object number %d with some text to take room", k)), Label: quad.IRI("report:r")}
		}
		return qs
	}
	if err := s.WriteBatch(ctx, mk(0, 100)); err != nil {
		t.Fatal(err)
	}
	// A query in progress: its iterator holds a read transaction.
	p, err := s.QuadStore().ValueOf(quad.IRI("report:r"))
	if err != nil || p == nil {
		t.Fatal("no label report:r", err)
	}
	it := s.QuadStore().QuadIterator(quad.Label, p).Iterate()
	if !it.Next(ctx) {
		t.Fatal("no quads")
	}
	// A write that grows the file well past the map of a small store.
	var written atomic.Bool
	werr := make(chan error, 1)
	go func() {
		err := s.WriteBatch(ctx, mk(100, 30000))
		written.Store(true)
		werr <- err
	}()
	// Meanwhile the query goes on looking values up, as Gizmo does.
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; !written.Load(); i++ {
			if _, err := s.QuadStore().ValueOf(quad.IRI(fmt.Sprintf("s:unknown-%d", i))); err != nil {
				t.Error(err)
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		// Deadlocked: the store cannot be closed either.
		t.Fatal("a write during a query deadlocked: bolt remapped its file while a read transaction was open")
	}
	if err := <-werr; err != nil {
		t.Fatal(err)
	}
	it.Close()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}
