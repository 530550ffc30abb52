package extract

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
)

// phraseRe is a regular expression that lists phrases, such as
// `(?i)\b(will|would|next (?:meeting|round))\b`, matched without package
// regexp: its backtracking tries every alternative at every byte of a
// sentence, while a phraseRe tries, at the starts of words only, the
// phrases that can begin with the byte there, along a tree of their
// common beginnings.
//
// compilePhraseRe reads the expression with package regexp/syntax and
// expands it into its phrases, numbered in the order the expression
// prefers them, so that MatchString and FindAllStringSubmatchIndex return
// what package regexp returns for the same expression (TestPhraseRe
// compares them): of the phrases that match at the leftmost place, the
// preferred one. It accepts an expression that is, after an optional
// leading \b, a choice of phrases made of literal characters (case-folded
// or not), classes of letters or digits ([sz], \d), groups, optional parts,
// counted repeats and runs of white space (\s+) followed by something
// other than white space, with an optional trailing \b or $. Anything else
// makes it panic.
type phraseRe struct {
	expr      string
	alts      [][]phraseItem // the phrases, preferred first
	ncap      int            // capture groups
	nodes     []phraseNode   // the tree of the phrases; nodes[0] is its root
	byFirst   [256][]int32   // the children of the root that can begin with the byte
	wordStart bool           // begins with \b
	wordEnd   bool           // ends with \b
	textEnd   bool           // ends with $
}

// phraseNode is an item of the phrases that begin with the items on the
// way to it from the root.
type phraseNode struct {
	item     phraseItem
	children []int32
	alt      int32 // the phrase that ends here, or -1
	minAlt   int32 // the preferred phrase that ends here or below
}

// phraseItem is one character of a phrase, a run of white space, or the
// start or end of a group.
type phraseItem struct {
	kind phraseKind
	b    byte // the byte; for foldLetter, the lower-case letter; for slot, the index in the captures
}

type phraseKind uint8

const (
	exactByte  phraseKind = iota // the byte b
	foldLetter                   // the ASCII letter b in either case, or a character that folds to it ('K' for k, 'ſ' for s)
	digit                        // [0-9]
	spaces                       // \s+: [\t\n\f\r ]+
	slot                         // where group b/2 starts (b even) or ends; matches the empty string
)

// foldExtra is the character other than its two ASCII cases that
// regexp's case folding (unicode.SimpleFold) matches to an ASCII letter:
// 'K' (Kelvin) for k, 'ſ' (long s) for s; "" for the other letters.
func foldExtra(letter byte) string {
	switch letter {
	case 'k':
		return "\u212A"
	case 's':
		return "\u017F"
	}
	return ""
}

// phraseRes are the package's phraseRes, for the tests.
var phraseRes []*phraseRe

// newPhraseRe compiles expr, which must be of the form described above,
// and adds it to phraseRes.
func newPhraseRe(expr string) *phraseRe {
	p := compilePhraseRe(expr)
	phraseRes = append(phraseRes, p)
	return p
}

// compilePhraseRe compiles expr, which must be of the form described above.
func compilePhraseRe(expr string) *phraseRe {
	regexp.MustCompile(expr) // a valid expression for package regexp too
	t, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	p := &phraseRe{expr: expr}
	subs := []*syntax.Regexp{t}
	if t.Op == syntax.OpConcat {
		subs = t.Sub
	}
	if len(subs) > 0 && subs[0].Op == syntax.OpWordBoundary {
		p.wordStart, subs = true, subs[1:]
	}
	if n := len(subs); n > 0 && subs[n-1].Op == syntax.OpWordBoundary {
		p.wordEnd, subs = true, subs[:n-1]
	} else if n > 0 && subs[n-1].Op == syntax.OpEndText {
		p.textEnd, subs = true, subs[:n-1]
	}
	p.alts = [][]phraseItem{nil}
	for _, sub := range subs {
		p.alts = concatPhrases(p.alts, expandPhrases(expr, sub))
	}
	p.ncap = t.MaxCap()
	if len(p.alts) > 1<<20 || 2*p.ncap+2 > maxPhraseSlots {
		panic(fmt.Sprintf("extract: %s: too many phrases or groups", expr))
	}
	p.nodes = []phraseNode{{alt: -1, minAlt: int32(len(p.alts))}}
	for k, alt := range p.alts {
		empty, slots := true, 0
		for i, it := range alt {
			if it.kind == slot {
				if slots++; slots > maxPhraseSlots {
					panic(fmt.Sprintf("extract: %s: too many groups", expr))
				}
				continue
			}
			empty = false
			// a run of white space is matched whole: what follows it must
			// not be white space
			if next, ok := nextChar(alt[i+1:]); it.kind == spaces && ok && next.canBeSpace() {
				panic(fmt.Sprintf("extract: %s: white space after \\s+", expr))
			}
		}
		if empty {
			panic(fmt.Sprintf("extract: %s: matches the empty string", expr))
		}
		p.add(int32(k), alt)
	}
	for _, c := range p.nodes[0].children {
		for _, b := range p.firstBytes(c) {
			p.byFirst[b] = append(p.byFirst[b], c)
		}
	}
	return p
}

