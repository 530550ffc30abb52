package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
)

// jsonlReader reads JSON reports: one object a line (JSON lines), or a
// JSON array of such objects, or a single object, which may span lines.
// An object holds title, url, publisher, published and text or html; a
// bad object is emitted as an error naming its line and the others go on.
type jsonlReader struct{}

func (jsonlReader) Name() string { return "jsonl" }

// sniffJSONL reports whether head starts like JSON reports: an object, or
// an array of objects.
func sniffJSONL(head []byte) bool {
	if bytes.HasPrefix(head, []byte("{")) {
		return true
	}
	if bytes.HasPrefix(head, []byte("[")) {
		return bytes.HasPrefix(bytes.TrimLeft(head[1:], " \t\r\n"), []byte("{"))
	}
	return false
}

func (jsonlReader) Read(ctx context.Context, name string, r io.Reader, emit func(Doc) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xef, 0xbb, 0xbf}) {
		_, _ = br.Discard(3)
	}
	lineNo := 0
	seen := false // a non-blank line was read
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, n, err := readLine(br, MaxReportBytes)
		if err != nil && err != io.EOF {
			return fmt.Errorf("%s:%d: %w", name, lineNo+1, err)
		}
		if n == 0 && err == io.EOF {
			return nil
		}
		lineNo++
		if n > MaxReportBytes {
			if e := emit(Doc{Err: fmt.Errorf("%s:%d: line is over the size limit of %d bytes", name, lineNo, MaxReportBytes)}); e != nil {
				return e
			}
		} else if t := bytes.TrimSpace(line); len(t) > 0 {
			if !seen {
				seen = true
				// A JSON array, or one object spread over lines: decode the
				// rest of the file as a stream of JSON values.
				if t[0] == '[' || (t[0] == '{' && spansLines(name, t)) {
					return readJSONStream(ctx, name, lineNo, io.MultiReader(bytes.NewReader(line), br), emit)
				}
			}
			if e := emit(parseJSONReport(name, lineNo, t)); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// spansLines reports whether the first line of a JSON file is the start of
// an object spread over several lines (a pretty-printed file), not one
// whole object, or a broken one, of JSON lines.
func spansLines(name string, first []byte) bool {
	if string(first) == "{" {
		return true
	}
	var v any
	err := json.NewDecoder(bytes.NewReader(first)).Decode(&v)
	return errors.Is(err, io.ErrUnexpectedEOF) && strings.EqualFold(filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")), ".json")
}

// readLine reads one line of br, its newline included, keeping at most limit
// bytes of it; n is the length of the whole line.
func readLine(br *bufio.Reader, limit int) (line []byte, n int, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		n += len(frag)
		if n <= limit {
			line = append(line, frag...)
		} else {
			line = nil
		}
		if err != bufio.ErrBufferFull {
			return line, n, err
		}
	}
}

// readJSONStream reads r, which begins at line first of the file, as JSON
// values: an array of report objects, or report objects one after the
// other. A syntax error spoils the rest of the stream and is returned.
func readJSONStream(ctx context.Context, name string, first int, r io.Reader, emit func(Doc) error) error {
	lc := &lineCounter{r: r}
	dec := json.NewDecoder(lc)
	lineAt := func(off int64) int { return first + lc.newlinesBefore(off) }
	fail := func(err error) error {
		return fmt.Errorf("%s:%d: bad JSON: %w", name, lineAt(dec.InputOffset()), err)
	}
	// failValue reports an error inside a value at the offset of the
	// syntax error, past the start of the value.
	failValue := func(err error) error {
		off := dec.InputOffset()
		var se *json.SyntaxError
		if errors.As(err, &se) && se.Offset > off {
			off = se.Offset
		}
		return fmt.Errorf("%s:%d: bad JSON: %w", name, lineAt(off), err)
	}
	one := func() (bool, error) {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if err == io.EOF {
				return false, nil
			}
			return false, failValue(err)
		}
		line := lineAt(dec.InputOffset() - int64(len(raw)))
		return true, emit(parseJSONReport(name, line, raw))
	}
	lc.peekFirst()
	if lc.first == '[' {
		if _, err := dec.Token(); err != nil {
			return fail(err)
		}
		for dec.More() {
			if err := ctx.Err(); err != nil {
				return err
			}
			if _, err := one(); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil {
			return fail(err)
		}
		if _, err := dec.Token(); err != io.EOF {
			return fmt.Errorf("%s:%d: bad JSON: data after the array", name, lineAt(dec.InputOffset()))
		}
		return nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		more, err := one()
		if err != nil || !more {
			return err
		}
	}
}

// lineCounter passes r through, noting where its newlines are.
type lineCounter struct {
	r     io.Reader
	off   int64
	nl    []int64 // offsets of the newlines read so far
	buf   []byte  // bytes read by peekFirst, not yet passed on
	first byte    // the first non-blank byte, after peekFirst
}

// peekFirst reads up to the first non-blank byte and keeps what it read.
func (c *lineCounter) peekFirst() {
	var b [1]byte
	for {
		n, err := c.r.Read(b[:])
		if n == 1 {
			c.buf = append(c.buf, b[0])
			if b[0] != ' ' && b[0] != '\t' && b[0] != '\r' && b[0] != '\n' {
				c.first = b[0]
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (c *lineCounter) Read(p []byte) (int, error) {
	var n int
	var err error
	if len(c.buf) > 0 {
		n = copy(p, c.buf)
		c.buf = c.buf[n:]
	} else {
		n, err = c.r.Read(p)
	}
	for i, b := range p[:n] {
		if b == '\n' {
			c.nl = append(c.nl, c.off+int64(i))
		}
	}
	c.off += int64(n)
	return n, err
}

// newlinesBefore counts the newlines before offset off.
func (c *lineCounter) newlinesBefore(off int64) int {
	return sort.Search(len(c.nl), func(i int) bool { return c.nl[i] >= off })
}

// jsonField maps a key of a report object to the report field it fills
// (the keys of a text header, and text, body or html for the body);
// canonical says the key is the field's own name, not an alias.
func jsonField(key string) (field string, canonical bool) {
	switch key {
	case "text", "html", "title", "url", "publisher", "published":
		return key, true
	case "body":
		return "text", false
	}
	return headerKeys[key], false
}

// parseJSONReport turns the JSON object raw, at line line of the file
// called name, into a report, or an error naming the file and line.
func parseJSONReport(name string, line int, raw []byte) Doc {
	src := fmt.Sprintf("%s:%d", name, line)
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Doc{Err: fmt.Errorf("%s: not a JSON object but %s", src, te.Value)}
		}
		return Doc{Err: fmt.Errorf("%s: bad JSON: %v", src, err)}
	}
	if obj == nil {
		return Doc{Err: fmt.Errorf("%s: not a JSON object but null", src)}
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	vals := map[string]string{}
	for _, pass := range []bool{true, false} { // canonical keys first, then their aliases
		for _, k := range keys {
			field, canonical := jsonField(strings.ToLower(k))
			if field == "" || canonical != pass || vals[field] != "" || string(obj[k]) == "null" {
				continue
			}
			var s string
			if err := json.Unmarshal(obj[k], &s); err != nil {
				return Doc{Err: fmt.Errorf("%s: %s: not a string", src, k)}
			}
			vals[field] = strings.TrimSpace(s)
		}
	}
	rep := &Report{Title: collapseSpace(vals["title"]), URL: vals["url"], Publisher: collapseSpace(vals["publisher"])}
	if v := vals["published"]; v != "" {
		if iso, ok := parseDateLoose(v); ok {
			rep.Published = iso
		} else if !unknownValue(v) {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: published: %q is not a date; read without a publication date", src, v))
		}
	}
	if t := vals["text"]; t != "" {
		rep.Body = strings.TrimSpace(strings.ReplaceAll(t, "\r\n", "\n"))
	} else if h := vals["html"]; h != "" {
		p := extractHTML(h)
		rep.Body = p.Body
		rep.Title = firstNonEmpty(rep.Title, p.Title)
		rep.URL = firstNonEmpty(rep.URL, p.URL)
		rep.Publisher = firstNonEmpty(rep.Publisher, p.Publisher)
		rep.Published = firstNonEmpty(rep.Published, p.Published)
	}
	if err := finish(rep, src, "jsonl"); err != nil {
		return Doc{Err: err}
	}
	return Doc{Report: rep}
}
