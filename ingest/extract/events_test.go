package extract

import (
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schema"
)

// summary is an event reduced to what the tests below check.
type summary struct {
	kind, date, place, countries string
	ordinal                      int
}

func summarise(r *schema.Record) []summary {
	var out []summary
	for _, e := range r.Events {
		var cs []string
		for _, role := range e.Roles {
			if c, ok := strings.CutPrefix(string(role.Actor), "country:"); ok && role.Predicate == schema.ParticipatedIn {
				cs = append(cs, c)
			}
		}
		sort.Strings(cs)
		cs = dedup(cs)
		out = append(out, summary{kind: e.Kind, date: e.Date, place: string(e.HeldIn), countries: strings.Join(cs, "-"), ordinal: e.Ordinal})
	}
	return out
}

func dedup(s []string) []string {
	var out []string
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func TestRomanValue(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{{"XI", 11}, {"XII", 12}, {"XXV", 25}, {"XIV", 14}, {"XL", 40}, {"II", 2},
		{"I", 0}, {"V", 0}, {"IIII", 0}, {"VX", 0}, {"Xi", 0}, {"MIX", 0}, {"CD", 0}} {
		if got := romanValue(c.in); got != c.want {
			t.Errorf("romanValue(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestRomanOrdinals(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		text string
		want int
	}{
		{"On 16 October, the XI round of political consultations between Russia and Algeria took place in Moscow.", 11},
		{"The XXV meeting of the Russia-Belarus Joint Commission was held in Minsk on 16 October.", 25},
		{"Russia and Algeria held the XII session of their Intergovernmental Commission in Algiers on 16 October.", 12},
	} {
		r := x.Extract(Input{Published: "2024-10-17", Body: c.text})
		if len(r.Events) != 1 || r.Events[0].Ordinal != c.want {
			t.Errorf("%q: events %+v, want one with ordinal %d", c.text, summarise(r), c.want)
		}
	}
	// a name in capitals is no numeral
	d := x.newDoc(Input{Body: "President XI JINPING met President Putin at the meeting."})
	for k := range d.sents[0].toks {
		if n := x.ordinalAt(d.sents[0], k); n != 0 {
			t.Errorf("ordinal %d at %q", n, d.sents[0].toks[k].text)
		}
	}
	// the number of another gathering named in a later sentence stays out
	r := x.Extract(Input{Published: "2024-10-17", Body: "Political consultations between Russia and Algeria took place in Moscow on 16 October. " +
		"The sides also exchanged views on the preparations for the first ministerial conference of the Russia-Africa Partnership Forum."})
	if len(r.Events) != 1 || r.Events[0].Ordinal != 0 {
		t.Errorf("leaked ordinal: %+v", summarise(r))
	}
}

func TestCityStateDateline(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		body, dateline, place, date string
	}{
		{"KUWAIT, Dec 10 (KUNA) -- The eighth session of the Kuwaiti-Jordanian Joint Higher Committee was held here yesterday.", "place:kwt/kuwait-city", "place:kwt/kuwait-city", "2024-12-09"},
		{"SINGAPORE, Dec 10 (Reuters) - Singapore and Malaysia held the fifth round of political consultations here yesterday.", "place:sgp/singapore", "place:sgp/singapore", "2024-12-09"},
		{"DOHA, Dec 10 (QNA) -- Qatar and Oman held political consultations here on Monday.", "place:qat/doha", "place:qat/doha", "2024-12-09"},
		{"Baku, December 10, APA. Azerbaijan and Kazakhstan held political consultations here on Monday.", "place:aze/baku", "place:aze/baku", "2024-12-09"},
		{"PRESS RELEASE\n\nNairobi, 10th December 2024\n\nKenya and Zambia held political consultations here on Monday.", "place:ken/nairobi", "place:ken/nairobi", "2024-12-09"},
	} {
		r := x.Extract(Input{Published: "2024-12-10", Body: c.body})
		if string(r.Report.Dateline) != c.dateline {
			t.Errorf("%q: dateline %q, want %q", c.body, r.Report.Dateline, c.dateline)
		}
		if len(r.Events) != 1 || string(r.Events[0].HeldIn) != c.place || r.Events[0].Date != c.date {
			t.Errorf("%q: events %+v, want one in %s on %s", c.body, summarise(r), c.place, c.date)
		}
	}
}

func TestVenuePlace(t *testing.T) {
	x := newTest(t)
	// the event sentence names a building only: the dateline's city, not a
	// city of a background sentence
	r := x.Extract(Input{Published: "2025-05-16", Body: "BUENOS AIRES (special correspondent) — Uruguayan President Yamandú Orsi was received by Argentine President Javier Milei at the Casa Rosada on Thursday, on his first official visit to Argentina.\n\n" +
		"Relations between the two countries were troubled by a dispute that ended up before the International Court of Justice in The Hague.\n\n" +
		"Argentine tourists account for more than half of the visitors who arrive in Punta del Este each summer."})
	if len(r.Events) != 1 || string(r.Events[0].HeldIn) != "place:arg/buenos-aires" {
		t.Errorf("events %+v, want one held in Buenos Aires", summarise(r))
	}
}

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

func TestWeekdayTense(t *testing.T) {
	mon, _ := time.Parse("2006-01-02", "2025-03-17") // a Monday
	tue, _ := time.Parse("2006-01-02", "2025-03-04") // a Tuesday
	for _, c := range []struct {
		text    string
		pub     time.Time
		planned bool
		want    string
	}{
		{"The session, which was due to open in Abuja on Tuesday, has been postponed.", mon, false, "2025-03-18"},
		{"The ministers will meet in Abuja on Tuesday.", mon, true, "2025-03-18"},
		{"A preparatory meeting that was scheduled for Monday in Abuja has also been called off.", mon, false, "2025-03-17"},
		{"The ministers met in Abuja on Sunday.", mon, false, "2025-03-16"},
		// the sentence speaks of plans elsewhere; the weekday's clause is past
		{"Speaking to reporters on Tuesday, Foreign Minister Mauro Vieira said Brazil had no plans to retaliate.", tue, true, "2025-03-04"},
		{"The ministers met on Monday and will meet again on Friday.", mon, true, "2025-03-21"},
	} {
		ds := findDates(c.text, c.pub, true, c.planned)
		got := ""
		for _, d := range ds {
			if d.weekday != "" {
				got = d.iso
			}
		}
		if got != c.want {
			t.Errorf("%q: %s, want %s", c.text, got, c.want)
		}
	}
}

func TestDateRange(t *testing.T) {
	pub, _ := time.Parse("2006-01-02", "2025-04-09")
	for _, c := range []struct{ text, start, end string }{
		{"He is paying an official visit to China from April 8 to 11.", "2025-04-08", "2025-04-11"},
		{"He is paying an official visit to China on 8-11 April.", "2025-04-08", "2025-04-11"},
		{"He visited China on April 8.", "2025-04-08", ""},
	} {
		ds := findDates(c.text, pub, true, false)
		if len(ds) != 1 || ds[0].iso != c.start || ds[0].end != c.end {
			t.Errorf("%q: %+v, want %s to %q", c.text, ds, c.start, c.end)
		}
	}
}

func TestSameDay(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2024-12-06", Body: "Azerbaijani Foreign Minister Jeyhun Bayramov met Kazakh Foreign Minister Murat Nurtleu in Valletta on Thursday.\n\n" +
		"Later the same day, Jeyhun Bayramov held a telephone conversation with Serbian Foreign Minister Marko Djuric.\n\n" +
		"During the phone talk, the ministers discussed the Bulgaria-Serbia interconnector, which was put into operation last year."})
	got := summarise(r)
	if len(got) != 2 || got[1].kind != "call" || got[1].date != "2024-12-05" || got[1].countries != "AZE-SRB" {
		t.Errorf("events %+v, want a call on 2024-12-05 after the meeting", got)
	}
}

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

