package queries

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"
)

// Exporter writes a subgraph in one file format. Formats that keep labels
// (N-Quads, JSON-LD) write the quads as they are; the others (GraphML,
// GML, DOT, CSV) write a property graph: one node per IRI with its label
// (the IRI), type, name and literal attributes, and one edge per distinct
// (subject, predicate, object) link with its label (the predicate) and its
// provenance (the reports asserting it). See ProjectGraph.
type Exporter interface {
	// Name is the format's name for --format: "nquads", "graphml", ...
	Name() string
	// Extensions are the file extensions that select the format, with the dot.
	Extensions() []string
	// MediaType is the HTTP Content-Type of the output.
	MediaType() string
	// Export writes quads to w.
	Export(w io.Writer, quads []quad.Quad) error
}

var (
	exportersMu sync.RWMutex
	exporters   = map[string]Exporter{}
)

// RegisterExporter adds e to the registry, replacing any of the same name.
func RegisterExporter(e Exporter) {
	exportersMu.Lock()
	defer exportersMu.Unlock()
	exporters[e.Name()] = e
}

// Exporters lists the registered exporters sorted by name.
func Exporters() []Exporter {
	exportersMu.RLock()
	defer exportersMu.RUnlock()
	out := make([]Exporter, 0, len(exporters))
	for _, e := range exporters {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

// ExporterNames lists the registered formats' names, sorted.
func ExporterNames() []string {
	var out []string
	for _, e := range Exporters() {
		out = append(out, e.Name())
	}
	return out
}

// LookupExporter returns the exporter called name.
func LookupExporter(name string) (Exporter, error) {
	exportersMu.RLock()
	e, ok := exporters[strings.ToLower(name)]
	exportersMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("unknown export format %q (known: %s)", name, strings.Join(ExporterNames(), ", "))
	}
	return e, nil
}

// ExporterForPath returns the exporter whose extension ends path
// ("graph.graphml", "out.nq", "tables.zip"), or false.
func ExporterForPath(path string) (Exporter, bool) {
	lp := strings.ToLower(path)
	var best Exporter
	bestLen := 0
	for _, e := range Exporters() {
		for _, ext := range e.Extensions() {
			if strings.HasSuffix(lp, ext) && len(ext) > bestLen {
				best, bestLen = e, len(ext)
			}
		}
	}
	return best, best != nil
}

// ExportFile writes quads to path in format ("" to choose it from the
// extension of path). CSV to a path that does not end in .zip writes
// nodes.csv and edges.csv into the directory path (created if needed);
// every other format, and CSV to a .zip, writes the one file path.
func ExportFile(path, format string, quads []quad.Quad) error {
	e, err := exporterFor(path, format)
	if err != nil {
		return err
	}
	if c, ok := e.(csvExporter); ok && !strings.HasSuffix(strings.ToLower(path), ".zip") {
		return c.ExportDir(path, quads)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := e.Export(f, quads); err != nil {
		f.Close()
		return fmt.Errorf("export %s to %s: %w", e.Name(), path, err)
	}
	return f.Close()
}

func exporterFor(path, format string) (Exporter, error) {
	if format != "" {
		return LookupExporter(format)
	}
	if e, ok := ExporterForPath(path); ok {
		return e, nil
	}
	return nil, fmt.Errorf("cannot tell the format of %s from its extension: give one of %s",
		filepath.Base(path), strings.Join(ExporterNames(), ", "))
}

// exporter is a simple Exporter made of its parts.
type exporter struct {
	name  string
	exts  []string
	media string
	fn    func(w io.Writer, quads []quad.Quad) error
}

// Name implements Exporter.
func (e exporter) Name() string { return e.name }

// Extensions implements Exporter.
func (e exporter) Extensions() []string { return e.exts }

// MediaType implements Exporter.
func (e exporter) MediaType() string { return e.media }

// Export implements Exporter.
func (e exporter) Export(w io.Writer, quads []quad.Quad) error { return e.fn(w, quads) }
