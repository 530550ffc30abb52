package graph

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// PredicateQuads calls f for every quad of predicate p, in no particular
// order, and stops at f's first error. On an SQL store the quads are read
// with their values in one query: Cayley's own iterator looks every value
// it has not cached up by a query of its own, which made reading the
// evidence sentences of 3,000 reports take 17 s.
func (s *Store) PredicateQuads(ctx context.Context, p quad.IRI, f func(quad.Quad) error) error {
	return s.predicateQuads(ctx, p, true, f)
}

// PredicateTriples is PredicateQuads without the labels (nil in the quads
// f gets), which spares a lookup per quad.
func (s *Store) PredicateTriples(ctx context.Context, p quad.IRI, f func(quad.Quad) error) error {
	return s.predicateQuads(ctx, p, false, f)
}

func (s *Store) predicateQuads(ctx context.Context, p quad.IRI, labels bool, f func(quad.Quad) error) error {
	if s.db != nil {
		h := refs.HashOf(p)
		return s.sqlQuads(ctx, "q.predicate_hash = $1", []interface{}{h[:]}, f)
	}
	ref, err := s.qs.ValueOf(p)
	if err != nil {
		return fmt.Errorf("look up %v: %w", p, err)
	}
	if ref == nil {
		return nil
	}
	it := s.qs.QuadIterator(quad.Predicate, ref).Iterate()
	defer it.Close()
	dirs := []quad.Direction{quad.Subject, quad.Object}
	if labels {
		dirs = append(dirs, quad.Label)
	}
	for it.Next(ctx) {
		// the predicate is known: only the other values are looked up
		q := quad.Quad{Predicate: p}
		if err := s.setValues(&q, it.Result(), dirs, func(_ quad.Direction, r refs.Ref) (quad.Value, error) { return s.qs.NameOf(r) }); err != nil {
			return err
		}
		if err := f(q); err != nil {
			return err
		}
	}
	return it.Err()
}

// EachLabelQuad calls f for every quad labelled label (a report's quads),
// reading them in one query on an SQL store.
func (s *Store) EachLabelQuad(ctx context.Context, label quad.Value, f func(quad.Quad) error) error {
	if s.db != nil {
		h := refs.HashOf(label)
		return s.sqlQuads(ctx, "q.label_hash = $1", []interface{}{h[:]}, f)
	}
	ref, err := s.qs.ValueOf(label)
	if err != nil {
		return fmt.Errorf("look up %v: %w", label, err)
	}
	if ref == nil {
		return nil
	}
	return s.each(ctx, s.qs.QuadIterator(quad.Label, ref).Iterate(), f)
}

// setValues sets on q its values in the directions dirs of the quad at
// ref, each node looked up by name; a direction without a node stays
// unset.
func (s *Store) setValues(q *quad.Quad, ref refs.Ref, dirs []quad.Direction, name func(quad.Direction, refs.Ref) (quad.Value, error)) error {
	for _, d := range dirs {
		r, err := s.qs.QuadDirection(ref, d)
		if err != nil {
			return err
		}
		if r == nil {
			continue
		}
		v, err := name(d, r)
		if err != nil {
			return err
		}
		q.Set(d, v)
	}
	return nil
}

func (s *Store) each(ctx context.Context, it interface {
	Next(context.Context) bool
	Result() refs.Ref
	Err() error
	Close() error
}, f func(quad.Quad) error) error {
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		if err := f(q); err != nil {
			return err
		}
	}
	return it.Err()
}

// valueColumns are the columns of Cayley's nodes table a value is read
// from, as csql.QuadStore.NameOf reads them (times aside: they are read
// through NameOf).
const valueColumns = "%[1]s.hash, %[1]s.value, %[1]s.value_string, %[1]s.datatype, %[1]s.language, %[1]s.iri, %[1]s.bnode, %[1]s.value_int, %[1]s.value_bool, %[1]s.value_float"

