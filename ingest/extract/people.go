package extract

// Stage "people": who a report names, in what office, for which country.
// It runs in this order, one file each, each with its own _test.go:
//
//   - names.go: which tokens can belong to a person's name and the runs
//     they form ("Hossein Amir Abdollahian", "Dr AK Abdul Momen",
//     "Jean-Noël BARROT"); hand-off: [i, j) token spans.
//   - titles.go: the position each name holds, written before it
//     ("Deputy Foreign Minister X", "Minister of Foreign Affairs (MoFA) X")
//     or in apposition after it ("X, Minister of ... of Y,"), the
//     nationality or organisation its phrase names, and plural phrases
//     before lists of names (nameGroup); hand-off: *person with title,
//     titleCat, country, body, org.
//   - people.go (this file): findPersons walks the spans of a sentence,
//     merges each with the people named before (findPerson) and hands
//     []*personMention to the sentence and doc.people to the report.
//   - personcountry.go: countries from a person's place in the sentence
//     (the delegation they belong to or lead, whom they accompany, whose
//     message they carry, who receives them, what they do "for Mexico",
//     what they visit, a bulleted list of members).
//   - knownOfficials (this file): once the events are assembled, the
//     well-known office holders of data/officials.tsv take their country
//     whatever the sentences suggested (a person's fact, never an event's).
//   - owncountry.go: the report's own country (publisher, web domain,
//     dateline, first person; doc.own, doc.home) and, once the events are
//     assembled, the officials it names without a nationality.
//   - roles.go: the part each person plays in an event, beyond what
//     roleOf in events.go reads from its clause.

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
	titleInferred bool    // the title is the office of the one they are the counterpart of
	visited       string  // the country they are said to visit or arrive in (ISO3)
	visitSent     int     // the sentence that says so
	familyFirst   bool    // written family name first, in capitals: "IWAYA Takeshi"
	known         string  // the country of a well-known office holder (data/officials.tsv), "-" for none
	titleGuess    bool    // the country is only the one whose officials mostly bear the title (data/titlecountry.tsv)
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
	// qualified: a nationality stood before the title ("Japanese Foreign
	// Minister X")
	qualified bool
}

// counterpartNouns name someone by the office of another: "his Lao
// counterpart X", "her Chilean host Y".
var counterpartNouns = map[string]bool{"counterpart": true, "colleague": true, "host": true, "guest": true}

// sameKindOfOffice reports whether two title categories are offices of
// one government's cabinet: ministers and their deputies, or the same
// category ("Japanese Foreign Minister X and Defence Minister Y", not
// "Australian Ambassador X and Vice Defense Minister Y").
func sameKindOfOffice(a, b string) bool {
	cabinet := func(c string) bool { return c == "minister" || c == "deputy_minister" }
	return a == b || cabinet(a) && cabinet(b)
}

// counterpartTitle is the office of q's counterpart: q's own, or for an
// office one country alone names so ("External Affairs Minister") what
// the others call it ("Foreign Minister").
func (x *Extractor) counterpartTitle(q *person) (title, cat string) {
	if t, ok := x.peerTitle[phraseKey(q.title)]; ok {
		return t, q.titleCat
	}
	return q.title, q.titleCat
}

