package extract

import (
	"regexp"
	"strings"
	"time"

	"github.com/diplograph/diplograph/ingest/gazetteer"
)

// Stage 3: the arguments of an event mention: its countries, mechanism,
// ordinal, date, place, topics and agreements.

// reDayBefore places an event on the day before the one told before.
var (
	gDayBefore  = guardWords("eve of", "day before", "day earlier", "previous day", "preceding day", "ſ")
	reDayBefore = newPhraseRe(`(?i)\b(on the eve of|the day before|(?:a|one|the) day (?:earlier|before)|(?:on )?the (?:previous|preceding) day)\b`)
)

// candidate builds the event a sentence states.
func (d *doc) candidate(s *sentence, tr trigger, ti int) *event {
	e := &event{kind: tr.kind, cameo: tr.cameo}
	if e.kind == "signing" {
		// "signed seven agreements at the close of the 12th session": the session
		if k, c, ok := d.x.gatheringIn(s); ok {
			e.kind, e.cameo = k, c
		}
	}
	// "Foreign ministers of the SCO met": a gathering of an organisation
	if e.kind == "meeting" && ti >= 0 {
		switch s.toks[ti].key {
		case "met", "meet", "meets", "convened", "gathered", "meeting":
			for _, m := range s.ments {
				near := m.i < ti && m.i >= ti-8 || s.toks[ti].key == "meeting" && m.i > ti && m.i <= ti+3
				if near && m.has(lexOrg) && !s.owned[m.i] {
					e.kind, e.cameo = "conference", "040"
				}
			}
		}
	}
	if ti >= 0 && attendedGathering(s, ti) {
		e.kind, e.cameo = "conference", "040" // "to participate in the fourth edition of the Raisina Dialogue"
	}
	d.fill(e, s, ti)
	if from, to := sidelinesSpan(s); e.kind == "meeting" && e.mech == "" && (ti < from || ti >= to) {
		for k := from; k < to; k++ {
			if s.toks[k].key == "summit" {
				e.kind, e.cameo = "summit", "043" // leaders meeting on the sidelines of a summit
				break
			}
		}
	}
	return e
}

