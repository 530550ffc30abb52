package queries

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
)

// savedCase is one saved query, its arguments and the rows it must return:
// exactly len(Rows) rows, each holding at least the given fields.
type savedCase struct {
	Query  string                   `json:"query"`
	Params map[string]string        `json:"params"`
	Rows   []map[string]interface{} `json:"rows"`
}

func loadCases(t *testing.T, path string) []savedCase {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cs []savedCase
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return cs
}

// normRows turns query results into what encoding/json would decode.
func normRows(t *testing.T, res []interface{}) []map[string]interface{} {
	t.Helper()
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]interface{}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func checkRows(t *testing.T, name string, got []map[string]interface{}, want []map[string]interface{}) {
	t.Helper()
	if len(got) != len(want) {
		b, _ := json.MarshalIndent(got, "", "  ")
		t.Fatalf("%s: %d rows, want %d:\n%s", name, len(got), len(want), b)
	}
	for i, w := range want {
		for k, wv := range w {
			if gv := got[i][k]; !reflect.DeepEqual(gv, wv) {
				t.Errorf("%s: row %d: %s = %#v, want %#v", name, i, k, gv, wv)
			}
		}
		if got[i]["source"] == nil || got[i]["target"] == nil {
			t.Errorf("%s: row %d has no source/target for the console's graph view: %v", name, i, got[i])
		}
	}
}

func runCases(t *testing.T, qs cgraph.QuadStore, cases []savedCase) map[string]bool {
	covered := map[string]bool{}
	for _, c := range cases {
		q, err := LookupSaved(c.Query)
		if err != nil {
			t.Fatal(err)
		}
		covered[c.Query] = true
		res, err := q.Run(context.Background(), qs, c.Params, Limits{Limit: 1000})
		if err != nil {
			t.Fatalf("%s %v: %v", c.Query, c.Params, err)
		}
		checkRows(t, c.Query+" "+strings.TrimSpace(strings.Join(sortedParams(c.Params), " ")), normRows(t, res.Rows), c.Rows)
	}
	return covered
}

func sortedParams(m map[string]string) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	sortStrings(out)
	return out
}

func TestSavedQueriesOnFixture(t *testing.T) {
	s := fixtureStore(t)
	covered := runCases(t, s.QuadStore(), loadCases(t, "../testdata/fixtures/queries.expected.json"))
	for _, q := range Saved() {
		if !covered[q.Name] {
			t.Errorf("saved query %s has no test case", q.Name)
		}
	}
}

func TestSavedList(t *testing.T) {
	want := []string{"fact-reports", "meetings-between", "pair-sources", "partners", "person-events", "planned-after", "series-history", "who-met-whom"}
	var got []string
	for _, q := range Saved() {
		got = append(got, q.Name)
		if q.Description == "" || q.Text == "" {
			t.Errorf("%s: no description or text", q.Name)
		}
		for _, p := range q.Params {
			if p.Description == "" {
				t.Errorf("%s: parameter %s has no description", q.Name, p.Name)
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("saved queries %v, want %v", got, want)
	}
	q, _ := LookupSaved("who-met-whom")
	if u := q.Usage(); u != "who-met-whom from=DATE to=DATE [type=STRING]" {
		t.Errorf("usage %q", u)
	}
}

func TestSavedParamErrors(t *testing.T) {
	s := fixtureStore(t)
	q, err := LookupSaved("meetings-between")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		params map[string]string
		want   string
	}{
		{map[string]string{"a": "<country:PAK>"}, "parameter b: missing"},
		{map[string]string{"a": "<country:PAK>", "b": "<country:RUS>", "c": "x"}, "unknown parameter(s) c"},
		{map[string]string{"a": "<country PAK>", "b": "<country:RUS>"}, "is not an IRI"},
	} {
		_, err := q.Run(context.Background(), s.QuadStore(), tc.params, Limits{})
		var pe *ParamError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want a ParamError containing %q", tc.params, err, tc.want)
		}
	}
	w, _ := LookupSaved("planned-after")
	if _, err := w.Bind(map[string]string{"after": "next year"}); err == nil || !strings.Contains(err.Error(), "not an ISO date") {
		t.Errorf("bad date: %v", err)
	}
	if _, err := LookupSaved("nope"); !errors.Is(err, ErrUnknownSaved) {
		t.Errorf("unknown query: %v", err)
	}
}

// TestSavedParamsAreData shows that a parameter cannot inject code: it
// reaches the script as a JSON string.
func TestSavedParamsAreData(t *testing.T) {
	s := fixtureStore(t)
	q, _ := LookupSaved("fact-reports")
	evil := `"); g.emit("pwned"); ("`
	res, err := q.Run(context.Background(), s.QuadStore(), map[string]string{
		"subject": "<country:PAK>", "predicate": "<dg:hosted>", "object": evil}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 0 {
		t.Fatalf("got %v", res.Rows)
	}
	src, _ := q.Source(map[string]string{"object": evil})
	if !strings.HasPrefix(src, `var params = {"object":"\"); g.emit(\"pwned\"); (\""};`) {
		t.Errorf("params object: %.80s", src)
	}
}

func TestParseSavedErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"g.emit(1)", "no @description"},
		{"// @description x\n// @param a nope y\n", "unknown type"},
		{"// @description x\n// @default a 1\n", "undeclared parameter"},
		{"// @description x\n// @bogus\n", "unknown header line"},
	} {
		if _, err := ParseSaved("t", tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.text, err, tc.want)
		}
	}
	if _, err := ParseParams([]string{"a=1", "a=2"}); err == nil {
		t.Error("repeated parameter accepted")
	}
	if _, err := ParseParams([]string{"novalue"}); err == nil {
		t.Error("parameter without = accepted")
	}
	m, err := ParseParams([]string{"a=x=y", "b="})
	if err != nil || m["a"] != "x=y" || m["b"] != "" {
		t.Errorf("ParseParams: %v %v", m, err)
	}
}
