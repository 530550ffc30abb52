package extract

import (
	"regexp"
	"strings"
	"time"
)

// Stage 4: document-level merging of event mentions into events, by
// compatibility of counterparts, date at its own precision, kind and place.

// run assembles events from the sentences.
func (d *doc) run() {
	var cur *event
	var lede *sentence // the last sentence without an event word that names people or countries
	for _, s := range d.splitCoordinated(d.sents) {
		m := d.read(s)
		tr, ti, ok, skipped, coref, sides := m.tr, m.ti, m.ok, m.skipped, m.coref, m.sides
		// "officials met in Mexico City to convene the dialogue": held now,
		// not the next meeting announced
		heldNow := ok && !m.planned && (s.toks[ti].key == "met" || s.toks[ti].key == "convened") && !s.hasWord("next")
		if g := d.gatheringOf(cur); g != nil && !heldNow && nextNamed(s) && d.announcesNext(g, s) {
			d.nextMeeting(g, s) // "the next CELAC summit": of the summit, not of a meeting at it
			continue
		}
		if cur != nil && !heldNow && d.announcesNext(cur, s) {
			d.nextMeeting(cur, s)
			continue
		}
		if !ok && skipped {
			continue // of an event not held: nothing to add to the one before
		}
		if !ok {
			if cur != nil && (cur.kind == "conference" || cur.kind == "summit") && reJoined.MatchString(s.text) {
				d.attach(cur, s, true) // "It brought together leaders from A, B and C"
			} else if cur != nil && (coref || sides || m.roles && len(s.persons) > 0) {
				d.attach(cur, s, false)
			} else if cur != nil && len(s.persons) > 0 && (s.has(gAlso) && reAlsoThere.MatchString(s.text) || d.datedStep(cur, s)) {
				// "X also took part", "the President was accompanied by a
				// delegation including ...", "On 16 December, <one of them> ..."
				d.attach(cur, s, false)
			} else if cur == nil && (len(s.persons) > 0 || len(s.cref) >= 2) {
				lede = s
			}
			continue
		}
		if m.planned || m.notHeld {
			continue // future events are only recorded as a held event's next meeting; "the session has been postponed"
		}
		if ms := d.listedEncounters(cur, s, tr, ti); ms != nil {
			// "she also held meetings with her A, B and C counterparts on
			// Wednesday": the encounters of the trip told, not earlier
			// events nor sittings of cur's sides
			d.events = append(d.events, ms...)
			cur = ms[len(ms)-1]
			continue
		}
		if ms := d.datedMentions(s, cur); ms != nil {
			// "preceded by the ministerial meeting held on 2 November":
			// sittings of their own days
			d.events = append(d.events, ms...)
			d.attach(cur, s, false)
			continue
		}
		past := m.past
		if past {
			// an earlier event the text gives a date, place, ordinal or
			// people is an event of its own: "the previous round took
			// place in Port Elm in March 2021"
			if e := d.earlier(cur, s, tr, ti); e != nil {
				d.events = append(d.events, e)
				continue
			}
			if !coref {
				continue
			}
		}
		if cur != nil && partOfCur(s) {
			d.attach(cur, s, false) // "It was preceded by a meeting of senior officials"
			continue
		}
		// "the visit reflected ...", "the minister's trip also includes":
		// the event word itself refers back
		refOnly := m.refOnly
		d.prevDate = ""
		if cur != nil && len(cur.date) == 10 {
			d.prevDate = cur.date
		}
		e := d.candidate(s, tr, ti)
		if ms := d.splitEncounters(e, s, ti); ms != nil {
			d.events = append(d.events, ms...)
			cur = ms[len(ms)-1]
			continue
		}
		if past && cur != nil && e.date != "" && cur.date != "" && e.date < cur.date && !strings.HasPrefix(cur.date, e.date) {
			continue // "the previous round was held in Dhaka in March 2023"
		}
		if refOnly && e.ordinal == 0 && cur == nil && s.idx > 0 {
			continue // to an event not held (announced) or not told
		}
		if refOnly && cur != nil && compatible(cur, e) && e.ordinal == 0 && !(cur.bilateralAside && len(e.countries) > 2) {
			d.attach(cur, s, false)
			continue
		}
		if cur != nil && orgEncounter(e, s) {
			// "Separately, she met the EU's foreign policy chief": a
			// meeting of its own with an organisation's official
			e.bilateralAside = true
			d.events = append(d.events, e)
			continue
		}
		if len(e.countries) <= 2 && (len(e.countries) == 2 || len(e.roles) >= 2) && (s.has(gSidelines) && reSidelines.MatchString(s.text) || reBilateral.MatchString(s.text)) {
			// "on the sidelines of the summit, X met Y": an event of its own
			e.bilateralAside = true
			coref, sides = false, false
		}
		if e.bilateralAside && cur != nil && len(cur.countries) <= 2 && cur.kind != "conference" && !cur.bilateralAside &&
			len(e.countries) > 0 && subset(e.countries, cur.countries) && !distinctDays(cur, e) {
			// "on the margins of the consultations, X received Y": of the same two sides, a part of them
			e.kind, e.cameo, e.ordinal = cur.kind, cur.cameo, 0
			if cur.date != "" || cur.weekday != "" {
				e.date, e.weekday = "", ""
			}
			e.place = nil
			d.absorb(cur, e)
			continue
		}
		if cur != nil && e.ordinal != 0 && cur.ordinal != 0 && e.ordinal != cur.ordinal && (coref || sides) {
			// "the 1st session: May 2007, Beijing", "the decisions of the
			// sixth session": another round, an event of its own (its
			// ordinal is a concrete attribute, GUIDE.md)
			if d.x.ordinalBefore(s, ti) == e.ordinal && !otherEventAhead(s, ti) && !otherEventAhead(s, ti-1) {
				d.sameSides(e, cur)
				e.earlier = true
				d.events = append(d.events, e)
			}
			continue
		}
		if cur != nil && (coref || sides) && farApart(cur, e) {
			// "the two ministers also met on 29 March": the same sides on
			// another day, another encounter
			d.sameSides(e, cur)
			e.earlier = true
			d.events = append(d.events, e)
			continue
		}
		if cur != nil && ((coref || sides) && (len(e.countries) == 0 || subset(e.countries, cur.countries) || e.ordinal == 0 && len(e.countries) < 2) ||
			len(e.countries) == 0 && e.ordinal == 0 && compatible(cur, e)) && !(e.numbered() && distinctDays(cur, e) && !sameRound(cur, e)) {
			if (e.kind == "conference" || e.kind == "summit") && e.kind != cur.kind && (cur.bilateralAside || s.past || e.ordinal != 0 && len(cur.countries) == 2) {
				// "the COP29 climate conference hosted by Baku last month": another gathering
				d.attach(cur, s, false)
				continue
			}
			if (cur.date != "" || cur.weekday != "") && !(cur.kind == "visit" && e.session() && covers(cur, e)) {
				e.date, e.weekday = "", ""
			}
			d.absorbRef(cur, e)
			continue
		}
		if cur != nil && coref && cur.kind == "conference" && (e.kind == "meeting" || e.kind == "conference") && e.ordinal == 0 {
			d.absorb(cur, e) // "attended the one-day meeting": the conference
			continue
		}
		if lede != nil && len(e.countries) < 2 && (sides || coref) {
			// "The two ministers spoke by telephone": who they are was said before
			d.attach(e, lede, false)
			lede = nil
		} else if lede != nil && lede.idx == s.idx-1 && len(lede.cref) >= 2 && cur == nil {
			// "South Korea and Australia agreed to ...", then how they met
			d.attach(e, lede, subset(e.countries, crefCodes(lede)))
			lede = nil
		}
		if cur != nil && e.numbered() && distinctDays(cur, e) && !sameRound(cur, e) && e.mech != "summit" && (e.kind == "summit" || e.kind == "visit") {
			// "the 13th meeting of the commission, on the eve of the
			// summit": a session of its own, named by the other's word
			e.kind, e.cameo = "meeting", "040"
		}
		if m := d.sameEvent(e); m != nil {
			d.absorb(m, e)
			cur = m
			continue
		}
		if cur != nil && len(e.countries) == 0 && len(e.roles) == 0 && e.ordinal == 0 && e.mech == "" && (e.kind == "meeting" || e.kind == "signing") {
			continue // "panel discussions covered peace negotiations": no one's event
		}
		d.events = append(d.events, e)
		cur = e
	}
	d.finish()
}

