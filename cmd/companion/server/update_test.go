package server_test

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"companion/cmd/companion/server"
	"companion/web"

	"github.com/chromedp/chromedp"
)

// A new version reaches an open app: the worker updates in the background,
// the banner offers a reload, and the reload runs the new version.
func TestBrowserUpdateBanner(t *testing.T) {
	assets := server.Assets{Static: web.Static(), Build: web.Build(), Worker: web.WorkerTemplate}
	oldSite, oldVersion, err := server.New(assets)
	if err != nil {
		t.Fatal(err)
	}
	assets.Worker += "\n// a later build\n"
	newSite, newVersion, err := server.New(assets)
	if err != nil {
		t.Fatal(err)
	}
	if oldVersion == newVersion {
		t.Fatalf("a changed build kept version %s", oldVersion)
	}
	var current atomic.Value
	current.Store(oldSite)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		current.Load().(http.Handler).ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	ctx := newBrowser(t)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded(), workerReady())
	// A second visit is controlled by the worker, as an attendee's would be.
	run(t, ctx, "open / again", chromedp.Navigate(srv.URL+"/"), appLoaded(),
		chromedp.Poll(`navigator.serviceWorker.controller !== null`, nil, chromedp.WithPollingTimeout(30*time.Second)))
	if got := evalString(t, ctx, "running version", `goappGetenv("GOAPP_VERSION")`); got != oldVersion {
		t.Fatalf("running version %s, want %s", got, oldVersion)
	}
	if n := evalString(t, ctx, "no banner yet", `String(document.querySelectorAll("#reload").length)`); n != "0" {
		t.Fatal("the update banner shows before any update")
	}

	current.Store(newSite)
	run(t, ctx, "check for an update", chromedp.Evaluate(`goappTryUpdate()`, nil),
		chromedp.WaitVisible(`#reload`, chromedp.ByQuery))
	run(t, ctx, "reload into it", click(`#reload`))
	eventually(t, ctx, "the new version runs", `typeof goappGetenv === "function" && goappGetenv("GOAPP_VERSION") === "`+newVersion+`"`)
	run(t, ctx, "app loads", appLoaded())
}
