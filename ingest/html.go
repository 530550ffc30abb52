package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// htmlReader reads one HTML page: the article body as text, with the title,
// URL, publication date and publisher taken from the page's meta data.
type htmlReader struct{}

func (htmlReader) Name() string { return "html" }

func (htmlReader) Read(ctx context.Context, name string, r io.Reader, emit func(Doc) error) error {
	src, err := readHTMLText(name, r)
	if err != nil {
		return err
	}
	rep, err := parseHTMLReport(name, src)
	if err != nil {
		return err
	}
	return emit(Doc{Report: rep})
}

// sniffHTML reports whether head starts like an HTML page: a doctype or an
// html, head, body or article tag, after an optional XML declaration and
// comments.
func sniffHTML(head []byte) bool {
	h := bytes.ToLower(head)
	for {
		h = bytes.TrimLeft(h, "\ufeff \t\r\n")
		switch {
		case bytes.HasPrefix(h, []byte("<?xml")):
			i := bytes.Index(h, []byte("?>"))
			if i < 0 {
				return false
			}
			h = h[i+2:]
			continue
		case bytes.HasPrefix(h, []byte("<!--")):
			i := bytes.Index(h, []byte("-->"))
			if i < 0 {
				return false
			}
			h = h[i+3:]
			continue
		}
		break
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<article"} {
		if bytes.HasPrefix(h, []byte(p)) {
			if len(h) == len(p) {
				return true
			}
			if c := h[len(p)]; c == '>' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' {
				return true
			}
		}
	}
	return false
}

// readHTMLText reads all of r like readText, except that a page that is not
// valid UTF-8 is decoded from the charset it declares (windows-1252 when it
// declares none).
func readHTMLText(name string, r io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxReportBytes+1))
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > MaxReportBytes {
		return "", fmt.Errorf("%s: %w of %d bytes", name, ErrTooLarge, MaxReportBytes)
	}
	utf16 := bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff})
	if !utf16 && !utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 {
		if enc, encName, _ := charset.DetermineEncoding(b, "text/html"); enc != nil && encName != "utf-8" {
			if d, err := enc.NewDecoder().Bytes(b); err == nil {
				b = d
			}
		}
	}
	return decodeText(name, b)
}

// parseHTMLReport turns an HTML page into a report.
func parseHTMLReport(name, src string) (*Report, error) {
	p := extractHTML(src)
	if p.Body == "" {
		return nil, fmt.Errorf("%s: no article text", name)
	}
	rep := &Report{Title: p.Title, URL: p.URL, Publisher: p.Publisher, Published: p.Published, Body: p.Body}
	if err := finish(rep, name, "html"); err != nil {
		return nil, err
	}
	return rep, nil
}

// htmlPage is what extractHTML finds in a page.
type htmlPage struct {
	Title, URL, Publisher string
	Published             string // ISO date or ""
	Body                  string // article text, one paragraph a line; "" when there is none
}

// fullPage tells a whole page from a fragment (a feed item's or a JSON
// line's HTML): only a whole page is searched for its densest text block.
var fullPage = regexp.MustCompile(`(?i)<(html|head|body)[\s>/]`)

// extractHTML finds the article of an HTML page or fragment and its meta
// data. The body comes from the first <article>, else the element with
// itemprop=articleBody, else <main> or [role=main], else (in a whole page)
// the block holding the most paragraph text, else <body>; navigation,
// scripts and other boilerplate are left out.
func extractHTML(src string) htmlPage {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil { // only on a read error, which a strings.Reader has not
		return htmlPage{}
	}
	m := collectMeta(doc)
	var p htmlPage
	p.Publisher = firstNonEmpty(m.meta["og:site_name"], m.ldPublisher)

	// Title.
	switch {
	case m.meta["og:title"] != "":
		p.Title = stripSiteSuffix(collapseSpace(m.meta["og:title"]), p.Publisher)
	case m.meta["twitter:title"] != "":
		p.Title = stripSiteSuffix(collapseSpace(m.meta["twitter:title"]), p.Publisher)
	case m.title != "":
		p.Title = cleanTitle(m.title, p.Publisher)
	default:
		p.Title = m.h1
	}
	p.URL = strings.TrimSpace(firstNonEmpty(m.meta["og:url"], m.canonical))

	// Body.
	root := chooseRoot(doc, fullPage.MatchString(src))
	if root != nil {
		p.Body = bodyText(root, true, p.Title)
		if p.Body == "" { // class/id matching took it all: keep the tags rule only
			p.Body = bodyText(root, false, p.Title)
		}
	}

	// Date.
	cands := []string{m.meta["article:published_time"], m.meta["og:published_time"], m.meta["datepublished"],
		m.itemDate, m.ldDate, m.meta["pubdate"], m.meta["date"], m.meta["dc.date"], m.meta["dc.date.issued"],
		m.meta["dcterms.date"], m.meta["dcterms.issued"]}
	if root != nil && root.DataAtom != atom.Body {
		cands = append(cands, timeIn(root)...)
	}
	for _, c := range cands {
		if iso, ok := parseDateLoose(c); ok {
			p.Published = iso
			break
		}
	}
	return p
}

