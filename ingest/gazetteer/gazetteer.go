// Package gazetteer holds the embedded reference data of diplograph:
// countries with their codes, names, demonyms and cities; international
// organisations; generic and country-specific national government bodies;
// official titles and ranks; regions; topics of discussion; and the surface
// forms of standing bilateral mechanisms (SCHEMA.md series types).
//
// The data are tab-separated files under data/, embedded in the binary. Each
// file starts with a header line "#col1<TAB>col2..."; later lines starting
// with "#" are comments; multi-valued cells separate values with "|".
//
// Lookups are case-insensitive and diacritic-insensitive (see [Fold]), ignore
// dots, apostrophes, commas and the difference between hyphen and space, and
// accept a leading "the". Forms written entirely in capitals ("UN", "WHO",
// "U.S.", "CAR") are acronyms and match case-sensitively, so "who" and "us"
// match nothing. Pointers returned by lookups point into the Gazetteer's
// slices and must not be modified.
package gazetteer

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Country is a country or territory of ISO 3166-1 (plus Kosovo, XKX).
type Country struct {
	ISO3      string   // ISO 3166-1 alpha-3 code, the node id of SCHEMA.md: "PAK"
	ISO2      string   // ISO 3166-1 alpha-2 code: "PK"
	FIPS      string   // primary FIPS 10-4 code as used by GDELT's *Geo_CountryCode; "" when FIPS has none
	OtherFIPS []string // further FIPS 10-4 codes of the same entity: GZ (Gaza Strip) beside WE for Palestine
	Name      string   // common English short name: "Russia", "United Kingdom"
	Aliases   []string // other English names: "Russian Federation", "UK", "Britain"
	Weak      []string // the aliases that are also common words or personal names ("Siam", "Bharat", "Holland"), written "~Siam" in the data: a text names the country by them only outside a run of capitalized words
	Demonyms  []string // adjective and demonym forms: "Russian", "Russians"
	Capital   string   // canonical name of the capital city, also the first entry of Cities
	Cities    []City   // the capital first (Capital true), then other major cities and venues
}

// City is a city or venue of a country.
type City struct {
	Name     string   // canonical name: "Saint Petersburg"
	Variants []string // other spellings, not including Name: "St Petersburg", "Leningrad"
	Country  string   // ISO3 code of the country
	Capital  bool     // the country's capital
}

// Org is an international organisation or forum.
type Org struct {
	Slug    string   // node id: "shanghai-cooperation-organisation"
	Name    string   // canonical name
	Aliases []string // acronyms and variants: "SCO", "Shanghai Cooperation Organization"
}

// Body is a national government body. One slug may have several rows: a
// generic one (Country "") with the aliases any country's body may carry,
// and country-specific ones with aliases that only ever mean that country's
// body ("State Department" → USA).
type Body struct {
	Slug    string   // "ministry-of-foreign-affairs"; the node id prefixes the country: "pak/ministry-of-foreign-affairs"
	Name    string   // canonical name: "Ministry of Foreign Affairs"
	Aliases []string // "Foreign Office", "FO", "MOFA"
	Country string   // ISO3 of the only country whose body this row names, "" for generic rows
}

// Title is an official title or position.
type Title struct {
	Title    string // "Deputy Foreign Minister"
	Category string // one of TitleCategories
}

// Rank is a form of address or rank that precedes a person's name.
type Rank struct {
	Form string // surface form: "Amb.", "H.E.", "Lt. Gen."
	Rank string // rank recorded for the person ("Ambassador", "Lieutenant General"), "" for a mere honorific
}

// Region is a geographical or political region.
type Region struct {
	Slug    string   // node id: "central-asia"
	Name    string   // canonical name: "Central Asia"
	Aliases []string // variants: "Central Asian region"
}

// Topic is a subject of discussion.
type Topic struct {
	Slug     string   // node id: "financing-of-terrorism"
	Name     string   // display name
	Keywords []string // lower-case phrases whose presence in a text signals the topic
}

// Mechanism maps the surface forms of a standing bilateral mechanism to its
// series type.
type Mechanism struct {
	Type    string   // one of SeriesTypes
	Phrases []string // surface forms, most specific first: "Joint Working Group", "JWG"
}

// TitleCategories are the allowed values of Title.Category.
var TitleCategories = []string{"head_of_state", "head_of_government", "minister", "deputy_minister", "diplomat", "official", "military", "party", "legislator"}

