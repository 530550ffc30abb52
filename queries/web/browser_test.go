package web

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/diplograph/diplograph/queries/web/browsertest"
)

// editorsText is the text of every Monaco editor on the console's page.
const editorsText = `Array.from(document.querySelectorAll(".monaco-editor")).map(e => e.innerText).join("\n---\n")`

func TestBrowserConsoleRunsGizmo(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	ctx := browsertest.New(t, ts.URL, 45*time.Second)
	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		// The query editor is Monaco, loaded from our embedded copy.
		chromedp.WaitVisible(chromedp.CSS(`.monaco-editor .view-lines`)),
		chromedp.Click(chromedp.CSS(`.monaco-editor .view-lines`)),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(kb.Delete),
		chromedp.KeyEvent(`g.V("<country:PAK>").out("<schema:name>").all()`),
	)
	if err != nil {
		t.Fatalf("console: type the query: %v", err)
	}
	typed, _ := chromedp.Run(ctx, chromedp.Evaluate[string](editorsText))
	if !strings.Contains(strings.ReplaceAll(typed, "\u00a0", " "), `out("<schema:name>")`) {
		t.Logf("editor holds: %q", typed)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.Search(`//button[contains(., "Run")]`)),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll(".monaco-editor").length > 1 && `+
			`Array.from(document.querySelectorAll(".monaco-editor")).slice(1).some(e => e.innerText.includes("Pakistan"))`,
			chromedp.WithPollingTimeout(20*time.Second)),
	)
	if err != nil {
		out, _ := chromedp.Run(ctx, chromedp.Evaluate[string](editorsText))
		t.Fatalf("console: run the query: %v\neditors:\n%s", err, out)
	}
	// The Material Icons font is ours too: the Run button's icon is drawn
	// by the font, not spelled out.
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.fonts.check('24px "Material Icons"')`))
	if err != nil || !ok {
		t.Errorf("Material Icons not loaded: %v %v", ok, err)
	}
}

func TestBrowserExplorer(t *testing.T) {
	_, ts := newExtractedServer(t)
	ctx := browsertest.New(t, ts.URL, 45*time.Second)
	dir := t.TempDir()
	done := make(chan string, 1)
	if err := chromedp.ListenBrowser(ctx, func(ev any) {
		if e, ok := ev.(*browser.EventDownloadProgress); ok && e.State == browser.DownloadProgressStateCompleted {
			select {
			case done <- e.GUID:
			default:
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: new(true),
	}); err != nil {
		t.Fatal(err)
	}
	eventLink := `a.entity[data-id="` + event10 + `"]`
	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/explore/"),
		chromedp.WaitVisible(chromedp.CSS(`#q`)),
		chromedp.SendKeys(chromedp.CSS(`#q`), "Pakistan\n"),
		chromedp.WaitVisible(chromedp.CSS(`#entity-results `+eventLink)),
		chromedp.Click(chromedp.CSS(`#entity-results `+eventLink)),
		chromedp.WaitVisible(chromedp.CSS(`#relations`)),
		chromedp.WaitVisible(chromedp.CSS(`#evidence`)),
		chromedp.WaitVisible(chromedp.CSS(`#neighbours circle`)),
	)
	if err != nil {
		t.Fatalf("explorer: %v", err)
	}
	page, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#main`)))
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.HasSuffix(loc, "/explore/entity/"+event10) {
		t.Errorf("entity page address: %s", loc)
	}
	chairs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll('#relations tr[data-predicate="dg:co_chaired"] a.entity')).map(a => a.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"Syed Haider Shah", "Sergey Vershinin"} {
		if !strings.Contains(strings.Join(chairs, "|"), c) {
			t.Errorf("co-chair %s not shown (co-chairs: %v)", c, chairs)
		}
	}
	if !strings.Contains(page, "co-chaired the 10th meeting of the Pakistan-Russia Joint Working Group") {
		t.Errorf("evidence sentence not shown:\n%s", page)
	}
	if !strings.Contains(page, "2023-11-16") {
		t.Errorf("timeline date not shown")
	}

	// Export: the GraphML button downloads a file.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#export-graphml`))); err != nil {
		t.Fatal(err)
	}
	select {
	case guid := <-done:
		b, err := os.ReadFile(filepath.Join(dir, guid))
		if err != nil {
			t.Fatal(err)
		}
		if !contains(b, "<graphml") || !contains(b, `<node id="person:sergey-vershinin">`) {
			t.Errorf("download is no GraphML of the event: %.300s", b)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no GraphML download")
	}
}

