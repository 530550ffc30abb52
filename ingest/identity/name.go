// Package identity resolves the people that reports name to one node each:
// "Sergei Lavrov" and "Sergey Lavrov", "Antony J. Blinken" and "Antony
// Blinken", "S Jaishankar" and "Subrahmanyam Jaishankar" become one
// <person:...>, while "Manmohan Singh" and "Rajnath Singh" stay two.
//
// A name is compared through its key (name.go): folded to ASCII, lower
// case, without honorifics and particles (al-, el-, bin, de, ...), each word
// respelled by transliteration rules (data/translit.tsv). Resolution
// (cluster.go) works on the set of all mentions, never on their order, so
// the graph does not depend on the order in which reports are ingested; the
// ingest pipeline calls a Resolver (resolver.go) per record and, at the end
// of a run, rewrites the person nodes of the stored reports whose cluster
// changed.
package identity

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode"

	"github.com/diplograph/diplograph/schema"
)

//go:embed data
var dataFS embed.FS

// Rules is the data of name keys: particles, honorifics, spelling rules and
// short forms of given names, read from the embedded data files.
type Rules struct {
	particles  map[string]bool
	tails      map[string]bool
	patronymic map[string]bool
	honorifics map[string]bool
	translit   []spellRule
	nick       map[string]string // short form -> full form
}

type spellRule struct {
	from, to, where string
}

// DefaultRules returns the rules of the embedded data files, read once.
var DefaultRules = sync.OnceValues(func() (*Rules, error) { return LoadRules(dataFS) })

