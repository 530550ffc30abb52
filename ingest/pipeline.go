package ingest

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/cayleygraph/quad"
	"golang.org/x/sync/errgroup"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest/extract"
	"github.com/diplograph/diplograph/ingest/identity"
	"github.com/diplograph/diplograph/schema"
)

// Sink stores reports' quads; *graph.Store is one. Each report's quads
// must land whole or not at all, and replace what the report asserted before.
type Sink interface {
	ReplaceReports(ctx context.Context, reports []graph.ReportQuads) ([]graph.ReplaceResult, error)
}

// Options tune an ingest run.
type Options struct {
	Format   string                      // force a format; "" chooses per file
	Workers  int                         // extraction workers; <= 0 means one per core
	Batch    int                         // reports per transaction; <= 0 means 256
	Writers  int                         // batches written at once; <= 0 means 1
	OnError  func(error)                 // called for every failed file or item
	OnWarn   func(string)                // called for every warning of a report that is still read
	OnFile   func(path string, r Reader) // called after each file with the reader used
	Progress func(Summary)               // called after each batch written
	// Identity, when set, resolves the people of the run against the
	// store: every record extracted is shown to it, and once all are
	// written the reports whose people it puts elsewhere are rewritten
	// (identity.Resolver.Finish).
	Identity *identity.Resolver
	// Force extracts every report again. Otherwise a report stored from the
	// same input by the same program (its <dg:input> quad) is counted as
	// unchanged without being extracted, when the sink can tell (Known).
	Force bool
	// Files says where relative paths and "-" are read from (the working
	// directory and os.Stdin by default).
	Files Files
}

// Known is a Sink that can tell which quads it holds; *graph.Store is one.
type Known interface {
	HasQuads(ctx context.Context, qs []quad.Quad) ([]bool, error)
}

// Summary counts what an ingest run did.
type Summary struct {
	Files   int `json:"files"`
	Reports int `json:"reports"`
	// Events counts the distinct event nodes (typed <dg:Event>: meetings
	// reported, and the next meetings they announce) of the reports
	// extracted, counting an event reported twice once, as graph.Stats
	// counts the events of a store; an unchanged report skipped
	// unextracted counts none.
	Events    int `json:"events"`
	Quads     int `json:"quads"`
	Added     int `json:"added"`     // new reports
	Replaced  int `json:"replaced"`  // changed reports
	Unchanged int `json:"unchanged"` // already stored as they are
	Failed    int `json:"failed"`    // files or items that could not be read or written
	Warnings  int `json:"warnings"`  // things read past in reports that were still read (Report.Warnings)
	Resolved  int `json:"resolved"`  // reports rewritten because their people were resolved to other nodes
}

// result is an extracted record, or a report skipped as unchanged.
// result is one report on its way to the writer: its quads, built by the
// extraction worker so that the single writer only writes.
type result struct {
	rq      graph.ReportQuads
	source  string
	events  []quad.Value // the event nodes of the report
	skipped bool
}

// eventNodes are the subjects typed <dg:Event> among qq.
func eventNodes(qq []quad.Quad) []quad.Value {
	var out []quad.Value
	for _, q := range qq {
		if q.Predicate == schema.Type && q.Object == schema.Event {
			out = append(out, q.Subject)
		}
	}
	return out
}

// checkBatch is how many reports are looked up in the sink at once.
const checkBatch = 64

