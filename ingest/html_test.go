package ingest

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// fmtFixture reads testdata/formats/name.
func fmtFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "formats", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// fmtRead runs rd over src as the file name and returns what it emitted
// and the error it returned.
func fmtRead(t *testing.T, rd Reader, name, src string) ([]*Report, []error, error) {
	t.Helper()
	var reps []*Report
	var errs []error
	err := rd.Read(context.Background(), name, strings.NewReader(src), func(d Doc) error {
		switch {
		case d.Err != nil:
			errs = append(errs, d.Err)
		case d.Report != nil:
			reps = append(reps, d.Report)
		default:
			t.Errorf("%s: empty Doc emitted", name)
		}
		return nil
	})
	return reps, errs, err
}

// fmtCheck compares a report's fields with want (ID, when want has one, and
// Format included).
func fmtCheck(t *testing.T, got *Report, want Report) {
	t.Helper()
	if got == nil {
		t.Fatalf("no report, want %+v", want)
	}
	check := func(field, g, w string) {
		t.Helper()
		if g != w {
			t.Errorf("%s:\n got %q\nwant %q", field, g, w)
		}
	}
	check("Source", got.Source, want.Source)
	check("Format", got.Format, want.Format)
	check("Title", got.Title, want.Title)
	check("URL", got.URL, want.URL)
	check("Publisher", got.Publisher, want.Publisher)
	check("Published", got.Published, want.Published)
	check("Body", got.Body, want.Body)
	if got.ID == "" || got.ID != schema.ReportID(got.Body) {
		t.Errorf("ID %q, want schema.ReportID(Body) = %q", got.ID, schema.ReportID(got.Body))
	}
}

func TestHTMLNewsPage(t *testing.T) {
	reps, errs, err := fmtRead(t, htmlReader{}, "news.html", fmtFixture(t, "news.html"))
	if err != nil || len(errs) > 0 || len(reps) != 1 {
		t.Fatalf("got %d reports, errs %v, err %v", len(reps), errs, err)
	}
	fmtCheck(t, reps[0], Report{
		Source: "news.html", Format: "html",
		Title:     "Ministers agree to resume border talks",
		URL:       "https://courier.example/world/2024/03/05/border-talks",
		Publisher: "Daily Courier",
		Published: "2024-03-05",
		Body: "GENEVA — The foreign ministers of Armenia and Azerbaijan met in Geneva on Tuesday.\n" +
			"They agreed to resume talks on the border next month.\n" +
			"A joint statement was issued after the meeting.\n" +
			"Reactions\n" +
			"The European Union welcomed the agreement.",
	})
	for _, junk := range []string{"cookie", "Share", "Subscribe", "Celebrity", "Related", "Earlier talks", "Great article",
		"script", "JavaScript", "pull quote", "All rights", "Politics", "Home", "By A. Reporter"} {
		if strings.Contains(reps[0].Body, junk) {
			t.Errorf("body holds boilerplate %q", junk)
		}
	}
}

func TestHTMLJSONLDAndDenseBlock(t *testing.T) {
	reps, errs, err := fmtRead(t, htmlReader{}, "jsonld.html", fmtFixture(t, "jsonld.html"))
	if err != nil || len(errs) > 0 || len(reps) != 1 {
		t.Fatalf("got %d reports, errs %v, err %v", len(reps), errs, err)
	}
	fmtCheck(t, reps[0], Report{
		Source: "jsonld.html", Format: "html",
		Title:     "Envoy visits Kyiv - Evening Post", // the longest part once " | Evening Post" is dropped
		URL:       "https://post.example/envoy-visits-kyiv",
		Publisher: "Evening Post", // from JSON-LD
		Published: "2023-11-20",   // the NewsArticle's date, not the WebSite's
		Body: "The special envoy of China arrived in Kyiv on Monday for two days of talks.\n" +
			"He met the Ukrainian foreign minister and discussed a possible peace conference.",
	})
}

