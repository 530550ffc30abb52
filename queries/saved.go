package queries

import (
	"bufio"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
)

// The saved queries are the files saved/NAME.js. Each begins with a header
// of comment lines:
//
//	// @description Meetings between two countries: dates, places, ordinals, kinds.
//	// @param a iri A country, e.g. <country:PAK>
//	// @param kind string Only events of this kind (meeting, call, ...); all when empty
//	// @default kind
//
// "@param NAME TYPE TEXT" declares a parameter; "@default NAME [VALUE]"
// makes it optional (an empty VALUE is allowed). Files whose names start
// with "_" are not queries: _prelude.js holds helpers prepended to every
// saved query. A query reads its arguments from the object params (values
// are JSON strings, set before the script runs; never pasted into code) and
// emits rows with g.emit; rows carry "source" and "target" so that Cayley's
// console can draw them.
//
//go:embed saved/*.js
var savedFS embed.FS

// Parameter types of saved queries.
const (
	ParamIRI    = "iri"    // a node: <country:PAK> or country:PAK
	ParamDate   = "date"   // an ISO date, as precise as wanted: 2024, 2024-05, 2024-05-14
	ParamInt    = "int"    // a decimal integer
	ParamString = "string" // any text
	ParamValue  = "value"  // a node or a literal: <place:pak/islamabad>, "2023-11-16", 10
)

// SavedParam is one named parameter of a saved query.
type SavedParam struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Description string `json:"description"`
	Required    bool   `json:"required"`
	Default     string `json:"default,omitempty"`
}

// SavedQuery is a Gizmo query shipped with diplograph, with a description
// and named parameters.
type SavedQuery struct {
	Name        string       `json:"name"`
	Description string       `json:"description"`
	Params      []SavedParam `json:"params"`
	// Text is the query's Gizmo source as stored (without the prelude and
	// the params object).
	Text string `json:"text"`
}

var (
	savedOnce  sync.Once
	savedList  []*SavedQuery
	savedErr   error
	preludeSrc string
)

func loadSaved() {
	b, err := savedFS.ReadFile("saved/_prelude.js")
	if err != nil {
		savedErr = err
		return
	}
	preludeSrc = string(b)
	names, err := fs.Glob(savedFS, "saved/*.js")
	if err != nil {
		savedErr = err
		return
	}
	for _, n := range names {
		base := path.Base(n)
		if strings.HasPrefix(base, "_") {
			continue
		}
		b, err := savedFS.ReadFile(n)
		if err != nil {
			savedErr = err
			return
		}
		q, err := ParseSaved(strings.TrimSuffix(base, ".js"), string(b))
		if err != nil {
			savedErr = err
			return
		}
		savedList = append(savedList, q)
	}
	sort.Slice(savedList, func(i, j int) bool { return savedList[i].Name < savedList[j].Name })
}

// Saved returns every saved query, sorted by name. The result is shared:
// do not modify it.
func Saved() []*SavedQuery {
	savedOnce.Do(loadSaved)
	if savedErr != nil {
		// The files are embedded and tested: an error is a build defect.
		panic("queries: bad saved query: " + savedErr.Error())
	}
	return savedList
}

// ErrUnknownSaved is returned by LookupSaved for a name that is not a saved query.
var ErrUnknownSaved = errors.New("unknown saved query")

// LookupSaved returns the saved query called name.
func LookupSaved(name string) (*SavedQuery, error) {
	var names []string
	for _, q := range Saved() {
		if q.Name == name {
			return q, nil
		}
		names = append(names, q.Name)
	}
	return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownSaved, name, strings.Join(names, ", "))
}

var (
	reParam   = regexp.MustCompile(`^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+(\w+)\s*(.*)$`)
	reDefault = regexp.MustCompile(`^@default\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+(.*))?$`)
	reDesc    = regexp.MustCompile(`^@description\s+(.*)$`)
)

// ParseSaved reads the header of a saved query's source: its description,
// parameters and defaults.
func ParseSaved(name, text string) (*SavedQuery, error) {
	q := &SavedQuery{Name: name, Text: text}
	sc := bufio.NewScanner(strings.NewReader(text))
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "//") {
			break
		}
		t = strings.TrimSpace(strings.TrimPrefix(t, "//"))
		if !strings.HasPrefix(t, "@") {
			if q.Description != "" && len(q.Params) == 0 && t != "" {
				q.Description += " " + t // continued description
			}
			continue
		}
		switch {
		case reDesc.MatchString(t):
			q.Description = reDesc.FindStringSubmatch(t)[1]
		case reParam.MatchString(t):
			m := reParam.FindStringSubmatch(t)
			switch m[2] {
			case ParamIRI, ParamDate, ParamInt, ParamString, ParamValue:
			default:
				return nil, fmt.Errorf("saved/%s.js:%d: parameter %s has unknown type %q", name, line, m[1], m[2])
			}
			if q.param(m[1]) != nil {
				return nil, fmt.Errorf("saved/%s.js:%d: parameter %s declared twice", name, line, m[1])
			}
			q.Params = append(q.Params, SavedParam{Name: m[1], Type: m[2], Description: m[3], Required: true})
		case reDefault.MatchString(t):
			m := reDefault.FindStringSubmatch(t)
			p := q.param(m[1])
			if p == nil {
				return nil, fmt.Errorf("saved/%s.js:%d: default for undeclared parameter %s", name, line, m[1])
			}
			p.Required = false
			p.Default = strings.TrimSpace(m[2])
		default:
			return nil, fmt.Errorf("saved/%s.js:%d: unknown header line %q", name, line, t)
		}
	}
	if q.Description == "" {
		return nil, fmt.Errorf("saved/%s.js: no @description", name)
	}
	return q, nil
}

