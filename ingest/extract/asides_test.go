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

// A mention that gives the sides and nothing else (no date, place,
// ordinal or people) is no event; one with a day is.
func TestBareMention(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		text string
		want int
	}{
		{"Chile and Peru hold regular consultations on fisheries.", 0},
		{"Relations between Chile and Peru were discussed at the meeting.", 0},
		{"Chile and Peru held talks on fisheries on Tuesday.", 1},
	} {
		r := x.Extract(Input{Published: "2025-06-12", Body: c.text})
		if got := summarise(r); len(got) != c.want {
			t.Errorf("%q: events %+v, want %d", c.text, got, c.want)
		}
	}
}

// A report written in one country about meetings on the sidelines of a
// gathering in another does not place them in its dateline's city: the
// city named for the other meetings there is their place.
func TestDatelineElsewhere(t *testing.T) {
	x := newTest(t)
	body := "SANTIAGO (Reuters) - Chilean Foreign Minister Anna Vell met Peruvian Foreign Minister Luis Salas on the sidelines of the Pacific Alliance meeting in Ecuador on Friday.\n\n" +
		"In Quito, Vell held separate talks with Latvian Foreign Minister Ivo Berzins, Irish Foreign Minister Sean Kelly and Danish Foreign Minister Lars Holm."
	r := x.Extract(Input{Published: "2025-06-14", Body: body})
	for _, e := range summarise(r) {
		if e.place == "place:chl/santiago" {
			t.Errorf("event %+v placed in the dateline's city", e)
		}
	}
	if len(summarise(r)) < 5 {
		t.Errorf("events %+v, want the four meetings and the gathering", summarise(r))
	}
}
