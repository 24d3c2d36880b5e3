package server_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The timetable grid in a real browser: talks under their room at their
// time, the KCD keynote across its three rooms, sticky room names and
// times, the now-line, stars, the list/grid choice remembered, filters;
// at FOSDEM size, only what is near the screen is drawn.

// phone makes the page a 390 × 844 phone screen (headless Chromium's
// window is never narrower than 500).
func phone() chromedp.Action {
	return emulation.SetDeviceMetricsOverride(390, 844, 2, true)
}

// rect is an element's box on screen.
type rect struct{ Left, Right, Top, Bottom, Width, Height float64 }

func rectOf(t *testing.T, ctx context.Context, step, js string) rect {
	t.Helper()
	var r rect
	run(t, ctx, step, chromedp.Evaluate(`(() => { const e = `+js+`; if (!e) return null; const r = e.getBoundingClientRect();
		return {Left: r.left, Right: r.right, Top: r.top, Bottom: r.bottom, Width: r.width, Height: r.height}; })()`, &r))
	if r.Width == 0 && r.Height == 0 {
		t.Fatalf("%s: %s is not on the page", step, js)
	}
	return r
}

func near(a, b, tolerance float64) bool { return math.Abs(a-b) <= tolerance }

func gridBlock(title string) string {
	return `[...document.querySelectorAll("#timetable a.grid-block")].find(a => a.querySelector(".grid-title").textContent === ` + jsString(title) + `)`
}

func roomHeader(name string) string {
	return `[...document.querySelectorAll("#timetable .grid-room")].find(h => h.textContent === ` + jsString(name) + `)`
}

// timeRow is the time written at hh:mm (a half hour).
func timeRow(hhmm string) string {
	return `[...document.querySelectorAll("#timetable .grid-time")].find(m => m.textContent === ` + jsString(hhmm) + `)`
}

// scrollGridTo brings a room's column at a time (a half hour written
// beside the rows) into the timetable's view: both are always drawn, a
// block only when near the screen.
func scrollGridTo(room, hhmm string) chromedp.Action {
	return chromedp.Evaluate(`(() => { const h = `+roomHeader(room)+`, m = `+timeRow(hhmm)+`; const box = document.getElementById("timetable");
		box.scrollTo(h.offsetLeft - 60, m.offsetTop - 60); })()`, nil)
}

// checkPlace checks that a block is under its rooms' headers, from first
// to last, and starts at its time: minutes after the half hour hhmm at
// 2.4 px a minute.
func checkPlace(t *testing.T, ctx context.Context, title, first, last, hhmm string, minutes, duration float64) {
	t.Helper()
	run(t, ctx, "scroll to "+title, scrollGridTo(first, hhmm))
	eventually(t, ctx, title+" drawn", gridBlock(title)+` !== undefined`)
	b := rectOf(t, ctx, title, gridBlock(title))
	h1 := rectOf(t, ctx, first, roomHeader(first))
	h2 := rectOf(t, ctx, last, roomHeader(last))
	m := rectOf(t, ctx, hhmm, timeRow(hhmm))
	if !near(b.Left, h1.Left, 4) || !near(b.Right, h2.Right, 4) {
		t.Errorf("%q spans x %.0f–%.0f, not under %s–%s (%.0f–%.0f)", title, b.Left, b.Right, first, last, h1.Left, h2.Right)
	}
	if want := m.Top + minutes*2.4; !near(b.Top, want, 2) {
		t.Errorf("%q starts at y %.1f, want %.1f (%s is at %.1f, +%v min)", title, b.Top, want, hhmm, m.Top, minutes)
	}
	if want := duration * 2.4; !near(b.Height, want, 3) {
		t.Errorf("%q is %.1f px high, want %.1f for %v minutes", title, b.Height, want, duration)
	}
}