// fill reads an event's facts from one sentence; ti is the trigger's token.
func (d *doc) fill(e *event, s *sentence, ti int) {
	x := d.x
	e.sents = append(e.sents, s)
	sideFrom, sideTo := sidelinesSpan(s)
	if ti >= sideFrom && ti < sideTo {
		sideFrom, sideTo = 0, 0 // the gathering is the event
	}
	aside := func(i int) bool { return i >= sideFrom && i < sideTo }
	// mechanism, subject and ordinal
	// the mechanism a round's number goes with comes first: "set up a
	// joint committee ... at the 13th session of the Joint Commission"
	for pass := 0; pass < 2 && e.mech == ""; pass++ {
		for _, m := range s.ments {
			en, ok := m.first(lexMech)
			if !ok || e.mech != "" || inStandingRole(s, m.i) || aside(m.i) {
				continue
			}
			if m.j < len(s.toks) && (s.toks[m.j].key == "partner" || s.toks[m.j].key == "partners" || s.toks[m.j].key == "partnership") {
				continue // "ASEAN's first dialogue partner"
			}
			n := x.ordinalBefore(s, m.i)
			if pass == 0 && n == 0 {
				continue
			}
			named := s.toks[m.i].capitalized() && m.i > 0
			// "held talks", "a summit": a standing mechanism only when
			// numbered or named as one
			if n == 0 && (en.mech == "talks" || en.mech == "summit" || !named && en.mech == "dialogue") {
				continue
			}
			if n == 0 && m.i > 0 && (s.toks[m.i-1].key == "a" || s.toks[m.i-1].key == "an") {
				continue // "to set up a joint committee": a new body, not this one
			}
			if n == 0 && agreedMechanism(s, m.i) {
				continue // "signed a memorandum on holding regular political consultations"
			}
			e.mech, e.mechName = en.mech, phraseText(s.toks[m.i:m.j])
			e.subject = x.seriesSubject(s, m.j)
			if n > 0 {
				e.ordinal = n
			}
		}
	}
	if e.ordinal == 0 {
		for i := range s.toks {
			if n := x.ordinalAt(s, i); n > 0 && i+1 < len(s.toks) && !aside(i) {
				if ordinalNoun(s, i+1) && !(ti < 0 && otherGathering(s, i, e.kind)) {
					e.ordinal = n
					break
				}
			}
		}
	}
	// countries taking part
	discussAt := -1
	if loc := findDiscuss(s); loc != nil {
		discussAt = loc[0]
	}
	lastDiscussed := -1 // token of the last country read as a subject of talks
	lastStop := -1      // token of the last country a visit goes to
	for _, c := range s.cref {
		t := s.toks[c.tok]
		if aside(c.tok) {
			continue // "on the sidelines of the China-Africa summit"
		}
		if lastDiscussed >= 0 && listContinues(s, lastDiscussed, c.tok) {
			e.discussed = append(e.discussed, c.iso3) // "conflicts in Ukraine, Gaza and Sudan"
			lastDiscussed = c.tok
			continue
		}
		if lastStop >= 0 && e.kind == "visit" && listContinues(s, lastStop, c.tok) {
			lastStop = c.tok // "a visit to Egypt, Tunisia and Togo": the tour's other stops
			continue
		}
		before := len(e.discussed)
		prev := ""
		if c.tok > 0 {
			prev = s.toks[c.tok-1].key
		}
		next := ""
		if c.tok+1 < len(s.toks) {
			next = s.toks[c.tok+1].key
		}
		after := discussAt >= 0 && t.start > discussAt
		switch {
		case c.compound && after:
			e.discussed = append(e.discussed, c.iso3) // "discussed the Russia-Ukraine conflict"
		case c.compound:
			e.addCountry(c.iso3)
		case c.demonym:
			switch next {
			case "delegation", "side", "counterpart", "government", "leader", "leaders", "officials", "team", "president", "minister", "delegations", "authorities", "foreign", "prime", "ministry",
				"pm", "fm", "premier", "chancellor", "counterparts", "ministers", "envoy", "ambassador", "deputy", "vice", "king", "emir", "secretary", "diplomats", "official", "defence", "defense", "head":
				e.addCountry(c.iso3)
			}
		case after:
			e.discussed = append(e.discussed, c.iso3)
		case prev == "," && cityBefore(s, c.tok-1):
			// "in Khankendi, Azerbaijan": where, not who
			if e.kind == "visit" {
				e.addCountry(c.iso3)
				e.hosts = append(e.hosts, c.iso3)
			}
		case x.subjectNouns[next] && c.tok+1 < len(s.toks) && !s.toks[c.tok+1].capitalized() && !s.owned[c.tok+1]:
			e.discussed = append(e.discussed, c.iso3) // "in the face of new US tariffs"
		case prev == "of" && !ofActor(s, c.tok):
			e.discussed = append(e.discussed, c.iso3)
		case prev == "in" || prev == "on" || prev == "about" || prev == "regarding" || prev == "for" || prev == "against" || prev == "over" || prev == "towards" || prev == "toward":
			if prev == "in" && e.kind == "visit" {
				e.addCountry(c.iso3)
				e.hosts = append(e.hosts, c.iso3)
			} else {
				e.discussed = append(e.discussed, c.iso3)
			}
		case prev == "to" || prev == "visited" || prev == "visit":
			e.addCountry(c.iso3)
			if e.kind == "visit" {
				e.hosts = append(e.hosts, c.iso3)
				lastStop = c.tok
			}
		default:
			e.addCountry(c.iso3)
		}
		if len(e.discussed) > before {
			lastDiscussed = c.tok
		} else {
			lastDiscussed = -1
		}
	}
	// people and their roles
	for _, pm := range s.persons {
		if ti >= 0 && personInOtherClause(s, ti, pm.i) {
			continue // "the call took place days after President X took a jibe at Y"
		}
		role := x.roleOf(e, s, pm, ti)
		if role == "" {
			continue
		}
		if pm.p.finalCountry() == "" {
			pm.p.country = clauseCountry(s, pm)
		}
		e.setRole(pm.p, role)
		if c := pm.p.finalCountry(); c != "" && e.kind != "conference" {
			e.addCountry(c)
		}
	}
	// date
	for n, dt := range s.dates {
		if dt.relative && n+1 < len(s.dates) && !s.dates[n+1].relative && s.dates[n+1].iso != "" && s.dates[n+1].pos-dt.pos < 40 {
			continue // "this evening, 11 March 2019": the date written out
		}
		if dt.sameDay {
			// "later the same day": the day of the event told before
			if e.date == "" && d.prevDate != "" {
				e.date, e.weekday = d.prevDate, ""
				break
			}
			continue
		}
		if dt.vague {
			if e.date == "" && e.weekday == "" {
				e.weekday = "-"
			}
			continue
		}
		if e.date == "" && dt.iso != "" && (e.weekday == "" || e.weekday == "-") {
			e.date, e.dateEnd, e.weekday = dt.iso, dt.end, ""
			break
		}
		if e.date == "" && dt.weekday != "" {
			e.weekday = dt.weekday
		}
	}
	if ti >= 0 && e.date == "" && (e.weekday == "" || e.weekday == "-") && d.prevDate != "" && s.has(gDayBefore) && reDayBefore.MatchString(s.text) {
		// "on the eve of the summit", "a day earlier": the day before the
		// event told before
		if t, err := time.Parse("2006-01-02", d.prevDate); err == nil {
			e.date, e.weekday = t.AddDate(0, 0, -1).Format("2006-01-02"), ""
		}
	}
	if e.dateEnd == "" && len(e.date) == 10 && ti >= 0 {
		// "arrived on Monday on a three-day visit": the days it spans
		if n := spanDays(s); n > 1 {
			if t, err := time.Parse("2006-01-02", e.date); err == nil {
				e.dateEnd = t.AddDate(0, 0, n-1).Format("2006-01-02")
			}
		}
	}
	// place
	if e.place == nil {
		e.place = x.placeIn(d, s)
		if e.place == nil && ti >= 0 && namesVenue(s) {
			e.venue = true
		}
	}
	// topics, agreements
	for _, m := range s.ments {
		if en, ok := m.first(lexTopic); ok {
			if e.topics == nil {
				e.topics = map[string]bool{}
			}
			e.topics[en.topic.Slug] = true
		}
		if en, ok := m.first(lexRegion); ok && discussAt >= 0 {
			e.discussed = append(e.discussed, "region:"+en.region.Slug)
		}
	}
	if discussAt >= 0 {
		e.discussed = append(e.discussed, x.coordinatedRegions(s)...)
	}
	for _, m := range findAgreed(s) {
		e.agreed = append(e.agreed, strings.TrimSpace(m[1]))
	}
}

