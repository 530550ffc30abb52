package extract

import (
	"strings"
)

// Stage 3: the event word of a sentence (data/triggers.tsv), and the
// words around it that say it names no event held.

// findTrigger returns the first trigger of the sentence and its token index.
func (x *Extractor) findTrigger(s *sentence) (trigger, int, bool) {
	tr, i, ok, _ := x.findTriggerSkip(s)
	return tr, i, ok
}

// findTriggerSkip is findTrigger that also reports whether an event word
// was passed over as naming no event that took place ("in hosting a
// summit").
func (x *Extractor) findTriggerSkip(s *sentence) (tr trigger, ti int, ok, skipped bool) {
	best, bestI := trigger{}, -1
	// only triggers whose first word is in the sentence can match
	cand := make([]bool, len(x.triggers))
	for _, t := range s.toks {
		for _, k := range x.trigFirst[t.key] {
			cand[k] = true
		}
	}
	for _, k := range x.trigWild {
		cand[k] = true
	}
	// an event word that names the gathering on whose sidelines the event
	// took place is the event's only when the sentence has no other
	sideFrom, sideTo := sidelinesSpan(s)
	if sideTo == 0 {
		sideFrom, sideTo = duringSpan(s) // "held talks during the climate conference in Paris"
	}
	aside, asideI := trigger{}, -1
	for k, tr := range x.triggers {
		if bestI >= 0 && tr.kind != best.kind {
			break
		}
		if !cand[k] {
			continue
		}
		for i := 0; i+len(tr.words) <= len(s.toks); i++ {
			if matchWords(s.toks[i:], tr.words) {
				if tr.kind == "conference" && i > 0 && (s.toks[i-1].key == "news" || s.toks[i-1].key == "press" || s.toks[i-1].key == "media") {
					continue // a press conference is not a gathering of countries
				}
				if end := i + len(tr.words); s.toks[i].capitalized() && end < len(s.toks) && venueWords[s.toks[end].key] && s.toks[end].capitalized() {
					continue // "the Kenyatta International Convention Centre" is a building
				}
				if otherEventAhead(s, i) {
					continue // "to prepare for a leaders' summit in July"
				}
				if nonFiniteObject(s, i) {
					skipped = true
					continue // "supports South Africa in hosting a summit"
				}
				if s.toks[i].key == "convention" && s.toks[i].capitalized() && i+1 < len(s.toks) && s.toks[i+1].key == "on" {
					continue // "the Convention on the Law of the Sea": a treaty
				}
				if abstractNoun(s, i) {
					continue // "the conclusion of negotiations on a trade agreement", "dialogue was the only path"
				}
				if genericPlural(s, i) {
					continue // "at multilateral meetings such as the G20": no gathering in particular
				}
				if relativeOfNonPerson(s, i) {
					continue // "the refugees who arrived in Armenia"
				}
				if tr.kind == "signing" && refersToDocument(s, i) {
					continue // "the 1962 Treaty of Friendship, signed when ..."
				}
				if invitedTo(s, i) {
					skipped = true
					continue // "accepted an invitation to visit Pakistan"
				}
				if len(tr.words) == 1 && hostWords[tr.words[0]] && !personObject(s, i) {
					continue // "received donations", "welcomed the progress"
				}
				if len(tr.words) == 2 && tr.words[1] == "on" && (tr.words[0] == "called" || tr.words[0] == "calls") && !personObject(s, i+1) {
					continue // "called on the international community": an appeal
				}
				if i >= sideFrom && i < sideTo {
					if asideI < 0 {
						aside, asideI = tr, i
					}
					continue
				}
				if bestI < 0 || i < bestI {
					best, bestI = tr, i
				}
				break
			}
		}
	}
	if bestI < 0 && asideI >= 0 {
		best, bestI = aside, asideI
	}
	if bestI < 0 {
		if i := spokeWith(s); i >= 0 {
			// a readout's "Secretary X spoke yesterday with Foreign
			// Minister Y", with no other event word: a call
			best, bestI = trigger{kind: "call", cameo: "041", words: []string{"spoke"}}, i
		}
	}
	if bestI < 0 {
		if i := mechanismHeld(s); i >= 0 {
			// "The last FOCs were held in March 2021": a session named
			// only by its body
			best, bestI = trigger{kind: "meeting", cameo: "040", words: []string{s.toks[i].key}}, i
		}
	}
	return best, bestI, bestI >= 0, skipped
}

// mechanismHeld finds a standing mechanism's name (or acronym) that a verb
// of holding follows within a few words ("the JCC met", "the last FOCs
// were held"); -1 when there is none.
func mechanismHeld(s *sentence) int {
	for _, m := range s.ments {
		if !m.has(lexMech) || s.owned[m.i] {
			continue
		}
		for k := m.j; k < len(s.toks) && k <= m.j+3; k++ {
			switch s.toks[k].key {
			case "held", "met", "convened", "opened", "concluded", "took", "began", "meets", "convenes":
				return m.i
			case ",", ";", ".":
				k = len(s.toks)
			}
		}
	}
	return -1
}

