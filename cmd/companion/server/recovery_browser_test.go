package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A stored agenda that cannot be read (a bad write, an old app's bug, a
// hand edit) never stops the app: it is copied aside once, offered for
// download on the agenda page, and stars work again at once.
func TestBrowserCorruptAgenda(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	const key = "companion/agenda/kcdfrance2023"
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	run(t, ctx, "spoil the agenda", chromedp.Evaluate(`localStorage.setItem("`+key+`", "{\"version\": 2, \"stars\": {not json")`, nil))
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	copies := `Object.keys(localStorage).filter(k => k.startsWith("` + key + `/unreadable-") && localStorage.getItem(k).includes("not json")).length`
	eventually(t, ctx, "copied aside", copies+` === 1`)
	star := `main button.star[data-key]`
	k := evalString(t, ctx, "a star", `document.querySelector("`+star+`").dataset.key`)
	run(t, ctx, "star", click(`main button.star[data-key="`+k+`"]`),
		chromedp.WaitVisible(`main button.star[data-key="`+k+`"][aria-pressed="true"]`, chromedp.ByQuery))
	run(t, ctx, "reload again", chromedp.Reload(), appLoaded())
	eventually(t, ctx, "the star is kept", `document.querySelector('main button.star[data-key="`+k+`"]').getAttribute("aria-pressed") === "true"`)
	eventually(t, ctx, "copied once, not at every reload", copies+` === 1`)
	run(t, ctx, "agenda", chromedp.Navigate(srv.URL+"/agenda"), appLoaded())
	eventually(t, ctx, "the copy offered", `document.querySelector(".kept-copies h2") !== null && document.querySelector(".kept-copies h2").textContent === "Saved data that could not be read" && document.querySelector(".kept-copies button.download-copy") !== null`)
	if main := evalString(t, ctx, "agenda text", `document.querySelector("main").textContent`); strings.Contains(main, "invalid character") || strings.Contains(main, "json:") {
		t.Errorf("the agenda page shows Go's error: %.400q", main)
	}
}

// A device whose storage is full: the star is not shown as saved, and the
// message says so in words, with what to do (the browser's real
// QuotaExceededError, the storage filled first).
func TestBrowserStorageFull(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	var filled string
	run(t, ctx, "fill the storage", chromedp.Evaluate(`(() => {
		let n = 0, name = "";
		for (let size = 1 << 20; size >= 1; size >>= 1) {
			const chunk = "x".repeat(size);
			for (;;) {
				try { localStorage.setItem("fill-" + n, chunk); n++; } catch (e) { name = e.name; break; }
			}
		}
		return name;
	})()`, &filled))
	if filled != "QuotaExceededError" {
		t.Fatalf("filling the storage ended with %q, want QuotaExceededError", filled)
	}
	k := evalString(t, ctx, "a star", `document.querySelector("main button.star[data-key]").dataset.key`)
	run(t, ctx, "star", click(`main button.star[data-key="`+k+`"]`))
	eventually(t, ctx, "said in words", `document.querySelector("main").textContent.includes("this device has no room left for the app's data")`)
	if got := evalString(t, ctx, "the star", `document.querySelector('main button.star[data-key="`+k+`"]').getAttribute("aria-pressed")`); got != "false" {
		t.Errorf("a star that could not be saved shows aria-pressed=%q", got)
	}
	run(t, ctx, "free the storage", chromedp.Evaluate(`Object.keys(localStorage).filter(k => k.startsWith("fill-")).forEach(k => localStorage.removeItem(k))`, nil))
}
