package server_test

import (
	"strings"
	"testing"

	"companion/app/catalog"

	"github.com/chromedp/chromedp"
)

// An attendee carrying two events: a star in each, and each agenda keeps
// only its own.
func TestBrowserSwitchConferenceAgendasApart(t *testing.T) {
	entries := catalog.List()
	if len(entries) < 2 {
		t.Fatalf("the build embeds %d conference(s); this test needs two", len(entries))
	}
	first, second := entries[0], entries[1]
	srv := newSite(t)
	ctx := newBrowser(t)

	starFirstSession := func(step string) (key, title string) {
		t.Helper()
		run(t, ctx, step+": app loads", appLoaded())
		key = evalString(t, ctx, step+": find a talk", `document.querySelector("button.star").dataset.key`)
		title = evalString(t, ctx, step+": title", `document.querySelector("button.star").closest("li").querySelector(".card-title a").textContent`)
		star := `button.star[data-key="` + key + `"]`
		run(t, ctx, step+": star", click(star),
			chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))
		return key, title
	}
	choose := func(e catalog.Entry) {
		t.Helper()
		run(t, ctx, "open the events page", chromedp.Navigate(srv.URL+"/events"), chromedp.WaitVisible(".events", chromedp.ByQuery))
		// Clicked from script once the app has started and shows the list:
		// while it starts it replaces the prerendered page, and a node found
		// before that is stale.
		eventually(t, ctx, "choose "+e.Title, `(() => {
			const a = [...document.querySelectorAll(".events a")].find(a => a.textContent.trim() === `+jsString(e.Title)+`);
			if (!a || document.getElementById("app-wasm-loader")) return false;
			a.click();
			return true;
		})()`)
		run(t, ctx, "its schedule", chromedp.WaitVisible("main h1", chromedp.ByQuery))
		eventually(t, ctx, "schedule of "+e.Title, `document.querySelector(".topbar").textContent.includes(`+jsString(e.Title)+`)`)
	}

	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	choose(second)
	keyB, titleB := starFirstSession(second.Title)
	choose(first)
	keyA, titleA := starFirstSession(first.Title)
	if keyA == keyB {
		t.Fatalf("both conferences' first talk have key %s", keyA)
	}

	agenda := func(acronym string) string {
		run(t, ctx, "agenda of "+acronym, chromedp.Navigate(srv.URL+"/agenda?c="+acronym), appLoaded(),
			chromedp.WaitVisible(".agenda-list", chromedp.ByQuery))
		return evalString(t, ctx, "agenda titles", `[...document.querySelectorAll(".agenda-list .card-title")].map(e => e.textContent).join("\n")`)
	}
	if got := agenda(first.Acronym); got != titleA {
		t.Errorf("%s agenda lists %q, want only %q", first.Acronym, got, titleA)
	}
	if got := agenda(second.Acronym); got != titleB {
		t.Errorf("%s agenda lists %q, want only %q", second.Acronym, got, titleB)
	}
	// The choice is remembered: / opens the conference chosen last.
	run(t, ctx, "reopen /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	eventually(t, ctx, "remembered choice", `document.querySelector(".topbar").textContent.includes(`+jsString(second.Title)+`)`)
	keys := evalString(t, ctx, "storage keys", `Object.keys(localStorage).filter(k => k.startsWith("companion/agenda/")).sort().join(",")`)
	if !strings.Contains(keys, "companion/agenda/"+first.Acronym) || !strings.Contains(keys, "companion/agenda/"+second.Acronym) {
		t.Errorf("agendas stored under %s", keys)
	}
}

func jsString(s string) string {
	return "`" + strings.NewReplacer("`", "\\`", "\\", "\\\\", "$", "\\$").Replace(s) + "`"
}
