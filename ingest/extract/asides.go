package extract

import "sort"

// asidePlaces gives a meeting on the sidelines that names no place the
// place of the sidelines meeting told just before it with a side in
// common, on the same day or an unsaid one: "In Jakarta, she held talks
// with A and B. She also held separate meetings with C and D." met C and
// D in Jakarta too, not in the city of the report's dateline.
func (d *doc) asidePlaces() {
	byText := append([]*event(nil), d.events...)
	sort.SliceStable(byText, func(i, j int) bool { return byText[i].sents[0].idx < byText[j].sents[0].idx })
	var last *event
	for _, e := range byText {
		if !e.bilateralAside || e.kind == "call" || e.earlier {
			continue
		}
		if e.place == nil && e.placeCtry == "" && last != nil && sharesCountry(last, e) && (e.date == "" || last.date == "" || e.date == last.date) {
			e.place = last.place
		}
		if e.place != nil {
			last = e
		}
	}
}

// sharesCountry reports whether a and b have a country in common.
func sharesCountry(a, b *event) bool {
	for _, c := range a.countries {
		if b.hasCountry(c) {
			return true
		}
	}
	return false
}

// bare reports whether e has nothing but its sides and kind: no date,
// place, ordinal or people. The text tells no event then, only that the
// sides meet or have met ("the two countries hold regular
// consultations", "India and Pakistan have held talks before"), and
// GUIDE.md counts a mention as an event only with one of those.
func bare(e *event) bool {
	return e.date == "" && e.weekday == "" && e.place == nil && e.placeCtry == "" && e.ordinal == 0 && len(e.roles) == 0
}

// heldElsewhere reports whether the text places e in a country other
// than the dateline's ("met on the sidelines of the meeting in
// Indonesia", reported from Ankara): the dateline's city is then only
// where the report was written.
func (d *doc) heldElsewhere(e *event) bool {
	if d.dateline == nil {
		return false
	}
	if c := d.placeCountry(e); c != "" {
		return c != d.dateline.Country
	}
	s := e.sents[0]
	for _, c := range s.cref {
		if !c.demonym && !c.compound && c.tok > 0 && s.toks[c.tok-1].key == "in" && c.iso3 != d.dateline.Country {
			return true
		}
	}
	return false
}
