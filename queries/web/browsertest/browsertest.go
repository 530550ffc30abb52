// Package browsertest starts a real headless chromium for the browser
// tests of the console and explorer, whether they drive an in-process
// server (queries/web) or a `diplograph serve` process (cmd/diplograph).
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// ChromiumPath is Debian's chromium.
const ChromiumPath = "/usr/bin/chromium"

// New starts a headless chromium with a fresh profile for pages of the
// server at base ("http://127.0.0.1:PORT") and returns a tab's context
// that ends after timeout. It records every address the browser
// requests; the test fails if one is not the server's own (or a data:,
// blob: or about: address). Without chromium the test skips, except
// under CI.
func New(t *testing.T, base string, timeout time.Duration) context.Context {
	t.Helper()
	if _, err := exec.LookPath(ChromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium is not installed at %s: CI must run the browser tests", ChromiumPath)
		}
		t.Skipf("chromium not installed at %s; skipping browser test", ChromiumPath)
	}
	profile, err := os.MkdirTemp("", "diplograph-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(ChromiumPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelB()
		cancelA()
		// Chromium's children may still write in the profile for a moment.
		for range 50 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	// The first Run starts the browser; it must not carry a timeout.
	if _, err := chromedp.Call(bctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancelT := context.WithTimeout(bctx, timeout)
	t.Cleanup(cancelT)

	var mu sync.Mutex
	var foreign []string
	err = chromedp.Listen(bctx, func(ev any) {
		e, ok := ev.(*network.EventRequestWillBeSent)
		if !ok {
			return
		}
		u := e.Request.URL
		if strings.HasPrefix(u, base+"/") || u == base ||
			strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") || strings.HasPrefix(u, "about:") {
			return
		}
		mu.Lock()
		foreign = append(foreign, u)
		mu.Unlock()
	})
	if err != nil {
		t.Fatalf("listen to chromium: %v", err)
	}
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, u := range foreign {
			t.Errorf("the page requested an address that is not the server's: %s", u)
		}
	})
	return ctx
}
