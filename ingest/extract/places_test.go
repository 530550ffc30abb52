package extract

import (
	"testing"
)

func TestCityStateDateline(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		body, dateline, place, date string
	}{
		{"KUWAIT, Dec 10 (KUNA) -- The eighth session of the Kuwaiti-Jordanian Joint Higher Committee was held here yesterday.", "place:kwt/kuwait-city", "place:kwt/kuwait-city", "2024-12-09"},
		{"SINGAPORE, Dec 10 (Reuters) - Singapore and Malaysia held the fifth round of political consultations here yesterday.", "place:sgp/singapore", "place:sgp/singapore", "2024-12-09"},
		{"DOHA, Dec 10 (QNA) -- Qatar and Oman held political consultations here on Monday.", "place:qat/doha", "place:qat/doha", "2024-12-09"},
		{"Baku, December 10, APA. Azerbaijan and Kazakhstan held political consultations here on Monday.", "place:aze/baku", "place:aze/baku", "2024-12-09"},
		{"PRESS RELEASE\n\nNairobi, 10th December 2024\n\nKenya and Zambia held political consultations here on Monday.", "place:ken/nairobi", "place:ken/nairobi", "2024-12-09"},
	} {
		r := x.Extract(Input{Published: "2024-12-10", Body: c.body})
		if string(r.Report.Dateline) != c.dateline {
			t.Errorf("%q: dateline %q, want %q", c.body, r.Report.Dateline, c.dateline)
		}
		if len(r.Events) != 1 || string(r.Events[0].HeldIn) != c.place || r.Events[0].Date != c.date {
			t.Errorf("%q: events %+v, want one in %s on %s", c.body, summarise(r), c.place, c.date)
		}
	}
}

func TestVenuePlace(t *testing.T) {
	x := newTest(t)
	// the event sentence names a building only: the dateline's city, not a
	// city of a background sentence
	r := x.Extract(Input{Published: "2025-05-16", Body: "BUENOS AIRES (special correspondent) — Uruguayan President Yamandú Orsi was received by Argentine President Javier Milei at the Casa Rosada on Thursday, on his first official visit to Argentina.\n\n" +
		"Relations between the two countries were troubled by a dispute that ended up before the International Court of Justice in The Hague.\n\n" +
		"Argentine tourists account for more than half of the visitors who arrive in Punta del Este each summer."})
	if len(r.Events) != 1 || string(r.Events[0].HeldIn) != "place:arg/buenos-aires" {
		t.Errorf("events %+v, want one held in Buenos Aires", summarise(r))
	}
}

// Places given as "the X capital Y", in a list's line after the year, or
// only as a country.
func TestPlaceForms(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct{ text, want string }{
		{"Chile and Norway held consultations in the Norwegian capital Oslo on Monday.", "place:nor/oslo"},
		{"On Monday, Oslo hosted consultations between Chile and Norway.", "place:nor/oslo"},
		{"The 3rd Consultation between Chile and Norway: May 19, 2019 Oslo", "place:nor/oslo"},
		{"Chilean Foreign Minister Anna Vell visited Norway on Monday and met Norwegian Foreign Minister Piet Dorn.", "country:NOR"},
	} {
		r := x.Extract(Input{Published: "2025-06-12", Body: c.text})
		if len(r.Events) != 1 || string(r.Events[0].HeldIn) != c.want {
			t.Errorf("%q: events %+v, want one held in %s", c.text, summarise(r), c.want)
		}
	}
}

// An earlier visit told in the background of a present meeting is held in
// the country visited when no city is named.
func TestEarlierVisitCountry(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "OSLO, June 12 — Chilean Foreign Minister Anna Vell met Norwegian Foreign Minister Piet Dorn in Oslo on Thursday.\n\n" +
		"Dorn visited Chile in March 2024."})
	found := false
	for _, e := range summarise(r) {
		if e.kind == "visit" {
			found = true
			if e.place != "country:CHL" {
				t.Errorf("earlier visit held in %q, want country:CHL", e.place)
			}
		}
	}
	if !found {
		t.Errorf("events %+v, want an earlier visit to Chile", summarise(r))
	}
}

// A country named as the place in a later sentence of the same meeting.
func TestLaterSentenceCountry(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean Foreign Minister Anna Vell met Norwegian Foreign Minister Piet Dorn on Monday.\n\n" +
		"The two ministers held talks in Norway on trade."})
	if len(r.Events) != 1 || string(r.Events[0].HeldIn) != "country:NOR" {
		t.Errorf("events %+v, want one held in country:NOR", summarise(r))
	}
}
