// Command genquads writes a deterministic set of schema-shaped quads
// (SCHEMA.md) for load and query benchmarks: reports of bilateral and
// multilateral events with countries, persons, places, series, topics, role
// edges and evidence sentences, each quad labelled with the report that
// asserts it. About one report per 60 quads; the same seed and -n always
// give the same file.
//
//	go run ./testdata/genquads -n 1000000 -seed 1 -o /tmp/q1m.nq
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/cayleygraph/quad/nquads"
	"github.com/diplograph/diplograph/schema"
)

func main() {
	n := flag.Int64("n", 1000000, "number of quads to write")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("o", "-", "output file (- for stdout)")
	flag.Parse()

	var w io.Writer = os.Stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "genquads:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if err := generate(bw, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "genquads:", err)
		os.Exit(1)
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "genquads:", err)
		os.Exit(1)
	}
}

// Vocabulary (SCHEMA.md); spelled out here so that the benchmark input
// stays fixed whatever the schema package later adds or renames.
const (
	pType           = quad.IRI("rdf:type")
	pName           = quad.IRI("schema:name")
	pAlias          = quad.IRI("dg:alias")
	pParticipatedIn = quad.IRI("dg:participated_in")
	pCoChaired      = quad.IRI("dg:co_chaired")
	pChaired        = quad.IRI("dg:chaired")
	pLedDelegation  = quad.IRI("dg:led_delegation")
	pHosted         = quad.IRI("dg:hosted")
	pSpokeAt        = quad.IRI("dg:spoke_at")
	pSigned         = quad.IRI("dg:signed")
	pMember         = quad.IRI("dg:member")
	pKind           = quad.IRI("dg:kind")
	pCAMEO          = quad.IRI("dg:cameo")
	pPartOf         = quad.IRI("dg:part_of")
	pOrdinal        = quad.IRI("dg:ordinal")
	pDate           = quad.IRI("dg:date")
	pHeldIn         = quad.IRI("dg:held_in")
	pStatus         = quad.IRI("dg:status")
	pNextMeeting    = quad.IRI("dg:next_meeting")
	pDiscussed      = quad.IRI("dg:discussed")
	pAgreed         = quad.IRI("dg:agreed")
	pEvidence       = quad.IRI("dg:evidence")
	pTitle          = quad.IRI("dg:title")
	pRank           = quad.IRI("dg:rank")
	pAffiliatedWith = quad.IRI("dg:affiliated_with")
	pRepresents     = quad.IRI("dg:represents")
	pInCountry      = quad.IRI("dg:country")
	pURL            = quad.IRI("dg:url")
	pPublisher      = quad.IRI("dg:publisher")
	pPublished      = quad.IRI("dg:published")
	pDateline       = quad.IRI("dg:dateline")
	pReports        = quad.IRI("dg:reports")
	pDigest         = quad.IRI("dg:digest")

	cCountry      = quad.IRI("dg:Country")
	cPerson       = quad.IRI("dg:Person")
	cOrganization = quad.IRI("dg:Organization")
	cPlace        = quad.IRI("dg:Place")
	cSeries       = quad.IRI("dg:Series")
	cEvent        = quad.IRI("dg:Event")
	cTopic        = quad.IRI("dg:Topic")
	cReport       = quad.IRI("dg:Report")
)