func TestThisWeek(t *testing.T) {
	fri, _ := time.Parse("2006-01-02", "2025-01-17")
	tue, _ := time.Parse("2006-01-02", "2025-04-01")
	for _, c := range []struct {
		text string
		pub  time.Time
		want string
	}{
		{"The two foreign ministers spoke by telephone earlier this week.", fri, "2025-01"},
		{"The two foreign ministers spoke by telephone earlier this week.", tue, ""}, // March 31 or April 1
		{"The dialogue was held last week.", fri, ""},
	} {
		got := ""
		for _, d := range findDates(c.text, c.pub, true, false) {
			got = d.iso
		}
		if got != c.want {
			t.Errorf("%q on %s: %q, want %q", c.text, c.pub.Format("2006-01-02"), got, c.want)
		}
	}
}

func TestDayOfMonth(t *testing.T) {
	pub, _ := time.Parse("2006-01-02", "2025-05-16")
	for _, c := range []struct {
		text    string
		planned bool
		want    string // the dates found, space-separated
	}{
		{"On the 14th, the commission met in Astana.", false, "2025-05-14"},
		{"The Joint Commission concluded on the 21st with the signing of a protocol.", false, "2025-04-21"},
		{"The talks on the 2nd were co-chaired by the two deputy ministers.", false, "2025-05-02"},
		{"On the 3rd the joint working group met in Islamabad.", false, "2025-05-03"},
		{"The next round will be held in Islamabad on the 4th.", true, "2025-06-04"},
		{"Last month, on the 5th, the two sides met in Astana.", false, "2025-04-05"},
		{"The commission met on the 5th of last month.", false, "2025-04-05"},
		{"The two sides met on the 14th of March.", false, "2025-03-14"},
		{"He spoke on the 14th session of the commission.", false, ""},
		{"He spoke on the 3rd Kazakh-Turkish Joint Commission.", false, ""},
	} {
		var got []string
		for _, d := range findDates(c.text, pub, true, c.planned) {
			got = append(got, d.iso)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%q: dates %q, want %q", c.text, g, c.want)
		}
	}
}

