package server_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"companion/app/catalog"
	"companion/app/share"
	"companion/web"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
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

// starsLive waits, as appLoaded does, until the app has started and its
// stars work, but looks four times a second rather than at every frame:
// on a FOSDEM day each frame is slow, and on a busy machine looking at
// every one took over a minute.
func starsLive() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		deadline := time.Now().Add(2 * time.Minute)
		for {
			err := chromedp.Poll(`document.getElementById("app-wasm-loader") === null && document.documentElement.dataset.app === "ready" && document.querySelector("button.star") !== null`, nil,
				chromedp.WithPollingInterval(250*time.Millisecond), chromedp.WithPollingTimeout(time.Until(deadline))).Do(ctx)
			if err == nil || time.Now().After(deadline) || !contextLost(err) {
				return err
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// a11yPage is a page to check: where it is and what to do there first.
type a11yPage struct {
	name, path string
	conference string          // the conference's title it must show; "" for none
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
	pages := []a11yPage{
		{name: "schedule", path: "/"},
		{name: "schedule, day 1 with the filters open", path: "/?day=1&track=reseau-ebpf",
			then: chromedp.Evaluate(`document.querySelector("details.filter-panel").open = true`, nil)},
		{name: "search results", path: "/?q=kubernetes"},
		{name: "timetable grid", path: "/?view=grid", ready: anywhere},
		{name: "talk", path: "/talk/observabilite-cout"},
		{name: "agenda", path: "/agenda"},
		{name: "events", path: "/events", ready: anywhere},
		{name: "tracks", path: "/tracks", ready: anywhere},
		{name: "track", path: "/track/reseau-ebpf"},
		{name: "rooms", path: "/rooms", ready: anywhere},
		{name: "room", path: "/room/bleu"},
		{name: "now and next", path: "/now", ready: anywhere},
		{name: "speakers", path: "/speakers", ready: anywhere},
		{name: "speakers filtered", path: "/speakers?q=scaleway", ready: anywhere},
		{name: "speaker", path: "/speakers/solomon-hykes"},
		{name: "venue", path: "/venue", ready: anywhere},
		{name: "changes", path: "/changes", ready: anywhere},
		{name: "shared selection", path: shareLink},
		{name: "agenda with the share panel open", path: "/agenda",
			then: chromedp.Tasks{click("#share"), chromedp.WaitVisible("#share-panel svg.qr", chromedp.ByQuery)}},
	}
	for i := range pages {
		pages[i].conference = c.Title
	}
	// Another conference (its choice is remembered: each visit forgets it,
	// see forgetChoices), and the 404 page.
	kubecon, err := catalog.Get("kubeconeu2019")
	if err != nil {
		t.Fatal(err)
	}
	return append(pages,
		a11yPage{name: "KubeCon 2019 schedule", path: "/?c=kubeconeu2019", conference: kubecon.Title},
		a11yPage{name: "KubeCon 2019 talk", path: "/talk/diversity-lunch?c=kubeconeu2019", conference: kubecon.Title},
		a11yPage{name: "KubeCon 2019 empty agenda", path: "/agenda?c=kubeconeu2019", ready: anywhere, conference: kubecon.Title},
		a11yPage{name: "KubeCon 2019 venue", path: "/venue?c=kubeconeu2019", ready: anywhere, conference: kubecon.Title},
		a11yPage{name: "not found", path: "/no-such-page", ready: chromedp.WaitVisible(notFoundHeading, chromedp.ByQuery)},
	)
}

// notFoundHeading is the 404 page's heading in the page's language: the
// page holds one per language, the others hidden (chromedp waits on the
// first match of a selector, which may be a hidden one).
const notFoundHeading = `html[lang="en"] .in-lang[lang="en"] h1, html[lang="fr"] .in-lang[lang="fr"] h1`

// language sets the interface's language as the switch in the footer
// does.
func language(lang string) chromedp.Action {
	return chromedp.Evaluate(`localStorage.setItem("companion/lang", "`+lang+`")`, nil)
}

// forgetChoices forgets the conference and the view (list or grid) opened
// last, which the app remembers: each page of a tour is then what its
// address alone says.
func forgetChoices() chromedp.Action {
	return chromedp.Evaluate(`try { localStorage.removeItem("companion/conference"); localStorage.removeItem("companion/view") } catch (e) {}`, nil)
}

// starSome stars three talks, two of them at the same time, so that My
// agenda shows its cards, a conflict and a gap.
func starSome(t *testing.T, ctx context.Context, srv *httptest.Server) {
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), starsLive())
	starBySlug(t, ctx, "observabilite-cout")
	starBySlug(t, ctx, "revolution-ebpf")
	starBySlug(t, ctx, "kubernetes-veepee-way")
}

