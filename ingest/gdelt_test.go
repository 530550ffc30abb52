package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest/gazetteer"
	"github.com/diplograph/diplograph/queries"
	"github.com/diplograph/diplograph/schema"
)

const (
	gdeltFixture = "../testdata/gdelt/fixture.export.CSV"
	gdeltReal    = "../../shared/data/gdelt/20191024143000.export.CSV"
)

// readGDELT reads a GDELT file with a fresh reader and returns its records,
// its row errors and the reader's counts.
func readGDELT(t *testing.T, path string) ([]*schema.Record, []error, GDELTCounts) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := &GDELTReader{}
	var recs []*schema.Record
	var errs []error
	err = r.Read(context.Background(), path, f, func(d Doc) error {
		switch {
		case d.Err != nil:
			errs = append(errs, d.Err)
		case d.Record != nil:
			recs = append(recs, d.Record)
		default:
			t.Errorf("GDELT reader emitted a Doc without Record or Err: %+v", d)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	return recs, errs, r.Counts()
}

func participants(iso3s ...string) []schema.Role {
	var out []schema.Role
	for _, c := range iso3s {
		out = append(out, schema.Role{Actor: schema.CountryIRI(c), Predicate: schema.ParticipatedIn})
	}
	return out
}

func role(iso3 string, p quad.IRI) schema.Role {
	return schema.Role{Actor: schema.CountryIRI(iso3), Predicate: p}
}

func countryEntity(iso3, name string) schema.Entity {
	return schema.Entity{IRI: schema.CountryIRI(iso3), Class: schema.Country, Name: name}
}

func TestGDELTFixture(t *testing.T) {
	recs, errs, counts := readGDELT(t, gdeltFixture)
	if len(errs) != 0 {
		t.Fatalf("row errors: %v", errs)
	}
	if want := (GDELTCounts{Read: 13, Kept: 7, Merged: 2, Skipped: 4}); counts != want {
		t.Errorf("counts = %+v, want %+v", counts, want)
	}

	const (
		urlA = "https://www.dawn.com/news/1512345/pakistan-russia-talks"
		urlB = "https://tass.com/politics/1085000"
		urlC = "https://www.xinhuanet.com/english/2019-10/24/c_138498000.htm"
		urlD = "https://www.thehindu.com/news/national/us-india-visit/article29780000.ece"
	)
	islamabad := schema.PlaceIRI("PAK", "Islamabad")
	moscow := schema.PlaceIRI("RUS", "Moscow")
	newDelhi := schema.PlaceIRI("IND", "New Delhi")
	washington := schema.PlaceIRI("USA", "Washington")
	want := []*schema.Record{
		{ // rows 1-4: 040 kept, 040 reversed and 046 merged, 141 skipped
			Report: schema.ReportInfo{Format: "gdelt", ID: schema.URLReportID(urlA), URL: urlA, Publisher: "www.dawn.com",
				Published: "2019-10-24", Source: gdeltFixture + ":1"},
			Events: []schema.EventInfo{{
				IRI: "event:meeting/PAK-RUS/2019-10-24", Name: "Pakistan-Russia meeting, 2019-10-24",
				Kind: "meeting", CAMEO: "040", Date: "2019-10-24", HeldIn: islamabad, Status: "held",
				Roles: participants("RUS", "PAK"),
			}},
			Entities: []schema.Entity{countryEntity("PAK", "Pakistan"), countryEntity("RUS", "Russia"),
				{IRI: islamabad, Class: schema.Place, Name: "Islamabad", Country: "country:PAK"}},
		},
		{ // row 5: the same event from another source, kept in its own report
			Report: schema.ReportInfo{Format: "gdelt", ID: schema.URLReportID(urlB), URL: urlB, Publisher: "tass.com",
				Published: "2019-10-24", Source: gdeltFixture + ":5"},
			Events: []schema.EventInfo{{
				IRI: "event:meeting/PAK-RUS/2019-10-24", Name: "Pakistan-Russia meeting, 2019-10-24",
				Kind: "meeting", CAMEO: "040", Date: "2019-10-24", HeldIn: "country:PAK", Status: "held",
				Roles: participants("RUS", "PAK"),
			}},
			Entities: []schema.Entity{countryEntity("PAK", "Pakistan"), countryEntity("RUS", "Russia")},
		},
		{ // rows 6-8: call, hosted visit and signing
			Report: schema.ReportInfo{Format: "gdelt", ID: schema.URLReportID(urlC), URL: urlC, Publisher: "www.xinhuanet.com",
				Published: "2019-10-24", Source: gdeltFixture + ":6"},
			Events: []schema.EventInfo{{
				IRI: "event:call/CHN-RUS/2019-10-24", Name: "China-Russia call, 2019-10-24",
				Kind: "call", CAMEO: "041", Date: "2019-10-24", HeldIn: "country:CHN", Status: "held",
				Roles: participants("RUS", "CHN"),
			}, {
				IRI: "event:visit/CHN-RUS/2019-10-24", Name: "China-Russia visit, 2019-10-24",
				Kind: "visit", CAMEO: "043", Date: "2019-10-24", HeldIn: moscow, Status: "held",
				Roles: append(participants("RUS", "CHN"), role("RUS", schema.Hosted)),
			}, {
				IRI: "event:signing/CHN-RUS/2019-10-24", Name: "China-Russia signing, 2019-10-24",
				Kind: "signing", CAMEO: "057", Date: "2019-10-24", HeldIn: moscow, Status: "held",
				Roles: append(participants("CHN", "RUS"), role("CHN", schema.Signed), role("RUS", schema.Signed)),
			}},
			Entities: []schema.Entity{countryEntity("CHN", "China"), countryEntity("RUS", "Russia"),
				{IRI: moscow, Class: schema.Place, Name: "Moscow", Country: "country:RUS"}},
		},
		{ // rows 9-11: a visit to India, intent to meet, 190 skipped
			Report: schema.ReportInfo{Format: "gdelt", ID: schema.URLReportID(urlD), URL: urlD, Publisher: "www.thehindu.com",
				Published: "2019-10-24", Source: gdeltFixture + ":9"},
			Events: []schema.EventInfo{{
				IRI: "event:visit/IND-USA/2019-10-23", Name: "India-United States visit, 2019-10-23",
				Kind: "visit", CAMEO: "042", Date: "2019-10-23", HeldIn: newDelhi, Status: "held",
				Roles: append(participants("USA", "IND"), role("IND", schema.Hosted)),
			}, {
				IRI: "event:meeting/IND-USA/2019-10-23", Name: "India-United States meeting, 2019-10-23",
				Kind: "meeting", CAMEO: "036", Date: "2019-10-23", HeldIn: washington, Status: "held",
				Roles: participants("USA", "IND"),
			}},
			Entities: []schema.Entity{countryEntity("IND", "India"), countryEntity("USA", "United States"),
				{IRI: newDelhi, Class: schema.Place, Name: "New Delhi", Country: "country:IND"},
				{IRI: washington, Class: schema.Place, Name: "Washington", Country: "country:USA"}},
		},
		// rows 12-13 (EU and Russia; Russia alone) are skipped: no report.
	}
	if len(recs) != len(want) {
		t.Fatalf("got %d records, want %d", len(recs), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(recs[i], want[i]) {
			got, _ := json.MarshalIndent(recs[i], "", "  ")
			exp, _ := json.MarshalIndent(want[i], "", "  ")
			t.Errorf("record %d:\ngot  %s\nwant %s", i, got, exp)
		}
	}
	// The records become quads without trouble, labelled by their report.
	for _, r := range recs {
		for _, q := range r.Quads() {
			if q.Label != r.Report.IRI() {
				t.Fatalf("quad %v not labelled %v", q, r.Report.IRI())
			}
		}
	}
}

func TestGDELTMalformedRowsGoOn(t *testing.T) {
	good, err := os.ReadFile(gdeltFixture)
	if err != nil {
		t.Fatal(err)
	}
	first := strings.SplitAfter(string(good), "\n")[0]
	bad := "881990099\t20191024\tshort row\n"
	badDate := strings.Replace(strings.TrimSuffix(first, "\n"), "\t20191024\t", "\t20191399\t", 1)
	in := bad + first + badDate + "\r\n\n" + strings.TrimSuffix(first, "\n") // CRLF, a blank line, no final newline
	r := &GDELTReader{}
	var recs []*schema.Record
	var errs []error
	if err := r.Read(context.Background(), "x.export.CSV", strings.NewReader(in), func(d Doc) error {
		if d.Err != nil {
			errs = append(errs, d.Err)
		} else {
			recs = append(recs, d.Record)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(errs) != 2 || !strings.HasPrefix(errs[0].Error(), "x.export.CSV:1: 3 tab-separated columns") ||
		!strings.HasPrefix(errs[1].Error(), "x.export.CSV:3: SQLDATE") {
		t.Errorf("errors = %v", errs)
	}
	if want := (GDELTCounts{Read: 4, Kept: 1, Merged: 1, Skipped: 2}); r.Counts() != want {
		t.Errorf("counts = %+v, want %+v", r.Counts(), want)
	}
	if len(recs) != 1 || len(recs[0].Events) != 1 {
		t.Errorf("records = %+v", recs)
	}

	// emit's error stops reading and is returned.
	stop := errors.New("stop")
	if err := (&GDELTReader{}).Read(context.Background(), "x", strings.NewReader(in), func(Doc) error { return stop }); err != stop {
		t.Errorf("Read returned %v, want emit's error", err)
	}
}

func TestGDELTFormat(t *testing.T) {
	head, err := os.ReadFile(gdeltFixture)
	if err != nil {
		t.Fatal(err)
	}
	if !sniffGDELT(head) || !sniffGDELT(head[:200]) {
		t.Error("fixture not sniffed as GDELT")
	}
	for _, s := range []string{"title: x\n\nbody", "a\tb\tc\n", strings.Repeat("1\t", 60) + "1\n", "<html>"} {
		if sniffGDELT([]byte(s)) {
			t.Errorf("%q sniffed as GDELT", s)
		}
	}
	for name, want := range map[string]bool{
		"20191024143000.export.CSV": true, "dir/x.export.csv.gz": true, "a.gdelt": true,
		"mentions.CSV": false, "x.export.txt": false,
	} {
		if IsGDELTExportName(name) != want {
			t.Errorf("IsGDELTExportName(%q) = %v", name, !want)
		}
	}
	reg := DefaultRegistry()
	for path, head := range map[string][]byte{"20191024143000.export.CSV": head, "feed.gdelt": nil} {
		r, err := reg.Choose("", path, head)
		if err != nil || r.Name() != "gdelt" {
			t.Errorf("Choose(%q) = %v, %v; want gdelt", path, r, err)
		}
		if _, ok := r.(interface{ Counts() GDELTCounts }); !ok {
			t.Errorf("reader of %q has no Counts", path)
		}
	}
}

// TestGDELTRealExport reads a real 15-minute export, checks the reader's
// counts against counts made here from the raw columns, loads the records
// into a memstore and asks it which countries met Russia on 2019-10-24.
func TestGDELTRealExport(t *testing.T) {
	if _, err := os.Stat(gdeltReal); err != nil {
		t.Skipf("no real export: %v", err)
	}
	// Independent counts straight from the columns.
	g := gazetteer.Default()
	f, err := os.Open(gdeltReal)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var want GDELTCounts
	type key struct{ url, kind, countries, date string }
	occurrences := map[key]bool{}
	events := map[string]bool{}
	metRussia := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 61 {
			t.Fatalf("real export row with %d columns", len(cols))
		}
		want.Read++
		root := cols[28]
		if root != "03" && root != "04" && root != "05" {
			want.Skipped++
			continue
		}
		a, aok := g.CountryByISO3(cols[7])
		b, bok := g.CountryByISO3(cols[17])
		if !aok || !bok || a.ISO3 == b.ISO3 {
			want.Skipped++
			continue
		}
		kind := map[string]string{"041": "call", "042": "visit", "043": "visit", "057": "signing"}[cols[26]]
		if kind == "" {
			kind = "meeting"
		}
		pair := []string{a.ISO3, b.ISO3}
		sort.Strings(pair)
		date := cols[1][:4] + "-" + cols[1][4:6] + "-" + cols[1][6:8]
		k := key{cols[60], kind, strings.Join(pair, "-"), date}
		if occurrences[k] {
			want.Merged++
		} else {
			occurrences[k] = true
			want.Kept++
		}
		events[fmt.Sprintf("event:%s/%s/%s", kind, k.countries, date)] = true
		if date == "2019-10-24" && (a.ISO3 == "RUS" || b.ISO3 == "RUS") {
			other := a.ISO3
			if other == "RUS" {
				other = b.ISO3
			}
			metRussia["country:"+other] = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}

	recs, errs, counts := readGDELT(t, gdeltReal)
	if len(errs) != 0 {
		t.Errorf("row errors: %v", errs)
	}
	t.Logf("real export: %d rows read, %d kept, %d merged, %d skipped; %d reports, %d events",
		counts.Read, counts.Kept, counts.Merged, counts.Skipped, len(recs), len(events))
	if counts != want {
		t.Errorf("counts = %+v, computed from the columns %+v", counts, want)
	}
	if len(metRussia) == 0 {
		t.Fatal("the export has no event with Russia on 2019-10-24; the test proves nothing")
	}

	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, r := range recs {
		if err := s.WriteBatch(ctx, r.Quads()); err != nil {
			t.Fatal(err)
		}
	}

	// Every distinct event is one node.
	res, err := queries.Run(ctx, s.QuadStore(), "gizmo",
		`g.V("<dg:Event>").In("<rdf:type>").All();`, queries.Limits{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	if got := resultIDs(t, res); len(got) != len(events) {
		t.Errorf("%d event nodes in the store, want %d", len(got), len(events))
	}

	// Which countries met Russia on that day?
	const q = `
var russia = g.V("<country:RUS>");
russia.Out("<dg:participated_in>").Has("<dg:date>", "2019-10-24")
	.In("<dg:participated_in>").Has("<rdf:type>", "<dg:Country>")
	.Except(russia).Unique().All();`
	res, err = queries.Run(ctx, s.QuadStore(), "gizmo", q, queries.Limits{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	got := resultIDs(t, res)
	if !reflect.DeepEqual(got, metRussia) {
		t.Errorf("countries that met Russia on 2019-10-24: got %v, want %v", keys(got), keys(metRussia))
	}
	t.Logf("met Russia on 2019-10-24: %v", keys(got))
}

// resultIDs collects the "id" of Gizmo results as IRIs without brackets.
func resultIDs(t *testing.T, res []interface{}) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, r := range res {
		m, ok := r.(map[string]interface{})
		if !ok {
			t.Fatalf("result %#v is not an object", r)
		}
		var id string
		switch v := m["id"].(type) {
		case string:
			id = v
		case quad.Value:
			id = quad.ToString(v)
		case map[string]interface{}:
			id, _ = v["@id"].(string)
		default:
			t.Fatalf("result %#v has no id", r)
		}
		out[strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">")] = true
	}
	return out
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
