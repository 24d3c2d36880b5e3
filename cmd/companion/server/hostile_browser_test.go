package server_test

import (
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// In a real browser, before and after the app starts, the hostile
// schedule's pages run no script of its making (no dialog, no console
// marker, the title untouched) and show its text as text.
func TestBrowserHostileScheduleRunsNoScript(t *testing.T) {
	srv := newSite(t, hostileSchedule())
	ctx := newBrowser(t)
	var dialogs, markers atomic.Int32
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			dialogs.Add(1)
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(false))
		case *runtime.EventConsoleAPICalled:
			for _, a := range ev.Args {
				if strings.Contains(string(a.Value), "PWNED") {
					markers.Add(1)
				}
			}
		}
	})
	// Scripts that would run say so three ways: a dialog, a console line,
	// the document's title.
	const payload = `<img src=x onerror="alert(1);console.log('PWNED');document.title='PWNED'">`
	for _, p := range []string{
		"/talk/quote-talk?c=hostile", "/talk/nbsp-talk?c=hostile", "/?c=hostile",
		"/talk/a\"><img src=x onerror=alert(1)>",
		"/talk/x" + strings.ReplaceAll(payload, " ", "%20"),
	} {
		run(t, ctx, "open "+p, chromedp.Navigate(srv.URL+p), chromedp.WaitReady("body", chromedp.ByQuery))
		if strings.HasPrefix(p, "/talk/quote") {
			// The prerendered page, then the app's own rendering.
			if got := evalString(t, ctx, "h1", `document.querySelector("h1").textContent`); got != hostileTitle {
				t.Errorf("prerendered h1 %q", got)
			}
			run(t, ctx, "app starts", appLoaded())
			if got := evalString(t, ctx, "h1", `document.querySelector("h1").textContent`); got != hostileTitle {
				t.Errorf("h1 once the app runs: %q", got)
			}
			if got := evalString(t, ctx, "speaker", `document.querySelector(".speakers-block").textContent`); !strings.Contains(got, hostileName) {
				t.Errorf("speaker shown as %q", got)
			}
		}
		if strings.HasPrefix(p, "/talk/nbsp") {
			run(t, ctx, "app starts", appLoaded())
			if got := evalString(t, ctx, "h1", `document.querySelector("h1").textContent`); got != nbspTitle {
				t.Errorf("h1 %q, want %q", got, nbspTitle)
			}
		}
		if got := evalString(t, ctx, "title", `document.title`); got == "PWNED" {
			t.Errorf("%s: a script ran (title %q)", p, got)
		}
		var imgs int
		run(t, ctx, "count images", chromedp.Evaluate(`document.querySelectorAll("img:not([src^='/web/'])").length`, &imgs))
		if imgs != 0 {
			t.Errorf("%s: %d injected images", p, imgs)
		}
	}
	run(t, ctx, "settle", chromedp.Evaluate(`new Promise(r => setTimeout(r, 500))`, nil, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	if n := dialogs.Load(); n != 0 {
		t.Errorf("%d dialogs opened", n)
	}
	if n := markers.Load(); n != 0 {
		t.Errorf("%d console markers", n)
	}
}
