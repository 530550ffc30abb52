// Package extract finds diplomatic events in the text of a report and the
// facts around them (countries, people with their titles, mechanisms and
// rounds, dates, places, roles, the next meeting, topics) and returns them
// as a typed schema.Record. Its gazetteers come from package gazetteer and
// its patterns from embedded data files.
package extract

import (
	"bufio"
	"bytes"
	"embed"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph/ingest/gazetteer"
	"github.com/diplograph/diplograph/schema"
)

//go:embed data/*
var dataFS embed.FS

// Input is a report to extract from.
type Input struct {
	ID        string // schema.ReportID of Body
	Source    string
	Title     string
	URL       string
	Publisher string
	Published string // ISO date or ""
	Body      string
}

// Extractor holds the dictionaries and patterns; it is safe for
// concurrent use.
type Extractor struct {
	gz       *gazetteer.Gazetteer
	lex      *lexicon
	triggers []trigger
	// trigFirst indexes triggers by their first word; trigWild lists those
	// whose first word is a prefix ("visit*")
	trigFirst map[string][]int
	trigWild  []int
	ordinals  map[string]int
	abbrev    map[string]bool
	nameStop  map[string]bool // capitalized words that are never part of a person's name
	// softStop are the words of nameStop that come from the names of
	// bodies and organisations only ("White" of "White House"): a
	// family name after a given name
	softStop  map[string]bool
	givenName map[string]bool   // given names that look like common nouns: "Lawrence"
	titleCtry map[string]string // titles borne by one country's officials only
	officials map[string]string // well-known office holders' countries by phraseKey of the name; "-" for international officials
	// peerTitle is what the counterpart of the holder of such a title is
	// called: "External Affairs Minister" -> "Foreign Minister"
	peerTitle map[string]string
	// subjectNouns follow a country's name used as a modifier: "new US
	// tariffs" names a subject, not a party
	subjectNouns map[string]bool
	publishers   []publisherEntry // publishers whose country their name does not tell
}

// trigger is a phrase that states an event of a kind.
type trigger struct {
	kind, cameo string
	words       []string // keys; a final "*" matches a word prefix
}

// New builds an extractor over a gazetteer (gazetteer.Default() if nil).
func New(gz *gazetteer.Gazetteer) (*Extractor, error) {
	if gz == nil {
		gz = gazetteer.Default()
	}
	x := &Extractor{gz: gz, lex: buildLexicon(gz), ordinals: map[string]int{}, abbrev: map[string]bool{}, nameStop: map[string]bool{}, givenName: map[string]bool{}, titleCtry: map[string]string{}, officials: map[string]string{}, peerTitle: map[string]string{}}
	if err := eachLine("data/triggers.tsv", func(cells []string) {
		for _, p := range strings.Split(cells[2], "|") {
			var words []string
			for _, t := range tokenize(strings.TrimSuffix(p, "*")) {
				words = append(words, t.key)
			}
			if strings.HasSuffix(p, "*") {
				words[len(words)-1] += "*"
			}
			x.triggers = append(x.triggers, trigger{kind: cells[0], cameo: cells[1], words: words})
		}
	}); err != nil {
		return nil, err
	}
	x.trigFirst = map[string][]int{}
	for k, tr := range x.triggers {
		if strings.HasSuffix(tr.words[0], "*") {
			x.trigWild = append(x.trigWild, k)
		} else {
			x.trigFirst[tr.words[0]] = append(x.trigFirst[tr.words[0]], k)
		}
	}
	if err := eachLine("data/ordinals.tsv", func(cells []string) {
		n, _ := strconv.Atoi(cells[1])
		x.ordinals[cells[0]] = n
	}); err != nil {
		return nil, err
	}
	if err := eachLine("data/abbreviations.txt", func(cells []string) { x.abbrev[cells[0]] = true }); err != nil {
		return nil, err
	}
	if err := eachLine("data/titlecountry.tsv", func(cells []string) {
		x.titleCtry[phraseKey(cells[0])] = cells[1]
		if len(cells) > 2 {
			x.peerTitle[phraseKey(cells[0])] = cells[2]
		}
	}); err != nil {
		return nil, err
	}
	if err := eachLine("data/officials.tsv", func(cells []string) {
		x.officials[phraseKey(cells[0])] = cells[1]
		// the family name alone, when no one else listed bears it
		toks := tokenize(cells[0])
		if len(toks) >= 2 {
			last := "~" + toks[len(toks)-1].key
			if c, seen := x.officials[last]; seen && c != cells[1] {
				x.officials[last] = ""
			} else if !seen {
				x.officials[last] = cells[1]
			}
		}
	}); err != nil {
		return nil, err
	}
	if err := eachLine("data/namestop.txt", func(cells []string) { x.nameStop[cells[0]] = true }); err != nil {
		return nil, err
	}
	if err := eachLine("data/givennames.txt", func(cells []string) { x.givenName[foldKey(cells[0])] = true }); err != nil {
		return nil, err
	}
	if err := eachLine("data/mechanisms.tsv", func(cells []string) {
		for _, p := range strings.Split(cells[1], "|") {
			x.lex.add(p, lexEntry{kind: lexMech, mech: cells[0]})
		}
	}); err != nil {
		return nil, err
	}
	if err := eachLine("data/publishers.tsv", func(cells []string) {
		if strings.Contains(cells[0], ".") && !strings.Contains(cells[0], " ") {
			x.publishers = append(x.publishers, publisherEntry{host: strings.ToLower(cells[0]), iso3: cells[1]})
		} else {
			x.publishers = append(x.publishers, publisherEntry{key: tokenize(cells[0]), iso3: cells[1]})
		}
	}); err != nil {
		return nil, err
	}
	x.subjectNouns = map[string]bool{}
	if err := eachLine("data/subjectnouns.txt", func(cells []string) { x.subjectNouns[cells[0]] = true }); err != nil {
		return nil, err
	}
	for _, t := range gz.Titles {
		for _, w := range tokenize(t.Title) {
			x.nameStop[w.key] = true
		}
	}
	hard := map[string]bool{}
	for k := range x.nameStop {
		hard[k] = true
	}
	x.softStop = map[string]bool{}
	for _, b := range gz.Bodies {
		for _, w := range tokenize(b.Name) {
			x.nameStop[w.key] = true
			x.softStop[w.key] = !hard[w.key]
		}
	}
	for _, o := range gz.Orgs {
		for _, w := range tokenize(o.Name) {
			x.nameStop[w.key] = true
			x.softStop[w.key] = !hard[w.key]
		}
	}
	for k := range months {
		x.nameStop[k] = true
	}
	for k := range weekdays {
		x.nameStop[k] = true
	}
	return x, nil
}