// maxPhraseSlots is the most capture positions of a phraseRe (two per
// group, the whole match included), and the most starts and ends of groups
// in one of its phrases.
const maxPhraseSlots = 16

// nextChar is the first item of items that is not a slot.
func nextChar(items []phraseItem) (phraseItem, bool) {
	for _, it := range items {
		if it.kind != slot {
			return it, true
		}
	}
	return phraseItem{}, false
}

// add puts phrase k into the tree.
func (p *phraseRe) add(k int32, alt []phraseItem) {
	n := int32(0)
	for _, it := range alt {
		p.nodes[n].minAlt = min(p.nodes[n].minAlt, k)
		next := int32(-1)
		for _, c := range p.nodes[n].children {
			if p.nodes[c].item == it {
				next = c
			}
		}
		if next < 0 {
			next = int32(len(p.nodes))
			p.nodes = append(p.nodes, phraseNode{item: it, alt: -1, minAlt: k})
			p.nodes[n].children = append(p.nodes[n].children, next)
		}
		n = next
	}
	p.nodes[n].minAlt = min(p.nodes[n].minAlt, k)
	if p.nodes[n].alt < 0 {
		p.nodes[n].alt = k // an earlier, same phrase is preferred
	}
}

// firstBytes are the bytes that a text matching node n and its children
// can begin with.
func (p *phraseRe) firstBytes(n int32) []byte {
	it := p.nodes[n].item
	if it.kind != slot {
		return it.firstBytes()
	}
	var bs []byte
	for _, c := range p.nodes[n].children {
		bs = append(bs, p.firstBytes(c)...)
	}
	return bs
}

func (it phraseItem) canBeSpace() bool {
	return it.kind == spaces || it.kind == exactByte && isSpaceByte(it.b)
}

// firstBytes are the bytes a text matching the item can begin with.
func (it phraseItem) firstBytes() []byte {
	switch it.kind {
	case foldLetter:
		bs := []byte{it.b, it.b - 'a' + 'A'}
		if x := foldExtra(it.b); x != "" {
			bs = append(bs, x[0])
		}
		return bs
	case digit:
		return []byte("0123456789")
	case spaces:
		return []byte("\t\n\f\r ")
	}
	return []byte{it.b}
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isWordByte reports whether c is a character of \w. A byte of a
// multi-byte character is not: \b looks at whole characters, and no
// character outside ASCII is a word character for it.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// atWordBoundary reports whether \b matches at byte i of s.
func atWordBoundary(s string, i int) bool {
	before := i > 0 && isWordByte(s[i-1])
	after := i < len(s) && isWordByte(s[i])
	return before != after
}

// concatPhrases is every phrase of a followed by every phrase of b, in
// the order of preference: the choices of a first.
func concatPhrases(a, b [][]phraseItem) [][]phraseItem {
	out := make([][]phraseItem, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, append(append([]phraseItem(nil), x...), y...))
		}
	}
	return out
}

