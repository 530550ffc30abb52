package main

import (
	"context"

	"github.com/diplograph/diplograph/graph"
)

// openStore opens the configured store.
func (c *config) openStore(ctx context.Context) (*graph.Store, error) {
	return graph.Open(ctx, c.storeConfig())
}