func TestBrowserGridKCD(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "phone", phone())
	run(t, ctx, "10:00 in Paris", setClock("2023-03-07T10:00:00+01:00"))

	// The server's page is already the grid, all of it.
	page := body(t, get(t, srv.URL+"/?view=grid"))
	if n := strings.Count(page, `class="grid-block"`) + strings.Count(page, `class="grid-block `); n != 19 {
		t.Errorf("the server's grid page has %d blocks, want 19", n)
	}

	run(t, ctx, "open the grid", chromedp.Navigate(srv.URL+"/?view=grid"), appLoadedAnywhere())
	eventually(t, ctx, "grid drawn", `document.querySelectorAll("#timetable .grid-room").length === 4`)
	if got := evalStrings(t, ctx, "columns", `[...document.querySelectorAll("#timetable .grid-room")].map(h => h.textContent)`); strings.Join(got, ",") != "Bleu,Blanc,Rouge,Hall partenaires" {
		t.Errorf("columns %q", got)
	}

	// Talks under their room at their time.
	checkPlace(t, ctx, "Keynote d'ouverture", "Bleu", "Rouge", "09:00", 15, 75)
	checkPlace(t, ctx, "Kubernetes the not so hard Veepee way", "Rouge", "Rouge", "13:30", 15, 40)
	checkPlace(t, ctx, "Pourquoi l'observabilité coûte-t-elle si cher ?", "Bleu", "Bleu", "10:30", 15, 40)
	checkPlace(t, ctx, "Déjeuner et stands des partenaires", "Hall partenaires", "Hall partenaires", "12:00", 15, 90)
	// The keynote is one block, shown once.
	run(t, ctx, "back to the keynote", scrollGridTo("Bleu", "09:00"))
	eventually(t, ctx, "keynote drawn", gridBlock("Keynote d'ouverture")+` !== undefined`)
	if n := evalString(t, ctx, "keynotes", `String([...document.querySelectorAll("#timetable .grid-title")].filter(e => e.textContent === "Keynote d'ouverture").length)`); n != "1" {
		t.Errorf("%s keynote blocks", n)
	}

	// The room names stay at the top and the times at the left while the
	// grid scrolls both ways.
	run(t, ctx, "scroll the grid", chromedp.Evaluate(`document.getElementById("timetable").scrollTo(200, 500)`, nil))
	eventually(t, ctx, "scrolled", `document.getElementById("timetable").scrollTop > 400 && document.getElementById("timetable").scrollLeft > 100`)
	box := rectOf(t, ctx, "box", `document.getElementById("timetable")`)
	head := rectOf(t, ctx, "Rouge's name", roomHeader("Rouge"))
	if !near(head.Top, box.Top, 2) {
		t.Errorf("room names at y %.0f, the grid's top at %.0f", head.Top, box.Top)
	}
	mark := rectOf(t, ctx, "a time", timeRow("13:00"))
	if !near(mark.Left, box.Left, 2) {
		t.Errorf("times at x %.0f, the grid's left at %.0f", mark.Left, box.Left)
	}

	// The now-line at 10:00.
	run(t, ctx, "back to the morning", chromedp.Evaluate(`document.getElementById("timetable").scrollTo(0, 0)`, nil))
	line := rectOf(t, ctx, "now-line", `document.querySelector("#timetable .grid-now")`)
	ten := rectOf(t, ctx, "10:00", timeRow("10:00"))
	if !near(line.Top, ten.Top, 2) {
		t.Errorf("the now-line at y %.0f, 10:00 at %.0f", line.Top, ten.Top)
	}

	// A block is a link to its talk; a star there shows in the grid.
	run(t, ctx, "open a talk", chromedp.Evaluate(gridBlock("Kubernetes the not so hard Veepee way")+`.click()`, nil))
	eventually(t, ctx, "its page", `location.pathname.startsWith("/talk/") && document.querySelector("article.talk h1")?.textContent === "Kubernetes the not so hard Veepee way"`)
	run(t, ctx, "star it", click(`article.talk button.star`), chromedp.WaitVisible(`article.talk button.star[aria-pressed="true"]`, chromedp.ByQuery))
	run(t, ctx, "back", chromedp.Evaluate(`history.back()`, nil))
	eventually(t, ctx, "starred in the grid", gridBlock("Kubernetes the not so hard Veepee way")+`?.classList.contains("grid-starred") && `+gridBlock("Kubernetes the not so hard Veepee way")+`.querySelector(".grid-star").textContent.includes("Starred")`)
	if n := evalString(t, ctx, "stars", `String(document.querySelectorAll("#timetable .grid-starred").length)`); n != "1" {
		t.Errorf("%s starred blocks", n)
	}

	// The choice is remembered: the schedule opens as a grid, and says so
	// in its URL, until the list is chosen.
	run(t, ctx, "the schedule", chromedp.Navigate(srv.URL+"/"), appLoadedAnywhere())
	eventually(t, ctx, "a grid again", `document.getElementById("timetable") !== null && new URL(location.href).searchParams.get("view") === "grid"`)
	run(t, ctx, "choose the list", click(`nav.view-toggle a:not([aria-current])`))
	eventually(t, ctx, "the list", `document.getElementById("timetable") === null && document.querySelectorAll("main li.card").length === 19`)
	run(t, ctx, "the schedule again", chromedp.Navigate(srv.URL+"/"), appLoaded())
	eventually(t, ctx, "still the list", `document.getElementById("timetable") === null && document.querySelectorAll("main li.card").length === 19 && !location.search.includes("grid")`)

	// Filters apply to the grid: one room is one column, the keynote in it.
	run(t, ctx, "Blanc alone", chromedp.Navigate(srv.URL+"/?view=grid&room=blanc"), appLoadedAnywhere())
	eventually(t, ctx, "one column", `document.querySelectorAll("#timetable .grid-room").length === 1 && document.querySelectorAll("#timetable a.grid-block").length === 6`)
	checkPlace(t, ctx, "Keynote d'ouverture", "Blanc", "Blanc", "09:00", 15, 75)
	// Two tracks, and hiding a room: the keynote spans the rooms left.
	run(t, ctx, "hide Blanc", chromedp.Navigate(srv.URL+"/?view=grid&hide-room=blanc"), appLoadedAnywhere())
	eventually(t, ctx, "three columns", `document.querySelectorAll("#timetable .grid-room").length === 3`)
	checkPlace(t, ctx, "Keynote d'ouverture", "Bleu", "Rouge", "09:00", 15, 75)
	run(t, ctx, "a type", chromedp.Navigate(srv.URL+"/?view=grid&type=keynote"), appLoadedAnywhere())
	eventually(t, ctx, "the keynote alone", `document.querySelectorAll("#timetable a.grid-block").length === 1`)
	run(t, ctx, "reload", chromedp.Reload(), appLoadedAnywhere())
	eventually(t, ctx, "the filter survives", `document.querySelectorAll("#timetable a.grid-block").length === 1 && location.search.includes("type=keynote")`)
}

