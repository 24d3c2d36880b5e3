package server_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"companion/cmd/companion/server"
	"companion/data"
	"companion/data/fixtures"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// A conference served beside the app (not embedded in the wasm) opens,
// takes stars, and still opens offline from the service worker's precache.
func TestBrowserServedConferenceOffline(t *testing.T) {
	camp := fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json")
	srv := newSite(t, data.File{Name: "camp2019.json", JSON: string(camp)})
	ctx := newBrowser(t)

	star := starServedCamp(t, ctx, srv.URL)

	srv.Close()
	run(t, ctx, "go offline", network.Enable(), network.EmulateNetworkConditions(true, 0, 0, 0))
	run(t, ctx, "reload offline", chromedp.Navigate(srv.URL+"/?c=Camp2019"), appLoaded(),
		chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))
	run(t, ctx, "agenda offline", chromedp.Navigate(srv.URL+"/agenda?c=Camp2019"), appLoaded(),
		chromedp.WaitVisible(`.agenda-list `+star, chromedp.ByQuery))
}

// On venue wifi a request can hang without failing. A served conference
// whose schedule the service worker has kept still opens, from that copy,
// when the server never answers for it.
func TestBrowserServedConferenceOnHangingNetwork(t *testing.T) {
	camp := fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json")
	var hang atomic.Bool
	released := make(chan struct{})
	srv := startWrappedSite(t, server.Assets{Served: []data.File{{Name: "camp2019.json", JSON: string(camp)}}},
		func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if hang.Load() && strings.HasPrefix(r.URL.Path, "/api/schedules/") {
					select { // until the browser gives up or the test ends
					case <-r.Context().Done():
					case <-released:
					}
					return
				}
				h.ServeHTTP(w, r)
			})
		})
	t.Cleanup(func() { close(released) }) // before the server closes
	ctx := newBrowser(t)

	star := starServedCamp(t, ctx, srv.URL)

	hang.Store(true)
	run(t, ctx, "reload while the schedule never comes", chromedp.Navigate(srv.URL+"/?c=Camp2019"), appLoaded(),
		chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))
	run(t, ctx, "the star still works", click(star),
		chromedp.WaitVisible(star+`[aria-pressed="false"]`, chromedp.ByQuery))
}

// starServedCamp opens Camp 2019, served beside the app, waits for the
// service worker to hold it, stars its first talk and returns that star's
// selector.
func starServedCamp(t *testing.T, ctx context.Context, site string) string {
	t.Helper()
	run(t, ctx, "open the served conference", chromedp.Navigate(site+"/?c=Camp2019"), appLoaded(), workerReady())
	eventually(t, ctx, "its schedule", `document.querySelector(".topbar").textContent.includes("Camp 2019")`)
	key := evalString(t, ctx, "a talk", `document.querySelector("button.star").dataset.key`)
	star := `button.star[data-key="` + key + `"]`
	run(t, ctx, "star it", click(star), chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))
	return star
}

// The served schedules are not in the browser app: its binary does not
// grow with them.
func TestServedSchedulesAreNotInTheWasm(t *testing.T) {
	wasm, err := os.ReadFile(filepath.Join("..", "..", "..", "web", "build", "app.wasm"))
	if err != nil {
		t.Fatalf("%v (run make build)", err)
	}
	for _, f := range data.Files() {
		if !bytes.Contains(wasm, []byte(f.JSON[:200])) {
			t.Errorf("embedded %s is not in the wasm", f.Name)
		}
	}
	camp := fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json")
	if bytes.Contains(wasm, camp[:200]) {
		t.Error("a served schedule is in the wasm")
	}
}

// The page of a first visit (here a served conference's day, a URL with a
// query) was loaded before the service worker existed; the worker keeps it
// as it installs, so a reload is answered from the phone, not the network.
func TestBrowserFirstVisitedPageReloadsFromTheWorker(t *testing.T) {
	camp := fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json")
	const page = "/?c=Camp2019&day=2"
	var fetched atomic.Int32
	srv := startWrappedSite(t, server.Assets{Served: []data.File{{Name: "camp2019.json", JSON: string(camp)}}},
		func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.RequestURI() == page {
					fetched.Add(1)
				}
				h.ServeHTTP(w, r)
			})
		})
	ctx := newBrowser(t)
	run(t, ctx, "first visit", chromedp.Navigate(srv.URL+page), appLoaded(), workerReady())
	if fetched.Load() == 0 {
		t.Fatal("the first visit did not reach the server: the test proves nothing")
	}
	fetched.Store(0)
	run(t, ctx, "reload", chromedp.Navigate(srv.URL+page), appLoaded())
	eventually(t, ctx, "its schedule", `document.querySelector(".topbar").textContent.includes("Camp 2019")`)
	if n := fetched.Load(); n != 0 {
		t.Errorf("the reload fetched %s from the server %d times; the service worker should have answered it", page, n)
	}
}
