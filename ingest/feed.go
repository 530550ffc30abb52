package ingest

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// feedReader reads an RSS (2.0 or 1.0) or Atom feed: one report for each
// item or entry, its body taken from the item's content with any HTML in it
// reduced to text, its publisher the feed's title.
type feedReader struct{}

func (feedReader) Name() string { return "feed" }

// sniffFeed reports whether head starts like a feed: an <rss>, <feed> or
// <rdf:RDF> root, at the start or after an XML declaration within the
// first kilobyte.
func sniffFeed(head []byte) bool {
	h := bytes.ToLower(head)
	if len(h) > 1024 {
		h = h[:1024]
	}
	roots := []string{"<rss", "<feed", "<rdf:rdf"}
	for _, root := range roots {
		if hasTagAt(h, 0, root) {
			return true
		}
	}
	if !bytes.HasPrefix(h, []byte("<?xml")) {
		return false
	}
	for _, root := range roots {
		for off := 0; ; {
			i := bytes.Index(h[off:], []byte(root))
			if i < 0 {
				break
			}
			if hasTagAt(h, off+i, root) {
				return true
			}
			off += i + 1
		}
	}
	return false
}

// hasTagAt reports whether h holds the start of tag (as "<rss") at i,
// followed by white space, ">" or the end of h.
func hasTagAt(h []byte, i int, tag string) bool {
	if !bytes.HasPrefix(h[i:], []byte(tag)) {
		return false
	}
	if j := i + len(tag); j < len(h) {
		c := h[j]
		return c == '>' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/'
	}
	return true
}

// feedText is a text element of a feed; Atom says in type whether it is
// text, escaped HTML or inline XHTML.
type feedText struct {
	XMLName xml.Name
	Type    string `xml:"type,attr"`
	Src     string `xml:"src,attr"`
	Text    string `xml:",chardata"`
	Inner   string `xml:",innerxml"`
}

// plain is the element as one line of text.
func (t feedText) plain() string {
	return strings.Join(splitLines(t.body()), " ")
}

// body is the element as text, one paragraph a line.
func (t feedText) body() string {
	switch strings.ToLower(strings.TrimSpace(t.Type)) {
	case "xhtml", "application/xhtml+xml":
		return extractHTML(t.Inner).Body
	case "text", "text/plain":
		return strings.Join(splitLines(t.Text), "\n")
	}
	if !strings.Contains(t.Text, "<") && !strings.Contains(t.Text, "&") {
		return strings.Join(splitLines(t.Text), "\n")
	}
	return extractHTML(t.Text).Body
}

// feedLink is an RSS <link>URL</link> or an Atom <link href="URL"/>.
type feedLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Text string `xml:",chardata"`
}

// feedItem is an RSS item or an Atom entry; element names match in any
// namespace (dc:date, content:encoded).
type feedItem struct {
	Titles      []feedText `xml:"title"`
	Links       []feedLink `xml:"link"`
	GUID        string     `xml:"guid"`
	PubDate     string     `xml:"pubDate"`
	Published   string     `xml:"published"`
	Date        string     `xml:"date"`
	Updated     string     `xml:"updated"`
	Issued      string     `xml:"issued"`
	Encoded     []feedText `xml:"encoded"`
	Content     []feedText `xml:"content"`
	Description []feedText `xml:"description"`
	Summary     []feedText `xml:"summary"`
}

// foreignNS is the namespace of elements that share a local name with
// the feed's own but describe something else (media:title,
// media:description, media:content).
const foreignNS = "http://search.yahoo.com/mrss/"

// own returns the elements of ts that are the feed's own, then the others.
func own(ts []feedText) []feedText {
	var mine, others []feedText
	for _, t := range ts {
		if t.XMLName.Space == foreignNS || t.XMLName.Space == "media" {
			others = append(others, t)
		} else {
			mine = append(mine, t)
		}
	}
	return append(mine, others...)
}

