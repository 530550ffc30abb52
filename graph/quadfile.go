package graph

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/json"   // registers "json"
	_ "github.com/cayleygraph/quad/jsonld" // registers "jsonld"
	"github.com/cayleygraph/quad/nquads"
	_ "github.com/cayleygraph/quad/pquads" // registers "pquads"
)

// QuadFormats lists the quad formats `load` reads.
func QuadFormats() []string {
	var out []string
	for _, f := range quad.Formats() {
		if f.Reader != nil {
			out = append(out, f.Name)
		}
	}
	sort.Strings(out)
	return out
}

// QuadFile is an open file of quads: it reads them one at a time and names
// the file and line (or quad number) of any quad it cannot parse.
type QuadFile struct {
	name   string
	closer []io.Closer
	r      quad.Reader // for formats other than N-Quads
	lines  *bufio.Reader
	line   int
	n      int
}

// OpenQuadFile opens path ("-" for stdin) for reading quads in format
// ("" to choose by extension, N-Quads when it says nothing). Gzip is
// recognised by its magic bytes and decompressed on the fly.
func OpenQuadFile(path, format string) (*QuadFile, error) {
	return OpenQuadFileFrom(path, format, "", os.Stdin)
}

// OpenQuadFileFrom is OpenQuadFile with a relative path read from dir
// (the working directory when "") and "-" from stdin: a server running
// the command of another process gives that process's.
func OpenQuadFileFrom(path, format, dir string, stdin io.Reader) (*QuadFile, error) {
	qf := &QuadFile{name: path}
	var in io.Reader
	if path == "-" {
		qf.name = "stdin"
		in = stdin
	} else {
		open := path
		if dir != "" && !filepath.IsAbs(path) {
			open = filepath.Join(dir, path)
		}
		f, err := os.Open(open)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				pe.Path = path // the name the command was given
			}
			return nil, err
		}
		if st, err := f.Stat(); err == nil && st.IsDir() {
			f.Close()
			return nil, fmt.Errorf("%s is a directory", path)
		}
		qf.closer = append(qf.closer, f)
		in = f
	}
	br := bufio.NewReaderSize(in, 1<<20)
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			qf.Close()
			return nil, fmt.Errorf("%s: %w", qf.name, err)
		}
		qf.closer = append(qf.closer, zr)
		br = bufio.NewReaderSize(zr, 1<<20)
	}
	if format == "" {
		format = formatByExt(path)
	}
	switch format {
	case "", "nquads", "ntriples":
		qf.lines = br
	default:
		f := quad.FormatByName(format)
		if f == nil || f.Reader == nil {
			qf.Close()
			return nil, fmt.Errorf("unknown quad format %q (known: %s)", format, strings.Join(QuadFormats(), ", "))
		}
		rc := f.Reader(br)
		qf.closer = append(qf.closer, rc)
		qf.r = rc
	}
	return qf, nil
}

func formatByExt(path string) string {
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(path), ".gz")))
	switch ext {
	case ".nq", ".nt", ".nquads":
		return "nquads"
	case ".jsonld":
		return "jsonld"
	case ".json":
		return "json"
	case ".pq", ".pquads":
		return "pquads"
	}
	if f := quad.FormatByExt(ext); f != nil && f.Reader != nil {
		return f.Name
	}
	return ""
}

// ReadQuad returns the next quad, io.EOF at the end, or an error naming
// the file and line.
func (qf *QuadFile) ReadQuad() (quad.Quad, error) {
	if qf.r != nil {
		q, err := qf.r.ReadQuad()
		if err != nil && !errors.Is(err, io.EOF) {
			return q, fmt.Errorf("%s: after quad %d: %w", qf.name, qf.n, err)
		}
		qf.n++
		return q, err
	}
	for {
		line, err := qf.lines.ReadString('\n')
		if len(line) == 0 && err != nil {
			if errors.Is(err, io.EOF) {
				return quad.Quad{}, io.EOF
			}
			return quad.Quad{}, fmt.Errorf("%s:%d: %w", qf.name, qf.line+1, err)
		}
		qf.line++
		t := strings.TrimSpace(line)
		if t == "" || t[0] == '#' {
			continue
		}
		q, perr := nquads.Parse(t)
		if perr != nil {
			return quad.Quad{}, fmt.Errorf("%s:%d: not an N-Quad (%v): %.80q", qf.name, qf.line, perr, t)
		}
		if !q.IsValid() {
			return quad.Quad{}, fmt.Errorf("%s:%d: incomplete quad: %.80q", qf.name, qf.line, t)
		}
		qf.n++
		return q, nil
	}
}

// Close closes the file.
func (qf *QuadFile) Close() error {
	var err error
	for i := len(qf.closer) - 1; i >= 0; i-- {
		if e := qf.closer[i].Close(); e != nil && err == nil {
			err = e
		}
	}
	return err
}
