package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	familyFirst   bool    // written family name first, in capitals: "IWAYA Takeshi"
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
	if !t.isWord() || !t.capitalized() || x.nameStop[t.key] && !nameInitial(t.text) {
		return false
	}
	if t.allCaps() && len([]rune(t.text)) > 1 && !strings.Contains(t.text, ".") && !x.capsFamilyName(s, i) {
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

// findPersons finds the people of a sentence with their titles, ranks,
// countries and affiliations, merging them with people named before.
func (x *Extractor) findPersons(d *doc, s *sentence) []*personMention {
	var out []*personMention
	var saved []bool
	var plural *gazetteer.Title // a plural title before a list of names
	var peers *peerList         // "his Finnish and Swedish counterparts, A and B"
	for _, r := range x.nameRuns(s) {
		a, b := r[0], r[1]
		if a > 0 && s.toks[a-1].key == "the" {
			continue // "the Two Holy Mosques", "the Palace of Independence"
		}
		if a > 0 && (s.toks[a-1].key == "and" || s.toks[a-1].key == "of" || s.toks[a-1].key == "for") &&
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
		x.titleBefore(s, left, p)
		if p.title == "" && left > 0 {
			// "the two Foreign Ministers, H.E. Sugiono and H.E. Bui Thanh Son"
			switch s.toks[left-1].key {
			case ",":
				plural = x.pluralTitle(s, left-1)
			case "and":
			default:
				plural = nil
			}
			if plural != nil {
				p.title, p.titleCat = plural.Title, plural.Category
			}
		} else {
			plural = nil
		}
		x.appositive(s, b, p)
		if p.title == "" {
			x.possessiveApposition(d, s, b, p)
		}
		if p.country == "" && p.title != "" {
			if c, ok := x.titleCtry[phraseKey(p.title)]; ok {
				p.country = c
			} else if k := x.titleStart(s, left); k < left && k >= 2 && s.toks[k-1].key == "and" && s.owned[k-2] && len(out) > 0 {
				// "Japanese Foreign Minister X and Defence Minister Y"
				p.country = out[len(out)-1].p.finalCountry()
			}
		}
		cp := left - 1
		if cp > 0 && s.toks[cp].key == "," {
			cp-- // "his Canadian counterpart, Mélanie Joly"
		}
		if p.title == "" && cp >= 0 && (s.toks[cp].key == "counterpart" || s.toks[cp].key == "colleague") && left > 0 {
			p.counterpart = true
			if cp >= 1 {
				if c, ok := x.demonymCountry(s.toks[cp-1].text); ok {
					p.country = c.ISO3
				}
			}
			// "Foreign Minister X ... his Y counterpart Z": Z holds the
			// same office as the person named last before
			if q := d.lastTitled(out); q != nil {
				p.title, p.titleCat = q.title, q.titleCat
			}
			peers = nil
		} else if p.title == "" && cp >= 0 && (s.toks[cp].key == "counterparts" || s.toks[cp].key == "colleagues") && left > 0 {
			// "his Finnish and Swedish colleagues, A and B": respectively
			peers = &peerList{countries: x.demonymList(s, cp), host: d.lastTitled(out)}
			peers.assign(p)
		} else if peers != nil && left > 0 && (s.toks[left-1].key == "and" || s.toks[left-1].key == ",") && p.title == "" {
			peers.assign(p)
		} else {
			peers = nil
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
		for k := a; k < b; k++ {
			s.owned[k] = true
		}
		out = append(out, &personMention{p: p, i: a, j: b})
	}
	if len(out) > 0 {
		c := findCues(s)
		x.delegationMembers(s, out, c)
		x.messageSender(s, out, c)
		x.accompaniedBy(s, out, c)
		x.sideLeaders(s, out)
		x.hostReceiver(s, out, c)
	}
	x.definiteTitles(d, s)
	return out
}

// cues are the first tokens of the words that tell people's countries
// from their place in a sentence; -1 where the sentence has none.
type cues struct {
	include  int // "included", "comprising"
	accomp   int // "accompanied"
	message  int // "message", "letter", "greetings"
	received int // "received"
	host     int // "received", "receives", "hosted"
}

func findCues(s *sentence) cues {
	c := cues{-1, -1, -1, -1, -1}
	set := func(p *int, i int) {
		if *p < 0 {
			*p = i
		}
	}
	for i, t := range s.toks {
		switch t.key {
		case "included", "includes", "including", "comprised", "comprises", "comprising", "consisted", "composed":
			set(&c.include, i)
		case "accompanied":
			set(&c.accomp, i)
		case "message", "letter", "greetings":
			set(&c.message, i)
		case "received":
			set(&c.received, i)
			set(&c.host, i)
		case "receives", "hosted":
			set(&c.host, i)
		}
	}
	return c
}

// definiteTitles gives "the Mexican president", "the Mauritanian prime
// minister" as a title to the one person of that country named before
// when they have none.
func (x *Extractor) definiteTitles(d *doc, s *sentence) {
	for _, m := range s.ments {
		if m.i < 2 || s.owned[m.i] || s.toks[m.i-2].key != "the" {
			continue
		}
		te, ok := m.first(lexTitle)
		if !ok {
			continue
		}
		dm, ok := s.mentionEnding(m.i)
		if !ok || dm.i != m.i-1 || s.owned[dm.i] {
			continue
		}
		de, ok := dm.first(lexDemonym)
		if !ok {
			continue
		}
		// the one person of that country without a title, when none of
		// them holds an office of that kind
		var only *person
		for _, p := range d.people {
			if p.finalCountry() != de.country.ISO3 {
				continue
			}
			if p.titleCat == te.title.Category {
				only = nil
				break
			}
			if p.title == "" {
				if only != nil {
					only = nil
					break
				}
				only = p
			}
		}
		if only != nil {
			only.title, only.titleCat = te.title.Title, te.title.Category
		}
	}
}

// accompaniedBy gives the people "accompanied by" whose country the text
// leaves unsaid the country of the one they accompany: "The Brazilian
// leader, who was accompanied by Foreign Minister Mauro Vieira",
// "President Orsi, accompanied by Foreign Minister Mario Lubetkin".
func (x *Extractor) accompaniedBy(s *sentence, out []*personMention, c cues) {
	acc := c.accomp
	if acc < 1 || acc+1 >= len(s.toks) || s.toks[acc+1].key != "by" {
		return
	}
	// the accompanied: the one a "who" clause hangs on ("Orsi, who was
	// accompanied by"), else the sentence's subject, its first person
	country := ""
	var who *personMention
	for _, pm := range out {
		if pm.j > acc {
			break
		}
		if who == nil {
			who = pm
		}
		if pm.j+1 < len(s.toks) && s.toks[pm.j].key == "," && s.toks[pm.j+1].key == "who" {
			who = pm
		}
	}
	if who != nil {
		country = who.p.finalCountry()
	}
	if country == "" {
		// "The Brazilian leader, who was accompanied by"
		for k := acc - 1; k >= 0 && k >= acc-6; k-- {
			m, ok := s.mentionAt(k)
			if !ok {
				continue
			}
			e, ok := m.first(lexDemonym)
			if !ok || m.j >= len(s.toks) {
				continue
			}
			switch s.toks[m.j].key {
			case "leader", "president", "delegation", "side", "head", "minister", "king", "emir", "premier":
				country = e.country.ISO3
			}
			break
		}
	}
	if country == "" {
		return
	}
	// the people right after "by", listed with "and" or commas
	for _, pm := range out {
		if pm.i <= acc+1 {
			continue
		}
		if pm.i > acc+12 {
			break
		}
		if pm.p.finalCountry() == "" {
			pm.p.country = country
		}
	}
}

// messageSender gives the sender of a message its bearer's country: "the
// Zambian Minister delivered a special message from President Hakainde
// Hichilema", "Mr Sonko was received by President X, where he delivered
// a message from President Faye".
func (x *Extractor) messageSender(s *sentence, out []*personMention, c cues) {
	if len(out) < 2 {
		return
	}
	msg := c.message
	if msg < 2 || msg+1 >= len(s.toks) || s.toks[msg+1].key != "from" {
		return
	}
	var senders []*personMention
	for _, pm := range out {
		if pm.i > msg+1 && pm.i <= msg+25 {
			if pm.p.finalCountry() != "" {
				break
			}
			senders = append(senders, pm)
		}
	}
	if len(senders) == 0 || senders[0].i > msg+12 {
		return
	}
	v := -1
	for k := msg - 1; k >= 1 && k >= msg-4; k-- {
		switch s.toks[k].key {
		case "delivered", "conveyed", "handed", "carried", "passed", "brought":
			v = k
		}
		if v >= 0 {
			break
		}
	}
	if v < 1 {
		return
	}
	country := ""
	if m, ok := s.mentionEnding(v); ok && m.has(lexTitle) {
		// "the Zambian Minister delivered"
		if m2, ok := s.mentionEnding(m.i); ok {
			if e, ok := m2.first(lexDemonym); ok {
				country = e.country.ISO3
			}
		}
	} else if k := s.toks[v-1].key; k == "," || s.owned[v-1] {
		// "Mr al-Jubeir, who was on a visit, delivered"
		for _, pm := range out {
			if pm.j <= v {
				country = pm.p.finalCountry()
			}
		}
	} else if k == "he" || k == "she" {
		// the guest delivers: "X was received by Y", "Y received X"
		r := c.received
		if r < 1 || r > v {
			return
		}
		var guest *personMention
		if s.toks[r-1].key == "was" || s.toks[r-1].key == "were" {
			for _, pm := range out {
				if pm.j <= r-1 {
					guest = pm
				}
			}
		} else {
			for _, pm := range out {
				if pm.i > r {
					guest = pm
					break
				}
			}
		}
		if guest != nil && guest.i < msg {
			country = guest.p.finalCountry()
		}
	}
	if country != "" {
		for _, pm := range senders {
			pm.p.country = country
		}
	}
}

// hostReceiver gives the host who receives a guest the country of the
// venue ("received by Javier Milei at the Casa Rosada", "Putin received X
// at the Kremlin") or of the visit ("... on his first official visit to
// Argentina").
func (x *Extractor) hostReceiver(s *sentence, out []*personMention, c cues) {
	if len(out) < 2 {
		return
	}
	r := c.host
	if r < 1 {
		return
	}
	var host *personMention
	if r+1 < len(s.toks) && s.toks[r+1].key == "by" {
		for _, pm := range out {
			if pm.i > r+1 && pm.i <= r+8 {
				host = pm // "X was received by [President] Y"
				break
			}
		}
	} else {
		for _, pm := range out {
			if pm.j <= r && pm.j >= r-1 {
				host = pm // "Y received X"
			}
		}
	}
	if host == nil || host.p.finalCountry() != "" {
		return
	}
	country := ""
	for _, m := range s.ments {
		if m.i <= r || s.owned[m.i] {
			continue
		}
		if e, ok := m.first(lexBody); ok && e.body.Country != "" && m.i >= 2 && (s.toks[m.i-1].key == "at" || s.toks[m.i-2].key == "at") {
			country = e.body.Country // "at the Casa Rosada"
			break
		}
		if e, ok := m.first(lexCountry); ok && m.i >= 2 && s.toks[m.i-1].key == "to" && s.toks[m.i-2].key == "visit" {
			country = e.country.ISO3 // "on his first official visit to Argentina"
			break
		}
	}
	if country != "" {
		host.p.country = country
	}
}

// sideLeaders gives "the Ukrainian side was led by X" the side's country.
func (x *Extractor) sideLeaders(s *sentence, out []*personMention) {
	for _, pm := range out {
		if pm.p.finalCountry() != "" {
			continue
		}
		// back from the name over a title to "by"
		k := pm.i - 1
		for k > 0 && s.owned[k] {
			k--
		}
		if k < 4 || s.toks[k].key != "by" {
			continue
		}
		switch s.toks[k-1].key {
		case "led", "headed", "chaired", "represented":
		default:
			continue
		}
		if w := s.toks[k-2].key; w != "was" && w != "were" && w != "is" {
			continue
		}
		switch s.toks[k-3].key {
		case "side", "delegation", "team":
		default:
			continue
		}
		if m, ok := s.mentionEnding(k - 3); ok {
			if e, ok := m.first(lexDemonym); ok {
				pm.p.country = e.country.ISO3
			}
		}
	}
}

// delegationMembers gives the members of a delegation whose country the
// text leaves unsaid the delegation's country: "The Saudi delegation
// included X, Y", "President Orsi will be accompanied by a delegation
// comprising X, Y".
func (x *Extractor) delegationMembers(s *sentence, out []*personMention, c cues) {
	v := c.include
	if v < 1 {
		return
	}
	del := -1
	for k := v - 1; k >= 0 && k >= v-4; k-- {
		if s.toks[k].key == "delegation" || s.toks[k].key == "delegations" {
			del = k
			break
		}
	}
	if del < 0 {
		return
	}
	country := ""
	if m, ok := s.mentionEnding(del); ok {
		if e, ok := m.first(lexDemonym); ok {
			country = e.country.ISO3 // "The Saudi delegation"
		} else if e, ok := m.first(lexCountry); ok && m.possessive {
			country = e.country.ISO3 // "Uruguay's delegation"
		}
	}
	if s.toks[del].key == "delegations" {
		return // "the two delegations included": each their own
	}
	if country == "" {
		// "President X will be accompanied by a delegation comprising"
		acc := c.accomp
		if acc < 0 || acc > del {
			return
		}
		for _, pm := range out {
			if pm.j <= acc {
				country = pm.p.finalCountry()
			}
		}
	}
	if country == "" {
		return
	}
	for _, pm := range out {
		if pm.i > v && pm.p.finalCountry() == "" {
			pm.p.country = country
		}
	}
}

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

// peerList hands the people listed after "his Finnish and Swedish
// counterparts" their countries in order and the office of their host.
type peerList struct {
	countries []string
	host      *person
	n         int
}

func (l *peerList) assign(p *person) {
	p.counterpart = true
	if len(l.countries) > 1 && l.n < len(l.countries) {
		p.country = l.countries[l.n] // respectively
	}
	l.n++
	if l.host != nil {
		p.title, p.titleCat = l.host.title, l.host.titleCat
	}
}

// demonymList reads the demonyms before token c: "Finnish and Swedish",
// "Chinese, Indian and Brazilian".
func (x *Extractor) demonymList(s *sentence, c int) []string {
	var out []string
	for k := c - 1; k >= 0; k-- {
		t := s.toks[k]
		if t.key == "and" || t.key == "," {
			continue
		}
		cc, ok := x.demonymCountry(t.text)
		if !ok {
			break
		}
		out = append([]string{cc.ISO3}, out...)
	}
	return out
}

// pluralTitle reads "the two Foreign Ministers" ending before the comma
// at token c: the title each of the people listed after it holds.
func (x *Extractor) pluralTitle(s *sentence, c int) *gazetteer.Title {
	k := c - 1
	if k < 1 || !strings.HasSuffix(s.toks[k].key, "s") {
		return nil
	}
	last := strings.TrimSuffix(s.toks[k].key, "s")
	for n := 1; n <= 3 && k-n+1 >= 1; n++ {
		i := k - n + 1
		switch s.toks[i-1].key {
		case "two", "both", "three":
		default:
			continue
		}
		key := last
		if n > 1 {
			key = joinKeys(s.toks[i:k]) + " " + last
		}
		for _, e := range x.lex.m[key] {
			if e.kind == lexTitle {
				return e.title
			}
		}
	}
	return nil
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
		if strings.HasPrefix(nk, "@") && len(nk) > 1 {
			return true // "Ayman Safadi @AymanHsafadi": a person's handle
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
	for k := a - 1; k >= 0 && k >= a-maxTitleWords; k-- {
		if m, ok := s.mentionEnding(k + 1); ok && m.has(lexTitle) {
			// keep going left for a longer title: "Deputy" + "Foreign Minister"
			start, k = m.i, m.i
			continue
		}
		t := s.toks[k]
		if t.key == "," && k == a-1 {
			if k > 0 && s.owned[k-1] {
				return // "X, Minister of Foreign Affairs, Y": the title is X's
			}
			continue // "the Minister of Foreign Affairs, Yusuf Maitama Tuggar"
		}
		if t.key == "and" && start >= 0 {
			if m, ok := s.mentionEnding(k); ok && m.has(lexTitle) {
				continue // "Deputy Prime Minister and Foreign Minister"
			}
			break
		}
		if t.key == "," && start < 0 && x.titleListComma(s, k, a) {
			continue // "Minister of Foreign Affairs, Cooperation and Mauritanians Abroad, X"
		}
		if t.key == "," || t.key == "(" || t.key == ")" || t.key == "said" || s.owned[k] {
			break // s.owned: another person's name or title
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
	p.title = strings.TrimSpace(strings.TrimSuffix(titleText(s.toks[start:titleEnd(s, start, a)]), ","))
	p.titleCat = e.title.Category
	x.phraseFacts(s, start, a, p)
	for k := start; k < a; k++ {
		s.owned[k] = true
	}
	// qualifiers before the title
	k := start - 1
	if k >= 1 && (s.toks[k].text == "'" || s.toks[k].text == "’") {
		// "Laos' Prime Minister", "the Philippines' Foreign Secretary"
		if m, ok := s.mentionEnding(k); ok && strings.HasSuffix(s.toks[k-1].key, "s") {
			if e, ok := m.first(lexCountry); ok {
				p.country = e.country.ISO3
				markOwned(s, m.i, k+1)
			}
		}
	} else if k >= 0 {
		if m, ok := s.mentionEnding(start); ok {
			if c, ok := m.nationality(); ok {
				p.country = c
				markOwned(s, m.i, m.j)
			} else if e, ok := m.first(lexOrg); ok {
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
}

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
	for round := 0; round < 2; round++ {
		if k >= len(s.toks) || s.toks[k].key != "," {
			return
		}
		k++
		for k < len(s.toks) && (s.toks[k].key == "the" || s.toks[k].key == "a" || s.toks[k].key == "an") {
			k++
		}
		m, ok := s.mentionAt(k)
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
				return
			}
		}
		isTitle, isBody := m.has(lexTitle), m.has(lexBody) || m.has(lexOrg)
		if !isTitle && !isBody && !m.has(lexDemonym) && !(m.has(lexCountry) && m.possessive) {
			return
		}
		end := x.phraseEnd(s, k)
		if reportingClause(s, end) {
			return // "X, the Polish government said": who says, not who X is
		}
		if end-k >= 3 && x.nameToken(s, end-1) && x.nameToken(s, end-2) {
			// "X, Minister of ... of the Republic of South Africa Ronald
			// Lamola": the title of the next person, not X's apposition
			return
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
		if s.toks[k].key == "at" {
			end = k // "additional secretary at the Ministry": the office, then where
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
			continue // "Ambassador to China": where, not whose
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
	if a+1 < len(s.toks) && s.toks[a+1].isWord() && s.toks[a+1].capitalized() {
		return false
	}
	if left < a {
		// "H.E. Sugiono": an excellency, not a mere "Mr."
		for k := left; k < a; k++ {
			if s.toks[k].key == "he" || s.toks[k].key == "excellency" {
				return true
			}
		}
		return false
	}
	// a full title right before: "Minister of Foreign Affairs", "Minister of Trade"
	return p.title != "" && strings.Contains(p.title, " of ") && s.owned[a-1] && s.toks[a-1].isWord()
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
		if len(toks) == 1 || pt[0].key[:1] == first[:1] {
			return p
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

// nameInitial reports whether w is a capital letter with its dot, as in
// "Enrique A. Manalo": a name's initial, even where the letter alone
// would be a stop word ("A", "I").
func nameInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
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
