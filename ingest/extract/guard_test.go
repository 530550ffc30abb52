package extract

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// guardTestTexts are the sentences of the sample and generated reports and
// texts with the characters that lower-case to ASCII letters ('İ', 'K'),
// that regexp folds to them ('ſ'), and broken UTF-8.
func guardTestTexts(t *testing.T) []string {
	return append(phraseTestTexts(t),
		"İSTANBUL WİLL HOST", "the \u212Aeynote", "both \u017Fides", "the two \xe2\x84", "\xc5sides", "NEXT Round",
		"THEY WILL MEET", "Held In 2020", "\tthe\ttwo\tsides ", "Since 1999", "ON THE 4TH", "on the 14th,")
}

// TestGuardWords checks the guard automata: a text has the guard word w
// exactly when strings.Contains(strings.ToLower(text), w), or for a
// case-sensitive word, strings.Contains(text, w).
func TestGuardWords(t *testing.T) {
	for _, s := range guardTestTexts(t) {
		g := newGuarded(s)
		lower := strings.ToLower(s)
		for k, w := range guardDict.words {
			var m guardMask
			m[k/64] |= 1 << (k % 64)
			want := strings.Contains(lower, w)
			if guardDict.caseSensitive[k] {
				want = strings.Contains(s, w)
			}
			if g.has(m) != want {
				t.Errorf("%q: guard word %q: %v, want %v", s, w, g.has(m), want)
			}
		}
	}
}

// TestGuardsNecessary checks guards that stand for no earlier test of the
// same words: every text that the expression matches has one of the
// guard's words. The texts are the sample sentences and, for the
// expressions that list phrases, texts of every phrase.
func TestGuardsNecessary(t *testing.T) {
	year := func(s string) bool { return hasYear(s) }
	has := func(m ...guardMask) func(string) bool {
		return func(s string) bool {
			g := newGuarded(s)
			for _, x := range m {
				if !g.has(x) {
					return false
				}
			}
			return true
		}
	}
	for _, c := range []struct {
		expr    fmt.Stringer // a *regexp.Regexp or a *phraseRe
		guard   func(string) bool
		phrases bool // the expression lists phrases: test each
	}{
		{reMDY, has(gMonth), true},
		{reDMY, has(gMonth), true},
		{reMonthY, has(gMonth), true},
		{reWeekday, has(gWeekday), true},
		{reISO, year, true},
		{reYear, year, true},
		{reDayOnly, has(gOnThe), false},
		{reCoordRegion, has(gCoordRegion, gContinent), true},
		{reAgreed, has(gAgreed), false},
		{reSameDay, has(gSameDay), true},
		{reDayBefore, has(gDayBefore), true},
		{reAlsoThere, has(gAlso), true},
		{reNotHeld, has(gNotHeld), true},
		{reBackground, has(gBackground), true},
	} {
		re := regexp.MustCompile(c.expr.String())
		texts := guardTestTexts(t)
		texts = append(texts, "on the 3rd", "on the 21st in", "On the 14th, the", "Central and South Asia", "agreed to meet", "AGREED ON trade")
		if c.phrases {
			rng := rand.New(rand.NewPCG(3, 4))
			texts = append(texts, phraseVariants(compilePhraseRe(re.String()), rng)...)
		}
		n := 0
		for _, s := range texts {
			if re.MatchString(s) {
				n++
				if !c.guard(s) {
					t.Errorf("%s matches %q, which its guard rejects", re, s)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s matches no text", re)
		}
	}
}

// TestFoldKeyASCII checks that foldKeyASCII is foldKey (gazetteer.Fold
// and the rest) for ASCII words.
func TestFoldKeyASCII(t *testing.T) {
	var words []string
	for c := 0; c < 0x80; c++ {
		words = append(words, string(rune(c)), "Ab"+string(rune(c))+"Z.")
	}
	for _, s := range phraseTestTexts(t) {
		for _, tok := range tokenize(s) {
			words = append(words, tok.text)
		}
		words = append(words, s)
	}
	for _, w := range words {
		k, ok := foldKeyASCII(w)
		if ok != isASCII(w) {
			t.Errorf("foldKeyASCII(%q): ok = %v", w, ok)
		}
		if ok && k != foldKeyAny(w) {
			t.Errorf("foldKeyASCII(%q) = %q, foldKey gives %q", w, k, foldKeyAny(w))
		}
	}
}
