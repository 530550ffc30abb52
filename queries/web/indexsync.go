package web

import (
	"context"
	"fmt"
	"log"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
)

// publishEvery is how often a build in progress publishes the part built,
// so that search answers from the first second.
const publishEvery = 500 * time.Millisecond

// indexHolder holds the current snapshot of the search index and keeps it
// in step with the store: it builds it in the background, then follows
// the reports added, changed and removed (by anyone: this server, a
// command run through it, another process writing the same PostgreSQL
// database) by comparing the reports' digests whenever the store's cheap
// change mark moves.
type indexHolder struct {
	store *graph.Store
	log   *log.Logger
	cur   atomic.Pointer[index]
	mu    sync.Mutex // one build or update at a time
	full  atomic.Bool

	newsMu sync.Mutex
	news   []string // reports added or changed since the first build, in order
}

func newIndexHolder(store *graph.Store, lg *log.Logger) *indexHolder {
	h := &indexHolder{store: store, log: lg}
	h.cur.Store(newIndex())
	return h
}

// get is the current snapshot; it never changes.
func (h *indexHolder) get() *index { return h.cur.Load() }

// build reads the whole store into a new index. With live set, it
// publishes the part built every publishEvery (the first build: search
// answers meanwhile); otherwise the current snapshot serves until the new
// one is complete.
func (h *indexHolder) build(ctx context.Context, live bool) error {
	start := time.Now()
	ix := newIndex()
	preds := indexed()
	if pos, ok := h.store.JournalPosition(); ok {
		// This process writes the store alone: the reports changed while
		// it is read are in the journal after pos, and read again then;
		// the digests come with the other quads.
		ix.journal = pos
		preds = append(preds, graph.DigestPredicate)
	} else {
		// Others write it too: the digests read before the rest make any
		// report changed meanwhile look changed to the next update.
		mark, err := h.store.ChangeMark(ctx)
		if err != nil {
			return err
		}
		if ix.reports, err = h.store.ReportDigests(ctx); err != nil {
			return fmt.Errorf("read report digests: %w", err)
		}
		ix.mark = mark
	}
	last, every := time.Now(), publishEvery
	quads := 0
	t := touched{}
	err := h.store.ScanPredicates(ctx, preds, func(q quad.Quad) error {
		if q.Predicate == graph.DigestPredicate {
			if l := iriString(q.Label); l != "" {
				ix.reports[l] = quad.StringOf(q.Object)
			}
			return nil
		}
		ix.add(q, t)
		quads++
		if quads%1024 == 0 && ctx.Err() != nil {
			return ctx.Err() // the server is closing
		}
		if live && quads%1024 == 0 && time.Since(last) > every {
			ix.addKeys(t)
			t = touched{}
			h.cur.Store(ix)
			began := time.Now()
			ix = ix.next()
			// copying grows with the index: spend at most a fifth of
			// the build on it
			if d := 5 * time.Since(began); d > every {
				every = d
			}
			last = time.Now()
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read the store: %w", err)
	}
	ix.addKeys(t)
	ix.complete = true
	ix.built = time.Now()
	prev := h.get()
	h.cur.Store(ix)
	if prev != nil && prev.complete {
		// A build that replaces a complete index (quads written outside
		// reports, a report removed) still tells the explorer which
		// reports are new or changed since.
		h.addNews(changedReports(prev.reports, ix.reports))
	}
	h.log.Printf("web: search index: %d entities, %d evidence sentences, %d reports in %s",
		len(ix.ents), ix.live, len(ix.reports), time.Since(start).Round(time.Millisecond))
	return nil
}

// start builds the index and then follows the store every refresh (never
// when refresh < 0) until ctx ends; poke asks for an update at once.
func (h *indexHolder) start(ctx context.Context, refresh time.Duration, poke <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	h.mu.Lock()
	err := h.build(ctx, true)
	h.mu.Unlock()
	if err != nil && ctx.Err() == nil {
		h.log.Printf("web: search index: %v", err)
	}
	// what was written during the build
	if err := h.update(ctx); err != nil && ctx.Err() == nil {
		h.log.Printf("web: search index: %v", err)
	}
	var tick <-chan time.Time
	if refresh > 0 {
		t := time.NewTicker(refresh)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
		case <-poke:
		}
		if err := h.update(ctx); err != nil && ctx.Err() == nil {
			h.log.Printf("web: search index: %v", err)
		}
	}
}

// rebuild brings the index up to date now: the reports changed since the
// last update are read again (a report removed makes a full build).
func (h *indexHolder) rebuild(ctx context.Context) {
	if err := h.update(ctx); err != nil {
		h.log.Printf("web: search index: %v", err)
	}
}

// rebuildAll builds the whole index again now, for writes that may not
// go through reports (raw quads written through Cayley's API).
func (h *indexHolder) rebuildAll(ctx context.Context) {
	h.full.Store(true)
	h.rebuild(ctx)
}

// update reads the reports added or changed since the last snapshot and
// builds the index again when reports were removed, when quads outside
// reports changed the store, or when a full build was asked for. It does
// nothing before the first build is complete.
func (h *indexHolder) update(ctx context.Context) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	cur := h.get()
	if !cur.complete {
		return nil
	}
	if h.full.Swap(false) {
		return h.build(ctx, false)
	}
	if labels, all, pos, ok := h.store.ReportChanges(cur.journal); ok {
		if all {
			return h.build(ctx, false)
		}
		if len(labels) == 0 {
			return nil
		}
		return h.reread(ctx, cur, labels, pos)
	}
	mark, err := h.store.ChangeMark(ctx)
	if err != nil || mark == cur.mark {
		return err
	}
	start := time.Now()
	digests, err := h.store.ReportDigests(ctx)
	if err != nil {
		return fmt.Errorf("read report digests: %w", err)
	}
	changed := changedReports(cur.reports, digests)
	var removed []string
	for r := range cur.reports {
		if _, ok := digests[r]; !ok {
			removed = append(removed, r)
		}
	}
	if len(removed) > 0 || len(changed) == 0 {
		// What a removed report said of other entities (a name, a date)
		// may be all the index holds of them: build it again. So too when
		// the store changed but no report's digest did: quads were
		// written outside reports (diplograph load, Cayley's write API).
		// The build records the news itself.
		return h.build(ctx, false)
	}
	ix := cur.next()
	t := touched{}
	for _, r := range changed {
		ix.dropReport(r)
		err := h.store.EachLabelQuad(ctx, quad.IRI(r), func(q quad.Quad) error {
			ix.add(q, t)
			return nil
		})
		if err != nil {
			return fmt.Errorf("read report %s: %w", r, err)
		}
	}
	ix.mark, ix.reports = mark, digests
	h.publish(ix, t, changed, start)
	return nil
}

