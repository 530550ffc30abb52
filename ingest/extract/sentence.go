package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph/ingest/gazetteer"
)

// sentence is one sentence with what was found in it.
type sentence struct {
	idx     int
	text    string
	guarded // the guard words of text
	toks    []token
	ments   []mention
	owned   []bool           // tokens that belong to a person's name, title or affiliation
	persons []*personMention // people named in it
	cref    []countryRef     // countries named in it, outside people's descriptions
	dates   []dateExpr
	planned bool // speaks of the future
	past    bool // speaks of earlier, background events
}

// countryRef is a country named in a sentence.
type countryRef struct {
	iso3     string
	tok      int  // token index
	demonym  bool // "Chinese"
	compound bool // part of "Pakistan-Russia"
	capital  bool // a capital as metonym
}

var reDateline = regexp.MustCompile(`^(\p{Lu}[\p{L} .'’-]{1,40}?)(?:\s*\[[\p{L} .'’-]{2,30}\])?(?:,\s*\p{Lu}[\p{L} .'’-]{1,30}?)?(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?)?(?:\s*\([\p{L} .&/-]{2,30}\)\s*(?::|--|–|—|-)?\s+|\.?\s*/[\p{L} .-]{2,20}/\.?\s+|\s*(?::|--|–|—|-)\s+|,\s*\p{Lu}{2,12}\.\s+)`)

// stripDateline removes a leading dateline ("ISLAMABAD:", "BEIJING, March 3
// (Xinhua) --", "MOSCOW (Reuters) -") and returns the city it names.
func (x *Extractor) stripDateline(body string) (string, *gazetteer.City) {
	// the dateline opens the body, or one of its first short paragraphs
	// (a headline, a byline) when the page had no header
	off := 0
	for n := 0; n < 8; n++ {
		rest, city := x.datelineAt(body[off:])
		if city != nil {
			return body[:off] + rest, city
		}
		i := strings.IndexByte(body[off:], '\n')
		if i < 0 || i > 200 {
			break
		}
		off += i + 1
	}
	return body, nil
}

func (x *Extractor) datelineAt(body string) (string, *gazetteer.City) {
	m := reDateline.FindStringSubmatchIndex(body)
	if m == nil {
		return body, nil
	}
	name := strings.TrimSpace(body[m[2]:m[3]])
	upper := strings.ToUpper(name) == name
	city, ok := x.gz.City(name)
	if !ok && upper {
		city, ok = x.cityState(name)
	}
	if !ok || (!upper && !strings.Contains(body[m[0]:m[1]], "(") && !strings.Contains(body[m[0]:m[1]], ",")) {
		return body, nil
	}
	return body[m[1]:], city
}

var (
	// gPlanned and gPast guard rePlanned and rePast.
	gPlanned = guardWords("will", "would", "shall", "is to", "are to", "to be held", "schedul", "expected to", "plans to", "planned", "upcoming", "next", "due to", "proposed",
		"agreed to", "decided to", "plan", "set to", "looking forward", "towards", "later this", "could be", "may be", "might be", "to host", "will host", "desire", "wish", "want", "ready", "readiness", "invit", "likely", "yet to be")
	gPast = guardWords("last ", "previous", "had ", "earlier this year", "in the past", "since ", "held in", "first held", "have met", "has met", "have held", "following up", "follow-up to", "follow up on")

	rePlanned = newPhraseRe(`(?i)\b(will|would|shall|is to|are to|to be held|is scheduled|are scheduled|scheduled to|is expected to|are expected to|plans to|planned|upcoming|next (?:meeting|round|session|edition|summit|dialogue)|is due to|are due to|proposed|(?:agreed|decided|plans?|planning|expected|set|due|looking forward|work towards|working towards|desire|wish|wants?|ready|readiness|invitation|invited) to (?:hold|convene|host|organi[sz]e|meet|visit|travel)|(?:to|will) host|towards convening|later this (?:year|month)|(?:could|may|might) (?:also |still |yet )?be (?:signed|held|hosted|convened|organi[sz]ed)|(?:is|was|are|were|also) likely|likely to (?:be|take place|meet|visit|hold)|yet to be (?:confirmed|scheduled|fixed|announced))\b`)
	rePast    = newPhraseRe(`(?i)\b((?:was|were) (?:launched|established|set up|inaugurated|founded|created|signed) in \d{4}|last (?:met|held|visited|year|month)|previous(?:ly)?|had (?:met|held|visited|signed)|earlier this year|in the past|since \d{4}|was held in \d{4}|were held in \d{4}|first held|have met|has met|have held|following up on|follow-up to|follow up on)\b`)
)

