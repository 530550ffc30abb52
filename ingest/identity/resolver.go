package identity

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// Store is what resolution reads and rewrites; *graph.Store is one.
type Store interface {
	ReplaceReports(ctx context.Context, reports []graph.ReportQuads) ([]graph.ReplaceResult, error)
	LabelQuads(ctx context.Context, label quad.Value) ([]quad.Quad, error)
	SubjectQuads(ctx context.Context, v quad.Value) ([]quad.Quad, error)
	TypedNodes(ctx context.Context, class quad.IRI) ([]quad.Value, error)
}

// placed is a mention as a report stores it: under which node, with which
// name and aliases on that node.
type placed struct {
	Mention
	iri     quad.IRI
	name    string // the report's <schema:name> of the node
	aliased bool   // Written came from a <dg:alias> quad
}

// Resolver resolves the people of one ingest run against the store. The
// pipeline calls Observe for every record it extracts (from any goroutine)
// and Finish once all are written.
type Resolver struct {
	rules   *Rules
	aliases *Aliases
	store   Store

	mu      sync.Mutex
	began   bool
	err     error
	before  map[string][]quad.IRI // block -> person nodes stored before the run
	pending bool                  // a run before this one stopped before resolving
	run     []runMention
	labels  map[string]bool
	touched map[string]bool
	ids     map[string]int32 // interned reports, names, IRIs, countries
	strs    []string
}

// runMention is a mention of the run, as numbers of interned strings: a
// run holds one per person per report.
type runMention struct{ report, written, country, iri int32 }

// NewResolver returns a resolver for one ingest run into st, with the
// analyst's aliases (nil for none).
func NewResolver(rules *Rules, al *Aliases, st Store) *Resolver {
	if al == nil {
		al = &Aliases{}
	}
	return &Resolver{rules: rules, aliases: al, store: st, labels: map[string]bool{}, touched: map[string]bool{}, ids: map[string]int32{}}
}

// Observe notes the people of a record about to be written. The first call
// lists the people already stored, before anything of the run is written.
func (r *Resolver) Observe(ctx context.Context, rec *schema.Record) {
	label := string(rec.Report.IRI())
	var blocks []string
	for _, p := range rec.People {
		blocks = append(blocks, r.rules.Parse(p.Name).blocks()...)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.began {
		r.began = true
		r.before, r.err = storedBlocks(ctx, r.rules, r.store)
		if r.err == nil {
			r.pending, r.err = hasPending(ctx, r.store)
		}
		if r.err == nil && !r.pending {
			r.err = setPending(ctx, r.store, true)
		}
	}
	r.labels[label] = true
	rep := r.intern(label)
	for _, p := range rec.People {
		r.run = append(r.run, runMention{report: rep, written: r.intern(p.Name), country: r.intern(iso3(p.Represents)), iri: r.intern(string(p.IRI))})
	}
	for _, b := range blocks {
		r.touched[b] = true
	}
}

func iso3(country quad.IRI) string { return strings.TrimPrefix(string(country), "country:") }

// intern numbers s, keeping one copy of each distinct value (names are
// often slices of the report's text: the texts are not kept); r.mu is
// held.
func (r *Resolver) intern(s string) int32 {
	if v, ok := r.ids[s]; ok {
		return v
	}
	v := int32(len(r.strs))
	c := strings.Clone(s)
	r.strs = append(r.strs, c)
	r.ids[c] = v
	return v
}

// storedBlocks lists the person nodes of the store by the blocks of the
// names their slugs spell.
func storedBlocks(ctx context.Context, rules *Rules, st Store) (map[string][]quad.IRI, error) {
	nodes, err := st.TypedNodes(ctx, schema.Person)
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	out := map[string][]quad.IRI{}
	for _, v := range nodes {
		iri, ok := v.(quad.IRI)
		if !ok {
			continue
		}
		slug := strings.TrimPrefix(string(iri), "person:")
		for _, b := range rules.Parse(strings.ReplaceAll(slug, "-", " ")).blocks() {
			out[b] = append(out[b], iri)
		}
	}
	return out, nil
}

// Finish resolves the people of the run together with the stored people
// whose names could be theirs, and rewrites every report (the run's and
// stored ones) whose people changed node, name or aliases, each report
// whole in one transaction. It returns the number of reports rewritten.
func (r *Resolver) Finish(ctx context.Context) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err != nil {
		return 0, r.err
	}
	if !r.began {
		// nothing extracted: only an earlier run left unresolved needs work
		var err error
		if r.pending, err = hasPending(ctx, r.store); err != nil {
			return 0, err
		}
	}
	if r.pending {
		// reports that a stopped run wrote are not extracted again: resolve
		// the whole graph
		_, n, err := Reresolve(ctx, r.rules, r.aliases, r.store)
		if err != nil {
			return n, err
		}
		return n, setPending(ctx, r.store, false)
	}
	if len(r.run) == 0 {
		return 0, nil
	}
	n, err := r.finishRun(ctx)
	if err != nil {
		return n, err
	}
	return n, setPending(ctx, r.store, false)
}

