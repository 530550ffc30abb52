package identity

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// Aliases is the analyst's curated alias file: people the resolution
// should join ("same") or keep apart ("different").
//
// One rule a line; blank lines and lines starting with # are ignored:
//
//	Sergei Lavrov = Sergey Viktorovich Lavrov    # one person; the first name is the one shown
//	Kim Sung-hwan (KOR) != Kim Sung-hwan (PRK)   # two people
//	Ahmed Hassan != Ahmed Hasan
//
// A name matches every form with the same name key; "(ISO3)" after it
// narrows it to the forms the reports gave that country.
type Aliases struct {
	Same      [][]AliasName
	Different [][2]AliasName
}

// AliasName is one name of an alias rule.
type AliasName struct {
	Written string
	Country string // "" for any
}

// ReadAliasFile reads an alias file and returns its text too.
func ReadAliasFile(path string) (*Aliases, string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("alias file: %w", err)
	}
	a, err := ParseAliases(strings.NewReader(string(b)))
	if err != nil {
		return nil, "", fmt.Errorf("alias file %s: %w", path, err)
	}
	return a, string(b), nil
}

// ParseAliases reads alias rules (see Aliases).
func ParseAliases(r io.Reader) (*Aliases, error) {
	a := &Aliases{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.Contains(line, "!=") {
			parts := strings.Split(line, "!=")
			if len(parts) != 2 {
				return nil, fmt.Errorf("line %d: want two names around !=", n)
			}
			x, err := parseAliasName(parts[0])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			y, err := parseAliasName(parts[1])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			a.Different = append(a.Different, [2]AliasName{x, y})
			continue
		}
		parts := strings.Split(line, "=")
		if len(parts) < 2 {
			return nil, fmt.Errorf("line %d: want names joined by = or two names around !=", n)
		}
		var names []AliasName
		for _, p := range parts {
			an, err := parseAliasName(p)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			names = append(names, an)
		}
		a.Same = append(a.Same, names)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return a, nil
}

func parseAliasName(s string) (AliasName, error) {
	s = strings.TrimSpace(s)
	an := AliasName{Written: s}
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			c := strings.TrimSpace(s[i+1 : len(s)-1])
			if len(c) != 3 {
				return an, fmt.Errorf("%q: want a country's ISO3 code in brackets", s)
			}
			an.Written, an.Country = strings.TrimSpace(s[:i]), strings.ToUpper(c)
		}
	}
	if an.Written == "" {
		return an, fmt.Errorf("empty name")
	}
	return an, nil
}

// splits says whether the forms of a name key must each be a group of
// their own: a "different" rule names the key, so that two spellings
// with one key ("Sergei Lavrov != Sergey Lavrov") or one name in two
// countries can be told apart.
func (a *Aliases) splits(r *Rules, key string) bool {
	for _, d := range a.Different {
		for _, e := range d {
			if r.Parse(e.Written).Key() == key {
				return true
			}
		}
	}
	return false
}

// matches says whether the name matches a key group: the same name key
// and, when given, a country of the group; a group of one form (see
// splits) must also be written the same (case and diacritics aside) unless
// a country is given.
func (e AliasName) matches(r *Rules, g *keyGroup) bool {
	if r.Parse(e.Written).Key() != g.base {
		return false
	}
	if e.Country != "" {
		return g.countries[e.Country]
	}
	return !g.split || strings.EqualFold(schema.Fold(e.Written), schema.Fold(g.written[0]))
}

// differentEntries returns the "different" entries (2*rule + side) that
// match a key group.
func (a *Aliases) differentEntries(r *Rules, g *keyGroup) []int {
	var out []int
	for i, d := range a.Different {
		for side, e := range d {
			if e.matches(r, g) {
				out = append(out, 2*i+side)
			}
		}
	}
	return out
}

// apart says whether two sets of matched "different" entries hold the two
// sides of one rule.
func (a *Aliases) apart(x, y map[int]bool) bool {
	for e := range x {
		if y[e^1] {
			return true
		}
	}
	return false
}

// preferred is the first name of a "same" line that is one of the
// groups' forms, "" when none is.
func (a *Aliases) preferred(r *Rules, members []int, groups []*keyGroup) string {
	for _, line := range a.Same {
		first := line[0]
		for _, m := range members {
			if first.matches(r, groups[m]) {
				return first.Written
			}
		}
	}
	return ""
}

func (a *Aliases) lineText(line []AliasName) string {
	var s []string
	for _, e := range line {
		if e.Country != "" {
			s = append(s, e.Written+" ("+e.Country+")")
		} else {
			s = append(s, e.Written)
		}
	}
	return strings.Join(s, " = ")
}

// aliasNode holds, in a store, the text of the alias file the stored graph
// was last resolved with: <dg:aliases> <dg:text> "..." labelled
// <dg:aliases>.
const (
	aliasNode = quad.IRI("dg:aliases")
	aliasText = quad.IRI("dg:text")
)

// StoredAliases returns the text of the alias file the store was last
// resolved with, "" when none.
func StoredAliases(ctx context.Context, st Store) (string, error) {
	qs, err := st.LabelQuads(ctx, aliasNode)
	if err != nil {
		return "", fmt.Errorf("read the stored alias file: %w", err)
	}
	for _, q := range qs {
		if q.Predicate == aliasText {
			return fmt.Sprint(quad.NativeOf(q.Object)), nil
		}
	}
	return "", nil
}

// SaveAliases makes text the store's alias file ("" removes it).
func SaveAliases(ctx context.Context, st Store, text string) error {
	var qs []quad.Quad
	if text != "" {
		qs = []quad.Quad{{Subject: aliasNode, Predicate: aliasText, Object: quad.String(text), Label: aliasNode}}
	}
	if _, err := st.ReplaceReports(ctx, []graph.ReportQuads{{Label: aliasNode, Quads: qs}}); err != nil {
		return fmt.Errorf("store the alias file: %w", err)
	}
	return nil
}

// EffectiveAliases returns the aliases a resolution of st should use: the
// file at path when one is given, else the one the store was last resolved
// with. changed says that the file differs from the stored one: the whole
// stored graph must then be resolved again (Reresolve) and the file saved
// (SaveAliases).
func EffectiveAliases(ctx context.Context, st Store, path string) (al *Aliases, text string, changed bool, err error) {
	stored, err := StoredAliases(ctx, st)
	if err != nil {
		return nil, "", false, err
	}
	if path == "" {
		al, err = ParseAliases(strings.NewReader(stored))
		if err != nil {
			return nil, "", false, fmt.Errorf("the stored alias file: %w", err)
		}
		return al, stored, false, nil
	}
	al, text, err = ReadAliasFile(path)
	if err != nil {
		return nil, "", false, err
	}
	return al, text, text != stored, nil
}