// expandPhrases lists the phrases a part of expr matches, preferred first.
func expandPhrases(expr string, t *syntax.Regexp) [][]phraseItem {
	fail := func() { panic(fmt.Sprintf("extract: %s: %s is not a list of phrases", expr, t)) }
	fold := t.Flags&syntax.FoldCase != 0
	switch t.Op {
	case syntax.OpEmptyMatch:
		return [][]phraseItem{nil}
	case syntax.OpLiteral:
		var alt []phraseItem
		for _, r := range t.Rune {
			l := unicode.ToLower(r)
			switch {
			case fold && 'a' <= l && l <= 'z':
				alt = append(alt, phraseItem{kind: foldLetter, b: byte(l)})
			case fold && unicode.SimpleFold(r) != r:
				fail() // a letter outside ASCII
			default:
				for _, b := range []byte(string(r)) {
					alt = append(alt, phraseItem{kind: exactByte, b: b})
				}
			}
		}
		return [][]phraseItem{alt}
	case syntax.OpCharClass:
		return classPhrases(t.Rune, fail)
	case syntax.OpCapture:
		open := [][]phraseItem{{{kind: slot, b: byte(2 * t.Cap)}}}
		close := [][]phraseItem{{{kind: slot, b: byte(2*t.Cap + 1)}}}
		return concatPhrases(concatPhrases(open, expandPhrases(expr, t.Sub[0])), close)
	case syntax.OpConcat:
		out := [][]phraseItem{nil}
		for _, sub := range t.Sub {
			out = concatPhrases(out, expandPhrases(expr, sub))
		}
		return out
	case syntax.OpAlternate:
		var out [][]phraseItem
		for _, sub := range t.Sub {
			out = append(out, expandPhrases(expr, sub)...)
		}
		return out
	case syntax.OpQuest:
		if t.Flags&syntax.NonGreedy != 0 {
			fail()
		}
		return append(expandPhrases(expr, t.Sub[0]), nil)
	case syntax.OpRepeat:
		if t.Flags&syntax.NonGreedy != 0 || t.Min < 1 || t.Max < t.Min {
			fail()
		}
		sub := expandPhrases(expr, t.Sub[0])
		var out [][]phraseItem
		for n := t.Max; n >= t.Min; n-- { // greedy: the most first
			rep := [][]phraseItem{nil}
			for k := 0; k < n; k++ {
				rep = concatPhrases(rep, sub)
			}
			out = append(out, rep...)
		}
		return out
	case syntax.OpPlus:
		if t.Flags&syntax.NonGreedy != 0 || t.Sub[0].Op != syntax.OpCharClass || !sameRunes(t.Sub[0].Rune, spaceClass) {
			fail()
		}
		return [][]phraseItem{{{kind: spaces}}}
	}
	fail()
	return nil
}

// spaceClass and digitClass are the ranges of \s and \d.
var (
	spaceClass = []rune{'\t', '\n', '\f', '\r', ' ', ' '}
	digitClass = []rune{'0', '9'}
)

func sameRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// classPhrases lists the one-character phrases of a character class (its
// sorted ranges): \d, or ASCII characters in which every letter comes with
// all the characters it folds to, or none of them.
func classPhrases(ranges []rune, fail func()) [][]phraseItem {
	if sameRunes(ranges, digitClass) {
		return [][]phraseItem{{{kind: digit}}}
	}
	in := map[rune]bool{}
	for i := 0; i < len(ranges); i += 2 {
		if ranges[i+1]-ranges[i] > 256 {
			fail()
		}
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			in[r] = true
		}
	}
	var out [][]phraseItem
	done := map[rune]bool{}
	for r := rune(0); r < 0x80; r++ {
		if !in[r] || done[r] {
			continue
		}
		orbit := []rune{r}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			orbit = append(orbit, f)
		}
		all, none := true, true
		for _, f := range orbit[1:] {
			if in[f] {
				none = false
			} else {
				all = false
			}
		}
		switch {
		case len(orbit) > 1 && all:
			for _, f := range orbit {
				done[f] = true
			}
			out = append(out, []phraseItem{{kind: foldLetter, b: byte(unicode.ToLower(r))}})
		case none:
			done[r] = true
			out = append(out, []phraseItem{{kind: exactByte, b: byte(r)}})
		default:
			fail()
		}
	}
	for r := range in {
		if !done[r] {
			fail() // a character outside ASCII that is not a case of one in it
		}
	}
	return out
}

