package extract

import "testing"

// A call whose sentence names one side only takes the other from the rest
// of the report.
func TestCounterpartFromContext(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chile wants to sell more copper to Norway. " +
		"Trade between Chile and Norway doubled last year. " +
		"On Tuesday, Chilean Foreign Minister Anna Vell spoke by telephone with her counterpart."})
	if got := summarise(r); len(got) != 1 || got[0].countries != "CHL-NOR" || got[0].kind != "call" {
		t.Errorf("events %+v, want a Chile-Norway call", got)
	}
}

// An event of one country with no one named, no round and no mechanism
// gets no counterpart: a bank's policy meeting is no diplomacy.
func TestNoCounterpartForNoOne(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chile sells copper to Norway and Norway sells fish to Chile. " +
		"The central bank of Chile is expected to keep rates on hold at its policy meeting in Santiago this week."})
	if got := summarise(r); len(got) != 0 {
		t.Errorf("events %+v, want none", got)
	}
}

// "called on" is a courtesy call only when a person follows.
func TestCalledOnNeedsPerson(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean Foreign Minister Anna Vell called on the international community to help Norway and Chile fight fires."})
	if got := summarise(r); len(got) != 0 {
		t.Errorf("events %+v, want none", got)
	}
}

// What "could be signed" during a visit is not signed.
func TestCouldBeSigned(t *testing.T) {
	x := newTest(t)
	d := x.newDoc(Input{Published: "2025-06-12", Body: "Officials said several agreements could be signed during the visit."})
	if !d.sents[0].planned {
		t.Error("a signing that could take place is not held")
	}
}

// A treaty named with the year it was signed tells of no signing.
func TestTreatySignedWhen(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chile and Norway are bound by the 1962 Treaty of Friendship, signed when both were young states."})
	if got := summarise(r); len(got) != 0 {
		t.Errorf("events %+v, want none", got)
	}
}
