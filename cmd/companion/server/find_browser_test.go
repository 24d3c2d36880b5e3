package server_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"companion/cmd/companion/browserclock"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The search, the filters, the track and room pages and now/next, in a
// real browser on KCD France and FOSDEM 2025.

const poleEmploi = "5 ans avec Kubernetes : retour sur le déploiement des conteneurs chez Pôle Emploi"

// typeQuery replaces what the search box holds with text, typed key by key.
func typeQuery(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	run(t, ctx, "clear the search box", chromedp.Evaluate(`(() => {
		const q = document.getElementById("q");
		q.value = "";
		q.dispatchEvent(new Event("input", {bubbles: true}));
	})()`, nil))
	run(t, ctx, "type "+text, chromedp.SendKeys("#q", text, chromedp.ByQuery))
	// The results of a shorter prefix may be on screen for a moment.
	eventually(t, ctx, "results for "+text, `document.querySelector("main .results")?.dataset.query.trim() === `+jsString(text)+`.trim()`)
}

// strings evaluates a JavaScript expression giving a list of strings.
func evalStrings(t *testing.T, ctx context.Context, step, js string) []string {
	t.Helper()
	var out []string
	run(t, ctx, step, chromedp.Evaluate(js, &out))
	return out
}

// eventuallyStrings waits until a list of strings is the one wanted.
func eventuallyStrings(t *testing.T, ctx context.Context, step, js string, want []string) {
	t.Helper()
	w, _ := json.Marshal(want)
	deadline := time.Now().Add(30 * time.Second)
	for {
		var got string
		err := chromedp.Run(ctx, chromedp.Evaluate(`JSON.stringify(`+js+`)`, &got))
		if err == nil && got == string(w) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: got %s, want %s (last error: %v)", step, got, w, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

const (
	resultTitles = `[...document.querySelectorAll("main .results li.card .card-title")].map(e => e.textContent)`
	cardTitles   = `[...document.querySelectorAll("main li.card .card-title")].map(e => e.textContent)`
	marks        = `[...document.querySelectorAll("main .results mark")].map(e => e.textContent)`
)

func TestBrowserSearchKCD(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())

	// A search box with an accessible name, at the top of the schedule.
	name := evalString(t, ctx, "search box label", `(() => {
		const q = document.querySelector('form[role="search"] input[type="search"]#q');
		return q && q.labels.length ? q.labels[0].textContent : "";
	})()`)
	if name == "" {
		t.Fatal("no <input type=search> with a label in a search form")
	}
	if before := evalString(t, ctx, "order", `document.querySelector("form.search").compareDocumentPosition(document.querySelector(".slot")) & Node.DOCUMENT_POSITION_FOLLOWING ? "before" : "after"`); before != "before" {
		t.Error("the search box is not above the schedule")
	}

	// Accents and case: "pole emploi" finds Pôle Emploi, its words marked.
	typeQuery(t, ctx, "pole emploi")
	eventuallyStrings(t, ctx, "pole emploi found", resultTitles, []string{poleEmploi})
	// In the title, then in each speaker's organisation.
	eventuallyStrings(t, ctx, "its words marked", marks, []string{"Pôle", "Emploi", "Pôle", "Emploi", "Pôle", "Emploi"})
	// The marks are elements with text, nothing else.
	if n := evalString(t, ctx, "mark children", `String([...document.querySelectorAll("main mark")].filter(m => m.children.length > 0).length)`); n != "0" {
		t.Errorf("%s <mark> elements hold elements", n)
	}
	if q := evalString(t, ctx, "url", `new URL(location.href).searchParams.get("q")`); q != "pole emploi" {
		t.Errorf("the URL keeps q=%q", q)
	}

	// A reload shows the same results, the query in the box.
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	eventuallyStrings(t, ctx, "same results after reload", resultTitles, []string{poleEmploi})
	if v := evalString(t, ctx, "box after reload", `document.getElementById("q").value`); v != "pole emploi" {
		t.Errorf("after a reload the box holds %q", v)
	}

	// A speaker's surname, without its accent, marked with it.
	typeQuery(t, ctx, "verchere")
	eventuallyStrings(t, ctx, "a speaker", resultTitles, []string{"Comment bien foirer sa certif CK{A,S}"})
	// The results of a prefix typed on the way ("verch") are the same talk:
	// wait for the whole word's marks.
	eventually(t, ctx, "speaker marked with the accent", `[...document.querySelectorAll("main mark")].some(m => m.textContent === "Verchère")`)
	// An organisation: the talks of its people, the lunch its sponsorship.
	typeQuery(t, ctx, "scaleway")
	eventuallyStrings(t, ctx, "an organisation", resultTitles, []string{"Keynote d'ouverture", "VPC dans k8s : Pas aussi simple que ça en a l’air", "Déjeuner et stands des partenaires"})
	// Case: eBPF in a title first, marked as written.
	typeQuery(t, ctx, "EBPF")
	eventually(t, ctx, "eBPF first", `document.querySelector("main .results li.card .card-title")?.textContent === "Révolution eBPF : Un noyau Linux dynamique"`)
	// The prefix typed on the way ("ebp") finds the same talk first: wait
	// for the whole word's marks, written as the title writes it.
	eventually(t, ctx, "eBPF marked as written", `[...document.querySelectorAll("main .results mark")].some(m => m.textContent === "eBPF")`)
	// Nothing found says so.
	typeQuery(t, ctx, "zzyzx")
	eventually(t, ctx, "nothing found", `document.querySelector("main .results-count").textContent.includes("No talk matches")`)

	// Back undoes the search as a whole, not letter by letter.
	run(t, ctx, "back", chromedp.Evaluate(`history.back()`, nil))
	eventually(t, ctx, "the schedule again", `location.search === "" && document.querySelector("main .slot") !== null && document.querySelector("main .results") === null`)
}

func TestBrowserFiltersKCD(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)

	// Two tracks in one room: the two eBPF talks in Blanc.
	run(t, ctx, "open filtered", chromedp.Navigate(srv.URL+"/?track=reseau-ebpf&track=securite&room=blanc"), appLoaded())
	blanc := []string{
		"Rendre hautement disponibles des milliers d'ingress sur des clusters kubernetes indépendants",
		"Révolution eBPF : Un noyau Linux dynamique",
	}
	eventuallyStrings(t, ctx, "tracks and room combine", cardTitles, blanc)
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	eventuallyStrings(t, ctx, "filters survive a reload", cardTitles, blanc)

	// Removing the room leaves the two tracks, in every room.
	run(t, ctx, "remove the room", click(`.active-filters a[aria-label="Remove the filter Room: Blanc"]`))
	eventually(t, ctx, "four talks", `document.querySelectorAll("main li.card").length === 4 && !location.search.includes("room=")`)
	run(t, ctx, "back", chromedp.Evaluate(`history.back()`, nil))
	eventuallyStrings(t, ctx, "back to the room", cardTitles, blanc)

	// Choosing from the panel: the keynote type alone.
	run(t, ctx, "clear", click(`.active-filters a.clear-all`))
	eventually(t, ctx, "no filter", `document.querySelector(".active-filters") === null && document.querySelectorAll("main li.card").length === 19`)
	run(t, ctx, "open the panel", click(`.filter-panel summary`))
	eventually(t, ctx, "type chips", `[...document.querySelectorAll(".filter-panel a.chip")].some(a => a.textContent.includes("Keynote"))`)
	run(t, ctx, "keynotes", chromedp.Evaluate(`[...document.querySelectorAll(".filter-panel a.chip")].find(a => a.textContent.includes("Keynote")).click()`, nil))
	eventuallyStrings(t, ctx, "only the keynote", cardTitles, []string{"Keynote d'ouverture"})
	if !strings.Contains(evalString(t, ctx, "url", `location.search`), "type=keynote") {
		t.Error("the type filter is not in the URL")
	}
	// From the keyboard: the choice keeps the focus, now ticked, and the
	// others point at the schedule with the keynotes kept.
	const talkChip = `[...document.querySelectorAll(".filter-panel a.chip")].find(a => a.textContent.includes("Talk"))`
	run(t, ctx, "focus Talk", chromedp.Evaluate(talkChip+`.focus()`, nil), chromedp.KeyEvent("\r"))
	eventually(t, ctx, "talks and keynotes", `location.search.includes("type=talk") && location.search.includes("type=keynote") && document.querySelectorAll("main li.card").length > 1`)
	eventually(t, ctx, "the focus stays on the choice, ticked", `document.activeElement === `+talkChip+` && document.activeElement.getAttribute("aria-current") === "true" && document.activeElement.querySelector(".tick") !== null`)
	if got := evalString(t, ctx, "a room's link", `document.querySelector(".filter-panel a.chip[href*='room=']").getAttribute("href")`); !strings.Contains(got, "type=keynote") || !strings.Contains(got, "type=talk") {
		t.Errorf("a room's choice leads to %q, dropping the types chosen", got)
	}

	// Hiding a room: its talks go, the keynote shown in two others stays.
	run(t, ctx, "hide Blanc", chromedp.Navigate(srv.URL+"/?hide-room=blanc"), appLoaded())
	eventually(t, ctx, "Blanc hidden", `document.querySelectorAll("main li.card").length === 14`)
	if got := evalStrings(t, ctx, "titles", cardTitles); !slices.Contains(got, "Keynote d'ouverture") || slices.Contains(got, blanc[1]) {
		t.Errorf("with Blanc hidden: %q", got)
	}

	// A search with a filter: Kubernetes in Rouge only, the titles that say
	// it first, then the talk whose abstract does.
	run(t, ctx, "search in a room", chromedp.Navigate(srv.URL+"/?q=kubernetes&room=rouge"), appLoaded())
	eventuallyStrings(t, ctx, "kubernetes in Rouge", resultTitles, []string{
		"Kubernetes the not so hard Veepee way",
		"Faut-il confier ses bases de données à un opérateur Kubernetes ?",
		"Sécurisez votre software supply chain avec SLSA, Sigstore et Kyverno",
	})
}

