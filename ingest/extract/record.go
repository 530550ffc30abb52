package extract

import (
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/ingest/gazetteer"
	"github.com/diplograph/diplograph/schema"
)

// maxEvidence is the most evidence sentences kept per event.
const maxEvidence = 5

// record turns the assembled events and people into a schema.Record.
func (d *doc) record() *schema.Record {
	r := &schema.Record{Report: schema.ReportInfo{
		ID: d.in.ID, Title: d.in.Title, URL: d.in.URL, Publisher: d.in.Publisher,
		Published: d.in.Published, Source: d.in.Source,
	}}
	b := recordBuilder{d: d, r: r, seen: map[quad.IRI]bool{}}
	if d.dateline != nil {
		r.Report.Dateline = b.place(d.dateline)
	}
	d.knownOfficials()
	d.ownOfficials()
	d.settleRoles()
	for _, e := range d.events {
		r.Events = append(r.Events, b.event(e, schema.StatusHeld))
	}
	// officials named with their title but in no event: who's who; a report
	// names its own country's officials without their nationality
	for _, p := range d.people {
		if p.title != "" || p.finalCountry() != "" {
			if p.finalCountry() == "" && p.org == nil {
				p.country = d.home
			}
			b.person(p)
		}
	}
	return r
}

type recordBuilder struct {
	d    *doc
	r    *schema.Record
	seen map[quad.IRI]bool
}

func (b *recordBuilder) entity(e schema.Entity) quad.IRI {
	if !b.seen[e.IRI] {
		b.seen[e.IRI] = true
		b.r.Entities = append(b.r.Entities, e)
	}
	return e.IRI
}

func (b *recordBuilder) country(iso3 string) quad.IRI {
	name := iso3
	if c, ok := b.d.x.gz.CountryByISO3(iso3); ok {
		name = c.Name
	}
	return b.entity(schema.Entity{IRI: schema.CountryIRI(iso3), Class: schema.Country, Name: name})
}

func (b *recordBuilder) place(c *gazetteer.City) quad.IRI {
	ctry := b.country(c.Country)
	return b.entity(schema.Entity{IRI: schema.PlaceIRI(c.Country, c.Name), Class: schema.Place, Name: c.Name, Country: ctry})
}

func (b *recordBuilder) person(p *person) quad.IRI {
	iri := schema.PersonIRI(p.name)
	if b.seen[iri] {
		return iri
	}
	b.seen[iri] = true
	pi := schema.PersonInfo{IRI: iri, Name: p.name, Title: p.title, Rank: p.rank}
	c := p.finalCountry()
	if c != "" {
		pi.Represents = b.country(c)
	}
	switch {
	case p.body != nil && (c != "" || p.bodyCountry != ""):
		bc := p.bodyCountry
		if bc == "" {
			bc = c
		}
		pi.Affiliation = b.entity(schema.Entity{IRI: schema.NationalOrgIRI(bc, p.body.Slug), Class: schema.Organization,
			Name: p.body.Name, Country: b.country(bc)})
	case p.org != nil:
		pi.Affiliation = b.entity(schema.Entity{IRI: schema.OrgIRI(p.org.Slug), Class: schema.Organization, Name: p.org.Name})
	}
	b.r.People = append(b.r.People, pi)
	return iri
}

func (b *recordBuilder) series(e *event) quad.IRI {
	if e.mech == "" || len(e.countries) < 2 || len(e.countries) > 3 {
		return ""
	}
	iri := schema.SeriesIRI(e.countries, e.mech, e.subject)
	if b.seen[iri] {
		return iri
	}
	b.seen[iri] = true
	var members []quad.IRI
	var names []string
	for _, c := range sortedCodes(e.countries) {
		members = append(members, b.country(c))
		if cc, ok := b.d.x.gz.CountryByISO3(c); ok {
			names = append(names, cc.Name)
		}
	}
	name := strings.Join(names, "-") + " " + strings.ReplaceAll(e.mech, "-", " ")
	if e.subject != "" {
		name += " on " + strings.ReplaceAll(e.subject, "-", " ")
	}
	b.r.Series = append(b.r.Series, schema.SeriesInfo{IRI: iri, Name: name, Aliases: nonEmpty(e.mechName), Members: members})
	return iri
}