// findPersons finds the people of a sentence with their titles, ranks,
// countries and affiliations, merging them with people named before.
func (x *Extractor) findPersons(d *doc, s *sentence) []*personMention {
	var out []*personMention
	var saved []bool
	var group *nameGroup // a plural title before a list of names
	var peers *peerList  // "his Finnish and Swedish counterparts, A and B"
	for _, r := range x.nameRuns(s) {
		a, b := r[0], r[1]
		if a > 0 && s.toks[a-1].key == "the" {
			continue // "the Two Holy Mosques", "the Palace of Independence"
		}
		if a > 1 && (s.toks[a-1].key == "and" || s.toks[a-1].key == "of" || s.toks[a-1].key == "for") && s.toks[a-2].capitalized() &&
			b+1 < len(s.toks) && s.toks[b].key == "," && x.nameToken(s, b+1) {
			continue // "Secretary of Security and Citizen Protection, Rosa ...": part of a title
		}
		if b-a >= 3 && a > 0 && (s.toks[a-1].key == "and" || s.toks[a-1].key == "of" || s.toks[a-1].key == "for") &&
			!(a >= 2 && s.owned[a-2] && s.toks[a-1].key == "and") {
			a++ // "Minister of Water Resources and Irrigation Nurzhan Nurzhigitov", not "X and Syed Haider Shah"
		}
		if b-a > 4 && !hasParticle(s.toks[a:b]) {
			a = b - 3 // "... Political-Military Affairs Jessica Lewis": keep the end
		}
		// a candidate that turns out to be no one leaves the tokens of
		// its title and apposition free
		saved = append(saved[:0], s.owned...)
		p := &person{}
		left := a
		// ranks and honorifics right before the name
		for left > 0 {
			m, ok := s.mentionEnding(left)
			if !ok && left > 1 && s.toks[left-1].key == "the" {
				// "Dr. the Rt. Honourable X": forms of address joined by "the"
				if m2, ok2 := s.mentionEnding(left - 1); ok2 && m2.has(lexRank) {
					m, ok = m2, true
				}
			}
			if !ok || !m.has(lexRank) {
				break
			}
			e, _ := m.first(lexRank)
			if e.rank.Rank != "" && p.rank == "" {
				p.rank = e.rank.Rank
			}
			left = m.i
		}
		if left < a && b-a >= 3 && (s.toks[a].key == "haji" || s.toks[a].key == "hajjah" || s.toks[a].key == "hj") {
			a++ // "Dato' Seri Utama Haji Mohamad bin Haji Hasan": a pilgrim's honorific after the others
		}
		// a title before: "Chinese Foreign Minister Wang Yi", "counterpart Y"
		qualified := x.titleBefore(s, left, p) || p.country != "" // a nationality in or before the title
		if w := strings.ToLower(p.title); strings.HasSuffix(w, " of") || strings.HasSuffix(w, " for") || strings.HasSuffix(w, " on") {
			copy(s.owned, saved) // "the minister of Panchayati Raj": a portfolio, not a person
			continue
		}
		if p.title == "" && left > 0 {
			// "the two Foreign Ministers, H.E. Sugiono and H.E. Bui Thanh
			// Son", "Foreign Ministers A and B", "five presidents,
			// Kazakhstan's A, Uzbekistan's B and ...", "the foreign
			// ministers of Chile and Peru, A and B"
			lb := left
			if m, ok := s.mentionEnding(left); ok && m.possessive && m.has(lexCountry) {
				lb = m.i
			}
			continued := group != nil && len(out) > 0 && ownedBetween(s, out[len(out)-1].j, lb-1)
			switch {
			case lb == 0:
				group = nil
			case s.toks[lb-1].key == "," && !continued:
				group = nil
				if b < len(s.toks) && (s.toks[b].key == "and" || s.toks[b].key == ",") {
					group = x.nameGroupBefore(s, lb-1, true) // a list of names follows, not a clause
				}
			case s.toks[lb-1].key == "," || s.toks[lb-1].key == "and":
			default:
				group = x.nameGroupBefore(s, lb, false)
			}
			group.assign(p)
		} else {
			group = nil
		}
		if p.titleCat == "legislator" {
			// "Senator X, Minister of Foreign Affairs,": the office held
			// in government, not the seat
			seat, cat := p.title, p.titleCat
			p.title, p.titleCat = "", ""
			x.appositive(s, b, p)
			if ts := x.titleStart(s, left); p.title == "" && ts >= 2 && s.toks[ts-1].key == "," {
				// "Minister for Foreign Affairs, Senator the Hon X": the
				// office before the seat
				q := &person{}
				x.titleBefore(s, ts, q)
				if q.title != "" && q.titleCat != "legislator" {
					p.title, p.titleCat = q.title, q.titleCat
					if p.country == "" {
						p.country = q.country
					}
				}
			}
			if p.title == "" {
				p.title, p.titleCat = seat, cat
			}
		} else {
			x.appositive(s, b, p)
		}
		x.ofCountry(s, b, p)
		x.bracketCountry(s, b, p)
		if p.title == "" {
			x.possessiveApposition(d, s, b, p)
		}
		if p.title == "" && p.country == "" {
			x.counterpartApposition(d, s, b, p, out)
		}
		if p.title == "" && p.rank == "Ambassador" && left < a {
			p.title, p.titleCat = "Ambassador", "diplomat" // "Ambassador X": the rank is the position
		}
		if p.country == "" && p.title != "" {
			if c, ok := x.titleCtry[phraseKey(p.title)]; ok {
				p.country, p.titleGuess = c, true
			} else if k := x.titleStart(s, left); k < left && k >= 2 && s.toks[k-1].key == "and" && s.owned[k-2] && len(out) > 0 && out[len(out)-1].qualified &&
				sameKindOfOffice(out[len(out)-1].p.titleCat, p.titleCat) {
				// "Japanese Foreign Minister X and Defence Minister Y", not
				// "Chancellor X and President Y"
				p.country = out[len(out)-1].p.finalCountry()
			}
		}
		cp := left - 1
		if cp > 0 && s.toks[cp].key == "the" {
			cp-- // "my New Zealand counterpart, the Rt Hon X"
		}
		if cp > 0 && s.toks[cp].key == "," {
			cp-- // "his Canadian counterpart, Mélanie Joly"
		}
		if p.title == "" && cp >= 0 && counterpartNouns[s.toks[cp].key] && left > 0 {
			p.counterpart = true
			if m, ok := s.mentionEnding(cp); ok && !s.owned[m.i] {
				if c, ok := m.nationality(); ok {
					p.country = c // "his South Korean counterpart"
				}
			}
			// "Foreign Minister X ... his Y counterpart Z": Z holds the
			// same office as the person named last before
			if q := d.lastTitled(out); q != nil {
				p.title, p.titleCat = x.counterpartTitle(q)
				p.titleInferred = true
			}
			peers = nil
		} else if p.title == "" && cp >= 0 && (s.toks[cp].key == "counterparts" || s.toks[cp].key == "colleagues") && left > 0 {
			// "his Finnish and Swedish colleagues, A and B": respectively
			peers = &peerList{countries: x.demonymList(s, cp), host: d.lastTitled(out), x: x}
			peers.assign(p)
		} else if peers != nil && left > 0 && (s.toks[left-1].key == "and" || s.toks[left-1].key == ",") && p.title == "" {
			peers.assign(p)
		} else {
			peers = nil
		}
		if p.title != "" && p.country == "" && left > 0 {
			// "her Indian counterpart Foreign Secretary X": the counterpart
			// with the office written
			if c := x.titleStart(s, left) - 1; c > 0 && counterpartNouns[s.toks[c].key] {
				p.counterpart = true
				if m, ok := s.mentionEnding(c); ok && !s.owned[m.i] {
					if iso, ok := m.nationality(); ok {
						p.country = iso
					}
				}
			}
		}
		poss := false
		if p.country == "" && left == a && a > 0 {
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
			if n >= 2 && len(known.nameTokens()) == 1 {
				// "Chancellor Merkel ... Angela Merkel": the full name
				known.name, known.familyFirst = nameText(s.toks[a:b])
				known.nameTokenized = false
			}
			p = known
		case n >= 2 && (p.title != "" || p.rank != "" || p.counterpart || poss || x.personContext(s, a, b)):
			p.name, p.familyFirst = nameText(s.toks[a:b])
			d.people = append(d.people, p)
		case n >= 2 && b > a && left < a:
			p.name, p.familyFirst = nameText(s.toks[a:b])
			d.people = append(d.people, p)
		case n == 1 && x.mononym(s, a, left, p):
			// "Minister of Foreign Affairs Sugiono": one name, but a
			// full title right before it
			p.name = nameTextOne(s.toks[a])
			d.people = append(d.people, p)
		default:
			copy(s.owned, saved)
			continue
		}
		x.knownOfficial(p)
		for k := a; k < b; k++ {
			s.owned[k] = true
		}
		out = append(out, &personMention{p: p, i: a, j: b, qualified: qualified})
	}
	if len(out) > 0 {
		c := findCues(s)
		x.delegationMembers(s, out, c)
		x.messageSender(s, out, c)
		x.accompaniedBy(d, s, out, c)
		x.sideLeaders(s, out)
		x.fromSide(s, out)
		x.delegationLeader(s, out)
		x.hostReceiver(s, out, c)
		x.forCountry(s, out)
		x.visitors(s, out)
	}
	x.definiteTitles(d, s)
	x.bulletMembers(d, s, out)
	x.metDuringVisit(d, s, out)
	return out
}

