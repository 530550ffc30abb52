package extract

import "sort"

// counterpart is the other side of an event that names one country only,
// when the context makes it clear: the country the whole report names
// most often besides the event's own (at least twice), or else one named
// in a sentence of the event or next to one. An event with no people, no
// round or mechanism that is neither a call nor a visit gets none. It returns "" when there
// is none.
func (d *doc) counterpart(e *event) string {
	if e.kind == "conference" {
		return "" // a gathering of many has no one counterpart
	}
	if len(e.roles) == 0 && e.kind != "call" && e.kind != "visit" && e.ordinal == 0 && e.mech == "" {
		return "" // "the bank's policy meeting": no one's side is told
	}
	own := e.countries[0]
	discussed := map[string]bool{}
	for _, c := range e.discussed {
		discussed[c] = true
	}
	for _, c := range e.others {
		discussed[c] = true
	}
	near := map[int]bool{}
	for _, s := range e.sents {
		near[s.idx-1], near[s.idx], near[s.idx+1] = true, true, true
	}
	count := map[string]int{}
	best, bestN, first := "", 0, map[string]int{}
	nearBy := ""
	for _, s := range d.sents {
		for _, c := range s.cref {
			if c.iso3 == own || discussed[c.iso3] || topical(s, c.tok) {
				continue
			}
			if near[s.idx] && nearBy == "" {
				nearBy = c.iso3
			}
			if _, ok := first[c.iso3]; !ok {
				first[c.iso3] = s.idx
			}
			count[c.iso3]++
		}
	}
	for c, n := range count {
		if n > bestN || n == bestN && first[c] < first[best] {
			best, bestN = c, n
		}
	}
	if bestN >= 2 {
		return best
	}
	return nearBy
}

// topical reports whether the country at token k is named as a subject
// ("on Afghanistan", "the situation in Gaza"), not as a party.
func topical(s *sentence, k int) bool {
	if k == 0 {
		return false
	}
	switch s.toks[k-1].key {
	case "on", "in", "about", "regarding", "over", "against", "towards", "toward", "for":
		return true
	}
	return false
}

// mainPair is the two countries the report names most often as parties
// (each at least twice); when there are not two such, the countries of
// the first sentence that names two or more; nil when none does.
func (d *doc) mainPair() []string {
	count := map[string]int{}
	first := map[string]int{}
	for _, s := range d.sents {
		for _, c := range s.cref {
			if topical(s, c.tok) {
				continue
			}
			if _, ok := first[c.iso3]; !ok {
				first[c.iso3] = s.idx*1000 + c.tok
			}
			count[c.iso3]++
		}
	}
	var best []string
	for c, n := range count {
		if n >= 2 {
			best = append(best, c)
		}
	}
	sort.Slice(best, func(i, j int) bool {
		if count[best[i]] != count[best[j]] {
			return count[best[i]] > count[best[j]]
		}
		return first[best[i]] < first[best[j]]
	})
	if len(best) >= 2 {
		return best[:2]
	}
	// few countries named twice: those of the first sentence that names
	// two or more ("among Japan, China and Korea")
	for _, s := range d.sents {
		var cs []string
		seen := map[string]bool{}
		for _, c := range s.cref {
			if !topical(s, c.tok) && !seen[c.iso3] {
				seen[c.iso3] = true
				cs = append(cs, c.iso3)
			}
		}
		if len(cs) >= 2 {
			return cs
		}
	}
	return nil
}
