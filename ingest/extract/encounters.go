package extract

import (
	"regexp"
	"slices"
)

// splitEncounters reads a sentence in which one side met several others
// ("She met the foreign ministers of Chile, Peru and Norway", "held
// talks with A, B and C on the sidelines") as one meeting with each: it
// returns the meetings, or nil when the sentence tells of one encounter.
// The sides met are the countries named after the event word, each by a
// person or a country's name; the side that met them is the one named
// before it (or, when none is, the report's, added later).
func (d *doc) splitEncounters(e *event, s *sentence, ti int) []*event {
	if ti < 0 || e.mech != "" || e.ordinal != 0 {
		return nil
	}
	countries := e.countries
	if mv := meetingVerb(s); mv >= 0 {
		countries = withListedAfter(s, mv, countries)
	}
	if len(countries) < 3 && !(len(countries) == 2 && separateEncounters(s)) {
		return nil
	}
	// a visit told in a relative clause ("X, who is on a visit to the US,
	// met ...") leaves the encounters of the main clause
	if e.kind != "meeting" && e.kind != "summit" && !(e.kind == "visit" && relativeClause(s, ti)) {
		return nil
	}
	ti = meetingVerb(s)
	if ti < 0 {
		return nil
	}
	first := map[string]int{} // the first token naming each country
	note := func(c string, k int) {
		if o, ok := first[c]; !ok || k < o {
			first[c] = k
		}
	}
	for _, pm := range s.persons {
		if c := pm.p.finalCountry(); c != "" {
			note(c, pm.i)
		}
	}
	for _, c := range s.cref {
		note(c.iso3, c.tok)
	}
	var subject, met []string
	for _, c := range countries {
		k, ok := first[c]
		switch {
		case !ok || relativeClause(s, k):
		case k < ti:
			subject = append(subject, c)
		case boundaryBetween(s, ti, k) || s.toks[k-1].key == "to" || s.toks[k-1].key == "in":
			// "as he kicked off a visit to A, B and C": not met here
		default:
			met = append(met, c)
		}
	}
	if len(met) < 2 || len(subject) > 1 || len(met) == 2 && len(subject) == 0 && !separateEncounters(s) {
		return nil
	}
	if len(subject) == 0 && s.idx > 0 {
		// "He is meeting A, B and C": the one the sentence before named
		for _, pm := range d.sents[s.idx-1].persons {
			if c := pm.p.finalCountry(); c != "" && !e.hasCountry(c) {
				subject = append(subject, c)
				break
			}
		}
	}
	var out []*event
	for _, c := range met {
		kind, cameo := e.kind, e.cameo
		if kind == "visit" {
			kind, cameo = "meeting", "040" // the encounters of a visitor's stay
		}
		m := &event{kind: kind, cameo: cameo, date: e.date, dateEnd: e.dateEnd, weekday: e.weekday, place: e.place,
			placeCtry: e.placeCtry, venue: e.venue, sents: []*sentence{s}, bilateralAside: true, topics: e.topics, others: met}
		for _, sc := range subject {
			m.addCountry(sc)
		}
		m.addCountry(c)
		for p, r := range e.roles {
			if pc := p.finalCountry(); pc == c || pc == "" || len(subject) == 1 && pc == subject[0] {
				m.setRole(p, r)
			}
		}
		out = append(out, m)
	}
	return out
}

// meetingVerb is the token of "met", "meet(s)" or "held|had|is ...
// meeting(s)|talks" outside a relative clause, -1 if there is none.
func meetingVerb(s *sentence) int {
	for i, t := range s.toks {
		if relativeClause(s, i) {
			continue
		}
		switch t.key {
		case "met", "meet", "meets":
			return i
		case "meeting", "meetings", "talks":
			if heldBefore(s, i) {
				return i
			}
		}
	}
	return -1
}

// withListedAfter adds to countries those the sentence names after the
// meeting verb at mv, close after it and outside a relative clause or a
// compound ("the Russia-Ukraine conflict"): "held meetings with
// his Finnish, Greek and British counterparts" names three sides met even
// when the event took the nearest one only.
func withListedAfter(s *sentence, mv int, countries []string) []string {
	out := append([]string(nil), countries...)
	for _, c := range s.cref {
		if c.tok <= mv || c.tok > mv+14 || c.compound || relativeClause(s, c.tok) || topical(s, c.tok) || boundaryBetween(s, mv, c.tok) || slices.Contains(out, c.iso3) {
			continue
		}
		out = append(out, c.iso3)
	}
	return out
}

// separateEncounters reports whether the sentence tells of meetings held
// one side at a time ("bilateral talks with colleagues from A and B",
// "held meetings with his A and B counterparts"), so that two sides met
// are two encounters, not one trilateral meeting.
func separateEncounters(s *sentence) bool {
	return reSeparateEncounters.MatchString(s.text)
}

// reSeparateEncounters names meetings held with each side in turn.
var reSeparateEncounters = regexp.MustCompile(`(?i)\b(bilateral (?:meetings?|talks)|separate (?:meetings|talks)|separately|individual (?:meetings|talks)|(?:held|had) (?:meetings|talks) with (?:his|her|their) [a-z ,]{0,80}?counterparts|meetings with (?:his|her|their) [a-z ,]{0,80}?(?:counterparts|colleagues))\b`)

// heldBefore reports whether a verb of holding comes shortly before the
// noun at i, across the words that qualify it: "held talks", "held
// separate closed-door meetings", "continued bilateral talks".
func heldBefore(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch s.toks[k].key {
		case "held", "hold", "holds", "holding", "had", "has", "have", "is", "are", "was", "were", "continued", "conducted", "began":
			return true
		case ",", ";", ".", "with", "and", "the", "of":
			return false
		}
	}
	return false
}

// listedEncounters reads a sentence in the past tense as meetings with
// several sides (see splitEncounters) when it tells of meetings with a
// list of them after the report's own event cur, on a day not before
// cur's; nil when it does not.
func (d *doc) listedEncounters(cur *event, s *sentence, tr trigger, ti int) []*event {
	if cur == nil || meetingVerb(s) < 0 {
		return nil
	}
	saved := d.prevDate
	e := d.candidate(s, tr, ti)
	d.prevDate = saved
	if e.date != "" && cur.date != "" && e.date < cur.date {
		return nil // "in March she had met A, B and C"
	}
	return d.splitEncounters(e, s, ti)
}
