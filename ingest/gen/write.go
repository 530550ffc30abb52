package gen

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
)

// WriteStats says what Write wrote.
type WriteStats struct {
	Reports int
	Bytes   int64
}

// Write writes reports 0..n-1 into dir ("000/r000000.txt", 1,000 files a
// directory) on every core, calling progress (if not nil) with the number
// written so far, from one goroutine at a time. Existing files are
// overwritten; the result does not depend on the number of workers.
func (g *Generator) Write(ctx context.Context, dir string, n int, progress func(done int)) (WriteStats, error) {
	var st WriteStats
	for d := 0; d*1000 < n; d++ {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(Name(d*1000))), 0o755); err != nil {
			return st, err
		}
	}
	var (
		next  atomic.Int64
		done  atomic.Int64
		bytes atomic.Int64
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
	)
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
		}
		mu.Unlock()
	}
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				r := g.Report(i)
				if err := os.WriteFile(filepath.Join(dir, r.Name), []byte(r.Text), 0o644); err != nil {
					fail(err)
					return
				}
				bytes.Add(int64(len(r.Text)))
				if d := done.Add(1); progress != nil && d%1000 == 0 {
					mu.Lock()
					progress(int(d))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	st.Reports, st.Bytes = int(done.Load()), bytes.Load()
	if first != nil {
		return st, first
	}
	return st, ctx.Err()
}
