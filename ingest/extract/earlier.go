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
	e := d.candidate(s, tr, ti)
	concrete := e.date != "" || e.place != nil || e.ordinal != 0 || len(e.roles) > 0
	if !concrete {
		return nil
	}
	if cur != nil {
		switch {
		case e.ordinal != 0 && cur.ordinal != 0 && e.ordinal != cur.ordinal:
		case e.date != "" && cur.date != "" && datesClash(e.date, cur.date):
		case e.date != "" && cur.date == "" && d.hasPub && datesClash(e.date, d.pub.Format("2006-01-02")):
		default:
			return nil // no attribute sets it apart from the event told before
		}
		if len(e.countries) < 2 && (len(e.countries) == 0 || subset(e.countries, cur.countries)) {
			for _, c := range cur.countries {
				e.addCountry(c)
			}
			if e.mech == "" && e.kind == cur.kind {
				e.mech, e.subject, e.mechName = cur.mech, cur.subject, cur.mechName
			}
		}
	} else if e.date == "" || !d.hasPub || !datesClash(e.date, d.pub.Format("2006-01-02")) {
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