func TestBrowserTracksAndRooms(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "tracks", chromedp.Navigate(srv.URL+"/tracks"), chromedp.WaitVisible(".places", chromedp.ByQuery), appLoadedAnywhere())
	rows := evalStrings(t, ctx, "track rows", `[...document.querySelectorAll(".places li")].map(li => li.querySelector(".place-name").textContent + ": " + li.querySelector(".count").textContent)`)
	if len(rows) != 9 || !slices.Contains(rows, "Réseau & eBPF: 3 talks") || !slices.Contains(rows, "Vie de la conférence: 3 events") {
		t.Errorf("tracks: %q", rows)
	}
	run(t, ctx, "a track", chromedp.Evaluate(`[...document.querySelectorAll(".places a")].find(a => a.textContent.includes("eBPF")).click()`, nil))
	eventually(t, ctx, "the track's page", `location.pathname === "/track/reseau-ebpf" && document.querySelector("h1").textContent.includes("Réseau & eBPF")`)
	eventuallyStrings(t, ctx, "its talks", cardTitles, []string{
		"Rendre hautement disponibles des milliers d'ingress sur des clusters kubernetes indépendants",
		"Révolution eBPF : Un noyau Linux dynamique",
		"VPC dans k8s : Pas aussi simple que ça en a l’air",
	})

	run(t, ctx, "a room", chromedp.Navigate(srv.URL+"/room/bleu"), appLoadedAnywhere())
	eventually(t, ctx, "Bleu's talks", `document.querySelectorAll("main li.card").length === 6 && document.querySelector("main li.card .card-title").textContent === "Keynote d'ouverture"`)
	run(t, ctx, "rooms", chromedp.Navigate(srv.URL+"/rooms"), appLoadedAnywhere())
	if got := evalStrings(t, ctx, "rooms", `[...document.querySelectorAll(".places .place-name")].map(e => e.textContent)`); !slices.Equal(got, []string{"Bleu", "Blanc", "Rouge", "Hall partenaires"}) {
		t.Errorf("rooms %q", got)
	}
	// An unknown track is a 404 from the server.
	if res := get(t, srv.URL+"/track/nope"); res.StatusCode != 404 {
		t.Errorf("/track/nope: %s", res.Status)
	}
}

