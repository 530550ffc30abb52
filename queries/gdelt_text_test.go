package queries

import (
	"context"
	"testing"

	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
)

// TestPairSourcesGDELTAndText: one country pair's events coded by GDELT and
// extracted from text reports come back from one saved query, each with
// the format of the report that asserts it.
func TestPairSourcesGDELTAndText(t *testing.T) {
	ctx := context.Background()
	recs, err := ingest.ExtractFiles(ctx, "../testdata/gdelt/fixture.export.CSV",
		"../testdata/reports/b01-pak-rus-jwg-11.txt", "../testdata/reports/b02-rus-pak-ct-talks-moscow.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := graphtest.Open(t, "bolt")
	if _, err := s.WriteRecords(ctx, recs); err != nil {
		t.Fatal(err)
	}
	q, err := LookupSaved("pair-sources")
	if err != nil {
		t.Fatal(err)
	}
	res, err := q.Run(ctx, s.QuadStore(), map[string]string{"a": "country:PAK", "b": "country:RUS"}, Limits{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]map[string]bool{} // format -> events
	for _, r := range res.Rows {
		row := r.(map[string]interface{})
		f, _ := row["format"].(string)
		ev, _ := row["event"].(string)
		if row["source"] == nil || row["target"] == nil {
			t.Fatalf("row %v is not drawable (source/target)", row)
		}
		if formats[f] == nil {
			formats[f] = map[string]bool{}
		}
		formats[f][ev] = true
	}
	jwg := "<event:pak-rus/joint-working-group/counter-terrorism/11>"
	if !formats["text"][jwg] || len(formats["text"]) != 1 {
		t.Errorf("text events = %v, want only %s", formats["text"], jwg)
	}
	if len(formats["gdelt"]) == 0 {
		t.Errorf("no GDELT-coded PAK-RUS event: %v", res.Rows)
	}
	for ev := range formats["gdelt"] {
		if formats["text"][ev] {
			t.Errorf("%s is both GDELT-coded and extracted", ev)
		}
	}
	// the same query restricted to GDELT
	res, err = q.Run(ctx, s.QuadStore(), map[string]string{"a": "country:PAK", "b": "country:RUS", "format": "gdelt"}, Limits{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) == 0 {
		t.Fatal("format=gdelt found nothing")
	}
	for _, r := range res.Rows {
		if f := r.(map[string]interface{})["format"]; f != "gdelt" {
			t.Errorf("format=gdelt returned a %v row", f)
		}
	}
}
