package ingest

import (
	"reflect"
	"testing"
)

// TestTextHeaderLenient: a header value that is no date, or a key the
// reader does not know, costs a warning naming the file and line, never
// the report; the rest of the header is still read.
func TestTextHeaderLenient(t *testing.T) {
	cases := []struct {
		name, src string
		want      Report
		warnings  []string
	}{
		{"unknown.txt", "title: Envoys meet\npublished: unknown\n\nThe envoys met in Lusaka.\n",
			Report{Title: "Envoys meet", Body: "The envoys met in Lusaka."}, nil},
		{"garbled.txt", "title: Envoys meet\npublisher: Daily Wire\npublished: sometime in spring\n\nThe envoys met.\n",
			Report{Title: "Envoys meet", Publisher: "Daily Wire", Body: "The envoys met."},
			[]string{`garbled.txt:3: published: "sometime in spring" is not a date; read without a publication date`}},
		{"extra.txt", "title: Envoys meet\nwordcount: 312\nurl: https://example.org/a\npublished: 2024-02-03\n\nThe envoys met.\n",
			Report{Title: "Envoys meet", URL: "https://example.org/a", Published: "2024-02-03", Body: "The envoys met."},
			[]string{`extra.txt:2: unknown header key "wordcount" ignored`}},
		// A first paragraph of "WORD: text" lines with no known key is the
		// body's dateline, not a header.
		{"dateline.txt", "LUSAKA: The envoys met on Monday.\n\nThey agreed to meet again.\n",
			Report{Body: "LUSAKA: The envoys met on Monday.\n\nThey agreed to meet again."}, nil},
	}
	for _, c := range cases {
		reps, errs, err := fmtRead(t, textReader{}, c.name, c.src)
		if err != nil || len(errs) > 0 || len(reps) != 1 {
			t.Errorf("%s: reports %d, errors %v %v; want one report", c.name, len(reps), errs, err)
			continue
		}
		got := reps[0]
		if got.Title != c.want.Title || got.URL != c.want.URL || got.Publisher != c.want.Publisher ||
			got.Published != c.want.Published || got.Body != c.want.Body {
			t.Errorf("%s: got %+v, want %+v", c.name, *got, c.want)
		}
		if !reflect.DeepEqual(got.Warnings, c.warnings) {
			t.Errorf("%s: warnings %q, want %q", c.name, got.Warnings, c.warnings)
		}
	}
}