// LoadRules reads rules from a file system holding data/particles.txt,
// data/tails.txt, data/patronymic.txt, data/honorifics.txt, data/translit.tsv and
// data/nicknames.tsv.
func LoadRules(fsys fs.FS) (*Rules, error) {
	r := &Rules{particles: map[string]bool{}, tails: map[string]bool{}, patronymic: map[string]bool{}, honorifics: map[string]bool{}, nick: map[string]string{}}
	for _, f := range []struct {
		name string
		set  map[string]bool
	}{{"particles.txt", r.particles}, {"tails.txt", r.tails}, {"patronymic.txt", r.patronymic}, {"honorifics.txt", r.honorifics}} {
		err := eachLine(fsys, f.name, func(fields []string) error {
			f.set[fields[0]] = true
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	header := true
	err := eachLine(fsys, "translit.tsv", func(fields []string) error {
		if header {
			header = false
			return nil
		}
		if len(fields) != 3 {
			return fmt.Errorf("want from, to, where: %q", strings.Join(fields, "\t"))
		}
		switch fields[2] {
		case "any", "start", "end":
		default:
			return fmt.Errorf("where %q is not any, start or end", fields[2])
		}
		r.translit = append(r.translit, spellRule{fields[0], fields[1], fields[2]})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine(fsys, "nicknames.tsv", func(fields []string) error {
		for _, s := range fields[1:] {
			r.nick[s] = fields[0]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// eachLine calls fn with the tab-separated fields of every line of a data
// file that is neither blank nor a comment.
func eachLine(fsys fs.FS, name string, fn func([]string) error) error {
	f, err := fsys.Open("data/" + name)
	if err != nil {
		return fmt.Errorf("identity data %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("identity data %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("identity data %s: %w", name, err)
	}
	return nil
}

// Word is one word of a parsed name.
type Word struct {
	Plain   string // folded to ASCII, lower case: "sergey"
	Key     string // after short forms and spelling rules: "sergei"
	Initial bool   // one letter: "J." in "Antony J. Blinken"
	Tail    bool   // a family name after "al"/"el" closing the name, which reports may leave out
	Patron  bool   // an ancestor's name after "bin"/"ibn" ("Abdullah" of "Faisal bin Farhan bin Abdullah"): no family name
}

// Name is a person's name as written, parsed for comparison.
type Name struct {
	Written string
	Words   []Word
	lastTwo string // key of the last two words written together
	// the given name and the father's name of an Arabic name ("Faisal bin
	// Farhan ..."), when it has them
	patron []Word
}

// Key is the name's words' keys joined by spaces: names with the same key
// are the same name spelled alike ("Radosław Sikorski", "Radoslaw
// Sikorski").
func (n Name) Key() string {
	ks := make([]string, len(n.Words))
	for i, w := range n.Words {
		ks[i] = w.Key
	}
	return strings.Join(ks, " ")
}

// full counts the words that are not initials.
func (n Name) full() int {
	c := 0
	for _, w := range n.Words {
		if !w.Initial {
			c++
		}
	}
	return c
}

// Parse reads a name as written.
func (r *Rules) Parse(written string) Name {
	n := Name{Written: written}
	type raw struct {
		text string
		caps bool
	}
	var raws []raw
	var b strings.Builder
	upper := true
	flush := func() {
		if b.Len() > 0 {
			raws = append(raws, raw{strings.ToLower(b.String()), upper})
		}
		b.Reset()
		upper = true
	}
	for _, c := range schema.Fold(written) {
		switch {
		case c == '\'':
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			if !unicode.IsUpper(c) {
				upper = false
			}
			b.WriteRune(c)
		default:
			flush()
		}
	}
	flush()
	// "AK Abdul Momen": two capitals are two initials
	var words []string
	for _, w := range raws {
		if _, nick := r.nick[w.text]; w.caps && len(w.text) == 2 && len(raws) >= 3 && !nick {
			words = append(words, w.text[:1], w.text[1:])
			continue
		}
		words = append(words, w.text)
	}
	// honorifics before the name, particles inside it
	start := 0
	for start < len(words)-1 && r.honorifics[words[start]] {
		start++
	}
	words = words[start:]
	var kept []string
	tailNext := false
	patronAt := -1      // index in kept of the father's name
	var ancestor []bool // per kept word: it follows "bin"/"ibn"
	afterPatron := false
	for i, w := range words {
		if i == 1 && i < len(words)-1 && r.patronymic[w] {
			patronAt = 1
		}
		if i > 0 && i < len(words)-1 && r.patronymic[w] {
			afterPatron = true
		}
		if i > 0 && i < len(words)-1 && r.particles[w] {
			tailNext = r.tails[w] && i == len(words)-2
			continue
		}
		kept = append(kept, w)
		ancestor = append(ancestor, afterPatron)
		afterPatron = false
	}
	if len(kept) == 0 {
		kept = words
	}
	for i, w := range kept {
		wd := Word{Plain: w, Key: r.spell(w), Initial: len(w) == 1}
		wd.Tail = tailNext && i == len(kept)-1 && len(kept) > 2
		wd.Patron = i < len(ancestor) && ancestor[i]
		n.Words = append(n.Words, wd)
	}
	if k := len(n.Words); k >= 3 {
		n.lastTwo = r.spell(n.Words[k-2].Plain + n.Words[k-1].Plain)
	}
	if patronAt == 1 && len(n.Words) >= 2 && len(kept) == len(n.Words) && !n.Words[0].Initial && !n.Words[1].Initial {
		n.patron = n.Words[:2]
	}
	return n
}

// spell applies short forms and spelling rules to one folded word.
func (r *Rules) spell(w string) string {
	if len(w) == 1 {
		return w
	}
	if full, ok := r.nick[w]; ok {
		w = full
	}
	for _, sr := range r.translit {
		switch sr.where {
		case "any":
			w = strings.ReplaceAll(w, sr.from, sr.to)
		case "start":
			if strings.HasPrefix(w, sr.from) {
				w = sr.to + w[len(sr.from):]
			}
		case "end":
			if strings.HasSuffix(w, sr.from) {
				w = w[:len(w)-len(sr.from)] + sr.to
			}
		}
	}
	// doubled letters made single
	out := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] {
			continue
		}
		out = append(out, w[i])
	}
	return string(out)
}

// skeleton is a word's first letter and its other consonants: words that
// differ only in vowels ("hosein", "husein") share it.
func skeleton(k string) string {
	if k == "" {
		return ""
	}
	out := []byte{k[0]}
	for i := 1; i < len(k); i++ {
		if !strings.ContainsRune("aeiou", rune(k[i])) && k[i] != out[len(out)-1] {
			out = append(out, k[i])
		}
	}
	return string(out)
}

// blocks are the keys under which a name is compared with others: the
// skeleton of its last word, of the word before a family name that may be
// left out, for two-word names of the first word (names written family
// name first), and for longer ones of the last two words written together
// ("Sung-hwan", "Sunghwan") and of the word before the last (a second
// family name left out: "Luis Videgaray Caso").
func (n Name) blocks() []string {
	if len(n.Words) == 0 {
		return nil
	}
	last := len(n.Words) - 1
	out := []string{skeleton(n.Words[last].Key)}
	if n.Words[last].Tail {
		out = append(out, skeleton(n.Words[last-1].Key))
	}
	if len(n.Words) == 2 {
		out = append(out, skeleton(n.Words[0].Key))
	}
	if n.patron != nil {
		out = append(out, "bin "+skeleton(n.patron[0].Key)+" "+skeleton(n.patron[1].Key))
	}
	if last >= 2 {
		out = append(out, skeleton(n.lastTwo), skeleton(n.Words[last-1].Key))
	}
	return out
}

// sameWord says whether two full words are the same word spelled two ways,
// and how: "" when they are not.
func sameWord(a, b Word) string {
	if a.Key == b.Key {
		if a.Plain == b.Plain {
			return "same"
		}
		return "spelling"
	}
	la, lb := len(a.Key), len(b.Key)
	if min(la, lb) < 4 || skeleton(a.Key) != skeleton(b.Key) {
		return ""
	}
	if min(la, lb) == 4 {
		// four letters: only a vowel more or less ("Badr", "Bader"), never
		// another vowel ("Sung", "Sang")
		if la != lb && editDistance(a.Key, b.Key) == 1 {
			return "vowels"
		}
		return ""
	}
	if d := editDistance(a.Key, b.Key); d <= 1 || (d == 2 && min(la, lb) >= 5) {
		return "vowels"
	}
	return ""
}

// editDistance is the Levenshtein distance of two short ASCII words.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
