package extract

import (
	"time"

	"github.com/diplograph/diplograph/ingest/gazetteer"
)

// Stage 3-4: the event, as one sentence states it (an event mention) and
// as the merging stage assembles it from several.

// event is an event being assembled from the sentences that state it.
type event struct {
	kind, cameo string
	ordinal     int
	mech        string   // series type
	subject     string   // the series' subject: a topic slug
	mechName    string   // as written
	countries   []string // ISO3, in order of appearance
	hosts       []string
	roles       map[*person]string // strongest role
	date        string
	dateEnd     string // the last day, when the event spans days
	weekday     string
	place       *gazetteer.City
	placeCtry   string // country when no city is known
	next        *event
	sents       []*sentence
	topics      map[string]bool
	discussed   []string // country ISO3s and region slugs ("region:...")
	agreed      []string
	// venue is set when a sentence stating the event names a building and
	// no city: "at the Casa Rosada"
	venue bool
	// bilateralAside marks a two-country meeting on the sidelines of a
	// larger one, which it must not merge into.
	bilateralAside bool
	parent         *event // the gathering of many at which such a meeting took place
	// others are the sides of the other meetings told in the same breath
	// ("met the ministers of A, B and C"): none is this one's counterpart
	others []string
	// earlier marks an event told as background, before the report's own:
	// it merges with no other
	earlier bool
}

var roleRank = map[string]int{"chair": 0, "co_chair": 1, "delegation_head": 2, "speaker": 3, "participant": 4}

func (e *event) setRole(p *person, r string) {
	if e.roles == nil {
		e.roles = map[*person]string{}
	}
	if old, ok := e.roles[p]; !ok || roleRank[r] < roleRank[old] {
		e.roles[p] = r
	}
}

func (e *event) addCountry(c string) {
	for _, o := range e.countries {
		if o == c {
			return
		}
	}
	e.countries = append(e.countries, c)
}

func (e *event) hasCountry(c string) bool {
	for _, o := range e.countries {
		if o == c {
			return true
		}
	}
	return false
}

func crefCodes(s *sentence) []string {
	var out []string
	for _, c := range s.cref {
		out = append(out, c.iso3)
	}
	return out
}

func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// session reports whether e is a meeting of a standing mechanism.
func (e *event) session() bool { return e.kind == "meeting" && e.mech != "" }

// numbered reports whether e is a numbered meeting of a standing
// mechanism, of whatever kind: "the 13th meeting of the Intergovernmental
// Commission".
func (e *event) numbered() bool { return e.ordinal > 0 && e.mech != "" }

// sameRound reports whether a and b are the same numbered meeting of one
// mechanism, which may take more than a day.
func sameRound(a, b *event) bool { return a.numbered() && a.ordinal == b.ordinal && a.mech == b.mech }

// covers reports whether the days of a include the day of b.
func covers(a, b *event) bool {
	if a.date == b.date {
		return true
	}
	return a.dateEnd != "" && len(b.date) == 10 && a.date <= b.date && b.date <= a.dateEnd
}

// distinctDays reports whether a and b took place on different days.
func distinctDays(a, b *event) bool {
	return len(a.date) == 10 && len(b.date) == 10 && !covers(a, b) && !covers(b, a)
}

// hostedBy reports whether a visit goes to country c.
func hostedBy(e *event, c string) bool {
	for _, h := range e.hosts {
		if h == c {
			return true
		}
	}
	return false
}

// farApart reports whether a and b are dated to days more than three days
// apart: not one visit or session, whatever refers back to what.
func farApart(a, b *event) bool {
	if len(a.date) != 10 || len(b.date) != 10 || covers(a, b) || covers(b, a) {
		return false
	}
	x, err1 := time.Parse("2006-01-02", a.date)
	y, err2 := time.Parse("2006-01-02", b.date)
	if err1 != nil || err2 != nil {
		return false
	}
	gap := x.Sub(y)
	return gap > 72*time.Hour || gap < -72*time.Hour
}
