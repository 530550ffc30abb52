package schema

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Syed Haider Shah":                   "syed-haider-shah",
		"Sergey  Vershinin":                  "sergey-vershinin",
		"Türkiye":                            "turkiye",
		"People's Republic of China":         "peoples-republic-of-china",
		"Shanghai Cooperation Organisation":  "shanghai-cooperation-organisation",
		"  Counter-Terrorism / Security  ":   "counter-terrorism-security",
		"Łukasz Żurek":                       "lukasz-zurek",
		"Ministry of Foreign Affairs (MOFA)": "ministry-of-foreign-affairs-mofa",
		"Alicia Bárcena Ibarra":              "alicia-barcena-ibarra",
		"Jiang Jianguo’s":                    "jiang-jianguos",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIRIs(t *testing.T) {
	s := SeriesIRI([]string{"RUS", "pak"}, SeriesJointWorkingGroup, "Counter-Terrorism")
	if s != "series:pak-rus/joint-working-group/counter-terrorism" {
		t.Fatalf("series = %s", s)
	}
	if e := NumberedEventIRI(s, 10); e != "event:pak-rus/joint-working-group/counter-terrorism/10" {
		t.Fatalf("event = %s", e)
	}
	if e := EventIRI(KindCall, []string{"usa", "CHN", "USA"}, "2024-03-02"); e != "event:call/CHN-USA/2024-03-02" {
		t.Fatalf("event = %s", e)
	}
	if p := PlaceIRI("PAK", "Islamabad"); p != "place:pak/islamabad" {
		t.Fatalf("place = %s", p)
	}
	if o := NationalOrgIRI("PAK", "Ministry of Foreign Affairs"); o != "org:pak/ministry-of-foreign-affairs" {
		t.Fatalf("org = %s", o)
	}
	if c := CountryIRI("pak"); c != "country:PAK" {
		t.Fatalf("country = %s", c)
	}
}

func TestReportID(t *testing.T) {
	a := ReportID("Pakistan and Russia\n\nmet   today.")
	b := ReportID("  Pakistan and Russia met today.  ")
	if a != b || len(a) != 16 {
		t.Fatalf("ids differ or wrong length: %s %s", a, b)
	}
	if ReportID("Pakistan and Russia met today!") == a {
		t.Fatal("different text, same id")
	}
	if strings.Trim(a, "0123456789abcdef") != "" {
		t.Fatalf("id %s is not hex", a)
	}
}

func TestRecordQuads(t *testing.T) {
	r := &Record{Report: ReportInfo{ID: "abc", Title: "T"}}
	ev := EventInfo{IRI: "event:x", Kind: KindMeeting, Ordinal: 10, Status: StatusHeld,
		Roles: []Role{{Actor: CountryIRI("PAK"), Predicate: CoChaired}},
		Next:  &EventInfo{IRI: "event:y", Date: "2024", Status: StatusPlanned}}
	r.Events = append(r.Events, ev)
	qs := r.Quads()
	has := func(s, p string, o quad.Value) bool {
		for _, q := range qs {
			if q.Subject == quad.IRI(s) && q.Predicate == quad.IRI(p) && q.Object == o {
				if q.Label != quad.IRI("report:abc") {
					t.Fatalf("quad %v not labelled with the report", q)
				}
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		s, p string
		o    quad.Value
	}{
		{"country:PAK", "dg:co_chaired", quad.IRI("event:x")},
		{"event:x", "dg:ordinal", quad.Int(10)},
		{"event:x", "dg:next_meeting", quad.IRI("event:y")},
		{"event:y", "dg:status", quad.String("planned")},
		{"report:abc", "dg:reports", quad.IRI("event:x")},
	} {
		if !has(c.s, c.p, c.o) {
			t.Errorf("missing %s %s %v", c.s, c.p, c.o)
		}
	}
	last := qs[len(qs)-1]
	if last.Predicate != Digest {
		t.Fatalf("last quad %v is not the digest", last)
	}
	if r.Quads()[len(qs)-1] != last {
		t.Fatal("digest is not stable")
	}
}