// countries, roughly in order of how often they appear in diplomatic
// reporting; the Zipf draw below favours the first ones.
var countries = [][2]string{
	{"USA", "United States"}, {"CHN", "China"}, {"RUS", "Russia"}, {"IND", "India"},
	{"PAK", "Pakistan"}, {"GBR", "United Kingdom"}, {"FRA", "France"}, {"DEU", "Germany"},
	{"JPN", "Japan"}, {"TUR", "Turkey"}, {"IRN", "Iran"}, {"SAU", "Saudi Arabia"},
	{"AFG", "Afghanistan"}, {"BRA", "Brazil"}, {"KOR", "South Korea"}, {"ITA", "Italy"},
	{"ARE", "United Arab Emirates"}, {"EGY", "Egypt"}, {"IDN", "Indonesia"}, {"UKR", "Ukraine"},
	{"QAT", "Qatar"}, {"VNM", "Vietnam"}, {"AZE", "Azerbaijan"}, {"KAZ", "Kazakhstan"},
	{"UZB", "Uzbekistan"}, {"BGD", "Bangladesh"}, {"LKA", "Sri Lanka"}, {"NPL", "Nepal"},
	{"MYS", "Malaysia"}, {"THA", "Thailand"}, {"SGP", "Singapore"}, {"PHL", "Philippines"},
	{"AUS", "Australia"}, {"CAN", "Canada"}, {"MEX", "Mexico"}, {"ARG", "Argentina"},
	{"ZAF", "South Africa"}, {"NGA", "Nigeria"}, {"ETH", "Ethiopia"}, {"KEN", "Kenya"},
	{"ESP", "Spain"}, {"SWE", "Sweden"}, {"NLD", "Netherlands"}, {"POL", "Poland"},
	{"ISR", "Israel"}, {"JOR", "Jordan"}, {"IRQ", "Iraq"}, {"SYR", "Syria"},
	{"OMN", "Oman"}, {"KWT", "Kuwait"}, {"BHR", "Bahrain"}, {"TKM", "Turkmenistan"},
	{"TJK", "Tajikistan"}, {"KGZ", "Kyrgyzstan"}, {"MNG", "Mongolia"}, {"MMR", "Myanmar"},
	{"KHM", "Cambodia"}, {"LAO", "Laos"}, {"NZL", "New Zealand"}, {"CHL", "Chile"},
	{"COL", "Colombia"}, {"PER", "Peru"}, {"VEN", "Venezuela"}, {"CUB", "Cuba"},
	{"DZA", "Algeria"}, {"MAR", "Morocco"}, {"TUN", "Tunisia"}, {"LBY", "Libya"},
	{"SDN", "Sudan"}, {"GHA", "Ghana"}, {"SEN", "Senegal"}, {"TZA", "Tanzania"},
	{"AGO", "Angola"}, {"NOR", "Norway"}, {"FIN", "Finland"}, {"DNK", "Denmark"},
	{"BEL", "Belgium"}, {"AUT", "Austria"}, {"CHE", "Switzerland"}, {"PRT", "Portugal"},
	{"GRC", "Greece"}, {"HUN", "Hungary"}, {"CZE", "Czechia"}, {"ROU", "Romania"},
	{"SRB", "Serbia"}, {"BLR", "Belarus"}, {"GEO", "Georgia"}, {"ARM", "Armenia"},
	{"MDV", "Maldives"}, {"BTN", "Bhutan"},
}

var seriesTypes = []string{"joint-working-group", "joint-commission", "joint-committee",
	"strategic-dialogue", "dialogue", "consultations", "talks", "summit", "mechanism"}

var topics = []string{"counter-terrorism", "financing-of-terrorism", "trade", "energy",
	"connectivity", "climate-change", "defence-cooperation", "cyber-security",
	"maritime-security", "education", "health", "agriculture", "water-resources",
	"migration", "narcotics", "space", "nuclear-energy", "investment", "tourism",
	"culture", "science-and-technology", "regional-security", "peacekeeping",
	"human-rights", "food-security", "transport", "customs", "banking", "visa-regime",
	"border-management"}

var titles = []string{"Foreign Minister", "Deputy Foreign Minister", "Foreign Secretary",
	"Additional Foreign Secretary", "Ambassador", "Prime Minister", "President",
	"Minister of Commerce", "Defence Minister", "National Security Adviser",
	"Director General", "Special Envoy", "Minister of Energy", "Vice Minister"}

var firstNames = []string{"amir", "sergey", "li", "anna", "rahul", "fatima", "john",
	"maria", "kenji", "olga", "ahmed", "chen", "pierre", "ines", "tomas", "aisha",
	"david", "sofia", "ivan", "mei", "omar", "elena", "arjun", "sara", "yusuf",
	"hana", "marco", "leila", "pavel", "nadia"}

