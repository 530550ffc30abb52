package identity

import (
	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// MergeWithin joins, inside one report, a person named by the family name
// alone ("Blinken said") to the one person of the same report whose full
// name ends with it ("Antony Blinken"), when their countries agree: the
// roles of the short mention move to the full one and the short one is
// dropped. A family name that fits two people of the report stays as it is.
// It returns how many people it dropped.
func MergeWithin(r *Rules, rec *schema.Record) int {
	if len(rec.People) < 2 {
		return 0
	}
	names := make([]Name, len(rec.People))
	for i, p := range rec.People {
		names[i] = r.Parse(p.Name)
	}
	into := map[quad.IRI]quad.IRI{}
	drop := map[int]bool{}
	for i, p := range rec.People {
		if len(names[i].Words) != 1 || names[i].Words[0].Initial {
			continue
		}
		target := -1
		for j, q := range rec.People {
			if j == i || len(names[j].Words) < 2 || q.IRI == p.IRI {
				continue
			}
			if p.Represents != "" && q.Represents != "" && p.Represents != q.Represents {
				continue
			}
			if _, ok := suffix(names[i], names[j]); !ok {
				continue
			}
			if target >= 0 && rec.People[target].IRI != q.IRI {
				target = -2
				break
			}
			target = j
		}
		if target < 0 {
			continue
		}
		q := &rec.People[target]
		if q.Title == "" {
			q.Title = p.Title
		}
		if q.Rank == "" {
			q.Rank = p.Rank
		}
		if q.Affiliation == "" {
			q.Affiliation = p.Affiliation
		}
		if q.Represents == "" {
			q.Represents = p.Represents
		}
		into[p.IRI] = q.IRI
		drop[i] = true
	}
	if len(drop) == 0 {
		return 0
	}
	kept := rec.People[:0]
	for i, p := range rec.People {
		if !drop[i] {
			kept = append(kept, p)
		}
	}
	rec.People = kept
	for i := range rec.Events {
		renameRoles(&rec.Events[i], into)
	}
	return len(drop)
}

func renameRoles(e *schema.EventInfo, into map[quad.IRI]quad.IRI) {
	seen := map[schema.Role]bool{}
	roles := e.Roles[:0]
	for _, r := range e.Roles {
		if to, ok := into[r.Actor]; ok {
			r.Actor = to
		}
		if !seen[r] {
			seen[r] = true
			roles = append(roles, r)
		}
	}
	e.Roles = roles
	if e.Next != nil {
		renameRoles(e.Next, into)
	}
}