// isoPrefix matches a date-time that starts with an ISO date.
var isoPrefix = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[T ]`)

// parseDateLoose is ParseDate, also accepting an ISO date-time in a layout
// ParseDate does not know ("2024-03-05T10:00:00+0100") by its date part.
func parseDateLoose(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if iso, ok := ParseDate(s); ok {
		return iso, true
	}
	if m := isoPrefix.FindStringSubmatch(s); m != nil {
		return ParseDate(m[1])
	}
	return "", false
}

// pageMeta is the meta data of a page.
type pageMeta struct {
	meta        map[string]string // <meta> by lower-case property, name or itemprop: the first non-empty content
	title       string            // <title>
	h1          string            // the first <h1>
	canonical   string            // <link rel=canonical>
	itemDate    string            // an element with itemprop=datePublished
	ldDate      string            // datePublished in JSON-LD, an article's first
	ldPublisher string            // publisher.name in JSON-LD
}

func collectMeta(doc *html.Node) pageMeta {
	m := pageMeta{meta: map[string]string{}}
	var ldDates, ldArticleDates []string
	var walk func(n *html.Node, inSVG bool)
	walk = func(n *html.Node, inSVG bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Svg:
				inSVG = true
			case atom.Meta:
				content := strings.TrimSpace(attr(n, "content"))
				for _, k := range []string{"property", "name", "itemprop"} {
					key := strings.ToLower(strings.TrimSpace(attr(n, k)))
					if key != "" && content != "" && m.meta[key] == "" {
						m.meta[key] = content
					}
				}
			case atom.Title:
				if m.title == "" && !inSVG {
					m.title = collapseSpace(nodeText(n))
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = collapseSpace(nodeText(n))
				}
			case atom.Link:
				if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					m.canonical = attr(n, "href")
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					var v any
					if json.Unmarshal([]byte(cleanJSONLD(nodeText(n))), &v) == nil {
						walkJSONLD(v, &ldDates, &ldArticleDates, &m.ldPublisher)
					}
				}
				return
			}
			if n.DataAtom != atom.Meta && m.itemDate == "" && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
				m.itemDate = firstNonEmpty(attr(n, "datetime"), attr(n, "content"), collapseSpace(nodeText(n)))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inSVG)
		}
	}
	walk(doc, false)
	if len(ldArticleDates) > 0 {
		m.ldDate = ldArticleDates[0]
	} else if len(ldDates) > 0 {
		m.ldDate = ldDates[0]
	}
	return m
}

// cleanJSONLD drops the comment and CDATA wrappers some pages put around
// JSON-LD.
func cleanJSONLD(s string) string {
	s = strings.TrimSpace(s)
	for _, w := range []string{"<!--", "//<![CDATA[", "<![CDATA["} {
		s = strings.TrimPrefix(s, w)
	}
	for _, w := range []string{"-->", "//]]>", "]]>"} {
		s = strings.TrimSuffix(strings.TrimSpace(s), w)
	}
	return s
}

// walkJSONLD collects the datePublished values of a JSON-LD value (those
// of Article-like objects apart) and the first publisher name.
func walkJSONLD(v any, dates, articleDates *[]string, publisher *string) {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			walkJSONLD(e, dates, articleDates, publisher)
		}
	case map[string]any:
		if d, ok := v["datePublished"].(string); ok && strings.TrimSpace(d) != "" {
			*dates = append(*dates, d)
			if isArticleType(v["@type"]) {
				*articleDates = append(*articleDates, d)
			}
		}
		if *publisher == "" {
			if p, ok := v["publisher"].(map[string]any); ok {
				if n, ok := p["name"].(string); ok {
					*publisher = strings.TrimSpace(n)
				}
			}
		}
		for k, e := range v {
			if k != "publisher" {
				walkJSONLD(e, dates, articleDates, publisher)
			}
		}
	}
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.Contains(t, "Article") || strings.Contains(t, "Posting") || strings.Contains(t, "Report")
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// boilerplateTags are elements that never hold article text.
var boilerplateTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Script: true,
	atom.Style: true, atom.Noscript: true, atom.Form: true, atom.Iframe: true, atom.Svg: true,
	atom.Button: true, atom.Menu: true, atom.Template: true, atom.Select: true, atom.Textarea: true,
	atom.Input: true, atom.Head: true, atom.Title: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Math: true, atom.Dialog: true,
}

// boilerplateRoles are ARIA roles that never hold article text.
var boilerplateRoles = map[string]bool{
	"navigation": true, "menu": true, "menubar": true, "banner": true, "contentinfo": true,
	"complementary": true, "search": true, "dialog": true, "alert": true,
}

// boilerplateName matches the class or id of an element that holds
// navigation, links or other page furniture.
var boilerplateName = regexp.MustCompile(`(?i)nav|menu|footer|sidebar|related|share|social|comment|cookie|subscribe|advert|promo|breadcrumb`)

// isBoilerplate reports whether n is page furniture; byName says whether to
// judge by its class and id as well as by its tag and role.
func isBoilerplate(n *html.Node, byName bool) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if boilerplateTags[n.DataAtom] || (n.DataAtom == 0 && n.Namespace != "") {
		return true
	}
	if boilerplateRoles[strings.ToLower(strings.TrimSpace(attr(n, "role")))] {
		return true
	}
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	return byName && boilerplateName.MatchString(attr(n, "class")+" "+attr(n, "id"))
}

// chooseRoot picks the element that holds the article.
func chooseRoot(doc *html.Node, page bool) *html.Node {
	var articles, bodies, mains []*html.Node
	var freeArticles, freeBodies, freeMains []*html.Node // outside any boilerplate
	var body *html.Node
	var walk func(n *html.Node, inBoiler bool)
	walk = func(n *html.Node, inBoiler bool) {
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.Body:
				if body == nil {
					body = n
				}
			case n.DataAtom == atom.Html:
			case isBoilerplate(n, true):
				inBoiler = true
			}
			add := func(all, free *[]*html.Node) {
				*all = append(*all, n)
				if !inBoiler {
					*free = append(*free, n)
				}
			}
			switch {
			case n.DataAtom == atom.Article:
				add(&articles, &freeArticles)
			case hasToken(attr(n, "itemprop"), "articleBody"):
				add(&bodies, &freeBodies)
			case n.DataAtom == atom.Main || strings.EqualFold(strings.TrimSpace(attr(n, "role")), "main"):
				add(&mains, &freeMains)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBoiler)
		}
	}
	walk(doc, false)
	for _, group := range [][]*html.Node{freeArticles, articles, freeBodies, bodies, freeMains, mains} {
		if n := longest(group); n != nil {
			return n
		}
	}
	if page {
		if n := densestBlock(doc); n != nil {
			return n
		}
	}
	return body
}

// longest returns the node of nodes with the most article text, or nil when
// none has any.
func longest(nodes []*html.Node) *html.Node {
	var best *html.Node
	bestLen := 0
	for _, n := range nodes {
		if l := len(bodyText(n, true, "")); l > bestLen {
			best, bestLen = n, l
		}
	}
	return best
}

// densestBlock finds the block holding the most paragraph text: each
// paragraph of some length and few links counts its length to its parent
// and half to its grandparent.
func densestBlock(doc *html.Node) *html.Node {
	score := map[*html.Node]int{}
	var best *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom != atom.Html && n.DataAtom != atom.Body && isBoilerplate(n, true) {
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.P || n.DataAtom == atom.Pre ||
			(n.DataAtom == atom.Div && !hasBlockChild(n))) && n.Parent != nil {
			t := collapseSpace(nodeTextPruned(n))
			l := utf8.RuneCountInString(t)
			if l >= 25 && 2*utf8.RuneCountInString(linkText(n)) < l {
				for i, a := 0, n.Parent; i < 2 && a != nil && a.Type == html.ElementNode; i, a = i+1, a.Parent {
					score[a] += l >> i
					if best == nil || score[a] > score[best] {
						best = a
					}
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return best
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockTags[c.DataAtom] && c.DataAtom != atom.Br {
			return true
		}
	}
	return false
}

// blockTags are the elements that break the text into lines.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Br: true, atom.Tr: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Section: true,
	atom.Article: true, atom.Main: true, atom.Figure: true, atom.Figcaption: true, atom.Pre: true,
	atom.Hr: true, atom.Table: true, atom.Address: true, atom.Header: true, atom.Footer: true,
	atom.Caption: true, atom.Details: true, atom.Summary: true, atom.Center: true,
}

// bodyText is the text of root without its boilerplate (judged by class
// and id as well when byName) and without its <h1>, one paragraph a line;
// a first line equal to title is dropped too.
func bodyText(root *html.Node, byName bool, title string) string {
	var b strings.Builder
	pre := 0 // inside a <pre>, whose line breaks are kept
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if pre > 0 {
				b.WriteString(n.Data)
			} else {
				b.WriteString(lineBreaks.Replace(n.Data))
			}
			return
		case html.ElementNode:
			if n != root && isBoilerplate(n, byName) {
				return
			}
			switch n.DataAtom {
			case atom.H1:
				b.WriteByte('\n')
				return
			case atom.Br, atom.Hr:
				b.WriteByte('\n')
				return
			case atom.Td, atom.Th:
				b.WriteByte(' ')
			case atom.Img:
				return
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.DataAtom]
		if block {
			b.WriteByte('\n')
		}
		if n.DataAtom == atom.Pre {
			pre++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.DataAtom == atom.Pre {
			pre--
		}
		if block {
			b.WriteByte('\n')
		}
	}
	walk(root)
	lines := splitLines(b.String())
	if len(lines) > 0 && title != "" && strings.EqualFold(lines[0], collapseSpace(title)) {
		lines = lines[1:]
	}
	return strings.Join(lines, "\n")
}

// lineBreaks turns the line breaks of HTML source text into spaces.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// splitLines collapses the white space of each line of s and drops the
// empty ones.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = collapseSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// collapseSpace turns every run of white space (no-break spaces included)
// into one space, drops zero-width characters and trims the ends.
func collapseSpace(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			return -1
		}
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// nodeText is all the text under n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// nodeTextPruned is the text under n without its boilerplate.
func nodeTextPruned(n *html.Node) string {
	return strings.Join(splitLines(bodyText(n, true, "")), " ")
}

// linkText is the text under the links inside n.
func linkText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			b.WriteString(collapseSpace(nodeText(n)))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// timeIn lists the dates of the <time> elements inside root, outside its
// navigation and link lists.
func timeIn(root *html.Node) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n != root {
			switch {
			case n.DataAtom == atom.Header || n.DataAtom == atom.Footer:
			case isBoilerplate(n, true):
				return
			}
			if n.DataAtom == atom.Time {
				out = append(out, firstNonEmpty(attr(n, "datetime"), collapseSpace(nodeText(n))))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

// titleSeps part a page title from the name of its site.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » "}

// stripSiteSuffix drops " | Site" (or " - Site" ...) from a title when Site
// is the publisher's name.
func stripSiteSuffix(t, site string) string {
	site = collapseSpace(site)
	if site == "" {
		return t
	}
	for _, sep := range titleSeps {
		if s := strings.TrimSuffix(t, sep+site); s != t && s != "" {
			return strings.TrimSpace(s)
		}
	}
	return t
}

// cleanTitle reduces a <title> to the headline: the site's name suffix
// dropped, and of "A | B | C" the longest part.
func cleanTitle(t, site string) string {
	t = stripSiteSuffix(collapseSpace(t), site)
	parts := strings.Split(t, " | ")
	best := parts[0]
	for _, p := range parts[1:] {
		if utf8.RuneCountInString(p) > utf8.RuneCountInString(best) {
			best = p
		}
	}
	return strings.TrimSpace(best)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// hasToken reports whether the space-separated list s holds tok, ignoring
// case.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
