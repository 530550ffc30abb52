package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldGroups lists, for each ASCII replacement, the lower-case letters that
// fold to it. Upper-case input is lowered before the table is consulted.
var foldGroups = map[string]string{
	"a":  "àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặⱥ",
	"ae": "æǣǽ",
	"b":  "ḃḅḇƀ",
	"c":  "çćĉċčƈ",
	"d":  "ďđḋḍḏḑḓɗ",
	"dh": "ð",
	"e":  "èéêëēĕėęěȅȇȩẹẻẽếềểễệəɛ",
	"f":  "ḟƒ",
	"g":  "ĝğġģǥǧǵḡ",
	"h":  "ĥħȟḣḥḧḩḫẖ",
	"i":  "ìíîïĩīĭįıǐȉȋịỉḭḯ",
	"ij": "ĳ",
	"j":  "ĵǰ",
	"k":  "ķĸǩḱḳḵ",
	"l":  "ĺļľŀłḷḹḻḽ",
	"m":  "ḿṁṃ",
	"n":  "ñńņňŉŋǹṅṇṉṋ",
	"o":  "òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱọỏốồổỗộớờởỡợ",
	"oe": "œ",
	"p":  "ṕṗ",
	"r":  "ŕŗřȑȓṙṛṝṟ",
	"s":  "śŝşšșṡṣṥṧṩ",
	"ss": "ß",
	"t":  "ţťŧțṫṭṯṱẗ",
	"th": "þ",
	"u":  "ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữựṳṵṷṹṻ",
	"v":  "ṽṿ",
	"w":  "ŵẁẃẅẇẉẘ",
	"x":  "ẋẍ",
	"y":  "ýÿŷȳẏẙỳỵỷỹ",
	"z":  "źżžƶȥẑẓẕ",
	"'":  "\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u00b4\u0060",
	"\"": "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb",
	"-":  "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
	" ":  "\u00a0\u2002\u2003\u2009\u200a\u202f\u3000",
}

// foldTable maps a lower-case rune to its ASCII replacement.
var foldTable = func() map[rune]string {
	m := make(map[rune]string, 512)
	for rep, runes := range foldGroups {
		for _, r := range runes {
			m[r] = rep
		}
	}
	return m
}()

// Fold returns s in lower case with Latin diacritics stripped to ASCII
// ("Türkiye" → "turkiye", "Côte d'Ivoire" → "cote d'ivoire", "ß" → "ss"),
// typographic quotes, dashes and spaces replaced by their ASCII forms, and
// combining marks dropped. Other characters are kept, lower-cased.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		if r == 'İ' { // unicode.ToLower gives i; keep it explicit
			b.WriteByte('i')
			continue
		}
		r = unicode.ToLower(r)
		if rep, ok := foldTable[r]; ok {
			b.WriteString(rep)
			continue
		}
		if unicode.Is(unicode.Mn, r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// keyOpts selects the normalisations of a lookup key.
type keyOpts struct {
	keepDots bool // ranks: "H.E." must not become "he"
	keepThe  bool // titles, ranks: no leading article to strip
}

// foldKey is the case-insensitive lookup key of s: Fold, then apostrophes
// and commas removed, dots removed (unless keepDots), hyphens and slashes as
// spaces, "&" as "and", white space collapsed, and a leading "the " removed
// (unless keepThe).
func foldKey(s string, o keyOpts) string {
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f) + 4)
	space := true // at start: drop leading spaces
	emitSpace := func() {
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '\'' || c == ',':
			continue
		case c == '.' && !o.keepDots:
			continue
		case c == '-' || c == '/' || c == '_' || c == ' ' || c == '\t' || c == '\n' || c == '\r':
			emitSpace()
		case c == '&':
			emitSpace()
			b.WriteString("and")
			space = false
			emitSpace()
		default:
			b.WriteByte(c)
			space = false
		}
	}
	k := strings.TrimRight(b.String(), " ")
	if !o.keepThe {
		k = strings.TrimPrefix(k, "the ")
	}
	return k
}

// stripThe removes one leading "the " (any case) from s.
func stripThe(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return strings.TrimSpace(s[4:])
	}
	return s
}

// isAcronym reports whether s (after an optional leading "the ") has at least
// one upper-case letter and no lower-case letter: "UN", "U.N.", "G20",
// "BRICS+". Such forms are matched case-sensitively.
func isAcronym(s string) bool {
	s = stripThe(s)
	upper := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper = true
		}
	}
	return upper
}

// acronymKey is the case-sensitive lookup key of an acronym: dots removed,
// white space collapsed, a leading "the " removed.
func acronymKey(s string) string {
	s = strings.ReplaceAll(stripThe(s), ".", "")
	return strings.Join(strings.Fields(s), " ")
}
