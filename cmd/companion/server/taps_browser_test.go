package server_test

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// A star tapped before the WebAssembly has started is shown pressed at
// once and saved when the app starts: the app's download is held back
// until after the tap.
func TestBrowserStarTappedBeforeTheAppStarted(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)

	held := make(chan fetch.RequestID, 1)
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			held <- e.RequestID
		}
	})
	run(t, ctx, "hold the app back", fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*/web/app.wasm*"}}))
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("main li.card button.star", chromedp.ByQuery))
	eventually(t, ctx, "the tap script listens", `document.documentElement.dataset.taps === "queued"`)
	var id fetch.RequestID
	select {
	case id = <-held:
	case <-ctx.Done():
		t.Fatal("the app's download was never requested")
	}

	key := evalString(t, ctx, "a talk", `document.querySelector("main li.card button.star").dataset.key`)
	star := `button.star[data-key="` + key + `"]`
	run(t, ctx, "tap its star", click(star))
	var pressed, started bool
	run(t, ctx, "shown pressed at once",
		chromedp.Evaluate(`document.querySelector('`+star+`').getAttribute("aria-pressed") === "true" && document.querySelector('`+star+`').textContent.includes("★")`, &pressed),
		chromedp.Evaluate(`document.documentElement.dataset.app === "ready"`, &started))
	if started {
		t.Fatal("the app had started before the tap: the test proves nothing")
	}
	if !pressed {
		t.Fatal("the star tapped before the app started is not shown pressed")
	}

	run(t, ctx, "let the app load", chromedp.ActionFunc(func(ctx context.Context) error {
		if err := fetch.ContinueRequest(id).Do(ctx); err != nil {
			return err
		}
		return fetch.Disable().Do(ctx)
	}), appLoaded())
	run(t, ctx, "still pressed once the app runs", chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))
	run(t, ctx, "saved: starred after a reload", chromedp.Reload(), appLoaded(), chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))
	run(t, ctx, "saved: in My agenda", chromedp.Navigate(srv.URL+"/agenda"), appLoaded(), chromedp.WaitVisible(`.agenda-list `+star, chromedp.ByQuery))
	var left string
	run(t, ctx, "the queue is empty", chromedp.Evaluate(`String(localStorage.getItem("companion/pending-stars"))`, &left))
	if left != "null" {
		t.Errorf("the queue of early taps is left at %s", left)
	}
}
