// Package gen writes a deterministic corpus of realistic reports of
// bilateral and multilateral diplomacy for scale tests and benchmarks.
//
// Every report is a plain-text file with a header block (title, url,
// publisher, published) and a body of about 3 KB: a dateline, a lead
// sentence stating one event (a meeting, a numbered meeting of a standing
// mechanism, a visit, a call, a summit, a signing or a multilateral
// conference), sentences about the same event, quotes, and background
// sentences that state no event. Countries, capitals and cities come from
// the gazetteer; sentence templates, names, titles and other vocabulary are
// embedded data files under data/.
//
// Report i of seed s depends on (s, i) alone: the same seed always gives
// the same corpus, byte for byte, however it is generated.
package gen

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"math/rand/v2"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/diplograph/diplograph/ingest/gazetteer"
	"github.com/diplograph/diplograph/schema"
)

//go:embed data/*
var dataFS embed.FS

// Kinds are the kinds of event the generator writes; "series" is a
// numbered meeting of a standing mechanism (kind "meeting" in the graph).
var Kinds = []string{"meeting", "series", "visit", "call", "summit", "signing", "conference"}

// GraphKind is the <dg:kind> an event of generator kind k has.
func GraphKind(k string) string {
	if k == "series" {
		return "meeting"
	}
	return k
}

// Report is one generated report and what the generator put into it.
type Report struct {
	Index     int
	Name      string   // relative path: "003/r003141.txt"
	Text      string   // the file's content
	Kind      string   // one of Kinds
	Countries []string // ISO3 codes of the event's countries, sorted
	Published string   // ISO date
}

// Header returns the report's header fields (title, url, publisher,
// published) and its body, as the text reader splits them.
func (r Report) Header() (map[string]string, string) {
	head, body, _ := strings.Cut(r.Text, "\n\n")
	h := map[string]string{}
	for _, l := range strings.Split(head, "\n") {
		if k, v, ok := strings.Cut(l, ": "); ok {
			h[k] = v
		}
	}
	return h, body
}

// Generator produces reports; it is safe for concurrent use.
type Generator struct {
	seed       uint64
	countries  []*gazetteer.Country
	given      []string
	surnames   []string
	roles      map[string][]string
	publishers [][2]string
	mechs      []string
	confs      []string
	subjects   []string
	sections   map[string][]string
}

var loadOnce = sync.OnceValues(func() (*Generator, error) { return load() })

// New returns a generator for seed.
func New(seed uint64) (*Generator, error) {
	base, err := loadOnce()
	if err != nil {
		return nil, err
	}
	g := *base
	g.seed = seed
	return &g, nil
}

func load() (*Generator, error) {
	g := &Generator{roles: map[string][]string{}, sections: map[string][]string{}}
	gz := gazetteer.Default()
	for i := range gz.Countries {
		c := &gz.Countries[i]
		if c.Capital == "" || len(c.Demonyms) == 0 || len(c.Cities) == 0 {
			continue
		}
		g.countries = append(g.countries, c)
	}
	var err error
	lines := func(name string) []string {
		if err != nil {
			return nil
		}
		var out []string
		out, err = readLines(name)
		return out
	}
	g.given = lines("given.txt")
	g.surnames = lines("surnames.txt")
	g.mechs = lines("mechanisms.txt")
	g.confs = lines("conferences.txt")
	g.subjects = lines("subjects.txt")
	for _, l := range lines("roles.tsv") {
		c := strings.Split(l, "\t")
		if len(c) == 2 {
			g.roles[c[0]] = append(g.roles[c[0]], c[1])
		}
	}
	for _, l := range lines("publishers.tsv") {
		c := strings.Split(l, "\t")
		if len(c) == 2 {
			g.publishers = append(g.publishers, [2]string{c[0], c[1]})
		}
	}
	if err != nil {
		return nil, err
	}
	b, err := dataFS.ReadFile("data/templates.txt")
	if err != nil {
		return nil, err
	}
	sec := ""
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimRight(l, "\r")
		switch {
		case strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]"):
			sec = l[1 : len(l)-1]
		default:
			g.sections[sec] = append(g.sections[sec], l)
		}
	}
	for _, k := range Kinds {
		for _, s := range []string{"title.", "lead."} {
			if len(g.sections[s+k]) == 0 {
				return nil, fmt.Errorf("gen: templates.txt has no [%s%s]", s, k)
			}
		}
	}
	if len(g.countries) < 8 || len(g.given) == 0 || len(g.surnames) == 0 || len(g.publishers) == 0 {
		return nil, fmt.Errorf("gen: embedded vocabulary is incomplete")
	}
	return g, nil
}