func TestHTMLNoText(t *testing.T) {
	_, _, err := fmtRead(t, htmlReader{}, "app.html", fmtFixture(t, "scripts-only.html"))
	if err == nil || !strings.Contains(err.Error(), "app.html") || !strings.Contains(err.Error(), "no article text") {
		t.Fatalf("err = %v, want one naming app.html and saying no article text", err)
	}
}

func TestHTMLMetaFallbacks(t *testing.T) {
	cases := []struct {
		name, src string
		want      Report
	}{{
		name: "title-h1-itemprop",
		src: `<html><head><meta name="dc.date" content="2020-01-02"></head><body>
			<h1>Summit  opens</h1><div itemprop="articleBody"><p>Leaders of Kenya and Ethiopia met in Nairobi.</p></div>
			<div class="promo"><p>Buy our magazine now, it is the best magazine there ever was.</p></div></body></html>`,
		want: Report{Title: "Summit opens", Published: "2020-01-02", Body: "Leaders of Kenya and Ethiopia met in Nairobi."},
	}, {
		name: "title-tag-time-in-article",
		src: `<!DOCTYPE html><html><head><title>Accord signed – Gazette</title><meta property="og:site_name" content="Gazette"></head>
			<body><time datetime="1999-09-09">old</time><article><p>Peru and Chile signed an accord.</p>
			<footer><time datetime="2022-07-08T10:00:00+0200">8 July</time></footer></article></body></html>`,
		want: Report{Title: "Accord signed", Publisher: "Gazette", Published: "2022-07-08", Body: "Peru and Chile signed an accord."},
	}, {
		name: "source-line-breaks-and-pre",
		src:  "<div><p>Iran and\r\nOman\n  met.</p><pre>line one\nline two</pre></div>",
		want: Report{Body: "Iran and Oman met.\nline one\nline two"},
	}, {
		name: "main-role-and-table",
		src: `<html><body><div role="navigation">Menu items here</div><div role="main"><p>Row follows:</p>
			<table><tr><td>Country</td><td>Vote</td></tr><tr><td>France</td><td>Yes</td></tr></table></div></body></html>`,
		want: Report{Body: "Row follows:\nCountry Vote\nFrance Yes"},
	}, {
		name: "meta-itemprop-date-and-og-title-suffix",
		src: `<html><head><meta property="og:title" content="Sanctions extended | The Ledger"><meta property="og:site_name" content="The Ledger">
			<meta itemprop="datePublished" content="March 3, 2021"><meta name="date" content="2000-01-01"></head>
			<body><main><p>The council extended sanctions on Tuesday.</p></main></body></html>`,
		want: Report{Title: "Sanctions extended", Publisher: "The Ledger", Published: "2021-03-03", Body: "The council extended sanctions on Tuesday."},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := extractHTML(c.src)
			got := Report{Title: p.Title, URL: p.URL, Publisher: p.Publisher, Published: p.Published, Body: p.Body}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("\n got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestHTMLCharset(t *testing.T) {
	src := "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><p>Le ministre a parl\xe9 \xe0 Paris.</p></body></html>"
	reps, _, err := fmtRead(t, htmlReader{}, "latin1.html", src)
	if err != nil || len(reps) != 1 {
		t.Fatalf("got %d reports, err %v", len(reps), err)
	}
	if reps[0].Body != "Le ministre a parlé à Paris." || reps[0].Title != "Café" {
		t.Errorf("got title %q body %q", reps[0].Title, reps[0].Body)
	}
}

func TestSniffHTML(t *testing.T) {
	for head, want := range map[string]bool{
		"<!DOCTYPE html><html>": true,
		"<HTML lang=en>":        true,
		"<head><title>x":        true,
		"<body>":                true,
		"<article class=x>":     true,
		"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">": true,
		"<!-- saved --><!doctype html>":               true,
		"<header>":                                    false,
		"<rss version=\"2.0\">":                       false,
		"{\"title\": 1}":                              false,
		"Plain text":                                  false,
	} {
		if got := sniffHTML([]byte(head)); got != want {
			t.Errorf("sniffHTML(%q) = %v, want %v", head, got, want)
		}
	}
}