// Ingest reads files, extracts their reports on every core and writes
// them to sink in batches, streaming: memory does not grow with the number
// of reports. Bad files and items are reported through opt.OnError and
// counted; the others go on. The error is returned only when the run as a
// whole cannot continue (the context ends or the store fails).
func Ingest(ctx context.Context, files []string, reg *Registry, x *extract.Extractor, sink Sink, opt Options) (Summary, error) {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.Batch <= 0 {
		opt.Batch = 256
	}
	if opt.Writers <= 0 {
		opt.Writers = 1
	}
	onErr := opt.OnError
	if onErr == nil {
		onErr = func(error) {}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		sum    Summary
		events = map[quad.Value]struct{}{} // the event nodes counted in sum.Events
		mu     sync.Mutex                  // guards sum, events and onErr from the reader
		jobs   = make(chan Doc, 4*opt.Workers)
		// room for two batches, so that extraction goes on while the
		// writer commits one (a smaller buffer left a core idle)
		recs  = make(chan result, 2*opt.Batch)
		wg    sync.WaitGroup
		rdErr error
	)
	fail := func(err error) {
		mu.Lock()
		sum.Failed++
		onErr(err)
		mu.Unlock()
	}
	known, _ := sink.(Known)
	fp := fingerprint()
	if opt.Force || fp == "" {
		known = nil
	}
	var pending []Doc
	// dispatch passes the pending reports on: those stored from the same
	// input straight to the writer, the others to extraction.
	dispatch := func() error {
		var skip []bool
		if known != nil && len(pending) > 0 {
			qs := make([]quad.Quad, 0, len(pending))
			for _, d := range pending {
				if d.Report != nil {
					qs = append(qs, inputQuad(d.Report, fp))
				} else {
					qs = append(qs, quad.Quad{Subject: quad.IRI("-"), Predicate: schema.Input, Object: quad.String("-")})
				}
			}
			var err error
			if skip, err = known.HasQuads(ctx, qs); err != nil {
				skip = nil // cannot tell: extract them all
			}
		}
		for i, d := range pending {
			if skip != nil && skip[i] && d.Report != nil {
				select {
				case recs <- result{skipped: true}:
				case <-ctx.Done():
					return ctx.Err()
				}
				continue
			}
			select {
			case jobs <- d:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		pending = pending[:0]
		return nil
	}
	go func() {
		defer close(jobs)
		for _, f := range files {
			rd, err := reg.ReadFileFrom(ctx, opt.Files, f, opt.Format, func(d Doc) error {
				if d.Err != nil {
					fail(d.Err)
					return nil
				}
				if d.Report != nil && len(d.Report.Warnings) > 0 {
					mu.Lock()
					sum.Warnings += len(d.Report.Warnings)
					for _, w := range d.Report.Warnings {
						if opt.OnWarn != nil {
							opt.OnWarn(w)
						}
					}
					mu.Unlock()
				}
				pending = append(pending, d)
				if len(pending) < checkBatch && known != nil {
					return nil
				}
				return dispatch()
			})
			if ctx.Err() != nil {
				rdErr = ctx.Err()
				return
			}
			if err != nil {
				fail(err)
			}
			mu.Lock()
			sum.Files++
			if opt.OnFile != nil && rd != nil {
				opt.OnFile(f, rd)
			}
			mu.Unlock()
		}
		if err := dispatch(); err != nil {
			if ctx.Err() != nil {
				rdErr = ctx.Err()
			} else {
				rdErr = err
			}
		}
	}()
	for w := 0; w < opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				r := Extract(x, d)
				if d.Report != nil && fp != "" {
					r.Report.Input = inputDigest(d.Report, fp)
				}
				if opt.Identity != nil {
					opt.Identity.Observe(ctx, r)
				}
				qq := r.Quads()
				res := result{rq: graph.ReportQuads{Label: r.Report.IRI(), Quads: qq}, source: r.Report.Source, events: eventNodes(qq)}
				select {
				case recs <- res:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(recs) }()

	// write stores one batch; with Writers > 1 several run at once.
	write := func(batch []result) error {
		rqs := make([]graph.ReportQuads, len(batch))
		for i, r := range batch {
			rqs[i] = r.rq
		}
		res, err := sink.ReplaceReports(ctx, rqs)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			// isolate the report that fails; the others still land
			res = make([]graph.ReplaceResult, len(batch))
			for i, r := range batch {
				one, err := sink.ReplaceReports(ctx, []graph.ReportQuads{r.rq})
				if err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					fail(fmt.Errorf("%s: store: %w", r.source, err))
					res[i] = graph.ReplaceResult{Unchanged: true}
					continue
				}
				res[i] = one[0]
			}
		}
		mu.Lock()
		for i, r := range batch {
			sum.Reports++
			for _, e := range r.events {
				events[e] = struct{}{}
			}
			sum.Events = len(events)
			switch {
			case res[i].Unchanged:
				sum.Unchanged++
			case res[i].Removed > 0:
				sum.Replaced++
				sum.Quads += res[i].Added
			default:
				sum.Added++
				sum.Quads += res[i].Added
			}
		}
		s := sum
		if opt.Progress != nil {
			opt.Progress(s)
		}
		mu.Unlock()
		return nil
	}
	// opt.Writers batches are written at once; the first error stops
	// the run
	var writers errgroup.Group
	writers.SetLimit(opt.Writers)
	batch := make([]result, 0, opt.Batch)
	lastFlush := time.Now()
	flush := func() {
		if len(batch) == 0 {
			return
		}
		if b := batch; ctx.Err() == nil {
			writers.Go(func() error {
				if err := write(b); err != nil {
					cancel()
					return err
				}
				return nil
			})
		}
		batch = make([]result, 0, opt.Batch)
		lastFlush = time.Now()
	}
	skipped := 0
	for it := range recs {
		if it.skipped {
			mu.Lock()
			sum.Reports++
			sum.Unchanged++
			s := sum
			if skipped++; skipped%checkBatch == 0 && opt.Progress != nil {
				opt.Progress(s)
			}
			mu.Unlock()
			continue
		}
		batch = append(batch, it)
		// a transaction costs a commit (an fsync on an embedded store): write
		// full batches, or what there is when extraction is slower than
		// writing and nothing was written for a second
		if len(batch) >= opt.Batch || (len(recs) == 0 && len(batch) >= 8 && time.Since(lastFlush) > time.Second) {
			flush()
		}
	}
	flush()
	if err := writers.Wait(); err != nil {
		return sum, err
	}
	if rdErr != nil {
		return sum, rdErr
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if opt.Identity != nil {
		// resolution holds every mention of the run at once, for a few
		// seconds: collect garbage at the default pace meanwhile (ingest
		// runs at a lazier one), or the heap would grow to five times that
		old := debug.SetGCPercent(100)
		n, err := opt.Identity.Finish(ctx)
		debug.SetGCPercent(old)
		sum.Resolved = n
		if err != nil {
			return sum, fmt.Errorf("resolve people: %w", err)
		}
	}
	return sum, nil
}
