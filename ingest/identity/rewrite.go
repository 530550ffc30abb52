package identity

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// rewriteBatch is how many reports are rewritten in one call to the store.
const rewriteBatch = 256

// personPlan is what one report should say of one person node.
type personPlan struct {
	iri     quad.IRI
	name    string
	written map[string]bool
}

// rewrite brings every report whose mentions do not sit where res puts
// them, under the name res shows, with their written forms as aliases, in
// line: it reads the report's quads, renames the person nodes, sets their
// names and aliases and stores the report again whole.
func rewrite(ctx context.Context, st Store, res *Resolution, all []placed) (int, error) {
	byReport := map[string][]int32{}
	for i, m := range all {
		byReport[m.Report] = append(byReport[m.Report], int32(i))
	}
	reports := make([]string, 0, len(byReport))
	for rp := range byReport {
		reports = append(reports, rp)
	}
	sort.Strings(reports)
	var batch []graph.ReportQuads
	n := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if _, err := st.ReplaceReports(ctx, batch); err != nil {
			return fmt.Errorf("rewrite people of %d reports: %w", len(batch), err)
		}
		n += len(batch)
		batch = batch[:0]
		return nil
	}
	for _, rp := range reports {
		ms := make([]placed, len(byReport[rp]))
		for i, x := range byReport[rp] {
			ms[i] = all[x]
		}
		sort.Slice(ms, func(i, j int) bool { return ms[i].Written < ms[j].Written })
		move := map[quad.IRI]quad.IRI{}
		plans := map[quad.IRI]*personPlan{}
		for _, m := range ms {
			c := res.Of(m.Written, m.Country)
			if c == nil {
				continue
			}
			to, ok := move[m.iri]
			if !ok {
				to = c.IRI
				move[m.iri] = to
			}
			p := plans[to]
			if p == nil {
				p = &personPlan{iri: to, name: c.Name, written: map[string]bool{}}
				plans[to] = p
			}
			p.written[m.Written] = true
		}
		if !needsRewrite(ms, move, plans) {
			continue
		}
		label := quad.IRI(rp)
		old, err := st.LabelQuads(ctx, label)
		if err != nil {
			return n, fmt.Errorf("read %v: %w", label, err)
		}
		if len(old) == 0 {
			continue
		}
		batch = append(batch, graph.ReportQuads{Label: label, Quads: rewriteQuads(old, label, move, plans), Old: old, OldKnown: true})
		if len(batch) >= rewriteBatch {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	return n, flush()
}

// needsRewrite says whether a report's people are not yet as planned.
func needsRewrite(ms []placed, move map[quad.IRI]quad.IRI, plans map[quad.IRI]*personPlan) bool {
	targets := map[quad.IRI]quad.IRI{}
	for _, m := range ms {
		to, ok := move[m.iri]
		if !ok {
			continue
		}
		if to != m.iri || m.name != plans[to].name {
			return true
		}
		if prev, ok := targets[to]; ok && prev != m.iri {
			return true
		}
		targets[to] = m.iri
		if m.aliased != wantsAliases(plans[to]) {
			return true
		}
	}
	return false
}

// wantsAliases says whether a report writes its forms of a person as
// aliases: whenever it wrote one that is not the name shown.
func wantsAliases(p *personPlan) bool {
	return len(p.written) > 1 || !p.written[p.name]
}

// rewriteQuads renames the person nodes of one report's quads, sets their
// names and aliases, and ends them with a new digest.
func rewriteQuads(old []quad.Quad, label quad.IRI, move map[quad.IRI]quad.IRI, plans map[quad.IRI]*personPlan) []quad.Quad {
	ren := func(v quad.Value) quad.Value {
		if iri, ok := v.(quad.IRI); ok {
			if to, ok := move[iri]; ok {
				return to
			}
		}
		return v
	}
	seen := map[quad.Quad]bool{}
	var out []quad.Quad
	add := func(q quad.Quad) {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	for _, q := range old {
		if q.Predicate == schema.Digest {
			continue
		}
		if s, ok := q.Subject.(quad.IRI); ok {
			if _, moved := move[s]; moved && (q.Predicate == schema.Name || q.Predicate == schema.Alias) {
				continue
			}
		}
		q.Subject, q.Object = ren(q.Subject), ren(q.Object)
		add(q)
	}
	iris := make([]quad.IRI, 0, len(plans))
	for iri := range plans {
		iris = append(iris, iri)
	}
	sort.Slice(iris, func(i, j int) bool { return iris[i] < iris[j] })
	for _, iri := range iris {
		p := plans[iri]
		add(quad.Quad{Subject: iri, Predicate: schema.Name, Object: quad.String(p.name), Label: label})
		if wantsAliases(p) {
			for w := range p.written {
				add(quad.Quad{Subject: iri, Predicate: schema.Alias, Object: quad.String(w), Label: label})
			}
		}
	}
	out = schema.SortQuads(out, quad.Quad.String)
	return append(out, quad.Quad{Subject: label, Predicate: schema.Digest, Object: quad.String(schema.Digest64(out)), Label: label})
}
