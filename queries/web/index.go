package web

import (
	"context"
	"fmt"
	"log"
	"math"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
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
	ent   *Entity
	field uint8 // fieldName, fieldAlias, fieldToken, fieldIRI
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

// index is an immutable snapshot of the search index; a rebuild makes a
// new one.
type index struct {
	built  time.Time
	sig    storeSig
	ents   map[string]*Entity
	keys   []nameKey // sorted by key
	docs   []evDoc
	post   map[string][]posting
	avgLen float64
	evOf   map[string][]int32 // subject -> evidence docs
}

// storeSig is a cheap fingerprint of the store: when it changes, another
// writer has been at work and the index is rebuilt.
type storeSig struct {
	quads, nodes, reports int64
}

// indexHolder holds the current index and rebuilds it.
type indexHolder struct {
	store *graph.Store
	log   *log.Logger
	cur   atomic.Pointer[index]
	mu    sync.Mutex // one rebuild at a time
}

func newIndexHolder(store *graph.Store, lg *log.Logger) *indexHolder {
	h := &indexHolder{store: store, log: lg}
	h.cur.Store(&index{ents: map[string]*Entity{}, post: map[string][]posting{}, evOf: map[string][]int32{}})
	return h
}

func (h *indexHolder) get() *index { return h.cur.Load() }

// rebuild reads the store and replaces the index.
func (h *indexHolder) rebuild(ctx context.Context) {
	h.mu.Lock()
	defer h.mu.Unlock()
	start := time.Now()
	ix, err := buildIndex(ctx, h.store)
	if err != nil {
		h.log.Printf("web: search index: %v", err)
		return
	}
	h.cur.Store(ix)
	h.log.Printf("web: search index: %d entities, %d evidence sentences in %s",
		len(ix.ents), len(ix.docs), time.Since(start).Round(time.Millisecond))
}

// refreshIfChanged rebuilds the index when the store's fingerprint moved.
func (h *indexHolder) refreshIfChanged(ctx context.Context) {
	sig, err := signature(ctx, h.store)
	if err != nil || sig == h.get().sig {
		return
	}
	h.rebuild(ctx)
}

func signature(ctx context.Context, s *graph.Store) (storeSig, error) {
	qs := s.QuadStore()
	st, err := qs.Stats(ctx, false)
	if err != nil {
		return storeSig{}, err
	}
	sig := storeSig{quads: st.Quads.Value, nodes: st.Nodes.Value}
	ref, err := qs.ValueOf(schema.Report)
	if err != nil || ref == nil {
		return sig, err
	}
	it := qs.QuadIterator(quad.Object, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		sig.reports++
	}
	return sig, it.Err()
}

// eachWithPredicate calls f for every quad of predicate p.
func eachWithPredicate(ctx context.Context, s *graph.Store, p quad.IRI, f func(q quad.Quad)) error {
	qs := s.QuadStore()
	ref, err := qs.ValueOf(p)
	if err != nil || ref == nil {
		return err
	}
	it := qs.QuadIterator(quad.Predicate, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return err
		}
		f(q)
	}
	return it.Err()
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

func buildIndex(ctx context.Context, s *graph.Store) (*index, error) {
	sig, err := signature(ctx, s)
	if err != nil {
		return nil, err
	}
	ix := &index{built: time.Now(), sig: sig, ents: map[string]*Entity{}, post: map[string][]posting{}, evOf: map[string][]int32{}}
	ent := func(v quad.Value) *Entity {
		id := iriString(v)
		if id == "" {
			return nil
		}
		e := ix.ents[id]
		if e == nil {
			e = &Entity{ID: id}
			ix.ents[id] = e
		}
		return e
	}
	setters := []struct {
		p   quad.IRI
		set func(e *Entity, v string)
	}{
		{schema.Name, func(e *Entity, v string) {
			if e.Name == "" {
				e.Name = v
			} else if v != e.Name {
				e.Aliases = append(e.Aliases, v)
			}
		}},
		{schema.Alias, func(e *Entity, v string) { e.Aliases = append(e.Aliases, v) }},
		{schema.Date, func(e *Entity, v string) {
			if e.Date == "" || len(v) > len(e.Date) {
				e.Date = v
			}
		}},
		{schema.Kind, func(e *Entity, v string) { e.Kind = v }},
		{schema.Title, func(e *Entity, v string) { e.Title = v }},
		{schema.URL, func(e *Entity, v string) { e.URL = v }},
		{schema.Published, func(e *Entity, v string) { e.Published = v }},
	}
	for _, st := range setters {
		err := eachWithPredicate(ctx, s, st.p, func(q quad.Quad) {
			if e := ent(q.Subject); e != nil {
				st.set(e, literal(q.Object))
			}
		})
		if err != nil {
			return nil, err
		}
	}
	err = eachWithPredicate(ctx, s, schema.Type, func(q quad.Quad) {
		if e := ent(q.Subject); e != nil {
			t := iriString(q.Object)
			e.Type = t[strings.IndexByte(t, ':')+1:]
		}
	})
	if err != nil {
		return nil, err
	}
	seen := map[[2]string]bool{}
	err = eachWithPredicate(ctx, s, schema.Evidence, func(q quad.Quad) {
		subj, text := iriString(q.Subject), literal(q.Object)
		rep := iriString(q.Label)
		if subj == "" || text == "" || seen[[2]string{subj + " " + rep, text}] {
			return
		}
		seen[[2]string{subj + " " + rep, text}] = true
		ix.addDoc(evDoc{subject: subj, report: rep, text: text})
	})
	if err != nil {
		return nil, err
	}
	if n := len(ix.docs); n > 0 {
		total := 0
		for _, d := range ix.docs {
			total += d.length
		}
		ix.avgLen = float64(total) / float64(n)
	}
	for _, e := range ix.ents {
		ix.addKeys(e)
	}
	sort.Slice(ix.keys, func(i, j int) bool { return ix.keys[i].key < ix.keys[j].key })
	return ix, nil
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
	ix.evOf[d.subject] = append(ix.evOf[d.subject], id)
}

func (ix *index) addKeys(e *Entity) {
	add := func(k string, f uint8) {
		if k != "" {
			ix.keys = append(ix.keys, nameKey{key: k, ent: e, field: f})
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
	scores := map[*Entity]float64{}
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
		if sc > scores[k.ent] {
			scores[k.ent] = sc
		}
	})
	// Every query word must start a word of the entity's names.
	if len(qt) > 0 {
		var cand map[*Entity]float64
		for i, t := range qt {
			m := map[*Entity]float64{}
			ix.prefixRange(t, func(k *nameKey) {
				if k.field == fieldIRI {
					return
				}
				sc := 10.0
				if k.key == t {
					sc = 20
				}
				if i == 0 || cand[k.ent] > 0 {
					if sc > m[k.ent] {
						m[k.ent] = sc
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
	for e, sc := range scores {
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
	n := float64(len(ix.docs))
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
			tf := float64(p.tf)
			dl := float64(ix.docs[p.doc].length)
			scores[p.doc] += idf * tf * (k1 + 1) / (tf + k1*(1-b+b*dl/ix.avgLen))
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
