package extract

import (
	"strings"
	"unicode/utf8"
)

// The costlier regular expressions are guarded: each guard lists
// substrings of which every match of its expression contains one (in the
// lower-cased sentence, or for expressions that are case-sensitive, in the
// sentence as written), so a sentence without any of them is not matched
// at all. Every guard word of the package is registered once, with
// guardWords or caseGuardWords, in one dictionary; a sentence is read
// through once, when it is analysed, for all of them (an Aho-Corasick
// automaton for each case), and each guard is then a test of a few bits.
//
// A guard that stands for no earlier test of the same words must hold for
// every match (TestGuardsNecessary): for a case-insensitive expression, a
// match may spell an s as 'ſ', which strings.ToLower keeps, so its guard
// must then list "ſ" too, or have no word with an s.

// guardMask is a set of guard words, one bit per word of the dictionary.
type guardMask [4]uint64

// guardDict is the dictionary of guard words: words[k] is the word of bit
// k, sought in the lower-cased text, or in the text as written when
// caseSensitive[k]. The automata are built by init, after every
// guardWords call of the package variables.
var guardDict struct {
	words         []string
	caseSensitive []bool
	index         map[string]int // "" or "=" + word -> bit
	lower, asIs   *acMatcher
}

// guardWords registers guard words, sought in the lower-cased text, and
// returns the mask of them.
func guardWords(words ...string) guardMask { return addGuardWords(false, words) }

// caseGuardWords registers guard words sought in the text as written (for
// the expressions that are case-sensitive) and returns the mask of them.
func caseGuardWords(words ...string) guardMask { return addGuardWords(true, words) }

func addGuardWords(caseSensitive bool, words []string) guardMask {
	if guardDict.index == nil {
		guardDict.index = map[string]int{}
	}
	var m guardMask
	for _, w := range words {
		if w == "" {
			panic("extract: empty guard word")
		}
		key := w
		if caseSensitive {
			key = "=" + w
		}
		k, ok := guardDict.index[key]
		if !ok {
			k = len(guardDict.words)
			if k >= len(m)*64 {
				panic("extract: too many guard words")
			}
			guardDict.index[key] = k
			guardDict.words = append(guardDict.words, w)
			guardDict.caseSensitive = append(guardDict.caseSensitive, caseSensitive)
		}
		m[k/64] |= 1 << (k % 64)
	}
	return m
}

func init() {
	// the words of the other kind are left out as empty strings: they
	// keep their bit numbers but add nothing to the automaton
	lower := make([]string, len(guardDict.words))
	asIs := make([]string, len(guardDict.words))
	for k, w := range guardDict.words {
		if guardDict.caseSensitive[k] {
			asIs[k] = w
		} else {
			lower[k] = w
		}
	}
	guardDict.lower = newACMatcher(lower)
	guardDict.asIs = newACMatcher(asIs)
}

// guarded is a text with the guard words it contains.
type guarded struct {
	words guardMask
}

// newGuarded finds the guard words of text: those that
// strings.Contains(strings.ToLower(text), w) reports, and the
// case-sensitive ones that strings.Contains(text, w) reports.
func newGuarded(text string) guarded {
	var m guardMask
	if isASCII(text) {
		// strings.ToLower only maps A-Z to a-z: the automaton does it
		m = guardDict.lower.scanFolded(text)
	} else {
		m = guardDict.lower.scan(strings.ToLower(text))
	}
	c := guardDict.asIs.scan(text)
	for i := range m {
		m[i] |= c[i]
	}
	return guarded{words: m}
}

// has reports whether the text contains one of the guard words of m: it
// is hasAny(strings.ToLower(text), words...) for m = guardWords(words...),
// and hasAny(text, words...) for m = caseGuardWords(words...).
func (g *guarded) has(m guardMask) bool {
	return g.words[0]&m[0]|g.words[1]&m[1]|g.words[2]&m[2]|g.words[3]&m[3] != 0
}

