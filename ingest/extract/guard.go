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