// reAlsoThere says who else was there, in a sentence without an event
// word.
var (
	gAlso       = guardWords("also", "accompanied", "joined by", "present", "in attendance", "ſ")
	reAlsoThere = newPhraseRe(`(?i)\b(also (?:took part|attended|participated|joined|present)|(?:was|were) also (?:present|in attendance)|in attendance|(?:was|were) accompanied by|accompanied by|(?:was|were) joined by|(?:was|were) present)\b`)
)

// datedStep reports whether a sentence that opens with a day tells what
// one of cur's people did then, when cur has no date yet: "On 16 December
// 2024, President Dissanayake was accorded a ceremonial welcome".
func (d *doc) datedStep(cur *event, s *sentence) bool {
	if cur.date != "" || len(s.dates) == 0 || len(s.dates[0].iso) != 10 || s.dates[0].pos > 3 {
		return false
	}
	for _, pm := range s.persons {
		if _, ok := cur.roles[pm.p]; ok {
			return true
		}
	}
	return false
}

// reBackground tells of an earlier meeting: "the JPC was last convened in
// Lusaka more than eight years ago".
var reBackground = newPhraseRe(`(?i)\b((?:was|were|had been) last (?:convened|held|hosted|organi[sz]ed)|last (?:convened|took place|met)|years ago|decades? ago|months ago)\b`)

