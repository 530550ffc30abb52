package queries

import (
	"bufio"
	"io"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

func init() {
	RegisterExporter(exporter{
		name:  "nquads",
		exts:  []string{".nq", ".nquads"},
		media: "application/n-quads",
		fn:    exportNQuads,
	})
}

// exportNQuads writes one N-Quad a line, labels kept: the format that
// `diplograph load` reads back to exactly the same quads.
func exportNQuads(w io.Writer, quads []quad.Quad) error {
	bw := bufio.NewWriter(w)
	qw := nquads.NewWriter(bw)
	if _, err := qw.WriteQuads(quads); err != nil {
		return err
	}
	if err := qw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}
