package extract

import "testing"

// A separate meeting of a minister with an organisation's official is
// an event of its own with the minister's country alone: it is neither
// folded into the meeting told before nor given a counterpart country.
func TestOrgEncounter(t *testing.T) {
	x := newTest(t)
	body := "Chilean Foreign Minister Anna Vell met Peruvian Foreign Minister Luis Salas in Lima on Tuesday.\n\n" +
		"Separately, Vell met with EU foreign policy chief Marta Rossi."
	r := x.Extract(Input{Published: "2025-06-12", Body: body})
	got := summarise(r)
	found := false
	for _, e := range got {
		if e.countries == "CHL" && e.kind == "meeting" {
			found = true
		}
	}
	if len(got) != 2 || !found {
		t.Errorf("events %+v, want the meeting with Peru and one of Chile alone with the EU's official", got)
	}
}
