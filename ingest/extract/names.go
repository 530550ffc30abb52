package extract

// Names: which tokens can be part of a person's name, the runs they form,
// and how a run is written out as a name.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
	if i > 0 && i+1 < len(s.toks) && plainAddress[s.toks[i-1].key] && t.capitalized() && s.toks[i+1].capitalized() && s.toks[i+1].isWord() {
		if m, ok := s.mentionAt(i); ok && m.j == i+1 && m.has(lexTitle) {
			return true // "Mr Amir Abdollahian": a given name that is also an office
		}
	}
	if i > 0 && i+1 < len(s.toks) && s.toks[i+1].capitalized() && isMonth(t.key) {
		if m, ok := s.mentionEnding(i); ok && m.has(lexRank) {
			return true // "Mr January Makamba"
		}
	}
	if !t.isWord() || !t.capitalized() || x.nameStop[t.key] && !nameInitial(t.text) && !x.familyNameAfter(s, i) {
		return false
	}
	if t.allCaps() && len([]rune(t.text)) > 1 && !strings.Contains(t.text, ".") && !x.capsFamilyName(s, i) && !x.capsInitials(s, i) && !x.capsSurname(s, i) {
		return false // acronyms, datelines in capitals
	}
	for _, m := range s.ments {
		if i >= m.i && i < m.j {
			for _, e := range m.entries {
				switch e.kind {
				case lexCountry, lexDemonym, lexTitle, lexRank, lexRegion, lexMech:
					return false
				case lexBody, lexOrg:
					if m.j-m.i == 1 && x.bodyAsName(s, i) {
						continue // "President Duma Boko": a given name that is also a body's
					}
					return false
				case lexCity:
					if m.j-m.i > 1 || len(s.toks) < 2 {
						return false
					}
					if tm, ok := s.mentionEnding(i); ok && tm.has(lexTitle) && x.plainName(s, i+1) && x.plainName(s, i+2) {
						return false // "Deputy Governor Istanbul Kamal Annan": the title's place, not "President Santiago Peña"
					}
					if i > 0 {
						switch s.toks[i-1].key {
						case "to", "in", "from", "at":
							return false // "Ambassador to Washington X": a place, not a given name
						}
					}
				}
			}
		}
	}
	if _, ok := months[t.key]; ok {
		return false
	}
	if commonNoun(t.key) && i > 1 && s.toks[i-1].capitalized() && !commonNoun(s.toks[i-1].key) && !inMention(s.ments, i-1) {
		if m, ok := s.mentionEnding(i - 1); ok && (m.has(lexRank) || m.has(lexTitle)) {
			return true // "Prime Minister Andrew Holness": a family name after a given name, whatever its ending
		}
	}
	return !commonNoun(t.key) || x.givenName[t.key]
}

// capsFamilyName reports whether token i is a family name written in
// capitals before the given name, right after a form of address or a
// title: "Mr. IWAYA Takeshi", "Prime Minister ISHIBA Shigeru".
func (x *Extractor) capsFamilyName(s *sentence, i int) bool {
	t := s.toks[i]
	if i == 0 || i+1 >= len(s.toks) || utf8.RuneCountInString(t.text) < 3 || !t.isWord() || x.nameStop[t.key] {
		return false
	}
	n := s.toks[i+1]
	if !n.isWord() || !n.capitalized() || n.allCaps() || x.nameStop[n.key] || inMention(s.ments, i) || inMention(s.ments, i+1) {
		return false
	}
	m, ok := s.mentionEnding(i)
	return ok && (m.has(lexRank) || m.has(lexTitle))
}

// romanNumeral reports whether a word is a regnal or generational
// numeral, II to XII: "Abdullah II", "Lloyd J. Austin III".
func romanNumeral(w string) bool {
	if w == "V" || w == "X" {
		return true // romanValue reads two letters or more
	}
	n := romanValue(w)
	return n >= 2 && n <= 12
}