func visit(t *testing.T, ctx context.Context, srv *httptest.Server, p a11yPage) {
	t.Helper()
	ready := p.ready
	if ready == nil {
		ready = starsLive()
	}
	run(t, ctx, "open "+p.name, forgetChoices(), chromedp.Navigate(srv.URL+p.path), ready)
	if p.then != nil {
		run(t, ctx, p.name, p.then)
	}
}

// TestBrowserAxe runs axe-core on every page of KCD France in the light
// and the dark scheme the system prefers, and with the theme switch
// overriding it both ways.
func TestBrowserAxe(t *testing.T) {
	srv := newSite(t)
	pages := kcdPages(t, srv)
	for _, mode := range []struct{ system, chosen, lang string }{
		{"light", "", "en"}, {"dark", "", "en"}, {"light", "dark", "en"}, {"dark", "light", "en"},
		{"light", "", "fr"}, {"dark", "", "fr"},
	} {
		name := mode.system
		if mode.chosen != "" {
			name = mode.chosen + " chosen, " + mode.system + " preferred"
		}
		name += ", " + mode.lang
		// A browser per mode: a whole tour outlasts one browser's time.
		ctx := newBrowser(t)
		starSome(t, ctx, srv)
		run(t, ctx, "prefer "+mode.system, colorScheme(mode.system), forgetChoices(), language(mode.lang),
			chromedp.Evaluate(`localStorage.setItem("companion/theme", "`+mode.chosen+`")`, nil))
		for _, p := range pages {
			visit(t, ctx, srv, p)
			want := mode.chosen
			if want == "" {
				want = mode.system
			}
			if bg := evalString(t, ctx, "background", background); bg != map[string]string{"light": lightBackground, "dark": darkBackground}[want] {
				t.Fatalf("%s (%s): background %s, not %s", p.name, name, bg, want)
			}
			// The page is in the language of the mode, or axe would check
			// English twice.
			if lang := evalString(t, ctx, "language", `document.documentElement.lang`); lang != mode.lang {
				t.Fatalf("%s (%s): the page is in %q", p.name, name, lang)
			}
			checkAxe(t, ctx, p.name+" ("+name+")")
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
		visit(t, ctx, srv, a11yPage{name: "FOSDEM day 1 grid", path: "/?c=fosdem2025&day=1&view=grid", ready: appLoadedAnywhere()})
		checkAxe(t, ctx, "FOSDEM day 1 grid ("+scheme+")")
	}
}

// viewport sets the window's size in CSS pixels as a desktop browser
// would (not a phone's emulation, whose visual viewport zooms out to fit
// content that overflows and so would hide a sideways scroll).
func viewport(width, height int64) chromedp.Action {
	return emulation.SetDeviceMetricsOverride(width, height, 1, false)
}

// textSize sets the page's text size, as the browser's text-size setting
// does: the root font size every rem and em of the style sheet follows.
func textSize(percent int) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`document.documentElement.style.fontSize = "%d%%"; document.documentElement.scrollWidth`, percent), nil)
}