// matchItem returns the end of the item at byte i of s, or -1. A slot
// matches the empty string.
func matchItem(s string, i int, it phraseItem) int {
	if it.kind == slot {
		return i
	}
	if i >= len(s) {
		return -1
	}
	c := s[i]
	switch it.kind {
	case exactByte:
		if c == it.b {
			return i + 1
		}
	case foldLetter:
		if c|0x20 == it.b {
			return i + 1
		}
		if x := foldExtra(it.b); x != "" && strings.HasPrefix(s[i:], x) {
			return i + len(x)
		}
	case digit:
		if '0' <= c && c <= '9' {
			return i + 1
		}
	case spaces:
		if isSpaceByte(c) {
			for i++; i < len(s) && isSpaceByte(s[i]); i++ {
			}
			return i
		}
	}
	return -1
}

// phraseMatch is the preferred match found so far at a place.
type phraseMatch struct {
	alt  int32 // the phrase
	end  int
	caps []int // the capture positions of groups 1 and on
	any  bool  // any match will do: the first found ends the walk
}

// walk matches node n at byte i of s, and its children after it; caps holds
// the capture positions on the way (restored on return). A phrase that
// ends with the text's conditions (\b, $) and is preferred to m's is m's.
func (p *phraseRe) walk(s string, n int32, i int, caps []int, m *phraseMatch) {
	// a chain of only children is walked in this loop; the slots set on
	// the way are restored at the end
	var saved [maxPhraseSlots][2]int
	nsaved := 0
	for {
		node := &p.nodes[n]
		if node.minAlt >= m.alt {
			break // no phrase below is preferred to m's
		}
		j := matchItem(s, i, node.item)
		if j < 0 {
			break
		}
		if node.item.kind == slot && caps != nil {
			k := int(node.item.b) - 2
			saved[nsaved] = [2]int{k, caps[k]}
			nsaved++
			caps[k] = i
		}
		if node.alt >= 0 && node.alt < m.alt && (!p.wordEnd || atWordBoundary(s, j)) && (!p.textEnd || j == len(s)) {
			m.alt, m.end = node.alt, j
			copy(m.caps, caps)
			if m.any {
				m.alt = -1 // preferred to every phrase: the walk ends
			}
		}
		if len(node.children) == 1 {
			n, i = node.children[0], j
			continue
		}
		for _, c := range node.children {
			p.walk(s, c, j, caps, m)
		}
		break
	}
	for nsaved > 0 {
		nsaved--
		caps[saved[nsaved][0]] = saved[nsaved][1]
	}
}

// find returns the leftmost match in s at or after byte from, as package
// regexp finds it: of the phrases that match there, the one the
// expression prefers. With caps (of 2*p.ncap positions, all -1), it
// returns the positions of the groups in them. With any, it returns the
// first match it finds at the leftmost place instead.
func (p *phraseRe) find(s string, from int, caps []int, any bool) (start, end int, ok bool) {
	var work [maxPhraseSlots]int
	m := phraseMatch{caps: caps, any: any}
	var w []int
	if caps != nil {
		w = work[:len(caps)]
		copy(w, caps)
	}
	for i := from; i < len(s); i++ {
		roots := p.byFirst[s[i]]
		if len(roots) == 0 || p.wordStart && !atWordBoundary(s, i) {
			continue
		}
		m.alt = int32(len(p.alts))
		for _, c := range roots {
			p.walk(s, c, i, w, &m)
		}
		if m.alt < int32(len(p.alts)) { // found
			return i, m.end, true
		}
	}
	return 0, 0, false
}

// MatchString reports whether s contains a match.
func (p *phraseRe) MatchString(s string) bool {
	_, _, ok := p.find(s, 0, nil, true)
	return ok
}

// FindAllStringSubmatchIndex returns the successive non-overlapping
// matches of s, as regexp.(*Regexp).FindAllStringSubmatchIndex does: the
// whole match's start and end, then each group's, -1 for a group that is
// not part of the match. n < 0 means all.
func (p *phraseRe) FindAllStringSubmatchIndex(s string, n int) [][]int {
	var out [][]int
	for from := 0; n < 0 || len(out) < n; {
		m := make([]int, 2+2*p.ncap)
		for k := range m {
			m[k] = -1
		}
		i, e, ok := p.find(s, from, m[2:], false)
		if !ok {
			break
		}
		m[0], m[1] = i, e
		out = append(out, m)
		from = e
	}
	return out
}

// String is the expression.
func (p *phraseRe) String() string { return p.expr }
