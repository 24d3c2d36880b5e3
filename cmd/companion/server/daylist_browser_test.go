package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"companion/app/catalog"
	"companion/app/search"
	"companion/cmd/companion/server"
	"companion/data"
	"companion/data/schedule"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

// prerenderedCards counts the cards of the page's list as the server
// prerendered it.
const prerenderedCards = `fetch(location.href, { cache: "no-store" }).then((r) => r.text()).then((html) =>
	new DOMParser().parseFromString(html, "text/html").querySelectorAll("main .slots li.card").length)`

// canonJS is a JavaScript function that writes an element as a string:
// its name, its attributes sorted (a style as the browser reads it), its
// children, whitespace between elements left out.
const canonJS = `(n) => {
		const canon = (n) => {
			if (n.nodeType === Node.TEXT_NODE) return n.data.trim() === "" ? "" : JSON.stringify(n.data);
			if (n.nodeType !== Node.ELEMENT_NODE) return "";
			const attrs = [...n.attributes].map((a) => {
				let v = a.value;
				if (a.name === "style") {
					// As the browser writes it back: grid-column and grid-row
					// set one by one come back as grid-area.
					const d = document.createElement("div");
					d.setAttribute("style", v);
					v = d.style.cssText.replace(/\s+/g, "").replace(/;$/, "");
				}
				return a.name + "=" + JSON.stringify(v);
			}).sort();
			const kids = [...n.childNodes].map(canon).filter((s) => s !== "");
			return "<" + n.localName + " " + attrs.join(" ") + ">" + kids.join("") + "</" + n.localName + ">";
		};
		return canon(n);
	}`

// sameAsPrerendered compares, in the page, the day list the app drew
// (web/static/cards.js) with the one the server prerendered for the same
// URL (go-app, app/ui/cards.go): the same elements, attributes and text,
// whitespace between elements aside. It returns "" or the first
// difference.
const sameAsPrerendered = `(async () => {
	const canon = ` + canonJS + `, sel = "main .slots";
	const html = await (await fetch(location.href, { cache: "no-store" })).text();
	const server = new DOMParser().parseFromString(html, "text/html").querySelector(sel);
	const client = document.querySelector(sel);
	if (!server || !client) return "no list: server " + !!server + ", client " + !!client;
	const a = [...server.children], b = [...client.children];
	if (a.length !== b.length) return "slots: server " + a.length + ", client " + b.length;
	for (let i = 0; i < a.length; i++) {
		const x = canon(a[i]), y = canon(b[i]);
		if (x !== y) {
			let j = 0;
			while (j < x.length && x[j] === y[j]) j++;
			return "slot " + i + " differs at " + j + ":\nserver " + x.slice(Math.max(0, j - 200), j + 200) + "\nclient " + y.slice(Math.max(0, j - 200), j + 200);
		}
	}
	return "";
})()`

// The day list the app draws in the browser is the one the server
// prerenders, element for element: KCD France (room colours, a plenary in
// three rooms, breaks, French titles) and a FOSDEM day (40 rooms without
// colours, tracks, hundreds of cards).
func TestBrowserDayListAsPrerendered(t *testing.T) {
	srv, perDay := fosdemSite(t)
	ctx := newBrowser(t)
	for _, path := range []string{"/", "/?c=fosdem2025&day=1", "/?c=fosdem2025&day=2"} {
		run(t, ctx, "open "+path, chromedp.Navigate(srv.URL+path), appLoaded())
		var n int
		run(t, ctx, "count the prerendered cards", chromedp.Evaluate(prerenderedCards, &n, awaitPromise))
		if path != "/" && n != perDay[0] && n != perDay[1] {
			t.Fatalf("%s: %d cards prerendered, not a whole FOSDEM day (%v)", path, n, perDay)
		}
		if n < 15 {
			t.Fatalf("%s: %d cards prerendered: the test proves little", path, n)
		}
		eventually(t, ctx, path+" drawn whole", fmt.Sprintf(`%s === %d`, cards, n))
		var diff string
		run(t, ctx, "compare "+path, chromedp.Evaluate(sameAsPrerendered, &diff, awaitPromise))
		if diff != "" {
			t.Errorf("%s: the day list drawn in the browser is not the prerendered one: %s", path, diff)
		}
	}
}

// Without web/static/cards.js (a page cached before it existed, a script
// blocked), the day is still listed whole, by go-app, and its stars work;
// the timetable is drawn too.
func TestBrowserDayListWithoutCardsScript(t *testing.T) {
	srv := startWrappedSite(t, server.Assets{}, withoutCardsScript)
	ctx := newBrowser(t)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"))
	eventually(t, ctx, "the app started, without cards.js", `document.documentElement.dataset.app === "ready" && typeof window.companionCards === "undefined"`)
	var n int
	run(t, ctx, "count the prerendered cards", chromedp.Evaluate(prerenderedCards, &n, awaitPromise))
	eventually(t, ctx, "the whole day, drawn by go-app", fmt.Sprintf(`document.querySelectorAll("main .slots li.card").length === %d`, n))
	key := evalString(t, ctx, "a talk", `document.querySelector("main .slots button.star").dataset.key`)
	star := `main .slots button.star[data-key="` + key + `"]`
	run(t, ctx, "star it", click(star), chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))
	run(t, ctx, "reload", chromedp.Reload())
	eventually(t, ctx, "kept, once and only once", `document.documentElement.dataset.app === "ready" && document.querySelector('`+star+`[aria-pressed="true"]') !== null`)
	// The timetable too: its blocks drawn by go-app, the star shown.
	run(t, ctx, "the grid", chromedp.Evaluate(`goappNav("/?view=grid")`, nil))
	eventually(t, ctx, "its blocks, drawn by go-app", `document.querySelectorAll("#timetable a.grid-block").length > 5 && document.querySelector('#timetable a.grid-block.grid-starred[data-key="`+key+`"]') !== null`)
}