// overflow describes what sticks out sideways, or is "" when nothing does.
const overflow = `(() => {
	const root = document.documentElement, width = root.clientWidth;
	if (root.scrollWidth <= width && window.innerWidth === width) return "";
	const out = [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > width + 0.5)
		.map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : "") + " right=" + Math.round(e.getBoundingClientRect().right));
	return "scrollWidth " + root.scrollWidth + " > " + width + " (innerWidth " + window.innerWidth + "): " + out.slice(0, 8).join(", ");
})()`

// brandCheck says what is wrong with the name of the conference in the
// top bar, or "" when it is whole and on screen.
const brandCheck = `(() => {
	const b = document.querySelector("header .brand");
	if (!b) return "no conference name in the top bar";
	const r = b.getBoundingClientRect();
	if (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1) return "the name " + JSON.stringify(b.textContent) + " is cut: " + b.scrollWidth + "x" + b.scrollHeight + " in " + b.clientWidth + "x" + b.clientHeight;
	if (r.left < 0 || r.right > document.documentElement.clientWidth) return "the name is off screen";
	if (getComputedStyle(b).textOverflow === "ellipsis" && getComputedStyle(b).overflow !== "visible") return "the name may be cut with an ellipsis";
	return "";
})()`

// TestBrowserReflow checks WCAG 1.4.10 and 1.4.4 on every page: at 320 CSS
// pixels wide, and there with the text at 200 %, nothing scrolls
// sideways; and the top bar names the conference in full.
func TestBrowserReflow(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	starSome(t, ctx, srv)
	run(t, ctx, "320 px wide", viewport(320, 640))
	for _, lang := range []string{"en", "fr"} {
		run(t, ctx, lang, language(lang), forgetChoices())
		for _, p := range kcdPages(t, srv) {
			p.name += " (" + lang + ")"
			visit(t, ctx, srv, p)
			for _, size := range []int{100, 200} {
				run(t, ctx, "text size", textSize(size))
				if s := evalString(t, ctx, p.name+" overflow", overflow); s != "" {
					t.Errorf("%s at 320 px, text %d %%: %s", p.name, size, s)
				}
				if p.conference == "" {
					continue // no conference's page
				}
				if s := evalString(t, ctx, p.name+" brand", brandCheck); s != "" {
					t.Errorf("%s at 320 px, text %d %%: %s", p.name, size, s)
				}
				if got := evalString(t, ctx, "brand text", `document.querySelector("header .brand").textContent`); got != p.conference {
					t.Errorf("%s: the top bar says %q, not %q", p.name, got, p.conference)
				}
			}
		}
	}
	// FOSDEM, KubeCon 2023: longer names, wider days.
	srv2, _ := fosdemSite(t)
	for _, path := range []string{"/?c=fosdem2025&day=1", "/?c=kubeconeu2023"} {
		visit(t, ctx, srv2, a11yPage{name: path, path: path})
		for _, size := range []int{100, 200} {
			run(t, ctx, "text size", textSize(size))
			if s := evalString(t, ctx, path+" overflow", overflow); s != "" {
				t.Errorf("%s at 320 px, text %d %%: %s", path, size, s)
			}
			if s := evalString(t, ctx, path+" brand", brandCheck); s != "" {
				t.Errorf("%s at 320 px, text %d %%: %s", path, size, s)
			}
		}
	}
}

// smallTargets lists the controls smaller than 44 × 44 CSS pixels (WCAG
// 2.5.5), each with its size. What is measured is what one taps: a control
// inside its <label> is the label; a card's title link is the whole card
// (its cover, see TestBrowserCardIsTheTarget). Exempt: links inline in
// running text (a sentence, an abstract: WCAG 2.5.8's inline exception),
// and what is not rendered (a closed panel's content). The skip link is
// measured while focused, the only time it shows.
const smallTargets = `(() => {
	const name = e => e.tagName.toLowerCase() + (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).join(".") : "") + " " + JSON.stringify((e.getAttribute("aria-label") || e.textContent || e.value || "").trim().slice(0, 40));
	const inText = e => {
		if (e.tagName !== "A" || getComputedStyle(e).display !== "inline") return false;
		let block = e.parentElement;
		while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
		return block !== null && block.textContent.trim() !== e.textContent.trim();
	};
	const bad = [];
	for (const e of document.querySelectorAll("a[href], button, input, select, textarea, summary")) {
		if (e.getClientRects().length === 0 || getComputedStyle(e).visibility === "hidden" || inText(e)) continue;
		let target = e;
		if (e.matches("input, select, textarea") && e.closest("label")) target = e.closest("label");
		if (e.matches(".card-title a")) target = e.closest(".card");
		if (e.matches(".skip-link")) e.focus();
		const r = target.getBoundingClientRect();
		if (e.matches(".skip-link")) e.blur();
		if (r.width < 43.5 || r.height < 43.5) bad.push(name(e) + " " + Math.round(r.width) + "×" + Math.round(r.height));
	}
	return bad;
})()`

