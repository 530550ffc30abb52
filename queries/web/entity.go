package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/ingest/gazetteer"
	"github.com/diplograph/diplograph/schema"
)

// DefaultEdgeLimit is how many quads on each side of an entity its detail
// reads when the request does not say (?limit=).
const DefaultEdgeLimit = 2000

// Attribute is a literal-valued fact about an entity.
type Attribute struct {
	Predicate string   `json:"predicate"`
	Value     string   `json:"value"`
	Reports   []string `json:"reports"`
}

// Edge is one (subject, predicate, object) between the entity and a
// neighbour, with every report that asserts it.
type Edge struct {
	Direction string   `json:"direction"` // "out": entity -> node; "in": node -> entity
	Predicate string   `json:"predicate"`
	Node      *Entity  `json:"node"`
	Reports   []string `json:"reports"`
}

// EventRef is an event on an entity's timeline.
type EventRef struct {
	*Entity
	Roles []string `json:"roles"` // predicates linking the entity and the event
}

// Evidence is a sentence of a report that states one of the entity's events.
type Evidence struct {
	Text    string  `json:"text"`
	Subject *Entity `json:"subject"`
	Report  *Entity `json:"report"`
}

// Detail is everything the explorer shows of one entity.
type Detail struct {
	*Entity
	Attributes []Attribute `json:"attributes"`
	Edges      []Edge      `json:"edges"`
	Events     []EventRef  `json:"events"`
	Evidence   []Evidence  `json:"evidence"`
	Reports    []*Entity   `json:"reports"`
	// Truncated is set when the entity has more quads than were read.
	Truncated bool `json:"truncated,omitempty"`
	// EvidenceTruncated is set when there are more evidence sentences
	// than maxEvidence.
	EvidenceTruncated bool `json:"evidence_truncated,omitempty"`
}

// maxEvidence is how many evidence sentences an entity's detail holds.
const maxEvidence = 100

// nameMatcher tells whether a sentence names a person by one of the forms
// of their name: a whole name or alias, or its last word (the surname:
// "Vershinin", "Mr Vershinin"), or the first word of a two-word name
// ("Wang" of "Wang Yi"), compared word by word with case and Latin
// diacritics folded.
type nameMatcher struct {
	forms [][]string // each form's folded words
}

func newNameMatcher(names []string) *nameMatcher {
	m := &nameMatcher{}
	seen := map[string]bool{}
	add := func(words []string) {
		k := strings.Join(words, " ")
		if len(words) == 0 || seen[k] {
			return
		}
		seen[k] = true
		m.forms = append(m.forms, words)
	}
	for _, n := range names {
		w := foldedWords(n)
		add(w)
		if len(w) > 1 && len([]rune(w[len(w)-1])) >= 3 {
			add(w[len(w)-1:])
		}
		if len(w) == 2 && len([]rune(w[0])) >= 3 {
			add(w[:1])
		}
	}
	return m
}

// foldedWords are the words of s, folded (gazetteer.Fold), without
// punctuation and possessive 's.
func foldedWords(s string) []string {
	f := strings.FieldsFunc(gazetteer.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
	out := f[:0]
	for _, w := range f {
		if w == "s" && len(out) > 0 { // the s of a possessive
			continue
		}
		out = append(out, w)
	}
	return out
}

// in says whether text names the person.
func (m *nameMatcher) in(text string) bool {
	words := foldedWords(text)
	for _, f := range m.forms {
		for i := 0; i+len(f) <= len(words); i++ {
			if slices.Equal(words[i:i+len(f)], f) {
				return true
			}
		}
	}
	return false
}

// ErrNotFound is returned for an entity the store does not hold.
var ErrNotFound = errors.New("no such entity")

// entityID takes an entity id from a request: /api/entities/{id...} or
// ?id=, with or without angle brackets.
func entityID(r *http.Request) string {
	id := r.PathValue("id")
	if id == "" {
		id = r.URL.Query().Get("id")
	}
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(id), "<"), ">")
}

func (s *Server) serveEntity(w http.ResponseWriter, r *http.Request) {
	id := entityID(r)
	if id == "" {
		jsonError(w, http.StatusBadRequest, errors.New("give an entity id: /api/entities/country:PAK"))
		return
	}
	limit := DefaultEdgeLimit
	if n, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && n > 0 {
		limit = n
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Limits.Timeout)
	defer cancel()
	d, err := s.Entity(ctx, id, limit)
	switch {
	case errors.Is(err, ErrNotFound):
		jsonError(w, http.StatusNotFound, err)
	case err != nil:
		jsonError(w, http.StatusInternalServerError, err)
	default:
		writeJSON(w, http.StatusOK, d)
	}
}

