package extract

import (
	"strings"
)

// Stage 4: the next meeting of a series, as a held event announces it.

// announcesNext reports whether a sentence announces cur's next meeting:
// "the next round will be held in Ashgabat", "agreed to convene the eighth
// session in Cairo next year".
func (d *doc) announcesNext(cur *event, s *sentence) bool {
	// the round after the current one is its successor, however the
	// mechanism is named there ("the Fifth Meeting of the JCC")
	successor := false
	if cur.ordinal > 0 {
		for k := range s.toks {
			if d.x.ordinalAt(s, k) == cur.ordinal+1 {
				successor = true
				break
			}
		}
	}
	for _, m := range s.ments {
		if e, ok := m.first(lexMech); ok && s.toks[m.i].capitalized() && e.mech != cur.mech && !successor {
			return false // the next session of another mechanism
		}
	}
	if s.has(gNext) && (reNext.MatchString(s.text) || nextNamed(s)) {
		return !nextOfOther(s, cur)
	}
	if !(s.has(gNextB) && reNextB.MatchString(s.text)) {
		return false
	}
	for k := range s.toks {
		if n := d.x.ordinalAt(s, k); n > 0 && cur.ordinal > 0 {
			return n == cur.ordinal+1
		}
	}
	for _, m := range s.ments {
		if e, ok := m.first(lexMech); ok && e.mech == cur.mech && cur.mech != "" {
			return true
		}
	}
	return false
}

// nextNamed reports whether the sentence names the next gathering of an
// organisation or forum: "the next CELAC summit", "the next BRICS Summit".
func nextNamed(s *sentence) bool {
	if !s.has(gNext) {
		return false
	}
	for k := 0; k+2 < len(s.toks); k++ {
		if s.toks[k].key != "next" {
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+3; j++ {
			switch s.toks[j].key {
			case "summit", "conference", "forum", "meeting", "session", "ministerial":
				return j > k+1
			}
			if !s.toks[j].capitalized() {
				break
			}
		}
	}
	return false
}

// gatheringOf is the gathering of many at which the bilateral meeting cur
// took place, or nil.
func (d *doc) gatheringOf(cur *event) *event {
	if cur == nil || !cur.bilateralAside {
		return nil
	}
	if cur.parent != nil {
		return cur.parent
	}
	for i := len(d.events) - 1; i >= 0; i-- {
		if o := d.events[i]; (o.kind == "summit" || o.kind == "conference") && len(o.countries) > 2 {
			return o
		}
	}
	return nil
}

// nextOfOther reports whether "next meeting" names the body it is of and
// that body is not cur's mechanism: "the next meeting of the Supreme
// Interstate Council".
func nextOfOther(s *sentence, cur *event) bool {
	for k := 0; k+4 < len(s.toks); k++ {
		if s.toks[k].key != "next" || s.toks[k+2].key != "of" {
			continue
		}
		j := k + 3
		if s.toks[j].key == "the" {
			j++
		}
		if !s.toks[j].capitalized() || s.owned[j] {
			continue
		}
		if m, ok := s.mentionAt(j); ok {
			if m.has(lexCountry) || m.has(lexDemonym) {
				continue // "the next meeting of the Russian and Algerian sides"
			}
			if en, ok := m.first(lexMech); ok && en.mech == cur.mech {
				continue
			}
		}
		if cur.mechName != "" && strings.HasPrefix(strings.ToLower(s.text[s.toks[j].start:]), strings.ToLower(cur.mechName)) {
			continue
		}
		return true
	}
	return false
}

// nextMeeting records the meeting a sentence announces as e's next one.
func (d *doc) nextMeeting(e *event, s *sentence) {
	n := &event{kind: e.kind, mech: e.mech, subject: e.subject}
	if e.ordinal > 0 {
		n.ordinal = e.ordinal + 1
	}
	for _, dt := range s.dates {
		if dt.iso != "" {
			n.date = dt.iso
			break
		}
	}
	n.place = d.x.placeIn(d, s)
	if n.place == nil {
		for _, c := range s.cref {
			if c.tok > 0 && s.toks[c.tok-1].key == "in" && !c.demonym {
				n.placeCtry = c.iso3
			}
		}
	}
	n.sents = []*sentence{s}
	if e.next == nil {
		e.next = n
		return
	}
	if e.next.date == "" {
		e.next.date = n.date
	}
	if e.next.place == nil {
		e.next.place = n.place
	}
}
