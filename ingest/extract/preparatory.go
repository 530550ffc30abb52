package extract

// Stage 4: the other gatherings a sentence dates besides its own event
// word's: "The session was preceded by the ministerial meeting held on 2
// November and the senior officials' meeting on 31 October" tells of two
// preparatory meetings, each on its own day.

// datedNouns name a round that "the last" may date in passing: "since
// the last dialogue in January 2023".
var datedNouns = map[string]bool{"dialogue": true, "round": true, "consultations": true, "visit": true, "summit": true}

// sessionNouns name a sitting that a sentence may date on its own.
var sessionNouns = map[string]bool{"meeting": true, "meetings": true, "session": true, "sessions": true}

// datedMentions are the meetings a sentence names with a date of their
// own that is not the day of cur, the event told before: each a meeting
// of cur's sides on its date, with the mechanism and place named next to
// it. It returns nil when there are none, or when cur is nil or undated.
func (d *doc) datedMentions(s *sentence, cur *event) []*event {
	if cur == nil || len(s.dates) == 0 || cur.date == "" && !s.hasWord("preceded", "followed", "preparatory") {
		return nil
	}
	var out []*event
	used := map[int]bool{}
	for k, t := range s.toks {
		if !sessionNouns[t.key] && !(datedNouns[t.key] && k > 0 && s.toks[k-1].key == "last") {
			continue
		}
		if k > 0 && (s.toks[k-1].key == "the" && k+1 < len(s.toks) && s.toks[k+1].key == "was") {
			continue // "the meeting was ...": the sentence's own subject
		}
		if otherEventAhead(s, k) || plannedAt(s, k, k+1) {
			continue // "ahead of the leaders' meeting in September"
		}
		di := -1
		for n, dt := range s.dates {
			p := tokenAt(s, dt.pos)
			if used[n] || dt.iso == "" || dt.vague || p <= k || p > k+10 || otherNounBetween(s, k, p) || dateInSideClause(s, dt.pos, k) {
				continue
			}
			di = n
			break
		}
		if di < 0 {
			continue
		}
		dt := s.dates[di]
		if d.hasPub && dt.iso > d.pub.Format("2006-01-02")[:len(dt.iso)] {
			continue // not yet held
		}
		if cur.date != "" && (!datesClash(dt.iso, cur.date) || covers(cur, &event{date: dt.iso})) {
			continue // the day of the event told before: the same sitting
		}
		used[di] = true
		e := &event{kind: "meeting", cameo: "040", date: dt.iso, dateEnd: dt.end, sents: []*sentence{s}, earlier: true}
		switch t.key {
		case "visit":
			e.kind, e.cameo = "visit", "042"
		case "summit":
			e.kind, e.cameo = "summit", "043"
		}
		for _, m := range s.ments {
			if en, ok := m.first(lexMech); ok && m.i >= k-4 && m.i <= k+5 && e.mech == "" {
				e.mech, e.mechName = en.mech, phraseText(s.toks[m.i:m.j])
			}
			if en, ok := m.first(lexCity); ok && m.i > k && m.i < tokenAt(s, dt.pos)+4 && m.i > 0 && s.toks[m.i-1].key == "in" && e.place == nil {
				e.place = en.city
			}
		}
		d.sameSides(e, cur)
		out = append(out, e)
	}
	return out
}

// otherNounBetween reports whether another sitting is named between
// tokens a and b, or a semicolon divides them.
func otherNounBetween(s *sentence, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if sessionNouns[s.toks[k].key] || s.toks[k].key == ";" {
			return true
		}
	}
	return false
}