// listContinues reports whether the country at token j continues a list
// begun at token i: only commas, "and", "or", "the" and lower-case words
// ("the eastern") between them.
func listContinues(s *sentence, i, j int) bool {
	if j <= i || j-i > 5 {
		return false
	}
	for k := i + 1; k < j; k++ {
		t := s.toks[k]
		if t.key == "," || t.key == "and" || t.key == "or" || t.key == "the" {
			continue
		}
		if s.owned[k] || inMention(s.ments, k) && s.toks[k].capitalized() {
			continue // the rest of a multi-word country name
		}
		if t.capitalized() || !t.isWord() {
			return false
		}
	}
	return true
}

// ofActor reports whether "of <Country>" at token i names who took part
// ("representatives of Japan") rather than a subject ("the border areas of
// Myanmar").
func ofActor(s *sentence, i int) bool {
	if i < 2 {
		return false
	}
	switch s.toks[i-2].key {
	case "representatives", "delegations", "delegation", "ministers", "minister", "leaders", "leader", "officials",
		"government", "governments", "president", "heads", "head", "envoys", "members", "countries", "ministry", "ministries":
		return true
	}
	return false
}

// seriesSubject reads "on Counter-Terrorism", "on 'Combating International
// Terrorism ...'" after a mechanism's name and returns a topic slug.
func (x *Extractor) seriesSubject(s *sentence, j int) string {
	if j >= len(s.toks) || (s.toks[j].key != "on" && s.toks[j].key != "for") {
		return ""
	}
	end := j + 1
	for end < len(s.toks) && end < j+14 {
		k := s.toks[end].key
		if k == "held" || k == "," || k == "." || k == "was" || k == "in" || k == "on" {
			break
		}
		end++
	}
	for _, m := range s.ments {
		if m.i > j && m.j <= end {
			if en, ok := m.first(lexTopic); ok {
				return canonicalSubject(en.topic)
			}
		}
	}
	return ""
}

