package main

import (
	"context"

	"github.com/diplograph/diplograph/graph"
)

// openStoreForBulkWrite opens the configured store for ingest and load.
// An embedded store then also skips Cayley's Bloom filters: on open the
// existence filter reads every quad (80 s at 6.4 million quads), and on an
// empty store Cayley adds filters sized for 100 million entries per node
// bucket; they only spare index lookups that bolt answers as fast
// (measured: ingest no slower without them, store open instantly, peak
// RSS lower; BENCHMARKS.md, issue 6).
func (c *config) openStoreForBulkWrite(ctx context.Context) (*graph.Store, error) {
	sc := c.storeConfig()
	opts := map[string]interface{}{}
	for k, v := range sc.Options {
		opts[k] = v
	}
	opts["no_bloom"] = true
	sc.Options = opts
	// a write empties the read cache, so it would only cost memory here
	sc.ReadCache = 0
	return graph.Open(ctx, sc)
}