// SeriesTypes are the mechanism types of SCHEMA.md, the allowed values of
// Mechanism.Type.
var SeriesTypes = []string{"joint-working-group", "joint-commission", "joint-committee", "strategic-dialogue", "dialogue", "consultations", "talks", "summit", "mechanism"}

// Gazetteer is the loaded reference data with lookup indexes. Titles are
// ordered longest first; all other slices keep the order of their files.
type Gazetteer struct {
	Countries  []Country
	Orgs       []Org
	Bodies     []Body
	Titles     []Title
	Ranks      []Rank
	Regions    []Region
	Topics     []Topic
	Mechanisms []Mechanism

	byISO3, byISO2, byFIPS map[string]int
	countries              nameIndex
	cities                 map[string][]*City
	orgs                   nameIndex
	bodies                 bodyIndex
	titles                 keyIndex
	ranks                  keyIndex
	regions                nameIndex
	topics                 keyIndex
	mechs                  keyIndex
	mechScan               []mechPhrase
}

// mechPhrase is one mechanism phrase prepared for scanning text.
type mechPhrase struct {
	typ, phrase, words string
}

// Load parses the embedded data files. Errors name the file and line.
func Load() (*Gazetteer, error) { return load(dataFS, "data") }

var defaultGazetteer = sync.OnceValue(func() *Gazetteer { return mustLoad(dataFS, "data") })

// mustLoad is load that panics on broken data.
func mustLoad(fsys fs.FS, dir string) *Gazetteer {
	g, err := load(fsys, dir)
	if err != nil {
		panic("gazetteer: broken embedded data: " + err.Error())
	}
	return g
}

// Default returns the gazetteer of the embedded data, loaded once. It panics
// only if the embedded data are broken, which the package tests rule out.
func Default() *Gazetteer { return defaultGazetteer() }

