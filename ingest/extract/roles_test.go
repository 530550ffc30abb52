package extract

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// personRoles extracts in and returns the role of each person in its first
// event, by the predicate's local name ("co_chaired", "led_delegation").
func personRoles(t *testing.T, x *Extractor, in Input) map[string]string {
	t.Helper()
	r := x.Extract(in)
	if len(r.Events) == 0 {
		t.Fatalf("no event in %q", in.Body)
	}
	names := map[string]string{}
	for _, p := range r.People {
		names[string(p.IRI)] = p.Name
	}
	out := map[string]string{}
	for _, role := range r.Events[0].Roles {
		n := names[string(role.Actor)]
		if strings.HasPrefix(string(role.Actor), "person:") && (out[n] == "" || out[n] == "participated_in") {
			out[n] = strings.TrimPrefix(string(role.Predicate), "dg:") // the strongest, not the participation beside it
		}
	}
	return out
}

func TestRolesOfSides(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		body string
		want map[string]string
	}{
		// one chair for each side: co-chairs
		{"The fourth session of the Chile-Peru Joint Commission was held in Lima on Monday. It was chaired by Chilean Foreign Minister Tomas Ruiz and Peruvian Foreign Minister Ana Diaz.",
			map[string]string{"Tomas Ruiz": string(schema.CoChaired), "Ana Diaz": string(schema.CoChaired)}},
		// "led their respective sides": heads of delegation
		{"Chilean Vice Minister Tomas Ruiz and his Peruvian counterpart Ana Diaz led their respective sides at the consultations held in Lima on Monday.",
			map[string]string{"Tomas Ruiz": string(schema.LedDelegation), "Ana Diaz": string(schema.LedDelegation)}},
	} {
		got := personRoles(t, x, Input{Body: c.body, Published: "2024-05-08"})
		for name, want := range c.want {
			if w := strings.TrimPrefix(want, "dg:"); got[name] != w {
				t.Errorf("%q: %s is %q, want %q (all: %v)", c.body, name, got[name], w, got)
			}
		}
	}
}

func TestReporters(t *testing.T) {
	for title, want := range map[string]bool{
		"Foreign Ministry Spokesperson":                   true,
		"Senior Special Assistant on Media and Publicity": true,
		"deputy head of the Publicity Department":         false,
		"Minister of Information and Broadcasting":        false,
		"Press Secretary":                                 true,
	} {
		if got := reporter(&person{title: title}); got != want {
			t.Errorf("%q: reporter %v, want %v", title, got, want)
		}
	}
}
