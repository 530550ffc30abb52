package ingest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/diplograph/diplograph/ingest/extract"
)

// DefaultWatchEvery is how often Watch looks into its directory when
// WatchOptions.Every is not set.
const DefaultWatchEvery = 2 * time.Second

// WatchOptions configure Watch.
type WatchOptions struct {
	// Every is how often the directory is listed (DefaultWatchEvery when
	// <= 0). A file is read once its size and time have stayed the same
	// for one such interval, so that one being written is not read half.
	Every time.Duration
	// Ingest are the options of each round; Batch is forced to 1 (each
	// report in its own transaction, visible as soon as it is written).
	Ingest Options
	// Log receives one line per round that read files, and the errors;
	// nil discards them.
	Log func(format string, args ...interface{})
	// Ingested is called after each round that read files.
	Ingested func(Summary)
}

// fileState is what Watch remembers of a file to tell that it changed.
type fileState struct {
	size int64
	mod  time.Time
}

// Watch ingests the report files that appear in dir (recursively, as
// ExpandPaths lists a directory; hidden files and names ending in .tmp,
// .part or ~ are left alone while they are being written) and those that
// change, until ctx ends. The files present at the start are read too:
// ingest is idempotent, and an unchanged report costs one lookup. A bad
// file is logged, and the others go on.
func Watch(ctx context.Context, dir string, reg *Registry, x *extract.Extractor, sink Sink, o WatchOptions) error {
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("watch %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("watch %s: not a directory", dir)
	}
	if o.Every <= 0 {
		o.Every = DefaultWatchEvery
	}
	if o.Log == nil {
		o.Log = func(string, ...interface{}) {}
	}
	opt := o.Ingest
	opt.Batch = 1
	onError := opt.OnError
	opt.OnError = func(err error) {
		o.Log("watch: %v", err)
		if onError != nil {
			onError(err)
		}
	}
	done := map[string]fileState{}    // read in this state
	pending := map[string]fileState{} // seen changed, waiting to be still
	t := time.NewTicker(o.Every)
	defer t.Stop()
	for {
		files, err := ExpandPaths([]string{dir})
		if err != nil {
			o.Log("watch %s: %v", dir, err)
		}
		var ready []string
		seen := map[string]bool{}
		for _, f := range files {
			if name := f[strings.LastIndexByte(f, os.PathSeparator)+1:]; strings.HasSuffix(name, ".tmp") ||
				strings.HasSuffix(name, ".part") || strings.HasSuffix(name, "~") {
				continue
			}
			fi, err := os.Stat(f)
			if err != nil || !fi.Mode().IsRegular() {
				continue
			}
			seen[f] = true
			now := fileState{size: fi.Size(), mod: fi.ModTime()}
			if d, ok := done[f]; ok && d == now {
				continue
			}
			if p, ok := pending[f]; ok && p == now {
				ready = append(ready, f)
				done[f] = now
				delete(pending, f)
				continue
			}
			pending[f] = now
		}
		for f := range done {
			if !seen[f] {
				delete(done, f) // read again should it come back
			}
		}
		if len(ready) > 0 {
			start := time.Now()
			last := start
			progress := o.Ingest.Progress
			opt.Progress = func(s Summary) {
				if time.Since(last) > 5*time.Second {
					last = time.Now()
					o.Log("watch: %d report(s) of %d file(s) so far", s.Reports, len(ready))
				}
				if progress != nil {
					progress(s)
				}
			}
			sum, err := Ingest(ctx, ready, reg, x, sink, opt)
			if ctx.Err() != nil {
				return nil
			}
			if err != nil {
				o.Log("watch: %v", err)
			}
			o.Log("watch: read %d file(s): %d report(s) (%d new, %d changed, %d unchanged), %d failed in %s",
				len(ready), sum.Reports, sum.Added, sum.Replaced, sum.Unchanged, sum.Failed, time.Since(start).Round(time.Millisecond))
			if o.Ingested != nil {
				o.Ingested(sum)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}
