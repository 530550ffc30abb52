package extract

import (
	"testing"
	"time"
)

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

// A meeting of three countries is a gathering of many: a conference, of
// its series still.
func TestTrilateralIsConference(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "The 4th Trilateral Consultation among Chile, Peru and Norway was held in Oslo on 11 June 2025."})
	if got := summarise(r); len(got) != 1 || got[0].kind != "conference" || got[0].ordinal != 4 || r.Events[0].Series == "" {
		t.Errorf("events %+v, want the 4th trilateral consultation as a conference of its series", got)
	}
}

// Dates of credit lines and captions are not the event's; a relative date
// written out after it gives way to the written-out one.
func TestCreditAndWrittenOutDates(t *testing.T) {
	x := newTest(t)
	d := x.newDoc(Input{Published: "2025-06-12", Body: "Published on June 12, 2025\n\nThe ministers met in Oslo on 10 June 2025.\n\n(Photo: Wire) The ministers shook hands on June 9, 2025."})
	for _, s := range d.sents {
		if (s.idx != 1) != (len(s.dates) == 0) {
			t.Errorf("%q: dates %+v", s.text, s.dates)
		}
	}
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean President Anna Vell has this evening, 11 June 2025, arrived in Oslo for talks with Norwegian Prime Minister Piet Dorn."})
	if got := summarise(r); len(got) != 1 || got[0].date != "2025-06-11" {
		t.Errorf("events %+v, want the visit on 11 June", got)
	}
}

// "today" in a report whose dateline line dates it the day before its
// publication is the dateline's day.
func TestDatelineDay(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Oslo, June 11, 2025\n\nChilean President Anna Vell and Norwegian Prime Minister Piet Dorn met today in Oslo."})
	if got := summarise(r); len(got) != 1 || got[0].date != "2025-06-11" {
		t.Errorf("events %+v, want the meeting of 11 June", got)
	}
}

// A named gathering someone came to take part in is a conference.
func TestAttendedGathering(t *testing.T) {
	x := newTest(t)
	d := x.newDoc(Input{Published: "2025-06-12", Body: "Vell had reached Oslo on Thursday to participate in the fourth edition of the Oslo Dialogue as a keynote speaker."})
	s := d.sents[0]
	tr, ti, ok := x.findTrigger(s)
	if !ok {
		t.Fatal("no event word")
	}
	if e := d.candidate(s, tr, ti); e.kind != "conference" || e.ordinal != 4 {
		t.Errorf("event %+v, want the 4th conference", e)
	}
}
