package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"companion/app/catalog"
	"companion/app/share"

	"github.com/chromedp/cdproto/emulation"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Accessibility in a real browser: axe-core (from npm, a test tool only,
// see testdata/axe/package.json) run inside every page of the app, in the
// light and the dark theme.

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// axeScript is axe.min.js as npm installed it under testdata/axe. Without
// it the test fails saying how to get it (`make test` does).
func axeScript(t testing.TB) string {
	t.Helper()
	axeOnce.Do(func() {
		_, file, _, _ := runtime.Caller(0)
		dir := filepath.Join(filepath.Dir(file), "testdata", "axe")
		b, err := os.ReadFile(filepath.Join(dir, "node_modules", "axe-core", "axe.min.js"))
		if err != nil {
			axeErr = fmt.Errorf("axe-core is not installed (%v): run `npm ci --prefix %s` (Debian: `sudo apt-get install -y npm` first), or `make test`, which does", err, dir)
			return
		}
		axeSource = string(b)
	})
	if axeErr != nil {
		t.Fatal(axeErr)
	}
	return axeSource
}

// axeViolation is what axe.run reports for one rule that failed.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// checkAxe runs axe-core on the page as it is now and fails the test with
// every violation: rule, impact, element and what to do. The script is
// evaluated through the DevTools protocol, which the page's
// Content-Security-Policy does not govern (it allows no inline script).
func checkAxe(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	var injected bool
	run(t, ctx, page+": inject axe-core", chromedp.Evaluate(axeScript(t)+"\n;typeof axe === 'object'", &injected))
	if !injected {
		t.Fatalf("%s: axe-core did not load in the page", page)
	}
	var out string
	run(t, ctx, page+": axe.run", chromedp.Evaluate(`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`, &out,
		func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }))
	var violations []axeViolation
	if err := json.Unmarshal([]byte(out), &violations); err != nil {
		t.Fatalf("%s: axe's answer: %v", page, err)
	}
	for _, v := range violations {
		var b strings.Builder
		for i, n := range v.Nodes {
			if i == 5 {
				fmt.Fprintf(&b, "\n      … and %d more", len(v.Nodes)-5)
				break
			}
			fmt.Fprintf(&b, "\n      %v: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
		}
		t.Errorf("%s: axe %s (%s): %s%s", page, v.ID, v.Impact, v.Help, b.String())
	}
}

// colorScheme makes the browser prefer a light or a dark scheme, as a
// phone set so would.
func colorScheme(scheme string) chromedp.Action {
	return emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}})
}

// a11yPage is a page to check: where it is and what to do there first.
type a11yPage struct {
	name, path string
	ready      chromedp.Action // waits until the page is whole; appLoaded by default
	then       chromedp.Action // e.g. opens the filters
}

// kcdPages are every page of the app on KCD France, the default
// conference.
func kcdPages(t *testing.T, srv *httptest.Server) []a11yPage {
	c, err := catalog.Get(catalog.Default())
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range c.Events {
		if e.IsSession() && len(keys) < 3 {
			keys = append(keys, e.Key())
		}
	}
	shareLink := strings.TrimPrefix(share.Link(srv.URL, c, keys), srv.URL)
	anywhere := appLoadedAnywhere()
	return []a11yPage{
		{name: "schedule", path: "/"},
		{name: "schedule, day 1 with the filters open", path: "/?day=1&track=reseau-ebpf",
			then: chromedp.Evaluate(`document.querySelector("details.filter-panel").open = true`, nil)},
		{name: "search results", path: "/?q=kubernetes"},
		{name: "talk", path: "/talk/observabilite-cout"},
		{name: "agenda", path: "/agenda"},
		{name: "events", path: "/events", ready: anywhere},
		{name: "tracks", path: "/tracks", ready: anywhere},
		{name: "track", path: "/track/reseau-ebpf"},
		{name: "rooms", path: "/rooms", ready: anywhere},
		{name: "room", path: "/room/bleu"},
		{name: "now and next", path: "/now", ready: anywhere},
		{name: "changes", path: "/changes", ready: anywhere},
		{name: "shared selection", path: shareLink},
		{name: "not found", path: "/no-such-page", ready: chromedp.WaitVisible("main h1", chromedp.ByQuery)},
	}
}

// starSome stars three talks, two of them at the same time, so that My
// agenda shows its cards, a conflict and a gap.
func starSome(t *testing.T, ctx context.Context, srv *httptest.Server) {
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	starBySlug(t, ctx, "observabilite-cout")
	starBySlug(t, ctx, "revolution-ebpf")
	starBySlug(t, ctx, "kubernetes-veepee-way")
}

func visit(t *testing.T, ctx context.Context, srv *httptest.Server, p a11yPage) {
	t.Helper()
	ready := p.ready
	if ready == nil {
		ready = appLoaded()
	}
	run(t, ctx, "open "+p.name, chromedp.Navigate(srv.URL+p.path), ready)
	if p.then != nil {
		run(t, ctx, p.name, p.then)
	}
}

// TestBrowserAxe runs axe-core on every page of KCD France in the light
// and the dark scheme the system prefers, and with the theme switch
// overriding it both ways.
func TestBrowserAxe(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	starSome(t, ctx, srv)
	pages := kcdPages(t, srv)
	for _, scheme := range []string{"light", "dark"} {
		run(t, ctx, "prefer "+scheme, colorScheme(scheme))
		for _, p := range pages {
			visit(t, ctx, srv, p)
			checkAxe(t, ctx, p.name+" ("+scheme+")")
		}
	}
}

// TestBrowserAxeFOSDEM runs axe-core on a FOSDEM-size schedule day.
func TestBrowserAxeFOSDEM(t *testing.T) {
	srv, _ := fosdemSite(t)
	ctx := newBrowser(t)
	for _, scheme := range []string{"light", "dark"} {
		run(t, ctx, "prefer "+scheme, colorScheme(scheme))
		visit(t, ctx, srv, a11yPage{name: "FOSDEM day 1", path: "/?c=fosdem2025&day=1"})
		checkAxe(t, ctx, "FOSDEM day 1 ("+scheme+")")
	}
}
