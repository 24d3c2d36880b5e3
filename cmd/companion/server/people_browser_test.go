package server_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"companion/app/picture"
	"companion/cmd/companion/server"
	"companion/data"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Speakers and the venue in a real browser, on KCD France and KubeCon
// Europe 2019.

const speakerNames = `[...document.querySelectorAll("main .speaker-list .speaker-name")].map(e => e.textContent)`

// From a talk to its speaker's page and back, by their links and by the
// browser's Back.
func TestBrowserTalkToSpeakerAndBack(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "open the keynote", chromedp.Navigate(srv.URL+"/talk/keynote-ouverture"), appLoaded())
	if got := evalStrings(t, ctx, "speaker links", `[...document.querySelectorAll(".speakers-block a")].map(a => a.textContent + " " + new URL(a.href).pathname)`); !slices.Equal(got, []string{
		"Jérôme Petazzoni /speakers/jerome-petazzoni", "Solomon Hykes /speakers/solomon-hykes", "Daniel Maher /speakers/daniel-maher",
	}) {
		t.Errorf("the keynote's speaker links: %q", got)
	}
	run(t, ctx, "to Solomon Hykes", click(`.speakers-block a[href="/speakers/solomon-hykes"]`))
	eventually(t, ctx, "his page", `location.pathname === "/speakers/solomon-hykes" && document.querySelector("main h1").textContent === "Solomon Hykes"`)
	eventually(t, ctx, "his talk, with its time and rooms", `(() => {
		const card = document.querySelector("main li.card");
		return card && card.querySelector(".card-title").textContent === "Keynote d'ouverture" &&
			card.textContent.includes("09:15–10:30") && card.querySelector(".rooms").textContent === "BleuBlancRouge";
	})()`)
	if got := evalString(t, ctx, "role and initials", `document.querySelector(".speaker-head .role").textContent + " " + document.querySelector(".portrait").textContent`); got != "Dagger SH" {
		t.Errorf("role and initials %q", got)
	}
	if got := evalString(t, ctx, "title", `document.title`); got != "Solomon Hykes – KCD France 2023" {
		t.Errorf("title %q", got)
	}
	// The page opens at its top, and the talk's link leads back to it.
	run(t, ctx, "back to the talk by its link", click(`main li.card .card-title a`))
	eventually(t, ctx, "the keynote again", `location.pathname === "/talk/keynote-ouverture" && document.querySelector("article.talk h1").textContent === "Keynote d'ouverture"`)
	run(t, ctx, "Back", chromedp.Evaluate(`history.back()`, nil))
	eventually(t, ctx, "the speaker again", `location.pathname === "/speakers/solomon-hykes" && document.querySelector("main h1").textContent === "Solomon Hykes"`)
	run(t, ctx, "Back", chromedp.Evaluate(`history.back()`, nil))
	eventually(t, ctx, "the keynote", `location.pathname === "/talk/keynote-ouverture" && document.querySelector("article.talk h1") !== null`)

	// Starring from a speaker's page stars the talk.
	run(t, ctx, "a speaker with two sessions", chromedp.Navigate(srv.URL+"/speakers/nikhita-raghunath?c=kubeconeu2019"), appLoaded())
	eventuallyStrings(t, ctx, "her two sessions, by day", `[...document.querySelectorAll("main section.place-day")].map(s => s.querySelector("h2").textContent + ": " + s.querySelector(".card-title").textContent)`, []string{
		"Tuesday 21 May 2019: CNCF Diversity Scholarships",
		"Wednesday 22 May 2019: Panel: how we became Kubernetes contributors",
	})
	run(t, ctx, "star one", click(`main li.card button.star`))
	eventually(t, ctx, "starred", `document.querySelector("main li.card button.star").getAttribute("aria-pressed") === "true"`)
	run(t, ctx, "its talk page", chromedp.Navigate(srv.URL+"/talk/diversity-scholarships?c=kubeconeu2019"), appLoaded())
	eventually(t, ctx, "starred there too", `document.querySelector("article.talk button.star").getAttribute("aria-pressed") === "true"`)

	// Unknown speakers say so, and lead to the list.
	run(t, ctx, "an unknown speaker in the app", chromedp.Evaluate(`goappNav("/speakers/nobody")`, nil))
	eventually(t, ctx, "not found", `document.querySelector("main h1").textContent === "This speaker is not in the schedule" && document.querySelector('main a[href="/speakers"]') !== null`)
}