// TestBrowserTouchTargets measures every control of every page on a
// 390 px phone and at 320 px.
func TestBrowserTouchTargets(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	starSome(t, ctx, srv)
	for _, width := range []int64{390, 320} {
		run(t, ctx, "phone", viewport(width, 800), forgetChoices())
		for _, p := range kcdPages(t, srv) {
			visit(t, ctx, srv, p)
			if bad := evalStrings(t, ctx, p.name+" targets", smallTargets); len(bad) > 0 {
				if len(bad) > 12 {
					bad = append(bad[:12], fmt.Sprintf("… and %d more", len(bad)-12))
				}
				t.Errorf("%s at %d px: targets under 44 × 44:\n\t%s", p.name, width, strings.Join(bad, "\n\t"))
			}
		}
	}
}

// focusState describes the focused element and whether a ring shows
// around it (an outline or a box-shadow, on it or, for a card's title
// link, on its card).
const focusState = `(() => {
	const e = document.activeElement;
	if (!e || e === document.body) return {what: "body", ring: false};
	const ring = el => { const s = getComputedStyle(el); return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none"; };
	const kind = [".skip-link", ".brand", "nav a", "#q", "summary", ".card-title a", "button.star", ".theme-choice"].find(k => e.matches(k)) || "";
	const what = kind + " " + e.tagName.toLowerCase() + (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).join(".") : "") + " " + JSON.stringify((e.getAttribute("aria-label") || e.textContent || "").trim().slice(0, 40));
	return {what, ring: ring(e) || (e.matches(".card-title a") && ring(e.closest(".card")))};
})()`

// TestBrowserKeyboardFocus tabs through the schedule: every stop shows a
// focus ring, and the keyboard reaches the navigation, the search, the
// filters, the cards' links and their stars.
func TestBrowserKeyboardFocus(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	type state struct {
		What string `json:"what"`
		Ring bool   `json:"ring"`
	}
	seen := map[string]bool{}
	for i := 0; i < 45; i++ {
		var s state
		run(t, ctx, "tab", chromedp.KeyEvent("\t"), chromedp.Evaluate(focusState, &s))
		if !s.Ring {
			t.Errorf("tab %d: %s has no visible focus ring", i+1, s.What)
		}
		seen[s.What] = true
	}
	var reached []string
	for w := range seen {
		reached = append(reached, w)
	}
	for _, want := range []string{".skip-link", ".brand", "nav a", "#q", "summary", ".card-title a", "button.star"} {
		found := false
		for _, w := range reached {
			found = found || strings.HasPrefix(w, want+" ")
		}
		if !found {
			t.Errorf("tabbing never reached %s; it reached %q", want, reached)
		}
	}
}