func TestDayNotOrdinal(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		body    string
		ordinal int
		date    string
	}{
		{"On the 14th, the Kazakh-Turkish Joint Permanent Commission met in Astana, co-chaired by Kazakh Deputy Prime Minister Serik Zhumangarin and Turkish Trade Minister Omer Bolat.", 0, "2025-05-14"},
		{"On the 14th the political consultations between Brazil and Norway were held in Brasilia.", 0, "2025-05-14"},
		// a real ordinal elsewhere in the text is kept
		{"On the 14th, the Kazakh-Turkish Joint Permanent Commission met in Astana, co-chaired by Kazakh Deputy Prime Minister Serik Zhumangarin and Turkish Trade Minister Omer Bolat.\n\n" +
			"It was the Fourth Session of the Kazakh-Turkish Joint Permanent Commission.", 4, "2025-05-14"},
		{"Kazakh Deputy Prime Minister Serik Zhumangarin and Turkish Trade Minister Omer Bolat co-chaired the Fourth Session of the Kazakh-Turkish Joint Permanent Commission, which concluded on the 14th in Astana.", 4, "2025-05-14"},
		{"Pakistan and Russia held the 3rd round of their strategic dialogue in Moscow on the 12th.", 3, "2025-05-12"},
	} {
		r := x.Extract(Input{Published: "2025-05-16", Body: c.body})
		got := summarise(r)
		if len(got) != 1 || got[0].ordinal != c.ordinal || got[0].date != c.date {
			t.Errorf("%q: events %+v, want one with ordinal %d on %s", c.body, got, c.ordinal, c.date)
		}
	}
	// the next meeting "on the 4th" is the next round's day, not its number
	r := x.Extract(Input{Published: "2025-05-16", Body: "Pakistan and Russia held the 3rd round of their strategic dialogue in Moscow on the 12th. The next round will be held in Islamabad on the 4th."})
	if len(r.Events) != 1 || r.Events[0].Next == nil || r.Events[0].Next.Date != "2025-06-04" || r.Events[0].Next.Ordinal != 4 {
		t.Errorf("events %+v, want the 3rd round with the 4th on June 4 next", summarise(r))
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

// TestSendersAbsent checks that the senders of greetings or a message are
// not taken for participants, through a list of senders and an
// appositive, while the agent of "signed on behalf of X by Y" is.
func TestSendersAbsent(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-02-04", Body: "KUWAIT CITY, Feb 4 (KUNA) -- Kuwaiti Foreign Minister Abdullah Ali Al-Yahya met Saudi Foreign Minister Prince Faisal bin Farhan Al Saud in Kuwait City on Monday.\n\n" +
		"The Saudi minister conveyed the greetings of the Custodian of the Two Holy Mosques King Salman bin Abdulaziz Al Saud and Crown Prince and Prime Minister Mohammed bin Salman to the Kuwaiti leadership.\n\n" +
		"The agreement was signed on behalf of the State of Kuwait by Deputy Foreign Minister Sheikh Jarrah Jaber Al-Ahmad Al-Sabah."})
	roles := map[string]string{}
	for _, e := range r.Events {
		for _, role := range e.Roles {
			if p, ok := strings.CutPrefix(string(role.Actor), "person:"); ok {
				roles[p] = string(role.Predicate)
			}
		}
	}
	for _, absent := range []string{"salman-bin-abdulaziz-al-saud", "mohammed-bin-salman"} {
		if r, ok := roles[absent]; ok {
			t.Errorf("%s, who only sent greetings, has role %s", absent, r)
		}
	}
	if _, ok := roles["jarrah-jaber-al-ahmad-al-sabah"]; !ok {
		t.Errorf("the signer on behalf of Kuwait has no role; roles %v", roles)
	}
}

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

// TestSpeakers checks the wordings that make a person a speaker at a
// gathering: declaring it open, addressing its opening session, "in his
// address".
func TestSpeakers(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-05-22", Body: "The 5th session of the Nigeria-Benin Bi-National Commission opened in Abuja on Tuesday, co-chaired by Nigerian Foreign Minister Yusuf Tuggar and Beninese Foreign Minister Olushegun Adjadi Bakari.\n\n" +
		"Vice President Kashim Shettima, who declared the session open, said the two countries were one people."})
	spoke := false
	for _, e := range r.Events {
		for _, role := range e.Roles {
			spoke = spoke || role.Actor == "person:kashim-shettima" && role.Predicate == schema.SpokeAt
		}
	}
	if !spoke {
		t.Errorf("Shettima did not speak; events %+v", r.Events)
	}
}

// TestAgreedMechanism checks that a mechanism an agreement provides for
// ("a memorandum on holding regular political consultations") does not
// make a visit a round of that mechanism.
func TestAgreedMechanism(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-02-10", Body: "Omani Foreign Minister Badr bin Hamad Al Busaidi held talks with Slovenian Foreign Minister Tanja Fajon, who is on an official visit to Muscat, on Sunday.\n\n" +
		"At the conclusion of the session, the two ministers signed a memorandum of understanding on holding regular political consultations between the two foreign ministries."})
	got := summarise(r)
	if len(got) != 1 || got[0].kind != "visit" || r.Events[0].Series != "" {
		t.Errorf("events %+v, want the visit alone, of no series", r.Events)
	}
}