// Another view of the day list is drawn in a container of its own; the
// one it replaces is hidden at once and taken down after the next frame,
// so that at no point two views show, and in the end one is left.
func TestBrowserDayListReplacesItsView(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	eventually(t, ctx, "the whole day", cards+` === 19`)
	run(t, ctx, "watch the views, then filter", chromedp.Evaluate(`(() => {
		const list = document.querySelector("main .slots");
		list.firstElementChild.dataset.old = "1";
		window.viewsShown = [];
		new MutationObserver(() => window.viewsShown.push(list.querySelectorAll(":scope > .slots-view:not(.retired)").length))
			.observe(list, {childList: true, subtree: true, attributes: true, attributeFilter: ["class"]});
		goappNav("/?room=blanc");
	})()`, nil))
	eventually(t, ctx, "Blanc's talks alone, in one view", cards+` > 0 && `+cards+` < 19 && document.querySelectorAll("main .slots > *").length === 1 && document.querySelector("main .slots > .slots-view:not([data-old])") !== null`)
	var shown []int
	run(t, ctx, "views seen", chromedp.Evaluate(`window.viewsShown`, &shown))
	if len(shown) == 0 || slices.Max(shown) != 1 {
		t.Errorf("views shown at once, mutation by mutation: %v; want 1 each time", shown)
	}
}

// snippetQuery finds FOSDEM talks by their abstracts alone.
const snippetQuery = "audience"

// withoutCardsScript wraps a site's handler so that web/static/cards.js is
// not found: the app then draws every list through go-app, as the server
// prerenders it.
func withoutCardsScript(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/cards.js" {
			http.NotFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// The search results the app draws through cards.js are the ones go-app
// draws without it (the server prerenders no results: its pages do not
// depend on the query), element for element: the words found marked in
// titles, speakers, tracks and rooms, the snippet of an abstract, on KCD
// France and on FOSDEM.
func TestBrowserResultsAsDrawnByGoApp(t *testing.T) {
	fosdem, _ := fosdemFile(t)
	srv := startSite(t, server.Assets{Served: []data.File{fosdem}})
	plain := startWrappedSite(t, server.Assets{Served: []data.File{fosdem}}, withoutCardsScript)
	ctx := newBrowser(t)
	kcd, err := catalog.Get(catalog.Default())
	if err != nil {
		t.Fatal(err)
	}
	fosdemConf, err := schedule.Parse(fosdem.Name, fosdem.JSON)
	if err != nil {
		t.Fatal(err)
	}
	results := `[...document.querySelectorAll("main .results-days > *")].map(` + canonJS + `)`
	for _, c := range []struct {
		path string
		conf *schedule.Conference
		want string // something the results must show, marked
	}{
		{"/?q=kubernetes", kcd, `.card-title mark`},
		{"/?q=bleu", kcd, `.room mark`},
		{"/?q=pole+emploi", kcd, `.speakers mark`},
		{"/?c=fosdem2025&q=rust", fosdemConf, `.track mark`},
		{"/?c=fosdem2025&q=" + snippetQuery, fosdemConf, `.snippet mark`},
		{"/?c=fosdem2025&q=r", fosdemConf, `.card-title mark`},
	} {
		// All of them: the browser indexes abstracts a step at a time.
		u, _ := url.Parse(c.path)
		found := len(search.Build(c.conf).Search(search.Parse(u.Query().Get("q"))).Hits)
		var drawn [2][]string
		for i, site := range []string{plain.URL, srv.URL} {
			run(t, ctx, "open "+c.path, chromedp.Navigate(site+c.path), appLoaded())
			eventually(t, ctx, c.path+" drawn", fmt.Sprintf(`document.querySelector("main .results-days > section li.card") !== null && document.querySelector("main .results-count").textContent.startsWith("%d ")`, found))
			if i == 0 && evalString(t, ctx, "cards.js", `typeof window.companionCards`) != "undefined" {
				t.Fatal("cards.js loaded where it is not served")
			}
			if got := evalString(t, ctx, "marks", `String(document.querySelector("main .results-days `+c.want+`") !== null)`); got != "true" {
				t.Errorf("%s: no %s in the results", c.path, c.want)
			}
			run(t, ctx, "the results", chromedp.Evaluate(results, &drawn[i]))
		}
		if len(drawn[0]) == 0 {
			t.Errorf("%s: no results", c.path)
		}
		if a, b := strings.Join(drawn[0], "\n"), strings.Join(drawn[1], "\n"); a != b {
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			from := max(0, i-300)
			t.Errorf("%s: the results drawn by cards.js are not go-app's, from byte %d:\ngo-app   %s\ncards.js %s", c.path, i, a[from:min(len(a), i+300)], b[from:min(len(b), i+300)])
		}
	}
}