func readLines(name string) ([]string, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// Name is the relative path of report i: 1,000 reports per directory.
func Name(i int) string { return fmt.Sprintf("%03d/r%06d.txt", i/1000, i) }

// person is a generated official.
type person struct{ title, given, last string }

func (p person) name() string { return p.given + " " + p.last }

// side is one country of a report with its officials.
type side struct {
	c      *gazetteer.Country
	people map[string]person
}

// state is the generation of one report.
type state struct {
	g       *Generator
	r       *rand.Rand
	kind    string
	a, b    side
	members []*gazetteer.Country
	city    string
	pub     time.Time
	evDate  time.Time
	ord     int
	mech    string
	conf    string
	topics  []string
	used    map[string]bool // names in use, to keep officials distinct
	ordWord bool
}

var placeholder = regexp.MustCompile(`\{([A-Za-z0-9.]+)\}`)

// Report generates report i.
func (g *Generator) Report(i int) Report {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)))
	s := &state{g: g, r: r, used: map[string]bool{}}
	s.kind = Kinds[r.IntN(len(Kinds))]
	ia := r.IntN(len(g.countries))
	ib := r.IntN(len(g.countries) - 1)
	if ib >= ia {
		ib++
	}
	s.a = side{c: g.countries[ia], people: map[string]person{}}
	s.b = side{c: g.countries[ib], people: map[string]person{}}
	cities := s.a.c.Cities
	s.city = cities[0].Name
	if len(cities) > 1 && r.IntN(3) == 0 {
		s.city = cities[1+r.IntN(len(cities)-1)].Name
	}
	// published between 2015-01-01 and 2025-12-31; the event 1 to 6 days before
	s.pub = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(4018))
	s.evDate = s.pub.AddDate(0, 0, -1-r.IntN(6))
	s.ord = 2 + r.IntN(24)
	s.ordWord = r.IntN(3) == 0
	perm := r.Perm(len(g.subjects))
	for _, k := range perm[:3] {
		s.topics = append(s.topics, g.subjects[k])
	}
	s.mech = strings.ReplaceAll(g.mechs[r.IntN(len(g.mechs))], "{topic}", titleCase(s.topics[0]))
	s.conf = g.confs[r.IntN(len(g.confs))]
	countries := []string{s.a.c.ISO3, s.b.c.ISO3}
	if s.kind == "conference" {
		s.members = []*gazetteer.Country{s.a.c, s.b.c}
		seen := map[string]bool{s.a.c.ISO3: true, s.b.c.ISO3: true}
		for n := 2 + r.IntN(4); n > 0; {
			c := g.countries[r.IntN(len(g.countries))]
			if !seen[c.ISO3] {
				seen[c.ISO3] = true
				s.members = append(s.members, c)
				countries = append(countries, c.ISO3)
				n--
			}
		}
	}
	sort.Strings(countries)

	pubName, host := g.publishers[r.IntN(len(g.publishers))][0], g.publishers[r.IntN(len(g.publishers))][1]
	title := s.fill(s.pick("title." + s.kind))
	title = strings.ToUpper(title[:1]) + title[1:]
	var body strings.Builder
	body.WriteString(strings.ToUpper(s.city) + ", " + s.pub.Format("January 2") + " (" + pubName + ") -- ")
	body.WriteString(s.fill(s.pick("lead." + s.kind)))
	body.WriteString(" ")
	detail := "detail"
	if s.kind == "conference" {
		detail = "detail.conference"
	}
	details := s.g.sections[detail]
	dorder := r.Perm(len(details))
	body.WriteString(s.fill(details[dorder[0]]))
	body.WriteString("\n\n")
	if s.kind != "conference" {
		body.WriteString(s.fill(s.pick("quote")))
		body.WriteString(" ")
	}
	body.WriteString(s.fill(details[dorder[1]]))
	body.WriteString("\n\n")
	if s.kind == "series" {
		body.WriteString(s.fill(s.pick("next")))
		body.WriteString("\n\n")
	}
	// background that states no event, until the report reaches its
	// length (2.6 to 3.4 KB); no sentence twice
	target := 2600 + r.IntN(800)
	fill := s.g.sections["filler"]
	order := r.Perm(len(fill))
	inPara := 0
	for k := 0; k < len(order) && body.Len() < target; k++ {
		body.WriteString(s.fill(fill[order[k]]))
		inPara++
		if inPara == 3 || r.IntN(3) == 0 {
			body.WriteString("\n\n")
			inPara = 0
		} else {
			body.WriteString(" ")
		}
	}
	slug := slugify(title)
	text := "title: " + title + "\n" +
		"url: https://" + host + "/" + s.pub.Format("2006/01/02") + "/" + slug + "-" + strconv.Itoa(i) + "\n" +
		"publisher: " + pubName + "\n" +
		"published: " + s.pub.Format("2006-01-02") + "\n\n" +
		strings.TrimSpace(body.String()) + "\n"
	return Report{Index: i, Name: Name(i), Text: text, Kind: s.kind, Countries: countries, Published: s.pub.Format("2006-01-02")}
}

