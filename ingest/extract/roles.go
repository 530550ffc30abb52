package extract

// Stage "roles": the part each person plays in an event, beyond what
// roleOf (eventroles.go) reads from the clause that names them. reporter
// leaves out people who only tell of the event; lesserRole reads who led
// their sides; settleRoles makes one chair per side co-chairs once the
// event is assembled.

import (
	"strings"
)

// reporterWords in a title say that its holder tells of events rather
// than takes part: a spokesperson, a press or media aide, an analyst.
var reporterWords = []string{"spokes", "press secretary", "press attach", "on media", "media and publicity", "media adviser",
	"media advisor", "media aide", "communications director", "director of communications",
	// and those quoted on it from outside
	"analyst", "professor", "researcher", "research fellow", "senior fellow", "scholar", "correspondent", "journalist", "commentator"}

// reporter reports whether the person tells of an event for others rather
// than taking part: "Foreign Ministry spokesperson X said", "the Senior
// Special Assistant on Media and Publicity, X, disclosed this".
func reporter(p *person) bool {
	t := strings.ToLower(p.title)
	for _, w := range reporterWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// sideLed are the words after "led their [respective]" that name the
// sides they led: "A and B led their respective sides".
var sideLed = map[string]bool{"sides": true, "side": true, "teams": true, "delegations": true, "delegation": true}

// lesserRole is the role of a person for whom roleOf found none stronger
// than a participant's: a delegation head where the clause text names
// them as heading a side ("A and his counterpart B led their respective
// sides", "the Kenyan side was represented by C"), else a participant.
func lesserRole(s *sentence, pm *personMention, text string) string {
	// "led/headed their (respective) sides", after the person
	for k := pm.j; k+2 < len(s.toks); k++ {
		switch s.toks[k].key {
		case "led", "headed", "lead", "leading", "heading":
		default:
			continue
		}
		n := k + 1
		if s.toks[n].key != "their" && s.toks[n].key != "his" && s.toks[n].key != "her" {
			continue
		}
		n++
		if n < len(s.toks) && s.toks[n].key == "respective" {
			n++
		}
		if n < len(s.toks) && sideLed[s.toks[n].key] {
			return "delegation_head"
		}
	}
	// "represented by X", right before the person (and the title)
	if k := pm.i - 1; k >= 1 {
		for k > 0 && s.owned[k] {
			k--
		}
		if s.toks[k].key == "by" && s.toks[k-1].key == "represented" && strings.Contains(strings.ToLower(text), "represented by") {
			return "delegation_head"
		}
	}
	return "participant"
}

// settleRoles makes the chairs of an event co-chairs when there are two
// or more: a sole chair is the only chair, and one chair for each side is
// a co-chair ("the meeting was chaired by A and B").
func (d *doc) settleRoles() {
	for _, e := range d.events {
		chairs := 0
		for _, r := range e.roles {
			if r == "chair" {
				chairs++
			}
		}
		if chairs < 2 {
			continue
		}
		for p, r := range e.roles {
			if r == "chair" {
				e.roles[p] = "co_chair"
			}
		}
	}
}