var syllables = []string{"ka", "ro", "mi", "den", "sha", "vor", "li", "tan", "ber",
	"zu", "nik", "al", "ge", "mon", "ra", "su", "hel", "ov", "in", "da"}

// syllName builds a lower-case word from i in base len(syllables).
func syllName(i, parts int) string {
	var b strings.Builder
	for k := 0; k < parts; k++ {
		b.WriteString(syllables[i%len(syllables)])
		i /= len(syllables)
	}
	return b.String()
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

type person struct {
	iri     quad.IRI
	name    string
	country int
	title   string
}

type place struct {
	iri     quad.IRI
	name    string
	country int
}

type series struct {
	iri      quad.IRI
	name     string
	members  [2]int
	typ      string
	topic    string
	meetings []*event // held so far, in order
}

type event struct {
	iri      quad.IRI
	kind     string
	date     string
	ordinal  int
	series   *series
	place    *place
	parts    []int // country indexes
	people   []*person
	topics   []string
	planned  bool
	next     *event
	cameo    string
	reported int
}

type gen struct {
	r        *rand.Rand
	zipfCum  []float64
	persons  [][]*person // by country
	places   [][]*place  // by country
	series   []*series
	recent   []*event // events that a later report may report again
	nReports int
}

func newGen(seed uint64, nQuads int64) *gen {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	// Zipf-like weights over countries.
	sum := 0.0
	for i := range countries {
		sum += 1 / math.Pow(float64(i+1), 0.9)
		g.zipfCum = append(g.zipfCum, sum)
	}
	for i := range g.zipfCum {
		g.zipfCum[i] /= sum
	}
	reports := int(nQuads/60) + 1
	// People: about one per five reports, spread over countries by weight.
	nPersons := max(300, reports/5)
	g.persons = make([][]*person, len(countries))
	for i := 0; i < nPersons; i++ {
		c := g.country()
		if i < len(countries) {
			c = i // every country has someone
		}
		first := firstNames[i%len(firstNames)]
		last := syllName(i/len(firstNames), 3)
		slug := first + "-" + last
		g.persons[c] = append(g.persons[c], &person{
			iri:     quad.IRI("person:" + slug),
			name:    capitalize(first) + " " + capitalize(last),
			country: c,
			title:   titles[g.r.IntN(len(titles))],
		})
	}
	// Places: a capital and a few cities per country.
	g.places = make([][]*place, len(countries))
	for c := range countries {
		k := 2 + g.r.IntN(5)
		for j := 0; j < k; j++ {
			nm := syllName(c*7+j+11, 2) + syllName(j, 1)
			g.places[c] = append(g.places[c], &place{
				iri:     quad.IRI("place:" + strings.ToLower(countries[c][0]) + "/" + nm),
				name:    capitalize(nm),
				country: c,
			})
		}
	}
	// Series: standing bilateral mechanisms, about one per 12 reports.
	nSeries := max(40, reports/12)
	seen := map[quad.IRI]bool{}
	for len(g.series) < nSeries {
		a, b := g.country(), g.country()
		if a == b {
			continue
		}
		if countries[a][0] > countries[b][0] {
			a, b = b, a
		}
		typ := seriesTypes[g.r.IntN(len(seriesTypes))]
		top := topics[g.r.IntN(len(topics))]
		iri := quad.IRI(fmt.Sprintf("series:%s-%s/%s/%s", strings.ToLower(countries[a][0]),
			strings.ToLower(countries[b][0]), typ, top))
		if seen[iri] {
			continue
		}
		seen[iri] = true
		g.series = append(g.series, &series{
			iri: iri, members: [2]int{a, b}, typ: typ, topic: top,
			name: fmt.Sprintf("%s-%s %s on %s", countries[a][1], countries[b][1],
				strings.ReplaceAll(typ, "-", " "), strings.ReplaceAll(top, "-", " ")),
		})
	}
	return g
}

// country draws a country index, favouring the first ones.
func (g *gen) country() int {
	x := g.r.Float64()
	return sort.SearchFloat64s(g.zipfCum, x) % len(countries)
}

func (g *gen) date() string {
	y := 2000 + g.r.IntN(26)
	m := 1 + g.r.IntN(12)
	d := 1 + g.r.IntN(28)
	switch g.r.IntN(20) {
	case 0:
		return fmt.Sprintf("%d", y)
	case 1:
		return fmt.Sprintf("%d-%02d", y, m)
	}
	return fmt.Sprintf("%d-%02d-%02d", y, m, d)
}

func (g *gen) person(c int) *person {
	ps := g.persons[c]
	return ps[g.r.IntN(len(ps))]
}

func (g *gen) place(c int) *place {
	ps := g.places[c]
	return ps[g.r.IntN(len(ps))]
}

func codes(cs []int) string {
	var s []string
	for _, c := range cs {
		s = append(s, strings.ToLower(countries[c][0]))
	}
	sort.Strings(s)
	return strings.Join(s, "-")
}

// newEvent makes an event: a round of a series, a bilateral visit or call,
// or a multilateral conference.
func (g *gen) newEvent() *event {
	e := &event{date: g.date()}
	switch x := g.r.IntN(10); {
	case x < 6: // a round of a standing mechanism
		s := g.series[g.r.IntN(len(g.series))]
		e.series = s
		e.kind = "meeting"
		if s.typ == "summit" {
			e.kind = "summit"
		}
		e.ordinal = len(s.meetings) + 1
		e.iri = quad.IRI(fmt.Sprintf("event:%s/%d", strings.TrimPrefix(string(s.iri), "series:"), e.ordinal))
		e.parts = []int{s.members[0], s.members[1]}
		e.topics = []string{s.topic}
		if k := len(s.meetings); k > 0 {
			s.meetings[k-1].next = e
		}
		s.meetings = append(s.meetings, e)
		e.cameo = "040"
	case x < 9: // a visit or a call
		a, b := g.country(), g.country()
		for a == b {
			b = g.country()
		}
		e.kind = []string{"visit", "call", "signing"}[g.r.IntN(3)]
		e.parts = []int{a, b}
		e.iri = quad.IRI(fmt.Sprintf("event:%s/%s/%s", e.kind, codes(e.parts), e.date))
		e.cameo = []string{"042", "043", "057"}[g.r.IntN(3)]
	default: // a conference of several countries
		k := 3 + g.r.IntN(5)
		seen := map[int]bool{}
		for len(e.parts) < k {
			c := g.country()
			if !seen[c] {
				seen[c] = true
				e.parts = append(e.parts, c)
			}
		}
		e.kind = "conference"
		e.iri = quad.IRI(fmt.Sprintf("event:%s/%s/%s", e.kind, codes(e.parts), e.date))
		e.cameo = "046"
	}
	e.place = g.place(e.parts[g.r.IntN(len(e.parts))])
	for len(e.topics) < 1+g.r.IntN(3) {
		e.topics = append(e.topics, topics[g.r.IntN(len(topics))])
	}
	// One or two people per side of a bilateral event, one per country at a
	// conference.
	per := 2
	if len(e.parts) > 2 {
		per = 1
	}
	for _, c := range e.parts {
		for j := 0; j < 1+g.r.IntN(per); j++ {
			e.people = append(e.people, g.person(c))
		}
	}
	e.planned = g.r.IntN(15) == 0
	return e
}

// report collects one report's quads, without duplicates.
type report struct {
	label quad.IRI
	quads []quad.Quad
	seen  map[quad.Quad]bool
}

func (r *report) add(s quad.Value, p quad.IRI, o quad.Value) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: r.label}
	if r.seen[q] {
		return
	}
	r.seen[q] = true
	r.quads = append(r.quads, q)
}

