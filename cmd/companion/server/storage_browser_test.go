package server_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// A browser that refuses storage throws on every use of it: a JavaScript
// exception thrown into Go (syscall/js) is a panic that stops the app
// unless recovered, and one thrown by a property read stops it whatever
// it does. The app must start and be used without storage all the same:
// with cookies and site data blocked, window.localStorage itself throws a
// SecurityError (Chromium, Firefox); with some privacy settings and
// extensions only its methods do (web/theme.js then puts a storage
// that keeps nothing in its place); and storage may start refusing once
// the page is open (browserStorage recovers).
func TestBrowserStorageRefused(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	// Every exception no script caught: one from the Go program stops it.
	var mu sync.Mutex
	var uncaught []string
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*cdpruntime.EventExceptionThrown); ok {
			mu.Lock()
			defer mu.Unlock()
			msg := e.ExceptionDetails.Text
			if x := e.ExceptionDetails.Exception; x != nil {
				msg += " " + x.Description
			}
			uncaught = append(uncaught, msg)
		}
	})
	for _, tc := range []struct{ name, script string }{
		{"localStorage throws", `Object.defineProperty(window, "localStorage", {configurable: true,
			get() { throw new DOMException("Access is denied for this document.", "SecurityError"); }});`},
		{"its methods throw", `for (const m of ["getItem", "setItem", "removeItem", "key", "clear"]) {
				Storage.prototype[m] = function () { throw new DOMException("The operation is insecure.", "SecurityError"); };
			}
			Object.defineProperty(Storage.prototype, "length", {configurable: true,
				get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});`},
		// Storage that worked when the page's first script looked, then
		// refuses (site data cleared or blocked with the page open): the
		// app's own reads must recover.
		{"its methods throw later", `document.addEventListener("DOMContentLoaded", () => {
			for (const m of ["getItem", "setItem", "removeItem", "key", "clear"]) {
				Storage.prototype[m] = function () { throw new DOMException("The operation is insecure.", "SecurityError"); };
			}
		});`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var id page.ScriptIdentifier
			run(t, ctx, "refuse storage", chromedp.ActionFunc(func(ctx context.Context) error {
				var err error
				id, err = page.AddScriptToEvaluateOnNewDocument(tc.script).Do(ctx)
				return err
			}))
			defer run(t, ctx, "storage back", page.RemoveScriptToEvaluateOnNewDocument(id))
			run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
			// The storage does refuse, in this page.
			if got := evalString(t, ctx, "storage refused", `(() => { try { localStorage.setItem("x", "1"); return "written"; } catch (e) { return e.name; } })()`); got != "SecurityError" {
				t.Fatalf("writing to the storage gave %q, want a SecurityError: the test does not refuse storage", got)
			}
			// The app is alive: a star answers, saying it could not be
			// saved, and a link is followed by the app, not the server.
			run(t, ctx, "mark the page", chromedp.Evaluate(`window.companionSamePage = true`, nil))
			key := evalString(t, ctx, "a star", `document.querySelector("main button.star").dataset.key`)
			run(t, ctx, "star", click(`main button.star[data-key="`+key+`"]`))
			eventually(t, ctx, "the star answered", `document.querySelector("main").textContent.includes("Your star could not be saved")`)
			run(t, ctx, "to the agenda", click(`a[href="/agenda"]`))
			eventually(t, ctx, "the agenda, drawn by the app", `location.pathname === "/agenda" && window.companionSamePage === true && document.querySelector("main h1") !== null`)
			if got := evalString(t, ctx, "the app still runs", `String(document.documentElement.dataset.app)`); got != "ready" {
				t.Fatalf("data-app is %q", got)
			}
			if main := evalString(t, ctx, "agenda", `document.querySelector("main").textContent`); !strings.Contains(main, "agenda") && !strings.Contains(main, "Agenda") {
				t.Fatalf("the agenda page: %.300q", main)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(uncaught) > 0 {
				t.Fatalf("uncaught exceptions: %q", uncaught)
			}
		})
	}
}
