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

// An event dated well before the report is an earlier one, past cue or
// none, and takes the sides the report is about when it names none.
func TestDatedBeforeWithoutCue(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chile and Norway held the fifth round of consultations in Oslo on 11 June 2025. " +
		"Chilean and Norwegian diplomats praised the talks. " +
		"The first presidential meeting was held in October 2016."})
	got := summarise(r)
	if len(got) != 2 || got[1].date != "2016-10" || got[1].countries != "CHL-NOR" {
		t.Errorf("events %+v, want the round and the 2016 meeting of Chile and Norway", got)
	}
}

// A date in a relative or "since" clause, or beyond a comma, is not the
// event's: the sentence tells of the report's own event.
func TestDateOfAnotherClause(t *testing.T) {
	x := newTest(t)
	for _, text := range []string{
		"Norwegian President Piet Dorn, who took office in November 2024, was received by Chilean President Anna Vell in Santiago on 11 June 2025.",
		"It was the first meeting between Vell and Dorn since she took office in 2023.",
	} {
		r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean President Anna Vell met Norwegian President Piet Dorn in Santiago on 11 June 2025. " + text})
		if got := summarise(r); len(got) != 1 || got[0].date != "2025-06-11" {
			t.Errorf("%q: events %+v, want only the meeting of 11 June", text, got)
		}
	}
}

// Plural event words name particular gatherings only after a verb of
// holding, a number or a determiner.
func TestGenericPlural(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Lavrov has represented Moscow at ministerial meetings for two decades.", true},
		{"The ministers held separate meetings with the delegations.", false},
		{"He will attend the meetings of the committee.", false},
	} {
		d := x.newDoc(Input{Body: c.text})
		s := d.sents[0]
		for k, tk := range s.toks {
			if tk.key == "meetings" {
				if got := genericPlural(s, k); got != c.want {
					t.Errorf("%q: generic = %v, want %v", c.text, got, c.want)
				}
			}
		}
	}
}

// A session named only by its body's acronym, and a round called the
// previous one, are earlier events of their own.
func TestPreviousAndAcronym(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "", Body: "Chile and Norway held Foreign Office Consultations in Oslo on Monday. " +
		"The last FOCs were held in March 2021 in a virtual format."})
	if got := summarise(r); len(got) != 2 || got[1].date != "2021-03" {
		t.Errorf("events %+v, want the consultations and the FOCs of March 2021", got)
	}
	r = x.Extract(Input{Published: "", Body: "Chile and Norway held the second round of consultations in Oslo. " +
		"The previous round of consultations was held in Santiago on February 27."})
	if got := summarise(r); len(got) != 2 || got[1].place != "place:chl/santiago" {
		t.Errorf("events %+v, want the round in Oslo and the previous one in Santiago", got)
	}
}

// "last held talks during the conference", "following up on their
// meeting in Santiago": earlier encounters, kept apart from the call told.
func TestEarlierEncounter(t *testing.T) {
	x := newTest(t)
	for _, text := range []string{
		"Vell and Dorn last held talks in November during the Ocean Conference in Lisbon.",
		"Following up on their meeting in Lisbon on the sidelines of the ocean summit, the two leaders reviewed trade.",
	} {
		r := x.Extract(Input{Published: "", Body: "Chilean President Anna Vell and Norwegian Prime Minister Piet Dorn spoke by telephone on Wednesday. " + text})
		got := summarise(r)
		if len(got) != 2 || got[0].kind != "call" || got[1].place != "place:prt/lisbon" {
			t.Errorf("%q: events %+v, want the call and the encounter in Lisbon", text, got)
		}
	}
}
