package extract

import "strings"

// hasAny reports whether lower (a lower-cased sentence) contains one of
// subs. It guards the costlier regular expressions: each guard lists
// substrings of which every match of its expression contains one, so a
// sentence without any of them is not matched at all.
func hasAny(lower string, subs ...string) bool {
	for _, s := range subs {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}

// hasDigit reports whether s contains an ASCII digit.
func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// monthStems are the first three letters of every month name and
// abbreviation that monthRe matches.
var monthStems = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// hasYear reports whether s contains four digits in a row.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