func sortedCodes(cs []string) []string {
	out := append([]string(nil), cs...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func (b *recordBuilder) event(e *event, status string) schema.EventInfo {
	series := b.series(e)
	ei := schema.EventInfo{Kind: e.kind, CAMEO: e.cameo, Series: series, Ordinal: e.ordinal,
		Date: e.date, Weekday: e.weekday, Status: status}
	when := e.date
	if when == "" {
		when = b.d.in.ID
		if status == schema.StatusPlanned {
			when += "-next"
		}
	}
	if series != "" && e.ordinal > 0 {
		ei.IRI = schema.NumberedEventIRI(series, e.ordinal)
	} else {
		ei.IRI = schema.EventIRI(e.kind, e.countries, when)
	}
	ei.Name = b.eventName(e, series)
	if e.place != nil {
		ei.HeldIn = b.place(e.place)
	} else if e.placeCtry != "" {
		ei.HeldIn = b.country(e.placeCtry)
	}
	if status == schema.StatusPlanned {
		if e.cameo == "" {
			ei.CAMEO = "036"
		}
		return ei
	}
	// roles of people and their countries
	countryRole := map[string]quad.IRI{}
	rank := map[quad.IRI]int{schema.Chaired: 0, schema.CoChaired: 1, schema.ParticipatedIn: 2}
	for _, p := range sortedPeople(e.roles) {
		role := e.roles[p]
		pred := map[string]quad.IRI{"chair": schema.Chaired, "co_chair": schema.CoChaired, "delegation_head": schema.LedDelegation,
			"speaker": schema.SpokeAt, "participant": schema.ParticipatedIn}[role]
		iri := b.person(p)
		ei.Roles = append(ei.Roles, schema.Role{Actor: iri, Predicate: pred})
		if role != "participant" && role != "speaker" && role != "delegation_head" {
			// a speaker or delegation head also took part
		} else {
			ei.Roles = append(ei.Roles, schema.Role{Actor: iri, Predicate: schema.ParticipatedIn})
		}
		if c := p.finalCountry(); c != "" && e.hasCountry(c) {
			cp := schema.ParticipatedIn
			if pred == schema.Chaired || pred == schema.CoChaired {
				cp = pred
			}
			if old, ok := countryRole[c]; !ok || rank[cp] < rank[old] {
				countryRole[c] = cp
			}
		}
	}
	for _, c := range e.countries {
		pred, ok := countryRole[c]
		if !ok {
			pred = schema.ParticipatedIn
		}
		ei.Roles = append(ei.Roles, schema.Role{Actor: b.country(c), Predicate: pred})
		if pred != schema.ParticipatedIn {
			ei.Roles = append(ei.Roles, schema.Role{Actor: b.country(c), Predicate: schema.ParticipatedIn})
		}
	}
	hosts := append([]string(nil), e.hosts...)
	if e.place != nil && e.kind != "call" {
		hosts = append(hosts, e.place.Country)
	}
	for _, h := range hosts {
		if e.hasCountry(h) {
			ei.Roles = append(ei.Roles, schema.Role{Actor: b.country(h), Predicate: schema.Hosted})
			break
		}
	}
	// what was discussed and agreed
	topics := make([]string, 0, len(e.topics))
	for t := range e.topics {
		topics = append(topics, t)
	}
	sort.Strings(topics) // the same output every run
	for _, t := range topics {
		ei.Discussed = append(ei.Discussed, b.entity(schema.Entity{IRI: schema.TopicIRI(t), Class: schema.Topic, Name: b.topicName(t)}))
	}
	for _, dsc := range e.discussed {
		if strings.HasPrefix(dsc, "region:") {
			slug := strings.TrimPrefix(dsc, "region:")
			name := slug
			if r, ok := b.d.x.gz.Region(strings.ReplaceAll(slug, "-", " ")); ok {
				name = r.Name
			}
			ei.Discussed = append(ei.Discussed, b.entity(schema.Entity{IRI: schema.RegionIRI(slug), Class: schema.Region, Name: name}))
		} else if !e.hasCountry(dsc) {
			ei.Discussed = append(ei.Discussed, b.country(dsc))
		}
	}
	ei.Agreed = e.agreed
	seen := map[string]bool{}
	for _, s := range e.sents {
		if !seen[s.text] && len(ei.Evidence) < maxEvidence {
			seen[s.text] = true
			ei.Evidence = append(ei.Evidence, s.text)
		}
	}
	if e.next != nil {
		n := *e.next
		if len(n.countries) == 0 {
			n.countries = e.countries
		}
		ne := b.event(&n, schema.StatusPlanned)
		ei.Next = &ne
	}
	return ei
}

func (b *recordBuilder) topicName(slug string) string {
	for _, t := range b.d.x.gz.Topics {
		if t.Slug == slug {
			return t.Name
		}
	}
	return slug
}

func (b *recordBuilder) eventName(e *event, series quad.IRI) string {
	var names []string
	for _, c := range e.countries {
		if cc, ok := b.d.x.gz.CountryByISO3(c); ok {
			names = append(names, cc.Name)
		}
	}
	parts := strings.Join(names, "-")
	if e.kind == "conference" && e.mechName != "" {
		parts = e.mechName
	}
	name := e.kind
	if e.mech != "" && series != "" {
		name = "meeting of the " + parts + " " + strings.ReplaceAll(e.mech, "-", " ")
		parts = ""
	}
	if e.ordinal > 0 {
		name = schema.OrdinalText(e.ordinal) + " " + name
	}
	if parts != "" {
		name += " " + parts
	}
	if e.date != "" {
		name += ", " + e.date
	}
	return name
}

func sortedPeople(m map[*person]string) []*person {
	var out []*person
	for p := range m {
		out = append(out, p)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].name < out[j-1].name; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