// The list filters as the attendee types, by name or organisation,
// whatever the accents; the filter lives in the URL; it works offline.
func TestBrowserSpeakerFilter(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "schedule", chromedp.Navigate(srv.URL+"/"), appLoaded())
	run(t, ctx, "to the speakers", click(`nav.browse a[href="/speakers"]`))
	eventually(t, ctx, "every speaker", `location.pathname === "/speakers" && document.querySelectorAll("main .speaker-entry").length === 24`)
	if got := evalString(t, ctx, "label", `document.getElementById("speaker-filter").labels[0].textContent`); got == "" {
		t.Error("the filter box has no label")
	}
	type step struct {
		typed string
		want  []string
	}
	for _, s := range []step{
		{"scaleway", []string{"Daniel Maher", "Louis Portay"}},
		{"petaz", []string{"Jérôme Petazzoni"}},
		{"remi", []string{"Rémi Verchère"}},
		{"laurent", []string{"Laurent Dechoux", "Laurent Marchaud", "Laurent Nocus"}},
		{"laurent pole", []string{"Laurent Nocus"}},
		{"ENIX", []string{"Alexandre Buisine", "David Donchez"}},
	} {
		run(t, ctx, "clear", chromedp.Evaluate(`(() => { const q = document.getElementById("speaker-filter"); q.value = ""; q.dispatchEvent(new Event("input", {bubbles: true})); })()`, nil))
		run(t, ctx, "type "+s.typed, chromedp.SendKeys("#speaker-filter", s.typed, chromedp.ByQuery))
		eventuallyStrings(t, ctx, s.typed, speakerNames, s.want)
	}
	if got := evalString(t, ctx, "count", `document.querySelector("main .results-count").textContent`); got != "2 speakers found" {
		t.Errorf("count %q", got)
	}
	if got := evalStrings(t, ctx, "marks", `[...document.querySelectorAll("main .speaker-list mark")].map(m => m.textContent)`); !slices.Equal(got, []string{"Enix", "Enix"}) {
		t.Errorf("marked %q", got)
	}
	if q := evalString(t, ctx, "url", `new URL(location.href).searchParams.get("q")`); q != "ENIX" {
		t.Errorf("the URL keeps q=%q", q)
	}
	run(t, ctx, "reload", chromedp.Reload(), appLoadedAnywhere())
	eventuallyStrings(t, ctx, "the same after a reload", speakerNames, []string{"Alexandre Buisine", "David Donchez"})

	// Offline, once the service worker holds the app.
	run(t, ctx, "service worker ready", workerReady())
	run(t, ctx, "go offline", network.Enable(), network.EmulateNetworkConditions(true, 0, 0, 0))
	run(t, ctx, "the list offline", chromedp.Navigate(srv.URL+"/speakers"), appLoadedAnywhere())
	run(t, ctx, "type offline", chromedp.SendKeys("#speaker-filter", "zzyzx", chromedp.ByQuery))
	eventually(t, ctx, "nothing found", `document.querySelectorAll("main .speaker-entry").length === 0 && document.querySelector("main .results-count").textContent.startsWith("No speaker matches")`)
	run(t, ctx, "a speaker offline", chromedp.Navigate(srv.URL+"/speakers/raphael-pinson"), appLoaded())
	eventually(t, ctx, "Raphaël Pinson", `document.querySelector("main h1").textContent === "Raphaël Pinson" && document.querySelector(".speaker-head .role").textContent === "Isovalent"`)
}