// nounSuffixes end English nouns that are never names ("Integration",
// "Resources", "Development").
var nounSuffixes = []string{"tion", "sion", "ment", "ness", "ity", "ities", "ance", "ence", "ship", "ources", "ances", "ences", "ism", "ure", "ures", "ogy", "ics", "ties", "ices"}

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
			if x.givenName[s.toks[j].key] && j+1 < len(s.toks) && x.nameToken(s, j+1) {
				j++ // "Hossein Amir Abdollahian": a title that is also a given name, inside a name
				continue
			}
			if romanNumeral(s.toks[j].text) {
				j++ // "King Abdullah II bin Al-Hussein"
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
		if j+1 < len(s.toks) && s.toks[j].key == "," && (s.toks[j+1].key == "jr" || s.toks[j+1].key == "sr") && j-i >= 2 {
			j += 2 // "Gilberto Teodoro, Jr."
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	return runs
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
		if (nk == "and" || nk == "&") && b+2 < len(s.toks) && x.nameToken(s, b+1) && x.nameToken(s, b+2) {
			return true
		}
		if (nk == "'s" || nk == "’s") && b+1 < len(s.toks) {
			return true
		}
		if nk == "from" && x.countryAt(s, b+1) != "" {
			return true // "X from Bangladesh, Y from Bhutan"
		}
		if strings.HasPrefix(nk, "@") && len(nk) > 1 {
			return true // "Ayman Safadi @AymanHsafadi": a person's handle
		}
	}
	if a > 0 {
		switch s.toks[a-1].key {
		case "met", "with", "by", "received", "counterpart", "president", "minister":
			return true
		case "including", "comprising", "included", "includes":
			return true // the members of a delegation: "a delegation including X, Y and Z"
		case "of":
			if a >= 2 {
				switch s.toks[a-2].key {
				case "consisting", "consisted", "composed", "comprised":
					return true // "a delegation consisting of X, Y and Z"
				}
			}
		case "and":
			return a >= 2 && s.owned[a-2]
		}
	}
	return false
}

// nameText is the name written by toks, without a possessive ("Donald
// Trump's") and with a family name in capitals in title case ("IWAYA
// Takeshi" is "Iwaya Takeshi"); familyFirst says there was one.
func nameText(toks []token) (name string, familyFirst bool) {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.text != "," {
			b.WriteByte(' ')
		}
		w := t.text
		if i == len(toks)-1 {
			w = stripPossessive(w)
		}
		if len(toks) > 1 && t.allCaps() && utf8.RuneCountInString(w) >= 3 && !strings.Contains(w, ".") && !romanNumeral(w) {
			familyFirst = familyFirst || i == 0
			rs := []rune(strings.ToLower(w))
			rs[0] = unicode.ToUpper(rs[0])
			w = string(rs)
		}
		b.WriteString(w)
	}
	return b.String(), familyFirst
}

// mononym reports whether the single name token a, preceded by a title
// or form of address ending at left..a, names a person known by one name
// only ("Minister of Foreign Affairs Sugiono", "H.E. Sugiono"): the title
// names a ministry or office in full, or an honorific of rank precedes,
// and no capitalized word follows.
func (x *Extractor) mononym(s *sentence, a, left int, p *person) bool {
	t := s.toks[a]
	if a == 0 || utf8.RuneCountInString(t.text) < 4 || t.allCaps() || strings.ContainsAny(t.text, ".'’") || inMention(s.ments, a) {
		return false
	}
	if a+1 < len(s.toks) && (s.toks[a+1].isWord() && s.toks[a+1].capitalized() || s.toks[a+1].key == "of") {
		return false // "General Diwan of the Ministry": a place's name
	}
	if m, ok := s.mentionEnding(a); !ok || !m.has(lexTitle) && !m.has(lexRank) {
		return false // "President Duma Boko": a title, then more than one word
	}
	if left < a {
		// "H.E. Sugiono", "Ambassador Froman", "Mr Sonko"; not "the
		// Ministry's General Diwan", a determiner's noun
		if left > 0 {
			w := s.toks[left-1]
			if w.key == "the" || w.key == "a" || stripPossessive(w.text) != w.text {
				return false
			}
		}
		return true
	}
	// a title right before: "Minister of Foreign Affairs Sugiono",
	// "Chancellor Merkel", "Kazakhstan Foreign Minister Nurtleu"
	return p.title != "" && s.owned[a-1] && s.toks[a-1].isWord()
}

// nameTextOne is the name of a single token, without a possessive.
func nameTextOne(t token) string { return stripPossessive(t.text) }

// sameKeys reports whether two token lists have the same keys.
func sameKeys(a, b []token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].key != b[i].key {
			return false
		}
	}
	return true
}

