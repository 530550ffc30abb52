package extract

// Titles: the position a person holds, as written before the name
// ("Deputy Foreign Minister X") or in apposition after it ("X, Minister of
// Foreign Affairs of Y,"), with the country, body or organisation the
// phrase names.

import (
	"strings"

	"github.com/diplograph/diplograph/ingest/gazetteer"
)

// possessiveApposition reads ", Lula's chief foreign policy adviser,"
// after the name ending at token b: the office of someone named before,
// who gives the person's country.
func (x *Extractor) possessiveApposition(d *doc, s *sentence, b int, p *person) {
	k := b + 1
	if k >= len(s.toks) || s.toks[b].key != "," || !s.toks[k].capitalized() {
		return
	}
	w := s.toks[k]
	bare := stripPossessive(w.text)
	if bare == w.text {
		return
	}
	q := d.findPerson([]token{{text: bare, key: foldKey(bare)}})
	if q == nil {
		return
	}
	for e := k + 1; e < len(s.toks) && e <= k+6; e++ {
		t := s.toks[e]
		if !t.isWord() {
			return
		}
		m, ok := s.mentionAt(e)
		if !ok || !m.has(lexTitle) {
			continue
		}
		if m.j < len(s.toks) && s.toks[m.j].isWord() {
			continue // "chief foreign policy adviser": the title goes on
		}
		en, _ := m.first(lexTitle)
		p.title, p.titleCat = titleText(s.toks[k+1:m.j]), en.title.Category
		if p.country == "" {
			p.country = q.finalCountry()
		}
		markOwned(s, k, m.j)
		return
	}
}

// nameGroup is what a plural phrase before a list of names says of each:
// the title they hold and, in order, their countries ("the Chilean and
// Peruvian foreign ministers, A and B", "the heads of government of Chile
// and Peru, A and B").
type nameGroup struct {
	title     *gazetteer.Title // nil for "the heads of ..."
	countries []string
	n         int // the names given so far
}

// assign gives the next name of the list its title and country.
func (g *nameGroup) assign(p *person) {
	if g == nil {
		return
	}
	if g.title != nil {
		p.title, p.titleCat = g.title.Title, g.title.Category
	}
	if g.n < len(g.countries) && p.country == "" {
		p.country = g.countries[g.n] // respectively
	}
	g.n++
}

// nameGroupBefore reads a plural phrase ending before token c: after a
// comma (comma true) a counted title or one whose countries are listed
// ("the two Foreign Ministers, A and B", "five presidents, A, B and C",
// "the Chilean and Peruvian foreign ministers, A and B", "the foreign
// ministers of Chile and Peru, A and B"); right before the names a
// capitalized one ("Foreign Ministers A and B", "Chilean and Peruvian
// Foreign Ministers A and B").
func (x *Extractor) nameGroupBefore(s *sentence, c int, comma bool) *nameGroup {
	k := c - 1
	if k < 0 {
		return nil
	}
	// "... of Chile and Peru"
	if cs, start := x.countryListEnding(s, c); len(cs) >= 2 && comma {
		o := start - 1
		if o >= 1 && s.toks[o].key == "the" {
			o--
		}
		if o < 1 || s.toks[o].key != "of" {
			return nil
		}
		if t, _ := x.pluralTitleAt(s, o-1, false); t != nil {
			return &nameGroup{title: t, countries: cs}
		}
		for h := o - 1; h >= 0 && h >= o-6; h-- {
			switch s.toks[h].key {
			case "heads", "leaders", "chiefs":
				return &nameGroup{countries: cs} // "the heads of the foreign ministries of A and B"
			}
		}
		return nil
	}
	switch s.toks[k].key {
	case "governments", "ministries", "delegations", "sides":
		// "the heads of the Kazakhstan and Uzbekistan Governments A and B"
		if cs, _ := x.countryListEnding(s, k); len(cs) >= 2 {
			return &nameGroup{countries: cs}
		}
		return nil
	}
	t, i := x.pluralTitleAt(s, k, !comma)
	if t == nil {
		return nil
	}
	g := &nameGroup{title: t}
	if ds := x.demonymList(s, i); len(ds) >= 2 {
		g.countries = ds
		return g
	}
	if comma && (i < 1 || !countWords[s.toks[i-1].key]) {
		return nil
	}
	return g
}

