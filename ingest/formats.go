package ingest

import "bytes"

// builtinFormats lists every format diplograph reads, in sniffing order:
// the most distinctive first, plain text last.
func builtinFormats() []Format {
	return []Format{
		{Name: "gdelt", Exts: []string{".gdelt"}, New: func() Reader { return &GDELTReader{} }, Sniff: sniffGDELT, Match: IsGDELTExportName,
			Doc: "GDELT 2.0 events export (*.export.CSV: 61 tab-separated columns); diplomatic rows become events"},
		{Name: "feed", Exts: []string{".rss", ".atom", ".xml"}, New: func() Reader { return feedReader{} }, Sniff: sniffFeed,
			Doc: "RSS 2.0/1.0 or Atom feed: one report per item (title, link, date, content; publisher = feed title)"},
		{Name: "html", Exts: []string{".html", ".htm", ".xhtml"}, New: func() Reader { return htmlReader{} }, Sniff: sniffHTML,
			Doc: "HTML page: the article body as text; title, url, date and publisher from the page's meta data"},
		{Name: "jsonl", Exts: []string{".jsonl", ".ndjson", ".json"}, New: func() Reader { return jsonlReader{} }, Sniff: sniffJSONL,
			Doc: "JSON lines (or a JSON array / object): title, url, publisher, published and text or html per object"},
		{Name: "text", Exts: []string{".txt", ".text", ".md"}, New: func() Reader { return textReader{} },
			Sniff: func(head []byte) bool {
				return len(head) > 0 && !bytes.HasPrefix(head, []byte("<")) && !bytes.HasPrefix(head, []byte("{"))
			},
			Doc: "plain text with an optional header block (title, url, publisher, published)"},
	}
}
