package extract

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/ingest/gen"
)

// TestPhraseRe checks that every phraseRe of the package matches what
// package regexp matches with the same expression: on the sentences of the
// sample and generated reports, and on texts made of its phrases in every
// case, with white space of every kind, the characters that fold to ASCII
// letters ('K', 'ſ'), and word or other characters (or broken UTF-8)
// around and inside them.
func TestPhraseRe(t *testing.T) {
	texts := phraseTestTexts(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, p := range phraseRes {
		re := regexp.MustCompile(p.expr)
		cases := append(append([]string(nil), texts...), phraseVariants(p, rng)...)
		bad := 0
		for _, s := range cases {
			got, want := p.FindAllStringSubmatchIndex(s, -1), re.FindAllStringSubmatchIndex(s, -1)
			if !reflect.DeepEqual(got, want) || p.MatchString(s) != re.MatchString(s) {
				t.Errorf("%s\non %q:\nphraseRe %v, regexp %v", p.expr, s, got, want)
				if bad++; bad == 5 {
					break
				}
			}
		}
	}
}

// phraseTestTexts are the sentences (lines) of the sample reports and of
// generated ones.
func phraseTestTexts(t *testing.T) []string {
	var texts []string
	files, _ := filepath.Glob("../../testdata/reports/*")
	more, _ := filepath.Glob("../../../shared/corpus/*.txt")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	g, err := gen.New(7)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300; i++ {
		texts = append(texts, strings.Split(g.Report(i).Text, "\n")...)
	}
	return texts
}

// phraseVariants writes texts around p's phrases.
func phraseVariants(p *phraseRe, rng *rand.Rand) []string {
	around := []string{"", "", " ", "a", "Z", "7", "_", "-", "'", ".", ",", "é", "’", "\u212A", "\u017F", "\xe2\x84", "\xc5", "\t", "x ", " y"}
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	var out []string
	for k := range p.alts {
		for n := 0; n < 6; n++ {
			s := pick(around) + renderPhrase(p.alts[k], rng) + pick(around)
			switch rng.IntN(6) {
			case 0: // two phrases
				s += pick(around) + renderPhrase(p.alts[rng.IntN(len(p.alts))], rng) + pick(around)
			case 1: // cut short, perhaps inside a character
				s = s[:rng.IntN(len(s)+1)]
			case 2: // one byte changed
				i := rng.IntN(len(s))
				s = s[:i] + pick(around) + s[i+1:]
			case 3: // in a sentence
				s = "The ministers " + s + " on Monday."
			}
			out = append(out, s)
		}
	}
	return out
}

// renderPhrase writes a text that the phrase matches, in random case.
func renderPhrase(alt []phraseItem, rng *rand.Rand) string {
	var b strings.Builder
	for _, it := range alt {
		switch it.kind {
		case exactByte:
			b.WriteByte(it.b)
		case foldLetter:
			switch x := foldExtra(it.b); {
			case x != "" && rng.IntN(8) == 0:
				b.WriteString(x)
			case rng.IntN(3) == 0:
				b.WriteByte(it.b - 'a' + 'A')
			default:
				b.WriteByte(it.b)
			}
		case digit:
			b.WriteByte(byte('0' + rng.IntN(10)))
		case slot:
		case spaces:
			for n := 1 + rng.IntN(3); n > 0; n-- {
				b.WriteByte(" \t\n\f\r"[rng.IntN(5)])
			}
		}
	}
	return b.String()
}