// eachLine calls fn with the tab-separated cells of each data line of an
// embedded file, skipping comments and blank lines.
func eachLine(name string, fn func([]string)) error {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(strings.Split(line, "\t"))
	}
	return sc.Err()
}

// cityState is the capital of a country that a dateline names by the
// country's name in capitals ("KUWAIT", "SINGAPORE", "PANAMA"): the capital
// that bears the country's name (Kuwait City, Singapore, Panama City).
func (x *Extractor) cityState(name string) (*gazetteer.City, bool) {
	c, ok := x.gz.Country(name)
	if !ok || len(c.Cities) == 0 {
		return nil, false
	}
	cn, capital := fold(strings.ToLower(c.Name)), fold(strings.ToLower(c.Capital))
	if capital != cn && !strings.HasPrefix(capital, cn+" ") {
		return nil, false
	}
	return x.gz.City(c.Capital)
}

// reLineDateline is a dateline on a line of its own: "Nairobi, 15th May
// 2025", "New Delhi, March 3, 2024".
var reLineDateline = regexp.MustCompile(`^(\p{Lu}[\p{L} .'’-]{1,40}?),\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\.?$`)

// lineDateline finds such a line among the first short lines of a body.
func (x *Extractor) lineDateline(body string) *gazetteer.City {
	for n := 0; n < 8 && body != ""; n++ {
		line, rest, _ := strings.Cut(body, "\n")
		body = rest
		line = strings.TrimSpace(line)
		if len(line) > 60 {
			if n > 0 {
				break // the text has begun
			}
			continue
		}
		if m := reLineDateline.FindStringSubmatch(line); m != nil {
			if c, ok := x.gz.City(m[1]); ok {
				return c
			}
		}
	}
	return nil
}

// fold is the gazetteer's ASCII folding.
func fold(s string) string { return gazetteer.Fold(s) }

// Extract returns everything the report asserts.
func (x *Extractor) Extract(in Input) *schema.Record {
	if in.ID == "" {
		in.ID = schema.ReportID(in.Body)
	}
	d := x.newDoc(in)
	d.run()
	return d.record()
}

// doc is the state of one extraction.
type doc struct {
	x        *Extractor
	in       Input
	pub      time.Time
	hasPub   bool
	dateline *gazetteer.City
	own      ownCountry // the report's own country (owncountry.go)
	home     string     // own.iso3 where the report speaks for it
	sents    []*sentence
	people   []*person
	events   []*event
	prevDate string // the day of the event told last, for "later the same day"
	// listCountry is the country of the delegation whose members the
	// bulleted list being read names
	listCountry string
}

func (x *Extractor) newDoc(in Input) *doc {
	d := &doc{x: x, in: in}
	if t, err := time.Parse("2006-01-02", in.Published); err == nil {
		d.pub, d.hasPub = t, true
	}
	body := strings.TrimSpace(in.Body)
	body, d.dateline = x.stripDateline(body)
	if d.dateline == nil {
		d.dateline = x.lineDateline(body)
	}
	d.pub = datelineDay(body, d.pub, d.hasPub) // "today" is the dateline's day
	for i, s := range x.splitSentences(body) {
		d.sents = append(d.sents, x.analyse(d, i, s))
	}
	d.own = x.ownCountry(in, d)
	if d.own.speaks() {
		d.home = d.own.iso3
	}
	d.markVisitors()
	d.oneHolderPerOffice()
	return d
}
