// Package ingest reads reports in every supported format (plain text with
// a header block, HTML, JSON lines, RSS/Atom feeds, GDELT exports) and
// turns them into typed records of the graph contract, ready for a store.
// Each format is one Reader in one file; a Registry chooses among them by
// name, extension or by sniffing the first bytes.
package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// Report is one report as read from a file, before extraction.
type Report struct {
	ID        string // schema.ReportID(Body)
	Source    string // where it came from: a path, with ":LINE" or "#ITEM" inside a multi-report file
	Format    string // the reader that produced it
	Title     string
	URL       string
	Publisher string
	Published string // ISO date (YYYY-MM-DD) or "" when unknown
	Body      string // plain text, paragraphs separated by newlines
	// Warnings name what the reader could not use but read past (a header
	// value that is no date, an unknown header key), each with the file
	// and line: the report is still extracted.
	Warnings []string
}

// Doc is one item a Reader emits: a report to extract from, a record that
// is already structured (GDELT), or the error of one bad item of a file
// whose other items go on.
type Doc struct {
	Report *Report
	Record *schema.Record
	Err    error
}

// Reader reads one format.
type Reader interface {
	// Name is the format's name, as given to --format.
	Name() string
	// Read reads every item of the file called name from r and passes each
	// to emit, in order. An error that spoils one item is emitted as
	// Doc{Err: ...} naming name and the line or offset; an error that
	// spoils the whole file is returned. Read stops when emit returns an
	// error and returns it.
	Read(ctx context.Context, name string, r io.Reader, emit func(Doc) error) error
}

// Format describes a Reader in the registry.
type Format struct {
	Name  string
	Exts  []string               // lower-case extensions with the dot: ".txt"
	Match func(path string) bool // reports whether a file name is this format's ("x.export.CSV"); optional
	Sniff func([]byte) bool      // reports whether the first bytes of a file look like this format
	New   func() Reader
	Doc   string // one line for --help
}

// Registry holds the formats ingest can read.
type Registry struct {
	formats []Format
}

// NewRegistry returns a registry of the given formats; the order is the
// order in which they sniff.
func NewRegistry(formats ...Format) *Registry { return &Registry{formats: formats} }

// Formats lists the registered formats by name.
func (r *Registry) Formats() []Format {
	out := append([]Format(nil), r.formats...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Names lists the registered format names.
func (r *Registry) Names() []string {
	var out []string
	for _, f := range r.Formats() {
		out = append(out, f.Name)
	}
	return out
}

// Lookup returns the format called name.
func (r *Registry) Lookup(name string) (Format, bool) {
	for _, f := range r.formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Choose picks the reader for a file: the named format if given, else by
// the file name (Match) or the extension of path (ignoring a trailing
// ".gz"), else by sniffing head.
func (r *Registry) Choose(format, path string, head []byte) (Reader, error) {
	if format != "" {
		f, ok := r.Lookup(format)
		if !ok {
			return nil, fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(r.Names(), ", "))
		}
		return f.New(), nil
	}
	for _, f := range r.formats {
		if f.Match != nil && f.Match(path) {
			return f.New(), nil
		}
	}
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(path), ".gz")))
	if ext != "" {
		for _, f := range r.formats {
			for _, e := range f.Exts {
				if e == ext {
					return f.New(), nil
				}
			}
		}
	}
	head = bytes.TrimLeft(head, "\ufeff \t\r\n")
	for _, f := range r.formats {
		if f.Sniff != nil && f.Sniff(head) {
			return f.New(), nil
		}
	}
	return nil, fmt.Errorf("cannot tell the format of %s (use --format: %s)", path, strings.Join(r.Names(), ", "))
}

// DefaultRegistry is the registry of every built-in format.
func DefaultRegistry() *Registry {
	return NewRegistry(builtinFormats()...)
}