// load parses the data files of dir in fsys.
func load(fsys fs.FS, dir string) (*Gazetteer, error) {
	g := &Gazetteer{}
	path := func(name string) string { return dir + "/" + name }
	steps := []struct {
		file string
		cols []string
		fn   func([]record) error
	}{
		{"countries.tsv", []string{"iso3", "iso2", "fips", "name", "aliases", "demonyms", "capital", "cities"}, g.loadCountries},
		{"organizations.tsv", []string{"slug", "name", "aliases"}, g.loadOrgs},
		{"bodies.tsv", []string{"slug", "name", "aliases", "country"}, g.loadBodies},
		{"titles.tsv", []string{"title", "category"}, g.loadTitles},
		{"ranks.tsv", []string{"form", "rank"}, g.loadRanks},
		{"regions.tsv", []string{"slug", "name", "aliases"}, g.loadRegions},
		{"topics.tsv", []string{"slug", "name", "keywords"}, g.loadTopics},
		{"mechanisms.tsv", []string{"type", "phrases"}, g.loadMechanisms},
	}
	for _, s := range steps {
		recs, err := readTable(fsys, path(s.file), s.cols)
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, &DataError{File: path(s.file), Msg: "no data rows"}
		}
		if err := s.fn(recs); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// nameIndex indexes names: acronyms case-sensitively, everything else by
// foldKey.
type nameIndex struct{ exact, fold keyIndex }

func newNameIndex() nameIndex { return nameIndex{exact: keyIndex{}, fold: keyIndex{}} }

// add indexes form as a name of entry idx.
func (n nameIndex) add(rec record, form string, idx int, describe func(int) string) error {
	if isAcronym(form) {
		return n.exact.add(rec, acronymKey(form), form, idx, describe)
	}
	return n.fold.add(rec, foldKey(form, keyOpts{}), form, idx, describe)
}

// get finds the entry named name.
func (n nameIndex) get(name string) (int, bool) {
	if isAcronym(name) {
		if i, ok := n.exact[acronymKey(name)]; ok {
			return i, true
		}
	}
	i, ok := n.fold[foldKey(name, keyOpts{})]
	return i, ok
}

// bodyIndex indexes body rows; one key may name several rows of one slug
// (generic and country-specific).
type bodyIndex struct{ exact, fold map[string][]int }

func (g *Gazetteer) loadCountries(recs []record) error {
	g.byISO3, g.byISO2, g.byFIPS = map[string]int{}, map[string]int{}, map[string]int{}
	g.countries = newNameIndex()
	g.cities = map[string][]*City{}
	describe := func(i int) string { return g.Countries[i].ISO3 }
	for _, r := range recs {
		c := r.cells
		iso3, iso2, fips := c[0], c[1], splitList(c[2], "|")
		if !iso3RE.MatchString(iso3) {
			return r.errf("iso3 %q is not three capital letters", iso3)
		}
		if !code2RE.MatchString(iso2) {
			return r.errf("iso2 %q is not two capital letters", iso2)
		}
		if c[3] == "" {
			return r.errf("%s has no name", iso3)
		}
		if c[6] == "" {
			return r.errf("%s has no capital", iso3)
		}
		idx := len(g.Countries)
		for _, k := range []struct {
			m    map[string]int
			code string
			what string
		}{{g.byISO3, iso3, "iso3"}, {g.byISO2, iso2, "iso2"}} {
			if old, ok := k.m[k.code]; ok {
				return r.errf("duplicate %s code %s (also %s)", k.what, k.code, g.Countries[old].ISO3)
			}
			k.m[k.code] = idx
		}
		for _, f := range fips {
			if !code2RE.MatchString(f) {
				return r.errf("fips %q is not two capital letters", f)
			}
			if old, ok := g.byFIPS[f]; ok {
				return r.errf("duplicate fips code %s (also %s)", f, g.Countries[old].ISO3)
			}
			g.byFIPS[f] = idx
		}
		country := Country{ISO3: iso3, ISO2: iso2, Name: c[3], Aliases: splitList(c[4], "|"), Demonyms: splitList(c[5], "|")}
		for i, a := range country.Aliases {
			if w, ok := strings.CutPrefix(a, "~"); ok {
				country.Aliases[i] = w
				country.Weak = append(country.Weak, w)
			}
		}
		if len(fips) > 0 {
			country.FIPS, country.OtherFIPS = fips[0], fips[1:]
		}
		capital, err := parseCity(r, c[6], iso3)
		if err != nil {
			return err
		}
		if strings.Contains(c[6], "|") {
			return r.errf("%s: capital %q lists several cities", iso3, c[6])
		}
		capital.Capital = true
		country.Capital = capital.Name
		country.Cities = append(country.Cities, capital)
		for _, cell := range splitList(c[7], "|") {
			city, err := parseCity(r, cell, iso3)
			if err != nil {
				return err
			}
			country.Cities = append(country.Cities, city)
		}
		g.Countries = append(g.Countries, country)
		for _, form := range append(append([]string{country.Name}, country.Aliases...), country.Demonyms...) {
			if err := g.countries.add(r, form, idx, describe); err != nil {
				return err
			}
		}
	}
	// Index cities only now: the Countries slice no longer moves.
	for i := range g.Countries {
		for j := range g.Countries[i].Cities {
			city := &g.Countries[i].Cities[j]
			seen := map[string]bool{}
			for _, form := range append([]string{city.Name}, city.Variants...) {
				k := foldKey(form, keyOpts{})
				if seen[k] {
					continue
				}
				seen[k] = true
				g.cities[k] = append(g.cities[k], city)
			}
		}
	}
	return nil
}

// parseCity parses "Saint Petersburg=St Petersburg=Leningrad".
func parseCity(r record, cell, iso3 string) (City, error) {
	forms := splitList(cell, "=")
	if len(forms) == 0 {
		return City{}, r.errf("%s: empty city %q", iso3, cell)
	}
	return City{Name: forms[0], Variants: forms[1:], Country: iso3}, nil
}

func (g *Gazetteer) loadOrgs(recs []record) error {
	g.orgs = newNameIndex()
	slugs := map[string]bool{}
	describe := func(i int) string { return "org " + g.Orgs[i].Slug }
	for _, r := range recs {
		o := Org{Slug: r.cells[0], Name: r.cells[1], Aliases: splitList(r.cells[2], "|")}
		if err := checkSlugName(r, o.Slug, o.Name, slugs); err != nil {
			return err
		}
		idx := len(g.Orgs)
		g.Orgs = append(g.Orgs, o)
		for _, form := range append([]string{o.Name}, o.Aliases...) {
			if err := g.orgs.add(r, form, idx, describe); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkSlugName validates a slug and name and that the slug is new.
func checkSlugName(r record, slug, name string, seen map[string]bool) error {
	if !slugRE.MatchString(slug) {
		return r.errf("slug %q is not lower-case ASCII words joined by -", slug)
	}
	if name == "" {
		return r.errf("%s has no name", slug)
	}
	if seen[slug] {
		return r.errf("duplicate slug %s", slug)
	}
	seen[slug] = true
	return nil
}

func (g *Gazetteer) loadBodies(recs []record) error {
	g.bodies = bodyIndex{exact: map[string][]int{}, fold: map[string][]int{}}
	names := map[string]string{} // slug → name
	rows := map[[2]string]bool{} // slug, country
	for _, r := range recs {
		b := Body{Slug: r.cells[0], Name: r.cells[1], Aliases: splitList(r.cells[2], "|"), Country: r.cells[3]}
		if !slugRE.MatchString(b.Slug) {
			return r.errf("slug %q is not lower-case ASCII words joined by -", b.Slug)
		}
		if b.Name == "" {
			return r.errf("%s has no name", b.Slug)
		}
		if old, ok := names[b.Slug]; ok && old != b.Name {
			return r.errf("%s is named %q here but %q before", b.Slug, b.Name, old)
		}
		names[b.Slug] = b.Name
		if b.Country != "" {
			if _, ok := g.byISO3[b.Country]; !ok {
				return r.errf("unknown country %q", b.Country)
			}
		}
		if rows[[2]string{b.Slug, b.Country}] {
			return r.errf("second row for %s with country %q: merge them", b.Slug, b.Country)
		}
		rows[[2]string{b.Slug, b.Country}] = true
		idx := len(g.Bodies)
		g.Bodies = append(g.Bodies, b)
		for _, form := range append([]string{b.Name}, b.Aliases...) {
			m, k := g.bodies.fold, foldKey(form, keyOpts{})
			if isAcronym(form) {
				m, k = g.bodies.exact, acronymKey(form)
			}
			if k == "" {
				return r.errf("%q has an empty lookup key", form)
			}
			dup := false
			for _, j := range m[k] {
				o := g.Bodies[j]
				if o.Country != b.Country {
					continue
				}
				if o.Slug != b.Slug {
					return r.errf("%q already names %s (country %q)", form, o.Slug, o.Country)
				}
				dup = true
			}
			if !dup {
				m[k] = append(m[k], idx)
			}
		}
	}
	return nil
}

func (g *Gazetteer) loadTitles(recs []record) error {
	for _, r := range recs {
		t := Title{Title: r.cells[0], Category: r.cells[1]}
		if t.Title == "" {
			return r.errf("empty title")
		}
		if !slices.Contains(TitleCategories, t.Category) {
			return r.errf("title %q: category %q is not one of %s", t.Title, t.Category, strings.Join(TitleCategories, " "))
		}
		k := foldKey(t.Title, keyOpts{keepThe: true})
		for _, o := range g.Titles {
			if foldKey(o.Title, keyOpts{keepThe: true}) == k && o.Category != t.Category {
				return r.errf("title %q is %s here but %q is %s", t.Title, t.Category, o.Title, o.Category)
			}
		}
		g.Titles = append(g.Titles, t)
	}
	sort.SliceStable(g.Titles, func(i, j int) bool { return len(g.Titles[i].Title) > len(g.Titles[j].Title) })
	g.titles = keyIndex{}
	for i, t := range g.Titles {
		k := foldKey(t.Title, keyOpts{keepThe: true})
		if _, ok := g.titles[k]; !ok {
			g.titles[k] = i
		}
	}
	return nil
}

func (g *Gazetteer) loadRanks(recs []record) error {
	g.ranks = keyIndex{}
	for _, r := range recs {
		rk := Rank{Form: r.cells[0], Rank: r.cells[1]}
		if rk.Form == "" {
			return r.errf("empty form")
		}
		k := foldKey(rk.Form, keyOpts{keepDots: true, keepThe: true})
		if old, ok := g.ranks[k]; ok {
			if g.Ranks[old].Rank != rk.Rank {
				return r.errf("form %q has rank %q here but %q before", rk.Form, rk.Rank, g.Ranks[old].Rank)
			}
			continue
		}
		g.ranks[k] = len(g.Ranks)
		g.Ranks = append(g.Ranks, rk)
	}
	return nil
}

func (g *Gazetteer) loadRegions(recs []record) error {
	g.regions = newNameIndex()
	slugs := map[string]bool{}
	describe := func(i int) string { return "region " + g.Regions[i].Slug }
	for _, r := range recs {
		rg := Region{Slug: r.cells[0], Name: r.cells[1], Aliases: splitList(r.cells[2], "|")}
		if err := checkSlugName(r, rg.Slug, rg.Name, slugs); err != nil {
			return err
		}
		idx := len(g.Regions)
		g.Regions = append(g.Regions, rg)
		for _, form := range append([]string{rg.Slug, rg.Name}, rg.Aliases...) {
			if err := g.regions.add(r, form, idx, describe); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *Gazetteer) loadTopics(recs []record) error {
	g.topics = keyIndex{}
	slugs := map[string]bool{}
	describe := func(i int) string { return "topic " + g.Topics[i].Slug }
	for _, r := range recs {
		t := Topic{Slug: r.cells[0], Name: r.cells[1], Keywords: splitList(r.cells[2], "|")}
		if err := checkSlugName(r, t.Slug, t.Name, slugs); err != nil {
			return err
		}
		if len(t.Keywords) == 0 {
			return r.errf("topic %s has no keywords", t.Slug)
		}
		idx := len(g.Topics)
		g.Topics = append(g.Topics, t)
		for _, kw := range t.Keywords {
			if kw != strings.ToLower(kw) {
				return r.errf("keyword %q is not lower case", kw)
			}
		}
		for _, form := range append([]string{t.Slug, t.Name}, t.Keywords...) {
			if err := g.topics.add(r, foldKey(form, keyOpts{}), form, idx, describe); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *Gazetteer) loadMechanisms(recs []record) error {
	g.mechs = keyIndex{}
	describe := func(i int) string { return "type " + g.Mechanisms[i].Type }
	for _, r := range recs {
		m := Mechanism{Type: r.cells[0], Phrases: splitList(r.cells[1], "|")}
		if !slices.Contains(SeriesTypes, m.Type) {
			return r.errf("type %q is not one of %s", m.Type, strings.Join(SeriesTypes, " "))
		}
		if len(m.Phrases) == 0 {
			return r.errf("type %s has no phrases", m.Type)
		}
		idx := len(g.Mechanisms)
		g.Mechanisms = append(g.Mechanisms, m)
		for _, p := range m.Phrases {
			if err := g.mechs.add(r, foldKey(p, keyOpts{}), p, idx, describe); err != nil {
				return err
			}
			g.mechScan = append(g.mechScan, mechPhrase{typ: m.Type, phrase: p, words: " " + wordKey(p) + " "})
		}
	}
	return nil
}

// CountryByISO3 finds a country by its ISO 3166-1 alpha-3 code (any case).
func (g *Gazetteer) CountryByISO3(code string) (*Country, bool) {
	return g.countryAt(g.byISO3, code)
}

// CountryByISO2 finds a country by its ISO 3166-1 alpha-2 code (any case).
func (g *Gazetteer) CountryByISO2(code string) (*Country, bool) {
	return g.countryAt(g.byISO2, code)
}

// CountryByFIPS finds a country by a FIPS 10-4 code (any case), as found in
// GDELT's *Geo_CountryCode columns: "RS" is Russia, "UK" the United Kingdom.
func (g *Gazetteer) CountryByFIPS(code string) (*Country, bool) {
	return g.countryAt(g.byFIPS, code)
}

func (g *Gazetteer) countryAt(m map[string]int, code string) (*Country, bool) {
	i, ok := m[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return nil, false
	}
	return &g.Countries[i], true
}

// Country finds a country by its name, an alias or a demonym: "Russian
// Federation", "the Russian Federation", "Russians", "Türkiye", "Turkiye",
// "U.S.", "UK". Acronyms match case-sensitively ("US" but not "us").
func (g *Gazetteer) Country(name string) (*Country, bool) {
	i, ok := g.countries.get(name)
	if !ok {
		return nil, false
	}
	return &g.Countries[i], true
}

// City finds a city by its name or a variant ("St. Petersburg", "Bombay").
// Where several countries have a city of that name, a capital is preferred,
// then the first in the data; Cities lists them all.
func (g *Gazetteer) City(name string) (*City, bool) {
	cs := g.cities[foldKey(name, keyOpts{})]
	if len(cs) == 0 {
		return nil, false
	}
	for _, c := range cs {
		if c.Capital {
			return c, true
		}
	}
	return cs[0], true
}

// Cities lists every city named name, in the order of the data.
func (g *Gazetteer) Cities(name string) []*City {
	return slices.Clone(g.cities[foldKey(name, keyOpts{})])
}

// Org finds an international organisation by its name or an alias ("SCO",
// "Shanghai Cooperation Organization", "the U.N."). Acronyms match
// case-sensitively, so "who" does not find the WHO.
func (g *Gazetteer) Org(name string) (*Org, bool) {
	i, ok := g.orgs.get(name)
	if !ok {
		return nil, false
	}
	return &g.Orgs[i], true
}

// Body finds a national government body by its name or an alias. country is
// the ISO3 code the extractor has decided on ("" if unknown). Among the rows
// the name matches, it prefers the row of that country, then the generic
// row, then any other country's row (so "State Department" finds the USA's
// row whatever the country); the returned Body's Country tells which. A
// generic row has Country "": the caller supplies the country.
func (g *Gazetteer) Body(name, country string) (*Body, bool) {
	var rows []int
	if isAcronym(name) {
		rows = g.bodies.exact[acronymKey(name)]
	}
	if len(rows) == 0 {
		rows = g.bodies.fold[foldKey(name, keyOpts{})]
	}
	if len(rows) == 0 {
		return nil, false
	}
	country = strings.ToUpper(strings.TrimSpace(country))
	best := -1
	for _, i := range rows {
		switch c := g.Bodies[i].Country; {
		case country != "" && c == country:
			return &g.Bodies[i], true
		case c == "" && (best < 0 || g.Bodies[best].Country != ""):
			best = i
		case best < 0:
			best = i
		}
	}
	return &g.Bodies[best], true
}

// Region finds a region by its slug, name or an alias ("the Middle East",
// "Mideast", "central-asia").
func (g *Gazetteer) Region(name string) (*Region, bool) {
	i, ok := g.regions.get(name)
	if !ok {
		return nil, false
	}
	return &g.Regions[i], true
}

// Topic finds a topic by its slug, name or one of its keywords
// ("terrorist financing" → financing-of-terrorism), case-insensitively.
func (g *Gazetteer) Topic(s string) (*Topic, bool) {
	i, ok := g.topics[foldKey(s, keyOpts{})]
	if !ok {
		return nil, false
	}
	return &g.Topics[i], true
}

// RankOf finds a form of address or rank ("Amb.", "H.E.", "Lt. Gen."),
// case-insensitively. Dots are significant, so that the pronoun "He" is not
// taken for "H.E.".
func (g *Gazetteer) RankOf(form string) (*Rank, bool) {
	i, ok := g.ranks[foldKey(form, keyOpts{keepDots: true, keepThe: true})]
	if !ok {
		return nil, false
	}
	return &g.Ranks[i], true
}

// TitleOf finds an official title ("deputy foreign minister",
// "Director-General"), case-insensitively; s must be the whole title. The
// Titles slice is ordered longest first for extractors that scan text.
func (g *Gazetteer) TitleOf(s string) (*Title, bool) {
	i, ok := g.titles[foldKey(s, keyOpts{keepThe: true})]
	if !ok {
		return nil, false
	}
	return &g.Titles[i], true
}

// Mechanism returns the series type of a mechanism phrase ("JWG",
// "Joint Working Group" → "joint-working-group"), case-insensitively.
func (g *Gazetteer) Mechanism(phrase string) (string, bool) {
	i, ok := g.mechs[foldKey(phrase, keyOpts{})]
	if !ok {
		return "", false
	}
	return g.Mechanisms[i].Type, true
}

// FindMechanism scans text for the mechanism phrases in the order of the
// data (most specific first) and returns the type and phrase of the first
// one that occurs as whole words, case-insensitively.
func (g *Gazetteer) FindMechanism(text string) (typ, phrase string, ok bool) {
	w := " " + wordKey(text) + " "
	for _, m := range g.mechScan {
		if strings.Contains(w, m.words) {
			return m.typ, m.phrase, true
		}
	}
	return "", "", false
}

// wordKey folds s and reduces it to words separated by single spaces: dots
// and apostrophes are dropped, every other character but letters, digits and
// "+" separates words.
func wordKey(s string) string {
	f := Fold(s)
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '.' || c == '\'':
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c >= 0x80:
			b.WriteByte(c)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// String summarises the row counts, for diagnostics.
func (g *Gazetteer) String() string {
	return fmt.Sprintf("gazetteer: %d countries, %d organisations, %d bodies, %d titles, %d ranks, %d regions, %d topics, %d mechanism types",
		len(g.Countries), len(g.Orgs), len(g.Bodies), len(g.Titles), len(g.Ranks), len(g.Regions), len(g.Topics), len(g.Mechanisms))
}
