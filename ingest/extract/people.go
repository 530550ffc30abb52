package extract

import (
	"strings"

	"github.com/diplograph/diplograph/ingest/gazetteer"
)

// person is someone the report names, merged over all their mentions.
type person struct {
	name          string
	title         string
	titleCat      string
	rank          string
	country       string // ISO3
	body          *gazetteer.Body
	bodyCountry   string
	org           *gazetteer.Org
	counterpart   bool    // introduced as someone's counterpart
	nameToks      []token // tokenize(name), once nameTokenized
	nameTokenized bool
}

// nameTokens is tokenize(p.name), tokenized once.
func (p *person) nameTokens() []token {
	if !p.nameTokenized {
		p.nameToks, p.nameTokenized = tokenize(p.name), true
	}
	return p.nameToks
}

// personMention is a person named in a sentence, tokens [i, j) for the name.
type personMention struct {
	p    *person
	i, j int
}

var nameParticles = map[string]bool{"bin": true, "bint": true, "ibn": true, "al": true, "el": true, "de": true,
	"da": true, "van": true, "von": true, "der": true, "del": true, "la": true, "le": true, "du": true,
	"dos": true, "di": true, "y": true, "ben": true, "abu": true, "ul": true, "ud": true, "bte": true}

// personVerbs follow or precede a bare name that is a person's.
var personVerbs = map[string]bool{"said": true, "says": true, "told": true, "met": true, "meets": true, "held": true,
	"co-chaired": true, "chaired": true, "led": true, "headed": true, "received": true, "visited": true,
	"called": true, "spoke": true, "urged": true, "stressed": true, "noted": true, "added": true,
	"welcomed": true, "expressed": true, "signed": true, "who": true, "hosted": true, "underlined": true,
	"underscored": true, "emphasised": true, "emphasized": true, "briefed": true, "thanked": true,
	"congratulated": true, "reaffirmed": true, "paid": true, "arrived": true, "attended": true, "addressed": true,
	"invited": true, "discussed": true, "conveyed": true, "highlighted": true, "proposed": true, "agreed": true}

// nameToken reports whether token i can be part of a person's name.
func (x *Extractor) nameToken(s *sentence, i int) bool {
	t := s.toks[i]
	if arabicArticle(t.text) {
		return true // "al-Jubeir", "el-Sisi"
	}
	if i > 0 && i+1 < len(s.toks) && s.toks[i+1].capitalized() && isMonth(t.key) {
		if m, ok := s.mentionEnding(i); ok && m.has(lexRank) {
			return true // "Mr January Makamba"
		}
	}
	if !t.isWord() || !t.capitalized() || x.nameStop[t.key] {
		return false
	}
	if t.allCaps() && len([]rune(t.text)) > 1 && !strings.Contains(t.text, ".") {
		return false // acronyms, datelines in capitals
	}
	for _, m := range s.ments {
		if i >= m.i && i < m.j {
			for _, e := range m.entries {
				switch e.kind {
				case lexCountry, lexDemonym, lexOrg, lexBody, lexTitle, lexRank, lexRegion, lexMech:
					return false
				case lexCity:
					if m.j-m.i > 1 || len(s.toks) < 2 {
						return false
					}
				}
			}
		}
	}
	if _, ok := months[t.key]; ok {
		return false
	}
	return !commonNoun(t.key)
}

// nounSuffixes end English nouns that are never names ("Integration",
// "Resources", "Development").
var nounSuffixes = []string{"tion", "sion", "ment", "ness", "ity", "ities", "ance", "ence", "ship", "ources", "ances", "ences", "ism", "ure", "ures", "ogy", "ics", "ties"}

func commonNoun(key string) bool {
	if len(key) < 7 {
		return false
	}
	for _, suf := range nounSuffixes {
		if strings.HasSuffix(key, suf) {
			return true
		}
	}
	return false
}

// isMonth reports whether key is a month's name or abbreviation.
func isMonth(key string) bool {
	_, ok := months[key]
	return ok
}

// arabicArticle reports whether a word is a surname with a lower-case
// article: "al-Jubeir", "el-Sisi", "ad-Din".
func arabicArticle(w string) bool {
	if len(w) < 4 || w[2] != '-' && w[3] != '-' {
		return false // every article is two or three letters and a hyphen
	}
	for _, p := range []string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "ud-", "ul-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) {
			r := w[len(p)]
			return r >= 'A' && r <= 'Z'
		}
	}
	return false
}