// TestBrowserCardIsTheTarget taps a card where it shows no link (below
// the speakers) and lands on the talk; the star in the card still stars.
func TestBrowserCardIsTheTarget(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	card := `document.querySelector('main a[href="/talk/observabilite-cout"]').closest("li")`
	var star struct{ X, Y float64 }
	run(t, ctx, "the star", chromedp.Evaluate(card+`.scrollIntoView({block: "center"})`, nil),
		chromedp.Evaluate(`(() => { const r = `+card+`.querySelector("button.star").getBoundingClientRect(); return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`, &star))
	run(t, ctx, "tap the star", chromedp.MouseClickXY(star.X, star.Y))
	eventually(t, ctx, "starred, still on the schedule", card+`.querySelector("button.star").getAttribute("aria-pressed") === "true" && location.pathname === "/"`)

	var free struct {
		X, Y float64
		On   string
	}
	run(t, ctx, "a free spot", chromedp.Evaluate(`(() => {
		const li = `+card+`, r = li.getBoundingClientRect(), title = li.querySelector(".card-title a").getBoundingClientRect();
		const x = r.left + r.width / 2, y = r.bottom - 4; // in the card's bottom padding, under the speakers
		if (y >= title.top && y <= title.bottom) return {X: 0, Y: 0, On: "the title"};
		return {X: x, Y: y, On: ""};
	})()`, &free))
	if free.On != "" {
		t.Fatalf("no free spot: the point is on %s", free.On)
	}
	run(t, ctx, "tap the card", chromedp.MouseClickXY(free.X, free.Y))
	eventually(t, ctx, "the talk's page", `location.pathname === "/talk/observabilite-cout" && document.querySelector("article.talk h1") !== null`)
}

// background is the page's background colour as drawn.
const background = `getComputedStyle(document.body).backgroundColor`

const (
	lightBackground = "rgb(248, 250, 252)" // theme.LightColor
	darkBackground  = "rgb(11, 17, 32)"    // theme.DarkColor
)

// TestBrowserTheme follows the system's scheme, then the switch, which is
// remembered and applied before the app has loaded: the prerendered page
// is drawn in the chosen theme from the start.
func TestBrowserTheme(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "prefer light", colorScheme("light"))
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	if bg := evalString(t, ctx, "light", background); bg != lightBackground {
		t.Errorf("the system prefers light: background %s", bg)
	}
	if got := evalString(t, ctx, "pressed", `document.querySelector('.theme-choice[aria-pressed="true"]').textContent`); got != "System" {
		t.Errorf("with nothing chosen the switch says %q", got)
	}
	run(t, ctx, "prefer dark", colorScheme("dark"))
	eventually(t, ctx, "dark as the system", background+` === "`+darkBackground+`"`)

	// Chosen light while the system is dark.
	run(t, ctx, "choose light", chromedp.WaitEnabled(`.theme-choice[data-theme="light"]`, chromedp.ByQuery), click(`.theme-choice[data-theme="light"]`))
	eventually(t, ctx, "light as chosen", background+` === "`+lightBackground+`" && document.querySelector('.theme-choice[data-theme="light"]').getAttribute("aria-pressed") === "true"`)
	if got := evalString(t, ctx, "browser bar", `[...document.querySelectorAll('meta[name="theme-color"]')].map(m => m.content).join(" ")`); got != "#f8fafc #f8fafc" {
		t.Errorf("theme-color %q, want the light colour for both schemes", got)
	}

	// Remembered, and there before the app runs: with the app blocked the
	// prerendered page is already light, and so is the 404 page.
	run(t, ctx, "block the app", network.Enable(), network.SetBlockedURLs([]string{"*app.wasm*", "*app-worker.js*"}))
	run(t, ctx, "reload without the app", chromedp.Navigate(srv.URL+"/talk/observabilite-cout"), chromedp.WaitVisible("article.talk h1", chromedp.ByQuery))
	if loader := evalString(t, ctx, "still prerendered", `String(document.getElementById("app-wasm-loader") !== null)`); loader != "true" {
		t.Fatal("the app ran although it was blocked: this does not show the page before the app")
	}
	if bg := evalString(t, ctx, "chosen before the app", background); bg != lightBackground {
		t.Errorf("the prerendered page is drawn %s, not in the chosen light theme", bg)
	}
	run(t, ctx, "404", chromedp.Navigate(srv.URL+"/no-such-page"), chromedp.WaitVisible(notFoundHeading, chromedp.ByQuery))
	if bg := evalString(t, ctx, "404 theme", background); bg != lightBackground {
		t.Errorf("the 404 page is drawn %s, not in the chosen light theme", bg)
	}
	run(t, ctx, "unblock", network.SetBlockedURLs([]string{}))

	// Dark chosen while the system is light; then back to the system's.
	run(t, ctx, "prefer light", colorScheme("light"))
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	run(t, ctx, "choose dark", chromedp.WaitEnabled(`.theme-choice[data-theme="dark"]`, chromedp.ByQuery), click(`.theme-choice[data-theme="dark"]`))
	eventually(t, ctx, "dark as chosen", background+` === "`+darkBackground+`"`)
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	eventually(t, ctx, "dark remembered", background+` === "`+darkBackground+`" && document.querySelector('.theme-choice[data-theme="dark"]').getAttribute("aria-pressed") === "true"`)
	run(t, ctx, "choose the system's", chromedp.WaitEnabled(`.theme-choice[data-theme="system"]`, chromedp.ByQuery), click(`.theme-choice[data-theme="system"]`))
	eventually(t, ctx, "light as the system", background+` === "`+lightBackground+`" && localStorage.getItem("companion/theme") === null && !document.documentElement.hasAttribute("data-theme")`)
}