// The venue page names the rooms and explains the simulcast keynote; the
// schedule's links lead to it; KubeCon 2019's shows the children's room
// and the Diversity Lunch.
func TestBrowserVenue(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "schedule", chromedp.Navigate(srv.URL+"/"), appLoaded())
	run(t, ctx, "to the venue", click(`nav.browse a[href="/venue"]`))
	eventually(t, ctx, "the venue", `location.pathname === "/venue" && document.querySelector("main h1").textContent === "Centre Pompidou"`)
	if got := evalStrings(t, ctx, "rooms", `[...document.querySelectorAll("main .venue-rooms .place-name")].map(e => e.textContent)`); !slices.Equal(got, []string{"Bleu", "Blanc", "Rouge", "Hall partenaires"}) {
		t.Errorf("rooms %q", got)
	}
	simulcast := evalString(t, ctx, "simulcast", `document.querySelector("main .venue-simulcast").textContent`)
	for _, want := range []string{"simulcast to the big screens", "Keynote d'ouverture", "09:15–10:30", "rooms Bleu, Blanc and Rouge"} {
		if !strings.Contains(simulcast, want) {
			t.Errorf("the simulcast section %q lacks %q", simulcast, want)
		}
	}
	// The map link is left to the phone: it names the venue and the app
	// does not route it.
	if got := evalString(t, ctx, "geo", `document.querySelector("main .map-links a").getAttribute("href") + " " + document.querySelector("main .map-links a").target`); got != "geo:0,0?q=Centre%20Pompidou%2C%20Place%20Georges-Pompidou%2C%2075004%20Paris _blank" {
		t.Errorf("map link %q", got)
	}
	// A room leads to its talks.
	run(t, ctx, "to Rouge", click(`main .venue-rooms a[href="/room/rouge"]`))
	eventually(t, ctx, "Rouge", `location.pathname === "/room/rouge" && document.querySelectorAll("main li.card").length === 6`)

	run(t, ctx, "KubeCon 2019", chromedp.Navigate(srv.URL+"/venue?c=kubeconeu2019"), appLoadedAnywhere())
	eventually(t, ctx, "Fira Gran Via", `document.querySelector("main h1").textContent === "Fira Gran Via"`)
	if got := evalStrings(t, ctx, "spaces", `[...document.querySelectorAll("main .venue-spaces h3")].map(e => e.textContent)`); !slices.Equal(got, []string{"Children's room", "Diversity Lunch"}) {
		t.Errorf("spaces %q", got)
	}
	if got := evalString(t, ctx, "no simulcast", `String(document.querySelector("main .venue-simulcast"))`); got != "null" {
		t.Error("KubeCon 2019 has no session in several rooms: no simulcast section")
	}
}

