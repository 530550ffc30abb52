package extract

// Countries of people from their place in a sentence: the delegation they
// belong to, whom they accompany, whose message they carry, the host who
// receives them, the side they lead, the counterparts listed in order.

import "strings"

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
		case "included", "includes", "including", "comprised", "comprises", "comprising", "consisted", "consisting", "consists", "composed":
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
// when they have none, or else that country to the one person named
// before in such an office without a country: a country told in a
// neighbouring sentence.
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
			continue
		}
		// "Foreign Minister X arrived ... The Chilean minister said": the
		// one person named before in an office of that kind without a
		// country, when no one of that country is known
		var holder *person
		for _, p := range d.people {
			if p.finalCountry() == de.country.ISO3 {
				holder = nil
				break // someone of that country is known: "the Slovenian minister" may be them
			}
			if p.titleCat != te.title.Category {
				continue
			}
			if p.finalCountry() == "" {
				if holder != nil {
					holder = nil
					break
				}
				holder = p
			}
		}
		if holder != nil {
			holder.country = de.country.ISO3
		}
	}
}

// accompaniedBy gives the people "accompanied by" whose country the text
// leaves unsaid the country of the one they accompany: "The Brazilian
// leader, who was accompanied by Foreign Minister Mauro Vieira",
// "President Orsi, accompanied by Foreign Minister Mario Lubetkin".
func (x *Extractor) accompaniedBy(d *doc, s *sentence, out []*personMention, c cues) {
	acc := c.accomp
	if acc >= 1 && acc+1 < len(s.toks) && s.toks[acc+1].key != "by" {
		x.accompanying(d, s, out, acc)
		return
	}
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
	// the people right after "by", listed with "and" or commas, each
	// with their title
	last, from := acc+2, acc
	if inc := includingAfter(s, out, acc+2); inc > 0 {
		// "accompanied by members of his team, including X, Y and Z"
		last, from = inc+1, inc-1
	}
	for _, pm := range out {
		if pm.i <= acc+1 {
			continue
		}
		if pm.i > from+12 && !listGap(s, last, pm.i) {
			break
		}
		if pm.p.finalCountry() == "" {
			pm.p.country = country
		}
		last = pm.j
	}
}

