package web

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// Entity is what the search index knows of one node: enough to name it,
// type it and place it on a timeline without reading the store.
type Entity struct {
	ID        string   `json:"id"` // the IRI without brackets: "country:PAK"
	Name      string   `json:"name"`
	Type      string   `json:"type,omitempty"` // the class without prefix: "Country"
	Aliases   []string `json:"aliases,omitempty"`
	Date      string   `json:"date,omitempty"`      // events: dg:date
	Kind      string   `json:"kind,omitempty"`      // events: dg:kind
	Title     string   `json:"title,omitempty"`     // reports: dg:title
	URL       string   `json:"url,omitempty"`       // reports: dg:url
	Published string   `json:"published,omitempty"` // reports: dg:published

	gen int // the index generation that may still change it (index.mutable)
}

// display is the entity's name, or its IRI when it has none.
func (e *Entity) display() string {
	if e.Name != "" {
		return e.Name
	}
	return e.ID
}

// nameKey is one searchable form of an entity: a folded, lower-case token,
// name, alias or IRI.
type nameKey struct {
	key   string
	id    string // the entity's ID
	field uint8  // fieldName, fieldAlias, fieldToken, fieldIRI
}

const (
	fieldName = iota
	fieldAlias
	fieldToken
	fieldIRI
)

// evDoc is one evidence sentence: the literal of a <dg:evidence> quad.
type evDoc struct {
	subject string // the event it states
	report  string // the quad's label
	text    string
	length  int // tokens
}

type posting struct {
	doc int32
	tf  uint16
}

// index is a snapshot of the search index. A snapshot that readers can
// see (indexHolder.get) never changes: updates work on a copy
// (index.next) whose maps are new, whose slices only grow past the ends
// the older snapshots see, and whose entities are copied before they
// change.
type index struct {
	gen      int       // entities of an older generation are frozen
	complete bool      // every quad of the store has been read
	built    time.Time // when the snapshot was made
	mark     string    // graph.Store.ChangeMark read before the reports below (SQL)
	journal  int64     // graph.Store.ReportChanges position read (others)
	ents     map[string]*Entity
	keys     []nameKey // sorted by key
	docs     []evDoc
	dead     map[int32]bool // evidence of reports removed or changed since
	post     map[string][]posting
	liveLen  int                // tokens of the live docs
	live     int                // live docs
	evOf     map[string][]int32 // subject -> live evidence docs
	byReport map[string][]int32 // report -> its live evidence docs
	reports  map[string]string  // report -> the digest indexed
}

func newIndex() *index {
	return &index{gen: 1, built: time.Now(), ents: map[string]*Entity{}, dead: map[int32]bool{},
		post: map[string][]posting{}, evOf: map[string][]int32{}, byReport: map[string][]int32{},
		reports: map[string]string{}}
}

// next returns a copy of ix for an update: its maps are copies, and the
// entities of ix are frozen (mutable copies them first).
func (ix *index) next() *index {
	c := *ix
	c.gen = ix.gen + 1
	c.built = time.Now()
	c.ents = cloneMap(ix.ents)
	c.dead = cloneMap(ix.dead)
	c.post = cloneMap(ix.post)
	c.evOf = cloneMap(ix.evOf)
	c.byReport = cloneMap(ix.byReport)
	c.reports = cloneMap(ix.reports)
	// The slices c shares with ix grow in c past the ends ix sees: only
	// the newest snapshot is ever updated, so no two of them write there.
	return &c
}

// cloneMap copies m with room to grow by an eighth. Unlike maps.Clone it
// never returns nil: the copy is written to.
func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	c := make(map[K]V, len(m)+len(m)/8)
	for k, v := range m {
		c[k] = v
	}
	return c
}

// touched records, for one update, the entities changed and what each
// was before (nil for a new one), to add the keys of their new forms.
type touched map[string]*Entity

