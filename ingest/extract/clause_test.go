package extract

import "testing"

// A future cue counts for the event word it governs only.
func TestPlannedAt(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"During a phone call on Monday, the two ministers discussed the summit proposed by Chile.", "phone", false},
		{"The ministers, who will meet again in May, held talks in Oslo on Monday.", "talks", false},
		{"The minister will visit Oslo next week.", "visit", true},
		{"Talks are expected to take place in Oslo next week.", "Talks", true},
		{"The two leaders held talks and agreed to meet again next year.", "talks", false},
		{"The proposed summit was discussed by the ministers.", "summit", true},
		{"The ministers held talks in Oslo, saying \"we will meet again soon\".", "talks", false},
		{"A summit between Chile and Norway is planned for May.", "summit", true},
		{"The visit, which is planned for May, will open a new chapter.", "visit", true},
		{"Also likely is a meeting between the Chilean and Norwegian ministers, though it is yet to be confirmed.", "meeting", true},
		{"An aide said a meeting of the two leaders was likely during the fair.", "meeting", true},
	} {
		d := x.newDoc(Input{Published: "2025-06-12", Body: c.text})
		s := d.sents[0]
		ti := -1
		for k, tk := range s.toks {
			if tk.text == c.word {
				ti = k
				break
			}
		}
		if got := plannedAt(s, ti, ti+1); got != c.want {
			t.Errorf("%q: planned at %q = %v, want %v", c.text, c.word, got, c.want)
		}
	}
}

// A call held while a proposed summit is discussed is an event.
func TestHeldCallAboutProposedSummit(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "The foreign ministers of Chile and Norway, during a telephone conversation on Tuesday, discussed the preparations for the summit proposed by the Chilean side."})
	if got := summarise(r); len(got) != 1 || got[0].kind != "call" {
		t.Errorf("events %+v, want the call", got)
	}
}

// Refugees who arrived somewhere make no visit.
func TestRelativeOfNonPerson(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Norwegian Foreign Minister Piet Dorn spoke about the refugees who arrived in Chile last autumn."})
	if got := summarise(r); len(got) != 0 {
		t.Errorf("events %+v, want none", got)
	}
}

// "proposed holding a forum": the forum is planned.
func TestProposedHolding(t *testing.T) {
	x := newTest(t)
	d := x.newDoc(Input{Body: "The president proposed holding a regional forum in the autumn."})
	s := d.sents[0]
	for k, tk := range s.toks {
		if tk.key == "forum" && !plannedAt(s, k, k+1) {
			t.Error("a proposed forum is not held")
		}
	}
}

// A process named by an event word is no gathering.
func TestAbstractNoun(t *testing.T) {
	x := newTest(t)
	for _, text := range []string{
		"Chilean Foreign Minister Anna Vell said dialogue was the only path to peace between Norway and Chile.",
		"Chile and Norway agreed to work towards an early conclusion of negotiations on a trade agreement.",
		"The foreign ministers of Chile and Norway noted the need for mutual dialogue",
	} {
		r := x.Extract(Input{Published: "2025-06-12", Body: text})
		if got := summarise(r); len(got) != 0 {
			t.Errorf("%q: events %+v, want none", text, got)
		}
	}
}

// A list of earlier rounds, one a line, gives one event per round between
// the sides of the report's own.
func TestListOfRounds(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "The 3rd Consultation between Chile and Norway was held in Oslo on 10 June 2025.\n" +
		"The 1st Consultation: May 19, 2019 Santiago\nThe 2nd Consultation: October 28, 2021 Oslo"})
	got := summarise(r)
	if len(got) != 3 || got[1].ordinal != 1 || got[1].date != "2019-05-19" || got[2].ordinal != 2 || got[2].countries != "CHL-NOR" {
		t.Errorf("events %+v, want the 3rd round and the two before", got)
	}
}

// What a side is to host, wishes or agreed to do, or what talks
// coordinate, is not held.
func TestNotYetHeld(t *testing.T) {
	x := newTest(t)
	for _, text := range []string{
		"Chile to host 8th session of the Chile-Norway Joint Commission in Santiago",
		"Chile, Norway to hold political consultations on April 11",
		"Chile has expressed the desire to host the 8th session of the Chile-Norway Joint Commission in Santiago.",
		"The Chilean and Norwegian presidents agreed to visit each other at least once a year in December 2019.",
		"The Chilean and Norwegian ministers stressed the need for concluding meetings of the working groups.",
	} {
		r := x.Extract(Input{Published: "2025-06-12", Body: text})
		if got := summarise(r); len(got) != 0 {
			t.Errorf("%q: events %+v, want none", text, got)
		}
	}
}
