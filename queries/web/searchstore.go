package web

import (
	"context"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// searchStore adds to hits the entities the store names exactly q (as
// typed, capitalised, or in capitals) or whose IRI is q, for searches
// made while the index is being built. It reads a few index entries per
// form, never the whole store.
func (s *Server) searchStore(ctx context.Context, ix *index, q, typ string, hits []hit) []hit {
	q = strings.TrimSpace(q)
	if q == "" {
		return hits
	}
	have := map[string]bool{}
	for _, h := range hits {
		have[h.ID] = true
	}
	add := func(id, name string, score float64) {
		if have[id] {
			return
		}
		e := ix.ents[id]
		if e == nil {
			e = &Entity{ID: id, Name: name}
		}
		if typ != "" && !strings.EqualFold(e.Type, typ) && e.Type != "" {
			return
		}
		have[id] = true
		hits = append(hits, hit{Entity: e, Score: score})
	}
	qs := s.store.QuadStore()
	if strings.Contains(q, ":") {
		id := strings.TrimSuffix(strings.TrimPrefix(q, "<"), ">")
		if ref, err := qs.ValueOf(quad.IRI(id)); err == nil && ref != nil {
			add(id, "", 95)
		}
	}
	lower := strings.ToLower(q)
	forms := []string{q, titleCase(lower), strings.ToUpper(q), lower}
	seen := map[string]bool{}
	for _, f := range forms {
		if seen[f] {
			continue
		}
		seen[f] = true
		ref, err := qs.ValueOf(quad.String(f))
		if err != nil || ref == nil {
			continue
		}
		it := qs.QuadIterator(quad.Object, ref).Iterate()
		for n := 0; n < 200 && it.Next(ctx); n++ {
			qd, err := qs.Quad(it.Result())
			if err != nil {
				break
			}
			if id := iriString(qd.Subject); id != "" && (qd.Predicate == schema.Name || qd.Predicate == schema.Alias) {
				add(id, f, 100)
			}
		}
		it.Close()
	}
	return hits
}

// titleCase capitalises the first letter of every word.
func titleCase(s string) string {
	b := []rune(s)
	for i, r := range b {
		if i == 0 || !unicode.IsLetter(b[i-1]) {
			b[i] = unicode.ToUpper(r)
		}
	}
	return string(b)
}
