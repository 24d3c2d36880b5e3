package server_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"companion/cmd/companion/server"
	"companion/web"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// staticHost serves a directory as a plain static host with clean URLs
// does (GitHub Pages, Netlify, Cloudflare Pages): /talk/x from talk/x.html,
// precompressed .br and .gz beside the files when the browser takes them,
// nothing else of the app's server.
func staticHost(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean(r.URL.Path)
		name := filepath.Join(dir, filepath.FromSlash(p))
		if st, err := os.Stat(name); (err != nil || st.IsDir()) && p != "/" {
			if _, err := os.Stat(name + ".html"); err == nil {
				r.URL.Path = p + ".html"
				name += ".html"
			}
		}
		for _, enc := range []struct{ accept, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if _, err := os.Stat(name + enc.ext); err == nil && strings.Contains(r.Header.Get("Accept-Encoding"), enc.accept) {
				if ct := contentTypeOf(name); ct != "" {
					w.Header().Set("Content-Type", ct)
				}
				w.Header().Set("Content-Encoding", enc.accept)
				w.Header().Set("Vary", "Accept-Encoding")
				r.URL.Path += enc.ext
				break
			}
		}
		files.ServeHTTP(w, r)
	})
}

func contentTypeOf(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".wasm":
		return "application/wasm"
	case ".webmanifest":
		return "application/manifest+json"
	case "":
		return "application/json"
	}
	return ""
}

// The exported site, served by a plain static server, works online and
// offline, deep links included.
func TestBrowserStaticExport(t *testing.T) {
	dir := t.TempDir()
	n, err := server.Export(server.Assets{Static: web.Static(), Build: web.Build(), Worker: web.WorkerTemplate}, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.html", "index.html.br", "agenda.html", "talk/keynote-ouverture.html", "talk/portail-developpeur-back-market.html",
		"speakers.html", "venue.html", "speakers/solomon-hykes.html", "speakers/nikhita-raghunath.html",
		"now.html", "tracks.html", "track/reseau-ebpf.html", "rooms.html", "room/rouge.html", "changes.html", "share.html", "events.html",
		"web/app.wasm", "web/app.wasm.br", "app.js", "app-worker.js", "manifest.webmanifest", "api/schedules/kcdfrance2023",
		"_headers", "404.html", "404.html.br", "404.html.gz", "HOSTING.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("export (%d files) lacks %s", n, f)
		}
	}
	srv := httptest.NewServer(staticHost(dir))
	t.Cleanup(srv.Close)
	ctx := newBrowser(t)

	const slug = "portail-developpeur-back-market"
	star := `button.star[aria-label*="Back Market"]`
	// During the conference, for the now page to show its rooms.
	run(t, ctx, "10:00 in Paris", setClock("2023-03-07T10:00:00+01:00"))
	nowBoard := `document.querySelectorAll(".now-room").length === 4 && document.querySelector(".now-room .now-event").textContent.includes("Keynote d'ouverture")`
	track := `location.pathname === "/track/reseau-ebpf" && document.querySelector("main h1").textContent.includes("Réseau & eBPF") && document.querySelectorAll("main li.card").length > 0`
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("main h1", chromedp.ByQuery), appLoaded())
	run(t, ctx, "star a talk", click(star), chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))
	run(t, ctx, "deep link online", chromedp.Navigate(srv.URL+"/talk/"+slug),
		chromedp.WaitVisible(`article.talk h1`, chromedp.ByQuery), appLoaded(),
		chromedp.WaitVisible(`article.talk `+star+`[aria-pressed="true"]`, chromedp.ByQuery))
	run(t, ctx, "now online", chromedp.Navigate(srv.URL+"/now"), appLoadedAnywhere())
	eventually(t, ctx, "the now board online", nowBoard)
	run(t, ctx, "a track online", chromedp.Navigate(srv.URL+"/track/reseau-ebpf"), appLoaded())
	eventually(t, ctx, "the track online", track)
	run(t, ctx, "service worker ready", workerReady())

	srv.Close()
	run(t, ctx, "go offline", network.Enable(), network.EmulateNetworkConditions(true, 0, 0, 0))
	run(t, ctx, "reload / offline", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("main h1", chromedp.ByQuery), appLoaded(),
		chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))
	run(t, ctx, "deep link offline", chromedp.Navigate(srv.URL+"/talk/"+slug),
		chromedp.WaitVisible(`article.talk h1`, chromedp.ByQuery), appLoaded(),
		chromedp.WaitVisible(`article.talk `+star+`[aria-pressed="true"]`, chromedp.ByQuery))
	run(t, ctx, "now offline", chromedp.Navigate(srv.URL+"/now"), appLoadedAnywhere())
	eventually(t, ctx, "the now board offline", nowBoard)
	run(t, ctx, "a track offline", chromedp.Navigate(srv.URL+"/track/reseau-ebpf"), appLoaded())
	eventually(t, ctx, "the track offline", track)
	run(t, ctx, "a room never opened, offline", chromedp.Navigate(srv.URL+"/room/rouge"), appLoaded())
	eventually(t, ctx, "the room offline", `document.querySelector("main h1").textContent.includes("Rouge") && document.querySelectorAll("main li.card").length > 0`)
	// A talk never opened before, offline: the worker's shell routes to it.
	run(t, ctx, "new deep link offline", chromedp.Navigate(srv.URL+"/talk/keynote-ouverture"),
		chromedp.WaitVisible(`article.talk h1`, chromedp.ByQuery), appLoaded())
	if got := evalString(t, ctx, "title", `document.querySelector("article.talk h1").textContent`); got != "Keynote d'ouverture" {
		t.Errorf("offline deep link shows %q", got)
	}
}
