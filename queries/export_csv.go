package queries

import (
	"archive/zip"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/cayleygraph/quad"
)

// csvExporter writes nodes.csv and edges.csv: as a zip archive to a writer
// (Export, for stdout and HTTP), or into a directory (ExportDir).
type csvExporter struct{}

func init() { RegisterExporter(csvExporter{}) }

// Name is "csv".
func (csvExporter) Name() string { return "csv" }

// Extensions is ".zip": a .zip path gets the archive. Any other path
// given with --format csv is a directory that gets nodes.csv and edges.csv.
func (csvExporter) Extensions() []string { return []string{".zip"} }

// MediaType is that of the zip archive Export writes.
func (csvExporter) MediaType() string { return "application/zip" }

// Export writes a zip archive holding nodes.csv and edges.csv, dated with
// the time of the export.
func (csvExporter) Export(w io.Writer, quads []quad.Quad) error {
	g := ProjectGraph(quads)
	zw := zip.NewWriter(w)
	now := time.Now()
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{{"nodes.csv", g.writeNodesCSV}, {"edges.csv", g.writeEdgesCSV}} {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: now})
		if err != nil {
			return err
		}
		if err := f.write(fw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// ExportDir writes dir/nodes.csv and dir/edges.csv, creating dir.
func (csvExporter) ExportDir(dir string, quads []quad.Quad) error {
	g := ProjectGraph(quads)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{{"nodes.csv", g.writeNodesCSV}, {"edges.csv", g.writeEdgesCSV}} {
		out, err := os.Create(filepath.Join(dir, f.name))
		if err != nil {
			return err
		}
		if err := f.write(out); err != nil {
			out.Close()
			return err
		}
		if err := out.Close(); err != nil {
			return err
		}
	}
	return nil
}

// writeNodesCSV writes id,name,type and one column per literal attribute
// (several values joined by "; "). id is the node's IRI (its label).
func (g *PropertyGraph) writeNodesCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"id", "name", "type"}
	for _, a := range g.Attrs {
		head = append(head, a.Name)
	}
	cw.Write(head)
	for _, n := range g.Nodes {
		row := []string{n.Label, n.Name, n.Type}
		for _, a := range g.Attrs {
			v, _ := n.attrValue(a.Name)
			row = append(row, v)
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// writeEdgesCSV writes source,target,label,provenance: node ids, the
// predicate and the space-separated reports asserting the link.
func (g *PropertyGraph) writeEdgesCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"source", "target", "label", "provenance"})
	for _, e := range g.Edges {
		cw.Write([]string{g.Nodes[e.Source].Label, g.Nodes[e.Target].Label, e.Label, e.ProvenanceString()})
	}
	cw.Flush()
	return cw.Error()
}