// countryListEnding reads a list of countries ending before token e ("Chile
// and Peru", "Chile, Peru and Bolivia"): the countries in order and the
// list's first token.
func (x *Extractor) countryListEnding(s *sentence, e int) ([]string, int) {
	var out []string
	start := e
	for k := e; k > 0; {
		m, ok := s.mentionEnding(k)
		if !ok || m.possessive {
			break
		}
		en, ok := m.first(lexCountry)
		if !ok {
			break
		}
		out = append([]string{en.country.ISO3}, out...)
		start = m.i
		k = m.i
		if k > 1 && s.toks[k-1].key == "the" && (s.toks[k-2].key == "and" || s.toks[k-2].key == ",") {
			k-- // "... and the United States"
		}
		if k > 0 && (s.toks[k-1].key == "and" || s.toks[k-1].key == ",") {
			k--
			continue
		}
		break
	}
	return out, start
}

// countWords count the holders of a plural title: "the two Foreign
// Ministers", "five presidents".
var countWords = map[string]bool{"two": true, "both": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true}

// pluralTitleAt reads a plural title ending at token k ("Foreign
// Ministers", "presidents"), all capitalized when caps is set: the title
// and its first token.
func (x *Extractor) pluralTitleAt(s *sentence, k int, caps bool) (*gazetteer.Title, int) {
	if k < 0 || !strings.HasSuffix(s.toks[k].key, "s") || caps && !s.toks[k].capitalized() {
		return nil, -1
	}
	last := strings.TrimSuffix(s.toks[k].key, "s")
	if strings.HasSuffix(s.toks[k].key, "ies") && len(s.toks[k].key) > 4 {
		last = strings.TrimSuffix(s.toks[k].key, "ies") + "y" // "State Secretaries"
	}
	for n := 3; n >= 1; n-- { // the longest title first
		i := k - n + 1
		if i < 0 {
			continue
		}
		capital := true
		for _, t := range s.toks[i : k+1] {
			capital = capital && t.capitalized()
		}
		if caps && !capital {
			continue
		}
		key := last
		if n > 1 {
			key = joinKeys(s.toks[i:k]) + " " + last
		}
		for _, e := range x.lex.m[key] {
			if e.kind == lexTitle {
				return e.title, i
			}
		}
	}
	return nil, -1
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
// name starting at token a; qualified says a nationality came before the
// title.
func (x *Extractor) titleBefore(s *sentence, a int, p *person) (qualified bool) {
	start := -1
	for k := a - 1; k >= 0 && k >= a-maxTitleWords; k-- {
		if m, ok := s.mentionEnding(k + 1); ok && m.has(lexTitle) {
			if s.owned[m.i] {
				break // another person's title: "X, Chief Secretary, Tobago House and His Excellency Y"
			}
			// keep going left for a longer title: "Deputy" + "Foreign Minister"
			start, k = m.i, m.i
			continue
		}
		t := s.toks[k]
		if k == a-1 && t.key == "and" {
			return false // "X, Head of the Service and Ms. Y": Y starts the next item of a list
		}
		if o := bracketQualifier(s, k); t.key == ")" && k == a-1 && o > 0 {
			if m, ok := s.mentionEnding(o); ok && m.has(lexTitle) {
				k = o // "Secretary (West) X", "Director General (Americas) X": the office's area
				continue
			}
		}
		if t.key == ")" && k >= 2 && s.toks[k-2].key == "(" && isAcronymWord(s.toks[k-1].text) {
			k -= 2 // "Minister of Foreign Affairs (MoFA) X": the office's acronym
			continue
		}
		if t.key == "," && k == a-1 {
			if k > 0 && s.owned[k-1] {
				return false // "X, Minister of Foreign Affairs, Y": the title is X's
			}
			continue // "the Minister of Foreign Affairs, Yusuf Maitama Tuggar"
		}
		if t.key == "and" && start >= 0 {
			if m, ok := s.mentionEnding(k); ok && m.has(lexTitle) {
				continue // "Deputy Prime Minister and Foreign Minister"
			}
			if m, ok := s.mentionEnding(k); ok && !s.owned[m.i] && m.i >= 2 && s.toks[m.i-1].key == "of" && p.country == "" {
				if e, ok := m.first(lexCountry); ok {
					if tm, ok := s.mentionEnding(m.i - 1); ok && tm.has(lexTitle) && !s.owned[tm.i] {
						// "Deputy Prime Minister of Uzbekistan and Minister of
						// Trade, X": the first office names the country
						p.country = e.country.ISO3
					}
				}
			}
			break
		}
		if t.key == "," && start < 0 && x.titleListComma(s, k, a) {
			continue // "Minister of Foreign Affairs, Cooperation and Mauritanians Abroad, X"
		}
		if t.key == "," || t.key == "(" || t.key == ")" || t.key == "said" || s.owned[k] {
			break // s.owned: another person's name or title
		}
		if !t.capitalized() && t.key != "of" && t.key != "for" && t.key != "the" && t.key != "and" && t.key != "&" && t.key != "to" && t.key != "on" && t.key != "in" {
			if start < 0 && portfolioWords[t.key] && a-k <= 6 {
				continue // "deputy minister for foreign affairs X": a portfolio in lower case
			}
			if start >= 0 {
				break
			}
			return false
		}
	}
	if start < 0 {
		return false
	}
	m, _ := s.mentionAt(start)
	e, _ := m.first(lexTitle)
	if m.has(lexRank) && m.j == a-1 && s.toks[a-1].key == "," && start >= 2 && s.toks[start-1].key == "," && !s.owned[start-2] {
		// "Special Envoy of Ruritania, Ambassador, X": the rank between
		// commas, the office before it
		q := &person{}
		x.titleBefore(s, start, q)
		if q.title != "" {
			p.title, p.titleCat = q.title, q.titleCat
			if p.country == "" {
				p.country = q.country
			}
			return true
		}
	}
	for start > 0 && titleModifiers[s.toks[start-1].key] && s.toks[start-1].capitalized() && !s.owned[start-1] {
		start-- // "Deputy" + "Trade Representative"
	}
	end := titleEnd(s, start, a)
	if cm, ok := s.mentionEnding(end); ok && cm.i > start && cm.j-cm.i == 1 && cm.has(lexCity) && !cm.has(lexTitle) && !postedTo(s, cm.i) {
		end = cm.i // "Deputy Governor Izmir": the office, then where
	}
	for end > start+1 && (s.toks[end-1].key == "the" || s.toks[end-1].key == ",") {
		end-- // "Senator the Hon X"
	}
	p.title = titleText(s.toks[start:end])
	p.titleCat = e.title.Category
	x.phraseFacts(s, start, a, p)
	for k := start; k < a; k++ {
		s.owned[k] = true
	}
	// qualifiers before the title
	k := start - 1
	if c, i := x.unknownOffice(s, start); c != "" {
		// "Indian Panchayati Raj Ministry secretary X": a ministry the
		// gazetteer does not know, of a named country
		p.country, qualified = c, true
		markOwned(s, i, start)
		return qualified
	}
	if k >= 1 && (s.toks[k].text == "'" || s.toks[k].text == "’") {
		// "Laos' Prime Minister", "the Philippines' Foreign Secretary"
		if m, ok := s.mentionEnding(k); ok && strings.HasSuffix(s.toks[k-1].key, "s") {
			if e, ok := m.first(lexCountry); ok {
				p.country, qualified = e.country.ISO3, true
				markOwned(s, m.i, k+1)
			}
		}
	} else if k >= 0 {
		if m, ok := s.mentionEnding(start); ok {
			if c, ok := m.nationality(); ok {
				p.country, qualified = c, true
				markOwned(s, m.i, m.j)
			} else if e, ok := m.first(lexOrg); ok {
				if m2, ok := s.mentionEnding(m.i); ok && !s.owned[m2.i] {
					if c, ok := m2.nationality(); ok {
						// "Russian Security Council Secretary X": a national
						// council, not the international one of that name
						p.country, qualified = c, true
						markOwned(s, m2.i, m.j)
						return qualified
					}
				}
				p.org = e.org
				markOwned(s, m.i, m.j)
			} else if e, ok := m.first(lexBody); ok && p.body == nil {
				// "Kremlin spokesman Dmitry Peskov", "Russian Foreign
				// Ministry spokeswoman Maria Zakharova"
				p.body, p.bodyCountry = e.body, e.body.Country
				markOwned(s, m.i, m.j)
				if m2, ok := s.mentionEnding(m.i); ok && p.country == "" {
					if c, ok := m2.nationality(); ok {
						p.country = c
						markOwned(s, m2.i, m2.j)
					}
				}
			}
		}
	}
	return qualified
}

// isAcronymWord reports whether w is an acronym: two to eight letters,
// at least two of them capitals ("EAM", "MoFA", "NDRC").
func isAcronymWord(w string) bool {
	caps := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			caps++
		case r >= 'a' && r <= 'z', r == '&':
		default:
			return false
		}
	}
	return caps >= 2 && len(w) <= 8
}

