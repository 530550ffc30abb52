package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDebugDump prints the analysis of the report named by DIPLOGRAPH_DEBUG
// (a text report with a header block); it is skipped otherwise.
func TestDebugDump(t *testing.T) {
	path := os.Getenv("DIPLOGRAPH_DEBUG")
	if path == "" {
		t.Skip("set DIPLOGRAPH_DEBUG=report.txt to dump its analysis")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	in := Input{Body: text}
	if i := strings.Index(text, "\n\n"); i > 0 && strings.Contains(text[:i], "published:") {
		for _, l := range strings.Split(text[:i], "\n") {
			if strings.HasPrefix(l, "published:") {
				in.Published = strings.TrimSpace(strings.TrimPrefix(l, "published:"))
			}
		}
		in.Body = text[i+2:]
	}
	x := newTest(t)
	d := x.newDoc(in)
	for _, s := range d.sents {
		tr, ti, ok := x.findTrigger(s)
		fmt.Printf("[%d] %s\n", s.idx, s.text)
		if ok {
			fmt.Printf("    trigger %s at %q planned=%v past=%v\n", tr.kind, s.toks[ti].text, s.planned, s.past)
		}
		for _, p := range s.persons {
			fmt.Printf("    person %q title=%q country=%s\n", p.p.name, p.p.title, p.p.finalCountry())
		}
		for _, c := range s.cref {
			fmt.Printf("    country %s at %q\n", c.iso3, s.toks[c.tok].text)
		}
	}
	d.run()
	for _, e := range d.events {
		fmt.Printf("EVENT %s %v ord=%d mech=%s date=%s place=%v\n", e.kind, e.countries, e.ordinal, e.mech, e.date, e.place)
		for p, r := range e.roles {
			fmt.Printf("   %s %s\n", r, p.name)
		}
	}
}
