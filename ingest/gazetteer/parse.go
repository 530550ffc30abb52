package gazetteer

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
)

// DataError reports a problem in one of the data files, with its position.
type DataError struct {
	File string // path of the file inside the data file system, e.g. "data/countries.tsv"
	Line int    // 1-based line number, 0 when the problem concerns the whole file
	Msg  string
}

// Error formats the problem as "file:line: message".
func (e *DataError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// record is one data row of a table file.
type record struct {
	file  string
	line  int
	cells []string
}

// errf returns a DataError positioned at the record.
func (r record) errf(format string, args ...any) error {
	return &DataError{File: r.file, Line: r.line, Msg: fmt.Sprintf(format, args...)}
}

// readTable reads a tab-separated file whose first line is a header starting
// with "#" naming exactly the columns cols. Later lines starting with "#" are
// comments; blank lines are skipped. A row may omit trailing empty cells but
// may not have more cells than the header.
func readTable(fsys fs.FS, file string, cols []string) ([]record, error) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, &DataError{File: file, Msg: err.Error()}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var recs []record
	line, header := 0, false
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if !header {
			if strings.TrimSpace(text) == "" {
				continue
			}
			if !strings.HasPrefix(text, "#") {
				return nil, &DataError{File: file, Line: line, Msg: "first line must be a header starting with #"}
			}
			got := strings.Split(strings.TrimPrefix(text, "#"), "\t")
			for i := range got {
				got[i] = strings.TrimSpace(got[i])
			}
			if strings.Join(got, "\t") != strings.Join(cols, "\t") {
				return nil, &DataError{File: file, Line: line, Msg: fmt.Sprintf("header has columns %q, want %q", got, cols)}
			}
			header = true
			continue
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cells := strings.Split(text, "\t")
		if len(cells) > len(cols) {
			return nil, &DataError{File: file, Line: line, Msg: fmt.Sprintf("%d cells, want at most %d (%s)", len(cells), len(cols), strings.Join(cols, ", "))}
		}
		for len(cells) < len(cols) {
			cells = append(cells, "")
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		recs = append(recs, record{file: file, line: line, cells: cells})
	}
	if err := sc.Err(); err != nil {
		return nil, &DataError{File: file, Line: line + 1, Msg: err.Error()}
	}
	if !header {
		return nil, &DataError{File: file, Msg: "empty file: no header"}
	}
	return recs, nil
}

// splitList splits a multi-valued cell on sep, trimming white space and
// dropping empty values.
func splitList(cell, sep string) []string {
	if cell == "" {
		return nil
	}
	var out []string
	for _, v := range strings.Split(cell, sep) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

var (
	slugRE  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	iso3RE  = regexp.MustCompile(`^[A-Z]{3}$`)
	code2RE = regexp.MustCompile(`^[A-Z]{2}$`)
)

// keyIndex maps lookup keys to the index of the entry they name and reports
// conflicting keys with the position of the second occurrence.
type keyIndex map[string]int

// add records key → idx; the same key naming the same entry again is
// harmless, naming another entry is an error.
func (m keyIndex) add(rec record, key, form string, idx int, describe func(int) string) error {
	if key == "" {
		return rec.errf("%q has an empty lookup key", form)
	}
	if old, ok := m[key]; ok && old != idx {
		return rec.errf("%q (key %q) already names %s", form, key, describe(old))
	}
	m[key] = idx
	return nil
}
