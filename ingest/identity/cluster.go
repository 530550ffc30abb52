package identity

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// Mention is one person as one report names them.
type Mention struct {
	Report  string // the report's label: "report:3f2a9c0d11e47b21"
	Written string // the name as the report writes it, without rank or title
	Country string // ISO3 of the country they represent, "" when unknown
}

// Form is one way of writing a person's name, with the country the
// reports gave them and how many reports wrote it so.
type Form struct {
	Written string `json:"written"`
	Country string `json:"country,omitempty"`
	Reports int    `json:"reports"`
}

// Cluster is one person: the forms resolved to one node.
type Cluster struct {
	IRI       quad.IRI `json:"iri"`
	Name      string   `json:"name"`
	Countries []string `json:"countries,omitempty"`
	Forms     []Form   `json:"forms"`
	Why       []string `json:"why,omitempty"`
}

// Resolution is the people of a set of mentions.
type Resolution struct {
	Clusters []*Cluster // by IRI
	byForm   map[formKey]*Cluster
	groups   []*keyGroup
	rules    *Rules
	root     func(int) int
}

type formKey struct{ written, country string }

// keyGroup is the forms whose names have the same key: one name spelled
// alike, whatever countries the reports gave it (a report that gets a
// person's country wrong does not make them two people).
type keyGroup struct {
	key       string
	base      string // the name key
	split     bool   // one form alone: the alias file names the key in a "different" rule
	name      Name   // of the first written form, by string order
	written   []string
	countries map[string]bool
	forms     []formKey
}

// Of returns the cluster of a form, nil when no mention wrote it.
func (r *Resolution) Of(written, country string) *Cluster {
	return r.byForm[formKey{written, country}]
}

