package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
)

// openStoreForBulkWrite opens the configured store for ingest and load.
// An embedded store then also skips Cayley's Bloom filters: on open the
// existence filter reads every quad (80 s at 6.4 million quads), and on an
// empty store Cayley adds filters sized for 100 million entries per node
// bucket; they only spare index lookups that bolt answers as fast
// (measured: ingest no slower without them, store open instantly, peak
// RSS lower; BENCHMARKS.md, issue 6).
func (c *config) openStoreForBulkWrite(ctx context.Context) (*graph.Store, error) {
	if c.served != nil {
		return c.lendServed(), nil
	}
	sc := c.storeConfig()
	opts := map[string]interface{}{}
	for k, v := range sc.Options {
		opts[k] = v
	}
	opts["no_bloom"] = true
	sc.Options = opts
	// a write empties the read cache, so it would only cost memory here
	sc.ReadCache = 0
	sc.Bulk = true
	return graph.Open(ctx, sc)
}

// bulkLoad starts a PostgreSQL bulk load (graph.Store.BulkLoad) as the
// --rebuild-indexes flag says: "auto" when inputBytes, at bytesPerQuad,
// would add enough quads (graph.Store.WantsBulkLoad), "always" or "never".
// The returned function finishes it, saying so on stderr.
func bulkLoad(cmd *cobra.Command, s *graph.Store, mode string, inputBytes, bytesPerQuad int64) (func() error, error) {
	ctx := cmd.Context()
	switch mode {
	case "never":
		return func() error { return nil }, nil
	case "auto":
		if !s.WantsBulkLoad(ctx, inputBytes/bytesPerQuad) {
			return func() error { return nil }, nil
		}
	case "always":
	default:
		return nil, fmt.Errorf("--rebuild-indexes: %q is not auto, always or never", mode)
	}
	finish, err := s.BulkLoad(ctx)
	if err != nil {
		return nil, err
	}
	return func() error {
		start := time.Now()
		slow := time.AfterFunc(2*time.Second, func() {
			fmt.Fprintln(cmd.ErrOrStderr(), "finishing the bulk load: settling node references, rebuilding indexes ...")
		})
		err := finish(ctx)
		if !slow.Stop() && err == nil {
			fmt.Fprintf(cmd.ErrOrStderr(), "bulk load finished in %.1fs\n", time.Since(start).Seconds())
		}
		return err
	}, nil
}

// rebuildIndexesHelp documents --rebuild-indexes.
const rebuildIndexesHelp = "PostgreSQL: write without Cayley's direction indexes and foreign keys and rebuild them at the end: auto (when the input would add a fifth of the stored quads or more), always, never"

// inputSize is the total size of the named files ("-" counts nothing).
func inputSize(fs ingest.Files, paths []string) int64 {
	var n int64
	for _, p := range paths {
		if st, err := os.Stat(fs.Path(p)); err == nil && st.Mode().IsRegular() {
			n += st.Size()
		}
	}
	return n
}
