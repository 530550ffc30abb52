package ingest

import (
	"bufio"
	"context"
	"errors"
	"strings"
	"testing"
)

func TestJSONLBrokenMiddleLine(t *testing.T) {
	reps, errs, err := fmtRead(t, jsonlReader{}, "reports.jsonl", fmtFixture(t, "reports.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 2 || len(errs) != 1 {
		t.Fatalf("got %d reports and errors %v, want 2 reports and 1 error", len(reps), errs)
	}
	if !strings.HasPrefix(errs[0].Error(), "reports.jsonl:2: ") {
		t.Errorf("error %q does not name reports.jsonl:2", errs[0])
	}
	fmtCheck(t, reps[0], Report{
		Source: "reports.jsonl:1", Format: "jsonl", Title: "Talks resume", URL: "https://a.example/1",
		Publisher: "Wire A", Published: "2024-03-05",
		Body: "The ministers of France and Germany met in Paris.\nThey signed a treaty.",
	})
	// html: the body comes from the article; the object's title wins over
	// the page's, the page's URL fills the gap.
	fmtCheck(t, reps[1], Report{
		Source: "reports.jsonl:3", Format: "jsonl", Title: "Envoy visit", URL: "https://b.example/2",
		Publisher: "Wire B", Published: "2024-03-06",
		Body: "The envoy of Japan visited Seoul.\nShe met the president.",
	})
}

func TestJSONLItemErrors(t *testing.T) {
	src := strings.Join([]string{
		`{"title": "ok", "text": "Spain and Portugal met."}`,
		``,
		`{"title": "no text"}`,
		`{"text": "Dated badly.", "published": "yesterday"}`,
		`[1, 2]`,
		`{"text": 42}`,
		`{"headline": "alias", "body": "Italy and Greece met.", "date": "2023-05-06", "tags": ["x"], "id": 7}`,
	}, "\n")
	reps, errs, err := fmtRead(t, jsonlReader{}, "x.jsonl", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 3 {
		t.Fatalf("got %d reports, want 3", len(reps))
	}
	if reps[0].Source != "x.jsonl:1" || reps[2].Source != "x.jsonl:7" || reps[2].Title != "alias" ||
		reps[2].Body != "Italy and Greece met." || reps[2].Published != "2023-05-06" {
		t.Errorf("reports: %+v %+v", *reps[0], *reps[2])
	}
	// A date that cannot be read is a warning: the report is kept undated.
	if reps[1].Source != "x.jsonl:4" || reps[1].Published != "" || len(reps[1].Warnings) != 1 ||
		reps[1].Warnings[0] != `x.jsonl:4: published: "yesterday" is not a date; read without a publication date` {
		t.Errorf("undated report: %+v", *reps[1])
	}
	want := []string{
		"x.jsonl:3: no text",
		"x.jsonl:5: not a JSON object",
		"x.jsonl:6: text: not a string",
	}
	if len(errs) != len(want) {
		t.Fatalf("errors %v, want %d", errs, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], w)
		}
	}
}

func TestJSONArrayAndObject(t *testing.T) {
	array := "[\n  {\"title\": \"one\", \"text\": \"Chad and Niger met.\"},\n\n  {\"title\": \"two\",\n   \"text\": \"Mali and Senegal met.\"},\n  {\"title\": \"three\"}\n]\n"
	reps, errs, err := fmtRead(t, jsonlReader{}, "a.json", array)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 2 || len(errs) != 1 {
		t.Fatalf("got %d reports, errors %v", len(reps), errs)
	}
	if reps[0].Source != "a.json:2" || reps[0].Title != "one" || reps[1].Source != "a.json:4" || reps[1].Body != "Mali and Senegal met." {
		t.Errorf("reports %+v %+v", *reps[0], *reps[1])
	}
	if !strings.HasPrefix(errs[0].Error(), "a.json:6: ") {
		t.Errorf("error %q, want a.json:6", errs[0])
	}

	object := "\n{\n  \"title\": \"single\",\n  \"published\": \"2 January 2022\",\n  \"text\": \"Laos and Vietnam met.\"\n}\n"
	reps, errs, err = fmtRead(t, jsonlReader{}, "o.json", object)
	if err != nil || len(errs) > 0 || len(reps) != 1 {
		t.Fatalf("got %d reports, errors %v, err %v", len(reps), errs, err)
	}
	fmtCheck(t, reps[0], Report{Source: "o.json:2", Format: "jsonl", Title: "single", Published: "2022-01-02", Body: "Laos and Vietnam met."})

	_, _, err = fmtRead(t, jsonlReader{}, "bad.json", "[\n{\"text\": \"a\"},\n{\"text\": oops}\n]")
	if err == nil || !strings.HasPrefix(err.Error(), "bad.json:3: bad JSON") {
		t.Errorf("err = %v, want bad.json:3: bad JSON", err)
	}
}

func TestJSONLLongLineAndStop(t *testing.T) {
	long := `{"text": "` + strings.Repeat("Oman and Qatar met. ", 20000) + `"}`
	src := long + "\n" + `{"text": "Second."}` + "\n"
	reps, errs, err := fmtRead(t, jsonlReader{}, "l.jsonl", src)
	if err != nil || len(errs) > 0 || len(reps) != 2 || reps[1].Source != "l.jsonl:2" {
		t.Fatalf("got %d reports, errors %v, err %v", len(reps), errs, err)
	}
	stop := errors.New("stop")
	n := 0
	err = jsonlReader{}.Read(context.Background(), "s.jsonl", strings.NewReader(src), func(Doc) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("err %v after %d docs, want stop after 1", err, n)
	}
}

func TestReadLineLimit(t *testing.T) {
	br := bufio.NewReaderSize(strings.NewReader(strings.Repeat("x", 100)+"\nshort\n"), 16)
	line, n, err := readLine(br, 50)
	if line != nil || n != 101 || err != nil {
		t.Errorf("long line: %q %d %v", line, n, err)
	}
	line, n, err = readLine(br, 50)
	if string(line) != "short\n" || n != 6 || err != nil {
		t.Errorf("short line: %q %d %v", line, n, err)
	}
}