// Resolve groups mentions into people. It depends on the set of mentions
// alone, never on their order, and applies the analyst's aliases (nil for
// none).
//
// In order: forms with the same name key are one person (the key ignores
// case, diacritics, particles, honorifics and the spellings of
// data/translit.tsv); the aliases' "same" lines join their names; names
// that are the same words spelled apart (vowels, "Sung-hwan" and
// "Sunghwan", family name first) join when their countries agree (or one
// has none); then a shorter form ("S Jaishankar", "Antony Blinken",
// "Blinken", "Faisal bin Farhan") joins the one longer form it can stand
// for, when there is exactly one (counting only the longest of a chain) and
// the countries agree: "Singh" next to "Manmohan Singh" and "Rajnath
// Singh" stays on its own. A "different" line of the aliases is never
// crossed.
//
// The name shown, and the slug of <person:slug>, is the form written by
// the most reports; ties go to the form with more words, then more
// letters outside ASCII ("Bùi Thanh Sơn" before "Bui Thanh Son"), then the
// smallest in byte order. An alias line's first name, when it is one of
// the person's forms, comes before all. Two people whose slugs collide get
// their country's code (or "x") after the slug: <person:john-smith-gbr>.
func Resolve(rules *Rules, al *Aliases, mentions []Mention) *Resolution {
	if al == nil {
		al = &Aliases{}
	}
	// forms and how many reports wrote each, and each written form: the
	// mentions as numbers, sorted, hold far less than sets of reports
	ids := map[string]int32{}
	var strs []string
	id := func(s string) int32 {
		if v, ok := ids[s]; ok {
			return v
		}
		ids[s] = int32(len(strs))
		strs = append(strs, s)
		return int32(len(strs) - 1)
	}
	type m3 struct{ w, c, r int32 }
	arr := make([]m3, 0, len(mentions))
	for _, m := range mentions {
		if strings.TrimSpace(m.Written) != "" {
			arr = append(arr, m3{id(m.Written), id(m.Country), id(m.Report)})
		}
	}
	ids = nil
	sort.Slice(arr, func(i, j int) bool {
		a, b := arr[i], arr[j]
		if a.w != b.w {
			return a.w < b.w
		}
		if a.r != b.r {
			return a.r < b.r
		}
		return a.c < b.c
	})
	reports := map[formKey]int{}
	wrote := map[string]int{}
	for i, m := range arr {
		if i > 0 && arr[i-1] == m {
			continue
		}
		reports[formKey{strs[m.w], strs[m.c]}]++
		if i == 0 || arr[i-1].w != m.w || arr[i-1].r != m.r {
			wrote[strs[m.w]]++
		}
	}
	arr, strs = nil, nil
	forms := make([]formKey, 0, len(reports))
	for k := range reports {
		forms = append(forms, k)
	}
	sort.Slice(forms, func(i, j int) bool {
		if forms[i].written != forms[j].written {
			return forms[i].written < forms[j].written
		}
		return forms[i].country < forms[j].country
	})
	// key groups; a key named in a "different" line with countries is
	// split by country
	parsed := map[string]Name{}
	groupOf := map[string]*keyGroup{}
	var groups []*keyGroup
	formGroup := map[formKey]int{}
	for _, f := range forms {
		n, ok := parsed[f.written]
		if !ok {
			n = rules.Parse(f.written)
			parsed[f.written] = n
		}
		base := n.Key()
		gk, split := base, al.splits(rules, base)
		if split {
			gk += "|" + f.written + "|" + f.country
		}
		g := groupOf[gk]
		if g == nil {
			g = &keyGroup{key: gk, base: base, split: split, name: n, countries: map[string]bool{}}
			groupOf[gk] = g
			groups = append(groups, g)
		}
		if len(g.written) == 0 || g.written[len(g.written)-1] != f.written {
			g.written = append(g.written, f.written)
		}
		if f.country != "" {
			g.countries[f.country] = true
		}
		g.forms = append(g.forms, f)
		formGroup[f] = len(groups) - 1
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].key < groups[j].key })
	idx := map[string]int{}
	for i, g := range groups {
		idx[g.key] = i
		for _, f := range g.forms {
			formGroup[f] = i
		}
	}
	u := newUnion(rules, al, groups)
	why := map[int][]string{}
	note := func(i int, s string) { why[i] = append(why[i], s) }
	for i, g := range groups {
		if len(g.written) > 1 {
			note(i, fmt.Sprintf("spelled alike: %s", strings.Join(g.written, " / ")))
		}
	}
	// the analyst's "same" lines
	for _, line := range al.Same {
		var members []int
		for _, e := range line {
			for i, g := range groups {
				if e.matches(rules, g) {
					members = append(members, i)
				}
			}
		}
		for _, m := range members[min(1, len(members)):] {
			if u.join(members[0], m) {
				note(members[0], fmt.Sprintf("alias file: %s", al.lineText(line)))
			}
		}
	}
	// candidate pairs: groups sharing a block
	blocks := map[string][]int{}
	for i, g := range groups {
		for _, b := range g.name.blocks() {
			blocks[b] = append(blocks[b], i)
		}
	}
	type edge struct {
		a, b  int
		rel   relation
		notes []string
	}
	var edges []edge
	seen := map[[2]int]bool{}
	bkeys := make([]string, 0, len(blocks))
	for b := range blocks {
		bkeys = append(bkeys, b)
	}
	sort.Strings(bkeys)
	for _, bk := range bkeys {
		ms := blocks[bk]
		for x := 0; x < len(ms); x++ {
			for y := x + 1; y < len(ms); y++ {
				a, b := ms[x], ms[y]
				if a > b {
					a, b = b, a
				}
				if a == b || seen[[2]int{a, b}] {
					continue
				}
				seen[[2]int{a, b}] = true
				rel, notes := relate(groups[a].name, groups[b].name)
				if rel == unrelated {
					continue
				}
				if rel == longer {
					a, b, rel = b, a, shorter
				}
				edges = append(edges, edge{a, b, rel, notes})
			}
		}
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].a != edges[j].a {
			return edges[i].a < edges[j].a
		}
		return edges[i].b < edges[j].b
	})
	agree := func(a, b map[string]bool) bool {
		if len(a) == 0 || len(b) == 0 {
			return true
		}
		for c := range a {
			if b[c] {
				return true
			}
		}
		return false
	}
	// the same words spelled apart
	for _, e := range edges {
		if e.rel != equal || !agree(groups[e.a].countries, groups[e.b].countries) {
			continue
		}
		if u.join(e.a, e.b) {
			note(e.a, fmt.Sprintf("%s = %s: %s", groups[e.a].written[0], groups[e.b].written[0], strings.Join(e.notes, ", ")))
		}
	}
	// shorter forms join the one longest form they can stand for
	up := map[int]map[int]bool{}
	upNote := map[[2]int]string{}
	for _, e := range edges {
		if e.rel != shorter || !agree(groups[e.a].countries, groups[e.b].countries) {
			continue
		}
		ra, rb := u.find(e.a), u.find(e.b)
		if ra == rb {
			continue
		}
		if up[ra] == nil {
			up[ra] = map[int]bool{}
		}
		up[ra][rb] = true
		if _, ok := upNote[[2]int{ra, rb}]; !ok {
			upNote[[2]int{ra, rb}] = fmt.Sprintf("%s is a shorter form of %s: %s", groups[e.a].written[0], groups[e.b].written[0], strings.Join(e.notes, ", "))
		}
	}
	tops := map[int][]int{}
	var topsOf func(c int, visiting map[int]bool) []int
	topsOf = func(c int, visiting map[int]bool) []int {
		if t, ok := tops[c]; ok {
			return t
		}
		if len(up[c]) == 0 {
			return []int{c}
		}
		visiting[c] = true
		set := map[int]bool{}
		for d := range up[c] {
			if visiting[d] {
				continue
			}
			for _, t := range topsOf(d, visiting) {
				set[t] = true
			}
		}
		delete(visiting, c)
		var out []int
		for t := range set {
			out = append(out, t)
		}
		sort.Ints(out)
		tops[c] = out
		return out
	}
	var lower []int
	for c := range up {
		lower = append(lower, c)
	}
	sort.Ints(lower)
	type join struct{ from, to int }
	var joins []join
	for _, c := range lower {
		t := topsOf(c, map[int]bool{})
		switch {
		case len(t) == 1 && t[0] != c:
			joins = append(joins, join{c, t[0]})
		case len(t) > 1:
			var names []string
			for _, x := range t {
				names = append(names, groups[x].written[0])
			}
			note(c, fmt.Sprintf("%s could be any of %s: kept apart", groups[c].written[0], strings.Join(names, ", ")))
		}
	}
	for _, j := range joins {
		// the note of the first step up
		var n string
		ds := make([]int, 0, len(up[j.from]))
		for d := range up[j.from] {
			ds = append(ds, d)
		}
		sort.Ints(ds)
		for _, d := range ds {
			n = upNote[[2]int{j.from, d}]
			break
		}
		if u.join(j.from, j.to) {
			note(j.from, n)
		} else {
			note(j.from, n+"; not joined: the alias file says they differ")
		}
	}
	// clusters
	res := &Resolution{byForm: map[formKey]*Cluster{}, groups: groups, rules: rules, root: u.find}
	members := map[int][]int{}
	for i := range groups {
		r := u.find(i)
		members[r] = append(members[r], i)
	}
	roots := make([]int, 0, len(members))
	for r := range members {
		roots = append(roots, r)
	}
	sort.Ints(roots)
	for _, r := range roots {
		c := &Cluster{}
		count := map[string]int{}
		ctry := map[string]bool{}
		for _, gi := range members[r] {
			for _, f := range groups[gi].forms {
				c.Forms = append(c.Forms, Form{Written: f.written, Country: f.country, Reports: reports[f]})
				count[f.written] = wrote[f.written]
				if f.country != "" {
					ctry[f.country] = true
				}
				res.byForm[f] = c
			}
			c.Why = append(c.Why, why[gi]...)
		}
		for k := range ctry {
			c.Countries = append(c.Countries, k)
		}
		sort.Strings(c.Countries)
		c.Name = display(count, al.preferred(rules, members[r], groups))
		res.Clusters = append(res.Clusters, c)
	}
	// IRIs, unique
	bySlug := map[string][]*Cluster{}
	for _, c := range res.Clusters {
		s := schema.Slug(c.Name)
		bySlug[s] = append(bySlug[s], c)
	}
	for s, cs := range bySlug {
		if len(cs) == 1 {
			cs[0].IRI = quad.IRI("person:" + s)
			continue
		}
		used := map[string]int{}
		for _, c := range cs {
			suf := "x"
			if len(c.Countries) > 0 {
				suf = strings.ToLower(c.Countries[0])
			}
			used[suf]++
			if used[suf] > 1 {
				suf += fmt.Sprint(used[suf])
			}
			c.IRI = quad.IRI("person:" + s + "-" + suf)
		}
	}
	sort.Slice(res.Clusters, func(i, j int) bool { return res.Clusters[i].IRI < res.Clusters[j].IRI })
	return res
}

