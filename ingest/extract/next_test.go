package extract

import (
	"strings"
	"testing"
)

// TestSuccessorNamedOtherwise checks that the round after the current one
// is its next meeting even when the text names the mechanism by an
// acronym that alone would mean another kind of body.
func TestSuccessorNamedOtherwise(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-03-03", Body: "KATHMANDU, 3 March -- The Fourth Meeting of the Nepal-Bangladesh Joint Consultative Commission (JCC) was held in Kathmandu today, co-chaired by the two foreign ministers.\n\n" +
		"The Fifth Meeting of the JCC will be held in Dhaka next year."})
	if len(r.Events) != 1 || r.Events[0].Ordinal != 4 {
		t.Fatalf("events %+v, want the fourth meeting", summarise(r))
	}
	e := r.Events[0]
	if e.Next == nil || !strings.Contains(string(e.Next.HeldIn), "dhaka") {
		t.Errorf("next meeting %+v, want one in Dhaka", e.Next)
	}
	if !strings.Contains(string(e.Series), "joint-commission") {
		t.Errorf("series %s, want a joint commission", e.Series)
	}
}

// Officials who met to convene a dialogue held it: it is no next meeting.
func TestMetToConvene(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chile and Norway held the High-Level Economic Dialogue in Santiago on 5 June 2025. " +
		"On June 10, senior officials from Chile and Norway met in Oslo to convene the Chile-Norway High-Level Economic Dialogue."})
	found := false
	for _, e := range r.Events {
		if e.Date == "2025-06-10" && e.HeldIn == "place:nor/oslo" {
			found = true
		}
	}
	if !found {
		t.Errorf("events %+v, want the dialogue held in Oslo on 10 June", summarise(r))
	}
}
