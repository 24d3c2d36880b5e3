package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// frenchBrowser makes the browser a French one: navigator.languages and
// the Accept-Language header both say French.
func frenchBrowser(t *testing.T, ctx context.Context) {
	t.Helper()
	ua := evalString(t, ctx, "user agent", `navigator.userAgent`)
	run(t, ctx, "French browser", emulation.SetUserAgentOverride(ua).WithAcceptLanguage("fr-FR,fr"))
}

// A French browser gets the French interface, from the server's first
// page to the running app; switching to English and back is remembered
// across reloads.
func TestBrowserFrenchInterfaceAndSwitch(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "blank page", chromedp.Navigate("about:blank"))
	frenchBrowser(t, ctx)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("main h1", chromedp.ByQuery))
	if got := evalString(t, ctx, "navigator.language", `navigator.language`); !strings.HasPrefix(got, "fr") {
		t.Fatalf("navigator.language is %q: the browser is not French", got)
	}
	french := `document.documentElement.lang === "fr" &&
		document.querySelector('nav a[href="/"]').textContent === "Programme" &&
		document.querySelector("#lang-fr").getAttribute("aria-pressed") === "true" &&
		document.querySelector("main .lede").textContent.startsWith("mardi 7 mars 2023")`
	english := `document.documentElement.lang === "en" &&
		document.querySelector('nav a[href="/"]').textContent === "Schedule" &&
		document.querySelector("#lang-en").getAttribute("aria-pressed") === "true" &&
		document.querySelector("main .lede").textContent.startsWith("Tuesday 7 March 2023")`
	// Prerendered in French, then the app, in French too.
	eventually(t, ctx, "prerendered in French", french)
	run(t, ctx, "app loads", appLoaded())
	eventually(t, ctx, "app in French", french)
	if got := evalString(t, ctx, "star label", `document.querySelector("button.star").getAttribute("aria-label")`); !strings.HasPrefix(got, "Étoiler") {
		t.Errorf("star button named %q in French", got)
	}
	// Content keeps its own language.
	if got := evalString(t, ctx, "card lang", `document.querySelector('.card-title a[href="/talk/keynote-ouverture"]').closest(".card-title").lang`); got != "fr" {
		t.Errorf("a KCD France title has lang %q", got)
	}

	start := time.Now()
	run(t, ctx, "switch to English", click("#lang-en"))
	run(t, ctx, "app reloads", appLoaded())
	eventually(t, ctx, "English after the switch", english)
	t.Logf("switching the language took %v (the page reloads from the cache; no CPU slow-down)", time.Since(start).Round(time.Millisecond))
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	eventually(t, ctx, "English is remembered", english)
	// The 404 page has no app: it follows the choice too (theme.js), in a
	// French browser, and shows one language only.
	notFound := func(lang, title string) string {
		return `document.documentElement.lang === "` + lang + `" && document.title === "` + title + `" &&
			[...document.querySelectorAll("main h1")].filter(h => h.offsetParent !== null).map(h => h.textContent).join("|") === "` + title + `"`
	}
	run(t, ctx, "a page that is not there", chromedp.Navigate(srv.URL+"/no-such-page"), chromedp.WaitVisible(notFoundHeading, chromedp.ByQuery))
	eventually(t, ctx, "the 404 page in English, as chosen", notFound("en", "Not found"))
	run(t, ctx, "the schedule again", chromedp.Navigate(srv.URL+"/"), appLoaded())

	run(t, ctx, "switch back to French", click("#lang-fr"))
	run(t, ctx, "app reloads", appLoaded())
	eventually(t, ctx, "French after the switch", french)
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	eventually(t, ctx, "French is remembered", french)
	run(t, ctx, "a page that is not there", chromedp.Navigate(srv.URL+"/no-such-page"), chromedp.WaitVisible(notFoundHeading, chromedp.ByQuery))
	eventually(t, ctx, "the 404 page in French", notFound("fr", "Introuvable"))
}

// The device-zone setting shows the same talk at the device's time,
// labelled, and is remembered; the conference's zone is the default.
func TestBrowserDeviceZoneSetting(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "phone in New York", emulation.SetTimezoneOverride("America/New_York"))
	run(t, ctx, "open the keynote", chromedp.Navigate(srv.URL+"/talk/keynote-ouverture"), appLoaded())
	if zone := evalString(t, ctx, "phone zone", `Intl.DateTimeFormat().resolvedOptions().timeZone`); zone != "America/New_York" {
		t.Fatalf("the emulated zone is %q", zone)
	}
	// The keynote is at 09:15 in Paris (CET), 03:15 in New York (EST).
	conference := `document.querySelector(".facts time").textContent === "09:15" &&
		document.querySelector(".facts .zone").textContent.includes("Paris time") &&
		document.querySelector("#zone-conference").getAttribute("aria-pressed") === "true"`
	device := `document.querySelector(".facts time").textContent === "03:15" &&
		document.querySelector(".facts time").getAttribute("datetime") === "2023-03-07T03:15:00-05:00" &&
		document.querySelector(".facts .zone").textContent.includes("your time (New York)") &&
		document.querySelector(".facts dd").textContent.startsWith("Tuesday 7 March 2023") &&
		document.querySelector("#zone-device").getAttribute("aria-pressed") === "true" &&
		document.querySelector("#zone-now").textContent.includes("Paris time")`
	eventually(t, ctx, "conference's zone by default", conference)

	run(t, ctx, "choose the device's zone", click("#zone-device"))
	run(t, ctx, "app reloads", appLoaded())
	eventually(t, ctx, "the keynote at New York time", device)
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	eventually(t, ctx, "the device's zone is remembered", device)

	// The schedule says it too, and its first slot is at New York time.
	run(t, ctx, "open the schedule", chromedp.Navigate(srv.URL+"/"), appLoaded())
	eventually(t, ctx, "schedule at New York time", `document.querySelector("main .lede").textContent.includes("your time (New York)") &&
		document.querySelector(".slot-time time").textContent === "02:00"`)

	run(t, ctx, "back to the conference's zone", click("#zone-conference"))
	run(t, ctx, "app reloads", appLoaded())
	eventually(t, ctx, "schedule at Paris time", `document.querySelector("main .lede").textContent.includes("Paris time") &&
		document.querySelector(".slot-time time").textContent === "08:00"`)
}
