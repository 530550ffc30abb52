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