func (g *gen) node(r *report, iri, class quad.IRI, name string) {
	r.add(iri, pType, class)
	r.add(iri, pName, quad.String(name))
}

func (g *gen) country_(r *report, c int) quad.IRI {
	iri := quad.IRI("country:" + countries[c][0])
	g.node(r, iri, cCountry, countries[c][1])
	if g.r.IntN(4) == 0 {
		r.add(iri, pAlias, quad.String(countries[c][1]+"n"))
	}
	return iri
}

func (g *gen) event(r *report, e *event) {
	g.node(r, e.iri, cEvent, eventName(e))
	r.add(r.label, pReports, e.iri)
	r.add(e.iri, pKind, quad.String(e.kind))
	r.add(e.iri, pCAMEO, quad.String(e.cameo))
	if g.r.IntN(10) > 0 {
		r.add(e.iri, pDate, quad.String(e.date))
	}
	status := "held"
	if e.planned {
		status = "planned"
	}
	r.add(e.iri, pStatus, quad.String(status))
	if e.series != nil {
		s := e.series
		r.add(e.iri, pPartOf, s.iri)
		r.add(e.iri, pOrdinal, quad.Int(e.ordinal))
		g.node(r, s.iri, cSeries, s.name)
		r.add(s.iri, pMember, g.country_(r, s.members[0]))
		r.add(s.iri, pMember, g.country_(r, s.members[1]))
		if e.next != nil && g.r.IntN(3) == 0 {
			r.add(e.iri, pNextMeeting, e.next.iri)
			r.add(e.next.iri, pDate, quad.String(e.next.date[:4]))
			r.add(e.next.iri, pStatus, quad.String("planned"))
		}
	}
	p := e.place
	g.node(r, p.iri, cPlace, p.name)
	r.add(p.iri, pInCountry, g.country_(r, p.country))
	r.add(e.iri, pHeldIn, p.iri)
	r.add(quad.IRI("country:"+countries[p.country][0]), pHosted, e.iri)
	for i, c := range e.parts {
		ci := g.country_(r, c)
		r.add(ci, pParticipatedIn, e.iri)
		if e.series != nil && len(e.parts) == 2 {
			r.add(ci, pCoChaired, e.iri)
		} else if e.kind == "signing" {
			r.add(ci, pSigned, e.iri)
		} else if e.kind == "conference" && i == 0 {
			r.add(ci, pChaired, e.iri)
		}
	}
	for i, ps := range e.people {
		g.node(r, ps.iri, cPerson, ps.name)
		r.add(ps.iri, pTitle, quad.String(ps.title))
		r.add(ps.iri, pRepresents, quad.IRI("country:"+countries[ps.country][0]))
		if g.r.IntN(5) == 0 {
			r.add(ps.iri, pRank, quad.String("Ambassador"))
		}
		if g.r.IntN(4) == 0 {
			org := quad.IRI("org:" + strings.ToLower(countries[ps.country][0]) + "/ministry-of-foreign-affairs")
			g.node(r, org, cOrganization, "Ministry of Foreign Affairs of "+countries[ps.country][1])
			r.add(ps.iri, pAffiliatedWith, org)
		}
		r.add(ps.iri, pParticipatedIn, e.iri)
		switch {
		case i < 2 && e.series != nil:
			r.add(ps.iri, pCoChaired, e.iri)
		case e.kind == "conference":
			r.add(ps.iri, pSpokeAt, e.iri)
		default:
			r.add(ps.iri, pLedDelegation, e.iri)
		}
	}
	for _, t := range e.topics {
		ti := quad.IRI("topic:" + t)
		g.node(r, ti, cTopic, capitalize(strings.ReplaceAll(t, "-", " ")))
		r.add(e.iri, pDiscussed, ti)
	}
	if g.r.IntN(3) == 0 {
		r.add(e.iri, pDiscussed, quad.IRI("country:"+countries[g.country()][0]))
	}
	if g.r.IntN(2) == 0 {
		r.add(e.iri, pAgreed, quad.String("strengthen cooperation on "+
			strings.ReplaceAll(e.topics[0], "-", " ")))
	}
	for k := 0; k < 1+g.r.IntN(2); k++ {
		r.add(e.iri, pEvidence, quad.String(evidence(e, k)))
	}
}