// nameRuns finds maximal runs of name tokens, with particles inside.
func (x *Extractor) nameRuns(s *sentence) [][2]int {
	var runs [][2]int
	for i := 0; i < len(s.toks); {
		if !x.nameToken(s, i) {
			i++
			continue
		}
		j := i + 1
		for j < len(s.toks) {
			if x.nameToken(s, j) {
				j++
				continue
			}
			if nameParticles[s.toks[j].key] {
				k := j
				for k < len(s.toks) && nameParticles[s.toks[k].key] && k-j < 3 {
					k++ // "de la Fuente", "bin Abdul"
				}
				if k < len(s.toks) && x.nameToken(s, k) {
					j = k + 1
					continue
				}
			}
			break
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	return runs
}

// findPersons finds the people of a sentence with their titles, ranks,
// countries and affiliations, merging them with people named before.
func (x *Extractor) findPersons(d *doc, s *sentence) []*personMention {
	var out []*personMention
	for _, r := range x.nameRuns(s) {
		a, b := r[0], r[1]
		if a > 0 && s.toks[a-1].key == "the" {
			continue // "the Two Holy Mosques", "the Palace of Independence"
		}
		if a > 0 && (s.toks[a-1].key == "and" || s.toks[a-1].key == "of" || s.toks[a-1].key == "for") &&
			b+1 < len(s.toks) && s.toks[b].key == "," && x.nameToken(s, b+1) {
			continue // "Secretary of Security and Citizen Protection, Rosa ...": part of a title
		}
		if b-a >= 3 && a > 0 && (s.toks[a-1].key == "and" || s.toks[a-1].key == "of" || s.toks[a-1].key == "for") {
			a++ // "Minister of Water Resources and Irrigation Nurzhan Nurzhigitov"
		}
		if b-a > 4 && !hasParticle(s.toks[a:b]) {
			a = b - 3 // "... Political-Military Affairs Jessica Lewis": keep the end
		}
		p := &person{}
		left := a
		// ranks and honorifics right before the name
		for left > 0 {
			m, ok := s.mentionEnding(left)
			if !ok || !m.has(lexRank) {
				break
			}
			e, _ := m.first(lexRank)
			if e.rank.Rank != "" && p.rank == "" {
				p.rank = e.rank.Rank
			}
			left = m.i
		}
		// a title before: "Chinese Foreign Minister Wang Yi", "counterpart Y"
		x.titleBefore(s, left, p)
		x.appositive(s, b, p)
		if p.country == "" && p.title != "" {
			if c, ok := x.titleCtry[phraseKey(p.title)]; ok {
				p.country = c
			} else if k := x.titleStart(s, left); k >= 2 && s.toks[k-1].key == "and" && s.owned[k-2] && len(out) > 0 {
				// "Japanese Foreign Minister X and Defence Minister Y"
				p.country = out[len(out)-1].p.finalCountry()
			}
		}
		cp := left - 1
		if cp > 0 && s.toks[cp].key == "," {
			cp-- // "his Canadian counterpart, Mélanie Joly"
		}
		if p.title == "" && cp >= 0 && s.toks[cp].key == "counterpart" && left > 0 {
			p.counterpart = true
			if cp >= 1 {
				if c, ok := x.demonymCountry(s.toks[cp-1].text); ok {
					p.country = c.ISO3
				}
			}
		}
		poss := false
		if p.title == "" && p.country == "" && left == a && a > 0 {
			// "China's Wang Yi"
			if m, ok := s.mentionEnding(a); ok && m.possessive {
				if e, ok := m.first(lexCountry); ok {
					p.country, poss = e.country.ISO3, true
					markOwned(s, m.i, m.j)
				}
			}
		}
		n := b - a
		known := d.findPerson(s.toks[a:b])
		switch {
		case known != nil:
			known.merge(p)
			p = known
		case n >= 2 && (p.title != "" || p.rank != "" || p.counterpart || poss || x.personContext(s, a, b)):
			p.name = phraseText(s.toks[a:b])
			d.people = append(d.people, p)
		case n >= 2 && b > a && left < a:
			p.name = phraseText(s.toks[a:b])
			d.people = append(d.people, p)
		default:
			continue
		}
		for k := a; k < b; k++ {
			s.owned[k] = true
		}
		out = append(out, &personMention{p: p, i: a, j: b})
	}
	return out
}

func hasParticle(toks []token) bool {
	for _, t := range toks {
		if nameParticles[t.key] {
			return true
		}
	}
	return false
}

// personContext reports whether a bare name stands where people stand:
// before a verb of speech or action, or after "met", "with", "by", "and".
func (x *Extractor) personContext(s *sentence, a, b int) bool {
	if b < len(s.toks) {
		nk := s.toks[b].key
		if personVerbs[nk] {
			return true
		}
		if nk == "," && b+1 < len(s.toks) && s.toks[b+1].key == "who" {
			return true
		}
		if nk == "and" && b+2 < len(s.toks) && x.nameToken(s, b+1) && x.nameToken(s, b+2) {
			return true
		}
		if (nk == "'s" || nk == "’s") && b+1 < len(s.toks) {
			return true
		}
	}
	if a > 0 {
		switch s.toks[a-1].key {
		case "met", "with", "by", "received", "counterpart", "president", "minister":
			return true
		case "and":
			return a >= 2 && s.owned[a-2]
		}
	}
	return false
}

// mentionEnding returns the dictionary phrase ending right before token i.
func (s *sentence) mentionEnding(i int) (mention, bool) {
	for _, m := range s.ments {
		if m.j == i {
			return m, true
		}
	}
	return mention{}, false
}

// titleStart is the first token of the title owned right before token a.
func (x *Extractor) titleStart(s *sentence, a int) int {
	k := a
	for k > 0 && s.owned[k-1] {
		k--
	}
	return k
}

// titleBefore reads "Chinese Foreign Minister", "Kazakhstan's Foreign
// Minister", "U.S. Assistant Secretary of State for X Affairs" before the
// name starting at token a.
func (x *Extractor) titleBefore(s *sentence, a int, p *person) {
	start := -1
	for k := a - 1; k >= 0 && k >= a-10; k-- {
		if m, ok := s.mentionEnding(k + 1); ok && m.has(lexTitle) {
			// keep going left for a longer title: "Deputy" + "Foreign Minister"
			start, k = m.i, m.i
			continue
		}
		t := s.toks[k]
		if t.key == "," && k == a-1 {
			continue // "the Minister of Foreign Affairs, Yusuf Maitama Tuggar"
		}
		if t.key == "and" && start >= 0 {
			if m, ok := s.mentionEnding(k); ok && m.has(lexTitle) {
				continue // "Deputy Prime Minister and Foreign Minister"
			}
			break
		}
		if t.key == "," || t.key == "(" || t.key == ")" || t.key == "said" {
			break
		}
		if !t.capitalized() && t.key != "of" && t.key != "for" && t.key != "the" && t.key != "and" && t.key != "to" {
			if start >= 0 {
				break
			}
			return
		}
	}
	if start < 0 {
		return
	}
	m, _ := s.mentionAt(start)
	e, _ := m.first(lexTitle)
	p.title = strings.TrimSpace(strings.TrimSuffix(phraseText(s.toks[start:titleEnd(s, start, a)]), ","))
	p.titleCat = e.title.Category
	x.phraseFacts(s, start, a, p)
	for k := start; k < a; k++ {
		s.owned[k] = true
	}
	// qualifiers before the title
	k := start - 1
	if k >= 0 {
		if m, ok := s.mentionEnding(start); ok {
			if e, ok := m.first(lexDemonym); ok {
				p.country = e.country.ISO3
				markOwned(s, m.i, m.j)
			} else if e, ok := m.first(lexCountry); ok {
				p.country = e.country.ISO3
				markOwned(s, m.i, m.j)
			} else if e, ok := m.first(lexOrg); ok {
				p.org = e.org
				markOwned(s, m.i, m.j)
			}
		}
	}
}

func markOwned(s *sentence, i, j int) {
	for k := i; k < j; k++ {
		s.owned[k] = true
	}
}

// appositive reads ", Additional Foreign Secretary, Ministry of Foreign
// Affairs of Pakistan," or ", deputy head of the X Department of Y," after
// the name ending at token b.
func (x *Extractor) appositive(s *sentence, b int, p *person) {
	k := b
	for round := 0; round < 2; round++ {
		if k >= len(s.toks) || s.toks[k].key != "," {
			return
		}
		k++
		for k < len(s.toks) && (s.toks[k].key == "the" || s.toks[k].key == "a" || s.toks[k].key == "an") {
			k++
		}
		m, ok := s.mentionAt(k)
		if !ok {
			// "Kazakhstan's Foreign Minister" as apposition
			if ok2 := k < len(s.toks); !ok2 {
				return
			}
			return
		}
		isTitle, isBody := m.has(lexTitle), m.has(lexBody) || m.has(lexOrg)
		if !isTitle && !isBody && !m.has(lexDemonym) && !(m.has(lexCountry) && m.possessive) {
			return
		}
		end := x.phraseEnd(s, k)
		if isTitle || m.has(lexDemonym) || m.has(lexCountry) {
			if p.title == "" {
				ts := k
				if !isTitle {
					if m2, ok := s.mentionAt(m.j); ok && m2.has(lexTitle) {
						ts = m.j
					}
					if e, ok := m.first(lexDemonym); ok {
						p.country = e.country.ISO3
					} else if e, ok := m.first(lexCountry); ok {
						p.country = e.country.ISO3
					}
				}
				if m2, ok := s.mentionAt(ts); ok && m2.has(lexTitle) {
					e, _ := m2.first(lexTitle)
					p.title = trimTitle(phraseText(s.toks[ts:titleEnd(s, ts, end)]))
					p.titleCat = e.title.Category
				}
			}
		}
		x.phraseFacts(s, k, end, p)
		markOwned(s, k, end)
		k = end
	}
}

// phraseEnd is where a title or affiliation phrase starting at k ends: at
// a comma, a bracket, or a lower-case word other than of/for/the/and, or
// before "and" followed by another person.
func (x *Extractor) phraseEnd(s *sentence, k int) int {
	for e := k; e < len(s.toks); e++ {
		t := s.toks[e]
		switch t.key {
		case ",", ";", "(", ")", ":", "\"", "“", "”", "who", "which", ".", "!", "?":
			return e
		case "of", "for", "the", "on", "to", "in", "and", "&":
			if t.key == "and" && e+1 < len(s.toks) {
				if m, ok := s.mentionAt(e + 1); ok && m.has(lexRank) {
					return e
				}
				if e+2 < len(s.toks) && x.nameToken(s, e+1) && x.nameToken(s, e+2) {
					return e
				}
			}
			continue
		}
		if m, ok := s.mentionAt(e); ok && (m.has(lexTitle) || m.has(lexBody) || m.has(lexCountry) || m.has(lexOrg)) {
			e = m.j - 1
			continue
		}
		if !t.capitalized() && t.isWord() && !strings.Contains(t.key, "-") {
			return e
		}
	}
	return len(s.toks)
}

// titleEnd cuts a title phrase [ts, end) before "of [the] <Country>",
// which says whose official the person is rather than what they are.
func titleEnd(s *sentence, ts, end int) int {
	for _, m := range s.ments {
		if m.i <= ts || m.j > end || !m.has(lexCountry) {
			continue
		}
		k := m.i - 1
		if k > ts && s.toks[k].key == "the" {
			k--
		}
		if k > ts && s.toks[k].key == "of" {
			return k
		}
	}
	return end
}

// trimTitle drops a trailing "of the Russian Federation"-style country.
func trimTitle(t string) string {
	return strings.TrimSpace(strings.TrimRight(t, ", "))
}

// phraseFacts takes a person's country, body and organisation from the
// tokens [i, j) of their title or affiliation.
func (x *Extractor) phraseFacts(s *sentence, i, j int, p *person) {
	for _, m := range s.ments {
		if m.i < i || m.j > j {
			continue
		}
		if m.i > i && (s.toks[m.i-1].key == "to" || s.toks[m.i-1].key == "in") {
			continue // "Ambassador to China": where, not whose
		}
		if e, ok := m.first(lexCountry); ok && p.country == "" {
			p.country = e.country.ISO3
		} else if e, ok := m.first(lexDemonym); ok && p.country == "" {
			p.country = e.country.ISO3
		}
		if e, ok := m.first(lexBody); ok && p.body == nil {
			p.body = e.body
			if e.body.Country != "" {
				p.bodyCountry = e.body.Country
			}
		}
		if e, ok := m.first(lexOrg); ok && p.org == nil {
			p.org = e.org
		}
	}
}

// findPerson returns the person named by toks before: the same full name,
// the same surname and first initial, or a bare surname.
func (d *doc) findPerson(toks []token) *person {
	if len(toks) == 0 {
		return nil
	}
	last := toks[len(toks)-1].key
	first := toks[0].key
	for _, p := range d.people {
		pt := p.nameTokens()
		if len(pt) == 0 {
			continue
		}
		if pt[len(pt)-1].key != last {
			continue
		}
		if len(toks) == 1 || pt[0].key[:1] == first[:1] {
			return p
		}
	}
	return nil
}

// merge fills what p does not know from q.
func (p *person) merge(q *person) {
	if p.title == "" {
		p.title, p.titleCat = q.title, q.titleCat
	}
	if p.rank == "" {
		p.rank = q.rank
	}
	if p.country == "" {
		p.country = q.country
	}
	if p.body == nil {
		p.body, p.bodyCountry = q.body, q.bodyCountry
	}
	if p.org == nil {
		p.org = q.org
	}
	p.counterpart = p.counterpart || q.counterpart
}

// finalCountry is the country a person represents, if known.
func (p *person) finalCountry() string {
	if p.country != "" {
		return p.country
	}
	return p.bodyCountry
}

// leader reports whether the person is a head of state or government.
func (p *person) leader() bool {
	return p.titleCat == "head_of_state" || p.titleCat == "head_of_government"
}
