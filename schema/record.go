package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"

	"github.com/cayleygraph/quad"
)

// ReportInfo describes the report a Record was extracted from.
type ReportInfo struct {
	ID        string   // ReportID of the body
	Title     string   // headline
	URL       string   // where it was published
	Publisher string   // who published it
	Published string   // ISO date of publication, "" when unknown
	Source    string   // where it was read from (path), not part of its identity
	Format    string   // the reader that read it: "text", "html", "jsonl", "feed", "gdelt"
	Dateline  quad.IRI // place of the dateline, "" when none
	Input     string   // hash of the input and the extractor (<dg:input>), "" when not known
}

// IRI is the report's node, also the label of every quad it asserts.
func (r ReportInfo) IRI() quad.IRI { return ReportIRI(r.ID) }

// Entity is a named node that is not a person, event or series: a country,
// organization, place, region or topic.
type Entity struct {
	IRI     quad.IRI
	Class   quad.IRI
	Name    string
	Aliases []string
	Country quad.IRI // for organizations and places: <dg:country>
}

// PersonInfo is a person as a report names them.
type PersonInfo struct {
	IRI         quad.IRI
	Name        string
	Aliases     []string
	Title       string
	Rank        string
	Affiliation quad.IRI // organization
	Represents  quad.IRI // country
}

// SeriesInfo is a standing bilateral mechanism.
type SeriesInfo struct {
	IRI     quad.IRI
	Name    string
	Aliases []string
	Members []quad.IRI // countries
}

// Role links an actor to an event with a role predicate such as CoChaired.
type Role struct {
	Actor     quad.IRI
	Predicate quad.IRI
}

// EventInfo is one gathering or contact.
type EventInfo struct {
	IRI       quad.IRI
	Name      string
	Kind      string
	CAMEO     string
	Series    quad.IRI
	Ordinal   int
	Date      string
	Weekday   string
	HeldIn    quad.IRI
	Status    string
	Next      *EventInfo
	Roles     []Role
	Discussed []quad.IRI
	Agreed    []string
	Evidence  []string
}

// Record is everything one report asserts, typed, before it becomes quads.
type Record struct {
	Report   ReportInfo
	Events   []EventInfo
	People   []PersonInfo
	Entities []Entity
	Series   []SeriesInfo
}

// Quads returns the record as quads labelled with the report's IRI, without
// duplicates, in a stable order, ending with the report's <dg:digest>: a
// hash of all the other quads, which lets a store recognise an unchanged
// report at the cost of one lookup.
func (r *Record) Quads() []quad.Quad {
	label := r.Report.IRI()
	b := quadBuilder{label: label, seen: map[quad.Quad]bool{}}
	rep := label
	b.add(rep, Type, Report)
	if r.Report.Title != "" {
		b.add(rep, Name, quad.String(r.Report.Title))
		b.add(rep, Title, quad.String(r.Report.Title))
	} else {
		b.add(rep, Name, quad.String("report "+r.Report.ID))
	}
	b.str(rep, URL, r.Report.URL)
	b.str(rep, Publisher, r.Report.Publisher)
	b.str(rep, Published, r.Report.Published)
	b.str(rep, Source, r.Report.Source)
	b.str(rep, Format, r.Report.Format)
	b.str(rep, Input, r.Report.Input)
	if r.Report.Dateline != "" {
		b.add(rep, Dateline, r.Report.Dateline)
	}
	for _, e := range r.Entities {
		b.node(e.IRI, e.Class, e.Name, e.Aliases)
		if e.Country != "" {
			b.add(e.IRI, InCountry, e.Country)
		}
	}
	for _, s := range r.Series {
		b.node(s.IRI, Series, s.Name, s.Aliases)
		for _, m := range s.Members {
			b.add(s.IRI, Member, m)
		}
	}
	for _, p := range r.People {
		b.node(p.IRI, Person, p.Name, p.Aliases)
		b.str(p.IRI, Title, p.Title)
		b.str(p.IRI, Rank, p.Rank)
		if p.Affiliation != "" {
			b.add(p.IRI, AffiliatedWith, p.Affiliation)
		}
		if p.Represents != "" {
			b.add(p.IRI, Represents, p.Represents)
		}
	}
	for i := range r.Events {
		b.event(&r.Events[i])
		b.add(rep, Reports, r.Events[i].IRI)
	}
	return b.finish()
}

type quadBuilder struct {
	label quad.IRI
	seen  map[quad.Quad]bool
	out   []quad.Quad
}

func (b *quadBuilder) add(s quad.IRI, p quad.IRI, o quad.Value) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.label}
	if !b.seen[q] {
		b.seen[q] = true
		b.out = append(b.out, q)
	}
}

func (b *quadBuilder) str(s, p quad.IRI, v string) {
	if v != "" {
		b.add(s, p, quad.String(v))
	}
}

func (b *quadBuilder) node(iri, class quad.IRI, name string, aliases []string) {
	b.add(iri, Type, class)
	b.str(iri, Name, name)
	for _, a := range aliases {
		if a != name {
			b.str(iri, Alias, a)
		}
	}
}

func (b *quadBuilder) event(e *EventInfo) {
	b.node(e.IRI, Event, e.Name, nil)
	b.str(e.IRI, Kind, e.Kind)
	b.str(e.IRI, CAMEO, e.CAMEO)
	if e.Series != "" {
		b.add(e.IRI, PartOf, e.Series)
	}
	if e.Ordinal > 0 {
		b.add(e.IRI, Ordinal, quad.Int(e.Ordinal))
	}
	b.str(e.IRI, Date, e.Date)
	b.str(e.IRI, Weekday, e.Weekday)
	if e.HeldIn != "" {
		b.add(e.IRI, HeldIn, e.HeldIn)
	}
	b.str(e.IRI, Status, e.Status)
	for _, r := range e.Roles {
		b.add(r.Actor, r.Predicate, e.IRI)
	}
	for _, d := range e.Discussed {
		b.add(e.IRI, Discussed, d)
	}
	for _, a := range e.Agreed {
		b.str(e.IRI, Agreed, a)
	}
	for _, ev := range e.Evidence {
		b.str(e.IRI, Evidence, ev)
	}
	if e.Next != nil {
		b.add(e.IRI, NextMeeting, e.Next.IRI)
		b.event(e.Next)
	}
}

func (b *quadBuilder) finish() []quad.Quad {
	// in quad.ByQuadString's order
	b.out = SortQuads(b.out, quad.Quad.String)
	b.out = append(b.out, quad.Quad{
		Subject: b.label, Predicate: Digest, Object: quad.String(Digest64(b.out)), Label: b.label,
	})
	return b.out
}

// SortQuads returns qs ordered by key (a quad's N-Quads line, its String,
// ...), computing each quad's key once: sort.Sort(quad.ByQuadString)
// formats both quads on every comparison, which took seconds on 100,000
// quads.
func SortQuads(qs []quad.Quad, key func(quad.Quad) string) []quad.Quad {
	keys := make([]string, len(qs))
	idx := make([]int, len(qs))
	for i, q := range qs {
		keys[i] = key(q)
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	out := make([]quad.Quad, len(qs))
	for i, j := range idx {
		out[i] = qs[j]
	}
	return out
}

// Digest64 is the hex SHA-256 of the N-Quads of qs in the given order,
// shortened to 16 digits.
func Digest64(qs []quad.Quad) string {
	h := sha256.New()
	for _, q := range qs {
		h.Write([]byte(q.NQuad()))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
