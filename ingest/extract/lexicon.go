package extract

import (
	"slices"
	"strings"

	"github.com/diplograph/diplograph/ingest/gazetteer"
)

// lexKind says what a dictionary phrase names.
type lexKind int

const (
	lexCountry lexKind = iota
	lexDemonym
	lexCity
	lexOrg
	lexBody
	lexTitle
	lexRank
	lexRegion
	lexTopic
	lexMech
)

// lexEntry is one meaning of a dictionary phrase.
type lexEntry struct {
	kind    lexKind
	exact   string // for acronyms: the spelling that must match exactly
	country *gazetteer.Country
	city    *gazetteer.City
	org     *gazetteer.Org
	body    *gazetteer.Body
	title   *gazetteer.Title
	rank    *gazetteer.Rank
	region  *gazetteer.Region
	topic   *gazetteer.Topic
	mech    string
	weak    bool // a country's name that is also a common word or personal name: "Siam"
}

// lexicon maps phrase keys (tokens' keys joined by one space) to meanings.
type lexicon struct {
	m      map[string][]lexEntry
	maxLen int
	// first maps the first word of every key to the most words of a key
	// that starts with it, so that scan tries only the lengths that can match
	first map[string]int
}

func (l *lexicon) add(phrase string, e lexEntry) {
	toks := tokenize(phrase)
	if len(toks) == 0 {
		return
	}
	if isAcronymPhrase(phrase) {
		e.exact = strings.ReplaceAll(phrase, " ", "")
	}
	k := joinKeys(toks)
	for _, old := range l.m[k] {
		if old.kind == e.kind && old.exact == e.exact && old.country == e.country && old.city == e.city &&
			old.org == e.org && old.body == e.body && old.title == e.title && old.rank == e.rank &&
			old.region == e.region && old.topic == e.topic && old.mech == e.mech && old.weak == e.weak {
			return
		}
	}
	l.m[k] = append(l.m[k], e)
	if len(toks) > l.first[toks[0].key] {
		l.first[toks[0].key] = len(toks)
	}
	if len(toks) > l.maxLen {
		l.maxLen = len(toks)
	}
}

// isAcronymPhrase reports whether a phrase is written in capitals only
// ("SCO", "U.S.", "FO"), so that it must match case-sensitively.
func isAcronymPhrase(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 1 && len(s) <= 8
}

func buildLexicon(g *gazetteer.Gazetteer) *lexicon {
	l := &lexicon{m: map[string][]lexEntry{}, first: map[string]int{}}
	for i := range g.Countries {
		c := &g.Countries[i]
		l.add(c.Name, lexEntry{kind: lexCountry, country: c})
		for _, a := range c.Aliases {
			l.add(a, lexEntry{kind: lexCountry, country: c, weak: slices.Contains(c.Weak, a)})
		}
		for _, d := range c.Demonyms {
			l.add(d, lexEntry{kind: lexDemonym, country: c})
		}
		for j := range c.Cities {
			city := &c.Cities[j]
			l.add(city.Name, lexEntry{kind: lexCity, city: city, country: c})
			for _, v := range city.Variants {
				l.add(v, lexEntry{kind: lexCity, city: city, country: c})
			}
		}
	}
	for i := range g.Orgs {
		o := &g.Orgs[i]
		l.add(o.Name, lexEntry{kind: lexOrg, org: o})
		for _, a := range o.Aliases {
			l.add(a, lexEntry{kind: lexOrg, org: o})
		}
	}
	for i := range g.Bodies {
		b := &g.Bodies[i]
		l.add(b.Name, lexEntry{kind: lexBody, body: b})
		for _, a := range b.Aliases {
			l.add(a, lexEntry{kind: lexBody, body: b})
		}
	}
	for i := range g.Titles {
		l.add(g.Titles[i].Title, lexEntry{kind: lexTitle, title: &g.Titles[i]})
	}
	for i := range g.Ranks {
		l.add(g.Ranks[i].Form, lexEntry{kind: lexRank, rank: &g.Ranks[i]})
	}
	for i := range g.Regions {
		r := &g.Regions[i]
		l.add(r.Name, lexEntry{kind: lexRegion, region: r})
		for _, a := range r.Aliases {
			l.add(a, lexEntry{kind: lexRegion, region: r})
		}
	}
	for i := range g.Topics {
		t := &g.Topics[i]
		for _, k := range t.Keywords {
			if len(k) > 3 {
				l.add(k, lexEntry{kind: lexTopic, topic: t})
			}
		}
	}
	for _, m := range g.Mechanisms {
		for _, p := range m.Phrases {
			l.add(p, lexEntry{kind: lexMech, mech: m.Type})
		}
	}
	return l
}