// link picks the item's URL: an RSS link, else an Atom alternate link,
// else any link, else a GUID that is a URL.
func (it *feedItem) link() string {
	for _, l := range it.Links {
		if s := strings.TrimSpace(l.Text); s != "" && l.Href == "" {
			return s
		}
	}
	for _, l := range it.Links {
		if l.Href != "" && (l.Rel == "" || l.Rel == "alternate") {
			return strings.TrimSpace(l.Href)
		}
	}
	for _, l := range it.Links {
		if l.Href != "" {
			return strings.TrimSpace(l.Href)
		}
	}
	if g := strings.TrimSpace(it.GUID); strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
		return g
	}
	return ""
}

// report turns the item into a report; source names it for errors.
func (it *feedItem) report(source, publisher string) Doc {
	rep := &Report{Publisher: publisher, URL: it.link()}
	for _, t := range own(it.Titles) {
		if rep.Title = t.plain(); rep.Title != "" {
			break
		}
	}
	for _, d := range []string{it.PubDate, it.Published, it.Date, it.Updated, it.Issued} {
		if iso, ok := parseDateLoose(d); ok {
			rep.Published = iso
			break
		}
	}
	var bodies []feedText
	bodies = append(bodies, own(it.Encoded)...)
	bodies = append(bodies, own(it.Content)...)
	bodies = append(bodies, own(it.Description)...)
	bodies = append(bodies, own(it.Summary)...)
	for _, b := range bodies {
		if b.Src != "" {
			continue
		}
		if rep.Body = b.body(); rep.Body != "" {
			break
		}
	}
	if err := finish(rep, source, "feed"); err != nil {
		return Doc{Err: fmt.Errorf("%s: no text in the item", source)}
	}
	return Doc{Report: rep}
}

// feedContainers are the elements whose children are a feed's items and
// title.
var feedContainers = map[string]bool{"channel": true, "RDF": true, "feed": true}

func (feedReader) Read(ctx context.Context, name string, r io.Reader, emit func(Doc) error) error {
	b, err := io.ReadAll(io.LimitReader(r, MaxReportBytes+1))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > MaxReportBytes {
		return fmt.Errorf("%s: %w of %d bytes", name, ErrTooLarge, MaxReportBytes)
	}
	decoded := false // the bytes are UTF-8 whatever the XML declaration says
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}), bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		s, err := decodeText(name, b)
		if err != nil {
			return err
		}
		b, decoded = []byte(s), true
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		b = b[3:]
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("%s: offset %d: binary data (NUL byte), not a feed", name, i)
	}

	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if decoded {
			return in, nil
		}
		out, err := charset.NewReaderLabel(label, in)
		if err != nil {
			return nil, fmt.Errorf("unknown charset %q", label)
		}
		return out, nil
	}

	var (
		items     []feedItem
		publisher string
		stack     []string
		isFeed    bool
		fatal     error
	)
loop:
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fatal = fmt.Errorf("%s: %w", name, err)
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			if feedContainers[parent] {
				switch t.Name.Local {
				case "item", "entry":
					var it feedItem
					if err := dec.DecodeElement(&it, &t); err != nil {
						fatal = fmt.Errorf("%s#%d: %w", name, len(items)+1, err)
						break loop
					}
					items = append(items, it)
					continue
				case "title":
					var ft feedText
					if err := dec.DecodeElement(&ft, &t); err != nil {
						fatal = fmt.Errorf("%s: %w", name, err)
						break loop
					}
					if publisher == "" && (parent == "channel" || parent == "feed") {
						publisher = ft.plain()
					}
					continue
				}
			}
			if len(stack) == 0 && (t.Name.Local == "rss" || t.Name.Local == "feed" || t.Name.Local == "RDF") {
				isFeed = true
			}
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if !isFeed && fatal == nil {
		return fmt.Errorf("%s: not an RSS or Atom feed (no rss, feed or rdf:RDF root element)", name)
	}
	for i := range items {
		if err := emit(items[i].report(fmt.Sprintf("%s#%d", name, i+1), publisher)); err != nil {
			return err
		}
	}
	return fatal
}
