package extract

import "regexp"

// Meetings and calls with the officials of international organisations:
// one country's people meet an organisation's official, who has no
// country ("she met the EU's foreign policy chief"). GUIDE.md keeps such
// an event with its one country.

// orgOfficial reports whether p is an organisation's official with no
// country of their own.
func orgOfficial(p *person) bool { return p.org != nil && p.finalCountry() == "" }

// orgEncounter reports whether the sentence tells of a separate meeting
// or call of e's people with an organisation's official: "Separately, X
// met with EU foreign policy chief Y".
func orgEncounter(e *event, s *sentence) bool {
	if e.kind != "meeting" && e.kind != "call" || len(e.countries) > 1 || e.ordinal != 0 || e.mech != "" {
		return false
	}
	org := false
	for p := range e.roles {
		if orgOfficial(p) || p.finalCountry() == "" && orgBefore(s, p) {
			org = true
		}
	}
	return org && len(e.roles) >= 2 && reSeparately.MatchString(s.text)
}

// orgBefore reports whether an organisation is named in the few words
// before p's name in the sentence, its office between them ("EU foreign
// policy chief Y"), and marks p as its official.
func orgBefore(s *sentence, p *person) bool {
	for _, pm := range s.persons {
		if pm.p != p {
			continue
		}
		for _, m := range s.ments {
			if m.j > pm.i || m.i < pm.i-6 {
				continue
			}
			if en, ok := m.first(lexOrg); ok {
				for k := m.j; k < pm.i; k++ {
					if s.toks[k].key == "," || s.toks[k].key == "and" {
						return false
					}
				}
				p.org = en.org
				return true
			}
		}
	}
	return false
}

// reSeparately marks an encounter told apart from those before it.
var reSeparately = regexp.MustCompile(`(?i)^(?:separately|in a separate (?:meeting|call|conversation))\b|\b(?:separately|also) (?:met|held talks|spoke)\b`)

// orgSide gives an event of one organisation's official and people of
// no stated country the report's own country: the publisher's officials
// are named without their nationality.
func (d *doc) orgSide(e *event) {
	if len(e.countries) != 0 || d.home == "" || e.kind != "meeting" && e.kind != "call" {
		return
	}
	org, other := false, false
	for p := range e.roles {
		if orgOfficial(p) {
			org = true
		} else if p.finalCountry() == "" {
			other = true
		}
	}
	if org && other {
		e.addCountry(d.home)
	}
}

// withOrgOfficial reports whether e is a meeting or call of one
// country's people with an organisation's official.
func withOrgOfficial(e *event) bool {
	if len(e.countries) != 1 || e.kind != "meeting" && e.kind != "call" {
		return false
	}
	org, other := false, false
	for p := range e.roles {
		switch {
		case orgOfficial(p):
			org = true
		case p.finalCountry() == e.countries[0] || p.finalCountry() == "":
			other = true
		}
	}
	return org && other
}