// TestThemeScriptInlineFirst: every page, the 404 page too, carries
// theme.js inline in its head before any style sheet, so that the chosen
// theme is set before the body is parsed and drawn with no request to
// wait for (a script file there held a cold load back by a round trip);
// the policy, as a header and in the page, allows that script by the hash
// of its text as the browser reads it, and no other inline script. go-app's
// own /app.css is not linked: one render-blocking request less; deferred
// scripts are fetched at low priority.
func TestThemeScriptInlineFirst(t *testing.T) {
	srv := newSite(t)
	for _, path := range []string{"/", "/talk/keynote-ouverture", "/agenda?c=kubeconeu2019", "/no-such-page"} {
		res := get(t, srv.URL+path)
		doc, err := html.Parse(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		var inline []string
		sheets := 0
		walkHTML(doc, func(e *html.Node) {
			switch {
			case e.Data == "script" && attr(e, "src") == "":
				if sheets > 0 {
					t.Errorf("%s: an inline script after a style sheet waits for it", path)
				}
				if e.Parent == nil || e.Parent.Data != "head" {
					t.Errorf("%s: the inline script is in <%s>, not in <head>", path, e.Parent.Data)
				}
				if e.FirstChild != nil {
					inline = append(inline, e.FirstChild.Data)
				}
			case e.Data == "script":
				// Scripts that run after the parse do not compete with the
				// style sheet; the queue of early taps does not wait.
				low := attr(e, "fetchpriority") == "low"
				if deferred := hasAttr(e, "defer"); deferred != low || (attr(e, "src") == "/web/taps.js" && low) {
					t.Errorf("%s: %s: deferred %v, fetched at low priority %v", path, attr(e, "src"), deferred, low)
				}
			case e.Data == "link" && attr(e, "rel") == "stylesheet":
				sheets++
				if attr(e, "href") == "/app.css" {
					t.Errorf("%s: links go-app's /app.css", path)
				}
			}
		})
		if len(inline) != 1 || inline[0] != web.ThemeScript || sheets == 0 {
			t.Fatalf("%s: %d inline scripts (want theme.js alone) before %d style sheets", path, len(inline), sheets)
		}
		sum := sha256.Sum256([]byte(inline[0]))
		source := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		var meta string
		walkHTML(doc, func(e *html.Node) {
			if e.Data == "meta" && attr(e, "http-equiv") == "Content-Security-Policy" {
				meta = attr(e, "content")
			}
		})
		for where, csp := range map[string]string{"header": res.Header.Get("Content-Security-Policy"), "meta": meta} {
			if path == "/no-such-page" && where == "meta" {
				continue // the 404 page carries no app, and no meta copy
			}
			if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval' "+source+";") {
				t.Errorf("%s: the %s policy does not allow theme.js by its hash %s: %q", path, where, source, csp)
			}
		}
	}
}
