package extract

import (
	"sort"
	"strings"

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
