package server_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Three minutes before a starred talk: a banner in the page, and a system
// notification once the attendee allowed them, which opens the talk.
func TestBrowserReminders(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	const talk = "/talk/kubernetes-veepee-way" // 13:45 in Paris
	run(t, ctx, "13:42 in Paris", setClock("2023-03-07T13:42:00+01:00"))
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	starBySlug(t, ctx, "kubernetes-veepee-way")

	run(t, ctx, "My agenda", chromedp.Navigate(srv.URL+"/agenda"), appLoaded())
	eventually(t, ctx, "the banner", `(() => {
		const b = document.querySelector(".banner.reminder");
		return b !== null && b.textContent.includes("Starting in 3 min") && b.querySelector('a[href="`+talk+`"]') !== null;
	})()`)
	if got := evalString(t, ctx, "permission", `Notification.permission`); got != "default" {
		t.Fatalf("notification permission %q before the attendee was asked", got)
	}
	if got := evalString(t, ctx, "the offer", `(document.getElementById("allow-notifications")||{}).textContent||""`); got == "" {
		t.Error("My agenda does not offer notifications")
	}

	// Allowed: the next page load notifies, through the service worker, with
	// the talk's own path for the tap.
	run(t, ctx, "allow notifications", browser.GrantPermissions([]browser.PermissionType{browser.PermissionTypeNotifications}).WithOrigin(srv.URL), workerReady())
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	var paths []string
	deadline := 50
	for ; deadline > 0; deadline-- {
		var got []string
		run(t, ctx, "notifications shown", chromedp.Evaluate(
			`navigator.serviceWorker.ready.then(r => r.getNotifications()).then(ns => ns.map(n => n.title + "|" + n.body + "|" + n.data.path))`, &got,
			func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
		if len(got) > 0 {
			paths = got
			break
		}
		run(t, ctx, "wait", chromedp.Sleep(200*time.Millisecond))
	}
	if len(paths) != 1 || !strings.HasSuffix(paths[0], "|"+talk) || !strings.Contains(paths[0], "Starts at 13:45 in ") {
		t.Fatalf("notifications: %q, want one for %s at 13:45", paths, talk)
	}
}