// mention is a dictionary phrase found in a sentence, tokens [i, j).
type mention struct {
	i, j       int
	possessive bool // written with 's: "Kazakhstan's"
	entries    []lexEntry
}

func (m mention) first(kind lexKind) (lexEntry, bool) {
	for _, e := range m.entries {
		if e.kind == kind {
			return e, true
		}
	}
	return lexEntry{}, false
}

func (m mention) has(kind lexKind) bool { _, ok := m.first(kind); return ok }

// scan finds the longest dictionary phrases of toks, left to right.
// Acronyms match only as written; other proper names only when their first
// word is capitalized; titles, topics and mechanisms in any case.
func (l *lexicon) scan(toks []token) []mention {
	var out []mention
	var ends []int // ends[n-1] is the length of the key of the first n tokens
	for i := 0; i < len(toks); {
		found := false
		longest := min(l.longest(toks[i].key), len(toks)-i)
		// the key of every shorter phrase is a prefix of the longest one's
		full := ""
		if longest > 0 {
			full = joinKeys(toks[i : i+longest])
			ends = ends[:0]
			for k, t := range toks[i : i+longest] {
				if k == 0 {
					ends = append(ends, len(t.key))
				} else {
					ends = append(ends, ends[k-1]+1+len(t.key))
				}
			}
		}
		for n := longest; n >= 1 && !found; n-- {
			phrase := toks[i : i+n]
			key := full[:ends[n-1]]
			poss := false
			if strings.HasSuffix(key, "'s") {
				key, poss = strings.TrimSuffix(key, "'s"), true
			} else if strings.HasSuffix(key, "s'") {
				key, poss = strings.TrimSuffix(key, "'"), true
			}
			entries := l.m[key]
			if len(entries) == 0 {
				continue
			}
			text := phraseText(phrase)
			if poss {
				text = stripPossessive(text)
			}
			accept := func(e lexEntry) bool {
				if e.exact != "" {
					return strings.ReplaceAll(text, " ", "") == e.exact
				}
				return !properKind(e.kind) || phrase[0].capitalized()
			}
			// the mention shares the lexicon's entries when it keeps them
			// all (mentions never change their entries)
			ok := entries
			for k, e := range entries {
				if !accept(e) {
					ok = append([]lexEntry(nil), entries[:k]...)
					for _, e := range entries[k+1:] {
						if accept(e) {
							ok = append(ok, e)
						}
					}
					break
				}
			}
			if len(ok) > 0 {
				out = append(out, mention{i: i, j: i + n, possessive: poss, entries: ok})
				i += n
				found = true
			}
		}
		if !found {
			i++
		}
	}
	return out
}

// dropWeak removes the mentions of weak names ("Siam", "Bharat") that
// stand next to a capitalized word outside any phrase, as in a person's
// name ("Asad Alam Siam", "Bharat Singh"), but not at the start of the
// sentence.
func dropWeak(toks []token, ms []mention) []mention {
	out := ms[:0]
	for k, m := range ms {
		if m.weakOnly() {
			prevFree := m.i > 1 && toks[m.i-1].isWord() && toks[m.i-1].capitalized() && (k == 0 || ms[k-1].j < m.i)
			nextFree := m.j < len(toks) && toks[m.j].isWord() && toks[m.j].capitalized() && (k+1 >= len(ms) || ms[k+1].i > m.j)
			if prevFree || nextFree {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// weakOnly reports whether every meaning of a mention is a weak name.
func (m mention) weakOnly() bool {
	for _, e := range m.entries {
		if !e.weak {
			return false
		}
	}
	return len(m.entries) > 0
}

// longest is the most words of a key that can start with a token of key
// k: 0 when none can, 1 when only k itself as a possessive ("Pakistan's").
func (l *lexicon) longest(k string) int {
	n := l.first[k]
	if n == 0 {
		if t, ok := strings.CutSuffix(k, "'s"); ok && l.first[t] > 0 {
			n = 1
		} else if t, ok := strings.CutSuffix(k, "'"); ok && strings.HasSuffix(t, "s") && l.first[t] > 0 {
			n = 1
		}
	}
	return n
}

func properKind(k lexKind) bool {
	switch k {
	case lexCountry, lexDemonym, lexCity, lexOrg, lexBody, lexRegion, lexRank:
		return true
	}
	return false
}

func phraseText(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}
