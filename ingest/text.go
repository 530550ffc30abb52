package ingest

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// textReader reads a plain-text report: an optional header block of
// "key: value" lines (title, url, publisher, published), ended by a blank
// line, then the body.
type textReader struct{}

func (textReader) Name() string { return "text" }

// headerKeys are the keys a header block is known to hold. A block of
// "key: value" lines is a header when at least one of its keys is known;
// a first paragraph with none ("ISLAMABAD: ...") is the body's dateline.
var headerKeys = map[string]string{
	"title": "title", "headline": "title", "url": "url", "link": "url", "source_url": "url",
	"publisher": "publisher", "source": "publisher", "outlet": "publisher",
	"published": "published", "date": "published", "pubdate": "published", "published_at": "published",
	"author": "", "byline": "", "language": "", "lang": "", "id": "", "tags": "", "section": "",
}

var headerLine = regexp.MustCompile(`^([A-Za-z_][A-Za-z_-]*)\s*:\s?(.*)$`)

func (textReader) Read(ctx context.Context, name string, r io.Reader, emit func(Doc) error) error {
	text, err := readText(name, r, 0)
	if err != nil {
		return err
	}
	rep, err := parseTextReport(name, text)
	if err != nil {
		return err
	}
	return emit(Doc{Report: rep})
}

// parseTextReport splits a text report into its header and body.
func parseTextReport(name, text string) (*Report, error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	rep := &Report{}
	lines := strings.Split(text, "\n")
	body := lines
	if n, ok := headerBlock(lines); ok {
		for i, l := range lines[:n-1] {
			m := headerLine.FindStringSubmatch(l)
			key, known := headerKeys[strings.ToLower(m[1])]
			val := strings.TrimSpace(m[2])
			if !known {
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s:%d: unknown header key %q ignored", name, i+1, m[1]))
			}
			switch key {
			case "title":
				rep.Title = val
			case "url":
				rep.URL = val
			case "publisher":
				rep.Publisher = val
			case "published":
				if val == "" {
					continue
				}
				iso, ok := ParseDate(val)
				if !ok {
					if !unknownValue(val) {
						rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s:%d: published: %q is not a date; read without a publication date", name, i+1, val))
					}
					continue
				}
				rep.Published = iso
			}
		}
		body = lines[n:]
	}
	rep.Body = strings.TrimSpace(strings.Join(body, "\n"))
	if err := finish(rep, name, "text"); err != nil {
		return nil, err
	}
	return rep, nil
}

// headerBlock reports whether lines begin with a header block and how many
// lines it takes, including the blank line that ends it: a paragraph of
// "key: value" lines at least one of whose keys is known.
func headerBlock(lines []string) (int, bool) {
	anyKnown := false
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			return i + 1, i > 0 && anyKnown
		}
		m := headerLine.FindStringSubmatch(l)
		if m == nil {
			return 0, false
		}
		if key, known := headerKeys[strings.ToLower(m[1])]; known && key != "" {
			anyKnown = true
		}
	}
	return 0, false
}

// unknownValue reports whether a header value says it is not known
// ("unknown", "n/a", "-"), which needs no warning.
func unknownValue(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "unknown", "n/a", "na", "none", "-", "?":
		return true
	}
	return false
}
