package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a sentence.
type token struct {
	text       string // as written
	key        string // folded, lower case, for dictionary lookups
	start, end int    // byte offsets in the sentence
}

func (t token) isWord() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (t token) capitalized() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

func (t token) allCaps() bool {
	n := 0
	for _, r := range t.text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n > 0
}

// tokenize splits s into words (letters, digits, inner hyphens, dots of
// abbreviations and apostrophes) and single punctuation marks.
func tokenize(s string) []token {
	out := make([]token, 0, len(s)/5+4) // about a token for every five bytes
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if r == '#' && i+1 < len(s) {
			if n, _ := utf8.DecodeRuneInString(s[i+1:]); unicode.IsLetter(n) {
				i++ // a hashtag names what it tags: "#Amman" is "Amman"
				continue
			}
		}
		start := i
		if r == '@' && i+1 < len(s) && handleRune(r0(s[i+1:])) {
			// a social-media handle, "@AymanHsafadi": one token, not a word
			i++
			for i < len(s) {
				r, size = utf8.DecodeRuneInString(s[i:])
				if !handleRune(r) {
					break
				}
				i += size
			}
			out = append(out, token{text: s[start:i], key: foldKey(s[start:i]), start: start, end: i})
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			i += size
			for i < len(s) {
				r, size = utf8.DecodeRuneInString(s[i:])
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					i += size
					continue
				}
				// joiners inside a word: U.S., Al-Sudani, Xi'an, 2+2
				if (r == '-' || r == '\'' || r == '’' || r == '.' || r == '+' || r == '&') && i+size < len(s) {
					n, _ := utf8.DecodeRuneInString(s[i+size:])
					if unicode.IsLetter(n) || unicode.IsDigit(n) {
						if r == '.' && !isInitialism(s[start:i]) {
							break
						}
						i += size
						continue
					}
				}
				break
			}
			// the closing dot of an initialism: "U.S.", and of a name's
			// initial: "S. Jaishankar", "Antony J. Blinken"
			if i < len(s) && s[i] == '.' && strings.Contains(s[start:i], ".") && isInitialism(s[start:i]) {
				i++
			} else if i+2 < len(s) && s[i] == '.' && s[i+1] == ' ' && (i-start == 1 || nameAbbrevs[s[start:i]]) && unicode.IsUpper(r0(s[start:])) {
				if n, _ := utf8.DecodeRuneInString(s[i+2:]); unicode.IsUpper(n) {
					i++
				}
			}
		} else {
			i += size
		}
		w := s[start:i]
		out = append(out, token{text: w, key: foldKey(w), start: start, end: i})
	}
	return out
}

// nameAbbrevs are abbreviated given names, written with a dot as part of
// the name: "Md. Touhid Hossain", "Mohd. Shahar", "Ma. Theresa Lazaro".
var nameAbbrevs = map[string]bool{"Md": true, "Mohd": true, "Muhd": true, "Ma": true}

// handleRune reports whether r may be part of a social-media handle.
func handleRune(r rune) bool {
	return r == '_' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func r0(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// isInitialism reports whether w looks like "U.S" or "H.E": single letters
// joined by dots.
func isInitialism(w string) bool {
	for i, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return i == 0 && utf8.RuneCountInString(part) == 1
		}
	}
	return true
}

// foldKey is the dictionary key of a word or phrase: ASCII-folded, lower
// case, curly quotes straightened, dots dropped.
func foldKey(s string) string {
	if k, ok := foldKeyASCII(s); ok {
		return k
	}
	return foldKeyAny(s)
}

// foldKeyASCII is foldKey of an ASCII string: fold (gazetteer.Fold) only
// lower-cases the ASCII letters, so the key is s in lower case without
// its dots; s itself when it has neither (no allocation). ok is false when
// s is not ASCII.
func foldKeyASCII(s string) (key string, ok bool) {
	same := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return "", false
		}
		if 'A' <= c && c <= 'Z' || c == '.' {
			same = false
		}
	}
	if same {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	return string(b), true
}

// foldKeyAny is foldKey of any string.
func foldKeyAny(s string) string {
	s = fold(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '.':
		case r == '’' || r == '‘':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// joinKeys is the key of the phrase tokens[i:j].
func joinKeys(toks []token) string {
	if len(toks) == 1 {
		return toks[0].key
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
	}
	return b.String()
}

// phraseKey is the key of a phrase written in a data file.
func phraseKey(s string) string { return joinKeys(tokenize(s)) }