// analyse tokenizes a sentence and finds its dictionary phrases, people,
// countries and dates.
func (x *Extractor) analyse(d *doc, idx int, text string) *sentence {
	s := &sentence{idx: idx, text: text, guarded: newGuarded(text), toks: tokenize(text)}
	s.ments = dropWeak(s.toks, x.lex.scan(s.toks))
	s.owned = make([]bool, len(s.toks))
	s.planned = s.has(gPlanned) && rePlanned.MatchString(text)
	s.past = s.has(gPast) && rePast.MatchString(text)
	s.persons = x.findPersons(d, s)
	for _, m := range s.ments {
		if s.owned[m.i] {
			continue
		}
		if m.j < len(s.toks) && (s.toks[m.j].key == "dollar" || s.toks[m.j].key == "dollars" || s.toks[m.j].key == "$") {
			continue // "US dollars" is money, not a country taking part
		}
		if e, ok := m.first(lexCountry); ok {
			s.cref = append(s.cref, countryRef{iso3: e.country.ISO3, tok: m.i})
		} else if e, ok := m.first(lexDemonym); ok {
			s.cref = append(s.cref, countryRef{iso3: e.country.ISO3, tok: m.i, demonym: true})
		}
	}
	// compounds: "Pakistan-Russia", "Russia-Pakistan"
	for i, t := range s.toks {
		if !strings.Contains(t.text, "-") || s.owned[i] || inMention(s.ments, i) {
			continue
		}
		var codes []string
		parts := strings.Split(t.text, "-")
		if !allCapitalized(parts) {
			continue // "high-level", "co-chaired"
		}
		for k, part := range parts {
			dir := 0
			if len(parts) == 2 {
				// "South Africa-Nigeria", "Papua New Guinea-Australia": the
				// first country's name may begin in the words before, the
				// second's go on after ("China-South Africa", "Japan-Viet Nam")
				dir = 2*k - 1
			}
			if c, ok := x.compoundSpan(s.toks, i, part, dir); ok {
				codes = append(codes, c)
			} else if c, ok := x.compoundPart(part); ok {
				codes = append(codes, c)
			}
		}
		if len(codes) == 2 {
			for _, c := range codes {
				s.cref = append(s.cref, countryRef{iso3: c, tok: i, compound: true})
			}
		}
	}
	s.dates = findDatesIn(text, &s.guarded, d.pub, d.hasPub, s.planned)
	if creditLine(text) {
		s.dates = nil // "Published on April 1, 2015", "[Photo/Xinhua]": when the page or the picture was made
	}
	return s
}

// allCapitalized reports whether every part begins with a capital letter.
func allCapitalized(parts []string) bool {
	for _, p := range parts {
		if p == "" || !unicode.IsUpper(r0(p)) {
			return false
		}
	}
	return true
}

// compoundPart is the country of one part of a compound: a country's
// name or a demonym ("Pakistan", "Russian").
func (x *Extractor) compoundPart(part string) (string, bool) {
	if c, ok := x.gz.Country(part); ok {
		return c.ISO3, true
	}
	if c, ok := x.demonymCountry(part); ok {
		return c.ISO3, true
	}
	return "", false
}

// compoundSpan is the country of a compound's part completed by up to
// four words before (dir -1) or after (dir +1) token i, the longest name
// first: "South" with "Africa-Nigeria", "Nam" with "Japan-Viet",
// "Democratic Republic of Congo" with "Congo-Rwanda". dir 0 tries none.
func (x *Extractor) compoundSpan(toks []token, i int, part string, dir int) (string, bool) {
	if part == "" || dir == 0 {
		return "", false
	}
	words := []string{part}
	var names []string
	for n := 1; n <= 4; n++ {
		k := i + dir*n
		if k < 0 || k >= len(toks) || !toks[k].isWord() {
			break
		}
		if t := toks[k]; !t.capitalized() && t.key != "of" && t.key != "the" && t.key != "and" {
			break
		}
		if dir < 0 {
			words = append([]string{toks[k].text}, words...)
		} else {
			words = append(words, toks[k].text)
		}
		names = append(names, strings.Join(words, " "))
	}
	for n := len(names) - 1; n >= 0; n-- {
		if c, ok := x.gz.Country(names[n]); ok {
			return c.ISO3, true
		}
	}
	return "", false
}

func (x *Extractor) demonymCountry(w string) (*gazetteer.Country, bool) {
	for _, e := range x.lex.m[foldKey(w)] {
		if e.kind == lexDemonym {
			return e.country, true
		}
	}
	return nil, false
}

func inMention(ms []mention, i int) bool {
	for _, m := range ms {
		if i >= m.i && i < m.j {
			return true
		}
	}
	return false
}

// mentionAt returns the dictionary phrase starting at token i.
func (s *sentence) mentionAt(i int) (mention, bool) {
	for _, m := range s.ments {
		if m.i == i {
			return m, true
		}
		if m.i > i {
			break
		}
	}
	return mention{}, false
}

// hasWord reports whether the sentence holds one of the words (keys).
func (s *sentence) hasWord(words ...string) bool {
	for _, t := range s.toks {
		for _, w := range words {
			if t.key == w {
				return true
			}
		}
	}
	return false
}

// wordIndex returns the first token index whose key is one of words, or -1.
func (s *sentence) wordIndex(from int, words ...string) int {
	for i := max(from, 0); i < len(s.toks); i++ {
		for _, w := range words {
			if s.toks[i].key == w || (strings.HasSuffix(w, "*") && strings.HasPrefix(s.toks[i].key, strings.TrimSuffix(w, "*"))) {
				return i
			}
		}
	}
	return -1
}

// creditWords open a line that says when a page or a picture was made,
// not when anything took place.
var creditWords = []string{"published", "updated", "posted", "last updated", "last modified", "photo", "file photo", "image", "picture", "caption", "credit"}

// creditLine reports whether a sentence is a page's credit or a photo's
// caption: it opens with a credit word ("Published on ...", "Photo: ...")
// or names its picture ("[Photo/Xinhua]", "(Photo: AP)").
func creditLine(text string) bool {
	low := strings.ToLower(strings.TrimSpace(text))
	for _, w := range creditWords {
		if strings.HasPrefix(low, w) && (len(low) == len(w) || !unicode.IsLetter(rune(low[len(w)]))) {
			return true
		}
	}
	return strings.Contains(low, "[photo") || strings.Contains(low, "(photo") || strings.Contains(low, "photo:") || strings.HasPrefix(low, "this photo")
}
