package schema

import (
	"bytes"
	"fmt"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// CheckQuads reports the first way in which qs is not what a store may
// take from one report: a quad that is not valid, a quad not labelled
// label, or quads whose N-Quads do not parse back to the same quads.
func CheckQuads(qs []quad.Quad, label quad.Value) error {
	for _, q := range qs {
		if !q.IsValid() {
			return fmt.Errorf("invalid quad %v", q)
		}
		if q.Label != label {
			return fmt.Errorf("quad %v is not labelled %v", q, label)
		}
	}
	var buf bytes.Buffer
	w := nquads.NewWriter(&buf)
	if _, err := w.WriteQuads(qs); err != nil {
		return fmt.Errorf("write N-Quads: %w", err)
	}
	w.Close()
	got, err := quad.ReadAll(nquads.NewReader(bytes.NewReader(buf.Bytes()), false))
	if err != nil {
		return fmt.Errorf("N-Quads do not parse back: %w", err)
	}
	if len(got) != len(qs) {
		return fmt.Errorf("N-Quads parse back to %d quads, want %d", len(got), len(qs))
	}
	for i := range qs {
		if got[i].NQuad() != qs[i].NQuad() {
			return fmt.Errorf("quad %d parses back as %s, not %s", i, got[i].NQuad(), qs[i].NQuad())
		}
	}
	return nil
}