func eventName(e *event) string {
	if e.series != nil {
		return fmt.Sprintf("%s, round %d", e.series.name, e.ordinal)
	}
	var ns []string
	for _, c := range e.parts {
		ns = append(ns, countries[c][1])
	}
	return fmt.Sprintf("%s %s %s", strings.Join(ns, "-"), e.kind, e.date)
}

func evidence(e *event, k int) string {
	who := ""
	if len(e.people) > 0 {
		ps := e.people[k%len(e.people)]
		who = fmt.Sprintf("%s %s of %s", ps.title, ps.name, countries[ps.country][1])
	}
	switch k {
	case 0:
		if e.series != nil {
			return fmt.Sprintf("The %s meeting of the %s was held in %s on %s.",
				schema.OrdinalText(e.ordinal), e.series.name, e.place.name, e.date)
		}
		return fmt.Sprintf("A %s took place in %s on %s between %s.", e.kind, e.place.name, e.date, eventName(e))
	case 1:
		return fmt.Sprintf("%s said the talks on %s were productive.", who, strings.ReplaceAll(e.topics[0], "-", " "))
	default:
		return fmt.Sprintf("%s underlined the importance of regular contacts and agreed to meet again.", who)
	}
}

var publishers = []string{"Ministry of Foreign Affairs", "Press Information Department",
	"TASS", "Xinhua", "Dawn", "The Hindu", "Reuters", "APP", "Anadolu Agency", "Kyodo"}