func (q *SavedQuery) param(name string) *SavedParam {
	for i := range q.Params {
		if q.Params[i].Name == name {
			return &q.Params[i]
		}
	}
	return nil
}

// Usage is a one-line synopsis: "NAME a=IRI b=IRI [kind=STRING]".
func (q *SavedQuery) Usage() string {
	parts := []string{q.Name}
	for _, p := range q.Params {
		s := p.Name + "=" + strings.ToUpper(p.Type)
		if !p.Required {
			s = "[" + s + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// ParamError says what is wrong with the arguments of a saved query.
type ParamError struct {
	Query string
	Param string
	Msg   string
}

// Error says which query and parameter are wrong, and how.
func (e *ParamError) Error() string {
	if e.Param == "" {
		return fmt.Sprintf("saved query %s: %s", e.Query, e.Msg)
	}
	return fmt.Sprintf("saved query %s: parameter %s: %s", e.Query, e.Param, e.Msg)
}

var reDate = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// Bind checks params against the query's declarations, fills in defaults
// and normalises values (IRIs get their angle brackets). It fails with a
// *ParamError on a missing, unknown or malformed parameter.
func (q *SavedQuery) Bind(params map[string]string) (map[string]string, error) {
	out := make(map[string]string, len(q.Params))
	var unknown []string
	for k := range params {
		if q.param(k) == nil {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		var known []string
		for _, p := range q.Params {
			known = append(known, p.Name)
		}
		return nil, &ParamError{Query: q.Name, Msg: fmt.Sprintf("unknown parameter(s) %s (takes: %s)",
			strings.Join(unknown, ", "), strings.Join(known, ", "))}
	}
	for _, p := range q.Params {
		v, ok := params[p.Name]
		if !ok {
			if p.Required {
				return nil, &ParamError{Query: q.Name, Param: p.Name, Msg: "missing (" + p.Type + ": " + p.Description + ")"}
			}
			v = p.Default
		}
		v = strings.TrimSpace(v)
		if v == "" && !p.Required {
			out[p.Name] = ""
			continue
		}
		nv, err := normParam(p.Type, v)
		if err != nil {
			return nil, &ParamError{Query: q.Name, Param: p.Name, Msg: err.Error()}
		}
		out[p.Name] = nv
	}
	return out, nil
}

func normParam(typ, v string) (string, error) {
	switch typ {
	case ParamIRI:
		s := strings.TrimSuffix(strings.TrimPrefix(v, "<"), ">")
		if s == "" || strings.ContainsAny(s, "<> \t\n\"{}|^`\\") {
			return "", fmt.Errorf("%q is not an IRI (write it as <country:PAK>)", v)
		}
		return "<" + s + ">", nil
	case ParamDate:
		if !reDate.MatchString(v) {
			return "", fmt.Errorf("%q is not an ISO date (2024, 2024-05 or 2024-05-14)", v)
		}
		return v, nil
	case ParamInt:
		if _, err := strconv.Atoi(v); err != nil {
			return "", fmt.Errorf("%q is not an integer", v)
		}
		return v, nil
	case ParamValue:
		if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
			if u, err := strconv.Unquote(v); err == nil {
				return u, nil
			}
			return v[1 : len(v)-1], nil
		}
		return v, nil
	default:
		return v, nil
	}
}

// Source is the complete Gizmo program run for the given (bound)
// arguments: the params object as a JSON literal, the prelude, the query.
func (q *SavedQuery) Source(bound map[string]string) (string, error) {
	Saved() // loads the prelude
	b, err := json.Marshal(bound)
	if err != nil {
		return "", err
	}
	return "var params = " + string(b) + ";\n" + preludeSrc + "\n" + q.Text, nil
}

// Run binds params, runs the query against qs under lim and returns its
// rows (JSON-ready maps) and whether the row limit cut them. Bad
// parameters fail with a *ParamError before anything runs.
func (q *SavedQuery) Run(ctx context.Context, qs cgraph.QuadStore, params map[string]string, lim Limits) (Result, error) {
	bound, err := q.Bind(params)
	if err != nil {
		return Result{}, err
	}
	src, err := q.Source(bound)
	if err != nil {
		return Result{}, err
	}
	// LIMIT tells a query how many rows will be read (one more than are
	// kept, which tells whether the limit cut them), so that it can
	// describe only those; without a limit the prelude sets none.
	if lim = lim.norm(); lim.Limit > 0 {
		src = fmt.Sprintf("var LIMIT = %d;\n", lim.Limit+1) + src
	}
	res, err := run(ctx, qs, "gizmo", "", src, query.JSON, lim)
	if err != nil {
		return res, fmt.Errorf("saved query %s: %w", q.Name, err)
	}
	return res, nil
}

// ParseParams turns "k=v" arguments into a map, failing on a malformed or
// repeated one.
func ParseParams(kvs []string) (map[string]string, error) {
	out := make(map[string]string, len(kvs))
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, fmt.Errorf("parameter %q: want NAME=VALUE", kv)
		}
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("parameter %s given twice", k)
		}
		out[k] = v
	}
	return out, nil
}
