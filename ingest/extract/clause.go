package extract

import "strings"

// Tense and modality are read per clause and per event word: a future cue
// makes an event planned only when it governs the event word, not when it
// belongs to another clause, a quote or another noun ("During a phone call
// they discussed the summit proposed by Chile": the call took place).

// subordinators open a clause that says something beside the main one.
var subordinators = map[string]bool{"who": true, "which": true, "where": true, "whose": true, "when": true,
	"after": true, "as": true, "while": true, "whereas": true, "although": true, "though": true, "because": true,
	"since": true, "if": true, "once": true, "until": true, "before": true}

// modifierCues are future cues that qualify the noun next to them
// ("the upcoming summit", "the visit planned for May"), not a clause.
var modifierCues = map[string]bool{"upcoming": true, "planned": true, "proposed": true, "next": true}

// agentCues are future cues whose subject is a person or a side, never
// an event: what follows them is another gathering than one named before.
var agentCues = map[string]bool{"agreed": true, "decided": true, "plans": true, "plan": true, "planning": true,
	"looking": true, "work": true, "working": true}

// plannedAt reports whether a future cue of the sentence governs the event
// word spanning tokens [ti, tj): a cue qualifying the event word itself, a
// cue in the clause before it ("X will visit", "X is expected to hold
// talks") that no subordinate clause or quote sets apart, or the predicate
// right after it ("the talks will be held").
func plannedAt(s *sentence, ti, tj int) bool {
	if ti < 0 {
		return false
	}
	if headlineFuture(s, ti) {
		return true
	}
	if !s.planned {
		return false
	}
	for _, m := range rePlanned.FindAllStringSubmatchIndex(s.text, -1) {
		k := tokenAt(s, m[0])
		if k < 0 {
			continue
		}
		cue := strings.ToLower(s.text[m[0]:m[1]])
		first, _, _ := strings.Cut(cue, " ")
		predicate := k > 0 && isAux(s.toks[k-1].key) // "is planned for May"
		switch {
		case k > tj && relativeOf(s, tj, k):
			return true // "the visit, which is planned for May,"
		case modifierCues[first] && k+1 < len(s.toks) && strings.HasSuffix(s.toks[k+1].key, "ing") && k < ti:
			if !boundaryBetween(s, k, ti) {
				return true // "proposed holding a forum"
			}
		case modifierCues[first] && !strings.HasPrefix(cue, "next ") && !predicate:
			if k >= ti-3 && k < ti || k == tj || k == tj+1 && s.toks[tj].key == "," {
				return true // "the proposed visit", "the visit proposed by"
			}
		case strings.HasPrefix(cue, "next "):
			if k >= ti-3 && k < tj {
				return true
			}
		case strings.HasPrefix(cue, "later this"):
			if !boundaryBetween(s, k, ti) {
				return true
			}
		case k < ti:
			if !boundaryBetween(s, k, ti) && !sideClause(s, k) && !inQuote(s, k, ti) {
				return true
			}
		case k > tj && agentCues[first]:
			// "held talks and agreed to meet again": the people agree,
			// of another meeting
		default:
			if k-tj <= 15 && !verbBetween(s, tj, k) && !boundaryBetween(s, tj, k) && !inQuote(s, k, ti) && !participleBetween(s, tj, k) {
				return true // "the talks will be held", "a visit is expected"
			}
		}
	}
	return false
}

// tokenAt is the index of the token that begins at or after byte at.
func tokenAt(s *sentence, at int) int {
	for k, t := range s.toks {
		if t.start >= at {
			return k
		}
	}
	return -1
}

// boundaryBetween reports whether a clause boundary (";", ":", a
// subordinator after a comma, "but") lies between tokens a and b.
func boundaryBetween(s *sentence, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a + 1; k < b; k++ {
		switch key := s.toks[k].key; {
		case key == ";" || key == ":" || key == "but":
			return true
		case key == "," && k+1 < len(s.toks) && (subordinators[s.toks[k+1].key]):
			return true // ", which ...", ", saying ..."
		case subordinators[key] && key != "as" && key != "before" && key != "after" && key != "since":
			return true
		}
	}
	return false
}

// sideClause reports whether token k lies in a clause set off by commas
// that a subordinator opens: ", who will meet again in May,".
func sideClause(s *sentence, k int) bool {
	for j := k - 1; j >= 0; j-- {
		switch key := s.toks[j].key; {
		case key == "," || key == ";":
			return j+1 < len(s.toks) && subordinators[s.toks[j+1].key]
		case subordinators[key] && j == 0:
			return true
		}
	}
	return false
}

// inQuote reports whether token k is inside a quotation that does not
// also hold token t.
func inQuote(s *sentence, k, t int) bool {
	open := false
	for j := 0; j < len(s.toks) && j <= max(k, t); j++ {
		switch s.toks[j].text {
		case "\"", "“", "”":
			open = !open
		}
		if j == k && !open {
			return false
		}
	}
	// k is quoted; the event word shares the quote when no mark divides them
	a, b := min(k, t), max(k, t)
	for j := a; j <= b; j++ {
		switch s.toks[j].text {
		case "\"", "“", "”":
			return true
		}
	}
	return false
}

// verbBetween reports whether a verb other than an auxiliary stands
// between tokens a and b: "held talks and agreed to meet again".
func verbBetween(s *sentence, a, b int) bool {
	for k := a; k < b && k < len(s.toks); k++ {
		key := s.toks[k].key
		if pastVerb(key) || strings.HasSuffix(key, "ed") && !isAux(key) {
			return true
		}
	}
	return false
}