// mutable returns the entity id of ix to change, copying it if an older
// snapshot shares it. With t, the change may give it new search keys
// (a name, an alias): t records what it was before.
func (ix *index) mutable(id string, t touched) *Entity {
	e := ix.ents[id]
	if _, ok := t[id]; !ok && t != nil {
		var before *Entity
		if e != nil {
			c := *e
			before = &c
		}
		t[id] = before
	}
	if e != nil && e.gen == ix.gen {
		return e
	}
	if e == nil {
		e = &Entity{ID: id, gen: ix.gen}
	} else {
		c := *e
		c.gen = ix.gen
		e = &c
	}
	ix.ents[id] = e
	return e
}

// indexed are the predicates the index reads, in the order a build reads
// them: names first, so that a partly built index finds entities by name.
func indexed() []quad.IRI {
	return []quad.IRI{schema.Name, schema.Alias, schema.Type, schema.Title, schema.Date,
		schema.Kind, schema.Published, schema.URL, schema.Evidence}
}

// hasForm says whether v is e's name or one of its aliases.
func hasForm(e *Entity, v string) bool {
	if e == nil {
		return false
	}
	if v == e.Name {
		return true
	}
	for _, a := range e.Aliases {
		if a == v {
			return true
		}
	}
	return false
}

// add puts one quad into ix; quads of other predicates are ignored. An
// entity is copied only when the quad changes it, and recorded in t only
// when its search keys may change.
func (ix *index) add(q quad.Quad, t touched) {
	id := iriString(q.Subject)
	if id == "" {
		return
	}
	cur := ix.ents[id]
	set := func(get func(*Entity) string, v string, put func(*Entity)) {
		if cur == nil || get(cur) != v {
			put(ix.mutable(id, nil))
		}
	}
	v := literal(q.Object)
	switch q.Predicate {
	case schema.Name, schema.Alias:
		if v == "" || hasForm(cur, v) {
			return
		}
		e := ix.mutable(id, t)
		if q.Predicate == schema.Name && e.Name == "" {
			e.Name = v
		} else {
			e.Aliases = append(e.Aliases, v)
		}
	case schema.Date:
		if cur == nil || cur.Date == "" || len(v) > len(cur.Date) {
			ix.mutable(id, nil).Date = v
		}
	case schema.Kind:
		set(func(e *Entity) string { return e.Kind }, v, func(e *Entity) { e.Kind = v })
	case schema.Title:
		set(func(e *Entity) string { return e.Title }, v, func(e *Entity) { e.Title = v })
	case schema.URL:
		set(func(e *Entity) string { return e.URL }, v, func(e *Entity) { e.URL = v })
	case schema.Published:
		set(func(e *Entity) string { return e.Published }, v, func(e *Entity) { e.Published = v })
	case schema.Type:
		ty := iriString(q.Object)
		ty = ty[strings.IndexByte(ty, ':')+1:]
		set(func(e *Entity) string { return e.Type }, ty, func(e *Entity) { e.Type = ty })
	case schema.Evidence:
		if v != "" {
			ix.addDoc(evDoc{subject: id, report: iriString(q.Label), text: v})
		}
	}
}

func (ix *index) addDoc(d evDoc) {
	id := int32(len(ix.docs))
	toks := tokens(d.text)
	d.length = len(toks)
	tf := map[string]int{}
	for _, t := range toks {
		if !stopword[t] {
			tf[t]++
		}
	}
	for t, n := range tf {
		if n > math.MaxUint16 {
			n = math.MaxUint16
		}
		ix.post[t] = append(ix.post[t], posting{doc: id, tf: uint16(n)})
	}
	ix.docs = append(ix.docs, d)
	ix.live++
	ix.liveLen += d.length
	ix.evOf[d.subject] = append(ix.evOf[d.subject], id)
	if d.report != "" {
		ix.byReport[d.report] = append(ix.byReport[d.report], id)
	}
}

// dropReport retires the evidence of report: it is read again when the
// report changed, and gone when it was removed.
func (ix *index) dropReport(report string) {
	ids := ix.byReport[report]
	if len(ids) == 0 {
		return
	}
	gone := map[string]bool{}
	for _, id := range ids {
		if ix.dead[id] {
			continue
		}
		ix.dead[id] = true
		ix.live--
		ix.liveLen -= ix.docs[id].length
		gone[ix.docs[id].subject] = true
	}
	for subj := range gone {
		var keep []int32
		for _, id := range ix.evOf[subj] {
			if !ix.dead[id] {
				keep = append(keep, id)
			}
		}
		if keep == nil {
			delete(ix.evOf, subj)
		} else {
			ix.evOf[subj] = keep
		}
	}
	delete(ix.byReport, report)
}

