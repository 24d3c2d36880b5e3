// Package server serves the conference companion: go-app's handler for the
// pages (prerendered, so they read before the app has loaded) and the
// service worker, and the static assets under /web/ with precompressed
// variants.
package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"companion/app/catalog"
	"companion/app/ui"
	"companion/data"
	"companion/data/schedule"
	"companion/data/served"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Assets is what the server ships under /web/.
type Assets struct {
	Static fs.FS  // committed assets: app.css, icons/
	Build  fs.FS  // build outputs: app.wasm, app.wasm.br, app.wasm.gz
	Worker string // the service worker template

	// ScheduleDir optionally holds newer schedules, <acronym>.json, served
	// to the app as live updates of the embedded ones.
	ScheduleDir string
	// MaxScheduleBytes bounds a file there (DefaultMaxScheduleBytes if 0)
	// and ScheduleRecheck is how often the directory is looked at (a
	// second if 0).
	MaxScheduleBytes int64
	ScheduleRecheck  time.Duration

	// BaseURL is the site's public URL (https://companion.example.org):
	// link previews (og:url, og:image) and canonical links need it, and
	// are left out without it.
	BaseURL string

	// Served are schedules served beside the app (too large to embed in
	// it), besides those of data/served, which are always included.
	Served []data.File

	// Only names the conferences the site shows, by acronym, the first
	// the default (see catalog.Only); empty shows all of them. An
	// organiser's site shows their conference alone, under its own name.
	Only []string

	// PictureTransport fetches the speakers' pictures the site serves at
	// PicturePath. Nil is the production one, which connects to public
	// addresses only; tests give one that reaches their loopback server.
	PictureTransport http.RoundTripper

	// Warnings is where Export says what it left out (a picture it could
	// not fetch); os.Stderr if nil.
	Warnings io.Writer
}

// ErrNotBuilt means the browser app has not been compiled into the build.
var ErrNotBuilt = errors.New("the browser app is not built (no web/build/app.wasm): run `make build` or `make run`")

// New returns the whole site's handler and the content version it serves.
func New(a Assets) (http.Handler, string, error) {
	h, _, version, err := build(a)
	return h, version, err
}

// build makes the site's handler, and gives Export the pictures' too.
func build(a Assets) (http.Handler, *pictures, string, error) {
	if err := checkBaseURL(a.BaseURL); err != nil {
		return nil, nil, "", err
	}
	wasm, err := fs.Stat(a.Build, "app.wasm")
	if err != nil {
		return nil, nil, "", ErrNotBuilt
	}
	files, err := newFileSet(a.Static, a.Build)
	if err != nil {
		return nil, nil, "", err
	}
	servedFiles := append(served.Files(), a.Served...)
	servedEntries, err := addServed(servedFiles)
	if err != nil {
		return nil, nil, "", err
	}
	if err := catalog.Only(a.Only); err != nil {
		return nil, nil, "", err
	}
	version := contentVersion(files, a.Worker, servedFiles, a.Only)

	ui.Routes()
	h := &app.Handler{
		Name:            "Conference Companion",
		ShortName:       "Companion",
		Title:           "Conference Companion",
		Description:     "The conference schedule and your agenda, offline on your phone.",
		Lang:            "en",
		BackgroundColor: "#0f172a",
		ThemeColor:      "#0f172a",
		Icon: app.Icon{
			Default:  "/web/icons/icon-192.png",
			Large:    "/web/icons/icon-512.png",
			Maskable: "/web/icons/maskable-512.png",
			SVG:      "/web/icons/icon.svg",
		},
		Styles: []string{"/web/app.css"},
		// taps.js queues the stars tapped before the app has started (see
		// app/ui/taps.go); cards.js draws the day's list in the browser
		// (see app/ui/daylist.go), deferred after go-app's scripts, so
		// before the app starts. Files, as the policy allows no inline
		// script but theme.js, which fixHead puts inline at the top of
		// the head (web.ThemeScript).
		Scripts:      []string{"/web/taps.js async", "/web/cards.js defer"},
		LoadingLabel: loadingLabel + "{progress}%",
		RawHeaders: []string{
			`<link rel="apple-touch-icon" sizes="180x180" href="/web/icons/apple-touch-icon.png">`,
			`<meta name="apple-mobile-web-app-capable" content="yes">`,
			`<meta name="apple-mobile-web-app-status-bar-style" content="black-translucent">`,
			`<meta name="color-scheme" content="light dark">`,
			// The policy again in the page, for static hosts that set no
			// headers (frame-ancestors only works as a header).
			`<meta http-equiv="Content-Security-Policy" content="` + strings.TrimSuffix(ContentSecurityPolicy, "; frame-ancestors 'none'") + `">`,
		},
		CacheableResources:    cacheable(),
		Version:               version,
		WasmContentLength:     strconv.FormatInt(wasm.Size(), 10),
		ServiceWorkerTemplate: a.Worker,
		Resources:             webPaths{},
		Env:                   map[string]string{catalog.ServedEnv: servedEntries, catalog.OnlyEnv: strings.Join(a.Only, ",")},
	}

	mux := http.NewServeMux()
	mux.Handle("/web/", http.StripPrefix("/web", files))
	live := newSchedules(a.ScheduleDir, a.MaxScheduleBytes)
	if a.ScheduleRecheck > 0 {
		live.recheck = a.ScheduleRecheck
	}
	mux.Handle(SchedulePath, live)
	pics := newPictures(a.PictureTransport)
	pics.refresh = live.refresh
	mux.Handle(PicturePath, pics)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok", version)
	})
	pages := newPages(h, version)
	pages.baseURL = strings.TrimSuffix(a.BaseURL, "/")
	pages.refresh = live.refresh
	mux.Handle("/", pages)
	return guard(mux), pics, version, nil
}