// relativeOf reports whether token k lies in a relative clause that opens
// right after the event word ending at tj: "the visit, which is planned
// for May".
func relativeOf(s *sentence, tj, k int) bool {
	if tj+1 >= len(s.toks) || s.toks[tj].key != "," || (s.toks[tj+1].key != "which" && s.toks[tj+1].key != "that") {
		return false
	}
	for j := tj + 2; j < k; j++ {
		if s.toks[j].key == "," || s.toks[j].key == ";" {
			return false
		}
	}
	return true
}

// relativeOfNonPerson reports whether the event word at token i is the
// verb of a relative clause ("who arrived", "who visited") whose
// antecedent is no person named in the sentence and no delegation: "the
// refugees who arrived in Armenia".
func relativeOfNonPerson(s *sentence, i int) bool {
	if i < 2 || s.toks[i-1].key != "who" {
		return false
	}
	a := i - 2
	if s.toks[a].key == "," && a > 0 {
		a--
	}
	if s.owned[a] {
		return false
	}
	switch s.toks[a].key {
	case "delegation", "delegations", "minister", "ministers", "president", "leaders", "officials", "envoy", "counterpart":
		return false
	}
	return true
}

// relativeClause reports whether token k lies in a relative clause set
// off by a comma (", who is on a visit to the US,"): an event word there
// says something of a person, and loses to one of the main clause.
func relativeClause(s *sentence, k int) bool {
	for j := k - 1; j > 0; j-- {
		switch s.toks[j].key {
		case "who", "which", "whose", "where":
			return s.toks[j-1].key == ","
		case ",", ";", ".":
			return false
		}
	}
	return false
}

// pluralEvents are the plural forms of event words.
var pluralEvents = map[string]bool{"meetings": true, "sessions": true, "rounds": true, "summits": true, "dialogues": true,
	"conferences": true, "forums": true, "fora": true, "symposia": true}

// genericPlural reports whether the plural event word at token i names
// gatherings in general ("at SCO ministerial meetings for two decades",
// "agreements reached at previous meetings"): only a verb of holding, a
// number or "separate" before it makes it particular ones.
func genericPlural(s *sentence, i int) bool {
	if !pluralEvents[s.toks[i].key] {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch key := s.toks[k].key; key {
		case "held", "hold", "holds", "holding", "had", "have", "has", "two", "three", "four", "five", "several", "separate", "series", "both", "the", "these", "those", "its", "their":
			return false
		case ",", ";", "at", "in", "of", "for", "previous", "such", "regular", "concluding", "future":
			return true
		default:
			if s.toks[k].isWord() && key[0] >= '0' && key[0] <= '9' {
				return false
			}
		}
	}
	return true
}

// processNouns are event words that also name a process or a means.
var processNouns = map[string]bool{"negotiations": true, "dialogue": true, "consultations": true, "consultation": true}

// abstractNoun reports whether the event word at token i names a process
// or a means, not a gathering: bare, after a preposition, a conjunction
// or a verb of furthering ("the conclusion of negotiations", "through
// dialogue", "a belief that dialogue is the only path", "expedite
// negotiations").
func abstractNoun(s *sentence, i int) bool {
	if !processNouns[s.toks[i].key] || i == 0 || s.toks[i].capitalized() {
		return false
	}
	switch s.toks[i-1].key {
	case "of", "through", "via", "for", "that", "by", "expedite", "continue", "resume", "promote", "encourage", "support",
		"favour", "favor", "advance", "pursue", "conclude", "and", "said", "says", "stressed", "noted", "believe", "believes", "added", "urged",
		"mutual", "constructive", "inclusive", "peaceful", "continued", "need":
		return true
	}
	return false
}

// participleBetween reports whether a participial clause (", saying ...")
// opens between tokens a and b.
func participleBetween(s *sentence, a, b int) bool {
	for k := a; k+1 < b && k+1 < len(s.toks); k++ {
		if s.toks[k].key == "," && strings.HasSuffix(s.toks[k+1].key, "ing") {
			return true
		}
	}
	return false
}

// headlineFuture reports whether a headline (a line without a full stop)
// announces the event word at token ti in the infinitive: "India, US to
// hold 2+2 dialogue on April 11", "Nigeria to host 8th session".
func headlineFuture(s *sentence, ti int) bool {
	if strings.HasSuffix(strings.TrimSpace(s.text), ".") {
		return false
	}
	for k := ti - 1; k >= 1 && k >= ti-5; k-- {
		if s.toks[k].key != "to" {
			continue
		}
		switch s.toks[k+1].key {
		case "hold", "host", "visit", "meet", "attend", "sign", "convene", "co-chair", "chair", "travel", "discuss":
			return s.toks[k-1].capitalized()
		}
	}
	return false
}

// personInOtherClause reports whether the person named at token k stands
// in an adverbial clause ("after", "before", "since", "because", "although")
// that follows the event word at token ti: what they did there is no part
// of the event.
func personInOtherClause(s *sentence, ti, k int) bool {
	if k <= ti {
		return false
	}
	for j := ti + 1; j < k; j++ {
		switch s.toks[j].key {
		case "after", "before", "since", "because", "although", "though", "whereas":
			// "after talks with X" names X's part in the event itself
			return j+1 < len(s.toks) && !sessionNouns[s.toks[j+1].key] && s.toks[j+1].key != "talks" && s.toks[j+1].key != "holding" && s.toks[j+1].key != "meeting"
		case ";":
			return true
		}
	}
	return false
}
