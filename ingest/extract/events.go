package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph/ingest/gazetteer"
)

// event is an event being assembled from the sentences that state it.
type event struct {
	kind, cameo string
	ordinal     int
	mech        string   // series type
	subject     string   // the series' subject: a topic slug
	mechName    string   // as written
	countries   []string // ISO3, in order of appearance
	hosts       []string
	roles       map[*person]string // strongest role
	date        string
	dateEnd     string // the last day, when the event spans days
	weekday     string
	place       *gazetteer.City
	placeCtry   string // country when no city is known
	next        *event
	sents       []*sentence
	topics      map[string]bool
	discussed   []string // country ISO3s and region slugs ("region:...")
	agreed      []string
	// venue is set when a sentence stating the event names a building and
	// no city: "at the Casa Rosada"
	venue bool
	// bilateralAside marks a two-country meeting on the sidelines of a
	// larger one, which it must not merge into.
	bilateralAside bool
	parent         *event // the gathering of many at which such a meeting took place
}

var roleRank = map[string]int{"chair": 0, "co_chair": 1, "delegation_head": 2, "speaker": 3, "participant": 4}

func (e *event) setRole(p *person, r string) {
	if e.roles == nil {
		e.roles = map[*person]string{}
	}
	if old, ok := e.roles[p]; !ok || roleRank[r] < roleRank[old] {
		e.roles[p] = r
	}
}

func (e *event) addCountry(c string) {
	for _, o := range e.countries {
		if o == c {
			return
		}
	}
	e.countries = append(e.countries, c)
}

