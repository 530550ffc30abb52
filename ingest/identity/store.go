package identity

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// ReadStore resolves every person of the store, as the stored reports name
// them, without changing anything.
func ReadStore(ctx context.Context, rules *Rules, al *Aliases, st Store) (*Resolution, error) {
	res, _, err := readStore(ctx, rules, al, st)
	return res, err
}

func readStore(ctx context.Context, rules *Rules, al *Aliases, st Store) (*Resolution, []placed, error) {
	nodes, err := st.TypedNodes(ctx, schema.Person)
	if err != nil {
		return nil, nil, fmt.Errorf("list people: %w", err)
	}
	var all []placed
	for _, v := range nodes {
		iri, ok := v.(quad.IRI)
		if !ok {
			continue
		}
		ms, err := storedMentions(ctx, st, iri)
		if err != nil {
			return nil, nil, err
		}
		all = append(all, ms...)
	}
	return Resolve(rules, al, mentionsOf(all)), all, nil
}

// Reresolve resolves every person of the store again, with the aliases
// given, and rewrites the reports whose people move, without reading any
// report again: what a change to the alias file needs. It returns the
// resolution and the number of reports rewritten.
func Reresolve(ctx context.Context, rules *Rules, al *Aliases, st Store) (*Resolution, int, error) {
	res, all, err := readStore(ctx, rules, al, st)
	if err != nil {
		return nil, 0, err
	}
	n, err := rewrite(ctx, st, res, all)
	return res, n, err
}

// ApplyAliases resolves st again with al (Reresolve) and then keeps text,
// the alias file al was read from, with the graph (SaveAliases) for later
// resolutions. The count of reports rewritten holds even when an error is
// returned.
func ApplyAliases(ctx context.Context, rules *Rules, al *Aliases, st Store, text string) (*Resolution, int, error) {
	res, n, err := Reresolve(ctx, rules, al, st)
	if err != nil {
		return res, n, err
	}
	return res, n, SaveAliases(ctx, st, text)
}

// Explain returns the people whose forms match name: the same name key, a
// name that could be a shorter or longer form of it, or a form that
// contains it (folded, any case).
func (r *Resolution) Explain(name string) []*Cluster {
	q := r.rules.Parse(name)
	needle := strings.ToLower(schema.Fold(name))
	var out []*Cluster
	for _, c := range r.Clusters {
		for _, f := range c.Forms {
			n := r.rules.Parse(f.Written)
			rel, _ := relate(q, n)
			if n.Key() == q.Key() || rel != unrelated || strings.Contains(strings.ToLower(schema.Fold(f.Written)), needle) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// Duplicate is a pair of people that may be one: close names and
// countries that agree, but kept apart.
type Duplicate struct {
	A, B   *Cluster
	Reason string
}

// Duplicates lists the pairs of people that share a country (or where one
// has none) and whose names are close: one could be a form of the other
// but was kept apart (two longer forms fit, or the alias file), or they
// share the family name and the first letter of the given name, or their
// name keys are one or two letters apart.
func (r *Resolution) Duplicates() []Duplicate {
	clusterOf := func(g *keyGroup) *Cluster { return r.byForm[g.forms[0]] }
	blocks := map[string][]int{}
	for i, g := range r.groups {
		for _, b := range g.name.blocks() {
			blocks[b] = append(blocks[b], i)
		}
	}
	seen := map[[2]quad.IRI]bool{}
	var out []Duplicate
	for _, ms := range blocks {
		for x := 0; x < len(ms); x++ {
			for y := x + 1; y < len(ms); y++ {
				ga, gb := r.groups[ms[x]], r.groups[ms[y]]
				ca, cb := clusterOf(ga), clusterOf(gb)
				if ca == nil || cb == nil || ca == cb {
					continue
				}
				if ca.IRI > cb.IRI {
					ca, cb, ga, gb = cb, ca, gb, ga
				}
				k := [2]quad.IRI{ca.IRI, cb.IRI}
				if seen[k] || !countriesAgree(ca.Countries, cb.Countries) {
					continue
				}
				reason := closeness(ga.name, gb.name)
				if reason == "" {
					continue
				}
				seen[k] = true
				out = append(out, Duplicate{A: ca, B: cb, Reason: reason})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].A.IRI != out[j].A.IRI {
			return out[i].A.IRI < out[j].A.IRI
		}
		return out[i].B.IRI < out[j].B.IRI
	})
	return out
}

func countriesAgree(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// closeness says why two names may be one person's, "" when they are not
// close.
func closeness(a, b Name) string {
	if rel, notes := relate(a, b); rel != unrelated {
		return "one could be a form of the other (" + strings.Join(notes, ", ") + ")"
	}
	la, lb := a.Words[len(a.Words)-1], b.Words[len(b.Words)-1]
	if len(a.Words) > 1 && len(b.Words) > 1 && sameWord(la, lb) != "" && a.Words[0].Plain[0] == b.Words[0].Plain[0] {
		return "same family name, same first letter"
	}
	ka, kb := a.Key(), b.Key()
	if min(len(ka), len(kb)) >= 8 && editDistance(ka, kb) <= 2 {
		return "names two letters apart at most"
	}
	return ""
}
