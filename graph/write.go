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
	// Old, when OldKnown, are the quads stored under Label, just read by
	// the caller in a way no writer could change meanwhile: an embedded
	// store then does not read them again.
	Old      []quad.Quad
	OldKnown bool
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
	if err := s.removePins(ctx); err != nil {
		return nil, err
	}
	res := make([]ReplaceResult, len(reports))
	var deltas []cgraph.Delta
	for i, r := range reports {
		old := r.Old
		if !r.OldKnown {
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
			var err error
			if old, err = s.LabelQuads(ctx, r.Label); err != nil {
				return nil, fmt.Errorf("read quads of %v: %w", r.Label, err)
			}
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
	pins := pinQuads(deltas)
	for _, q := range pins {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	if err := s.apply(deltas); err != nil {
		return nil, err
	}
	if len(pins) > 0 {
		unpin := make([]cgraph.Delta, len(pins))
		for i, q := range pins {
			unpin[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
		}
		if err := s.apply(unpin); err != nil {
			return nil, fmt.Errorf("remove pins: %w", err)
		}
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

// pinLabel labels the quads that pinQuads adds for the length of one
// transaction.
const pinLabel = quad.IRI("dg:pin")

// pinQuads works around Cayley's kv stores, which net the references a
// batch makes to each value and resolve, for the quads they add, only the
// values whose count does not fall: a batch that removes a value (a
// literal, a predicate, the report's own label) from more quads than it
// adds it to would write the added quads without it. For each such value
// it returns as many quads (labelled <dg:pin>) as keep its count from
// falling; they are added in the same transaction and removed in the next.
// A crash between the two leaves pins behind, which the next replace
// removes (see ReplaceReports).
func pinQuads(deltas []cgraph.Delta) []quad.Quad {
	type count struct {
		v          quad.Value
		adds, dels int
	}
	// the values of the deletes first: a batch without any (a first
	// ingest) costs nothing
	counts := map[refs.ValueHash]*count{}
	for _, d := range deltas {
		if d.Action != cgraph.Delete {
			continue
		}
		for _, dir := range quad.Directions {
			if v := d.Quad.Get(dir); v != nil {
				h := refs.HashOf(v)
				c := counts[h]
				if c == nil {
					c = &count{v: v}
					counts[h] = c
				}
				c.dels++
			}
		}
	}
	if len(counts) == 0 {
		return nil
	}
	for _, d := range deltas {
		if d.Action != cgraph.Add {
			continue
		}
		for _, dir := range quad.Directions {
			if v := d.Quad.Get(dir); v != nil {
				if c := counts[refs.HashOf(v)]; c != nil {
					c.adds++
				}
			}
		}
	}
	var pins []quad.Quad
	for _, c := range counts {
		for i := 0; c.adds > 0 && i < c.dels-c.adds; i++ {
			pins = append(pins, quad.Quad{Subject: pinLabel, Predicate: quad.IRI(fmt.Sprintf("dg:pin/%d", i)), Object: c.v, Label: pinLabel})
		}
	}
	return pins
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

// removePins deletes the pins a replace left behind when it stopped between
// its two transactions (see pinQuads).
func (s *Store) removePins(ctx context.Context) error {
	if ref, err := s.qs.ValueOf(pinLabel); err != nil || ref == nil {
		return err
	}
	if _, err := s.DeleteReport(ctx, pinLabel); err != nil {
		return fmt.Errorf("remove pins: %w", err)
	}
	return nil
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