// lastTitled is the person with a title named last before, in this
// sentence (out) or the one before: whose counterpart "his counterpart" is.
func (d *doc) lastTitled(out []*personMention) *person {
	for k := len(out) - 1; k >= 0; k-- {
		if q := out[k].p; q.title != "" {
			return q
		}
	}
	if n := len(d.sents); n > 0 {
		ps := d.sents[n-1].persons
		for k := len(ps) - 1; k >= 0; k-- {
			if q := ps[k].p; q.title != "" {
				return q
			}
		}
	}
	return nil
}

// findPerson returns the person named by toks before: the same full name,
// the same surname and first initial, or a bare surname.
func (d *doc) findPerson(toks []token) *person {
	if len(toks) == 0 {
		return nil
	}
	last := stripPossessive(toks[len(toks)-1].key)
	first := toks[0].key
	if len(toks) >= 2 && romanNumeral(toks[len(toks)-1].text) {
		// "King Abdullah II" after "King Abdullah II bin Al-Hussein"
		for _, p := range d.people {
			if pt := p.nameTokens(); len(pt) > len(toks) && sameKeys(pt[:len(toks)], toks) {
				return p
			}
		}
	}
	if len(toks) == 1 {
		// "Minister Iwaya" after "Mr. IWAYA Takeshi"
		for _, p := range d.people {
			if pt := p.nameTokens(); p.familyFirst && len(pt) > 0 && pt[0].key == last {
				return p
			}
		}
	}
	for _, p := range d.people {
		pt := p.nameTokens()
		if len(pt) == 0 {
			continue
		}
		if pt[len(pt)-1].key != last {
			continue
		}
		if len(toks) == 1 || len(pt) == 1 || pt[0].key[:1] == first[:1] {
			return p
		}
		if len(toks) < len(pt) && sameKeys(pt[len(pt)-len(toks):], toks) {
			return p // "Amir Tehrani" of "Reza Amir Tehrani"
		}
	}
	if len(toks) == 1 && len(last) >= 3 {
		// a given name used alone: "President Prabowo" of "Prabowo
		// Subianto", "Prime Minister Srettha" of "Srettha Thavisin"
		var found *person
		for _, p := range d.people {
			if pt := p.nameTokens(); len(pt) >= 2 && pt[0].key == last {
				if found != nil && found != p {
					found = nil
					break
				}
				found = p
			}
		}
		if found != nil {
			return found
		}
	}
	if len(toks) == 1 && len(last) >= 3 {
		// a surname that is not the last word of the full name: "Lula"
		// of "Luiz Inácio Lula da Silva", "Orsi" of "Yamandú Orsi Martínez"
		var found *person
		for _, p := range d.people {
			pt := p.nameTokens()
			if len(pt) < 3 {
				continue
			}
			for _, t := range pt[1 : len(pt)-1] {
				if t.key == last {
					if found != nil && found != p {
						return nil // ambiguous
					}
					found = p
				}
			}
		}
		return found
	}
	return nil
}

