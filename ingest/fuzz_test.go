package ingest

// Fuzz targets for every reader. Each feeds arbitrary bytes to one reader
// and checks that it does not panic, that every error names the input,
// that every report it emits is well formed and that the record extracted
// from it (or read whole, for GDELT) is a set of valid quads, all labelled
// with the report's IRI, whose N-Quads re-parse to the same quads.
//
// Seed corpora are in testdata/fuzz/FuzzXxxReader (Go's corpus format) and
// are run by plain `go test`; `.ci/run` fuzzes each target for a short
// fixed time:
//
//	go test ./ingest -run '^$' -fuzz '^FuzzTextReader$' -fuzztime 10s

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/diplograph/diplograph/ingest/extract"
	"github.com/diplograph/diplograph/schema"
)

var (
	fuzzXOnce sync.Once
	fuzzX     *extract.Extractor
	fuzzXErr  error
)

func fuzzExtractor(t testing.TB) *extract.Extractor {
	fuzzXOnce.Do(func() { fuzzX, fuzzXErr = extract.New(nil) })
	if fuzzXErr != nil {
		t.Fatal(fuzzXErr)
	}
	return fuzzX
}

// fuzzSeeds adds the files of the repository's testdata that match the
// globs as seeds, besides the committed corpus.
func fuzzSeeds(f *testing.F, globs ...string) {
	for _, g := range globs {
		m, _ := filepath.Glob(filepath.Join("..", "testdata", g))
		for _, p := range m {
			if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
}

// fuzzReader runs rd over data as the file called name and checks what it
// emits and returns.
func fuzzReader(t *testing.T, rd Reader, name string, data []byte) {
	x := fuzzExtractor(t)
	defer watchdog(name)()
	n := 0
	err := rd.Read(context.Background(), name, bytes.NewReader(data), func(d Doc) error {
		n++
		switch {
		case d.Err != nil:
			if !strings.Contains(d.Err.Error(), name) {
				t.Errorf("item error does not name the input %q: %v", name, d.Err)
			}
		case d.Report != nil:
			checkReport(t, rd.Name(), name, d.Report)
			checkRecord(t, Extract(x, d))
		case d.Record != nil:
			checkRecord(t, d.Record)
		default:
			t.Errorf("empty Doc emitted")
		}
		return nil
	})
	if err != nil && !strings.Contains(err.Error(), name) {
		t.Errorf("error does not name the input %q: %v", name, err)
	}
}

// fuzzDeadline is how long one input may take: a slower one is a hang.
const fuzzDeadline = 10 * time.Second

// watchdog crashes the fuzz worker when the input takes longer than
// fuzzDeadline, so that the fuzzer keeps it as a failing input (an input
// that hangs would otherwise only stall the worker). Call the returned
// function when the input is done.
func watchdog(name string) func() {
	tm := time.AfterFunc(fuzzDeadline, func() {
		panic(fmt.Sprintf("%s: input took over %s (hang)", name, fuzzDeadline))
	})
	return func() { tm.Stop() }
}

// checkReport checks a report a reader emitted.
func checkReport(t *testing.T, format, name string, r *Report) {
	t.Helper()
	if !strings.HasPrefix(r.Source, name) {
		t.Errorf("source %q does not name the input %q", r.Source, name)
	}
	if r.Format != format {
		t.Errorf("format %q, want %q", r.Format, format)
	}
	if schema.NormalizeBody(r.Body) == "" {
		t.Errorf("%s: report with no text emitted", r.Source)
	}
	if r.ID != schema.ReportID(r.Body) {
		t.Errorf("%s: ID %q is not the body's %q", r.Source, r.ID, schema.ReportID(r.Body))
	}
	for field, s := range map[string]string{"title": r.Title, "url": r.URL, "publisher": r.Publisher, "body": r.Body} {
		if !utf8.ValidString(s) {
			t.Errorf("%s: %s is not valid UTF-8: %q", r.Source, field, s)
		}
	}
	if r.Published != "" {
		if _, err := time.Parse("2006-01-02", r.Published); err != nil {
			t.Errorf("%s: published %q is not an ISO date", r.Source, r.Published)
		}
	}
}

// checkRecord checks that a record's quads are valid, all labelled with
// its report's IRI, and that their N-Quads re-parse to the same quads.
func checkRecord(t *testing.T, rec *schema.Record) {
	t.Helper()
	if rec == nil {
		t.Fatal("nil record")
	}
	if err := schema.CheckQuads(rec.Quads(), rec.Report.IRI()); err != nil {
		t.Error(err)
	}
}

func FuzzTextReader(f *testing.F) {
	fuzzSeeds(f, "reports/*.txt")
	f.Add([]byte("title: T\npublished: 2023-02-30\n\nThe ministers met."))
	f.Add([]byte{0xff, 0xfe, 'H', 0, 'i', 0})
	f.Add([]byte("\xef\xbb\xbfPakistan and Russia held talks in Islamabad on Thursday.\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, textReader{}, "fuzz.txt", data)
	})
}

func FuzzHTMLReader(f *testing.F) {
	fuzzSeeds(f, "reports/*.html", "formats/*.html")
	f.Add([]byte("<html><body><script>var x = 1;</script></body></html>"))
	f.Add([]byte(`<html><head><meta charset="shift_jis"><script type="application/ld+json">{"datePublished":"2024-01-01"}</script></head><body><article><p>Ministers met.</p></article></body></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, htmlReader{}, "fuzz.html", data)
	})
}

func FuzzJSONLReader(f *testing.F) {
	fuzzSeeds(f, "reports/*.jsonl", "formats/*.jsonl")
	f.Add([]byte("{\"text\":\"The ministers met.\"}\n{broken\n{\"html\":\"<p>Talks in Delhi.</p>\",\"published\":\"2024-02-30\"}\n"))
	f.Add([]byte("[{\"text\":\"a\"},\n {\"text\":\"b\"}]"))
	f.Add([]byte("{\n \"title\": \"x\",\n \"text\": \"y\"\n}\n{\"text\": 1}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Odd inputs as .jsonl, even ones as .json (which may hold a
		// pretty-printed object).
		name := "fuzz.jsonl"
		if len(data)%2 == 0 {
			name = "fuzz.json"
		}
		fuzzReader(t, jsonlReader{}, name, data)
	})
}

func FuzzFeedReader(f *testing.F) {
	fuzzSeeds(f, "formats/*.xml")
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1252"?><rss><channel><title>W</title><item><title>T</title><description>&lt;p&gt;Ministers met.&lt;/p&gt;</description><pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div><p>Talks</p></div></content></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, feedReader{}, "fuzz.rss", data)
	})
}

func FuzzGDELTReader(f *testing.F) {
	fuzzSeeds(f, "gdelt/*.CSV")
	row := make([]string, GDELTColumns)
	row[0], row[gdSQLDate], row[gdActor1CountryCode], row[gdActor2CountryCode] = "1", "20191024", "PAK", "RUS"
	row[gdEventCode], row[gdEventRootCode], row[gdActionGeoType], row[gdActionGeoFullName] = "042", "04", "4", "Islamabad, Pakistan"
	row[gdActionGeoCountry], row[gdDateAdded], row[gdSourceURL] = "PK", "20191024143000", "https://example.com/a b"
	f.Add([]byte(strings.Join(row, "\t") + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, &GDELTReader{}, "fuzz.export.CSV", data)
	})
}
