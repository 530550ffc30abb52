package extract

import "strings"

// earlier builds the earlier event a sentence with a past cue tells of,
// when it is not the event told before (cur) and the text gives it at
// least one concrete attribute: a date, a place, an ordinal or people
// (GUIDE.md counts such background events). It returns nil otherwise. An
// earlier event that names no countries takes those of cur: "the
// previous round took place in Port Elm in March 2021" is a round between
// the same two sides.
func (d *doc) earlier(cur *event, s *sentence, tr trigger, ti int) *event {
	if ti < 0 || otherEventAhead(s, ti) || documentSigned(s, ti) {
		return nil
	}
	if founding(s, ti) {
		return nil // "the mechanism was established in 2021": no gathering
	}
	e := d.candidate(s, tr, ti)
	concrete := e.date != "" || e.place != nil || e.ordinal != 0 || len(e.roles) > 0
	if !concrete {
		return nil
	}
	if cur != nil {
		switch {
		case previousOf(s, ti):
			// "the previous round", "Previously, ...": another event
			// whatever its attributes
		case e.ordinal != 0 && cur.ordinal != 0 && e.ordinal != cur.ordinal:
		case e.date != "" && cur.date != "" && datesClash(e.date, cur.date):
		case e.date != "" && cur.date == "" && d.hasPub && datesClash(e.date, d.pub.Format("2006-01-02")):
		default:
			return nil // no attribute sets it apart from the event told before
		}
		d.sameSides(e, cur)
	} else if e.date == "" || !d.hasPub && e.ordinal == 0 || d.hasPub && !datesClash(e.date, d.pub.Format("2006-01-02")) {
		return nil // nothing shows it is not the report's own event
	}
	e.earlier = true
	return e
}

// datesClash reports whether two ISO dates of any precision ("2021",
// "2021-03", "2021-03-04") cannot be the same day: neither is a prefix of
// the other.
func datesClash(a, b string) bool {
	return !strings.HasPrefix(a, b) && !strings.HasPrefix(b, a)
}

// documentNouns name what is signed.
var documentNouns = map[string]bool{"agreement": true, "agreements": true, "arrangement": true, "arrangements": true,
	"memorandum": true, "memoranda": true, "mou": true, "mous": true, "treaty": true, "treaties": true, "accord": true,
	"accords": true, "deal": true, "deals": true, "protocol": true, "declaration": true, "contract": true,
	"contracts": true, "charter": true, "convention": true, "document": true, "documents": true, "pact": true}

// documentSigned reports whether the event word at token ti is a
// participle that describes a document ("the security agreement signed
// last year"): the document is named, no signing is told.
func documentSigned(s *sentence, ti int) bool {
	if s.toks[ti].key != "signed" {
		return false
	}
	for k := ti - 1; k >= 0 && k >= ti-6; k-- {
		t := s.toks[k]
		if documentNouns[t.key] {
			return true
		}
		if t.key != "," && t.key != "of" && !t.capitalized() {
			return false // "the ministers signed": a signing
		}
	}
	return false
}

// refersToDocument reports whether the signing word at token ti only
// describes a document named before it and says nothing of who signed it,
// where or when: "the 1962 Treaty of Friendship, signed when ...".
func refersToDocument(s *sentence, ti int) bool {
	if !documentSigned(s, ti) {
		return false
	}
	if ti+1 < len(s.toks) {
		switch s.toks[ti+1].key {
		case "by", "on", "at", "during", "here", "today", "yesterday", "between", "in":
			return false
		}
	}
	return true
}

// countOrdinal reports whether the ordinal at token k counts someone's
// encounters rather than numbering a mechanism's rounds: after a
// person's possessive ("his first visit", "their second meeting"; "its
// third session" is the body's round) or before a span
// of time ("the second meeting within a month", "this year").
func countOrdinal(s *sentence, k int) bool {
	if k > 0 {
		switch s.toks[k-1].key {
		case "his", "her", "their", "my", "our":
			return true
		}
	}
	for j := k + 1; j < len(s.toks) && j <= k+8; j++ {
		switch s.toks[j].key {
		case "within", "since":
			return true
		case "this":
			if j+1 < len(s.toks) && (s.toks[j+1].key == "year" || s.toks[j+1].key == "month" || s.toks[j+1].key == "week") {
				return true
			}
		case ",", ".", ";":
			return false
		}
	}
	return false
}

