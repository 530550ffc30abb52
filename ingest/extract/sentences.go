package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitSentences splits a body into sentences. Paragraph breaks always end
// a sentence; a '.', '!' or '?' ends one when a capital letter, digit or
// quote follows after white space, unless the dot closes an abbreviation
// ("Dr.", "Jan.", "U.S." before a name) or a single initial ("S. Jaishankar").
func (x *Extractor) splitSentences(body string) []string {
	var out []string
	for _, para := range strings.Split(body, "\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		start := 0
		for i := 0; i < len(para); i++ {
			c := para[i]
			if c != '.' && c != '!' && c != '?' {
				continue
			}
			j := i + 1
			for j < len(para) && (para[j] == '"' || para[j] == '\'' || para[j] == ')' || strings.HasPrefix(para[j:], "”") || strings.HasPrefix(para[j:], "’")) {
				if para[j] < 0x80 {
					j++
				} else {
					j += 3
				}
			}
			if j >= len(para) || para[j] != ' ' {
				continue
			}
			k := j
			for k < len(para) && para[k] == ' ' {
				k++
			}
			if k >= len(para) {
				continue
			}
			next, _ := utf8.DecodeRuneInString(para[k:])
			if !(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '"' || next == '“' || next == '\'' || next == '‘' || next == '(' || next == '#' || next == '@') {
				continue
			}
			if c == '.' && x.isAbbrevBefore(para[start:i]) {
				continue
			}
			out = append(out, strings.TrimSpace(para[start:j]))
			start = k
			i = k - 1
		}
		if s := strings.TrimSpace(para[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// isAbbrevBefore reports whether the text before a dot ends with an
// abbreviation or an initial.
func (x *Extractor) isAbbrevBefore(s string) bool {
	i := strings.LastIndexAny(s, " (\"“")
	w := s[i+1:]
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return x.abbrev[strings.ToLower(w)]
}