// acMatcher finds which of a set of words occur in a text, in one pass: an
// Aho-Corasick automaton, complete over the bytes that occur in the words
// (any other byte leads back to the start). Word k sets bit k of the
// mask scan returns; empty words are left out.
type acMatcher struct {
	class  [256]uint8  // byte -> column of next; 0 for bytes in no word
	folded [256]uint8  // class of the byte with A-Z lower-cased
	ncls   int         // columns of next
	next   []uint16    // state*ncls+class -> state
	out    []uint16    // state -> index in outs of the words ending there, 0 for none
	outs   []guardMask // outs[0] is empty
}

func newACMatcher(words []string) *acMatcher {
	a := &acMatcher{ncls: 1}
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if a.class[w[i]] == 0 {
				a.class[w[i]] = uint8(a.ncls)
				a.ncls++
			}
		}
	}
	for c := range a.folded {
		l := c
		if 'A' <= c && c <= 'Z' {
			l = c + 'a' - 'A'
		}
		a.folded[c] = a.class[l]
	}
	// the trie; 0 in goto is "no edge" (no edge leads back to the root)
	var gotoT [][]uint16
	var outs []guardMask
	newState := func() uint16 {
		gotoT = append(gotoT, make([]uint16, a.ncls))
		outs = append(outs, guardMask{})
		return uint16(len(gotoT) - 1)
	}
	newState()
	for k, w := range words {
		if w == "" {
			continue
		}
		s := uint16(0)
		for i := 0; i < len(w); i++ {
			c := a.class[w[i]]
			if gotoT[s][c] == 0 {
				n := newState()
				gotoT[s][c] = n
			}
			s = gotoT[s][c]
		}
		outs[s][k/64] |= 1 << (k % 64)
	}
	if len(gotoT) > 1<<16 {
		panic("extract: too many guard automaton states")
	}
	// failure links, breadth first, completing the transitions
	n := len(gotoT)
	a.next = make([]uint16, n*a.ncls)
	fail := make([]uint16, n)
	queue := []uint16{}
	for c := 1; c < a.ncls; c++ {
		if t := gotoT[0][c]; t != 0 {
			a.next[c] = t
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := fail[s]
		for i := range outs[s] {
			outs[s][i] |= outs[f][i]
		}
		for c := 1; c < a.ncls; c++ {
			if t := gotoT[s][c]; t != 0 {
				fail[t] = a.next[int(f)*a.ncls+c]
				a.next[int(s)*a.ncls+c] = t
				queue = append(queue, t)
			} else {
				a.next[int(s)*a.ncls+c] = a.next[int(f)*a.ncls+c]
			}
		}
	}
	a.out = make([]uint16, n)
	a.outs = []guardMask{{}}
	for s := range outs {
		if outs[s] != (guardMask{}) {
			a.out[s] = uint16(len(a.outs))
			a.outs = append(a.outs, outs[s])
		}
	}
	return a
}

// scan returns the set of words that occur in s.
func (a *acMatcher) scan(s string) guardMask { return a.scanClasses(s, &a.class) }

// scanFolded is scan of s with its ASCII capitals lower-cased.
func (a *acMatcher) scanFolded(s string) guardMask { return a.scanClasses(s, &a.folded) }

func (a *acMatcher) scanClasses(s string, class *[256]uint8) guardMask {
	var m guardMask
	st := 0
	for i := 0; i < len(s); i++ {
		st = int(a.next[st*a.ncls+int(class[s[i]])])
		if o := a.out[st]; o != 0 {
			w := &a.outs[o]
			m[0] |= w[0]
			m[1] |= w[1]
			m[2] |= w[2]
			m[3] |= w[3]
		}
	}
	return m
}

// hasAny reports whether lower (a lower-cased text) contains one of subs;
// for texts that are not sentences (a clause).
func hasAny(lower string, subs ...string) bool {
	for _, s := range subs {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasDigit reports whether s contains an ASCII digit.
func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

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
