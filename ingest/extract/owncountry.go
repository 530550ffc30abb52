package extract

// Stage "own country": the country a report speaks for or from. A
// ministry's release names its own officials without a nationality ("the
// Foreign Minister received ..."), and so does a national newspaper
// ("Prime Minister X left for ..."); the other side is named with one
// ("Japanese Foreign Minister Y"). The hand-off is ownCountry, kept in
// doc.own; doc.home is its country where the report may be read as
// speaking for it.

import (
	"net/url"
	"strings"
)

// ownCountry is the country a report speaks for, and how it was found.
type ownCountry struct {
	iso3 string
	// from says where the country came from: "publisher" (a known
	// publisher, by name or web domain), "publisher's name" (a country or
	// demonym in it: "Ministry of Foreign Affairs of Viet Nam"),
	// "country-code domain" (".pk"), "dateline"
	from string
	// government: the publisher is a government office (a ministry, an
	// embassy, a presidency, a government domain)
	government bool
	// firstPerson: the text speaks as "we" or "our" outside quotations
	firstPerson bool
	// mentioned: the body names the country, its people or one of its cities
	mentioned bool
}

// speaks reports whether the report may be read as speaking for its own
// country: its officials named without a nationality are that country's.
// A government's release always does; a newspaper only when its text
// names its country at all (a Pakistani daily's story of a Sino-American
// meeting names no Pakistani official). A wire datelined in a capital
// names that country's officials without a nationality too.
func (o ownCountry) speaks() bool {
	if o.iso3 == "" {
		return false
	}
	return o.government || o.firstPerson || o.mentioned
}

// publisherEntry is a line of data/publishers.tsv.
type publisherEntry struct {
	key  []token // a name's tokens; nil for a domain
	host string  // a web domain, lower case
	iso3 string
}

// governmentWords in a publisher's name say it is a government office.
var governmentWords = map[string]bool{"ministry": true, "embassy": true, "government": true, "presidency": true,
	"consulate": true, "consulates": true, "mission": true, "president": true, "minister": true, "office": true,
	"department": true, "secretariat": true, "mofa": true, "cabinet": true}

// ownCountry finds the report's own country: a known publisher by name
// or web domain first, then a country named in the publisher's name, the
// URL's country-code domain, and last the dateline's city.
func (x *Extractor) ownCountry(in Input, d *doc) ownCountry {
	var o ownCountry
	pub := tokenize(in.Publisher)
	host := urlHost(in.URL)
	o.government = strings.HasSuffix(host, ".gov") || strings.Contains(host, ".gov.") || strings.Contains(host, ".go.") ||
		strings.Contains(host, ".gouv.") || strings.Contains(host, ".gob.")
	for _, t := range pub {
		if governmentWords[t.key] {
			o.government = true
		}
	}
	switch {
	case x.knownPublisher(pub, host, &o):
	case x.publisherNameCountry(pub, &o):
	default:
		if c := x.homeCountry(host); c != "" {
			o.iso3, o.from = c, "country-code domain"
		} else if d.dateline != nil {
			o.iso3, o.from = d.dateline.Country, "dateline"
		}
	}
	o.firstPerson = firstPerson(d.sents)
	o.mentioned = o.iso3 != "" && (d.dateline != nil && d.dateline.Country == o.iso3 || namesCountry(d.sents, o.iso3))
	return o
}

// knownPublisher looks the publisher up in data/publishers.tsv: the name
// that starts first in the publisher's line ("Tasnim News Agency (citing
// TASS)" is Tasnim's), else the web domain.
func (x *Extractor) knownPublisher(pub []token, host string, o *ownCountry) bool {
	for i := range pub {
		for _, e := range x.publishers {
			if e.key == nil || i+len(e.key) > len(pub) {
				continue
			}
			if matchTokens(pub[i:i+len(e.key)], e.key) {
				o.iso3, o.from = e.iso3, "publisher"
				return true
			}
		}
	}
	for _, e := range x.publishers {
		if e.host != "" && (host == e.host || strings.HasSuffix(host, "."+e.host)) {
			o.iso3, o.from = e.iso3, "publisher"
			return true
		}
	}
	return false
}

// matchTokens reports whether toks spell key: acronyms as written, other
// words by their keys.
func matchTokens(toks, key []token) bool {
	for k := range key {
		if key[k].allCaps() && len(key[k].text) > 1 {
			if toks[k].text != key[k].text {
				return false
			}
		} else if toks[k].key != key[k].key {
			return false
		}
	}
	return true
}

// publisherNameCountry takes the first country, demonym or city of the
// publisher's name ("The Manila Times"), but not one after "in" or "to",
// which says where an embassy serves: "Embassy of France in the United States" is France's,
// "U.S. Embassy & Consulates in Mexico" the United States'.
func (x *Extractor) publisherNameCountry(pub []token, o *ownCountry) bool {
	for _, m := range x.lex.scan(pub) {
		if m.i > 0 && (pub[m.i-1].key == "in" || pub[m.i-1].key == "to") {
			continue
		}
		if c, ok := m.nationality(); ok {
			o.iso3, o.from = c, "publisher's name"
			return true
		}
		if e, ok := m.first(lexCity); ok && e.country != nil {
			o.iso3, o.from = e.country.ISO3, "publisher's name" // "The Manila Times", "Jerusalem Post"
			return true
		}
	}
	return false
}