// display chooses the name shown for a person from its written forms and
// how many reports wrote each (see Resolve).
func display(count map[string]int, preferred string) string {
	if preferred != "" {
		return preferred
	}
	best := ""
	for w, n := range count {
		if best == "" || better(w, n, best, count[best]) {
			best = w
		}
	}
	return best
}

func better(a string, na int, b string, nb int) bool {
	if na != nb {
		return na > nb
	}
	wa, wb := len(strings.Fields(a)), len(strings.Fields(b))
	if wa != wb {
		return wa > wb
	}
	xa, xb := nonASCII(a), nonASCII(b)
	if xa != xb {
		return xa > xb
	}
	return a < b
}

func nonASCII(s string) int {
	n := 0
	for _, r := range s {
		if r >= utf8.RuneSelf {
			n++
		}
	}
	return n
}

// union is a union-find over key groups that refuses to join groups the
// aliases say differ.
type union struct {
	parent []int
	al     *Aliases
	groups []*keyGroup
	marks  map[int]map[int]bool // root -> the "different" entries its groups match
}

func newUnion(r *Rules, al *Aliases, groups []*keyGroup) *union {
	u := &union{parent: make([]int, len(groups)), al: al, groups: groups, marks: map[int]map[int]bool{}}
	for i := range u.parent {
		u.parent[i] = i
		for _, e := range al.differentEntries(r, groups[i]) {
			if u.marks[i] == nil {
				u.marks[i] = map[int]bool{}
			}
			u.marks[i][e] = true
		}
	}
	return u
}

func (u *union) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// join merges the sets of a and b unless the aliases keep them apart; the
// smaller index stays the root, so that roots do not depend on the order
// of joins.
func (u *union) join(a, b int) bool {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return true
	}
	if u.al.apart(u.marks[ra], u.marks[rb]) {
		return false
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	if len(u.marks[rb]) > 0 {
		if u.marks[ra] == nil {
			u.marks[ra] = map[int]bool{}
		}
		for e := range u.marks[rb] {
			u.marks[ra][e] = true
		}
	}
	return true
}