// canonicalSubject maps a topic to the subject used in series IRIs: the
// radicalisation and terrorism family all become counter-terrorism.
func canonicalSubject(t *gazetteer.Topic) string {
	switch t.Slug {
	case "terrorism", "counter-terrorism", "radicalization", "extremism", "financing-of-terrorism":
		return "counter-terrorism"
	}
	return t.Slug
}

// spanDays is the length of "a two-day visit", "a 3-day trip" in a
// sentence, 0 when it names none.
func spanDays(s *sentence) int {
	for _, t := range s.toks {
		num, ok := strings.CutSuffix(t.key, "-day")
		if !ok {
			continue
		}
		switch num {
		case "two", "2":
			return 2
		case "three", "3":
			return 3
		case "four", "4":
			return 4
		case "five", "5":
			return 5
		}
	}
	return 0
}

var reCoordRegion = regexp.MustCompile(`\b(Central|South|North|East|West|Southeast|Northeast|Western|Eastern|Southern|Northern)\s+and\s+((?:Central|South|North|East|West|Southeast|Northeast|Western|Eastern|Southern|Northern)\s+(Asia|Africa|Europe|America))`)

// gCoordRegion and gContinent guard reCoordRegion: its matches name a
// part of a continent.
var (
	gCoordRegion = caseGuardWords("Central", "South", "North", "East", "West")
	gContinent   = caseGuardWords("Asia", "Africa", "Europe", "America")
)

// coordinatedRegions reads "Central and South Asia" as two regions.
func (x *Extractor) coordinatedRegions(s *sentence) []string {
	if !s.has(gCoordRegion) || !s.has(gContinent) {
		return nil
	}
	var out []string
	for _, m := range reCoordRegion.FindAllStringSubmatch(s.text, -1) {
		if r, ok := x.gz.Region(m[1] + " " + m[3]); ok {
			out = append(out, "region:"+r.Slug)
		}
	}
	return out
}

// cityBefore reports whether a town's name ends just before token i: a
// city of the gazetteer that is not also a country ("Singapore,
// Thailand" is a list), or a capitalized word after "in" ("in Khankendi,
// Azerbaijan").
func cityBefore(s *sentence, i int) bool {
	if m, ok := s.mentionEnding(i); ok {
		_, city := m.first(lexCity)
		_, country := m.first(lexCountry)
		return city && !country
	}
	return i >= 2 && s.toks[i-1].capitalized() && s.toks[i-1].isWord() && s.toks[i-2].key == "in"
}

// agreedMechanism reports whether the unnumbered mechanism named at token
// i is what an agreement provides for ("a memorandum on holding regular
// political consultations", "agreed to establish a Joint Commission"),
// not the gathering reported.
func agreedMechanism(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch s.toks[k].key {
		case "establish", "establishing", "establishment", "creating", "creation", "launching", "regular", "institutionalise", "institutionalize":
			return true
		case "holding":
			return k > 0 && s.toks[k-1].key == "on"
		}
	}
	return false
}

// attendedGathering reports whether the event word at token ti is a
// named gathering that someone attended or took part in: "to participate
// in the fourth edition of Raisina Dialogue", "attended the Oslo Forum".
func attendedGathering(s *sentence, ti int) bool {
	if !s.toks[ti].capitalized() {
		return false
	}
	for k := ti - 1; k >= 0 && k >= ti-9; k-- {
		switch s.toks[k].key {
		case "attend", "attended", "attending", "participate", "participated", "participating", "part":
			return true
		case ",", ";", "with":
			return false
		}
	}
	return false
}