// stripPossessive drops a final 's or ’s.
func stripPossessive(w string) string {
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// nameInitial reports whether w is a capital letter with its dot, as in
// "Enrique A. Manalo": a name's initial, even where the letter alone
// would be a stop word ("A", "I").
func nameInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
}

// bodyAsName reports whether the one-word body or organisation at token i
// is a given name: right after a title or form of address and right
// before a capitalized word that is no dictionary phrase ("President Duma
// Boko").
func (x *Extractor) bodyAsName(s *sentence, i int) bool {
	if i == 0 || i+1 >= len(s.toks) || !s.toks[i].capitalized() || s.toks[i].allCaps() {
		return false
	}
	m, ok := s.mentionEnding(i)
	if !ok || !m.has(lexTitle) && !m.has(lexRank) {
		return false
	}
	n := s.toks[i+1]
	return n.isWord() && n.capitalized() && !n.allCaps() && !inMention(s.ments, i+1) && !x.nameStop[n.key]
}

// familyNameAfter reports whether token i, a word of a body's or an
// organisation's name only ("White" of "White House"), is a family name:
// right after a given name and outside any dictionary phrase ("Jayme
// White").
func (x *Extractor) familyNameAfter(s *sentence, i int) bool {
	if !x.softStop[s.toks[i].key] || i == 0 || inMention(s.ments, i) {
		return false
	}
	p := s.toks[i-1]
	if !p.isWord() || !p.capitalized() || p.allCaps() || x.nameStop[p.key] || inMention(s.ments, i-1) {
		return false
	}
	return i+1 >= len(s.toks) || !s.toks[i+1].capitalized()
}

// capsInitials reports whether token i is a person's initials in capitals
// ("Dr AK Abdul Momen"): two letters, after a form of address or a title,
// before a name.
func (x *Extractor) capsInitials(s *sentence, i int) bool {
	t := s.toks[i]
	if len(t.text) != 2 || i == 0 || i+1 >= len(s.toks) || inMention(s.ments, i) {
		return false
	}
	n := s.toks[i+1]
	if !n.isWord() || !n.capitalized() || n.allCaps() || x.nameStop[n.key] || inMention(s.ments, i+1) {
		return false
	}
	m, ok := s.mentionEnding(i)
	return ok && (m.has(lexRank) || m.has(lexTitle))
}

// plainName reports whether token i is a capitalized word that no
// dictionary phrase or stop list claims.
func (x *Extractor) plainName(s *sentence, i int) bool {
	if i >= len(s.toks) {
		return false
	}
	t := s.toks[i]
	return t.isWord() && t.capitalized() && !t.allCaps() && !x.nameStop[t.key] && !inMention(s.ments, i)
}

// capsSurname reports whether token i is a family name in capitals after
// a given name written in title case ("Jean-Noël BARROT", "Ana DIAZ"):
// three letters or more, no dictionary phrase.
func (x *Extractor) capsSurname(s *sentence, i int) bool {
	t := s.toks[i]
	if i == 0 || utf8.RuneCountInString(t.text) < 3 || !t.isWord() || strings.Contains(t.text, ".") || romanNumeral(t.text) ||
		inMention(s.ments, i) || x.nameStop[t.key] {
		return false
	}
	p := s.toks[i-1]
	return p.isWord() && p.capitalized() && !p.allCaps() && !x.nameStop[p.key] && !inMention(s.ments, i-1)
}

// plainAddress are the forms of address that come before a name, never
// before an office: after them "Amir" or "Sultan" is a given name.
var plainAddress = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true}

// countryAt is the country named at token c, after an optional "the", by
// its name and not as a possessive or an adjective before another noun
// ("from Chile", "from the Maldives"; not "from the Chilean side").
func (x *Extractor) countryAt(s *sentence, c int) string {
	if c < len(s.toks) && s.toks[c].key == "the" {
		c++
	}
	m, ok := s.mentionAt(c)
	if !ok || m.possessive {
		return ""
	}
	e, ok := m.first(lexCountry)
	if !ok {
		return ""
	}
	if m.j < len(s.toks) && s.toks[m.j].isWord() && s.toks[m.j].capitalized() {
		return "" // "from Chile Airlines"
	}
	return e.country.ISO3
}
