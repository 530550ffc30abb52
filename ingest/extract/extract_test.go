package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func newTest(t testing.TB) *Extractor {
	t.Helper()
	x, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// seedInput reads the shared seed report's body and publication date.
func seedInput(t *testing.T, published bool) Input {
	b, err := os.ReadFile("../../../shared/corpus/seed.txt")
	if err != nil {
		t.Skip("no ../shared/corpus/seed.txt")
	}
	text := string(b)
	i := strings.Index(text, "\n\n")
	in := Input{Title: "Pakistan, Russia agree to jointly curb terrorism", Body: text[i+2:]}
	if published {
		in.Published = "2023-11-17"
	}
	return in
}

func nq(qs []quad.Quad) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(quad.Quad{Subject: q.Subject, Predicate: q.Predicate, Object: q.Object}.NQuad())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestWorkedExample checks every quad of SCHEMA.md's worked example.
func TestWorkedExample(t *testing.T) {
	x := newTest(t)
	out := nq(x.Extract(seedInput(t, true)).Quads())
	ev := "<event:pak-rus/joint-working-group/counter-terrorism/10>"
	want := []string{
		`<country:PAK> <dg:co_chaired> ` + ev,
		`<country:RUS> <dg:co_chaired> ` + ev,
		`<person:syed-haider-shah> <dg:co_chaired> ` + ev,
		`<person:syed-haider-shah> <dg:title> "Additional Foreign Secretary"`,
		`<person:syed-haider-shah> <dg:rank> "Ambassador"`,
		`<person:syed-haider-shah> <dg:affiliated_with> <org:pak/ministry-of-foreign-affairs>`,
		`<person:sergey-vershinin> <dg:co_chaired> ` + ev,
		`<person:sergey-vershinin> <dg:title> "Deputy Foreign Minister"`,
		`<person:sergey-vershinin> <dg:represents> <country:RUS>`,
		ev + ` <dg:kind> "meeting"`,
		ev + ` <dg:part_of> <series:pak-rus/joint-working-group/counter-terrorism>`,
		ev + ` <dg:ordinal> "10"^^<xsd:integer>`,
		ev + ` <dg:date> "2023-11-16"`,
		ev + ` <dg:held_in> <place:pak/islamabad>`,
		ev + ` <dg:discussed> <topic:financing-of-terrorism>`,
		ev + ` <dg:discussed> <country:AFG>`,
		ev + ` <dg:discussed> <region:north-africa>`,
		ev + ` <dg:next_meeting> <event:pak-rus/joint-working-group/counter-terrorism/11>`,
		`<event:pak-rus/joint-working-group/counter-terrorism/11> <dg:date> "2024"`,
		`<event:pak-rus/joint-working-group/counter-terrorism/11> <dg:status> "planned"`,
		`<person:jiang-jianguo> <dg:spoke_at> `,
		`<country:SWE> <dg:participated_in> <event:conference/`,
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("missing: %s", w)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

// TestNoDateWithoutPublication checks that a weekday is kept, not guessed,
// when the report has no publication date.
func TestNoDateWithoutPublication(t *testing.T) {
	x := newTest(t)
	out := nq(x.Extract(seedInput(t, false)).Quads())
	ev := "<event:pak-rus/joint-working-group/counter-terrorism/10>"
	if strings.Contains(out, ev+` <dg:date>`) {
		t.Error("a date was guessed without a publication date")
	}
	if !strings.Contains(out, ev+` <dg:weekday> "Thursday"`) {
		t.Error("the weekday was not kept")
	}
}

func TestSentences(t *testing.T) {
	x := newTest(t)
	got := x.splitSentences("Dr. S. Jaishankar met Mr. Wang on Jan. 5 in the U.S. capital. They talked. \"Good,\" he said! Next one?")
	want := []string{"Dr. S. Jaishankar met Mr. Wang on Jan. 5 in the U.S. capital.", "They talked.", "\"Good,\" he said!", "Next one?"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q", got)
	}
}

func TestDates(t *testing.T) {
	pub := Input{Published: "2023-11-17"} // a Friday
	x := newTest(t)
	d := x.newDoc(Input{Published: pub.Published, Body: "x"})
	for text, want := range map[string]string{
		"They met on Thursday.":              "2023-11-16",
		"They met on Friday.":                "2023-11-17",
		"They met yesterday.":                "2023-11-16",
		"They met on 9 January 2024.":        "2024-01-09",
		"They met on March 3.":               "2023-03-03",
		"They met on Nov. 14.":               "2023-11-14",
		"The meeting was held in 2022.":      "2022",
		"The ministry said Friday they met.": "",
	} {
		ds := findDates(text, d.pub, d.hasPub, false)
		got := ""
		if len(ds) > 0 {
			got = ds[0].iso
		}
		if got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
	if ds := findDates("They will meet next year.", d.pub, true, true); len(ds) == 0 || ds[0].iso != "2024" {
		t.Errorf("next year: %+v", ds)
	}
}

func TestExplain(t *testing.T) {
	x := newTest(t)
	var b strings.Builder
	if err := x.Explain(&b, seedInput(t, true)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"dateline: Islamabad (PAK)", `person "Sergey Vershinin" title="Deputy Foreign Minister" country=RUS`,
		"EVENT meeting countries=[", "ordinal=10 series=joint-working-group date=2023-11-16 place=Islamabad", "co_chair Syed Haider Shah", "next meeting: date=2024"} {
		if !strings.Contains(out, want) {
			t.Errorf("explanation lacks %q:\n%s", want, out)
		}
	}
}