// listGap reports whether tokens [i, j) only join the items of a list of
// people: commas, "and", "the", forms of address and the capitalized
// words of their titles.
func listGap(s *sentence, i, j int) bool {
	for k := i; k < j; k++ {
		switch s.toks[k].key {
		case ",", "and", "the", "of", "for", "with":
			continue
		}
		if s.toks[k].isWord() && s.toks[k].capitalized() {
			continue // the rest of a title: "Chief Secretary, Island House of Assembly"
		}
		if m, ok := s.mentionAt(k); ok && m.has(lexRank) {
			k = m.j - 1 // "the Honourable"
			continue
		}
		if !s.owned[k] {
			return false
		}
	}
	return true
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
	if msg < 2 || msg+1 >= len(s.toks) || s.toks[msg+1].key != "from" && s.toks[msg+1].key != "of" {
		return // "a message from", "the greetings of"
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
	} else if k := s.toks[v-1].key; k == "and" && len(out) > 0 && out[0].j < v {
		// "Minister X thanked Mexico ... and conveyed the greetings of
		// President Y": the subject of the coordinated verbs
		country = out[0].p.finalCountry()
	} else if k == "," || s.owned[v-1] {
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
	// the guest: the other person on the far side of "received"
	var guest *personMention
	for _, pm := range out {
		if pm != host && (pm.j <= r) != (host.j <= r) {
			guest = pm
			break
		}
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
	if country == "" && guest != nil && guest.p.visited != "" && guest.p.visited != guest.p.finalCountry() {
		country = guest.p.visited // "X, who travelled to Nouakchott, ... was received by President Y"
	}
	if country != "" {
		host.p.country = country
	}
}

// sideLeaders gives "the Ukrainian side was led by X" the side's country.
func (x *Extractor) sideLeaders(s *sentence, out []*personMention) {
	for _, pm := range out {
		if pm.p.finalCountry() != "" && !pm.p.titleGuess {
			continue // a title one country mostly uses yields to the side told
		}
		// back from the name over a title or a form of address to "by"
		k := pm.i - 1
		for k > 0 {
			if m, ok := s.mentionEnding(k + 1); ok && m.has(lexRank) {
				k = m.i - 1 // "led by Amb X"
				continue
			}
			if s.toks[k].key == "the" && k > 0 {
				k-- // "represented by the Honourable X"
				continue
			}
			if !s.owned[k] {
				break
			}
			k--
		}
		if k < 3 || s.toks[k].key != "by" {
			continue
		}
		if w := s.toks[k-1].key; w == "side" || w == "delegation" {
			if m, ok := s.mentionEnding(k - 1); ok {
				if c, ok := m.nationality(); ok {
					pm.p.country = c // "..., the Kyrgyz side by Y": the verb left out
					continue
				}
			}
		}
		switch s.toks[k-1].key {
		case "led", "headed", "chaired", "represented":
		default:
			continue
		}
		if w := s.toks[k-2].key; w != "was" && w != "were" && w != "is" {
			continue
		}
		if m, ok := s.mentionEnding(k - 2); ok && !m.possessive {
			if e, ok := m.first(lexCountry); ok {
				pm.p.country = e.country.ISO3 // "Haiti was represented by Ambassador X"
				continue
			}
		}
		switch s.toks[k-3].key {
		case "side", "delegation", "team":
		default:
			continue
		}
		if k-3 == 0 {
			continue
		}
		if m, ok := s.mentionEnding(k - 3); ok {
			if c, ok := m.nationality(); ok {
				pm.p.country = c // "the Ukrainian side", "Japan's side"
				sideMembers(s, out, pm, c)
			}
		}
	}
}

// sideMembers gives the people listed right after a side's leader ("the
// US delegation was headed by X, with Y, and Z") the side's country.
func sideMembers(s *sentence, out []*personMention, leader *personMention, country string) {
	last := leader.j
	for _, pm := range out {
		if pm.i <= leader.i {
			continue
		}
		if !listGap(s, last, pm.i) {
			return
		}
		if pm.p.finalCountry() == "" {
			pm.p.country = country
		}
		last = pm.j
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
	for end := del; end >= del-1 && end > 0 && country == ""; end-- {
		if m, ok := s.mentionEnding(end); ok {
			if e, ok := m.first(lexDemonym); ok {
				country = e.country.ISO3 // "The Saudi delegation"
			} else if e, ok := m.first(lexCountry); ok && m.possessive {
				country = e.country.ISO3 // "Uruguay's delegation", "Chile's Presidency delegation"
			}
		}
	}
	if s.toks[del].key == "delegations" {
		return // "the two delegations included": each their own
	}
	if country == "" {
		// "Members of X's delegation included": X's country
		for _, pm := range out {
			if pm.j == del && stripPossessive(s.toks[del-1].text) != s.toks[del-1].text {
				country = pm.p.finalCountry()
			}
		}
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

// peerList hands the people listed after "his Finnish and Swedish
// counterparts" their countries in order and the office of their host.
type peerList struct {
	countries []string
	host      *person
	n         int
	x         *Extractor
}

func (l *peerList) assign(p *person) {
	p.counterpart = true
	if len(l.countries) > 1 && l.n < len(l.countries) {
		p.country = l.countries[l.n] // respectively
	}
	l.n++
	if l.host != nil {
		p.title, p.titleCat = l.x.counterpartTitle(l.host)
		p.titleInferred = true
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

// forCountry gives the people named before "chaired the meeting for
// Mexico", "signed on behalf of Chile", "spoke for the United States"
// whose country the text leaves unsaid that country: they act for it.
func (x *Extractor) forCountry(s *sentence, out []*personMention) {
	for k := 1; k+1 < len(s.toks); k++ {
		c := k + 1 // the country after "for" or "on behalf of"
		switch {
		case s.toks[k].key == "for":
		case s.toks[k].key == "behalf" && s.toks[k-1].key == "on" && s.toks[k+1].key == "of":
			c = k + 2
		default:
			continue
		}
		if c < len(s.toks) && s.toks[c].key == "the" {
			c++
		}
		m, ok := s.mentionAt(c)
		if !ok || m.possessive || m.j < len(s.toks) && s.toks[m.j].isWord() && s.toks[m.j].key != "and" {
			continue // "for Mexico's part", "for China Affairs"
		}
		e, ok := m.first(lexCountry)
		if !ok {
			continue
		}
		// a verb of acting for a side, a few words before
		v := -1
		for j := k - 1; j >= 0 && j >= k-5; j-- {
			switch s.toks[j].key {
			case "chaired", "co-chaired", "led", "headed", "represented", "signed", "spoke", "attended", "participated":
				v = j
			}
			if v >= 0 {
				break
			}
		}
		if v < 0 {
			continue
		}
		for _, pm := range out {
			if pm.j <= v && pm.p.finalCountry() == "" {
				pm.p.country = e.country.ISO3
			}
		}
		return
	}
}

// visitors notes the country a person without one visits: "President X
// began a State Visit to Nairobi", "X arrived in Kenya on Monday". A
// visitor to the report's own country is someone else's official
// (markVisitors).
func (x *Extractor) visitors(s *sentence, out []*personMention) {
	for k := 1; k+1 < len(s.toks); k++ {
		w, n := s.toks[k].key, s.toks[k+1].key
		visit := (w == "visit" || w == "visits" || w == "trip" || w == "tour" || w == "travelled" || w == "traveled" ||
			w == "flew") && n == "to"
		arrive := (w == "arrived" || w == "arrives" || w == "landed") && n == "in"
		if !visit && !arrive {
			continue
		}
		c := k + 2
		if c < len(s.toks) && s.toks[c].key == "the" {
			c++
		}
		m, ok := s.mentionAt(c)
		if !ok {
			continue
		}
		iso3 := ""
		if e, ok := m.first(lexCountry); ok {
			iso3 = e.country.ISO3
		} else if e, ok := m.first(lexCity); ok {
			iso3 = e.country.ISO3
		} else if e, ok := m.first(lexDemonym); ok && m.j < len(s.toks) && s.toks[m.j].key == "capital" {
			iso3 = e.country.ISO3 // "travelled to the Mauritanian capital"
		}
		if iso3 == "" {
			continue
		}
		// the visitor: the sentence's first person, before the cue and
		// not after "by" or "received" ("was received by X on his visit")
		if len(out) == 0 || out[0].j > k {
			return
		}
		for j := 0; j < out[0].i; j++ {
			if s.toks[j].key == "by" || s.toks[j].key == "received" {
				return
			}
		}
		for j := out[0].j; j < k; j++ {
			if s.toks[j].key == "by" || s.toks[j].key == "received" || s.toks[j].key == "hosted" {
				return
			}
		}
		v := out[0]
		for _, pm := range out[1:] {
			w := pm.j
			for w+1 < k && (s.owned[w] || s.toks[w].key == "," && s.owned[w+1]) {
				w++ // over an apposition: "Y, Minister of Foreign Affairs of Z, who"
			}
			if w+1 < k && (s.toks[w].key == "who" || s.toks[w].key == "," && s.toks[w+1].key == "who") {
				v = pm // "X met his counterpart Y, who is on a visit to Z": Y visits
			}
		}
		if p := v.p; p.visited == "" {
			p.visited, p.visitSent = iso3, s.idx
		}
		return
	}
}

// markVisitors gives the visitors of the report's own country the one
// other country their sentence names ("Kenya and Botswana signed ... as
// President X began a State Visit to Nairobi"), else makes them
// counterparts: they stand for the other side of its events, not for the
// report's country.
func (d *doc) markVisitors() {
	for _, p := range d.people {
		if d.home == "" || p.visited != d.home || p.finalCountry() != "" {
			continue
		}
		other := ""
		for _, c := range d.sents[p.visitSent].cref {
			if c.iso3 != d.home && c.iso3 != other {
				if other != "" {
					other = "-"
					break
				}
				other = c.iso3
			}
		}
		if other != "" && other != "-" {
			p.country = other
		} else {
			p.counterpart = true
		}
	}
}

// bulletMembers gives the people of a bulleted list under "The Chilean
// delegation included:" the delegation's country: the header sentence
// names it and ends with a colon, each following sentence that opens with
// a bullet names a member.
func (x *Extractor) bulletMembers(d *doc, s *sentence, out []*personMention) {
	text := strings.TrimSpace(s.text)
	if bulleted(text) {
		if d.listCountry != "" {
			for _, pm := range out {
				if pm.p.finalCountry() == "" {
					pm.p.country = d.listCountry
				}
			}
		}
		return
	}
	d.listCountry = ""
	if !strings.HasSuffix(text, ":") {
		return
	}
	del := s.wordIndex(0, "delegation", "team", "side")
	if del < 0 {
		return
	}
	if m, ok := s.mentionEnding(del); ok {
		if c, ok := m.nationality(); ok {
			d.listCountry = c // "The Chilean delegation included:", "Chile's delegation comprised:"
			return
		}
	}
	for _, pm := range out {
		if pm.j == del && pm.p.finalCountry() != "" {
			d.listCountry = pm.p.finalCountry() // "Minister X's delegation included:"
		}
	}
}

// bulleted reports whether a sentence opens with a list's bullet: "-",
// "•", "*", "–" or "1." / "a)".
func bulleted(text string) bool {
	for _, b := range []string{"- ", "• ", "* ", "– ", "— ", "· ", "•\t"} {
		if strings.HasPrefix(text, b) {
			return true
		}
	}
	i := 0
	for i < len(text) && i < 3 && (text[i] >= '0' && text[i] <= '9' || i == 0 && text[i] >= 'a' && text[i] <= 'z') {
		i++
	}
	return i > 0 && i+1 < len(text) && (text[i] == '.' || text[i] == ')') && text[i+1] == ' '
}

// delegationLeader gives "X led the South Korean delegation", "Y headed a
// Chilean team" the delegation's country.
func (x *Extractor) delegationLeader(s *sentence, out []*personMention) {
	for _, pm := range out {
		if pm.p.finalCountry() != "" {
			continue
		}
		k := pm.j
		for k < len(s.toks) && k < pm.j+4 && s.owned[k] {
			k++ // the title in apposition
		}
		if k+3 >= len(s.toks) {
			continue
		}
		switch s.toks[k].key {
		case "led", "headed", "leads", "heads", "leading", "heading":
		default:
			continue
		}
		if d := s.toks[k+1].key; d != "the" && d != "a" && d != "his" && d != "her" {
			continue
		}
		m, ok := s.mentionAt(k + 2)
		if !ok || m.j >= len(s.toks) {
			continue
		}
		switch s.toks[m.j].key {
		case "delegation", "side", "team":
		default:
			continue
		}
		if c, ok := m.nationality(); ok {
			pm.p.country = c
		}
	}
}

// metDuringVisit gives the people a visitor meets "during the visit"
// ("During the visit, he also held meetings with A, B and C") the country
// the visit went to: hosts meet their guests at home. The visitor is the
// one the report last said visited a country.
func (x *Extractor) metDuringVisit(d *doc, s *sentence, out []*personMention) {
	dur := s.wordIndex(0, "during")
	if len(out) == 0 || dur < 0 || s.wordIndex(dur, "visit", "stay") < 0 {
		return
	}
	var visitor *person
	for _, p := range d.people {
		if p.visited != "" && p.visitSent < s.idx {
			visitor = p // told in a sentence before: "X paid a visit to Y. During the visit, ..."
		}
	}
	if visitor == nil || visitor.visited == visitor.finalCountry() {
		return
	}
	v := s.wordIndex(0, "met", "meets", "meetings", "meeting", "called", "calls")
	if v < 0 {
		return
	}
	for _, pm := range out {
		if pm.i > v && pm.p != visitor && pm.p.finalCountry() == "" && !pm.p.counterpart {
			pm.p.country = visitor.visited
		}
	}
}

// fromSide gives people "from the Japanese side", "on the Chilean side"
// that side's country: the people after the phrase when it opens the
// sentence ("From the ROK side, A, B and others attended"), else the one
// named right before it ("signed by A from the Nepali side, and by B from
// the US side").
func (x *Extractor) fromSide(s *sentence, out []*personMention) {
	for _, pm := range out {
		// "X from Bangladesh, Y from Bhutan": each from the country after them
		if pm.j+1 < len(s.toks) && s.toks[pm.j].key == "from" && pm.p.finalCountry() == "" {
			if c := x.countryAt(s, pm.j+1); c != "" {
				pm.p.country = c
			}
		}
	}
	for k := 0; k+2 < len(s.toks); k++ {
		if w := s.toks[k].key; w != "from" && w != "on" && w != "for" {
			continue
		}
		c := k + 1
		if s.toks[c].key == "the" {
			c++
		}
		m, ok := s.mentionAt(c)
		if !ok || m.j >= len(s.toks) || s.toks[m.j].key != "side" {
			continue
		}
		country, ok := m.nationality()
		if !ok {
			continue
		}
		var before *personMention
		for _, pm := range out {
			if pm.j <= k {
				before = pm
			}
		}
		if before == nil {
			// the phrase opens the sentence: everyone after it, up to
			// another side's phrase
			for _, pm := range out {
				if pm.i > m.j && pm.p.finalCountry() == "" {
					if x.sideAhead(s, m.j+1, pm.i) {
						break
					}
					pm.p.country = country
				}
			}
			continue
		}
		// the one right before, over their title: "A from the US side"
		if ownedBetween(s, before.j, k) && before.p.finalCountry() == "" {
			before.p.country = country
		}
	}
}

// sideAhead reports whether another "from the X side" starts in [i, j).
func (x *Extractor) sideAhead(s *sentence, i, j int) bool {
	for k := i; k < j && k+2 < len(s.toks); k++ {
		if s.toks[k].key == "side" && (k >= 2 && s.toks[k-2].key == "from" || k >= 3 && s.toks[k-3].key == "from") {
			return true
		}
	}
	return false
}

// accompanying gives "A and B accompanied the Special Envoy", "A
// accompanied President X" the country of the one they accompany: the
// person named after the verb, or the one named before whose title
// follows it.
func (x *Extractor) accompanying(d *doc, s *sentence, out []*personMention, acc int) {
	country := ""
	for _, pm := range out {
		if pm.i > acc && pm.i <= acc+6 {
			country = pm.p.finalCountry() // "accompanied President X"
			break
		}
	}
	if country == "" && acc+2 < len(s.toks) && s.toks[acc+1].key == "the" {
		// "accompanied the Special Envoy": the one named before in that office
		if m, ok := s.mentionAt(acc + 2); ok && m.has(lexTitle) {
			t := strings.ToLower(titleText(s.toks[m.i:m.j]))
			var holder *person
			for _, p := range d.people {
				if p.title != "" && strings.HasSuffix(strings.ToLower(p.title), t) {
					if holder != nil && holder.finalCountry() != p.finalCountry() {
						return
					}
					holder = p
				}
			}
			if holder != nil {
				country = holder.finalCountry()
			}
		}
	}
	if country == "" {
		return
	}
	for _, pm := range out {
		if pm.j <= acc && pm.p.finalCountry() == "" {
			pm.p.country = country
		}
	}
}

// includingAfter returns the index of an "including" or "notably" within
// a few words after token a ("members of his delegation, including"),
// with nobody named before it, or 0.
func includingAfter(s *sentence, out []*personMention, a int) int {
	for k := a; k < len(s.toks) && k <= a+12; k++ {
		for _, pm := range out {
			if pm.i == k {
				return 0
			}
		}
		switch s.toks[k].key {
		case "including", "notably", "namely":
			return k
		case ".", ";", ":":
			return 0
		}
	}
	return 0
}