// A picture the data gives shows over the initials once loaded, from the
// site's own origin, which the policy allows (no violation is reported; a
// remote image is refused, which shows the report works); one that cannot
// load leaves the initials and no broken image. The browser never reaches
// the pictures' host (it would refuse its test certificate anyway).
func TestBrowserSpeakerPicture(t *testing.T) {
	o := newPictureOrigin(t)
	srv := startSite(t, server.Assets{Served: []data.File{pictureSchedule(o.URL+"/ada.png", o.URL+"/gone.png")}, PictureTransport: o.Client().Transport})
	if page := body(t, get(t, srv.URL+"/speakers/ada-lovelace?c=pictures")); strings.Contains(page, o.URL) || strings.Contains(page, "/api/pictures/") {
		t.Error("the prerendered page names the picture: it shows the initials alone")
	}
	ctx := newBrowser(t)
	var mu sync.Mutex
	var reported []string // what the console says of the policy
	remote := make(chan struct{}, 1)
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*cdplog.EventEntryAdded); ok && strings.Contains(e.Entry.Text, "Content Security Policy") {
			mu.Lock()
			reported = append(reported, e.Entry.Text)
			mu.Unlock()
			if strings.Contains(e.Entry.Text, o.URL) {
				select {
				case remote <- struct{}{}:
				default:
				}
			}
		}
	})
	const listen = `document.addEventListener("securitypolicyviolation", e => (window.violations ||= []).push(e.violatedDirective + " " + e.blockedURI))`
	run(t, ctx, "report violations", cdplog.Enable(), chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(listen).Do(ctx)
		return err
	}))
	const violations = `JSON.stringify(window.violations || [])`
	const img = `document.querySelector(".portrait img")`

	run(t, ctx, "Ada", chromedp.Navigate(srv.URL+"/speakers/ada-lovelace?c=pictures"), appLoaded())
	eventually(t, ctx, "her picture loaded and shown", `(() => { const i = `+img+`; return i && i.complete && i.naturalWidth === 8 && i.alt === "" && getComputedStyle(i).visibility === "visible"; })()`)
	if got, want := evalString(t, ctx, "from the site", img+`.src`), srv.URL+picture.Path("pictures", o.URL+"/ada.png"); got != want {
		t.Errorf("the picture's address %q, want %q", got, want)
	}
	if got := evalString(t, ctx, "initials under it", `document.querySelector(".portrait").textContent`); got != "AL" {
		t.Errorf("initials %q", got)
	}
	run(t, ctx, "Grace", chromedp.Navigate(srv.URL+"/speakers/grace-hopper?c=pictures"), appLoaded())
	eventually(t, ctx, "her picture failed, hidden", `(() => { const i = `+img+`; return i && i.complete && i.naturalWidth === 0 && getComputedStyle(i).visibility === "hidden"; })()`)
	if got := evalString(t, ctx, "initials", `document.querySelector(".portrait").textContent`); got != "GH" {
		t.Errorf("initials %q", got)
	}
	// Within the app, from a failed picture to one that loads: the same
	// element, shown again.
	run(t, ctx, "to Ada in the app", chromedp.Evaluate(`goappNav("/speakers/ada-lovelace?c=pictures")`, nil))
	eventually(t, ctx, "Ada's picture shown", `(() => { const i = `+img+`; return document.querySelector("main h1").textContent === "Ada Lovelace" && i && i.naturalWidth === 8 && getComputedStyle(i).visibility === "visible"; })()`)
	if got := evalString(t, ctx, "no violation", violations); got != "[]" {
		t.Errorf("the policy was violated: %s", got)
	}
	run(t, ctx, "back to Grace", chromedp.Evaluate(`history.back()`, nil))
	eventually(t, ctx, "Grace's hidden again", `(() => { const i = `+img+`; return document.querySelector("main h1").textContent === "Grace Hopper" && i && i.complete && getComputedStyle(i).visibility === "hidden"; })()`)
	if os.Getenv("COMPANION_SCREENSHOTS") != "" {
		var png []byte
		run(t, ctx, "screenshot", chromedp.Screenshot(".speaker-head", &png, chromedp.ByQuery))
		os.WriteFile(os.Getenv("COMPANION_SCREENSHOTS")+"/portrait-failed.png", png, 0o644)
	}
	if got := evalString(t, ctx, "still no violation", violations); got != "[]" {
		t.Errorf("the policy was violated: %s", got)
	}
	mu.Lock()
	if len(reported) != 0 {
		t.Errorf("the console reports the policy: %q", reported)
	}
	mu.Unlock()

	// A picture from elsewhere is refused, and said: the reports above
	// would have caught one.
	run(t, ctx, "a remote image", chromedp.Evaluate(`(() => { const i = new Image(); i.src = "`+o.URL+`/ada.png"; document.body.append(i); })()`, nil))
	// Refused by the header's policy and the page's copy of it.
	eventually(t, ctx, "refused", `(() => { const v = window.violations || []; return v.length > 0 && v.every(x => x === "img-src `+o.URL+`/ada.png"); })()`)
	select {
	case <-remote:
	case <-time.After(30 * time.Second):
		t.Fatal("the console never reported the refused image")
	}
	mu.Lock()
	defer mu.Unlock()
	for _, r := range reported {
		if !strings.Contains(r, o.URL+"/ada.png") {
			t.Errorf("the console reports the policy: %q", r)
		}
	}
}
