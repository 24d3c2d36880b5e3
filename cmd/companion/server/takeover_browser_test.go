package server_test

import (
	"context"
	"testing"

	"companion/data"
	"companion/data/fixtures"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// watchSchedule records, in every page loaded from now on, each moment the
// schedule's list is empty after it had been shown: window.companionSeen
// is the most cards seen, window.companionGone the times (ms since the
// page began) it was gone again.
func watchSchedule() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`(() => {
			window.companionSeen = 0;
			window.companionGone = [];
			const check = () => {
				const n = document.querySelectorAll("main li.card").length;
				if (n > 0) {
					window.companionSeen = Math.max(window.companionSeen, n);
				} else if (window.companionSeen > 0) {
					window.companionGone.push(Math.round(performance.now()));
				}
			};
			new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
		})()`).Do(ctx)
		return err
	})
}

// Once the schedule is on screen it stays there while the app starts: on a
// warm reload (service worker, app in its cache) and offline, for a
// conference served beside the app (its schedule fetched by the app), the
// app takes over the prerendered page with the schedule in hand, never
// replacing it with an empty or loading state.
func TestBrowserScheduleNeverDisappears(t *testing.T) {
	camp := fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json")
	srv := newSite(t, data.File{Name: "camp2019.json", JSON: string(camp)})
	ctx := newBrowser(t)
	const at = "/?c=Camp2019"
	run(t, ctx, "watch the schedule", watchSchedule())
	run(t, ctx, "first visit", chromedp.Navigate(srv.URL+at), appLoaded(), workerReady())

	check := func(step string) {
		t.Helper()
		run(t, ctx, step, appLoaded())
		// The app has started: its first render is in the page.
		eventually(t, ctx, step+": the app's schedule", `document.querySelectorAll("main li.card button.star").length > 0`)
		var seen int
		var gone []int
		run(t, ctx, step+": what the page saw", chromedp.Evaluate(`window.companionSeen`, &seen), chromedp.Evaluate(`window.companionGone`, &gone))
		if seen == 0 {
			t.Fatalf("%s: the schedule was never seen: the watcher does not work", step)
		}
		if len(gone) > 0 {
			t.Errorf("%s: the schedule (%d talks) disappeared after it was shown, at %v ms", step, seen, gone)
		}
	}
	run(t, ctx, "warm reload", chromedp.Navigate(srv.URL+at))
	check("warm reload")

	run(t, ctx, "go offline", network.Enable(), network.EmulateNetworkConditions(true, 0, 0, 0))
	run(t, ctx, "offline reload", chromedp.Navigate(srv.URL+at))
	check("offline reload")
}

// The first page of a first visit, loaded before the service worker
// existed, is kept by it when it installs: reloaded offline, that talk is
// its own page at once, not the shell of the schedule.
func TestBrowserFirstPageKeptByTheWorker(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	recordFirstTitle(t, ctx)
	const talk = "/talk/revolution-ebpf"
	run(t, ctx, "a shared talk link, first visit", chromedp.Navigate(srv.URL+talk), appLoaded(), workerReady())
	title := evalString(t, ctx, "its title", `document.querySelector("main h1").textContent`)
	offlineFirstTitle(t, ctx, srv.URL, talk, title)
}

// recordFirstTitle makes every page note its first heading and whether the
// app had started when its HTML was parsed.
func recordFirstTitle(t *testing.T, ctx context.Context) {
	t.Helper()
	run(t, ctx, "record what the page holds before the app runs", chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`document.addEventListener("DOMContentLoaded", () => {
			const h = document.querySelector("main h1");
			window.companionFirstTitle = h ? h.textContent : "";
			window.companionAppBefore = document.documentElement.dataset.app === "ready";
		})`).Do(ctx)
		return err
	}))
}

// offlineFirstTitle goes offline, opens path and checks that its first
// heading, before the app started, was title: the page's own HTML came
// from the service worker. Needs recordFirstTitle.
func offlineFirstTitle(t *testing.T, ctx context.Context, site, path, title string) {
	t.Helper()
	run(t, ctx, "go offline", network.Enable(), network.EmulateNetworkConditions(true, 0, 0, 0))
	run(t, ctx, "open "+path+" offline", chromedp.Navigate(site+path), appLoaded())
	var first string
	var before bool
	run(t, ctx, "what came first", chromedp.Evaluate(`window.companionFirstTitle`, &first), chromedp.Evaluate(`window.companionAppBefore`, &before))
	if before {
		t.Fatal("the app had started before the page was parsed: the test proves nothing")
	}
	if first != title {
		t.Errorf("offline, %s first showed %q, not its own page (%q)", path, first, title)
	}
}

// Offline, the service worker answers a deep link visited before with
// that page's own prerendered HTML, not the cached shell of another page:
// the talk is readable before the app has started. A talk of a conference
// served beside the app, here.
func TestBrowserOfflineDeepLinkIsItsOwnPage(t *testing.T) {
	camp := fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json")
	srv := newSite(t, data.File{Name: "camp2019.json", JSON: string(camp)})
	ctx := newBrowser(t)
	recordFirstTitle(t, ctx)
	run(t, ctx, "open the schedule", chromedp.Navigate(srv.URL+"/?c=Camp2019"), appLoaded(), workerReady())
	href := evalString(t, ctx, "a talk", `document.querySelectorAll("main li.card .card-title a")[3].getAttribute("href")`)
	title := evalString(t, ctx, "its title", `document.querySelectorAll("main li.card .card-title a")[3].textContent`)
	run(t, ctx, "visit the talk", chromedp.Navigate(srv.URL+href), appLoaded())

	offlineFirstTitle(t, ctx, srv.URL, href, title)
}
