package extract

import "testing"

// An earlier event the text gives a date, place or ordinal is an event of
// its own, however long before the report it took place, and it does not
// merge into the report's own event.
func TestEarlierEvent(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "The fifth round of consultations between Chile and Norway was held in Santiago on 11 June 2025. " +
		"The previous round took place in Oslo in March 2021."})
	got := summarise(r)
	if len(got) != 2 {
		t.Fatalf("events %+v, want the round and the previous one", got)
	}
	if got[1].date != "2021-03" || got[1].countries != got[0].countries || got[0].date != "2025-06-11" {
		t.Errorf("events %+v: the previous round should be March 2021 between the same sides", got)
	}
}

// An earlier event told with no other event before it is kept when its
// date sets it apart from the report's day.
func TestEarlierEventAlone(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Norway and Chile have little trade. " +
		"The Norwegian and Chilean foreign ministers last met in Oslo in 2019."})
	if got := summarise(r); len(got) != 1 || got[0].date != "2019" {
		t.Errorf("events %+v, want the 2019 meeting", got)
	}
}

// A document "signed last year" names the document; it tells of no
// signing.
func TestDocumentSignedIsNoEvent(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean Foreign Minister Anna Vell visited Norway on 11 June 2025 and met Norwegian Foreign Minister Piet Dorn. " +
		"They reviewed the trade agreement signed last year."})
	if got := summarise(r); len(got) != 1 {
		t.Errorf("events %+v, want only the visit", got)
	}
}

func TestDatesClash(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{{"2021", "2021-03-04", false}, {"2021-03", "2021-03-04", false}, {"2021-01", "2021-03-04", true}, {"2020", "2021", true}} {
		if got := datesClash(c.a, c.b); got != c.want {
			t.Errorf("datesClash(%s, %s) = %v", c.a, c.b, got)
		}
	}
}
