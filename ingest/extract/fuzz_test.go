package extract

// FuzzExtract feeds arbitrary report text and publication dates to the
// extractor and checks that it does not panic and that the record it
// returns is a set of valid quads, all labelled with the report's IRI,
// whose N-Quads re-parse to the same quads. Seeds: testdata/fuzz/FuzzExtract
// (committed) and the sample reports. `.ci/run` fuzzes it for a short time:
//
//	go test ./ingest/extract -run '^$' -fuzz '^FuzzExtract$' -fuzztime 10s

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/diplograph/diplograph/schema"
)

var (
	fuzzOnce sync.Once
	fuzzX    *Extractor
	fuzzErr  error
)

func FuzzExtract(f *testing.F) {
	m, _ := filepath.Glob("../../testdata/reports/*.txt")
	for _, p := range m {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		text := string(b)
		pub := ""
		if i := strings.Index(text, "published:"); i >= 0 {
			pub = strings.TrimSpace(strings.SplitN(text[i+len("published:"):], "\n", 2)[0])
		}
		if i := strings.Index(text, "\n\n"); i >= 0 {
			text = text[i+2:]
		}
		f.Add(text, pub)
	}
	f.Add("ISLAMABAD, Nov 17: The 10th meeting of the Pakistan-Russia Joint Working Group on Counter-Terrorism was held here on Thursday. The next meeting will be held in Moscow next year.", "2023-11-17")
	f.Add("Ambassador Dr. H.E. Mr. met. On 31 February the 0th round of talks.", "2024-02-29")
	f.Fuzz(func(t *testing.T, body, published string) {
		fuzzOnce.Do(func() { fuzzX, fuzzErr = New(nil) })
		if fuzzErr != nil {
			t.Fatal(fuzzErr)
		}
		// An input that takes over 10s is a hang: crash the worker so
		// that the fuzzer keeps it.
		tm := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("extract hangs on %q (published %q)", body, published)) })
		defer tm.Stop()
		rec := fuzzX.Extract(Input{Source: "fuzz.txt", Title: "fuzz", Published: published, Body: body})
		label := rec.Report.IRI()
		qs := rec.Quads()
		if !utf8.ValidString(body) || !utf8.ValidString(published) {
			// Readers hand the extractor valid UTF-8 only (they refuse or
			// repair the rest): such input must not crash it, but its
			// literals need not survive N-Quads.
			return
		}
		if err := schema.CheckQuads(qs, label); err != nil {
			t.Error(err)
		}
	})
}