// addKeys adds the search keys of the entities in t that their changes
// gave them; keys are only added (a full build drops stale ones).
func (ix *index) addKeys(t touched) {
	var add []nameKey
	for id, before := range t {
		old := map[nameKey]bool{}
		if before != nil {
			for _, k := range entityKeys(before) {
				old[k] = true
			}
		}
		for _, k := range entityKeys(ix.ents[id]) {
			if !old[k] {
				add = append(add, k)
			}
		}
	}
	if len(add) == 0 {
		return
	}
	less := func(a, b nameKey) bool {
		if a.key != b.key {
			return a.key < b.key
		}
		return a.id < b.id
	}
	sort.Slice(add, func(i, j int) bool { return less(add[i], add[j]) })
	merged := make([]nameKey, 0, len(ix.keys)+len(add))
	i, j := 0, 0
	for i < len(ix.keys) && j < len(add) {
		if less(add[j], ix.keys[i]) {
			merged = append(merged, add[j])
			j++
		} else {
			merged = append(merged, ix.keys[i])
			i++
		}
	}
	merged = append(append(merged, ix.keys[i:]...), add[j:]...)
	ix.keys = merged
}

// entityKeys are the searchable forms of e: its IRI, names, aliases and
// their words.
func entityKeys(e *Entity) []nameKey {
	var out []nameKey
	add := func(k string, f uint8) {
		if k != "" {
			out = append(out, nameKey{key: k, id: e.ID, field: f})
		}
	}
	add(normalize(e.ID), fieldIRI)
	if i := strings.IndexByte(e.ID, ':'); i >= 0 {
		add(normalize(e.ID[i+1:]), fieldIRI)
	}
	forms := append([]string{e.Name}, e.Aliases...)
	done := map[string]bool{}
	for i, f := range forms {
		n := normalize(f)
		if n == "" {
			continue
		}
		if i == 0 {
			add(n, fieldName)
		} else if !done[n] {
			add(n, fieldAlias)
		}
		done[n] = true
		for _, t := range tokens(f) {
			if !done["\x00"+t] && t != n {
				add(t, fieldToken)
				done["\x00"+t] = true
			}
		}
	}
	return out
}

// iriString is the IRI of v without brackets, or "" when v is no IRI.
func iriString(v quad.Value) string {
	if i, ok := v.(quad.IRI); ok {
		return string(i)
	}
	return ""
}

// literal is the text of a literal value.
func literal(v quad.Value) string {
	switch t := v.(type) {
	case quad.String:
		return string(t)
	case quad.TypedString:
		return string(t.Value)
	case quad.LangString:
		return string(t.Value)
	case nil:
		return ""
	}
	return fmt.Sprint(v.Native())
}

// normalize folds s to lower-case ASCII with single spaces.
func normalize(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(schema.Fold(s))), " ")
}

// tokens splits s into folded, lower-case words of letters and digits.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(schema.Fold(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

