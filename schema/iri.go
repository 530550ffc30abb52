package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s with diacritics removed and ligatures and special letters
// spelled in ASCII where a close equivalent exists ("Türkiye" -> "Turkiye").
// Letters without one are kept as they are.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := foldSpecial[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var foldSpecial = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "AE", 'ø': "o", 'Ø': "O", 'œ': "oe", 'Œ': "OE",
	'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D", 'ð': "d", 'þ': "th", 'ı': "i",
	'‘': "'", '’': "'", '“': `"`, '”': `"`, '–': "-", '—': "-",
}

// Slug turns a name into the local part of an IRI: ASCII-folded, lower
// case, runs of anything but letters and digits joined by one "-".
// Apostrophes vanish ("People's" -> "peoples").
func Slug(s string) string {
	s = Fold(s)
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range s {
		switch {
		case r == '\'':
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// CountryIRI is the node of a country given its ISO 3166-1 alpha-3 code.
func CountryIRI(iso3 string) quad.IRI { return quad.IRI("country:" + strings.ToUpper(iso3)) }

// PersonIRI is the node of a person named in full, without rank or title.
func PersonIRI(name string) quad.IRI { return quad.IRI("person:" + Slug(name)) }

// OrgIRI is the node of an international organization, from its canonical
// slug or name.
func OrgIRI(slugOrName string) quad.IRI { return quad.IRI("org:" + Slug(slugOrName)) }

// NationalOrgIRI is the node of a national body such as a ministry:
// <org:pak/ministry-of-foreign-affairs>.
func NationalOrgIRI(iso3, slugOrName string) quad.IRI {
	return quad.IRI("org:" + strings.ToLower(iso3) + "/" + Slug(slugOrName))
}

// PlaceIRI is the node of a city or venue in a country: <place:pak/islamabad>.
func PlaceIRI(iso3, city string) quad.IRI {
	return quad.IRI("place:" + strings.ToLower(iso3) + "/" + Slug(city))
}

// RegionIRI is the node of a world region: <region:central-asia>.
func RegionIRI(name string) quad.IRI { return quad.IRI("region:" + Slug(name)) }

// TopicIRI is the node of a subject of talks: <topic:financing-of-terrorism>.
func TopicIRI(name string) quad.IRI { return quad.IRI("topic:" + Slug(name)) }

// ReportIRI is the node (and the quad label) of a report with the given id.
func ReportIRI(id string) quad.IRI { return quad.IRI("report:" + id) }

// CountryKey is the sorted, lower-case, de-duplicated list of member codes
// joined by "-", as used in series and event IRIs ("pak-rus").
func CountryKey(iso3s []string) string {
	seen := map[string]bool{}
	var codes []string
	for _, c := range iso3s {
		c = strings.ToLower(c)
		if c != "" && !seen[c] {
			seen[c] = true
			codes = append(codes, c)
		}
	}
	sort.Strings(codes)
	return strings.Join(codes, "-")
}

// SeriesLocal is the local part of a series IRI: member codes, the
// mechanism type and, where it has one, its subject.
func SeriesLocal(iso3s []string, typ, subject string) string {
	s := CountryKey(iso3s) + "/" + typ
	if subj := Slug(subject); subj != "" {
		s += "/" + subj
	}
	return s
}

// SeriesIRI is the node of a standing bilateral mechanism:
// <series:pak-rus/joint-working-group/counter-terrorism>.
func SeriesIRI(iso3s []string, typ, subject string) quad.IRI {
	return quad.IRI("series:" + SeriesLocal(iso3s, typ, subject))
}

// NumberedEventIRI is the node of the n-th meeting of a series:
// <event:pak-rus/joint-working-group/counter-terrorism/10>.
func NumberedEventIRI(series quad.IRI, n int) quad.IRI {
	return quad.IRI("event:" + strings.TrimPrefix(string(series), "series:") + "/" + strconv.Itoa(n))
}

// EventIRI is the node of an event that is not a numbered meeting of a
// series: <event:KIND/ISO3-ISO3/WHEN>, where WHEN is the ISO date or, when
// no date is known, the report id. Country codes are upper case and sorted.
func EventIRI(kind string, iso3s []string, when string) quad.IRI {
	return quad.IRI("event:" + kind + "/" + strings.ToUpper(CountryKey(iso3s)) + "/" + when)
}

// NormalizeBody collapses every run of white space to one space and trims
// the ends: the text whose hash identifies a report.
func NormalizeBody(body string) string {
	return strings.Join(strings.Fields(body), " ")
}

// ReportID is the first 16 hex digits of the SHA-256 of the report's body
// after normalising white space.
func ReportID(body string) string {
	sum := sha256.Sum256([]byte(NormalizeBody(body)))
	return hex.EncodeToString(sum[:8])
}

// URLReportID identifies a report known only by its URL (GDELT rows): the
// first 16 hex digits of the SHA-256 of the URL.
func URLReportID(url string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(url)))
	return hex.EncodeToString(sum[:8])
}

// OrdinalText writes n as an English ordinal in digits: 1st, 2nd, 3rd, 11th, 22nd.
func OrdinalText(n int) string {
	suf := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suf = "st"
		case 2:
			suf = "nd"
		case 3:
			suf = "rd"
		}
	}
	return strconv.Itoa(n) + suf
}
