package identity

import (
	"fmt"
	"strings"
)

// relation is how two names relate.
type relation int

const (
	unrelated relation = iota
	equal              // the same name written two ways
	shorter            // the first is a shorter or less specific form of the second
	longer             // the second is a shorter form of the first
)

// relate says how names a and b relate, with notes on why.
func relate(a, b Name) (relation, []string) {
	if len(a.Words) == 0 || len(b.Words) == 0 {
		return unrelated, nil
	}
	if a.patron != nil && b.patron != nil && sameWord(a.patron[0], b.patron[0]) != "" && sameWord(a.patron[1], b.patron[1]) != "" {
		return equal, []string{"same given name and father's name"}
	}
	okAB, strictAB, notesAB := align(a, b)
	if okAB && !strictAB {
		return equal, notesAB
	}
	okBA, strictBA, notesBA := align(b, a)
	if okBA && !strictBA {
		return equal, notesBA
	}
	if reversed(a, b) {
		return equal, []string{"family name written first in one of them"}
	}
	switch {
	case okAB:
		return shorter, notesAB
	case okBA:
		return longer, notesBA
	}
	if notes, ok := suffix(a, b); ok {
		return shorter, notes
	}
	if notes, ok := suffix(b, a); ok {
		return longer, notes
	}
	return unrelated, nil
}

// reversed says whether two two-word names are the same words in the
// other order ("Kamikawa Yoko", "Yoko Kamikawa"), both words full.
func reversed(a, b Name) bool {
	if len(a.Words) != 2 || len(b.Words) != 2 {
		return false
	}
	for _, w := range append(append([]Word(nil), a.Words...), b.Words...) {
		if w.Initial || len(w.Key) < 3 {
			return false
		}
	}
	return a.Words[0].Key == b.Words[1].Key && a.Words[1].Key == b.Words[0].Key
}

// matchWord says whether word f of one name can be read as word g of
// another, how, and whether g is the more specific (an initial read as a
// full word).
func matchWord(f, g Word) (how string, strict, ok bool) {
	switch {
	case f.Initial && g.Initial:
		return "", false, f.Plain == g.Plain
	case f.Initial:
		if g.Plain[0] == f.Plain[0] {
			return fmt.Sprintf("%s. for %s", strings.ToUpper(f.Plain), g.Plain), true, true
		}
		return "", false, false
	case g.Initial:
		return "", false, false
	}
	switch sameWord(f, g) {
	case "same":
		return "", false, true
	case "spelling":
		if f.Key != f.Plain || g.Key != g.Plain {
			return fmt.Sprintf("%s = %s (spelling)", f.Plain, g.Plain), false, true
		}
		return "", false, true
	case "vowels":
		return fmt.Sprintf("%s ~ %s (vowels)", f.Plain, g.Plain), false, true
	}
	return "", false, false
}

// align tries to read every word of f, in order, in g: the first words
// with each other, the last with the last (or with the one before a family
// name g adds at the end), and words of g in between may be left out of f.
// A word may also match two written together ("Sunghwan", "Sung-hwan").
// strict is true when g says more than f: a word f leaves out, or a full
// word for f's initial.
func align(f, g Name) (ok, strict bool, notes []string) {
	var best []string
	found, foundStrict := false, false
	var rec func(i, j int, strict bool, notes []string) bool
	rec = func(i, j int, st bool, ns []string) bool {
		nf, ng := len(f.Words), len(g.Words)
		if i == nf {
			switch {
			case j == ng:
			case j == ng-1 && i >= 2 && ng >= 3:
				st = true
				ns = append(ns, "family name "+g.Words[j].Plain+" left out")
			default:
				return false
			}
			if !found || (foundStrict && !st) {
				found, foundStrict, best = true, st, append([]string(nil), ns...)
			}
			return !st
		}
		if j >= ng {
			return false
		}
		// the last word of f is read against the last of g (or the one
		// before a family name left out)
		lastF := i == nf-1
		if how, s, ok := matchWord(f.Words[i], g.Words[j]); ok && (!lastF || j == ng-1 || (j == ng-2 && ng >= 3 && i >= 1)) {
			if rec(i+1, j+1, st || s, appendNote(ns, how)) {
				return true
			}
		}
		if j+1 < ng && !f.Words[i].Initial && !g.Words[j].Initial && !g.Words[j+1].Initial &&
			joined(f.Words[i], g.Words[j], g.Words[j+1]) && (!lastF || j+1 == ng-1) {
			if rec(i+1, j+2, st, appendNote(ns, fmt.Sprintf("%s = %s %s (written together)", f.Words[i].Plain, g.Words[j].Plain, g.Words[j+1].Plain))) {
				return true
			}
		}
		if i+1 < nf && !f.Words[i].Initial && !f.Words[i+1].Initial && !g.Words[j].Initial &&
			joined(g.Words[j], f.Words[i], f.Words[i+1]) && (i+1 < nf-1 || j == ng-1) {
			if rec(i+2, j+1, st, appendNote(ns, fmt.Sprintf("%s %s = %s (written together)", f.Words[i].Plain, f.Words[i+1].Plain, g.Words[j].Plain))) {
				return true
			}
		}
		// a word of g in the middle that f leaves out
		if i > 0 && j > 0 && j < ng-1 {
			if rec(i, j+1, true, appendNote(ns, "leaves out "+g.Words[j].Plain)) {
				return true
			}
		}
		return false
	}
	rec(0, 0, false, nil)
	return found, foundStrict, best
}

// joined says whether word w is words a and b written together.
func joined(w, a, b Word) bool {
	return w.Plain == a.Plain+b.Plain || w.Key == a.Key+b.Key || (len(a.Key) > 1 && len(b.Key) > 1 && sameWord(w, Word{Key: a.Key + b.Key}) == "vowels")
}

func appendNote(ns []string, how string) []string {
	if how == "" {
		return ns
	}
	return append(append([]string(nil), ns...), how)
}

// suffix says whether f is g's family name alone, written without the
// given names: "Blinken" of "Antony Blinken", "Pena Nieto" of "Enrique Pena
// Nieto", or of a two-word name written family name first: "Dai" of "Dai
// Bingguo". f's words must all be full.
func suffix(f, g Name) ([]string, bool) {
	nf, ng := len(f.Words), len(g.Words)
	if nf >= ng {
		return nil, false
	}
	for _, w := range f.Words {
		if w.Initial {
			return nil, false
		}
	}
	if nf == 1 && ng == 2 && !g.Words[0].Initial && sameWord(f.Words[0], g.Words[0]) != "" {
		return []string{"family name alone, written first"}, true
	}
	for k := 1; k+nf <= ng; k++ {
		if k+nf != ng && !(k+nf == ng-1 && g.Words[ng-1].Tail) {
			continue
		}
		if g.Words[k].Patron {
			continue // a father's or ancestor's name is no family name
		}
		ok := true
		for i := range nf {
			if sameWord(f.Words[i], g.Words[k+i]) == "" {
				ok = false
				break
			}
		}
		if ok {
			return []string{"family name alone"}, true
		}
	}
	return nil, false
}