// spokeWith finds "spoke [today|yesterday|on Monday] with" followed by a
// person, a counterpart or a delegation; -1 when there is none.
func spokeWith(s *sentence) int {
	for i, t := range s.toks {
		if t.key != "spoke" && t.key != "speaks" {
			continue
		}
		for k := i + 1; k < len(s.toks) && k <= i+4; k++ {
			if s.toks[k].key == "with" {
				if personObject(s, k) {
					return i
				}
				break
			}
		}
	}
	return -1
}

// sidelinesSpan is the span of tokens [from, to) of "on the sidelines of
// the 31st meeting of the OSCE Ministerial Council" up to the end of its
// clause; 0, 0 when the sentence has none.
func sidelinesSpan(s *sentence) (int, int) {
	if !s.has(gSidelines) {
		return 0, 0
	}
	for k := 2; k < len(s.toks); k++ {
		switch s.toks[k].key {
		case "sidelines", "margins", "sideline", "margin":
		default:
			continue
		}
		if s.toks[k-1].key != "the" {
			continue
		}
		switch s.toks[k-2].key {
		case "on", "at", "in", "along":
		default:
			continue
		}
		end := k + 1
		for end < len(s.toks) {
			switch s.toks[end].key {
			case ",", ";", ".", ":", "where", "which", "who":
				return k - 2, end
			}
			end++
		}
		return k - 2, end
	}
	return 0, 0
}

// hostWords state a meeting only when a person or a delegation follows.
var hostWords = map[string]bool{"received": true, "hosted": true, "welcomed": true}

// personObject reports whether a person, a delegation or a counterpart
// follows the verb at token i.
func personObject(s *sentence, i int) bool {
	for k := i + 1; k < len(s.toks) && k <= i+5; k++ {
		if s.owned[k] {
			return true
		}
		switch s.toks[k].key {
		case "counterpart", "counterparts", "delegation", "delegations", "visiting", "minister", "ministers",
			"president", "ambassador", "envoy", "colleagues", "guests", "by":
			return true
		case "prime", "foreign":
			// "Foreign Minister X", not "foreign tourists"
			if k+1 < len(s.toks) {
				switch s.toks[k+1].key {
				case "minister", "ministers", "secretary", "secretaries":
					return true
				}
			}
		case ",", ".", ";":
			return false
		}
	}
	return false
}

// gatheringIn finds, in a sentence about a signing, the gathering it took
// place at: a session, meeting, visit, summit or forum.
func (x *Extractor) gatheringIn(s *sentence) (kind, cameo string, ok bool) {
	for _, tr := range x.triggers {
		if tr.kind == "signing" || tr.kind == "call" || len(tr.words) != 1 || hostWords[tr.words[0]] {
			continue
		}
		switch strings.TrimSuffix(tr.words[0], "*") {
		case "session", "meeting", "visit", "summit", "forum", "conference", "talks", "consultations", "dialogue":
		default:
			continue
		}
		for i := range s.toks {
			if matchWords(s.toks[i:], tr.words) && !otherEventAhead(s, i) {
				return tr.kind, tr.cameo, true
			}
		}
	}
	return "", "", false
}

// otherEventAhead reports whether the event word at token i names a
// future or other gathering: "for a summit", "ahead of the talks".
func otherEventAhead(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch s.toks[k].key {
		case "ahead", "before", "eve", "prepare", "prepares", "preparing", "preparation", "preparations", "upcoming", "forward", "run-up", "lead-up",
			"forthcoming", "next", "planned", "proposed", "future", "coordinate", "coordinating":
			return true
		case "for":
			if k+1 < len(s.toks) && (s.toks[k+1].key == "a" || s.toks[k+1].key == "an") {
				return true
			}
			if k+1 >= len(s.toks) || s.toks[k+1].key != "the" {
				return false
			}
			// "preparations for the summit": look on
		}
	}
	return false
}

// nonFiniteObject reports whether the event word at token i is the object
// of a verb that is not finite, which names no event that took place:
// "supports South Africa in hosting a successful summit", "its bid to host
// the forum".
func nonFiniteObject(s *sentence, i int) bool {
	indefinite := false // "a successful summit": none in particular
	for k := i - 1; k >= 1 && k >= i-4; k-- {
		switch s.toks[k].key {
		case "a", "an":
			indefinite = true
		case "hosting", "holding", "organising", "organizing", "convening", "host", "hold", "organise", "organize", "convene":
			if !indefinite {
				return false // "thanked Egypt for hosting the summit"
			}
			switch s.toks[k-1].key {
			case "in", "for", "on", "of", "to", "at", "towards", "toward":
				return true
			}
			return false
		case ",", ".", ";", "and", "the":
			return false
		}
	}
	return false
}

func matchWords(toks []token, words []string) bool {
	for k, w := range words {
		if strings.HasSuffix(w, "*") {
			if !strings.HasPrefix(toks[k].key, strings.TrimSuffix(w, "*")) {
				return false
			}
		} else if toks[k].key != w {
			return false
		}
	}
	return true
}

