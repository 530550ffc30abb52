package extract

import "testing"

// A sentence joining two dated events with "and" tells of both, each on
// its own day, apart from the report's own event.
func TestCoordinatedEvents(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean Foreign Minister Anna Vell arrived in Oslo on Thursday for talks with Norwegian Foreign Minister Piet Dorn. " +
		"Vell visited Norway in January this year and the two foreign ministers also met on 20th May on the sidelines of the ocean conference in Lisbon."})
	got := summarise(r)
	if len(got) != 3 || got[1].date != "2025-01" || got[1].kind != "visit" || got[2].date != "2025-05-20" || got[2].place != "place:prt/lisbon" {
		t.Errorf("events %+v, want the visit of June, the visit of January and the meeting of 20 May in Lisbon", got)
	}
}
