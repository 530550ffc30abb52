package extract

import (
	"strings"
	"testing"
)

func TestNotHeld(t *testing.T) {
	x := newTest(t)
	for _, body := range []string{
		"The 11th session of the South Africa-Nigeria Bi-National Commission, which was due to open in Abuja on Tuesday, has been postponed, the ministry said on Monday.",
		"A preparatory meeting of South African and Nigerian senior officials that was scheduled for Monday in Abuja has also been called off.",
		"The visit of Egyptian Foreign Minister Badr Abdelatty to Greece was cancelled at the last minute.",
		"China supports South Africa in hosting a successful summit in Johannesburg.",
	} {
		if r := x.Extract(Input{Published: "2025-03-17", Body: body}); len(r.Events) != 0 {
			t.Errorf("%q: events %+v, want none", body, summarise(r))
		}
	}
	// a meeting called off in another clause is another meeting
	if r := x.Extract(Input{Published: "2025-02-12", Body: "Chinese Foreign Minister Wang Yi met Hungarian Foreign Minister Peter Szijjarto in Beijing on Tuesday after an earlier meeting was cancelled."}); len(r.Events) != 1 {
		t.Errorf("events %+v, want the meeting", summarise(r))
	}
	// one who is expected to attend is not there
	r := x.Extract(Input{Published: "2025-03-17", Body: "Peru and Brazil held the second round of their Strategic Dialogue in Lima on Monday.\n\n" +
		"The officials discussed the preparations for the APEC summit, which President Luiz Inácio Lula da Silva is expected to attend."})
	if len(r.Events) != 1 {
		t.Fatalf("events %+v, want one", summarise(r))
	}
	for _, role := range r.Events[0].Roles {
		if strings.Contains(string(role.Actor), "lula") {
			t.Errorf("Lula has role %s", role.Predicate)
		}
	}
}

// TestWelcomedNeedsPerson checks that "welcomed" makes an event only with
// a person or delegation after it: foreign tourists are no visit.
func TestWelcomedNeedsPerson(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2024-11-20", Body: "Sri Lanka has welcomed more than 1.8 million foreign tourists so far this year, with visitors from India and Russia leading, according to figures released last week."})
	if got := summarise(r); len(got) != 0 {
		t.Errorf("events %+v from tourist arrivals, want none", got)
	}
	r = x.Extract(Input{Published: "2024-11-20", Body: "Sri Lankan President Anura Kumara Dissanayake welcomed visiting Indian Foreign Minister S. Jaishankar in Colombo on Monday."})
	if got := summarise(r); len(got) != 1 {
		t.Errorf("events %+v, want the reception", got)
	}
}

// TestSpokeWith checks that a readout's "X spoke yesterday with Y" is a
// call, and that speaking with reporters is no event.
func TestSpokeWith(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-04-08", Body: "Secretary of State Marco Rubio spoke yesterday with Paraguayan Foreign Minister Ruben Ramirez Lezcano. The two discussed border security."})
	got := summarise(r)
	if len(got) != 1 || got[0].kind != "call" || got[0].date != "2025-04-07" || got[0].countries != "PRY-USA" {
		t.Errorf("events %+v, want yesterday's call", got)
	}
	r = x.Extract(Input{Published: "2025-04-08", Body: "Secretary of State Marco Rubio spoke with reporters in Washington about Paraguay."})
	if got := summarise(r); len(got) != 0 {
		t.Errorf("events %+v from remarks to reporters, want none", got)
	}
}

// TestSaidAfterTalks checks that a lead stating plans ("will work") that
// someone "said on Monday after talks" still reports the talks as held.
func TestSaidAfterTalks(t *testing.T) {
	x := newTest(t)
	body := "Greece and Armenia will work to expand cooperation in energy, Foreign Minister Giorgos Gerapetritis said on Monday after talks in Athens with Armenian Foreign Minister Ararat Mirzoyan."
	got := summarise(x.Extract(Input{Published: "2025-03-11", Body: body}))
	if len(got) != 1 || got[0].kind != "meeting" || got[0].countries != "ARM-GRC" {
		t.Errorf("events %+v, want the talks", got)
	}
	// a plan alone is still no event
	got = summarise(x.Extract(Input{Published: "2025-03-11", Body: "Greece and Armenia will hold talks in Athens next month, the ministry said."}))
	if len(got) != 0 {
		t.Errorf("events %+v from a plan, want none", got)
	}
}

// TestSingularConsultation checks that "the seventh political
// consultation" names a round of consultations, whatever other
// mechanism the report mentions later.
func TestSingularConsultation(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2024-10-23", Body: "Vietnamese Deputy Minister of Foreign Affairs Nguyen Minh Hang and Chilean Undersecretary of Foreign Affairs Gloria de la Fuente co-chaired the seventh political consultation between the two foreign ministries in Hanoi on October 22.\n\n" +
		"Hang suggested making better use of the Joint Committee on Economic, Trade and Investment Cooperation."})
	if len(r.Events) != 1 || r.Events[0].Ordinal != 7 || !strings.Contains(string(r.Events[0].Series), "/consultations") {
		t.Errorf("events %+v, want the seventh round of consultations", r.Events)
	}
}
