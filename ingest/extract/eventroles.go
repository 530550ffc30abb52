package extract

import (
	"strings"
)

// Stage 3: the role a person named with an event played in it.

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
	case e.mech != "" && speakingAt(s) && near(s, pm, "said", "stressed", "noted"):
		return "speaker" // "Speaking at the joint commission's session, X said"
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
		case "reached", "agreed", "initiated", "proposed", "launched", "endorsed", "announced":
			return true
		}
	case "to":
		return prev == "addressed" // "a letter addressed to President X"
	case "of", "between":
		switch prev {
		case "leadership", "guidance", "instructions", "instruction", "directives", "directions", "direction", "solicitude", "patronage", "interest", "initiative", "vision", "understandings", "consensus", "agreements":
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

// speakingAt reports whether the sentence opens with "Speaking at" or
// "Speaking Monday during": its speaker addressed the event.
func speakingAt(s *sentence) bool {
	if len(s.toks) == 0 || s.toks[0].key != "speaking" {
		return false
	}
	for k := 1; k < len(s.toks) && k < 5; k++ {
		switch s.toks[k].key {
		case "at", "during":
			return true
		case ",":
			return false
		}
	}
	return false
}