// publish makes ix, the current snapshot with the reports changed read
// again (their entities in t), the current one, and logs and records
// those reports.
func (h *indexHolder) publish(ix *index, t touched, changed []string, start time.Time) {
	ix.addKeys(t)
	h.cur.Store(ix)
	if len(changed) > 0 {
		h.log.Printf("web: search index: %d new or changed report(s) of %d in %s", len(changed), len(ix.reports), time.Since(start).Round(time.Millisecond))
	}
	h.addNews(changed)
}

// changedReports returns, sorted, the reports of now whose digest is not
// the one they have in before (or that before lacks).
func changedReports(before, now map[string]string) []string {
	var changed []string
	for r, d := range now {
		if before[r] != d {
			changed = append(changed, r)
		}
	}
	sort.Strings(changed)
	return changed
}

// addNews records reports added or changed (newsSince).
func (h *indexHolder) addNews(changed []string) {
	h.newsMu.Lock()
	h.news = append(h.news, changed...)
	h.newsMu.Unlock()
}

// newsSince returns how many reports were added or changed after the
// first n, the total, and the last few of them (newest first).
func (h *indexHolder) newsSince(n, few int) (total int, last []string) {
	h.newsMu.Lock()
	defer h.newsMu.Unlock()
	total = len(h.news)
	if n < 0 || n > total {
		n = total
	}
	seen := map[string]bool{}
	for i := total - 1; i >= n && len(last) < few; i-- {
		if r := h.news[i]; !seen[r] {
			seen[r] = true
			last = append(last, r)
		}
	}
	return total, last
}

// reread reads again the reports this process changed (labels, from its
// journal up to pos): a report gone makes a full build, one whose digest
// did not change is left alone.
func (h *indexHolder) reread(ctx context.Context, cur *index, labels []string, pos int64) error {
	start := time.Now()
	ix := cur.next()
	t := touched{}
	var changed []string
	for _, r := range labels {
		var quads []quad.Quad
		digest := ""
		err := h.store.EachLabelQuad(ctx, quad.IRI(r), func(q quad.Quad) error {
			if q.Predicate == graph.DigestPredicate {
				digest = quad.StringOf(q.Object)
			}
			quads = append(quads, q)
			return nil
		})
		if err != nil {
			return fmt.Errorf("read report %s: %w", r, err)
		}
		if len(quads) == 0 {
			return h.build(ctx, false) // removed: see update
		}
		if d, ok := cur.reports[r]; ok && d == digest && digest != "" {
			continue
		}
		ix.dropReport(r)
		for _, q := range quads {
			ix.add(q, t)
		}
		ix.reports[r] = digest
		changed = append(changed, r)
	}
	ix.journal = pos
	h.publish(ix, t, changed, start)
	return nil
}
