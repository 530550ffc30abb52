package main

import (
	"context"

	"github.com/diplograph/diplograph/graph"
)

// openStore opens the configured store for reading and writing.
func (c *config) openStore(ctx context.Context) (*graph.Store, error) {
	if c.served != nil {
		return c.lendServed(), nil
	}
	return graph.Open(ctx, c.storeConfig())
}

// openStoreForReading opens the configured store for a command that only
// reads: an embedded store then skips building the Bloom filter that speeds
// up duplicate checks on write, which on open reads every quad (seconds
// and hundreds of MB per million quads; see BENCHMARKS.md).
func (c *config) openStoreForReading(ctx context.Context) (*graph.Store, error) {
	if c.served != nil {
		return c.lendServed(), nil
	}
	sc := c.storeConfig()
	sc.Options = map[string]interface{}{"no_bloom": true}
	return graph.Open(ctx, sc)
}

// lendServed is the store of the server that runs this command for
// another process: the command's Close returns it, and the server keeps
// it open.
func (c *config) lendServed() *graph.Store {
	c.served.Retain()
	return c.served
}