func (g *gen) report() *report {
	g.nReports++
	r := &report{
		label: quad.IRI(fmt.Sprintf("report:%016x", g.r.Uint64())),
		seen:  map[quad.Quad]bool{},
	}
	// One event, sometimes two; some reports cover an event reported before.
	k := 1
	if g.r.IntN(8) == 0 {
		k = 2
	}
	var evs []*event
	for i := 0; i < k; i++ {
		var e *event
		if len(g.recent) > 0 && g.r.IntN(4) == 0 {
			e = g.recent[g.r.IntN(len(g.recent))]
		} else {
			e = g.newEvent()
			if len(g.recent) < 2000 {
				g.recent = append(g.recent, e)
			} else {
				g.recent[g.r.IntN(len(g.recent))] = e
			}
		}
		evs = append(evs, e)
	}
	pub := evs[0].date
	if len(pub) < 10 {
		pub = pub + "-01-01"[len(pub)-4:]
	}
	pl := evs[0].place
	r.add(r.label, pType, cReport)
	r.add(r.label, pTitle, quad.String(eventName(evs[0])))
	r.add(r.label, pURL, quad.String(fmt.Sprintf("https://news.example.org/%d/%s", g.nReports, strings.TrimPrefix(string(r.label), "report:"))))
	r.add(r.label, pPublisher, quad.String(publishers[g.r.IntN(len(publishers))]))
	r.add(r.label, pPublished, quad.String(pub))
	r.add(r.label, pDateline, pl.iri)
	for _, e := range evs {
		g.event(r, e)
	}
	r.add(r.label, pDigest, quad.String(fmt.Sprintf("%016x%016x", g.r.Uint64(), g.r.Uint64())))
	return r
}

func generate(w io.Writer, n int64, seed uint64) error {
	g := newGen(seed, n)
	qw := nquads.NewWriter(w)
	var written int64
	for written < n {
		r := g.report()
		qs := r.quads
		if rest := n - written; int64(len(qs)) > rest {
			qs = qs[:rest]
		}
		if _, err := qw.WriteQuads(qs); err != nil {
			return err
		}
		written += int64(len(qs))
	}
	return qw.Close()
}