// Entity returns the detail of the node id ("country:PAK"), reading at
// most limit quads where it is the subject and limit where it is the
// object.
func (s *Server) Entity(ctx context.Context, id string, limit int) (*Detail, error) {
	ix := s.idx.get()
	qs := s.store.QuadStore()
	ref, err := qs.ValueOf(quad.IRI(id))
	if err != nil {
		return nil, err
	}
	if ref == nil {
		return nil, fmt.Errorf("%w: <%s>", ErrNotFound, id)
	}
	base := *ix.lookup(id)
	d := &Detail{Entity: &base}

	type edgeKey struct{ dir, pred, node string }
	attrs := map[[2]string]*Attribute{}
	edges := map[edgeKey]*Edge{}
	var attrOrder [][2]string
	var edgeOrder []edgeKey
	reports := map[string]bool{}
	names, types := map[string]bool{}, map[string]bool{}

	read := func(dir quad.Direction) error {
		it := qs.QuadIterator(dir, ref).Iterate()
		defer it.Close()
		n := 0
		for it.Next(ctx) {
			if n >= limit {
				d.Truncated = true
				break
			}
			n++
			q, err := qs.Quad(it.Result())
			if err != nil {
				return err
			}
			label := iriString(q.Label)
			if label != "" {
				reports[label] = true
			}
			pred := iriString(q.Predicate)
			other := q.Object
			sdir := "out"
			if dir == quad.Object {
				other, sdir = q.Subject, "in"
			}
			if sdir == "out" {
				switch q.Predicate {
				case schema.Name:
					names[literal(other)] = true
				case schema.Type:
					types[iriString(other)] = true
					continue
				case schema.Evidence:
					continue // in Evidence
				}
			}
			if oid := iriString(other); oid == "" {
				k := [2]string{pred, literal(other)}
				a := attrs[k]
				if a == nil {
					a = &Attribute{Predicate: pred, Value: k[1]}
					attrs[k] = a
					attrOrder = append(attrOrder, k)
				}
				a.Reports = addUnique(a.Reports, label)
			} else {
				if dir == quad.Object && q.Subject == q.Object {
					continue // a loop is read once, as "out"
				}
				k := edgeKey{sdir, pred, oid}
				e := edges[k]
				if e == nil {
					e = &Edge{Direction: sdir, Predicate: pred, Node: ix.lookup(oid)}
					edges[k] = e
					edgeOrder = append(edgeOrder, k)
				}
				e.Reports = addUnique(e.Reports, label)
			}
		}
		return it.Err()
	}
	if err := read(quad.Subject); err != nil {
		return nil, err
	}
	if err := read(quad.Object); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if d.Name == "" && len(names) > 0 {
		d.Name = firstKey(names)
	}
	if d.Type == "" && len(types) > 0 {
		t := firstKey(types)
		d.Type = t[strings.IndexByte(t, ':')+1:]
	}
	d.Attributes = make([]Attribute, 0, len(attrOrder))
	for _, k := range attrOrder {
		d.Attributes = append(d.Attributes, *attrs[k])
	}
	d.Edges = make([]Edge, 0, len(edgeOrder))
	for _, k := range edgeOrder {
		d.Edges = append(d.Edges, *edges[k])
	}
	sort.SliceStable(d.Edges, func(i, j int) bool {
		a, b := d.Edges[i], d.Edges[j]
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		return a.Node.ID < b.Node.ID
	})

	// The timeline: the entity itself when it is an event, and every event
	// it is linked to, by date.
	evs := map[string]*EventRef{}
	if d.Type == "Event" {
		evs[id] = &EventRef{Entity: d.Entity, Roles: []string{"self"}}
	}
	for _, e := range d.Edges {
		if e.Node.Type != "Event" {
			continue
		}
		er := evs[e.Node.ID]
		if er == nil {
			er = &EventRef{Entity: e.Node}
			evs[e.Node.ID] = er
		}
		role := e.Predicate
		if e.Direction == "in" {
			role = "^" + role
		}
		er.Roles = addUnique(er.Roles, role)
	}
	d.Events = make([]EventRef, 0, len(evs))
	for _, e := range evs {
		d.Events = append(d.Events, *e)
	}
	sort.Slice(d.Events, func(i, j int) bool {
		a, b := d.Events[i], d.Events[j]
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		return a.ID < b.ID
	})

	// Evidence of the entity's events (its own first), at most
	// maxEvidence; a person's, only the sentences that name them.
	d.Evidence = []Evidence{}
	var named *nameMatcher
	if d.Type == "Person" {
		forms := append([]string{d.Name}, d.Aliases...)
		for n := range names {
			forms = append(forms, n)
		}
		named = newNameMatcher(forms)
	}
	addEv := func(subject string) {
		for _, di := range ix.evOf[subject] {
			doc := ix.docs[di]
			if named != nil && !named.in(doc.text) {
				continue
			}
			if len(d.Evidence) >= maxEvidence {
				d.EvidenceTruncated = true
				return
			}
			d.Evidence = append(d.Evidence, Evidence{Text: doc.text, Subject: ix.lookup(doc.subject), Report: ix.lookup(doc.report)})
		}
	}
	addEv(id)
	for _, e := range d.Events {
		if e.ID != id {
			addEv(e.ID)
		}
	}
	for _, ev := range d.Evidence {
		reports[ev.Report.ID] = true
	}
	d.Reports = make([]*Entity, 0, len(reports))
	for r := range reports {
		d.Reports = append(d.Reports, ix.lookup(r))
	}
	sort.Slice(d.Reports, func(i, j int) bool { return d.Reports[i].ID < d.Reports[j].ID })
	return d, nil
}

func addUnique(list []string, v string) []string {
	if v == "" {
		return list
	}
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

func firstKey(m map[string]bool) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys[0]
}
