package extract

import (
	"sort"
)

// Stage 5: settling each event: countries from people, hosts and places,
// kinds from who took part, events with fewer than two sides dropped.

// finish settles each event: countries from its people, hosts and place,
// multilateral meetings as conferences, leaders' meetings as summits, and
// drops events that do not involve two countries.
func (d *doc) finish() {
	d.asidePlaces()
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
			if e.place == nil && d.dateline != nil && e.hasCountry(d.dateline.Country) && (e.kind != "visit" || e.venue || hostedBy(e, d.dateline.Country)) && !d.heldElsewhere(e) {
				e.place = d.dateline // a visit reported from the host's city, or at a venue there
			}
		}
		if e.place == nil && e.placeCtry == "" && e.kind != "call" && (!e.earlier || e.kind == "visit" && len(e.hosts) > 0) {
			e.placeCtry = d.placeCountry(e) // "visited Ghana", "met in Saudi Arabia": no city named
		}
		if e.place == nil && e.placeCtry == "" && e.bilateralAside && e.kind != "call" && d.dateline != nil && !e.earlier && !d.heldElsewhere(e) {
			e.place = d.dateline // on the sidelines of a gathering in the dateline's city
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
		if e.place != nil && e.kind != "conference" && len(e.countries) >= 1 && !e.hasCountry(e.place.Country) && len(e.countries) < 2 && !withOrgOfficial(e) {
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
		if len(e.countries) == 0 && (e.earlier || e.ordinal != 0 || e.mech != "") {
			// "The first presidential-level meeting was held in October
			// 2016": between the two sides the report is about
			for _, c := range d.mainPair() {
				e.addCountry(c)
			}
		}
		d.orgSide(e)
		if len(e.countries) == 1 && !withOrgOfficial(e) {
			if c := d.counterpart(e); c != "" {
				e.addCountry(c)
			}
		}
		if e.kind == "conference" && len(e.countries) == 0 && e.place != nil && e.ordinal != 0 {
			e.addCountry(e.place.Country) // "the 58th ASEAN Foreign Ministers' Meeting was held in Kuala Lumpur": its host
		}
		if len(e.countries) < 2 && !(len(e.countries) == 1 && e.kind == "conference" && e.ordinal != 0) && !withOrgOfficial(e) {
			continue // a gathering of many may name only one of its members: "the 58th ministerial meeting, opened by Malaysia's PM"
		}
		if e.kind == "meeting" && len(e.countries) == 3 {
			// a trilateral meeting is a gathering of many (GUIDE.md),
			// of its series still: "the 10th Trilateral Consultation"
			e.kind, e.cameo = "conference", "040"
		} else if e.kind == "conference" || len(e.countries) > 3 {
			e.mech, e.subject = "", ""
		}
		if e.weekday == "-" {
			e.weekday = ""
		}
		if bare(e) {
			continue
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
	kept = d.hostGatherings(kept)
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

// placeCountry is where an event took place when the text names a country
// and no city: the host of a visit, or a country named after "in" in the
// sentence of its event word that took part in it.
func (d *doc) placeCountry(e *event) string {
	if e.kind == "visit" && len(e.hosts) > 0 {
		return e.hosts[0]
	}
	for k, s := range e.sents {
		for _, c := range s.cref {
			if c.demonym || c.compound || c.tok == 0 || s.toks[c.tok-1].key != "in" {
				continue
			}
			if e.hasCountry(c.iso3) || k == 0 && (e.kind == "conference" || e.kind == "summit") {
				return c.iso3 // a gathering: only where its own sentence says
			}
		}
	}
	return ""
}
