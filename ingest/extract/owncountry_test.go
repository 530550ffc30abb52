package extract

import (
	"strings"
	"testing"
)

// recordCountries extracts in and returns each person of the record as
// name -> the ISO3 of the country they represent ("" for none).
func recordCountries(t *testing.T, x *Extractor, in Input) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, p := range x.Extract(in).People {
		out[p.Name] = strings.TrimPrefix(string(p.Represents), "country:")
	}
	return out
}

func TestOwnCountrySources(t *testing.T) {
	x := newTest(t)
	body := "The Foreign Secretary, Omar Qadri, received the visiting Turkish delegation in Lahore on Monday."
	for _, c := range []struct {
		publisher, url, want, from string
	}{
		{"Dawn", "", "PAK", "publisher"},                                           // a known newspaper by name
		{"Some Blog", "https://www.dawn.com/news/1", "PAK", "publisher"},           // ... and by its domain
		{"Ministry of Foreign Affairs of Viet Nam", "", "VNM", "publisher's name"}, // a country in the name
		{"Embassy of France in Chile", "", "FRA", "publisher's name"},              // not where the embassy serves
		{"U.S. Embassy in Peru", "", "USA", "publisher's name"},
		{"A Weekly", "https://news.example.pk/story/1", "PAK", "country-code domain"},
		{"A Weekly", "https://news.example.com/story/1", "", ""},
		{"Tasnim News Agency (citing TASS)", "", "IRN", "publisher"}, // the first name in the line
		{"The Manila Times", "", "PHL", "publisher's name"},          // a city in the name
		{"Office of the Press Secretary", "https://www.example.gov/briefing", "USA", "country-code domain"},
	} {
		d := x.newDoc(Input{Publisher: c.publisher, URL: c.url, Body: body})
		if d.own.iso3 != c.want || d.own.from != c.from {
			t.Errorf("%q %q: own country %q from %q, want %q from %q", c.publisher, c.url, d.own.iso3, d.own.from, c.want, c.from)
		}
	}
}

func TestOwnCountryFromDateline(t *testing.T) {
	x := newTest(t)
	d := x.newDoc(Input{Publisher: "A Wire", Body: "NAIROBI, March 3 (A Wire) - The Cabinet Secretary met envoys."})
	if d.own.iso3 != "KEN" || d.own.from != "dateline" {
		t.Errorf("own country %+v, want KEN from the dateline", d.own)
	}
	if d.home != "KEN" {
		t.Errorf("a dateline: home %q, want KEN", d.home)
	}
}

func TestOwnCountrySpeaks(t *testing.T) {
	x := newTest(t)
	// a newspaper whose text never names its country does not speak for it
	far := "Secretary of Commerce Ann Lowell met Chinese Vice Premier Li Ming in Geneva on Monday."
	if d := x.newDoc(Input{Publisher: "Dawn", Body: far}); d.home != "" {
		t.Errorf("a Pakistani daily on a Sino-American meeting: home %q, want none", d.home)
	}
	// ... a government's release does
	if d := x.newDoc(Input{Publisher: "Ministry of Foreign Affairs of Pakistan", Body: far}); d.home != "PAK" {
		t.Errorf("a ministry's release: home %q, want PAK", d.home)
	}
	// ... and so does a text that speaks as "our"
	if d := x.newDoc(Input{Publisher: "Dawn", Body: "Our Foreign Secretary met envoys in Geneva."}); d.home != "PAK" || !d.own.firstPerson {
		t.Errorf("first person: home %q (%+v), want PAK", d.home, d.own)
	}
}

func TestFirstPersonOutsideQuotes(t *testing.T) {
	x := newTest(t)
	for body, want := range map[string]bool{
		"We welcomed the delegation from Chile.":                    true,
		"The talks strengthened our ties with Chile.":               true,
		`The envoy said: "our ties are strong," after the meeting.`: false,
		"The envoy said the ties were strong.":                      false,
	} {
		d := x.newDoc(Input{Body: body})
		if got := firstPerson(d.sents); got != want {
			t.Errorf("%q: first person %v, want %v", body, got, want)
		}
	}
}

func TestOwnOfficials(t *testing.T) {
	x := newTest(t)
	in := Input{Publisher: "Ministry of External Affairs of India", Published: "2024-05-10",
		Body: "The conference of the foreign ministers of Chile, Peru, Brazil and Colombia was held in Lima on Thursday. " +
			"Joint Secretary Priya Nair attended the conference with Chilean Foreign Minister Ana Soto."}
	got := recordCountries(t, x, in)
	for name, want := range map[string]string{"Ana Soto": "CHL", "Priya Nair": "IND"} {
		if got[name] != want {
			t.Errorf("%s: country %q, want %q (all: %v)", name, got[name], want, got)
		}
	}
	// ... and their government took part in the event
	if ev := summarise(x.Extract(in)); len(ev) != 1 || !strings.Contains(ev[0].countries, "IND") {
		t.Errorf("events %+v, want one with IND", ev)
	}
	// the same text from a publisher of no country leaves them unplaced
	in.Publisher = "A Wire"
	if c := recordCountries(t, x, in)["Priya Nair"]; c != "" {
		t.Errorf("no own country: Priya Nair is %q", c)
	}
}

func TestOneHolderPerOffice(t *testing.T) {
	x := newTest(t)
	in := Input{URL: "https://news.example.mn/a", Published: "2025-06-02",
		Body: "Mongolian President Bat Erdene received President Aidar Kasymov in Ulaanbaatar on Monday. " +
			"President Kasymov thanked Kazakhstan's partners for the invitation."}
	if c := recordCountries(t, x, in)["Aidar Kasymov"]; c != "KAZ" {
		t.Errorf("a second president: %q, want KAZ (not the report's own MNG)", c)
	}
}

func TestDeputyHoldsNoLeadersOffice(t *testing.T) {
	x := newTest(t)
	in := Input{URL: "https://news.example.fj/a", Published: "2024-08-15",
		Body: "Prime Minister Ratu Vake hosted his Papua New Guinea counterpart, John Kila, in Suva on Wednesday. " +
			"Fijian Deputy Prime Minister Epeli Naco also attended the talks in Suva."}
	if c := recordCountries(t, x, in)["Ratu Vake"]; c != "FJI" {
		t.Errorf("the host prime minister: %q, want FJI", c)
	}
}