func (s *state) pick(section string) string {
	alts := s.g.sections[section]
	return alts[s.r.IntN(len(alts))]
}

// official returns side's official of a category, made up on first use.
func (s *state) official(sd *side, cat string) person {
	if p, ok := sd.people[cat]; ok {
		return p
	}
	titles := s.g.roles[cat]
	p := person{title: titles[s.r.IntN(len(titles))]}
	for {
		p.given = s.g.given[s.r.IntN(len(s.g.given))]
		p.last = s.g.surnames[s.r.IntN(len(s.g.surnames))]
		if !s.used[p.last] {
			break
		}
	}
	s.used[p.last] = true
	sd.people[cat] = p
	return p
}

func (s *state) fill(t string) string {
	return placeholder.ReplaceAllStringFunc(t, func(m string) string {
		key := m[1 : len(m)-1]
		if v, ok := s.value(key); ok {
			return v
		}
		return m
	})
}

func (s *state) value(key string) (string, bool) {
	parts := strings.Split(key, ".")
	if parts[0] == "A" || parts[0] == "B" {
		sd := &s.a
		if parts[0] == "B" {
			sd = &s.b
		}
		if len(parts) == 1 {
			return sd.c.Name, true
		}
		switch parts[1] {
		case "dem":
			return sd.c.Demonyms[0], true
		case "cap":
			return sd.c.Capital, true
		case "leader", "minister", "official":
			p := s.official(sd, parts[1])
			if len(parts) == 2 {
				return sd.c.Demonyms[0] + " " + p.title + " " + p.name(), true
			}
			switch parts[2] {
			case "name":
				return p.name(), true
			case "last":
				return p.last, true
			case "title":
				return p.title, true
			}
		}
		return "", false
	}
	switch key {
	case "city":
		return s.city, true
	case "date":
		return s.datePhrase(), true
	case "ord":
		return ordinal(s.ord, s.ordWord), true
	case "nord":
		return ordinal(s.ord+1, s.ordWord), true
	case "mech":
		return s.mech, true
	case "conf":
		return s.conf, true
	case "members":
		names := make([]string, len(s.members))
		for i, c := range s.members {
			names[i] = c.Name
		}
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1], true
	case "topic":
		return s.topics[0], true
	case "topic2":
		return s.topics[1], true
	case "topic3":
		return s.topics[2], true
	case "n":
		return strconv.Itoa(2 + s.r.IntN(38)), true
	case "pct":
		return strconv.Itoa(1+s.r.IntN(30)) + "." + strconv.Itoa(s.r.IntN(10)), true
	case "year":
		return strconv.Itoa(s.pub.Year() - 2 - s.r.IntN(15)), true
	case "when":
		switch s.r.IntN(3) {
		case 0:
			return "next year", true
		case 1:
			return "in " + s.pub.AddDate(0, 3+s.r.IntN(9), 0).Format("January 2006"), true
		default:
			return "in " + strconv.Itoa(s.pub.Year()+1), true
		}
	}
	return "", false
}

// datePhrase says when the event happened, in one of the ways reports do.
func (s *state) datePhrase() string {
	switch s.r.IntN(4) {
	case 0:
		if s.pub.Sub(s.evDate) == 24*time.Hour {
			return "yesterday"
		}
		return "on " + s.evDate.Format("Monday")
	case 1:
		return "on " + s.evDate.Format("Monday")
	case 2:
		return "on " + s.evDate.Format("January 2")
	default:
		return "on " + s.evDate.Format("2 January 2006")
	}
}

var ordWords = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
	"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}

func ordinal(n int, word bool) string {
	if word && n < len(ordWords) {
		return ordWords[n]
	}
	return schema.OrdinalText(n)
}

func titleCase(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		if x != "and" && x != "of" {
			w[i] = strings.ToUpper(x[:1]) + x[1:]
		}
	}
	return strings.Join(w, " ")
}

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(gazetteer.Fold(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