// titleModifiers make a title of another: "Deputy", "Vice", "Acting".
var titleModifiers = map[string]bool{"deputy": true, "vice": true, "assistant": true, "acting": true, "senior": true,
	"principal": true, "associate": true, "under": true, "first": true, "special": true, "chief": true, "executive": true}

// maxTitleWords is the most tokens a title before a name may span:
// "Secretary General of the Ministry of Foreign Affairs and the National
// Community Abroad".
const maxTitleWords = 20

// titleListComma reports whether the comma at token k, before the name at
// a, continues a title rather than ending it: a title ends right before
// the comma and only capitalized words (and of, for, the, and) follow up
// to the name or the comma before it: "Minister of Foreign Affairs,
// Cooperation and Mauritanians Abroad, X", "the Principal Secretary,
// State Department for Foreign Affairs, Dr. X".
func (x *Extractor) titleListComma(s *sentence, k, a int) bool {
	// a title ends right before the comma, or a few words before it:
	// "Director-General for the Maghreb, the Mediterranean and ..."
	t0 := k
	for n := 0; n < 5 && t0 > 0; n++ {
		if m, ok := s.mentionEnding(t0); ok && m.has(lexTitle) {
			break
		}
		if m, ok := s.mentionEnding(t0); ok && m.i < t0-1 && m.has(lexCountry) && !s.owned[m.i] {
			t0 = m.i // a country named in several words: "of Antigua and Barbuda"
			continue
		}
		t := s.toks[t0-1]
		if t.key != "of" && t.key != "for" && t.key != "the" && (!t.isWord() || !t.capitalized() || s.owned[t0-1]) {
			return false
		}
		t0--
	}
	if m, ok := s.mentionEnding(t0); !ok || !m.has(lexTitle) {
		return false
	}
	if t0 < k && s.toks[t0].key != "for" && s.toks[t0].key != "of" {
		return false
	}
	end := a
	if end > 0 && s.toks[end-1].key == "," {
		end--
	}
	if end-(k+1) < 1 || end-(k+1) > 8 {
		return false
	}
	for e := k + 1; e < end; e++ {
		t := s.toks[e]
		switch t.key {
		case "of", "for", "the", "and", "&":
			continue
		}
		if m, ok := s.mentionAt(e); ok && m.has(lexRank) && m.j <= end {
			e = m.j - 1 // forms of address: "Dr. the Rt. Honourable X"
			continue
		}
		if !t.isWord() || !t.capitalized() || s.owned[e] {
			return false
		}
		if e+1 < end && x.nameToken(s, e) && x.nameToken(s, e+1) {
			return false // a person's name: "Foreign Minister, Ahmad Ali, and ..."
		}
		if m, ok := s.mentionAt(e); ok && (m.has(lexCountry) || m.has(lexDemonym) || m.has(lexCity)) {
			if p := s.toks[e-1].key; p != "of" && p != "for" && p != "the" && p != "and" {
				return false // "the Foreign Minister, Pakistani Ambassador X"
			}
		}
	}
	return true
}