func (e *event) hasCountry(c string) bool {
	for _, o := range e.countries {
		if o == c {
			return true
		}
	}
	return false
}

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
				if invitedTo(s, i) {
					skipped = true
					continue // "accepted an invitation to visit Pakistan"
				}
				if len(tr.words) == 1 && hostWords[tr.words[0]] && !personObject(s, i) {
					continue // "received donations", "welcomed the progress"
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
	return best, bestI, bestI >= 0, skipped
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
		case "ahead", "before", "eve", "prepare", "prepares", "preparing", "preparation", "preparations", "upcoming", "forward",
			"forthcoming", "next", "planned", "proposed", "future":
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

var (
	reCoref     = regexp.MustCompile(`(?i)(?:\b(?:the|this|that|these|during the|at the|after the|on the sidelines of the|\w+'s|\w+’s)\s+(?:[\w-]+\s+){0,2}|\balso\s+(?:attended|took part in|joined|participated in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2})(meeting|talks|dialogue|consultations|session|visit|call|conversation|working group|commission|committee|summit|symposium|conference|forum|event|round|discussions|ceremony|gathering|negotiations|exchange|document|agreement|accord|memorandum|treaty|deal|trip|lunch|dinner|retreat)\b`)
	reBilateral = newPhraseRe(`(?i)\b(bilateral (?:meeting|talks)|one-on-one|separate (?:meeting|talks))\b`)
	reSidelines = newPhraseRe(`(?i)\bon the (?:sidelines|margins)\b`)
	reSides     = newPhraseRe(`(?i)\b(the two sides|both sides|the sides|the two countries|both countries|the two leaders|both leaders|the two ministers|both ministers|the two delegations|both delegations|the delegations|the leaders|the ministers|they|the two officials|the two)\b`)
	reNext      = newPhraseRe(`(?i)\bnext\s+(meeting|round|session|edition|summit|dialogue|consultations|talks|iteration|jwg|jcc|jmc)\b`)
	reNextB     = newPhraseRe(`(?i)\b(will|would|shall|agreed to|decided to|to)\s+(?:be\s+)?(held|hold|hosted|host|convened|convene|take place|meet|organi[sz]e)\b`)
	reAgreed    = regexp.MustCompile(`(?i)\bagreed\s+(?:to|on|that)\s+([^,;.]+)`)
	reDiscuss   = regexp.MustCompile(`(?i)\b(discuss|exchanged views|exchange of views|focus|situation|talked about|reviewed|agenda|briefed|concern|issues?)\w*`)
	reHere      = regexp.MustCompile(`(?i)\b(held|hosted|met|meeting|meetings|convened|talks|took place|consultations|session|visit|arrived|opened|concluded|summit|conference|forum|dialogue|round|signed)\s+here\b|\bhere\s+(?:on|today|yesterday|tonight|this|last|earlier|late|early|during|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	reCapital   = regexp.MustCompile(`(?i)\b(?:the\s+)?([A-Z][a-z]+)\s+capital\b`)
	reCoChair   = newPhraseRe(`(?i)\bco-?chair`)
	reChair     = newPhraseRe(`(?i)\b(chaired|presided|chairmanship|chaired by|in the chair)\b`)
	reLed       = newPhraseRe(`(?i)\b(led|headed|leading|heading)\b`)
	reSpeak     = newPhraseRe(`(?i)\b(addressed|address|speech|remarks|keynote|told the (?:gathering|conference|symposium|forum|meeting|summit|audience|participants|delegates)|said (?:during|at) the|opening the|in (?:his|her) address|spoke at|delivered)\b`)
)

// run assembles events from the sentences.
func (d *doc) run() {
	var cur *event
	var lede *sentence // the last sentence without an event word that names people or countries
	for _, s := range d.sents {
		tr, ti, ok, skipped := d.x.findTriggerSkip(s)
		coref := s.has(gCoref) && reCoref.MatchString(s.text)
		sides := s.has(gSides) && reSides.MatchString(s.text)
		if g := d.gatheringOf(cur); g != nil && nextNamed(s) && d.announcesNext(g, s) {
			d.nextMeeting(g, s) // "the next CELAC summit": of the summit, not of a meeting at it
			continue
		}
		if cur != nil && d.announcesNext(cur, s) {
			d.nextMeeting(cur, s)
			continue
		}
		roles := s.has(gChair) && (reCoChair.MatchString(s.text) || reChair.MatchString(s.text)) ||
			s.has(gPresided) && reChair.MatchString(s.text) || s.has(gLed) && reLed.MatchString(s.text) && reSide.MatchString(s.text)
		if !ok && skipped {
			continue // of an event not held: nothing to add to the one before
		}
		if !ok {
			if cur != nil && (cur.kind == "conference" || cur.kind == "summit") && reJoined.MatchString(s.text) {
				d.attach(cur, s, true) // "It brought together leaders from A, B and C"
			} else if cur != nil && (coref || sides || roles && len(s.persons) > 0) {
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
		if s.planned && !s.past && !doneBefore(s, ti) {
			continue // future events are only recorded as a held event's next meeting
		}
		if notHeld(s, ti) {
			continue // "the session has been postponed", "was due to open on Tuesday"
		}
		past := s.past || background(s)
		if past && !coref {
			continue
		}
		if cur != nil && partOfCur(s) {
			d.attach(cur, s, false) // "It was preceded by a meeting of senior officials"
			continue
		}
		// "the visit reflected ...", "the minister's trip also includes":
		// the event word itself refers back
		refOnly := coref && triggerInRef(s, ti) && !s.has(gHeld)
		d.prevDate = ""
		if cur != nil && len(cur.date) == 10 {
			d.prevDate = cur.date
		}
		e := d.candidate(s, tr, ti)
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
			continue // "the first dialogue was launched in 2021": another round
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

// reDayBefore places an event on the day before the one told before.
var (
	gDayBefore  = guardWords("eve of", "day before", "day earlier", "previous day", "preceding day", "ſ")
	reDayBefore = newPhraseRe(`(?i)\b(on the eve of|the day before|(?:a|one|the) day (?:earlier|before)|(?:on )?the (?:previous|preceding) day)\b`)
)

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

func crefCodes(s *sentence) []string {
	var out []string
	for _, c := range s.cref {
		out = append(out, c.iso3)
	}
	return out
}

func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// sameEvent finds an event e repeats: the same countries in a compatible
// kind with no conflicting round or date.
func (d *doc) sameEvent(e *event) *event {
	for _, o := range d.events {
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
		if len(e.countries) == 0 || subset(e.countries, o.countries) || subset(o.countries, e.countries) && len(o.countries) > 0 {
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

// session reports whether e is a meeting of a standing mechanism.
func (e *event) session() bool { return e.kind == "meeting" && e.mech != "" }

// numbered reports whether e is a numbered meeting of a standing
// mechanism, of whatever kind: "the 13th meeting of the Intergovernmental
// Commission".
func (e *event) numbered() bool { return e.ordinal > 0 && e.mech != "" }

// sameRound reports whether a and b are the same numbered meeting of one
// mechanism, which may take more than a day.
func sameRound(a, b *event) bool { return a.numbered() && a.ordinal == b.ordinal && a.mech == b.mech }

// covers reports whether the days of a include the day of b.
func covers(a, b *event) bool {
	if a.date == b.date {
		return true
	}
	return a.dateEnd != "" && len(b.date) == 10 && a.date <= b.date && b.date <= a.dateEnd
}

// distinctDays reports whether a and b took place on different days.
func distinctDays(a, b *event) bool {
	return len(a.date) == 10 && len(b.date) == 10 && !covers(a, b) && !covers(b, a)
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
		case c.compound:
			e.addCountry(c.iso3)
		case c.demonym:
			switch next {
			case "delegation", "side", "counterpart", "government", "leader", "leaders", "officials", "team", "president", "minister", "delegations", "authorities", "foreign", "prime", "ministry":
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
	for _, dt := range s.dates {
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

// roleOf is the role a person named in an event's sentence plays.
func (x *Extractor) roleOf(e *event, s *sentence, pm *personMention, ti int) string {
	if reporter(pm.p) {
		return ""
	}
	if sentBy(s, pm) {
		return "" // "a message from King Salman": not there
	}
	text := clauseOf(s, pm)
	if reAbsent.MatchString(text) {
		return "" // "X stayed away from the meeting"
	}
	if notYetThere(s, pm) {
		return "" // "which X is expected to attend"
	}
	if authorOnly(s, pm) {
		return "" // "the agreements reached by President A and President B"
	}
	for k := max(pm.i-4, 0); k < pm.i; k++ {
		switch s.toks[k].key {
		case "presence", "accompanied", "joined", "attended":
			return "participant" // "in the presence of Minister X"
		}
	}
	if attendedNotChaired(s, pm) {
		return "participant" // "chaired by A and attended by B and C"
	}
	if k := standingRoleAfter(s, pm); k >= 0 {
		// "X and Y, who co-chair the commission, spoke by telephone": the
		// offices they hold, not their roles in this event
		text = strings.Replace(text, s.text[s.toks[k].start:standingRoleEnd(s, k)], "", 1)
	}
	switch {
	case reCoChair.MatchString(text):
		return "co_chair"
	case reChair.MatchString(text):
		return "chair"
	case hasLed(text) && (reSide.MatchString(text) || reSide.MatchString(s.text) && reLedBy.MatchString(text)):
		return "delegation_head"
	case reOpened.MatchString(text):
		return "speaker"
	case (e.kind == "conference" || e.kind == "summit") && reSpeak.MatchString(text):
		return "speaker"
	case e.kind == "conference" && near(s, pm, "said", "told", "says", "stressed", "urged", "noted"):
		return "speaker"
	}
	return lesserRole(s, pm, text)
}

// standingVerbs state an office someone holds, in the present tense.
var standingVerbs = map[string]bool{"co-chair": true, "co-chairs": true, "cochair": true, "cochairs": true, "chair": true,
	"chairs": true, "head": true, "heads": true, "lead": true, "leads": true, "preside": true, "presides": true}

// standingRoleAt reports whether token k opens a relative clause that
// says what office people hold: ", who co-chair the commission,".
func standingRoleAt(s *sentence, k int) bool {
	if k < 1 || k+1 >= len(s.toks) || s.toks[k].key != "who" || s.toks[k-1].key != "," {
		return false
	}
	v := k + 1
	if s.toks[v].key == "also" || s.toks[v].key == "jointly" {
		v++
	}
	return v < len(s.toks) && standingVerbs[s.toks[v].key]
}

// standingRoleEnd is the byte offset where the relative clause opened at
// token k ends.
func standingRoleEnd(s *sentence, k int) int {
	for j := k + 1; j < len(s.toks); j++ {
		if s.toks[j].key == "," || s.toks[j].key == ";" {
			return s.toks[j].start
		}
	}
	return len(s.text)
}

// standingRoleAfter finds such a clause right after a person (or a list
// of people that ends with them), -1 if there is none.
func standingRoleAfter(s *sentence, pm *personMention) int {
	if !s.hasWord("who") {
		return -1
	}
	for k := pm.j; k < len(s.toks) && k < pm.j+30; k++ {
		if standingRoleAt(s, k) {
			return k
		}
		if s.toks[k].key == "," && k+1 < len(s.toks) && s.toks[k+1].key != "who" {
			if k+1 < len(s.toks) && s.toks[k+1].key == "and" {
				continue
			}
			return -1
		}
		if k > pm.j && (s.toks[k].key == "." || s.toks[k].key == ";") {
			return -1
		}
	}
	return -1
}

// inStandingRole reports whether token i lies in such a clause.
func inStandingRole(s *sentence, i int) bool {
	for k := i - 1; k > 0 && k >= i-6; k-- {
		if standingRoleAt(s, k) {
			return true
		}
		if s.toks[k].key == "," {
			return false
		}
	}
	return false
}

// authorOnly reports whether the person is named as the author of
// something the event built on, not as someone who took part: "the
// agreements reached by President A and President B", "under the
// guidance of X".
func authorOnly(s *sentence, pm *personMention) bool {
	k := pm.i - 1
	for k >= 0 && k >= pm.i-12 && (s.owned[k] || s.toks[k].capitalized() || s.toks[k].key == "the" || s.toks[k].key == "and" || s.toks[k].key == ",") {
		k-- // the other people of a list, their titles and honorifics
	}
	if k < 1 {
		return false
	}
	prev := s.toks[k-1].key
	switch s.toks[k].key {
	case "by":
		switch prev {
		case "reached", "agreed", "initiated", "proposed", "launched", "endorsed":
			return true
		}
	case "of", "between":
		switch prev {
		case "leadership", "guidance", "instructions", "instruction", "directives", "initiative", "vision", "understandings", "consensus", "agreements":
			return true
		}
	}
	return false
}

// notYetThere reports whether the words after a person say that they are
// only to come: "X is expected to attend", "X had been due to travel", "X
// will attend".
func notYetThere(s *sentence, pm *personMention) bool {
	for k := pm.j; k < len(s.toks) && k < pm.j+5; k++ {
		switch s.toks[k].key {
		case "expected", "due", "scheduled", "invited":
			return k+1 < len(s.toks) && s.toks[k+1].key == "to" && k > pm.j && isAux(s.toks[k-1].key)
		case "will", "shall":
			return k == pm.j || s.toks[k-1].key == "also"
		case ",", ".", ";", "and", "who":
			return false
		}
	}
	return false
}

func isAux(w string) bool {
	switch w {
	case "is", "are", "was", "were", "been", "be":
		return true
	}
	return false
}

// reLedBy and reOpened recognise "Brazil's was led by X" (the delegation
// named once for both sides) and the official who opened a session.
var reLedBy = newPhraseRe(`(?i)\b(?:led|headed)\s+by\b`)
var reOpened = newPhraseRe(`(?i)\b(?:opened the (?:session|meeting|talks|dialogue|consultations|forum|conference|summit)|declared the (?:session|meeting|forum|conference|summit|commission) open|opening (?:remarks|statement|address|speech)|keynote|delivered (?:a|the|his|her) (?:speech|address|statement|keynote)|(?:addressed|addressing) the (?:opening |closing |plenary )?(?:meeting|session|gathering|conference|forum|delegates|opening|plenary|summit|symposium)|in (?:his|her) (?:address|speech|keynote|opening remarks)|telling delegates|told delegates)\b`)

// reOpening is what may stand before a referring phrase that opens a
// sentence: "The Brazilian minister's trip ...".
var reOpening = regexp.MustCompile(`^(?:the|this|that|his|her|their)(?: [\p{L}-]+)?$`)

// reAbsent says someone did not take part.
var reAbsent = newPhraseRe(`(?i)\b(stayed away|did not attend|didn't attend|skipped|boycotted|was absent|were absent|declined to attend|pulled out)\b`)

// reJoined says who a gathering brought together.
var reJoined = newPhraseRe(`(?i)\b(were represented|was represented|brought together|bringing together|gathered|attended by|was attended|were attended|drew|attending were|among the leaders|among the ministers|among the delegates|among those attending|who attended|took part|participants included|(?:representatives|delegations|leaders|participants|ministers|officials|delegates) (?:from|of))\b`)

var reSide = newPhraseRe(`(?i)\b(delegation|delegations|side|team)\b`)

// clauseOf is the clause of the sentence that names the person: clauses
// are separated by "while", "whereas", ";" and ", and".
func clauseOf(s *sentence, pm *personMention) string {
	start, end := 0, len(s.toks)
	for k := pm.i - 1; k >= 0; k-- {
		if k > 0 && (s.toks[k].key == "while" || s.toks[k].key == "whereas" || s.toks[k].key == ";") {
			start = k + 1
			break
		}
	}
	for k := pm.j; k < len(s.toks); k++ {
		if s.toks[k].key == "while" || s.toks[k].key == "whereas" || s.toks[k].key == ";" {
			end = k
			break
		}
	}
	if start >= end {
		return s.text
	}
	return s.text[s.toks[start].start:s.toks[end-1].end]
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

// clauseCountry is the country of "the Mexican delegation", "the
// Ukrainian side" in the person's clause, when there is exactly one.
func clauseCountry(s *sentence, pm *personMention) string {
	clause := clauseOf(s, pm)
	found := ""
	for _, c := range s.cref {
		t := s.toks[c.tok]
		if !c.demonym || !strings.Contains(clause, t.text) || c.tok+1 >= len(s.toks) {
			continue
		}
		switch s.toks[c.tok+1].key {
		case "delegation", "side", "team":
			if found != "" && found != c.iso3 {
				return ""
			}
			found = c.iso3
		}
	}
	return found
}

// near reports whether one of words is within six tokens of the person.
func near(s *sentence, pm *personMention, words ...string) bool {
	for k := max(pm.i-8, 0); k < min(pm.j+10, len(s.toks)); k++ {
		for _, w := range words {
			if s.toks[k].key == w {
				return true
			}
		}
	}
	return false
}

func (x *Extractor) ordinalOf(key string) int {
	if n, ok := x.ordinals[key]; ok {
		return n
	}
	if strings.Contains(key, "-") { // twenty-first
		parts := strings.SplitN(key, "-", 2)
		tens := map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
		if t, ok := tens[parts[0]]; ok {
			if u, ok := x.ordinals[parts[1]]; ok && u < 10 {
				return t + u
			}
		}
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(key, suf) {
			if n, err := strconv.Atoi(strings.TrimSuffix(key, suf)); err == nil && n > 0 && n < 1000 {
				return n
			}
		}
	}
	return 0
}

// ordinalAt is the ordinal that token k of a sentence writes: a word
// ("tenth"), a numeral ("10th") or a Roman numeral in capitals ("the XI
// round") that a gathering's noun or a mechanism's name follows.
func (x *Extractor) ordinalAt(s *sentence, k int) int {
	if dayOfMonthAt(s, k) {
		return 0 // "on the 14th, the commission met": a date
	}
	if n := x.ordinalOf(s.toks[k].key); n > 0 {
		if n == 1 && (firstInYears(s, k) || k+1 < len(s.toks) && pastVerb(s.toks[k+1].key)) {
			return 0 // "their first formal talks in five years", "the leaders first met": no round's number
		}
		return n
	}
	n := romanValue(s.toks[k].text)
	if n < 2 || k+1 >= len(s.toks) {
		return 0
	}
	next := s.toks[k+1]
	if ordinalNouns[next.key] || romanNouns[next.key] {
		return n
	}
	if m, ok := s.mentionAt(k + 1); ok && m.has(lexMech) {
		return n
	}
	return 0
}

// dayOfMonthAt reports whether token k is the day of "on the 14th" with
// no gathering named after it (see dayOfMonth): a date, not a round.
func dayOfMonthAt(s *sentence, k int) bool {
	if k < 2 || s.toks[k-1].key != "the" || s.toks[k-2].key != "on" || !ordinalNumeral(s.toks[k].text) {
		return false
	}
	n, _ := strconv.Atoi(strings.TrimRight(s.toks[k].key, "stndrh"))
	return n >= 1 && n <= 31 && dayOfMonth(s.text[s.toks[k].end:])
}

// pastVerb reports whether a word is a verb in the past tense.
func pastVerb(w string) bool {
	switch w {
	case "met", "held", "took", "came", "went", "began", "saw", "made", "spoke", "signed", "visited", "convened", "agreed", "discussed", "launched", "established":
		return true
	}
	return false
}

// firstInYears reports whether "first" at token k counts time, not
// rounds: "the first talks in five years", "the first visit since 2019".
func firstInYears(s *sentence, k int) bool {
	for j := k + 1; j < len(s.toks) && j <= k+8; j++ {
		switch s.toks[j].key {
		case "since", "ever":
			return true
		case "in", "for":
			if j+2 < len(s.toks) {
				switch s.toks[j+2].key {
				case "years", "decades", "months", "year", "decade":
					return true
				}
			}
		case ",", ".", ";":
			return false
		}
	}
	return false
}

// romanNouns may follow a Roman ordinal besides ordinalNouns: "XXV
// Commission".
var romanNouns = map[string]bool{"commission": true, "committee": true, "council": true, "congress": true,
	"working": true, "intergovernmental": true, "high-level": true, "ministerial": true, "meeting": true}

// romanValue is the value of a Roman numeral of two or more capital
// letters written in canonical form ("XI", "XXV", "XIV"), 0 otherwise.
func romanValue(w string) int {
	if len(w) < 2 || len(w) > 9 {
		return 0
	}
	n := 0
	for i := 0; i < len(w); i++ {
		v := romanDigit(w[i])
		if v == 0 {
			return 0
		}
		if i+1 < len(w) && romanDigit(w[i+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	if n <= 0 || n >= 400 || toRoman(n) != w {
		return 0
	}
	return n
}

func romanDigit(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	}
	return 0
}

// toRoman writes n (1-399) in Roman numerals.
func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

// ordinalBefore finds an ordinal among the few words before token i.
func (x *Extractor) ordinalBefore(s *sentence, i int) int {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if n := x.ordinalAt(s, k); n > 0 {
			return n
		}
		if s.toks[k].key == "," && k > 0 && k < i-1 && s.toks[k-1].key != "," {
			continue
		}
	}
	return 0
}

// otherGathering reports whether the ordinal at token i, in a sentence
// that refers back to an event of a kind, numbers another gathering: "the
// preparations for the first ministerial conference".
func otherGathering(s *sentence, i int, kind string) bool {
	if otherEventAhead(s, i) {
		return true
	}
	for k := i + 1; k < len(s.toks) && k < i+4; k++ {
		switch s.toks[k].key {
		case "conference", "symposium", "forum", "congress", "summit":
			return kind != "conference" && kind != "summit"
		}
	}
	return false
}

var ordinalNouns = map[string]bool{"meeting": true, "round": true, "session": true, "edition": true, "summit": true,
	"dialogue": true, "consultations": true, "conference": true, "symposium": true, "forum": true, "talks": true,
	"iteration": true, "plenary": true, "ministerial": true, "annual": true, "bilateral": true, "global": true,
	"joint": true, "strategic": true, "political": true, "intergovernmental": true}

func ordinalNoun(s *sentence, i int) bool {
	for k := i; k < len(s.toks) && k < i+4; k++ {
		switch s.toks[k].key {
		case "partner", "partners", "time", "times", "member", "members", "country", "countries", "leader", "visit",
			"day", "days", "week", "stage", "phase", "leg", "part":
			return false // "its first dialogue partner", "the first time"
		}
		if ordinalNouns[s.toks[k].key] {
			if k+1 < len(s.toks) && (s.toks[k+1].key == "partner" || s.toks[k+1].key == "partners") {
				return false
			}
			return true
		}
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

// hostedBy reports whether a visit goes to country c.
func hostedBy(e *event, c string) bool {
	for _, h := range e.hosts {
		if h == c {
			return true
		}
	}
	return false
}

// namesVenue reports whether the sentence says that something happened at
// a named building: "at the Casa Rosada", "at Hyderabad House", "at the
// Itamaraty Palace".
func namesVenue(s *sentence) bool {
	for k := 0; k+1 < len(s.toks); k++ {
		if s.toks[k].key != "at" {
			continue
		}
		j := k + 1
		if s.toks[j].key == "the" && j+1 < len(s.toks) {
			j++
		}
		t := s.toks[j]
		if !t.capitalized() || s.owned[j] || t.allCaps() {
			continue
		}
		if m, ok := s.mentionAt(j); ok && (m.has(lexCountry) || m.has(lexCity) || m.has(lexOrg) || m.has(lexDemonym)) {
			if !(m.j < len(s.toks) && venueWords[s.toks[m.j].key]) {
				continue // "at the UN", not "at Hyderabad House"
			}
		}
		if _, ok := months[t.key]; ok {
			continue
		}
		if _, ok := weekdays[t.key]; ok {
			continue
		}
		return true
	}
	return false
}

// venueWords follow a city's name in the name of a building elsewhere.
var venueWords = map[string]bool{"house": true, "hall": true, "palace": true, "hotel": true, "centre": true,
	"center": true, "square": true, "stadium": true, "airport": true, "road": true, "street": true, "avenue": true,
	"university": true, "club": true, "park": true, "port": true}

// placeIn finds where the sentence says the event took place.
func (x *Extractor) placeIn(d *doc, s *sentence) *gazetteer.City {
	if hasHere(s) && d.dateline != nil {
		return d.dateline
	}
	for _, m := range s.ments {
		e, ok := m.first(lexCity)
		if !ok || s.owned[m.i] {
			continue
		}
		if m.j < len(s.toks) && venueWords[s.toks[m.j].key] {
			continue // "Hyderabad House" is in New Delhi
		}
		prev := m.i - 1
		if prev > 0 && s.toks[prev].key == "#" {
			prev-- // "in #Amman"
		}
		if prev > 0 && s.toks[prev].key == "the" {
			prev-- // "at the Kremlin"
		}
		if prev >= 0 {
			switch s.toks[prev].key {
			case "in", "at", "of", "to", "visited", "visit", "from":
				if s.toks[prev].key == "from" {
					continue
				}
				return e.city
			case ",":
				if prev > 0 && venueWords[s.toks[prev-1].key] && s.toks[prev-1].capitalized() {
					return e.city // "at the Kenyatta International Convention Centre, Nairobi"
				}
			}
		}
	}
	if m := findCapital(s); m != nil {
		if c, ok := x.demonymCountry(m[1]); ok {
			if city, ok := x.gz.City(c.Capital); ok {
				return city
			}
		}
	}
	return nil
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

// finish settles each event: countries from its people, hosts and place,
// multilateral meetings as conferences, leaders' meetings as summits, and
// drops events that do not involve two countries.
func (d *doc) finish() {
	var kept []*event
	for _, e := range d.events {
		// a counterpart belongs to the other side
		for _, p := range sortedPeople(e.roles) {
			if c := p.finalCountry(); c != "" {
				e.addCountry(c)
			}
		}
		d.assignSides(e)
		for _, st := range e.sents {
			if reCoChair.MatchString(st.text) && len(st.persons) == 0 {
				// "the two sides co-chaired": their heads are the co-chairs
				for p, r := range e.roles {
					if r == "delegation_head" {
						e.roles[p] = "co_chair"
					}
				}
			}
		}
		for _, p := range sortedPeople(e.roles) {
			if p.finalCountry() == "" && p.counterpart {
				for _, c := range e.countries {
					if !d.someoneFrom(e, c) {
						p.country = c
						break
					}
				}
			}
		}
		if e.place == nil && e.kind != "call" {
			for _, s := range e.sents {
				if hasHere(s) && d.dateline != nil {
					e.place = d.dateline
				}
			}
			if e.place == nil && d.dateline != nil && e.hasCountry(d.dateline.Country) && (e.kind != "visit" || e.venue || hostedBy(e, d.dateline.Country)) {
				e.place = d.dateline // a visit reported from the host's city, or at a venue there
			}
		}
		if e.place == nil && e.parent != nil && e.kind != "call" {
			e.place = e.parent.place // met at the summit's venue
		}
		if e.parent != nil && e.parent.kind == "summit" && e.kind == "meeting" && e.mech == "" && d.leaders(e) >= 1 {
			e.kind, e.cameo = "summit", "043" // leaders' encounters at a summit
		}
		if e.kind == "call" {
			e.place = nil
			if e.ordinal == 0 {
				e.mech, e.subject = "", "" // "the commission they co-chair": not a session
			}
		}
		if e.place != nil && e.kind != "conference" && len(e.countries) >= 1 && !e.hasCountry(e.place.Country) && len(e.countries) < 2 {
			e.addCountry(e.place.Country)
		}
		if e.kind == "meeting" && e.mech == "summit" {
			e.kind, e.cameo = "summit", "043" // "the 12th High-Level Meeting": a recurring leaders' summit
		}
		if e.kind == "meeting" && len(e.countries) >= 4 {
			e.kind, e.cameo = "conference", "040"
		}
		if e.kind == "meeting" && e.mech == "" && len(e.roles) > 0 {
			if d.leaders(e) >= 2 {
				e.kind, e.cameo = "summit", "043"
			}
		}
		if len(e.countries) < 2 {
			continue
		}
		if e.kind == "conference" || len(e.countries) > 3 {
			e.mech, e.subject = "", ""
		}
		if e.weekday == "-" {
			e.weekday = ""
		}
		if d.hasPub && e.date != "" && e.date < d.pub.AddDate(0, 0, -60).Format("2006-01-02")[:len(e.date)] {
			continue // background: long before the report
		}
		kept = append(kept, e)
	}
	// a meeting on the sidelines of a gathering that the report tells of
	// took place where the gathering did
	var gathering *event
	for _, e := range kept {
		if (e.kind == "summit" || e.kind == "conference") && len(e.countries) > 2 && e.place != nil {
			if gathering != nil {
				gathering = nil
				break // two: which one is unsaid
			}
			gathering = e
		}
	}
	for _, e := range kept {
		if gathering != nil && e.bilateralAside && e.place == nil && e.kind != "call" {
			e.place = gathering.place
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].sents[0].idx < kept[j].sents[0].idx })
	d.events = kept
}

// leaders counts the heads of state or government among e's people.
func (d *doc) leaders(e *event) int {
	n := 0
	for p := range e.roles {
		if p.leader() {
			n++
		}
	}
	return n
}

// assignSides gives the people of a two-country event whose country the
// text leaves unsaid the side that has no one else: reports name foreign
// officials with their nationality ("Japanese Foreign Minister X") and
// their own without ("Foreign Secretary Y"). Failing that, the publisher's
// country (from the URL) is the unsaid one.
func (d *doc) assignSides(e *event) {
	home := d.home
	if home == "" && d.dateline != nil {
		home = d.dateline.Country // "ABU DHABI (WAM) -- the Minister received ..."
	}
	if len(e.countries) == 1 && home != "" && !e.hasCountry(home) {
		for _, p := range sortedPeople(e.roles) {
			if p.finalCountry() == "" && !p.counterpart {
				e.addCountry(home) // the publisher's own officials meeting a foreign side
				break
			}
		}
	}
	if len(e.countries) != 2 {
		return
	}
	var unknown []*person
	has := map[string]bool{}
	for _, p := range sortedPeople(e.roles) {
		if c := p.finalCountry(); c != "" {
			has[c] = true
		} else if !p.counterpart {
			unknown = append(unknown, p)
		}
	}
	if len(unknown) == 0 {
		return
	}
	side := ""
	switch {
	case has[e.countries[0]] && !has[e.countries[1]]:
		side = e.countries[1]
	case has[e.countries[1]] && !has[e.countries[0]]:
		side = e.countries[0]
	case home != "" && e.hasCountry(home):
		side = home
	}
	if side == "" {
		// both sides have someone: the chairs and heads of delegation
		// stand one for each side
		d.assignHeads(e, unknown)
		return
	}
	for _, p := range unknown {
		p.country = side
	}
}

// assignHeads gives an unplaced chair or head of delegation of a
// two-country event the side that no other chair or head stands for.
func (d *doc) assignHeads(e *event, unknown []*person) {
	head := func(p *person) bool {
		r := e.roles[p]
		return r == "co_chair" || r == "chair" || r == "delegation_head"
	}
	has := map[string]bool{}
	var open []*person
	for _, p := range sortedPeople(e.roles) {
		if !head(p) {
			continue
		}
		if c := p.finalCountry(); c != "" {
			has[c] = true
		}
	}
	for _, p := range unknown {
		if head(p) {
			open = append(open, p)
		}
	}
	if len(open) != 1 {
		return
	}
	switch {
	case has[e.countries[0]] && !has[e.countries[1]]:
		open[0].country = e.countries[1]
	case has[e.countries[1]] && !has[e.countries[0]]:
		open[0].country = e.countries[0]
	}
}

func (d *doc) someoneFrom(e *event, c string) bool {
	for p := range e.roles {
		if p.finalCountry() == c {
			return true
		}
	}
	return false
}

// The guards of the expressions of events (see guard.go).
var (
	gCoref     = guardWords(corefNouns...)
	gSides     = guardWords("sides", "countries", "leaders", "ministers", "delegations", "they", "officials", "the two")
	gChair     = guardWords("chair")
	gPresided  = guardWords("presided")
	gLed       = guardWords(ledWords...)
	gHeld      = guardWords("held", "hold", "met ", "convened", "took place")
	gSidelines = guardWords("sidelines", "margins")
	gNext      = guardWords("next")
	gNextB     = guardWords("held", "hold", "host", "conven", "take place", "meet", "organi")
	gDiscuss   = guardWords("discuss", "exchange", "focus", "situation", "talked about", "reviewed", "agenda", "briefed", "concern", "issue")
	gHere      = guardWords("here")
	gCapital   = guardWords("capital")
	gAgreed    = guardWords("agreed")
)

// ledWords guard reLed.
var ledWords = []string{"led", "head", "lead"}

// hasLed is reLed.MatchString behind a guard, for a clause.
func hasLed(text string) bool {
	return hasAny(strings.ToLower(text), ledWords...) && reLed.MatchString(text)
}

// findCapital is reCapital.FindStringSubmatch of a sentence behind a guard.
func findCapital(s *sentence) []string {
	if !s.has(gCapital) {
		return nil
	}
	return reCapital.FindStringSubmatch(s.text)
}

// corefNouns guard reCoref: every match ends with one of them.
var corefNouns = []string{"meeting", "talks", "dialogue", "consultations", "session", "visit", "call", "conversation", "working group",
	"commission", "committee", "summit", "symposium", "conference", "forum", "event", "round", "discussions", "ceremony", "gathering",
	"negotiations", "exchange", "document", "agreement", "accord", "memorandum", "treaty", "deal", "trip", "lunch", "dinner", "retreat"}

// findAgreed is reAgreed.FindAllStringSubmatch of a sentence behind a guard.
func findAgreed(s *sentence) [][]string {
	if !s.has(gAgreed) {
		return nil
	}
	return reAgreed.FindAllStringSubmatch(s.text, -1)
}

// findDiscuss is reDiscuss.FindStringIndex of a sentence behind a guard.
func findDiscuss(s *sentence) []int {
	if !s.has(gDiscuss) {
		return nil
	}
	return reDiscuss.FindStringIndex(s.text)
}

// hasHere is reHere.MatchString of a sentence behind a guard.
func hasHere(s *sentence) bool {
	return s.has(gHere) && reHere.MatchString(s.text)
}

// senderWords name what an absent person sends: "the greetings of King
// Salman", "a message from President X", "on behalf of".
var senderWords = map[string]bool{"message": true, "messages": true, "greetings": true, "letter": true, "behalf": true, "regards": true, "wishes": true}

// sentBy reports whether the person of pm is named as the sender of a
// message or greetings, looking back through a list of senders ("the
// greetings of King A and Crown Prince B") but not past the clause's
// recipient ("to"), the agent of a passive ("signed on behalf of Oman
// by X": X is there) or a verb of meeting.
func sentBy(s *sentence, pm *personMention) bool {
	for k := pm.i - 1; k >= 0 && k >= pm.i-25; k-- {
		switch key := s.toks[k].key; {
		case senderWords[key]:
			return true
		case key == "to" || key == "by" || key == ";" || key == "received" || key == "met" || key == "welcomed" || key == "hosted":
			return false
		}
	}
	return false
}

// attendedNotChaired reports whether the nearest verb of role before the
// person of pm is one of attendance: in "chaired by A and attended by B
// and C", B and C attended.
func attendedNotChaired(s *sentence, pm *personMention) bool {
	for k := pm.i - 1; k >= 0 && k >= pm.i-30; k-- {
		switch key := s.toks[k].key; {
		case key == "attended" || key == "joined" || key == "attending":
			return true
		case strings.Contains(key, "chair") || key == "presided" || key == "led" || key == "headed" || key == ";":
			return false
		}
	}
	return false
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
