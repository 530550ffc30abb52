package ingest

import (
	"strings"
	"testing"
)

func TestChooseByExtension(t *testing.T) {
	reg := DefaultRegistry()
	for path, want := range map[string]string{
		"a/news.html":       "html",
		"NEWS.HTM":          "html",
		"page.xhtml.gz":     "html",
		"r.jsonl":           "jsonl",
		"r.ndjson.gz":       "jsonl",
		"r.json":            "jsonl",
		"wire.rss":          "feed",
		"b.atom":            "feed",
		"feed.xml":          "feed",
		"report.txt":        "text",
		"notes.md":          "text",
		"dir.v2/report.TXT": "text",
	} {
		// The head says otherwise: the extension wins.
		rd, err := reg.Choose("", path, []byte("{}"))
		if err != nil {
			t.Errorf("Choose(%q): %v", path, err)
			continue
		}
		if rd.Name() != want {
			t.Errorf("Choose(%q) = %s, want %s", path, rd.Name(), want)
		}
	}
}

func TestChooseBySniffing(t *testing.T) {
	reg := DefaultRegistry()
	for head, want := range map[string]string{
		"<!DOCTYPE html>\n<html>":                             "html",
		"\ufeff  <html><body>":                                "html",
		"<article><p>x</p></article>":                         "html",
		`{"title": "x", "text": "y"}`:                         "jsonl",
		"[\n  {\"text\": \"y\"}]":                             "jsonl",
		`<?xml version="1.0" encoding="utf-8"?><rss>`:         "feed",
		"<?xml version=\"1.0\"?>\n<feed xmlns=\"atom\">":      "feed",
		"<rss version=\"2.0\">":                               "feed",
		"title: Talks\n\nThe ministers met.":                  "text",
		"ISLAMABAD: Pakistan and India met on Tuesday.":       "text",
		"<?xml version=\"1.0\"?><html xmlns=\"xhtml\"><body>": "html",
	} {
		rd, err := reg.Choose("", "upload", []byte(head))
		if err != nil {
			t.Errorf("Choose(%.30q): %v", head, err)
			continue
		}
		if rd.Name() != want {
			t.Errorf("Choose(%.30q) = %s, want %s", head, rd.Name(), want)
		}
	}
	if _, err := reg.Choose("", "upload", []byte("<config/>")); err == nil || !strings.Contains(err.Error(), "upload") {
		t.Errorf("unknown XML: err = %v, want one naming the file", err)
	}
}

func TestChooseByName(t *testing.T) {
	reg := DefaultRegistry()
	for _, name := range []string{"html", "jsonl", "feed", "text"} {
		rd, err := reg.Choose(name, "x.txt", nil)
		if err != nil || rd.Name() != name {
			t.Errorf("Choose(%q) = %v, %v", name, rd, err)
		}
	}
	if _, err := reg.Choose("pdf", "x.pdf", nil); err == nil || !strings.Contains(err.Error(), "html") {
		t.Errorf("unknown format: err = %v, want one listing the formats", err)
	}
	// text stays last: it would sniff anything that is not markup or JSON.
	fs := builtinFormats()
	if fs[len(fs)-1].Name != "text" {
		t.Errorf("last format is %s, want text", fs[len(fs)-1].Name)
	}
}

func TestChooseByFileName(t *testing.T) {
	reg := DefaultRegistry()
	r, err := reg.Choose("", "/data/20191024143000.export.CSV", []byte("not sniffable"))
	if err != nil || r.Name() != "gdelt" {
		t.Fatalf("export.CSV chose %v, %v; want gdelt", r, err)
	}
	r, err = reg.Choose("", "/data/notes.csv.txt", []byte("plain"))
	if err != nil || r.Name() != "text" {
		t.Fatalf("notes.csv.txt chose %v, %v; want text", r, err)
	}
}