// titleText is the text of a title's tokens, with no space before a comma.
func titleText(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.text != "," {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
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
	for k+2 < len(s.toks) && s.toks[k].key == "," && postNominals[s.toks[k+1].key] && s.toks[k+2].key == "," {
		k += 2 // "X, JP, Minister of ...": letters after the name
	}
	for round := 0; round < 3; round++ {
		if k >= len(s.toks) || s.toks[k].key != "," && !(round == 0 && isDash(s.toks[k].text)) {
			return // ", Minister of ...", " - Director of ..."
		}
		k++
		for k < len(s.toks) && (s.toks[k].key == "the" || s.toks[k].key == "a" || s.toks[k].key == "an") {
			k++
		}
		m, ok := s.mentionAt(k)
		if ok && round > 0 && p.title != "" && m.has(lexCountry) && !m.possessive && s.toks[k-1].key == "," && closesClause(s, m.j) {
			// "X, Director, Ministry of Trade, Ruritania.": whose
			// office it is, told last after a comma
			if e, ok := m.first(lexCountry); ok && p.country == "" {
				p.country = e.country.ISO3
				markOwned(s, k, m.j)
			}
			return
		}
		adj := k // "Official Spokesperson", "Senior Adviser": a word or two before the title
		if !ok {
			for n := 1; n <= 2 && k+n < len(s.toks); n++ {
				w := s.toks[k+n-1]
				if !w.isWord() || !w.capitalized() || s.owned[k+n-1] || inMention(s.ments, k+n-1) || stripPossessive(w.text) != w.text ||
					(n == 2 && x.nameToken(s, k) && x.nameToken(s, k+1)) {
					break
				}
				if m2, ok2 := s.mentionAt(k + n); ok2 && m2.has(lexTitle) {
					m, ok, k = m2, true, k+n
					break
				}
			}
			if !ok {
				if round > 0 && p.title != "" && p.country == "" {
					x.countryAfterOffice(s, k, p)
				}
				return
			}
		}
		isTitle, isBody := m.has(lexTitle), m.has(lexBody) || m.has(lexOrg)
		if !isTitle && !isBody && !m.has(lexDemonym) && !(m.has(lexCountry) && m.possessive) {
			return
		}
		if !isTitle && m.j < len(s.toks) {
			switch s.toks[m.j].key {
			case "side", "delegation", "team":
				return // "X, the Kyrgyz side by Y": the other side's clause, not X's
			}
		}
		end := x.phraseEnd(s, k)
		if reportingClause(s, end) {
			return // "X, the Polish government said": who says, not who X is
		}
		for e := k + 1; e+1 < end; e++ {
			if x.nameToken(s, e) && x.nameToken(s, e+1) && !insideOffice(s, e) {
				// "X, Minister of ... of the Republic of South Africa Ronald
				// Lamola", "X, Pakistan's Ambassador to Turkey Y and ...":
				// the title of the next person, not X's apposition
				return
			}
		}
		if e, ok := m.first(lexOrg); ok && !isTitle && m.possessive && p.title == "" {
			// "UNHCR's Assistant High Commissioner for Protection"
			tm := m.j
			if tm+1 < len(s.toks) && s.toks[tm].capitalized() && !inMention(s.ments, tm) {
				tm++ // "Assistant High Commissioner"
			}
			if m2, ok := s.mentionAt(tm); ok && m2.has(lexTitle) {
				te, _ := m2.first(lexTitle)
				p.title = trimTitle(titleText(s.toks[m.j:titleEnd(s, m.j, end)]))
				p.titleCat = te.title.Category
				if p.org == nil {
					p.org = e.org
				}
			}
		}
		if isTitle || m.has(lexDemonym) || m.has(lexCountry) {
			if p.title == "" {
				ts := k
				if adj < k {
					ts = adj
				}
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
				tm := ts // the title's own first word
				if ts == adj {
					tm = k
				}
				if m2, ok := s.mentionAt(tm); ok && m2.has(lexTitle) {
					e, _ := m2.first(lexTitle)
					p.title = trimTitle(phraseText(s.toks[ts:titleEnd(s, ts, end)]))
					p.titleCat = e.title.Category
				}
			}
		}
		x.phraseFacts(s, k, end, p)
		markOwned(s, adj, end)
		br := end
		for br < len(s.toks) && br < end+6 && br+1 < len(s.toks) && (s.toks[br].key == "," && s.toks[br+1].capitalized() || s.toks[br].key == "and" || s.toks[br].key == "&" ||
			s.toks[br].isWord() && s.toks[br].capitalized() && !inMention(s.ments, br) && !s.owned[br]) {
			br++ // "Minister for Planning, Development and Reform (MPD)": the portfolio goes on
		}
		if p.country == "" && isTitle && end < len(s.toks) && s.toks[end].key == "," {
			// "Minister of Culture, Youth and Sport of Ruritania": the
			// portfolio goes on after the comma, then whose office it is
			if of := x.portfolioTail(s, end); of > 0 {
				x.ofCountry(s, of, p)
				if p.country != "" {
					markOwned(s, end, of)
				}
			}
		}
		if br > end && (br >= len(s.toks) || s.toks[br].key != "(") {
			br = end
		}
		if p.country == "" && br < len(s.toks) && s.toks[br].key == "(" {
			end = br
			// "Minister for Planning (MPD) of the Islamic Republic of
			// Pakistan": the office's acronym, then whose office it is
			for c := end + 1; c < len(s.toks) && c <= end+6; c++ {
				if s.toks[c].key == ")" {
					x.ofCountry(s, c+1, p)
					break
				}
			}
		}
		k = end
	}
}

// reportingClause reports whether a verb of saying follows a phrase
// ending at token e, at most one word on: "the Polish government said".
func reportingClause(s *sentence, e int) bool {
	if e >= len(s.toks) || !s.toks[e].isWord() {
		return false // the phrase ends at a comma: an apposition
	}
	for k := e; k < len(s.toks) && k <= e+1; k++ {
		switch s.toks[k].key {
		case "said", "says", "stated", "announced", "reported", "added", "noted", "told":
			return true
		}
	}
	return false
}

// phraseEnd is where a title or affiliation phrase starting at k ends: at
// a comma, a bracket, or a lower-case word other than of/for/the/and, or
// before "and" followed by another person.
func (x *Extractor) phraseEnd(s *sentence, k int) int {
	for e := k; e < len(s.toks); e++ {
		t := s.toks[e]
		if t.text == "." {
			return e // the key of "." is empty
		}
		switch t.key {
		case ",", ";", "(", ")", ":", "\"", "“", "”", "who", "which", ".", "!", "?":
			return e
		case "at":
			// "an additional secretary at Pakistan's Ministry of Foreign Affairs"
			if e+1 < len(s.toks) && s.toks[e+1].capitalized() {
				continue
			}
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
	for k := ts + 1; k < end; k++ {
		if s.toks[k].key == "at" || s.toks[k].key == "(" {
			end = k // "additional secretary at the Ministry": the office, then where; "(MoFA)": its acronym
			break
		}
	}
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
		if m.i > i && postedTo(s, m.i) {
			if tm, ok := s.mentionAt(m.j); !ok || !tm.has(lexTitle) {
				continue // "Ambassador to China": where, not whose; not "adviser to the US Secretary of State"
			}
		}
		if e, ok := m.first(lexCountry); ok && p.country == "" {
			p.country = e.country.ISO3
		} else if e, ok := m.first(lexDemonym); ok && p.country == "" {
			p.country = e.country.ISO3
		}
		if e, ok := m.first(lexBody); ok && p.body == nil {
			p.body = e.body
			// "State Department for Foreign Affairs" (Kenya) is not the
			// "State Department" of one country
			qualified := m.j < len(s.toks) && s.toks[m.j].key == "for"
			if e.body.Country != "" && !qualified {
				p.bodyCountry = e.body.Country
			}
		}
		if e, ok := m.first(lexOrg); ok && p.org == nil {
			p.org = e.org
		}
	}
}

// postedTo reports whether the phrase at token i follows "to" or "in"
// ("Ambassador to China", "Ambassador to the Kingdom of Spain"): the
// place of a posting, not the person's country.
func postedTo(s *sentence, i int) bool {
	k := i - 1
	if k > 0 && s.toks[k].key == "the" {
		k--
	}
	return k >= 0 && (s.toks[k].key == "to" || s.toks[k].key == "in")
}

// nationality is the country a mention names, as a demonym or else as a
// country ("Russian", "Russia's").
func (m mention) nationality() (string, bool) {
	if e, ok := m.first(lexDemonym); ok {
		return e.country.ISO3, true
	}
	if e, ok := m.first(lexCountry); ok {
		return e.country.ISO3, true
	}
	return "", false
}

// stateForms are the words of a state's formal name before "of <name>":
// "the Republic of", "the Federal Democratic Republic of", "the Kingdom of".
var stateForms = map[string]bool{"republic": true, "kingdom": true, "state": true, "federal": true, "democratic": true,
	"islamic": true, "socialist": true, "arab": true, "sultanate": true, "principality": true, "federation": true,
	"commonwealth": true, "plurinational": true, "bolivarian": true, "hashemite": true, "united": true, "people's": true,
	"people’s": true, "popular": true, "co-operative": true, "cooperative": true}

// ofCountry reads "of [the] <country>" right after the name ending at
// token b: "Foreign Minister X of the Republic of Y" serves Y; the country
// is the person's, not a topic of the sentence.
func (x *Extractor) ofCountry(s *sentence, b int, p *person) {
	k := b
	if k >= len(s.toks) || s.toks[k].key != "of" {
		return
	}
	k++
	if k < len(s.toks) && s.toks[k].key == "the" {
		k++
	}
	m, ok := s.mentionAt(k)
	if !ok {
		// "of the Republic of Hungary" where the gazetteer knows only "Hungary"
		f := k
		for f < len(s.toks) && f-k < 4 && stateForms[s.toks[f].key] {
			f++
		}
		if f > k && f+1 < len(s.toks) && s.toks[f].key == "of" {
			m, ok = s.mentionAt(f + 1)
		}
	}
	if !ok || m.possessive {
		return
	}
	e, ok := m.first(lexCountry)
	if !ok || m.j < len(s.toks) && s.toks[m.j].isWord() && s.toks[m.j].capitalized() {
		return // "X of the China Institute": an affiliation
	}
	if p.country == "" {
		p.country = e.country.ISO3
	}
	markOwned(s, b, m.j)
}

// counterpartApposition reads ", his Peruvian counterpart" after the name
// ending at token b: the person is the counterpart of the one named
// before, of the demonym's country, in the same office.
func (x *Extractor) counterpartApposition(d *doc, s *sentence, b int, p *person, out []*personMention) {
	k := b + 1
	if k+1 >= len(s.toks) || s.toks[b].key != "," {
		return
	}
	switch s.toks[k].key {
	case "his", "her", "their":
		k++
	default:
		return
	}
	country := ""
	if m, ok := s.mentionAt(k); ok && !s.owned[k] {
		if c, ok := m.nationality(); ok && !m.possessive {
			country, k = c, m.j
		}
	}
	if k >= len(s.toks) || !counterpartNouns[s.toks[k].key] {
		return
	}
	if k+1 < len(s.toks) && s.toks[k+1].isWord() {
		return // "her Peruvian counterpart Ana Diaz": the next name's
	}
	p.counterpart = true
	if p.country == "" {
		p.country = country
	}
	if q := d.lastTitled(out); q != nil && p.title == "" {
		p.title, p.titleCat = x.counterpartTitle(q)
		p.titleInferred = true
	}
	markOwned(s, b+1, k+1)
}

// isDash reports whether a token is a dash standing between words.
func isDash(w string) bool { return w == "-" || w == "–" || w == "—" || w == "--" }

// bracketCountry reads "(Chile)" right after the name ending at token b:
// "the ministers Tomas Ruiz (Chile) and Ana Diaz (Peru)".
func (x *Extractor) bracketCountry(s *sentence, b int, p *person) {
	if b+2 >= len(s.toks) || s.toks[b].key != "(" {
		return
	}
	m, ok := s.mentionAt(b + 1)
	if !ok || m.j >= len(s.toks) || s.toks[m.j].key != ")" {
		return
	}
	if c, ok := m.nationality(); ok {
		if p.country == "" {
			p.country = c
		}
		markOwned(s, b, m.j+1)
	}
}

// officeWords end the name of a government office: "Panchayati Raj
// Ministry", "National Reconstruction Bureau".
var officeWords = map[string]bool{"ministry": true, "department": true, "office": true, "bureau": true, "commission": true,
	"council": true, "agency": true, "authority": true, "directorate": true, "secretariat": true}

// unknownOffice reads the name of an office the gazetteer does not know
// right before a title at token start, opened by a nationality: "Indian
// Panchayati Raj Ministry secretary". It returns the country and the
// first token of the phrase, or "".
func (x *Extractor) unknownOffice(s *sentence, start int) (string, int) {
	k := start - 1
	if k < 1 || !officeWords[s.toks[k].key] || !s.toks[k].capitalized() || inMention(s.ments, k) {
		return "", 0
	}
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if m, ok := s.mentionEnding(j + 1); ok {
			if c, ok := m.nationality(); ok {
				return c, m.i
			}
			return "", 0
		}
		t := s.toks[j]
		if !t.isWord() || !t.capitalized() || s.owned[j] {
			return "", 0
		}
	}
	return "", 0
}

// postNominals are the letters of honours and offices written after a
// name: "X, JP, Minister of ...", "Y, MP,".
var postNominals = map[string]bool{"jp": true, "mp": true, "qc": true, "kc": true, "obe": true, "cbe": true, "mbe": true,
	"kbe": true, "gcmg": true, "kcmg": true, "cmg": true, "mna": true, "mpa": true, "mla": true, "mhk": true, "sc": true, "pc": true}

// portfolioWords are the lower-case words of a portfolio that may end a
// title written in lower case before a name ("minister for foreign
// affairs X").
var portfolioWords = map[string]bool{"foreign": true, "affairs": true, "international": true, "trade": true,
	"cooperation": true, "defence": true, "defense": true, "economic": true, "political": true, "relations": true,
	"development": true, "finance": true, "interior": true, "external": true, "commerce": true, "security": true}

// portfolioTail reads the rest of a portfolio after the comma at token c
// ("Tourism, Energy and Sport") and returns the index of the "of" that
// follows it, or 0 when no "of" ends it within a few words.
func (x *Extractor) portfolioTail(s *sentence, c int) int {
	for k := c; k < len(s.toks) && k <= c+10; k++ {
		t := s.toks[k]
		switch {
		case t.key == "of":
			if k > c+1 && s.toks[k-1].isWord() {
				return k
			}
			return 0
		case t.key == "," || t.key == "and" || t.key == "&":
			if k+1 >= len(s.toks) || !s.toks[k+1].capitalized() {
				return 0
			}
		case t.isWord() && t.capitalized() && !s.owned[k]:
			if m, ok := s.mentionAt(k); ok && (m.has(lexCountry) || m.has(lexTitle)) {
				return 0
			}
			if k+1 < len(s.toks) && x.nameToken(s, k) && x.nameToken(s, k+1) {
				return 0 // a person's name: the next item of a list
			}
		default:
			return 0
		}
	}
	return 0
}

// closesClause reports whether token j ends a clause: the end of the
// sentence, a full stop, a semicolon or a bracket.
func closesClause(s *sentence, j int) bool {
	if j >= len(s.toks) {
		return true
	}
	switch s.toks[j].text {
	case ".", ";", "(", ")":
		return true
	}
	return false
}

// insideOffice reports whether the capitalized words at token e go on the
// name of an office ("Ministry of International Relations and
// Cooperation") rather than start a person's name.
func insideOffice(s *sentence, e int) bool {
	if e < 1 {
		return false
	}
	switch s.toks[e-1].key {
	case "of", "for", "and", "&":
		return true
	}
	return false
}

// countryAfterOffice reads an office the gazetteer does not know, from
// token k to a comma, then a country that closes the clause: "X,
// Director, Ministry of Fisheries and Ports, Ruritania." serves Ruritania.
func (x *Extractor) countryAfterOffice(s *sentence, k int, p *person) {
	e := k
	for e < len(s.toks) && e < k+10 {
		t := s.toks[e]
		switch t.key {
		case "of", "for", "and", "the", "&":
		default:
			if !t.isWord() || !t.capitalized() {
				goto done
			}
			if m, ok := s.mentionAt(e); ok && m.has(lexCountry) {
				goto done
			}
		}
		e++
	}
done:
	if e == k || e+1 >= len(s.toks) || s.toks[e].key != "," {
		return
	}
	m, ok := s.mentionAt(e + 1)
	if !ok || m.possessive || !closesClause(s, m.j) {
		return
	}
	if c, ok := m.first(lexCountry); ok {
		p.country = c.country.ISO3
		markOwned(s, k, m.j)
	}
}

// bracketQualifier returns the index of the "(" that opens a bracket of
// one to three capitalized words closed at token c ("(South Asia)"), or 0.
func bracketQualifier(s *sentence, c int) int {
	for o := c - 1; o > 0 && o >= c-4; o-- {
		t := s.toks[o]
		if t.key == "(" {
			if o < c-1 {
				return o
			}
			return 0
		}
		if !t.isWord() || !t.capitalized() {
			return 0
		}
	}
	return 0
}
