package web

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/ingest/extract"
	"github.com/diplograph/diplograph/ingest/identity"
	"github.com/diplograph/diplograph/queries"
)

// TestSearchFindsEveryForm ingests reports that write one person's name in
// several ways, resolving people, and searches for each form: every one
// finds the one node (through its <dg:alias> quads).
func TestSearchFindsEveryForm(t *testing.T) {
	ctx := context.Background()
	files, _ := filepath.Glob("../../ingest/identity/testdata/reports/*.txt")
	if len(files) == 0 {
		t.Fatal("no test reports of ingest/identity")
	}
	s := graphtest.Open(t, "memstore")
	x, err := extract.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	rules, err := identity.DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Ingest(ctx, files, ingest.DefaultRegistry(), x, s, ingest.Options{Identity: identity.NewResolver(rules, nil, s)}); err != nil {
		t.Fatal(err)
	}
	h := New(s, Options{Limits: queries.Limits{Limit: 100, Timeout: 5 * time.Second}, Refresh: -1})
	t.Cleanup(func() { h.Close() })
	waitIndexed(t, h) // the forms are found once the index is built
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	for q, want := range map[string]string{
		// words only the forms that are not the name shown have
		"Sergei":        "person:sergey-lavrov",
		"Subrahmanyam":  "person:s-jaishankar",
		"Jeyhun":        "person:jahun-bayramov",
		"Sergey Lavrov": "person:sergey-lavrov",
	} {
		var res struct{ Results []hit }
		getJSON(t, ts.URL+"/api/search?q="+strings.ReplaceAll(q, " ", "+"), &res)
		if len(res.Results) == 0 || res.Results[0].ID != want {
			var got []string
			for _, r := range res.Results {
				got = append(got, r.ID)
			}
			t.Errorf("%q finds %v, want %s first", q, got, want)
		}
	}
}