// reNotHeld says that an event did not take place (yet): it was put off
// or called off, or was only due or expected to happen.
var reNotHeld = newPhraseRe(`(?i)\b((?:has|have|had) (?:also |now |since |again )?been (?:postponed|cancell?ed|called off|put off|deferred|suspended|scrapped|shelved|delayed|rescheduled|cut short)|(?:was|were|is|are|be) (?:also |now |again )?(?:postponed|cancell?ed|called off|put off|deferred|scrapped|shelved|rescheduled|suspended|delayed)|(?:postponed|cancell?ed|called off|put off|deferred|scrapped|shelved) (?:the|a|an|his|her|their|its)|(?:was|were|had been) (?:due|scheduled|expected|set|supposed|slated|planned|hoped) to (?:open|start|begin|take place|be held|hold|meet|travel|visit|attend|arrive|convene|sign|host|co-chair|chair|lead|fly|go)|(?:could|may|might) (?:now |still |yet )?take place|would have (?:been held|taken place|met))\b`)

// notHeld reports whether a sentence says that its event did not take
// place: "the 11th session, which was due to open on Tuesday, has been
// postponed".
func notHeld(s *sentence, ti int) bool {
	if !s.has(gNotHeld) || s.hasWord("finally", "eventually", "resumed") {
		return false
	}
	for _, m := range reNotHeld.FindAllStringSubmatchIndex(s.text, -1) {
		if !otherClause(s, ti, m[0]) {
			return true
		}
	}
	return false
}

// otherClause reports whether a subordinate clause divides the event word
// at token ti from byte at: "X met Y after the earlier meeting was
// cancelled".
func otherClause(s *sentence, ti, at int) bool {
	if ti < 0 {
		return false
	}
	from, to := ti+1, len(s.toks)
	if at < s.toks[ti].start {
		from, to = 0, ti
	}
	for k := from; k < to; k++ {
		t := s.toks[k]
		if at >= s.toks[ti].start && t.start >= at || at < s.toks[ti].start && t.end <= at {
			continue // beyond the stretch between them
		}
		switch t.key {
		case "after", "because", "since", "although", "though", "following", "despite", "when", "while", "whereas", "but":
			return true
		}
	}
	return false
}

// gNotHeld guards reNotHeld; gBackground guards reBackground.
var (
	gNotHeld = guardWords("postpone", "cancel", "called off", "put off", "deferred", "suspended", "scrapped", "shelved",
		"delayed", "rescheduled", "cut short", "due to", "scheduled to", "expected to", "set to", "supposed to", "slated to",
		"planned to", "hoped to", "take place", "would have", "ſ")
	gBackground = guardWords("last", "ago", "ſ")
)

// invitedTo reports whether the event word at token i is what someone was
// invited to do, not what was done: "accepted an invitation to visit
// Pakistan", "invited him to pay a visit".
func invitedTo(s *sentence, i int) bool {
	to := -1
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if s.toks[k].key == "to" {
			to = k
			break
		}
	}
	if to < 0 {
		return false
	}
	for k := to - 1; k >= 0 && k >= to-4; k-- {
		switch s.toks[k].key {
		case "invitation", "invitations", "invited", "invite", "invites", "inviting":
			return true
		}
	}
	return false
}

// doneBefore reports whether the event word at token ti is what came
// before the statement: "A and B will expand trade, X said after talks
// with Y" states the future, but the talks took place.
func doneBefore(s *sentence, ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-3; k-- {
		switch s.toks[k].key {
		case "after", "following":
			// "said after", "said on Monday after"
			for j := k - 1; j >= 0 && j >= k-4; j-- {
				switch s.toks[j].key {
				case "said", "told", "announced", "says":
					return true
				case ",", "will", "would":
					return false
				}
			}
			return false
		case "will", "would", "to", ",":
			return false
		}
	}
	return false
}

// gatheringNouns name a gathering of many.
var gatheringNouns = map[string]bool{"conference": true, "summit": true, "forum": true, "assembly": true, "games": true, "olympics": true}

// duringSpan is the span [from, to) of "during the Climate Change
// Conference in Paris", "at the G20 summit": a gathering of many named
// after a preposition of time or place, when another event word comes
// before it; 0, 0 when there is none.
func duringSpan(s *sentence) (int, int) {
	for k := 1; k+1 < len(s.toks); k++ {
		switch s.toks[k].key {
		case "during", "at":
		default:
			continue
		}
		if s.toks[k+1].key != "the" && !s.toks[k+1].capitalized() {
			continue
		}
		end := k + 1
		found := false
		for end < len(s.toks) && end <= k+9 {
			key := s.toks[end].key
			if key == "," || key == ";" || key == "." || key == "where" || key == "which" {
				break
			}
			if gatheringNouns[key] {
				found = true
			}
			end++
		}
		if !found {
			continue
		}
		for j := 0; j < k; j++ {
			if sessionNouns[s.toks[j].key] || s.toks[j].key == "talks" || s.toks[j].key == "met" {
				return k, end
			}
		}
	}
	return 0, 0
}
