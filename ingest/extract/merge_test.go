package extract

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

func TestSidelines(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2024-12-06", Body: "Azerbaijani Foreign Minister Jeyhun Bayramov met with Deputy Prime Minister and Foreign Minister of Kazakhstan Murat Nurtleu on Thursday in Valletta on the sidelines of the 31st meeting of the OSCE Ministerial Council.\n\n" +
		"This year's meeting is being held under Malta's chairmanship."})
	got := summarise(r)
	if len(got) != 2 || got[0].kind != "meeting" || got[0].ordinal != 0 || got[0].countries != "AZE-KAZ" || got[0].place != "place:mlt/valletta" ||
		got[1].kind != "conference" || got[1].ordinal != 31 {
		t.Errorf("events %+v, want the bilateral meeting (of no round) and the council's meeting", got)
	}
	// a meeting on the margins of a bilateral event is a part of it
	r = x.Extract(Input{Published: "2025-05-16", Body: "Political consultations between the foreign ministries of Brazil and Norway were held on Wednesday in Brasilia.\n\n" +
		"On the margins of the consultations, Norwegian State Secretary Kristian Hauge Lund was received by the Brazilian Secretary-General of Foreign Affairs, Ambassador Maria Laura da Rocha."})
	if got := summarise(r); len(got) != 1 {
		t.Errorf("events %+v, want one", got)
	}
}

func TestVisitForSession(t *testing.T) {
	x := newTest(t)
	// a visit made for a session is that session, on the session's day
	r := x.Extract(Input{Published: "2025-04-09", Body: "South African Minister Ronald Lamola is paying an official visit to China from April 8 to 11.\n\n" +
		"On April 9, Chinese Foreign Minister Wang Yi and Ronald Lamola co-chaired the 10th China-South Africa Strategic Dialogue in Beijing."})
	got := summarise(r)
	if len(got) != 1 || got[0].kind != "meeting" || got[0].date != "2025-04-09" || got[0].ordinal != 10 {
		t.Errorf("events %+v, want the dialogue of April 9 alone", got)
	}
	r = x.Extract(Input{Published: "2025-03-05", Body: "Ghana's Foreign Minister Samuel Okudzeto Ablakwa arrived in Abuja on Monday on a two-day working visit to Nigeria.\n\n" +
		"On Tuesday, Ablakwa and Nigeria's Foreign Minister Yusuf Tuggar co-chaired the 6th session of the Nigeria-Ghana Joint Commission in Abuja."})
	got = summarise(r)
	if len(got) != 1 || got[0].kind != "meeting" || got[0].date != "2025-03-04" || got[0].ordinal != 6 {
		t.Errorf("events %+v, want the session of March 4 alone", got)
	}
	// a session on another day than the visit is an event of its own
	r = x.Extract(Input{Published: "2025-03-10", Body: "Indonesian President Prabowo Subianto paid a State Visit to Viet Nam on 10 March 2025.\n\n" +
		"The two Presidents welcomed the outcome of the 3rd Meeting of the Joint Commission for Bilateral Cooperation between Indonesia and Viet Nam, held in Ha Noi on 9 March 2025."})
	if got := summarise(r); len(got) != 2 {
		t.Errorf("events %+v, want the visit and the session", got)
	}
}

func TestEncountersAtSummit(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-04-10", Body: "TEGUCIGALPA, April 10 (Andes Wire) -- Leaders of the Community of Latin American and Caribbean States (CELAC) ended their ninth summit in the Honduran capital on Wednesday with a call for regional unity in the face of new US tariffs.\n\n" +
		"Among the heads of state attending were Brazilian President Luiz Inácio Lula da Silva, Uruguayan President Yamandú Orsi, Guatemalan President Bernardo Arévalo and Mexican President Claudia Sheinbaum. Argentina and Venezuela were represented at ministerial level.\n\n" +
		"Sheinbaum held a working dinner with Arévalo on Tuesday night.\n\n" +
		"The next CELAC summit is expected to take place in Colombia next year."})
	got := summarise(r)
	if len(got) != 2 {
		t.Fatalf("events %+v, want the summit and the dinner", got)
	}
	if strings.Contains(got[0].countries, "USA") || !strings.Contains(got[0].countries, "ARG") || !strings.Contains(got[0].countries, "VEN") {
		t.Errorf("summit countries %s", got[0].countries)
	}
	if r.Events[0].Next == nil || r.Events[0].Next.Date != "2026" {
		t.Errorf("summit's next meeting %+v", r.Events[0].Next)
	}
	if got[1].countries != "GTM-MEX" || got[1].kind != "summit" || got[1].place != "place:hnd/tegucigalpa" {
		t.Errorf("dinner %+v", got[1])
	}
}