// appLoadedAnywhere waits for the app on pages without a star.
func appLoadedAnywhere() chromedp.Action {
	return pollAcrossLoads(`document.getElementById("app-wasm-loader") === null && document.documentElement.dataset.app === "ready" && document.querySelector(".scroll-keeper") !== null`)
}

// setClock makes the page's clock read at from now on (the app reads the
// time from the browser): the test-only hook that now/next tests use.
func setClock(at string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(browserclock.Script(at)).Do(ctx)
		return err
	})
}

func TestBrowserNowNextKCD(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "10:00 in Paris", setClock("2023-03-07T10:00:00+01:00"))
	run(t, ctx, "now", chromedp.Navigate(srv.URL+"/now"), appLoadedAnywhere())
	rows := `[...document.querySelectorAll(".now-room")].map(r => r.querySelector("h2").textContent + " | " + r.querySelector(".now-event").textContent + " | " + r.querySelector(".next-event").textContent)`
	eventuallyStrings(t, ctx, "the board at 10:00", rows, []string{
		"Bleu | until 10:30 Keynote d'ouverture | 10:45–11:25 Pourquoi l'observabilité coûte-t-elle si cher ?",
		"Blanc | until 10:30 Keynote d'ouverture | 10:45–11:25 Rendre hautement disponibles des milliers d'ingress sur des clusters kubernetes indépendants",
		"Rouge | until 10:30 Keynote d'ouverture | 10:45–11:25 Sécurisez votre software supply chain avec SLSA, Sigstore et Kyverno",
		"Hall partenaires | Nothing | 12:15–13:45 Déjeuner et stands des partenaires",
	})
	// The strip at the top of today's schedule.
	run(t, ctx, "schedule", chromedp.Navigate(srv.URL+"/"), appLoaded())
	eventuallyStrings(t, ctx, "on now", `[...document.querySelectorAll(".now-strip li")].map(li => li.querySelector(".room").textContent + ": " + li.querySelector("a").textContent)`, []string{
		"Bleu: Keynote d'ouverture", "Blanc: Keynote d'ouverture", "Rouge: Keynote d'ouverture",
	})
	// Hiding what is over is offered while the conference runs.
	run(t, ctx, "hide what is over", chromedp.Navigate(srv.URL+"/?over=hide"), appLoaded())
	eventually(t, ctx, "the morning's end stays", `document.querySelectorAll("main .day-view li.card").length === 18 && !document.querySelector("main").textContent.includes("Accueil, café")`)
}