// background reports whether a sentence tells of earlier events.
func background(s *sentence) bool { return s.has(gBackground) && reBackground.MatchString(s.text) }

// rePartOf opens a sentence that tells what else the event took in: "It
// was preceded by a two-day meeting of senior officials".
var rePartOf = regexp.MustCompile(`(?i)^(?:it|this|the (?:session|meeting|visit|talks|summit|consultations)) (?:was|were) (?:preceded|followed|accompanied|complemented) by\b`)

// partOfCur reports whether the sentence tells a part of the event told
// before.
func partOfCur(s *sentence) bool { return rePartOf.MatchString(s.text) }

// triggerInRef reports whether the event word at token ti is the noun of
// a referring phrase ("the talks", "the minister's trip").
func triggerInRef(s *sentence, ti int) bool {
	if ti < 0 {
		return false
	}
	t := s.toks[ti]
	for _, m := range reCoref.FindAllStringIndex(s.text, -1) {
		if t.start < m[0] || t.end > m[1] {
			continue
		}
		// the phrase opens the sentence or a reported clause
		before := strings.TrimSpace(strings.ToLower(s.text[:m[0]]))
		if before == "" || reOpening.MatchString(before) || strings.HasSuffix(before, " said") || strings.HasSuffix(before, " that") ||
			strings.HasSuffix(before, " added") || strings.HasSuffix(before, ",") {
			return true
		}
	}
	return false
}

// sameEvent finds an event e repeats: the same countries in a compatible
// kind with no conflicting round or date.
func (d *doc) sameEvent(e *event) *event {
	for _, o := range d.events {
		if o.earlier {
			continue
		}
		if e.bilateralAside && (len(o.countries) > 2 || o.kind == "conference") || o.bilateralAside && len(e.countries) > 2 {
			continue
		}
		if len(o.countries) > 2 && len(e.countries) == 2 && e.kind != "conference" && e.ordinal == 0 && e.mech == "" {
			// "Lula met Orsi" at a summit of many: a bilateral encounter of its own
			e.bilateralAside = true
			if e.parent == nil {
				e.parent = o
			}
			continue
		}
		if e.ordinal != 0 && o.ordinal != 0 && e.ordinal != o.ordinal {
			continue
		}
		reception := receptionAround(o, e) || receptionAround(e, o)
		if len(e.date) == 10 && len(o.date) == 10 && e.date != o.date && !(o.kind == "visit" || e.kind == "visit") && !reception {
			continue // two days: two events (a year or month may come from a side clause)
		}
		if (o.session() || e.session() || o.numbered() || e.numbered()) && distinctDays(o, e) && !reception {
			continue // a session the day before a visit or a summit, not during it
		}
		if o.kind == "conference" && e.kind == "conference" {
			return o
		}
		if len(e.countries) == 0 && o.kind != e.kind && o.kind != "signing" {
			continue
		}
		sameNumber := e.ordinal != 0 && e.ordinal == o.ordinal && len(o.countries) == 0 // a headline naming the round: "Seventeenth Council of Ministers"
		if len(e.countries) == 0 || subset(e.countries, o.countries) || subset(o.countries, e.countries) && len(o.countries) > 0 || sameNumber {
			if compatible(o, e) {
				return o
			}
		}
	}
	return nil
}

