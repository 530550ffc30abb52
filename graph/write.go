package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"golang.org/x/sync/errgroup"
)

// DigestPredicate marks the quad whose presence means a report is stored
// unchanged (schema.Digest; repeated here so that graph knows no schema).
const DigestPredicate = quad.IRI("dg:digest")

// WriteBatch adds quads in one transaction: all land or none do. Quads
// already present are skipped.
func (s *Store) WriteBatch(ctx context.Context, quads []quad.Quad) error {
	if len(quads) == 0 {
		return nil
	}
	if s.bulk() {
		return s.pgApply(ctx, quads, nil)
	}
	deltas := make([]cgraph.Delta, len(quads))
	for i, q := range quads {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
	}
	if err := s.apply(deltas); err != nil {
		return err
	}
	s.journal.add("") // quads outside reports
	return nil
}

func (s *Store) apply(deltas []cgraph.Delta) error {
	if len(deltas) == 0 {
		return nil
	}
	if s.backend == "memstore" {
		s.mu.Lock()
		defer s.mu.Unlock()
	}
	defer s.writes.Add(1)
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		return err
	}
	if s.mapped != nil {
		if err := releaseMapped(s.mapped); err != nil {
			return fmt.Errorf("release mapped pages: %w", err)
		}
	}
	return nil
}

// ReportQuads is the complete set of quads one report asserts, all with
// Label as their label.
type ReportQuads struct {
	Label quad.Value
	Quads []quad.Quad
}

// ReplaceResult says what a replacement did to one report.
type ReplaceResult struct {
	Unchanged bool // the same quads were stored already
	Added     int
	Removed   int
}

// ReplaceReports makes the store hold exactly the given quads under each
// report's label, in one transaction for the whole batch: quads of the
// label that are no longer asserted are removed, new ones added, and a
// report whose digest quad is already stored is left alone.
func (s *Store) ReplaceReports(ctx context.Context, reports []ReportQuads) ([]ReplaceResult, error) {
	for _, r := range reports {
		for _, q := range r.Quads {
			if q.Label != r.Label {
				return nil, fmt.Errorf("quad %v is not labelled %v", q, r.Label)
			}
		}
	}
	if s.bulk() {
		return s.pgReplaceReports(ctx, reports)
	}
	res := make([]ReplaceResult, len(reports))
	var deltas []cgraph.Delta
	for i, r := range reports {
		if d, ok := digestQuad(r.Quads); ok {
			has, err := s.Has(ctx, d)
			if err != nil {
				return nil, err
			}
			if has {
				res[i].Unchanged = true
				continue
			}
		}
		old, err := s.LabelQuads(ctx, r.Label)
		if err != nil {
			return nil, fmt.Errorf("read quads of %v: %w", r.Label, err)
		}
		want := make(map[quad.Quad]bool, len(r.Quads))
		for _, q := range r.Quads {
			want[q] = true
		}
		for _, q := range old {
			if want[q] {
				delete(want, q)
				continue
			}
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			res[i].Removed++
		}
		for _, q := range r.Quads {
			if want[q] {
				delete(want, q)
				deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
				res[i].Added++
			}
		}
		if res[i].Added == 0 && res[i].Removed == 0 {
			res[i].Unchanged = true
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := s.apply(deltas); err != nil {
		return nil, err
	}
	var changed []string
	for i, r := range reports {
		if !res[i].Unchanged {
			changed = append(changed, labelString(r.Label))
		}
	}
	s.journal.add(changed...)
	return res, nil
}

// labelString is a label's IRI without brackets, or its N-Quads form.
func labelString(l quad.Value) string {
	if i, ok := l.(quad.IRI); ok {
		return string(i)
	}
	return quad.StringOf(l)
}

// ReplaceReport is ReplaceReports for one report.
func (s *Store) ReplaceReport(ctx context.Context, label quad.Value, quads []quad.Quad) (ReplaceResult, error) {
	res, err := s.ReplaceReports(ctx, []ReportQuads{{Label: label, Quads: quads}})
	if err != nil {
		return ReplaceResult{}, err
	}
	return res[0], nil
}

// DeleteReport removes every quad labelled label in one transaction and
// says how many there were.
func (s *Store) DeleteReport(ctx context.Context, label quad.Value) (int, error) {
	old, err := s.LabelQuads(ctx, label)
	if err != nil {
		return 0, err
	}
	if s.bulk() {
		del := make([]refs.QuadHash, len(old))
		for i, q := range old {
			del[i] = quadHash(q)
		}
		return len(old), s.pgApply(ctx, nil, del)
	}
	deltas := make([]cgraph.Delta, len(old))
	for i, q := range old {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
	}
	if err := s.apply(deltas); err != nil {
		return 0, err
	}
	s.journal.add(labelString(label))
	return len(old), nil
}

func digestQuad(qs []quad.Quad) (quad.Quad, bool) {
	for i := len(qs) - 1; i >= 0; i-- {
		if qs[i].Predicate == DigestPredicate {
			return qs[i], true
		}
	}
	return quad.Quad{}, false
}

// LoadProgress is called after each batch a Load writes.
type LoadProgress func(quads int64)

// Load reads quads from r and writes them in transactions of batch quads
// (10,000 when batch <= 0), ParallelWrites of them at once, calling
// progress after each. It returns how many quads were written; on a read
// error, the batches before it stay written and the error says which quad
// failed.
func (s *Store) Load(ctx context.Context, r quad.Reader, batch int, progress LoadProgress) (int64, error) {
	if batch <= 0 {
		batch = 10000
	}
	// batches are read here and written ParallelWrites at once; the
	// first error stops the run
	var (
		mu sync.Mutex
		n  int64
	)
	writers, wctx := errgroup.WithContext(ctx)
	writers.SetLimit(s.ParallelWrites())
	send := func(b []quad.Quad) {
		if len(b) == 0 || wctx.Err() != nil {
			return
		}
		writers.Go(func() error {
			if err := s.WriteBatch(wctx, b); err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			n += int64(len(b))
			if progress != nil {
				progress(n)
			}
			return nil
		})
	}
	buf := make([]quad.Quad, 0, batch)
	var rerr error
	for {
		if err := wctx.Err(); err != nil {
			rerr = err
			break
		}
		q, err := r.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			rerr = err // the batches before it are still written
			break
		}
		if !q.IsValid() {
			continue
		}
		buf = append(buf, q)
		if len(buf) == batch {
			send(buf)
			buf = make([]quad.Quad, 0, batch)
		}
	}
	send(buf)
	if err := writers.Wait(); err != nil {
		return n, err
	}
	return n, rerr
}