// After the conference there is nothing on and nothing to hide.
func TestBrowserNowAfterKCD(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "a year later", setClock("2024-03-07T10:00:00+01:00"))
	run(t, ctx, "now", chromedp.Navigate(srv.URL+"/now"), appLoadedAnywhere())
	eventually(t, ctx, "over", `document.querySelector(".lede").textContent.includes("over") && document.querySelectorAll(".now-room").length === 0`)
	run(t, ctx, "schedule", chromedp.Navigate(srv.URL+"/?over=hide"), appLoaded())
	eventually(t, ctx, "nothing hidden", `document.querySelectorAll("main li.card").length === 19 && document.querySelector(".now-strip") === null`)
}

// A talk opened from a scrolled schedule opens at its top; Back returns to
// where the schedule was.
func TestBrowserScrollOnNavigation(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	run(t, ctx, "scroll down", chromedp.Evaluate(`window.scrollTo(0, 1200)`, nil))
	// The position is recorded in the history entry 200 ms after scrolling.
	eventually(t, ctx, "position recorded", `history.state !== null && history.state.y === Math.round(scrollY) && scrollY > 0`)
	y := evalString(t, ctx, "position", `String(Math.round(scrollY))`)
	if y == "0" {
		t.Fatal("the schedule does not scroll")
	}
	// What the attendee sees: the card a third of the way down, and where.
	inView := `(() => { for (const y of [innerHeight / 3, innerHeight / 3 + 12, innerHeight / 2]) {
		const el = document.elementFromPoint(innerWidth / 2, y);
		const card = el && el.closest("li.card");
		if (card) return card.querySelector(".card-title a").getAttribute("href") + "@" + Math.round(card.getBoundingClientRect().top); }
		return ""; })()`
	seen := evalString(t, ctx, "card in view", inView)
	if seen == "" {
		t.Fatal("no card a third of the way down the schedule")
	}
	run(t, ctx, "open a talk in view", chromedp.Evaluate(`[...document.querySelectorAll("main .card-title a")].find(a => a.getBoundingClientRect().top > 100).click()`, nil))
	eventually(t, ctx, "the talk at its top", `location.pathname.startsWith("/talk/") && document.querySelector("article.talk") !== null && scrollY === 0`)
	run(t, ctx, "back", chromedp.Evaluate(`history.back()`, nil))
	// The same card at the same height (the offset itself may differ: the
	// cards far above are laid out with an estimated height until seen).
	eventually(t, ctx, "back where it was", `location.pathname === "/" && scrollY > 0 && `+inView+` === `+jsString(seen))
}
