package server_test

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"companion/data"

	"github.com/chromedp/cdproto/network"
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

// A picture the data gives shows over the initials once loaded; one that
// cannot load leaves the initials and no broken image.
func TestBrowserSpeakerPicture(t *testing.T) {
	var buf bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	img.Set(0, 0, color.RGBA{255, 0, 0, 255})
	png.Encode(&buf, img)
	pics := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/ada.png" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/png")
		w.Write(buf.Bytes())
	}))
	t.Cleanup(pics.Close)

	srv := newSite(t, pictureSchedule(pics.URL+"/ada.png", pics.URL+"/gone.png"))
	ctx := newBrowser(t, chromedp.Flag("ignore-certificate-errors", true))
	run(t, ctx, "Ada", chromedp.Navigate(srv.URL+"/speakers/ada-lovelace?c=pictures"), appLoaded())
	eventually(t, ctx, "her picture loaded and shown", `(() => { const i = document.querySelector(".portrait img"); return i && i.complete && i.naturalWidth === 8 && i.alt === "" && getComputedStyle(i).visibility === "visible"; })()`)
	if got := evalString(t, ctx, "initials under it", `document.querySelector(".portrait").textContent`); got != "AL" {
		t.Errorf("initials %q", got)
	}
	run(t, ctx, "Grace", chromedp.Navigate(srv.URL+"/speakers/grace-hopper?c=pictures"), appLoaded())
	eventually(t, ctx, "her picture failed, hidden", `(() => { const i = document.querySelector(".portrait img"); return i && i.complete && i.naturalWidth === 0 && getComputedStyle(i).visibility === "hidden"; })()`)
	if got := evalString(t, ctx, "initials", `document.querySelector(".portrait").textContent`); got != "GH" {
		t.Errorf("initials %q", got)
	}
	// Within the app, from a failed picture to one that loads: the same
	// element, shown again.
	run(t, ctx, "to Ada in the app", chromedp.Evaluate(`goappNav("/speakers/ada-lovelace?c=pictures")`, nil))
	eventually(t, ctx, "Ada's picture shown", `(() => { const i = document.querySelector(".portrait img"); return document.querySelector("main h1").textContent === "Ada Lovelace" && i && i.naturalWidth === 8 && getComputedStyle(i).visibility === "visible"; })()`)
	run(t, ctx, "back to Grace", chromedp.Evaluate(`history.back()`, nil))
	eventually(t, ctx, "Grace's hidden again", `(() => { const i = document.querySelector(".portrait img"); return document.querySelector("main h1").textContent === "Grace Hopper" && i && i.complete && getComputedStyle(i).visibility === "hidden"; })()`)
	if os.Getenv("COMPANION_SCREENSHOTS") != "" {
		var png []byte
		run(t, ctx, "screenshot", chromedp.Screenshot(".speaker-head", &png, chromedp.ByQuery))
		os.WriteFile(os.Getenv("COMPANION_SCREENSHOTS")+"/portrait-failed.png", png, 0o644)
	}
}

// pictureSchedule is a conference with two speakers, one picture that
// loads and one that does not.
func pictureSchedule(ok, gone string) data.File {
	event := func(i int, slug, name, avatar string) map[string]any {
		return map[string]any{
			"guid": "00000000-0000-4000-8000-00000000000" + string(rune('0'+i)), "date": "2023-03-07T1" + string(rune('0'+i)) + ":00:00+01:00",
			"duration": "00:30", "room": "A", "slug": slug, "title": "Talk " + slug, "type": "talk",
			"persons": []any{map[string]any{"guid": "10000000-0000-4000-8000-00000000000" + string(rune('0'+i)), "name": name, "avatar": avatar}},
		}
	}
	doc := map[string]any{"schedule": map[string]any{"version": "1", "conference": map[string]any{
		"acronym": "pictures", "title": "Pictures", "start": "2023-03-07", "end": "2023-03-07", "daysCount": 1,
		"timeslot_duration": "00:15", "time_zone_name": "Europe/Paris", "rooms": []any{map[string]any{"name": "A"}},
		"days": []any{map[string]any{"index": 1, "date": "2023-03-07", "day_start": "2023-03-07T08:00:00+01:00", "day_end": "2023-03-07T19:00:00+01:00",
			"rooms": map[string]any{"A": []any{event(1, "engines", "Ada Lovelace", ok), event(2, "compilers", "Grace Hopper", gone)}}}},
	}}}
	b, _ := json.Marshal(doc)
	return data.File{Name: "pictures.json", JSON: string(b)}
}