// FOSDEM: a day of 28 or 29 rooms shows as a grid; only the blocks near the
// screen are in the page, and a far-right room's talk appears when the
// grid is scrolled to it, under its room.
func TestBrowserGridFOSDEM(t *testing.T) {
	srv, perDay := fosdemSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "phone", phone())
	run(t, ctx, "open the grid", chromedp.Navigate(srv.URL+"/?c=fosdem2025&day=1&view=grid"), appLoadedAnywhere())
	eventually(t, ctx, "grid drawn", `document.querySelectorAll("#timetable .grid-room").length > 25 && document.querySelectorAll("#timetable a.grid-block").length > 0`)
	var drawn int
	run(t, ctx, "count", chromedp.Evaluate(`document.querySelectorAll("#timetable a.grid-block").length`, &drawn))
	if drawn >= perDay[0]/2 {
		t.Errorf("%d blocks drawn of the day's %d: not only what is near the screen", drawn, perDay[0])
	}
	last := evalString(t, ctx, "the last room", `[...document.querySelectorAll("#timetable .grid-room")].at(-1).textContent`)
	h := roomHeader(last)
	under := fmt.Sprintf(`(() => {
		const h = %s.getBoundingClientRect();
		return [...document.querySelectorAll("#timetable a.grid-block")].some(b => { const r = b.getBoundingClientRect(); return Math.abs(r.left - h.left) < 4 && r.right <= h.right + 4; });
	})()`, h)
	// Nothing in the last column is drawn yet.
	if evalString(t, ctx, "far right before", `String(`+under+`)`) != "false" {
		t.Error("the far right room's talks are drawn before the grid is scrolled there")
	}
	run(t, ctx, "scroll to the far right", chromedp.Evaluate(`(() => { const box = document.getElementById("timetable"); box.scrollTo(box.scrollWidth, 0); })()`, nil))
	eventually(t, ctx, "a talk under "+last, under)
	// Scrolled down to the afternoon, the afternoon's talks are drawn.
	run(t, ctx, "scroll down", chromedp.Evaluate(`(() => { const box = document.getElementById("timetable"); box.scrollTo(0, 6 * 144); })()`, nil))
	eventually(t, ctx, "the afternoon", `(() => {
		const box = document.getElementById("timetable").getBoundingClientRect();
		return [...document.querySelectorAll("#timetable a.grid-block")].some(b => { const r = b.getBoundingClientRect(); return r.top >= box.top && r.top < box.bottom && r.left < box.right; });
	})()`)
}