// TestBrowserSearchSaysWhenCut checks the explorer's notice on a search
// whose results the limit cut, and its absence when nothing was cut.
func TestBrowserSearchSaysWhenCut(t *testing.T) {
	_, ts := newExtractedServer(t)
	ctx := browsertest.New(t, ts.URL, 45*time.Second)
	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/explore/search?q=meeting"),
		chromedp.WaitVisible(chromedp.CSS(`#evidence-results .truncated`)),
	)
	if err != nil {
		t.Fatalf("no notice on a cut evidence search: %v", err)
	}
	notice, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#evidence-results .truncated`)))
	if err != nil || !strings.Contains(notice, "first 20") {
		t.Errorf("notice %q, %v", notice, err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#evidence-results blockquote').length`))
	if err != nil || n != 20 {
		t.Errorf("%d sentences shown, %v; want 20", n, err)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/explore/search?q=country:AFG"),
		chromedp.WaitVisible(chromedp.CSS(`#entity-results a.entity`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	cut, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#entity-results .truncated').length`))
	if err != nil || cut != 0 {
		t.Errorf("notice on an uncut search: %d, %v", cut, err)
	}
}

// TestBrowserEntityPage checks two things of entity pages: on a hub
// country the labels of the neighbour graph do not overlap and stay
// legible, with "and N more" past the neighbours drawn; and a person's
// evidence shows only sentences that name them.
func TestBrowserEntityPage(t *testing.T) {
	_, ts := newExtractedServer(t)
	ctx := browsertest.New(t, ts.URL, 45*time.Second)
	for _, hub := range []string{"country:RUS", "country:CHN"} {
		err := chromedp.Do(ctx,
			chromedp.Navigate(ts.URL+"/explore/entity/"+hub),
			chromedp.WaitVisible(chromedp.CSS(`#neighbours circle`)),
		)
		if err != nil {
			t.Fatalf("%s: %v", hub, err)
		}
		type box struct {
			Text                     string
			Left, Top, Right, Bottom float64
		}
		boxes, err := chromedp.Run(ctx, chromedp.Evaluate[[]box](`Array.from(document.querySelectorAll('#neighbours text')).map(e => {
			const r = e.getBoundingClientRect();
			return {text: e.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom};
		})`))
		if err != nil {
			t.Fatal(err)
		}
		edges, err := chromedp.Run(ctx, chromedp.Evaluate[int](`new Set(Array.from(document.querySelectorAll('#relations tr a.entity')).map(a => a.dataset.id)).size`))
		if err != nil {
			t.Fatal(err)
		}
		if edges < 25 {
			t.Errorf("%s has %d neighbours: no hub", hub, edges)
		}
		if len(boxes) < 20 {
			t.Fatalf("%s: %d labels drawn", hub, len(boxes))
		}
		frame, err := chromedp.Run(ctx, chromedp.Evaluate[box](`(r => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom}))(document.getElementById('neighbours').getBoundingClientRect())`))
		if err != nil {
			t.Fatal(err)
		}
		for i, a := range boxes {
			if a.Left < frame.Left-1 || a.Right > frame.Right+1 || a.Top < frame.Top-1 || a.Bottom > frame.Bottom+1 {
				t.Errorf("%s: label %q is cut by the frame: %+v outside %+v", hub, a.Text, a, frame)
			}
			if h := a.Bottom - a.Top; h < 9 {
				t.Errorf("%s: label %q is %.1f px high: illegible", hub, a.Text, h)
			}
			for _, b := range boxes[i+1:] {
				w := min(a.Right, b.Right) - max(a.Left, b.Left)
				h := min(a.Bottom, b.Bottom) - max(a.Top, b.Top)
				if w > 1 && h > 1 {
					t.Errorf("%s: labels overlap: %q and %q", hub, a.Text, b.Text)
				}
			}
		}
		circles, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#neighbours circle').length`))
		more, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.getElementById('neighbours-more') || {}).textContent || ''`))
		if drawn := circles - 1; drawn < edges && !strings.Contains(more, fmt.Sprintf("and %d more", edges-drawn)) {
			t.Errorf("%s: %d of %d neighbours drawn, note %q", hub, drawn, edges, more)
		}
	}

	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/explore/entity/person:sergey-vershinin"),
		chromedp.WaitVisible(chromedp.CSS(`#evidence blockquote`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	quotes, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#evidence blockquote')).map(q => q.textContent)`))
	if err != nil || len(quotes) == 0 {
		t.Fatalf("evidence: %v, %v", quotes, err)
	}
	for _, q := range quotes {
		if !strings.Contains(q, "Vershinin") {
			t.Errorf("Vershinin's evidence shows a sentence that does not name him: %q", q)
		}
	}
}