func TestSessionBeforeSummit(t *testing.T) {
	x := newTest(t)
	lead := "BISHKEK -- Kyrgyz President Sadyr Japarov and Uzbek President Shavkat Mirziyoyev held a summit in Bishkek on Thursday, discussing trade, water and energy.\n\n"
	session := " the 13th meeting of the Kyrgyz-Uzbek Intergovernmental Commission on Economic Cooperation was held in Bishkek, co-chaired by Kyrgyz Cabinet Chairman Adylbek Kasymaliev and Uzbek Prime Minister Abdulla Aripov.\n\n" +
		"The next meeting of the commission will be held in Tashkent in 2026."
	for _, when := range []string{"On the eve of the summit, on Wednesday,", "On the eve of the summit,", "A day earlier,", "On Wednesday,"} {
		r := x.Extract(Input{Published: "2025-06-13", Body: lead + when + session})
		got := summarise(r)
		if len(got) != 2 {
			t.Errorf("%q: events %+v, want the summit and the session", when, got)
			continue
		}
		sm, cm := r.Events[0], r.Events[1]
		if sm.Kind != "summit" || sm.Date != "2025-06-12" || sm.Ordinal != 0 || sm.Series != "" || sm.Next != nil {
			t.Errorf("%q: summit %+v", when, got[0])
		}
		for _, role := range sm.Roles {
			if role.Predicate == schema.CoChaired {
				t.Errorf("%q: summit co-chaired by %s", when, role.Actor)
			}
		}
		if cm.Kind != "meeting" || cm.Date != "2025-06-11" || cm.Ordinal != 13 || cm.Next == nil || cm.Next.Date != "2026" {
			t.Errorf("%q: session %+v next %+v", when, got[1], cm.Next)
		}
		chairs := 0
		for _, role := range cm.Roles {
			if role.Predicate == schema.CoChaired && strings.HasPrefix(string(role.Actor), "person:") {
				chairs++
			}
		}
		if chairs != 2 {
			t.Errorf("%q: session has %d co-chairs", when, chairs)
		}
	}
	// on the sidelines, the same day: one gathering
	r := x.Extract(Input{Published: "2025-06-13", Body: lead + "On the sidelines of the summit," + session})
	if got := summarise(r); len(got) != 1 {
		t.Errorf("sidelines: events %+v, want one", got)
	}
}

// TestSummitAside checks three readings around a bilateral meeting at a
// summit: a country after a town ("in Khankendi, Azerbaijan") says where,
// not who; "chaired by A and attended by B and C" makes only A the chair;
// an invitation to visit is no visit.
func TestSummitAside(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-07-05", Body: "ISLAMABAD: Prime Minister Shehbaz Sharif and Uzbek President Shavkat Mirziyoyev on Friday agreed to expand trade during a meeting on the sidelines of the 17th ECO Summit in Khankendi, Azerbaijan.\n\n" +
		"The Uzbek president accepted an invitation to visit Pakistan at an early date.\n\n" +
		"Earlier in the day, the prime minister addressed the summit, which was chaired by Azerbaijani President Ilham Aliyev and attended by Iranian President Masoud Pezeshkian and Turkish President Recep Tayyip Erdogan."})
	got := summarise(r)
	bilateral, visits := 0, 0
	for _, e := range got {
		if e.countries == "PAK-UZB" {
			bilateral++
		}
		if e.kind == "visit" {
			visits++
		}
	}
	if bilateral != 1 || visits != 0 {
		t.Errorf("events %+v, want one Pakistan-Uzbekistan meeting and no visit", got)
	}
	chairs := 0
	for _, e := range r.Events {
		for _, role := range e.Roles {
			if role.Predicate == schema.Chaired && strings.HasPrefix(string(role.Actor), "person:") {
				chairs++
			}
		}
	}
	if chairs != 1 {
		t.Errorf("%d chairs, want Aliyev alone", chairs)
	}
}

// Preparatory sittings a sentence dates on their own days are events of
// their own, not days of the session told before.
func TestPreparatoryMeetings(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "The first session of the Chile-Norway Joint Commission was held in Oslo on 11 June 2025. " +
		"The session was preceded by the ministerial meeting held on 10 June 2025 and a meeting of senior officials on 8 June 2025."})
	got := summarise(r)
	if len(got) != 3 || got[0].date != "2025-06-11" || got[1].date != "2025-06-10" || got[2].date != "2025-06-08" || got[2].countries != "CHL-NOR" {
		t.Errorf("events %+v, want the session and its two preparatory meetings", got)
	}
}

// A headline naming a numbered round with no countries is the round the
// text then tells of.
func TestHeadlineRound(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Seventeenth Council of Ministers meeting in Oslo\n\n" +
		"Chilean President Anna Vell and Norwegian Prime Minister Piet Dorn met today on the occasion of the 17th Chile-Norway Council of Ministers."})
	if got := summarise(r); len(got) != 1 || got[0].ordinal != 17 {
		t.Errorf("events %+v, want the 17th council alone", got)
	}
}

// Another round named by its ordinal is an event of its own: its ordinal
// is a concrete attribute; a round being prepared is not.
func TestOtherRoundByOrdinal(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "The 7th session of the Chile-Norway Joint Commission was held in Oslo on 11 June 2025. " +
		"The ministers reviewed the decisions taken during the sixth session. " +
		"They also discussed preparations for the first ministerial conference of the Pacific Forum."})
	got := summarise(r)
	if len(got) != 2 || got[1].ordinal != 6 || got[1].countries != "CHL-NOR" {
		t.Errorf("events %+v, want the 7th and the 6th sessions only", got)
	}
}

// "since the last dialogue in January 2023": an earlier round dated in
// passing by a sentence about another event.
func TestLastRoundInPassing(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean Foreign Minister Anna Vell held talks with Norwegian Foreign Minister Piet Dorn in Oslo on 11 June 2025. " +
		"In their meeting, they reviewed the progress made since the last dialogue in January 2023."})
	got := summarise(r)
	if len(got) != 2 || got[1].date != "2023-01" || got[1].countries != "CHL-NOR" {
		t.Errorf("events %+v, want the talks and the dialogue of January 2023", got)
	}
}

// A session told without its day, "preceded by" meetings dated on their
// own, has them as events of their own.
func TestPrecededUndated(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean President Anna Vell co-chaired the inaugural session of the Chile-Norway Bi-National Commission in Oslo. " +
		"The session was preceded by the ministerial meeting held on 10 June 2025 and the senior officials' meeting on 8 June 2025."})
	got := summarise(r)
	if len(got) != 3 || got[1].date != "2025-06-10" || got[2].date != "2025-06-08" {
		t.Errorf("events %+v, want the session and two preparatory meetings", got)
	}
}