// sqlNode is one node row as scanned.
type sqlNode struct {
	hash   csql.NodeHash
	data   []byte
	str    sql.NullString
	typ    sql.NullString
	lang   sql.NullString
	iri    sql.NullBool
	bnode  sql.NullBool
	vint   sql.NullInt64
	vbool  sql.NullBool
	vfloat sql.NullFloat64
}

func (n *sqlNode) dest() []interface{} {
	return []interface{}{&n.hash, &n.data, &n.str, &n.typ, &n.lang, &n.iri, &n.bnode, &n.vint, &n.vbool, &n.vfloat}
}

// value decodes the row as csql.QuadStore.NameOf does; a value kept in a
// column not read here (a time) is looked up through the quad store.
func (s *Store) value(n *sqlNode) (quad.Value, error) {
	unescape := func(v string) string { return strings.ReplaceAll(v, `\x00`, "\x00") }
	switch {
	case !n.hash.Valid():
		return nil, nil
	case n.str.Valid:
		switch {
		case n.iri.Bool:
			return quad.IRI(n.str.String), nil
		case n.bnode.Bool:
			return quad.BNode(n.str.String), nil
		case n.lang.Valid:
			return quad.LangString{Value: quad.String(unescape(n.str.String)), Lang: n.lang.String}, nil
		case n.typ.Valid:
			return quad.TypedString{Value: quad.String(unescape(n.str.String)), Type: quad.IRI(n.typ.String)}, nil
		}
		return quad.String(unescape(n.str.String)), nil
	case n.vint.Valid:
		return quad.Int(n.vint.Int64), nil
	case n.vbool.Valid:
		return quad.Bool(n.vbool.Bool), nil
	case n.vfloat.Valid:
		return quad.Float(n.vfloat.Float64), nil
	case len(n.data) > 0:
		v, err := pquads.UnmarshalValue(n.data)
		if err != nil {
			return nil, fmt.Errorf("unmarshal value: %w", err)
		}
		return v, nil
	}
	return s.qs.NameOf(n.hash)
}

// sqlQuads reads the quads matching where (on the quads table "q") with
// the values of their four nodes, in one query.
func (s *Store) sqlQuads(ctx context.Context, where string, args []interface{}, f func(quad.Quad) error) error {
	query := "SELECT " + fmt.Sprintf(valueColumns, "s") + ", " + fmt.Sprintf(valueColumns, "p") + ", " +
		fmt.Sprintf(valueColumns, "o") + ", " + fmt.Sprintf(valueColumns, "l") + `
FROM quads q JOIN nodes s ON s.hash = q.subject_hash JOIN nodes p ON p.hash = q.predicate_hash
JOIN nodes o ON o.hash = q.object_hash LEFT JOIN nodes l ON l.hash = q.label_hash
WHERE ` + where
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("read quads: %w", err)
	}
	defer rows.Close()
	var n [4]sqlNode
	dest := append(append(append(n[0].dest(), n[1].dest()...), n[2].dest()...), n[3].dest()...)
	for rows.Next() {
		n = [4]sqlNode{}
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("read quads: %w", err)
		}
		var vals [4]quad.Value
		for i := range n {
			if vals[i], err = s.value(&n[i]); err != nil {
				return err
			}
		}
		if err := f(quad.Quad{Subject: vals[0], Predicate: vals[1], Object: vals[2], Label: vals[3]}); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ReportDigests returns the digest (<dg:digest>) of every report that has
