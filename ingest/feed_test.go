package ingest

import (
	"strings"
	"testing"
)

func TestFeedRSS(t *testing.T) {
	reps, errs, err := fmtRead(t, feedReader{}, "rss.xml", fmtFixture(t, "rss.xml"))
	if err != nil || len(errs) > 0 || len(reps) != 2 {
		t.Fatalf("got %d reports, errs %v, err %v", len(reps), errs, err)
	}
	fmtCheck(t, reps[0], Report{
		Source: "rss.xml#1", Format: "feed", Title: "Ministers meet in Geneva", URL: "https://wire.example/geneva",
		Publisher: "Diplomatic Wire", Published: "2024-03-05",
		Body: "The foreign ministers of Armenia and Azerbaijan met in Geneva.\nThey agreed to meet again.",
	})
	fmtCheck(t, reps[1], Report{
		Source: "rss.xml#2", Format: "feed", Title: "Envoy & delegation arrive", URL: "https://wire.example/envoy",
		Publisher: "Diplomatic Wire", Published: "2024-03-06",
		Body: "The envoy of Japan arrived in Seoul.\nTalks begin on Friday.",
	})
}

func TestFeedAtom(t *testing.T) {
	reps, errs, err := fmtRead(t, feedReader{}, "atom.xml", fmtFixture(t, "atom.xml"))
	if err != nil || len(errs) > 0 || len(reps) != 2 {
		t.Fatalf("got %d reports, errs %v, err %v", len(reps), errs, err)
	}
	fmtCheck(t, reps[0], Report{
		Source: "atom.xml#1", Format: "feed", Title: "Ambassador presents credentials", URL: "https://embassy.example/credentials",
		Publisher: "Embassy Bulletin", Published: "2024-04-01",
		Body: "The new ambassador of Brazil presented credentials in Lisbon.\nThe ceremony took place at the palace.",
	})
	fmtCheck(t, reps[1], Report{
		Source: "atom.xml#2", Format: "feed", Title: "Trade deal signed", URL: "https://embassy.example/trade",
		Publisher: "Embassy Bulletin", Published: "2024-04-03",
		Body: "Chile and Peru signed a trade deal.",
	})
}

func TestFeedItemWithoutText(t *testing.T) {
	src := `<rss version="2.0"><channel><title>W</title>
<item><title>Empty</title><link>https://x.example/1</link><description><![CDATA[<script>x()</script>]]></description></item>
<item><title>Full</title><description>Iran and Iraq met &amp; talked.</description><pubDate>not a date</pubDate></item>
</channel></rss>`
	reps, errs, err := fmtRead(t, feedReader{}, "f.rss", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "f.rss#1: ") {
		t.Errorf("errors %v, want one naming f.rss#1", errs)
	}
	if len(reps) != 1 {
		t.Fatalf("got %d reports, want 1", len(reps))
	}
	fmtCheck(t, reps[0], Report{Source: "f.rss#2", Format: "feed", Title: "Full", Publisher: "W", Body: "Iran and Iraq met & talked."})
}

func TestFeedRDFAndCharset(t *testing.T) {
	src := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" +
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		"<channel><title>Journal</title></channel>" +
		"<item><title>Caf\xe9 talks</title><link>https://j.example/1</link><dc:date>2021-06-07</dc:date>" +
		"<description>Le ministre a parl\xe9.</description></item></rdf:RDF>"
	reps, errs, err := fmtRead(t, feedReader{}, "j.rdf", src)
	if err != nil || len(errs) > 0 || len(reps) != 1 {
		t.Fatalf("got %d reports, errs %v, err %v", len(reps), errs, err)
	}
	fmtCheck(t, reps[0], Report{Source: "j.rdf#1", Format: "feed", Title: "Café talks", URL: "https://j.example/1",
		Publisher: "Journal", Published: "2021-06-07", Body: "Le ministre a parlé."})
}

func TestFeedNotAFeed(t *testing.T) {
	if _, _, err := fmtRead(t, feedReader{}, "n.xml", `<?xml version="1.0"?><config><a>1</a></config>`); err == nil ||
		!strings.Contains(err.Error(), "n.xml") {
		t.Errorf("err = %v, want one naming n.xml", err)
	}
	reps, _, err := fmtRead(t, feedReader{}, "t.xml", `<rss><channel><title>T</title><item><description>Cuba and Haiti met.</description></item><item><descr`)
	if len(reps) != 1 || err == nil || !strings.HasPrefix(err.Error(), "t.xml") {
		t.Errorf("truncated feed: %d reports, err %v; want 1 report and an error naming t.xml", len(reps), err)
	}
}

func TestSniffFeed(t *testing.T) {
	for head, want := range map[string]bool{
		`<?xml version="1.0"?>` + "\n" + `<rss version="2.0">`:                 true,
		`<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><feed xmlns="x">`: true,
		`<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">`:                         true,
		`<rss version="2.0">`:             true,
		`<feed>`:                          true,
		`<?xml version="1.0"?><feedback>`: false,
		`<?xml version="1.0"?>` + strings.Repeat(" ", 1100) + `<rss>`:      false,
		`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">`: false,
		`<html><body><rss>`: false,
	} {
		if got := sniffFeed([]byte(head)); got != want {
			t.Errorf("sniffFeed(%.60q) = %v, want %v", head, got, want)
		}
	}
}
