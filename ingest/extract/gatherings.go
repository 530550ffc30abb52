package extract

import (
	"strings"

	"github.com/diplograph/diplograph/ingest/gazetteer"
)

// hostGatherings adds, for the meetings held on the sidelines of a
// gathering that the report names but tells no more of ("met on the
// margins of the APEC meeting in Lima"), that gathering as an event of
// its own: a conference (a summit when it is called one) of the countries
// met there, with their people, its ordinal and its place. Meetings on
// the sidelines of one gathering, named alike, share it.
func (d *doc) hostGatherings(kept []*event) []*event {
	for _, e := range kept {
		if (e.kind == "conference" || e.kind == "summit") && len(e.countries) > 2 {
			return kept // the report tells of the gathering itself
		}
	}
	byName := map[string]*event{}
	var added []*event
	var unnamed []*event // sidelines meetings that name no gathering
	for _, e := range kept {
		if e.kind == "call" || e.kind == "conference" || e.earlier || !e.bilateralAside && len(e.countries) != 2 {
			continue
		}
		s, from, to := asideOf(e)
		if s == nil {
			s, from, to = d.announcedAside(e)
		}
		if s == nil {
			if e.bilateralAside {
				unnamed = append(unnamed, e)
			}
			continue
		}
		name := gatheringName(s, from, to)
		if name == "" || !e.bilateralAside && !d.properSpan(s, from, to) {
			continue // "on the margins of the consultations": of the event itself
		}
		g := byName[name]
		if g == nil {
			g = &event{kind: "conference", cameo: "040", sents: []*sentence{s}}
			for k := from; k < to; k++ {
				if s.toks[k].key == "summit" {
					g.kind, g.cameo = "summit", "043"
				}
				if n := d.x.ordinalAt(s, k); n > 0 && g.ordinal == 0 {
					g.ordinal = n
				}
			}
			g.place = d.x.placeInSpan(s, from, to)
			if g.place == nil {
				g.place = e.place
			}
			if g.place == nil && !d.heldElsewhere(e) {
				g.place = d.dateline
			}
			byName[name] = g
			added = append(added, g)
		}
		for _, c := range e.countries {
			g.addCountry(c)
		}
		for p := range e.roles {
			g.setRole(p, "participant")
		}
		if e.place == nil {
			e.place = g.place
		}
		if e.place == nil {
			unnamed = append(unnamed, e) // to be placed with the gathering
		}
	}
	if len(added) == 1 {
		joinGathering(added[0], unnamed)
	}
	return append(kept, added...)
}

// joinGathering adds to g, the one gathering the report's sidelines
// meetings are held at, the sides and people of the sidelines meetings
// that do not name it again ("She also held meetings with her A, B and C
// counterparts"), held where it was when they name no place.
func joinGathering(g *event, asides []*event) {
	for _, e := range asides {
		if g.place == nil && e.place != nil && (g.placeCtry == "" || g.placeCtry == e.place.Country) {
			g.place = e.place // "In Jakarta, she held separate talks with A and B"
		}
	}
	for _, e := range asides {
		if g.place != nil && e.place != nil && e.place != g.place {
			continue // met elsewhere
		}
		for _, c := range e.countries {
			g.addCountry(c)
		}
		for p := range e.roles {
			g.setRole(p, "participant")
		}
		if e.place == nil && (e.placeCtry == "" || g.place != nil && e.placeCtry == g.place.Country) {
			e.place = g.place
		}
	}
}

// asideOf is the sentence of e that names the gathering on whose
// sidelines e took place, and the span of that phrase.
func asideOf(e *event) (*sentence, int, int) {
	for _, s := range e.sents {
		if from, to := sidelinesSpan(s); to > from {
			return s, from, to
		}
		if from, to := duringSpan(s); to > from {
			return s, from, to
		}
	}
	return nil, 0, 0
}

// gatheringName is the name the sidelines phrase gives the gathering,
// folded ("asia pacific economic cooperation meeting"): the words after
// "of the" up to its place or a comma, "" when there are none.
func gatheringName(s *sentence, from, to int) string {
	k := from
	for k < to && s.toks[k].key != "of" {
		k++
	}
	if k == to {
		k = from // "during the Climate Change Conference"
	}
	var words []string
loop:
	for k++; k < to; k++ {
		switch s.toks[k].key {
		case "the", "a", "an":
			continue
		case ",", ".", "in", "at", "on", "held", "hosted", "which", "that", "(":
			break loop
		}
		words = append(words, s.toks[k].key)
	}
	return strings.Join(words, " ")
}

// placeInSpan is the city named in tokens [from, to) of a sentence.
func (x *Extractor) placeInSpan(s *sentence, from, to int) *gazetteer.City {
	for _, m := range s.ments {
		if m.i < from || m.j > to || s.owned[m.i] {
			continue
		}
		if e, ok := m.first(lexCity); ok {
			return e.city
		}
	}
	return nil
}

// properSpan reports whether tokens [from, to) of a sentence past its
// first word hold a proper name or an ordinal: "on the sidelines of the
// NATO summit", not "on the margins of the consultations".
func (d *doc) properSpan(s *sentence, from, to int) bool {
	for k := from + 1; k < to; k++ {
		if s.toks[k].capitalized() || d.x.ordinalAt(s, k) > 0 {
			return true
		}
	}
	return false
}

// announcedAside is the sentence before e that announces meetings on the
// sidelines of a gathering without naming the sides met ("X held several
// bilateral meetings on the sidelines of the Y Summit in Z"), and the
// span of its sidelines phrase, when e is a meeting of two sides told
// after it with no place of its own; nil when there is none.
func (d *doc) announcedAside(e *event) (*sentence, int, int) {
	if e.kind != "meeting" || len(e.countries) != 2 || e.place != nil || e.placeCtry != "" || e.mech != "" {
		return nil, 0, 0
	}
	for i := e.sents[0].idx - 1; i >= 0; i-- {
		s := d.sents[i]
		from, to := sidelinesSpan(s)
		if to > from && len(s.cref) == 0 && reAnnouncedMeetings.MatchString(s.text) {
			return s, from, to
		}
	}
	return nil, 0, 0
}

// reAnnouncedMeetings names meetings held with several unnamed sides.
var reAnnouncedMeetings = newPhraseRe(`(?i)\b((?:several|a series of|a number of|a range of|numerous|multiple) (?:bilateral )?(?:meetings|talks)|bilateral meetings)\b`)