// gridAsPrerendered checks, in the page, that every block of the
// timetable the app drew (web/static/cards.js) is one the server
// prerendered for the same URL (go-app, app/ui/timetable.go), element for
// element, and that it drew some. It returns "" or the first block that
// is not.
const gridAsPrerendered = `(async () => {
	const canon = ` + canonJS + `;
	const html = await (await fetch(location.href, { cache: "no-store" })).text();
	const server = new Set([...new DOMParser().parseFromString(html, "text/html").querySelectorAll("#timetable a.grid-block")].map(canon));
	const client = [...document.querySelectorAll("#timetable a.grid-block")];
	if (server.size === 0 || client.length === 0) return "blocks: server " + server.size + ", client " + client.length;
	for (const b of client) if (!server.has(canon(b))) return "not prerendered: " + canon(b) + "\nserver has e.g. " + [...server].find((s) => s.includes(b.dataset.key));
	return "";
})()`

// The blocks the app draws in the browser are the ones the server
// prerenders: KCD France (room colours, the keynote across three rooms,
// breaks, lanes) and FOSDEM's days, opened, switched in the app and
// scrolled, and blocks no longer near the screen are taken down.
func TestBrowserGridAsPrerendered(t *testing.T) {
	srv, _ := fosdemSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "phone", phone())
	compare := func(step string) {
		t.Helper()
		var diff string
		run(t, ctx, "compare "+step, chromedp.Evaluate(gridAsPrerendered, &diff, awaitPromise))
		if diff != "" {
			t.Errorf("%s: %s", step, diff)
		}
	}
	for _, path := range []string{"/?view=grid", "/?c=fosdem2025&day=1&view=grid", "/?c=fosdem2025&day=2&view=grid"} {
		run(t, ctx, "open "+path, chromedp.Navigate(srv.URL+path), appLoadedAnywhere())
		eventually(t, ctx, path+" drawn", `document.querySelectorAll("#timetable a.grid-block").length > 0`)
		compare(path)
	}
	// Another day, in the app: its blocks (the rooms and times before them
	// change in number).
	run(t, ctx, "day 1", click(`nav.days a[href*="day=1"]`))
	eventually(t, ctx, "day 1 drawn", `location.search.includes("day=1") && document.querySelector("#timetable time").getAttribute("datetime").startsWith("2025-02-01") && document.querySelectorAll("#timetable a.grid-block").length > 0`)
	compare("day 1, in the app")
	// Scrolled far right and down: other blocks, and the first ones gone.
	first := evalString(t, ctx, "a first block", `document.querySelector("#timetable a.grid-block").dataset.key`)
	run(t, ctx, "scroll", chromedp.Evaluate(`(() => { const box = document.getElementById("timetable"); box.scrollTo(box.scrollWidth, 6 * 144); })()`, nil))
	eventually(t, ctx, "the first block gone", `![...document.querySelectorAll("#timetable a.grid-block")].some((b) => b.dataset.key === `+jsString(first)+`) && document.querySelectorAll("#timetable a.grid-block").length > 0`)
	compare("scrolled")
	// Scrolled back: drawn again, as before.
	run(t, ctx, "scroll back", chromedp.Evaluate(`document.getElementById("timetable").scrollTo(0, 0)`, nil))
	eventually(t, ctx, "the first block back", `[...document.querySelectorAll("#timetable a.grid-block")].some((b) => b.dataset.key === `+jsString(first)+`)`)
	compare("scrolled back")
}
