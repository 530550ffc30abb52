package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/ingest/gazetteer"
	"github.com/diplograph/diplograph/schema"
)

// GDELTColumns is the number of tab-separated columns of a GDELT 2.0
// events export row.
const GDELTColumns = 61

// Zero-based indexes of the GDELT 2.0 event columns the reader uses
// (shared/data/gdelt/COLUMNS.tsv names all 61).
const (
	gdSQLDate           = 1
	gdActor1CountryCode = 7
	gdActor2CountryCode = 17
	gdEventCode         = 26
	gdEventRootCode     = 28
	gdActionGeoType     = 51
	gdActionGeoFullName = 52
	gdActionGeoCountry  = 53
	gdDateAdded         = 59
	gdSourceURL         = 60
)

// GDELTCounts are the row counts of a GDELT reader. Every row read is
// exactly one of kept, merged or skipped: Read == Kept + Merged + Skipped.
type GDELTCounts struct {
	// Read is the number of non-blank rows read.
	Read int
	// Kept is the number of rows that became an event of a report (one
	// per distinct event and SOURCEURL).
	Kept int
	// Merged is the number of rows that repeat an event already kept from
	// the same SOURCEURL and were folded into it.
	Merged int
	// Skipped is the number of rows dropped: root codes other than 03, 04
	// and 05, fewer than two distinct countries among the actors, and
	// malformed rows (which are also emitted as Doc{Err}).
	Skipped int
}

// GDELTReader reads GDELT 2.0 events exports (61 tab-separated columns, no
// header) into structured records: diplomatic rows (EventRootCode 03, 04
// or 05) between two countries become events, and each distinct SOURCEURL
// becomes one report (schema.URLReportID) asserting the events of its
// rows. Records are emitted after the whole file is read, in the order in
// which their URLs first appear; malformed rows are emitted as Doc{Err}
// as they are met. The zero value is ready to use; a GDELTReader must not
// be copied after first use.
type GDELTReader struct {
	// Gazetteer resolves country codes and city names;
	// gazetteer.Default() when nil.
	Gazetteer *gazetteer.Gazetteer

	mu     sync.Mutex
	counts GDELTCounts
}

// Name returns "gdelt".
func (*GDELTReader) Name() string { return "gdelt" }

// Counts returns the rows read, kept, merged and skipped so far, summed
// over every Read of this reader. It is safe to call while Read runs.
func (r *GDELTReader) Counts() GDELTCounts {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.counts
}

func (r *GDELTReader) count(f func(*GDELTCounts)) {
	r.mu.Lock()
	f(&r.counts)
	r.mu.Unlock()
}

// IsGDELTExportName reports whether a file name looks like a GDELT events
// export: it ends in ".export.csv" (any case, as GDELT's own
// "20191024143000.export.CSV"), optionally followed by ".gz", or has the
// extension ".gdelt".
func IsGDELTExportName(path string) bool {
	base := strings.TrimSuffix(strings.ToLower(filepath.Base(path)), ".gz")
	return strings.HasSuffix(base, ".export.csv") || strings.HasSuffix(base, ".gdelt")
}