// merge fills what p does not know from q.
func (p *person) merge(q *person) {
	if p.title == "" || p.titleInferred && q.title != "" && !q.titleInferred {
		// a title written with the name outranks one inferred from a
		// counterpart: "his Indian counterpart X ... External Affairs
		// Minister X"
		p.title, p.titleCat, p.titleInferred = q.title, q.titleCat, q.titleInferred
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
	if p.known == "" {
		p.known = q.known
	}
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

// ownedBetween reports whether the tokens [i, j) all belong to people's
// descriptions: nothing but "(Chile)" between a name and the next comma.
func ownedBetween(s *sentence, i, j int) bool {
	for k := i; k < j; k++ {
		if !s.owned[k] {
			return false
		}
	}
	return i <= j
}

// knownOfficial notes a well-known holder of national office
// (data/officials.tsv): their country, or "-" for an international
// official.
func (x *Extractor) knownOfficial(p *person) {
	toks := p.nameTokens()
	if c, ok := x.officials[joinKeys(toks)]; ok {
		p.known = c
	} else if len(toks) == 1 && p.title != "" && len(toks[0].key) >= 4 {
		// "President Macron": a family name with an office, when only
		// one listed holder bears it
		if c := x.officials["~"+toks[0].key]; c != "" {
			p.known = c
		}
	}
}

// knownOfficials gives the well-known office holders their country once
// the events are assembled, whatever the sentences suggested, and the
// international officials none: a person's country only, never an
// event's.
func (d *doc) knownOfficials() {
	for _, p := range d.people {
		switch p.known {
		case "":
		case "-":
			p.country, p.bodyCountry = "", ""
		default:
			p.country = p.known
		}
	}
}
