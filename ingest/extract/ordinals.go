package extract

import (
	"strconv"
	"strings"
)

// Stage 2: ordinals ("the 10th round", "the XI session") and the counts
// that are no rounds ("his first visit").

func (x *Extractor) ordinalOf(key string) int {
	if n, ok := x.ordinals[key]; ok {
		return n
	}
	if strings.Contains(key, "-") { // twenty-first
		parts := strings.SplitN(key, "-", 2)
		tens := map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
		if t, ok := tens[parts[0]]; ok {
			if u, ok := x.ordinals[parts[1]]; ok && u < 10 {
				return t + u
			}
		}
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(key, suf) {
			if n, err := strconv.Atoi(strings.TrimSuffix(key, suf)); err == nil && n > 0 && n < 1000 {
				return n
			}
		}
	}
	return 0
}

// ordinalAt is the ordinal that token k of a sentence writes: a word
// ("tenth"), a numeral ("10th") or a Roman numeral in capitals ("the XI
// round") that a gathering's noun or a mechanism's name follows.
func (x *Extractor) ordinalAt(s *sentence, k int) int {
	if dayOfMonthAt(s, k) {
		return 0 // "on the 14th, the commission met": a date
	}
	if n := x.ordinalOf(s.toks[k].key); n > 0 {
		if n == 1 && (firstInYears(s, k) || k+1 < len(s.toks) && pastVerb(s.toks[k+1].key)) {
			return 0 // "their first formal talks in five years", "the leaders first met": no round's number
		}
		if countOrdinal(s, k) {
			return 0 // "his first visit", "the second meeting within a month": a count, not a round
		}
		return n
	}
	n := romanValue(s.toks[k].text)
	if n < 2 || k+1 >= len(s.toks) {
		return 0
	}
	next := s.toks[k+1]
	if ordinalNouns[next.key] || romanNouns[next.key] {
		return n
	}
	if m, ok := s.mentionAt(k + 1); ok && m.has(lexMech) {
		return n
	}
	return 0
}

// dayOfMonthAt reports whether token k is the day of "on the 14th" with
// no gathering named after it (see dayOfMonth): a date, not a round.
func dayOfMonthAt(s *sentence, k int) bool {
	if k < 2 || s.toks[k-1].key != "the" || s.toks[k-2].key != "on" || !ordinalNumeral(s.toks[k].text) {
		return false
	}
	n, _ := strconv.Atoi(strings.TrimRight(s.toks[k].key, "stndrh"))
	return n >= 1 && n <= 31 && dayOfMonth(s.text[s.toks[k].end:])
}

// pastVerb reports whether a word is a verb in the past tense.
func pastVerb(w string) bool {
	switch w {
	case "met", "held", "took", "came", "went", "began", "saw", "made", "spoke", "signed", "visited", "convened", "agreed", "discussed", "launched", "established":
		return true
	}
	return false
}

// firstInYears reports whether "first" at token k counts time, not
// rounds: "the first talks in five years", "the first visit since 2019".
func firstInYears(s *sentence, k int) bool {
	for j := k + 1; j < len(s.toks) && j <= k+8; j++ {
		switch s.toks[j].key {
		case "since", "ever":
			return true
		case "in", "for":
			if j+2 < len(s.toks) {
				switch s.toks[j+2].key {
				case "years", "decades", "months", "year", "decade":
					return true
				}
			}
		case ",", ".", ";":
			return false
		}
	}
	return false
}

// romanNouns may follow a Roman ordinal besides ordinalNouns: "XXV
// Commission".
var romanNouns = map[string]bool{"commission": true, "committee": true, "council": true, "congress": true,
	"working": true, "intergovernmental": true, "high-level": true, "ministerial": true, "meeting": true}

// romanValue is the value of a Roman numeral of two or more capital
// letters written in canonical form ("XI", "XXV", "XIV"), 0 otherwise.
func romanValue(w string) int {
	if len(w) < 2 || len(w) > 9 {
		return 0
	}
	n := 0
	for i := 0; i < len(w); i++ {
		v := romanDigit(w[i])
		if v == 0 {
			return 0
		}
		if i+1 < len(w) && romanDigit(w[i+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	if n <= 0 || n >= 400 || toRoman(n) != w {
		return 0
	}
	return n
}

func romanDigit(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	}
	return 0
}

// toRoman writes n (1-399) in Roman numerals.
func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

// ordinalBefore finds an ordinal among the few words before token i.
func (x *Extractor) ordinalBefore(s *sentence, i int) int {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if n := x.ordinalAt(s, k); n > 0 {
			return n
		}
		if s.toks[k].key == "," && k > 0 && k < i-1 && s.toks[k-1].key != "," {
			continue
		}
	}
	return 0
}

// otherGathering reports whether the ordinal at token i, in a sentence
// that refers back to an event of a kind, numbers another gathering: "the
// preparations for the first ministerial conference".
func otherGathering(s *sentence, i int, kind string) bool {
	if otherEventAhead(s, i) {
		return true
	}
	for k := i + 1; k < len(s.toks) && k < i+4; k++ {
		switch s.toks[k].key {
		case "conference", "symposium", "forum", "congress", "summit":
			return kind != "conference" && kind != "summit"
		}
	}
	return false
}

var ordinalNouns = map[string]bool{"meeting": true, "round": true, "session": true, "edition": true, "summit": true,
	"dialogue": true, "consultations": true, "conference": true, "symposium": true, "forum": true, "talks": true,
	"iteration": true, "plenary": true, "ministerial": true, "annual": true, "bilateral": true, "global": true,
	"joint": true, "strategic": true, "political": true, "intergovernmental": true, "council": true, "commission": true,
	"committee": true}

func ordinalNoun(s *sentence, i int) bool {
	for k := i; k < len(s.toks) && k < i+7; k++ {
		if k >= i+4 && !s.toks[k-1].capitalized() && s.toks[k-1].isWord() && !(s.toks[k-1].key == "of" && s.toks[k].capitalized()) {
			break // past the fourth word only through a name: "the 58th ASEAN Foreign Ministers' Meeting"
		}
		switch s.toks[k].key {
		case "partner", "partners", "time", "times", "member", "members", "country", "countries", "leader", "visit",
			"day", "days", "week", "stage", "phase", "leg", "part":
			return false // "its first dialogue partner", "the first time"
		}
		if ordinalNouns[s.toks[k].key] {
			if k+1 < len(s.toks) && (s.toks[k+1].key == "partner" || s.toks[k+1].key == "partners") {
				return false
			}
			return true
		}
	}
	return false
}