// pendingNode marks, in a store, an ingest run that has written reports
// whose people it has not resolved yet: <dg:identity> <dg:pending> "run"
// labelled <dg:identity>, written before the run's first report and
// removed once they are resolved. The next run that finds it resolves the
// whole graph.
const (
	pendingNode = quad.IRI("dg:identity")
	pendingPred = quad.IRI("dg:pending")
)

func hasPending(ctx context.Context, st Store) (bool, error) {
	qs, err := st.LabelQuads(ctx, pendingNode)
	if err != nil {
		return false, fmt.Errorf("read the resolution mark: %w", err)
	}
	return len(qs) > 0, nil
}

func setPending(ctx context.Context, st Store, on bool) error {
	var qs []quad.Quad
	if on {
		qs = []quad.Quad{{Subject: pendingNode, Predicate: pendingPred, Object: quad.String("run"), Label: pendingNode}}
	}
	if _, err := st.ReplaceReports(ctx, []graph.ReportQuads{{Label: pendingNode, Quads: qs}}); err != nil {
		return fmt.Errorf("write the resolution mark: %w", err)
	}
	return nil
}

// finishRun resolves the run's people with the stored ones whose names
// could be theirs; r.mu is held.
func (r *Resolver) finishRun(ctx context.Context) (int, error) {
	// the stored people of the touched blocks, and of the blocks their
	// names touch in turn
	all := make([]placed, len(r.run))
	for i, m := range r.run {
		w := r.strs[m.written]
		all[i] = placed{Mention: Mention{Report: r.strs[m.report], Written: w, Country: r.strs[m.country]}, iri: quad.IRI(r.strs[m.iri]), name: w}
	}
	r.run, r.ids = nil, nil // Finish runs once
	loaded := map[quad.IRI]bool{}
	done := map[string]bool{}
	queue := make([]string, 0, len(r.touched))
	for b := range r.touched {
		queue = append(queue, b)
	}
	sort.Strings(queue)
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		if done[b] {
			continue
		}
		done[b] = true
		for _, iri := range r.before[b] {
			if loaded[iri] {
				continue
			}
			loaded[iri] = true
			ms, err := storedMentions(ctx, r.store, iri)
			if err != nil {
				return 0, err
			}
			for _, m := range ms {
				if r.labels[m.Report] {
					continue // written again by this run: the run's record counts
				}
				all = append(all, m)
				for _, nb := range r.rules.Parse(m.Written).blocks() {
					if !done[nb] {
						queue = append(queue, nb)
					}
				}
			}
		}
	}
	return rewrite(ctx, r.store, Resolve(r.rules, r.aliases, mentionsOf(all)), all)
}

func mentionsOf(ps []placed) []Mention {
	out := make([]Mention, len(ps))
	for i, p := range ps {
		out[i] = p.Mention
	}
	return out
}

// storedMentions reads the mentions of one person node: per report, the
// forms written (its aliases, or its name when it has none) with the
// countries the report gave.
func storedMentions(ctx context.Context, st Store, iri quad.IRI) ([]placed, error) {
	qs, err := st.SubjectQuads(ctx, iri)
	if err != nil {
		return nil, fmt.Errorf("read %v: %w", iri, err)
	}
	type acc struct{ names, aliases, countries []string }
	by := map[string]*acc{}
	var labels []string
	for _, q := range qs {
		l := quad.StringOf(q.Label)
		a := by[l]
		if a == nil {
			a = &acc{}
			by[l] = a
			labels = append(labels, l)
		}
		switch q.Predicate {
		case schema.Name:
			a.names = append(a.names, fmt.Sprint(quad.NativeOf(q.Object)))
		case schema.Alias:
			a.aliases = append(a.aliases, fmt.Sprint(quad.NativeOf(q.Object)))
		case schema.Represents:
			if c, ok := q.Object.(quad.IRI); ok {
				a.countries = append(a.countries, iso3(c))
			}
		}
	}
	var out []placed
	for _, l := range labels {
		a := by[l]
		if len(a.names) == 0 {
			continue
		}
		forms, aliased := a.aliases, true
		if len(forms) == 0 {
			forms, aliased = a.names[:1], false
		}
		ctry := a.countries
		if len(ctry) == 0 {
			ctry = []string{""}
		}
		for _, f := range forms {
			for _, c := range ctry {
				out = append(out, placed{Mention: Mention{Report: strings.Trim(l, "<>"), Written: f, Country: c}, iri: iri, name: a.names[0], aliased: aliased})
			}
		}
	}
	return out, nil
}