// sniffGDELT reports whether head starts like a GDELT events export: the
// first line has exactly 61 tab-separated fields, the first a number and
// the second an 8-digit date. When head ends inside the first line, the
// part read must have at most 61 fields and begin the same way.
func sniffGDELT(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	line, _, complete := bytes.Cut(head, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	fields := bytes.Split(line, []byte("\t"))
	if complete && len(fields) != GDELTColumns || !complete && (len(fields) < 3 || len(fields) > GDELTColumns) {
		return false
	}
	return allDigits(string(fields[0])) && len(fields[0]) > 0 && isYYYYMMDD(string(fields[1]))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isYYYYMMDD(s string) bool {
	_, ok := gdeltDate(s)
	return ok
}

// gdeltDate turns a GDELT date (YYYYMMDD, or DATEADDED's YYYYMMDDHHMMSS)
// into an ISO date.
func gdeltDate(s string) (string, bool) {
	if (len(s) != 8 && len(s) != 14) || !allDigits(s) {
		return "", false
	}
	t, err := time.Parse("20060102", s[:8])
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// gdeltKind maps a CAMEO event code of the diplomatic roots (03x-05x) to
// an event kind.
func gdeltKind(code string) string {
	switch code {
	case "041":
		return schema.KindCall
	case "042", "043":
		return schema.KindVisit
	case "057":
		return schema.KindSigning
	}
	return schema.KindMeeting
}

// gdeltPlace is where a row says its event happened.
type gdeltPlace struct {
	iri       quad.IRI
	precision int // 0 none, 1 country, 2 city or venue
	country   *gazetteer.Country
	city      string // canonical city name; "" for a country
}

// gdeltEvent is an event being gathered from the rows of one report.
type gdeltEvent struct {
	info      schema.EventInfo
	roles     map[schema.Role]bool
	countries []*gazetteer.Country // the participants, sorted by ISO3
	place     gdeltPlace
}

// gdeltReport gathers the events of one SOURCEURL.
type gdeltReport struct {
	source string // the SOURCEURL as written
	line   int    // line of its first row
	added  string // ISO date of DATEADDED of its first row
	events []*gdeltEvent
	byIRI  map[quad.IRI]*gdeltEvent
}

// Read reads a GDELT export from r and emits one Doc{Record} per distinct
// SOURCEURL of its diplomatic rows. A row that does not have 61 columns,
// or whose dates, event code or SOURCEURL are unusable, is emitted as
// Doc{Err} naming name and the line, and reading goes on.
func (r *GDELTReader) Read(ctx context.Context, name string, in io.Reader, emit func(Doc) error) error {
	g := r.Gazetteer
	if g == nil {
		g = gazetteer.Default()
	}
	br := bufio.NewReaderSize(in, 64<<10)
	var (
		reports []*gdeltReport
		byURL   = map[string]*gdeltReport{}
		lineNo  int
	)
	for {
		if lineNo%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		raw, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("%s:%d: %w", name, lineNo+1, err)
		}
		if raw == "" && err != nil {
			break
		}
		lineNo++
		line := strings.TrimRight(raw, "\r\n")
		if lineNo == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) != "" {
			r.count(func(c *GDELTCounts) { c.Read++ })
			if rowErr := r.row(g, name, lineNo, strings.ToValidUTF8(line, "\uFFFD"), byURL, &reports); rowErr != nil {
				r.count(func(c *GDELTCounts) { c.Skipped++ })
				if err := emit(Doc{Err: rowErr}); err != nil {
					return err
				}
			}
		}
		if err != nil { // io.EOF after a last line without "\n"
			break
		}
	}
	for _, rep := range reports {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := emit(Doc{Record: rep.record(name)}); err != nil {
			return err
		}
	}
	return nil
}

// row handles one non-blank row: it counts a skipped row, adds a new event
// to its report or merges it into one already there. The error of a
// malformed row names the file and line; the caller counts it.
func (r *GDELTReader) row(g *gazetteer.Gazetteer, name string, lineNo int, line string,
	byURL map[string]*gdeltReport, reports *[]*gdeltReport) error {
	f := strings.Split(line, "\t")
	if len(f) != GDELTColumns {
		return fmt.Errorf("%s:%d: %d tab-separated columns, want %d", name, lineNo, len(f), GDELTColumns)
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	switch f[gdEventRootCode] {
	case "03", "04", "05":
	default:
		r.count(func(c *GDELTCounts) { c.Skipped++ })
		return nil
	}
	c1, _ := g.CountryByISO3(f[gdActor1CountryCode])
	c2, _ := g.CountryByISO3(f[gdActor2CountryCode])
	if c1 == nil || c2 == nil || c1.ISO3 == c2.ISO3 {
		r.count(func(c *GDELTCounts) { c.Skipped++ })
		return nil
	}
	code := f[gdEventCode]
	if len(code) < 2 || !allDigits(code) || !strings.HasPrefix(code, f[gdEventRootCode]) {
		return fmt.Errorf("%s:%d: EventCode %q does not belong to EventRootCode %q", name, lineNo, code, f[gdEventRootCode])
	}
	date, ok := gdeltDate(f[gdSQLDate])
	if !ok || len(f[gdSQLDate]) != 8 {
		return fmt.Errorf("%s:%d: SQLDATE %q is not a valid YYYYMMDD date", name, lineNo, f[gdSQLDate])
	}
	added, ok := gdeltDate(f[gdDateAdded])
	if !ok {
		return fmt.Errorf("%s:%d: DATEADDED %q is not a valid YYYYMMDDHHMMSS time", name, lineNo, f[gdDateAdded])
	}
	src := f[gdSourceURL]
	if src == "" {
		return fmt.Errorf("%s:%d: no SOURCEURL", name, lineNo)
	}

	kind := gdeltKind(code)
	iso3s := []string{c1.ISO3, c2.ISO3}
	iri := schema.EventIRI(kind, iso3s, date)
	place := gdeltPlaceOf(g, f[gdActionGeoType], f[gdActionGeoFullName], f[gdActionGeoCountry])

	rep := byURL[src]
	if rep == nil {
		rep = &gdeltReport{source: src, line: lineNo, added: added, byIRI: map[quad.IRI]*gdeltEvent{}}
		byURL[src] = rep
		*reports = append(*reports, rep)
	}
	ev := rep.byIRI[iri]
	if ev == nil {
		first, second := c1, c2
		if first.ISO3 > second.ISO3 {
			first, second = second, first
		}
		ev = &gdeltEvent{
			info: schema.EventInfo{
				IRI:    iri,
				Name:   fmt.Sprintf("%s-%s %s, %s", first.Name, second.Name, kind, date),
				Kind:   kind,
				CAMEO:  code,
				Date:   date,
				Status: schema.StatusHeld,
			},
			roles:     map[schema.Role]bool{},
			countries: []*gazetteer.Country{first, second},
		}
		rep.byIRI[iri] = ev
		rep.events = append(rep.events, ev)
		r.count(func(c *GDELTCounts) { c.Kept++ })
	} else {
		r.count(func(c *GDELTCounts) { c.Merged++ })
	}
	ev.addRole(schema.Role{Actor: schema.CountryIRI(c1.ISO3), Predicate: schema.ParticipatedIn})
	ev.addRole(schema.Role{Actor: schema.CountryIRI(c2.ISO3), Predicate: schema.ParticipatedIn})
	switch code {
	case "042": // Actor1 makes a visit to Actor2
		ev.addRole(schema.Role{Actor: schema.CountryIRI(c2.ISO3), Predicate: schema.Hosted})
	case "043": // Actor1 hosts a visit of Actor2
		ev.addRole(schema.Role{Actor: schema.CountryIRI(c1.ISO3), Predicate: schema.Hosted})
	case "057":
		ev.addRole(schema.Role{Actor: schema.CountryIRI(c1.ISO3), Predicate: schema.Signed})
		ev.addRole(schema.Role{Actor: schema.CountryIRI(c2.ISO3), Predicate: schema.Signed})
	}
	if place.precision > ev.place.precision {
		ev.place = place
		ev.info.HeldIn = place.iri
	}
	return nil
}

func (e *gdeltEvent) addRole(role schema.Role) {
	if !e.roles[role] {
		e.roles[role] = true
		e.info.Roles = append(e.info.Roles, role)
	}
}

// gdeltPlaceOf resolves a row's ActionGeo: a country (type 1), a US state
// or other first-order division (types 2 and 5, held in the country) or a
// city or landmark (types 3 and 4) in the country of the FIPS 10-4 code.
// A city named in the gazetteer takes its canonical name.
func gdeltPlaceOf(g *gazetteer.Gazetteer, typ, fullName, fips string) gdeltPlace {
	c, ok := g.CountryByFIPS(fips)
	if !ok {
		return gdeltPlace{}
	}
	country := gdeltPlace{iri: schema.CountryIRI(c.ISO3), precision: 1, country: c}
	switch typ {
	case "1", "2", "5":
		return country
	case "3", "4":
		city, _, _ := strings.Cut(fullName, ",")
		city = strings.TrimSpace(city)
		if schema.Slug(city) == "" {
			return country
		}
		for _, gc := range g.Cities(city) {
			if gc.Country == c.ISO3 {
				city = gc.Name
				break
			}
		}
		return gdeltPlace{iri: schema.PlaceIRI(c.ISO3, city), precision: 2, country: c, city: city}
	}
	return gdeltPlace{}
}

// record turns the gathered events of one SOURCEURL into its Record.
func (rep *gdeltReport) record(name string) *schema.Record {
	rec := &schema.Record{Report: schema.ReportInfo{
		Format:    "gdelt",
		ID:        schema.URLReportID(rep.source),
		Published: rep.added,
		Source:    fmt.Sprintf("%s:%d", name, rep.line),
	}}
	if u, err := url.Parse(rep.source); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		rec.Report.URL = rep.source
		rec.Report.Publisher = strings.ToLower(u.Hostname())
	} else {
		// GDELT names some sources without a URL ("BBC Monitoring").
		rec.Report.Publisher = rep.source
	}
	seen := map[quad.IRI]bool{}
	addCountry := func(c *gazetteer.Country) {
		iri := schema.CountryIRI(c.ISO3)
		if !seen[iri] {
			seen[iri] = true
			rec.Entities = append(rec.Entities, schema.Entity{IRI: iri, Class: schema.Country, Name: c.Name})
		}
	}
	for _, ev := range rep.events {
		for _, c := range ev.countries {
			addCountry(c)
		}
		if ev.place.country != nil {
			addCountry(ev.place.country)
		}
		if ev.place.precision == 2 && !seen[ev.place.iri] {
			seen[ev.place.iri] = true
			rec.Entities = append(rec.Entities, schema.Entity{
				IRI: ev.place.iri, Class: schema.Place, Name: ev.place.city,
				Country: schema.CountryIRI(ev.place.country.ISO3),
			})
		}
		rec.Events = append(rec.Events, ev.info)
	}
	return rec
}