var stopword = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an and are as at be by for from has have in is it its of on or that the their this to was were will with`) {
		m[w] = true
	}
	return m
}()

// hit is one entity found by name.
type hit struct {
	*Entity
	Score float64 `json:"score"`
}

// typeRank orders equally good name matches: countries before people
// before events.
var typeRank = map[string]float64{
	"Country": 6, "Organization": 5, "Person": 4, "Series": 3, "Event": 2, "Place": 1.5, "Region": 1.5, "Topic": 1,
}

// prefixRange calls f for every key starting with p.
func (ix *index) prefixRange(p string, f func(k *nameKey)) {
	i := sort.Search(len(ix.keys), func(i int) bool { return ix.keys[i].key >= p })
	for ; i < len(ix.keys) && strings.HasPrefix(ix.keys[i].key, p); i++ {
		f(&ix.keys[i])
	}
}

// searchNames finds entities by name, alias, IRI or the prefix of any of
// their words; every word of q must match. typ keeps one class only.
func (ix *index) searchNames(q, typ string, limit int) []hit {
	nq := normalize(q)
	qt := tokens(q)
	if nq == "" {
		return nil
	}
	scores := map[string]float64{}
	// Whole names, aliases and IRIs that start with the query.
	ix.prefixRange(nq, func(k *nameKey) {
		exact := k.key == nq
		var sc float64
		switch k.field {
		case fieldName:
			sc = 60
			if exact {
				sc = 100
			}
		case fieldAlias:
			sc = 50
			if exact {
				sc = 90
			}
		case fieldIRI:
			sc = 40
			if exact {
				sc = 95
			}
		default:
			return
		}
		if sc > scores[k.id] {
			scores[k.id] = sc
		}
	})
	// Every query word must start a word of the entity's names.
	if len(qt) > 0 {
		var cand map[string]float64
		for i, t := range qt {
			m := map[string]float64{}
			ix.prefixRange(t, func(k *nameKey) {
				if k.field == fieldIRI {
					return
				}
				sc := 10.0
				if k.key == t {
					sc = 20
				}
				if i == 0 || cand[k.id] > 0 {
					if sc > m[k.id] {
						m[k.id] = sc
					}
				}
			})
			if i > 0 {
				for e, v := range m {
					m[e] = v + cand[e]
				}
			}
			cand = m
		}
		for e, v := range cand {
			scores[e] += v
		}
	}
	out := make([]hit, 0, len(scores))
	for id, sc := range scores {
		e := ix.ents[id]
		if e == nil {
			continue
		}
		if typ != "" && !strings.EqualFold(e.Type, typ) {
			continue
		}
		// Shorter names are closer matches; the type breaks ties.
		sc += typeRank[e.Type] + 5/float64(1+len(e.display()))
		out = append(out, hit{Entity: e, Score: math.Round(sc*1000) / 1000})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].ID < out[j].ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// evHit is one evidence sentence found by words.
type evHit struct {
	Text    string  `json:"text"`
	Score   float64 `json:"score"`
	Subject *Entity `json:"subject"`
	Report  *Entity `json:"report"`
}

// searchEvidence ranks evidence sentences for q by BM25.
func (ix *index) searchEvidence(q string, limit int) []evHit {
	const k1, b = 1.2, 0.75
	n := float64(ix.live)
	avgLen := 1.0
	if ix.live > 0 {
		avgLen = float64(ix.liveLen) / float64(ix.live)
	}
	scores := map[int32]float64{}
	seen := map[string]bool{}
	for _, t := range tokens(q) {
		if stopword[t] || seen[t] {
			continue
		}
		seen[t] = true
		ps := ix.post[t]
		if len(ps) == 0 {
			continue
		}
		idf := math.Log(1 + (n-float64(len(ps))+0.5)/(float64(len(ps))+0.5))
		for _, p := range ps {
			if ix.dead[p.doc] {
				continue
			}
			tf := float64(p.tf)
			dl := float64(ix.docs[p.doc].length)
			scores[p.doc] += idf * tf * (k1 + 1) / (tf + k1*(1-b+b*dl/avgLen))
		}
	}
	ids := make([]int32, 0, len(scores))
	for id := range scores {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if scores[ids[i]] != scores[ids[j]] {
			return scores[ids[i]] > scores[ids[j]]
		}
		return ids[i] < ids[j]
	})
	if len(ids) > limit {
		ids = ids[:limit]
	}
	out := make([]evHit, len(ids))
	for i, id := range ids {
		d := ix.docs[id]
		out[i] = evHit{Text: d.text, Score: math.Round(scores[id]*1000) / 1000,
			Subject: ix.lookup(d.subject), Report: ix.lookup(d.report)}
	}
	return out
}

// lookup returns the entity of id, or a bare one named by its IRI.
func (ix *index) lookup(id string) *Entity {
	if e := ix.ents[id]; e != nil {
		return e
	}
	return &Entity{ID: id}
}