// one, by the report's label (its IRI without brackets: "report:3f2a"): the digest changes whenever the report's
// quads do, so comparing two of these maps finds the reports added,
// changed and removed in between.
func (s *Store) ReportDigests(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	if s.db != nil {
		err := s.PredicateQuads(ctx, DigestPredicate, func(q quad.Quad) error {
			if l, ok := q.Label.(quad.IRI); ok {
				out[string(l)] = quad.StringOf(q.Object)
			}
			return nil
		})
		return out, err
	}
	// A kv store's iterator holds each quad's node ids: their values are
	// looked up once per store, not once per scan (ids are never reused).
	ref, err := s.qs.ValueOf(DigestPredicate)
	if err != nil || ref == nil {
		return out, err
	}
	name := func(r refs.Ref) (string, bool, error) {
		if r == nil {
			return "", false, nil
		}
		k := r.Key()
		if v, ok := s.names.Load(k); ok {
			return v.(string), true, nil
		}
		v, err := s.qs.NameOf(r)
		if err != nil || v == nil {
			return "", false, err
		}
		str := labelString(v)
		s.names.Store(k, str)
		return str, true, nil
	}
	it := s.qs.QuadIterator(quad.Predicate, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		lr, err := s.qs.QuadDirection(it.Result(), quad.Label)
		if err != nil {
			return nil, err
		}
		or, err := s.qs.QuadDirection(it.Result(), quad.Object)
		if err != nil {
			return nil, err
		}
		l, ok, err := name(lr)
		if err != nil {
			return nil, err
		}
		o, ok2, err := name(or)
		if err != nil {
			return nil, err
		}
		if ok && ok2 && strings.Contains(l, ":") {
			out[l] = o
		}
	}
	return out, it.Err()
}

// ChangeMark is a cheap fingerprint of the store's reports: it differs
// from an earlier one when a report was added, changed or removed since.
// On an embedded store or memstore, which only this process writes, it
// counts this process's writes; on an SQL store, which other processes
// write too, it is the count and the sum of the row numbers of the
// digest quads (one per report, a new row whenever a report changes),
// read from the predicate index in one query.
func (s *Store) ChangeMark(ctx context.Context) (string, error) {
	if s.db == nil {
		return fmt.Sprintf("w%d", s.writes.Load()), nil
	}
	h := refs.HashOf(DigestPredicate)
	var n, sum int64
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(horizon), 0) FROM quads WHERE predicate_hash = $1`, h[:]).Scan(&n, &sum)
	if err != nil {
		return "", fmt.Errorf("change mark: %w", err)
	}
	return fmt.Sprintf("d%d:%d", n, sum), nil
}

// ScanPredicates calls f for every quad of any of the predicates preds,
// in no particular order, and stops at f's first error. A kv store
// (bolt, leveldb, pebble) has no index by predicate alone: it reads all
// its quads once and looks up the values of those of preds only, instead
// of once per predicate; the others read each predicate as
// PredicateQuads does.
func (s *Store) ScanPredicates(ctx context.Context, preds []quad.IRI, f func(quad.Quad) error) error {
	if s.db != nil || s.backend == "memstore" || s.backend == "" {
		for _, p := range preds {
			if err := s.PredicateQuads(ctx, p, f); err != nil {
				return err
			}
		}
		return nil
	}
	want := map[interface{}]quad.IRI{}
	for _, p := range preds {
		ref, err := s.qs.ValueOf(p)
		if err != nil {
			return fmt.Errorf("look up %v: %w", p, err)
		}
		if ref != nil {
			want[ref.Key()] = p
		}
	}
	if len(want) == 0 {
		return nil
	}
	label := func(r refs.Ref) (quad.Value, error) {
		k := r.Key()
		if v, ok := s.names.Load(k); ok {
			return quad.IRI(v.(string)), nil
		}
		v, err := s.qs.NameOf(r)
		if l, ok := v.(quad.IRI); ok && err == nil {
			s.names.Store(k, string(l))
		}
		return v, err
	}
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		pr, err := s.qs.QuadDirection(it.Result(), quad.Predicate)
		if err != nil {
			return err
		}
		if pr == nil {
			continue
		}
		p, ok := want[pr.Key()]
		if !ok {
			continue
		}
		q := quad.Quad{Predicate: p}
		err = s.setValues(&q, it.Result(), []quad.Direction{quad.Subject, quad.Object, quad.Label}, func(d quad.Direction, r refs.Ref) (quad.Value, error) {
			if d == quad.Label {
				return label(r)
			}
			return s.qs.NameOf(r)
		})
		if err != nil {
			return err
		}
		if err := f(q); err != nil {
			return err
		}
	}
	return it.Err()
}