// cacheable lists what the service worker precaches besides go-app's own
// shell: the icons, and every conference's schedule and agenda pages so
// that they open offline after the first visit.
func cacheable() []string {
	res := []string{
		"/web/icons/apple-touch-icon.png",
		"/web/icons/icon-192.png",
		"/web/icons/icon-512.png",
		"/web/icons/maskable-512.png",
		"/web/icons/icon.svg",
		"/agenda",
	}
	for i, c := range catalog.List() {
		if c.Served {
			res = append(res, SchedulePath+c.Acronym)
		}
		if i == 0 {
			continue // the default is "/" and "/agenda", already listed
		}
		res = append(res, "/?c="+c.Acronym, "/agenda?c="+c.Acronym)
	}
	return res
}

// addServed checks the schedules served beside the app and adds them to
// the catalog; it returns their list for the browser app.
func addServed(files []data.File) (string, error) {
	type entry struct {
		Acronym string `json:"acronym"`
		Title   string `json:"title"`
		Start   string `json:"start"`
		End     string `json:"end"`
	}
	list := []entry{}
	for _, f := range files {
		if _, err := schedule.Parse(f.Name, f.JSON); err != nil {
			return "", err
		}
		e, err := catalog.Add(f.Name, f.JSON)
		if err != nil {
			return "", err
		}
		list = append(list, entry{e.Acronym, e.Title, e.Start, e.End})
	}
	b, err := json.Marshal(list)
	return string(b), err
}

// contentVersion names this build by its content: a rebuilt app, new
// styles or new data make a new version, so that the service worker
// updates and the attendee is offered a reload.
func contentVersion(files *fileSet, worker string, served []data.File, only []string) string {
	h := sha256.New()
	names := make([]string, 0, len(files.byName))
	for n := range files.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(h, "%s %s\n", n, files.byName[n].etag)
	}
	for _, f := range append(data.Files(), served...) {
		sum := sha256.Sum256([]byte(f.JSON))
		fmt.Fprintf(h, "data/%s %x\n", f.Name, sum)
	}
	fmt.Fprintf(h, "worker %x\n", sha256.Sum256([]byte(worker)))
	fmt.Fprintf(h, "only %q\n", only)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// webPaths resolves /web/ resources to themselves: they are served by this
// server, from the binary.
type webPaths struct{}

func (webPaths) Resolve(location string) string {
	if location == "" {
		return "/"
	}
	return location
}

// checkBaseURL accepts an absolute http(s) URL with no query or fragment.
func checkBaseURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("base URL %q: want the site's public address, like https://companion.example.org", s)
	}
	return nil
}