// receptionAround reports whether r is a plain meeting (a call on a
// leader, a reception) of s's two sides within a day or two of the
// session s: a part of the session's programme.
func receptionAround(s, r *event) bool {
	if !s.session() || r.kind != "meeting" || r.mech != "" || r.ordinal != 0 || len(r.countries) == 0 || !subset(r.countries, s.countries) {
		return false
	}
	a, err1 := time.Parse("2006-01-02", s.date)
	b, err2 := time.Parse("2006-01-02", r.date)
	if err1 != nil || err2 != nil {
		return false
	}
	gap := a.Sub(b)
	return gap >= -48*time.Hour && gap <= 48*time.Hour
}

// compatible reports whether events of kinds a and b can be one event: a
// visit or summit takes in its meetings and signings, and a call stays a call.
func compatible(o, e *event) bool {
	a, b := o.kind, e.kind
	if a == b {
		return true
	}
	if a == "call" || b == "call" {
		return false
	}
	if a == "signing" || b == "signing" {
		return true // a signing at a visit, a meeting or a forum is part of it
	}
	if a == "conference" || b == "conference" {
		return false
	}
	if o.mech != "" && e.mech != "" && o.mech != e.mech {
		return false
	}
	return a == "meeting" || b == "meeting" || b == "signing" || a == "signing"
}

// kindOrder ranks kinds when two descriptions of one event are merged.
var kindOrder = map[string]int{"conference": 0, "summit": 1, "visit": 2, "call": 3, "meeting": 4, "signing": 5}

// absorbRef merges into a what a sentence referring back to it says; the
// reference changes a's kind only from a plain meeting.
func (d *doc) absorbRef(a, b *event) {
	if (a.kind != "meeting" || a.mech != "") && !(a.kind == "visit" && b.session()) {
		b.kind, b.cameo = a.kind, a.cameo
	}
	d.absorb(a, b)
}

// absorb merges b into a.
func (d *doc) absorb(a, b *event) {
	if kindOrder[b.kind] < kindOrder[a.kind] && !(a.mech != "" && a.kind == "meeting" && b.kind != "conference") {
		a.kind, a.cameo = b.kind, b.cameo
	}
	if (a.kind == "visit" || a.kind == "meeting" && a.mech == "") && b.session() {
		// a visit made for a session is that session, on its day
		a.kind, a.cameo = b.kind, b.cameo
		if len(b.date) == 10 {
			a.date, a.dateEnd, a.weekday = b.date, "", ""
		}
	}
	if a.ordinal == 0 {
		a.ordinal = b.ordinal
	}
	if a.mech == "" {
		a.mech, a.subject, a.mechName = b.mech, b.subject, b.mechName
	}
	for _, c := range b.countries {
		a.addCountry(c)
	}
	a.hosts = append(a.hosts, b.hosts...)
	for p, r := range b.roles {
		a.setRole(p, r)
	}
	if a.date == "" && b.date != "" {
		a.date, a.dateEnd, a.weekday = b.date, b.dateEnd, ""
	} else if a.date == "" && (a.weekday == "" || a.weekday == "-") && b.weekday != "" {
		a.weekday = b.weekday
	}
	if a.place == nil && b.place != nil {
		a.place = b.place
	}
	if a.placeCtry == "" {
		a.placeCtry = b.placeCtry
	}
	a.sents = append(a.sents, b.sents...)
	for t := range b.topics {
		if a.topics == nil {
			a.topics = map[string]bool{}
		}
		a.topics[t] = true
	}
	a.agreed = append(a.agreed, b.agreed...)
	a.discussed = append(a.discussed, b.discussed...)
}

// attach adds what a sentence that refers back to e says of it.
func (d *doc) attach(e *event, s *sentence, withCountries bool) {
	c := &event{kind: e.kind}
	d.fill(c, s, -1)
	if !s.has(gHeld) || s.past {
		c.place = nil // "the dispute ended up before the court in The Hague": not where the event was
	}
	if e.date != "" || e.weekday != "" {
		c.date, c.weekday = "", "" // a referring sentence's dates are rarely the event's
	}
	// a referring sentence adds people, topics, agreements; countries only
	// through the people in it, unless it says who took part
	if !withCountries {
		c.countries = nil
	}
	for p := range c.roles {
		if pc := p.finalCountry(); pc != "" && !e.hasCountry(pc) && len(e.countries) >= 2 && !(withCountries && c.hasCountry(pc)) {
			delete(c.roles, p)
		}
	}
	d.absorb(e, c)
}

// reOpening is what may stand before a referring phrase that opens a
// sentence: "The Brazilian minister's trip ...".
var reOpening = regexp.MustCompile(`^(?:the|this|that|his|her|their)(?: [\p{L}-]+)?$`)
