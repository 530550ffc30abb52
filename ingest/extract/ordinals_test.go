package extract

import (
	"strings"
	"testing"
	"time"
)

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

// An ordinal numbers the gathering named after it through a proper name
// ("the 12th ASEAN Foreign Ministers' Meeting", "the 17th Chile-Norway
// Council of Ministers"), and a numbered gathering of many held in a city
// has at least its host.
func TestOrdinalThroughName(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-07-11", Body: "The 12th ASEAN Foreign Ministers’ Meeting was held in Bangkok on 3 March 2025."})
	if got := summarise(r); len(got) != 1 || got[0].ordinal != 12 || got[0].countries != "THA" {
		t.Errorf("events %+v, want the 12th meeting hosted by Thailand", got)
	}
	d := x.newDoc(Input{Body: "They met on the occasion of the 17th Chile-Norway Council of Ministers."})
	n := 0
	for k := range d.sents[0].toks {
		if x.ordinalAt(d.sents[0], k) > 0 && ordinalNoun(d.sents[0], k+1) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d numbered gatherings, want the council's", n)
	}
}