// urlHost is the lower-case host of a URL, without "www.", or "".
func urlHost(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.TrimSuffix(strings.ToLower(u.Hostname()), "."), "www.")
}

// homeCountry is the country of a host's country-code top-level domain
// ("mofa.gov.pk" -> PAK, "gov.uk" -> GBR), "" for generic domains.
func (x *Extractor) homeCountry(host string) string {
	if host == "" {
		return ""
	}
	tld := host[strings.LastIndexByte(host, '.')+1:]
	switch tld {
	case "uk":
		return "GBR"
	case "gov", "mil":
		return "USA" // the United States government's own domains
	}
	if len(tld) != 2 {
		return ""
	}
	switch tld { // country codes sold as generic names
	case "tv", "io", "co", "me", "ly", "fm", "ai", "cc", "ws", "to", "su", "eu":
		return ""
	}
	if c, ok := x.gz.CountryByISO2(tld); ok {
		return c.ISO3
	}
	return ""
}

// firstPerson reports whether the text speaks as "we" or "our" outside
// quotation marks: "our Foreign Secretary", "we welcomed".
func firstPerson(sents []*sentence) bool {
	for _, s := range sents {
		quoted := false
		for _, t := range s.toks {
			switch t.text {
			case "\"", "“", "”":
				quoted = !quoted
				continue
			}
			if quoted {
				continue
			}
			switch t.key {
			case "our", "we":
				return true
			}
		}
	}
	return false
}

// namesCountry reports whether a sentence names the country: its name,
// its people or one of its cities.
func namesCountry(sents []*sentence, iso3 string) bool {
	for _, s := range sents {
		for _, c := range s.cref {
			if c.iso3 == iso3 {
				return true
			}
		}
		for _, m := range s.ments {
			for _, e := range m.entries {
				if (e.kind == lexCity || e.kind == lexCountry || e.kind == lexDemonym) && e.country != nil && e.country.ISO3 == iso3 {
					return true
				}
			}
		}
	}
	return false
}

// ownOfficials gives the report's own country to the officials it names
// without a nationality ("Prime Minister X", "the Foreign Secretary, Y"),
// after the events have given theirs the sides they stand for: people
// with a title or a part in an event, not someone's counterpart, not
// serving an international organisation.
func (d *doc) ownOfficials() {
	if d.home == "" {
		return
	}
	inEvent := map[*person]bool{}
	for _, e := range d.events {
		for p := range e.roles {
			inEvent[p] = true
		}
	}
	for _, p := range d.people {
		if p.finalCountry() != "" || p.org != nil || p.counterpart || p.title == "" && !inEvent[p] {
			continue
		}
		p.country = d.home
		for _, e := range d.events {
			if _, ok := e.roles[p]; ok {
				e.addCountry(d.home) // "hosted by Prime Minister X": the host's government took part
			}
		}
	}
}

// oneHolderPerOffice keeps the report's own country from officials whose
// office someone of that country already holds in the text: with
// "Mongolian President X" named, "President Y" is another country's
// president. Such an official takes the one other country named in the
// sentences that name them, else stands for the other side of the
// events (a counterpart).
func (d *doc) oneHolderPerOffice() {
	if d.home == "" {
		return
	}
	for _, p := range d.people {
		if p.finalCountry() != "" || p.title == "" || p.org != nil {
			continue
		}
		taken := false
		for _, q := range d.people {
			if q != p && q.finalCountry() == d.home && sameOffice(p, q) {
				taken = true
				break
			}
		}
		if !taken {
			continue
		}
		other := ""
		for _, s := range d.sents {
			named := false
			for _, pm := range s.persons {
				named = named || pm.p == p
			}
			if !named {
				continue
			}
			for _, c := range s.cref {
				if c.iso3 != d.home && c.iso3 != other {
					if other != "" {
						other = "-"
					} else {
						other = c.iso3
					}
				}
			}
		}
		if other != "" && other != "-" {
			p.country = other
		} else {
			p.counterpart = true
		}
	}
}

// sameOffice reports whether two people hold the same office: the same
// title, or both lead a state or a government (a deputy leads none).
func sameOffice(p, q *person) bool {
	if strings.EqualFold(p.title, q.title) {
		return true
	}
	deputy := func(t string) bool { // "Deputy Prime Minister" leads no government
		w, _, _ := strings.Cut(strings.ToLower(t), " ")
		return titleModifiers[w] || w == "former"
	}
	return p.leader() && p.titleCat == q.titleCat && !deputy(p.title) && !deputy(q.title)
}
