package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// fingerprint identifies the running program: the SHA-256 of its
// executable, so that a report extracted by another build (a changed
// extractor, gazetteer or pattern file) is extracted again. "" when the
// executable cannot be read, which turns skipping off.
var fingerprint = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
})

// inputDigest hashes everything a report's record depends on: the program
// and the report as read (source, header and body).
func inputDigest(r *Report, fp string) string {
	h := sha256.New()
	for _, s := range []string{fp, r.ID, r.Source, r.Title, r.URL, r.Publisher, r.Published, r.Body} {
		io.WriteString(h, s)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// inputQuad is the <dg:input> quad a report's record holds once stored.
func inputQuad(r *Report, fp string) quad.Quad {
	iri := schema.ReportIRI(r.ID)
	return quad.Quad{Subject: iri, Predicate: schema.Input, Object: quad.String(inputDigest(r, fp)), Label: iri}
}
