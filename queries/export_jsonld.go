package queries

import (
	"io"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
)

func init() {
	RegisterExporter(exporter{
		name:  "jsonld",
		exts:  []string{".jsonld"},
		media: "application/ld+json",
		fn:    exportJSONLD,
	})
}

// exportJSONLD writes a JSON-LD document with one named graph per label,
// using Cayley's writer (labels kept; `diplograph load` reads it back).
func exportJSONLD(w io.Writer, quads []quad.Quad) error {
	jw := jsonld.NewWriter(w)
	if _, err := jw.WriteQuads(quads); err != nil {
		return err
	}
	return jw.Close()
}