// datedBefore reports whether the sentence dates what it tells in a month
// or year before the report's own: "the first meeting was held in
// October 2016" in a report of 2018 tells of an earlier event, past cue or
// none.
func (d *doc) datedBefore(s *sentence, ti int) bool {
	if !d.hasPub || len(s.dates) == 0 || refersBack(s) {
		return false
	}
	pub := d.pub.Format("2006-01-02")
	n := 0
	for _, dt := range s.dates {
		if dt.iso == "" || dt.vague || dt.sameDay || dateInSideClause(s, dt.pos, ti) || commaBetween(s, ti, tokenAt(s, dt.pos)) || refinedIn(s, dt) {
			continue
		}
		n++
		if !datesClash(dt.iso, pub) || dt.iso > pub {
			return false
		}
		if len(dt.iso) == 10 && d.pub.AddDate(0, 0, -31).Format("2006-01-02") < dt.iso {
			return false // a day within the month before: the report's news
		}
	}
	return n > 0
}

// dateInSideClause reports whether the date at byte pos belongs to a
// clause other than the event word's at token ti: a relative clause ("Dr
// Boko, who took office in November, was received ..."), a "since" or
// "when" clause ("the first meeting since she took office in 2023").
func dateInSideClause(s *sentence, pos, ti int) bool {
	k := tokenAt(s, pos)
	if k < 0 || ti < 0 {
		return false
	}
	for j := k - 1; j >= 0; j-- {
		if j == ti {
			return false // the event word is in the date's clause
		}
		switch s.toks[j].key {
		case "who", "which", "whose", "since", "when", "after", "until", "that":
			return true
		case ",", ";", ":":
			return false
		}
	}
	return false
}

// founding reports whether the sentence tells how a mechanism was set up
// rather than a gathering of it: "the dialogue mechanism was established
// in 2021".
func founding(s *sentence, ti int) bool {
	for k := ti + 1; k < len(s.toks) && k <= ti+6; k++ {
		switch s.toks[k].key {
		case "established", "set", "founded", "created", "institutionalised", "institutionalized", "instituted", "announced", "agreed":
			return true
		case ",", ";":
			return false
		}
	}
	return false
}

// commaBetween reports whether a comma or semicolon outside brackets
// stands between tokens a and b: what lies beyond it is another phrase
// ("the summit in The Hague this summer, energy security since February").
func commaBetween(s *sentence, a, b int) bool {
	if a < 0 || b < 0 {
		return false
	}
	if a > b {
		a, b = b, a
	}
	depth := 0
	for k := a + 1; k < b; k++ {
		switch s.toks[k].key {
		case "(":
			depth++
		case ")":
			depth--
		case ",", ";":
			if depth <= 0 {
				return true
			}
		}
	}
	return false
}

// refersBack reports whether the sentence opens by referring to the event
// told before: "It was the second round of ...", "This was the first
// visit ...".
func refersBack(s *sentence) bool {
	if len(s.toks) < 2 {
		return false
	}
	switch s.toks[0].key {
	case "it", "this", "that":
		switch s.toks[1].key {
		case "was", "is", "marked", "marks", "came":
			return true
		}
	}
	return false
}

// sameSides gives an earlier or other round e that names fewer than two
// countries those of the event told before, cur, and cur's mechanism
// when e is of its kind and names none.
func (d *doc) sameSides(e, cur *event) {
	if len(e.countries) >= 2 || len(e.countries) == 1 && !subset(e.countries, cur.countries) {
		return
	}
	for _, c := range cur.countries {
		e.addCountry(c)
	}
	if e.mech == "" && e.kind == cur.kind {
		e.mech, e.subject, e.mechName = cur.mech, cur.subject, cur.mechName
	}
}

// previousOf reports whether the event word at token ti is said to name
// an earlier event than the one told: "the previous round", "the last
// FOCs", "Previously, the two sides held consultations".
func previousOf(s *sentence, ti int) bool {
	if len(s.toks) > 0 {
		switch s.toks[0].key {
		case "previously", "formerly":
			return true
		}
	}
	for k := ti - 1; k >= 2 && k >= ti-4; k-- {
		if s.toks[k].key == "on" && s.toks[k-1].key == "up" && s.toks[k-2].key == "following" {
			return true // "following up on their meeting in Samarkand"
		}
	}
	for k := ti - 1; k >= 0 && k >= ti-3; k-- {
		switch s.toks[k].key {
		case "previous", "preceding", "prior", "former":
			return true
		case "last":
			// "the last FOCs", "was last convened", "last held talks",
			// not "on Monday last"
			if k == ti-1 || k == ti-2 && pastVerb(s.toks[k+1].key) {
				return true
			}
			if k > 0 {
				switch s.toks[k-1].key {
				case "the", "its", "their", "his", "her":
					return true
				}
			}
		case ",", ";", ".":
			return false
		}
	}
	return false
}

// refinedIn reports whether the sentence gives the date dt more precisely
// elsewhere: "in January this year" is January, not the year.
func refinedIn(s *sentence, dt dateExpr) bool {
	for _, o := range s.dates {
		if len(o.iso) > len(dt.iso) && strings.HasPrefix(o.iso, dt.iso) {
			return true
		}
	}
	return false
}
