package extract

import (
	"sort"
	"strings"
	"testing"
)

// One side meeting several others in one sentence is one meeting with
// each.
func TestSeveralEncounters(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "On Tuesday, Chilean Foreign Minister Anna Vell met Norwegian Foreign Minister Piet Dorn, " +
		"Peruvian Foreign Minister Luis Salas and Kenyan Foreign Minister Amos Kibet on the sidelines of the assembly in Geneva."})
	got := summarise(r)
	want := map[string]bool{"CHL-NOR": true, "CHL-PER": true, "CHL-KEN": true}
	if len(got) != 4 || got[3].kind != "conference" {
		t.Fatalf("events %+v, want three meetings and the assembly", got)
	}
	for _, e := range got[:3] {
		if !want[e.countries] {
			t.Errorf("unexpected meeting %+v", e)
		}
	}
}

// A gathering named as a noun and attended by many stays one event, and
// the stops of a tour named in another clause are not met there.
func TestNoSplit(t *testing.T) {
	x := newTest(t)
	for _, text := range []string{
		"The meeting in Geneva on Tuesday was attended by Chilean Foreign Minister Anna Vell, Norwegian Foreign Minister Piet Dorn and Peruvian Foreign Minister Luis Salas.",
		"Chilean Foreign Minister Anna Vell held talks with Norwegian Foreign Minister Piet Dorn in Oslo on Tuesday, as she began a tour of Norway, Peru and Kenya.",
	} {
		r := x.Extract(Input{Published: "2025-06-12", Body: text})
		if got := summarise(r); len(got) != 1 {
			t.Errorf("%q: events %+v, want one", text, got)
		}
	}
}

// An ordinal after a person's possessive or before a span of time counts
// encounters; it numbers no round.
func TestCountOrdinal(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		text string
		want int
	}{
		{"It was his first visit to Norway.", 0},
		{"It was the second meeting between the two ministers within a month.", 0},
		{"The commission held its third session in Oslo.", 3},
	} {
		d := x.newDoc(Input{Body: c.text})
		got := 0
		for k := range d.sents[0].toks {
			if n := x.ordinalAt(d.sents[0], k); n > 0 {
				got = n
			}
		}
		if got != c.want {
			t.Errorf("%q: ordinal %d, want %d", c.text, got, c.want)
		}
	}
}

// A visit told in a relative clause leaves the encounters of the main
// clause; a convention on something is a treaty.
func TestTriggerRank(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean Foreign Minister Anna Vell, who is on a visit to Switzerland, met Norwegian Foreign Minister Piet Dorn " +
		"and Peruvian Foreign Minister Luis Salas and Kenyan Foreign Minister Amos Kibet in Geneva on Tuesday."})
	if got := summarise(r); len(got) != 3 {
		t.Errorf("events %+v, want three meetings", got)
	}
	d := x.newDoc(Input{Body: "They stressed the United Nations Convention on the Law of the Sea."})
	if tr, _, ok := x.findTrigger(d.sents[0]); ok {
		t.Errorf("trigger %+v in a treaty's name", tr)
	}
}

// Meetings on the sidelines take the dateline's city when no other place
// is named, and a visitor's encounters are meetings.
func TestEncountersPlace(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "GENEVA (Wire) - Chilean Foreign Minister Anna Vell, who is on a visit to Switzerland, met Norwegian Foreign Minister Piet Dorn " +
		"and Peruvian Foreign Minister Luis Salas on the sidelines of the Ocean Assembly on Tuesday."})
	got := summarise(r)
	if len(got) < 2 || got[0].kind != "meeting" || got[0].place != "place:che/geneva" {
		t.Errorf("events %+v, want meetings in Geneva", got)
	}
}

// "He is meeting A, B and C": the side that meets them is the one the
// sentence before named.
func TestEncountersSubjectBefore(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean Foreign Minister Anna Vell arrived in Geneva on Monday. " +
		"She is meeting Norwegian Foreign Minister Piet Dorn, Peruvian Foreign Minister Luis Salas and Kenyan Foreign Minister Amos Kibet."})
	n := 0
	for _, e := range summarise(r) {
		if e.countries == "CHL-NOR" || e.countries == "CHL-PER" || e.countries == "CHL-KEN" {
			n++
		}
	}
	if n != 3 {
		t.Errorf("events %+v, want three meetings of Chile", summarise(r))
	}
}

// A minister's meetings with the counterparts of a list ("held meetings
// with his Latvian, Irish and Danish counterparts") are one meeting with
// each, even when the event first took the nearest country only; two
// sides met in "bilateral talks" are two meetings, not one of three.
func TestListedCounterparts(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Chilean Foreign Minister Anna Vell held meetings with her Latvian, Irish and Danish counterparts in Lisbon on Tuesday.",
			[]string{"CHL-DNK", "CHL-IRL", "CHL-LVA"}},
		{"On Wednesday, Chilean Foreign Minister Anna Vell continued bilateral talks with colleagues from Ghana and Sweden.",
			[]string{"CHL-GHA", "CHL-SWE"}},
	} {
		r := x.Extract(Input{Published: "2025-06-12", Body: c.text})
		var got []string
		for _, e := range summarise(r) {
			got = append(got, e.countries)
		}
		sort.Strings(got)
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%q: events %v, want %v", c.text, got, c.want)
		}
	}
}
