package extract

import "testing"

// Meetings on the sidelines told after others held in a named city, with
// no place of their own, were held in that city, not in the city of the
// report's dateline; "held separate closed-door meetings with A, B and C"
// is one meeting with each.
func TestAsidePlaces(t *testing.T) {
	x := newTest(t)
	body := "LIMA\n\nChilean Foreign Minister Anna Vell met her counterparts on the sidelines of the regional forum on Friday.\n\n" +
		"In Quito, Vell separately held talks with Latvian Foreign Minister Ivo Berzins, Irish Foreign Minister Sean Kelly and Danish Foreign Minister Lars Holm.\n\n" +
		"Vell also held separate closed-door meetings with Ghanaian Foreign Minister Kofi Mensah, Swedish Foreign Minister Eva Lind and Kenyan Foreign Minister Amos Kibet."
	r := x.Extract(Input{Published: "2025-06-14", Body: body})
	n := 0
	for _, e := range summarise(r) {
		switch e.countries {
		case "CHL-GHA", "CHL-SWE", "CHL-KEN", "CHL-LVA", "CHL-IRL", "CHL-DNK":
			n++
			if e.place != "place:ecu/quito" {
				t.Errorf("meeting %+v held in %q, want place:ecu/quito", e, e.place)
			}
		}
	}
	if n != 6 {
		t.Errorf("%d meetings, want six: %+v", n, summarise(r))
	}
}
