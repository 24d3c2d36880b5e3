package server_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// A star on the schedule changes its button where it is (the day is not
// drawn again); what the page shows afterwards, through filters, stays
// right.
func TestBrowserStarInPlace(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	title := "Révolution eBPF : Un noyau Linux dynamique"
	star := `[...document.querySelectorAll("main li.card")].find(li => li.querySelector(".card-title").textContent === ` + jsString(title) + `).querySelector("button.star")`
	pressed := func(step, want, glyph string) {
		t.Helper()
		eventually(t, ctx, step, star+`.getAttribute("aria-pressed") === "`+want+`" && `+star+`.textContent === "`+glyph+`" && document.querySelectorAll('main button.star[aria-pressed="true"]').length === `+map[string]string{"true": "1", "false": "0"}[want])
	}
	run(t, ctx, "star", chromedp.Evaluate(star+`.click()`, nil))
	pressed("starred", "true", "★")
	run(t, ctx, "open the filters", chromedp.Click(`.filter-panel summary`, chromedp.ByQuery))
	eventually(t, ctx, "track chips", `[...document.querySelectorAll(".filter-panel a.chip")].some(a => a.textContent.includes("eBPF"))`)
	run(t, ctx, "a filter that keeps it", chromedp.Evaluate(`[...document.querySelectorAll(".filter-panel a.chip")].find(a => a.textContent.includes("eBPF")).click()`, nil))
	eventually(t, ctx, "the track", `location.search.includes("track=reseau-ebpf") && document.querySelectorAll("main li.card").length === 3`)
	pressed("still starred", "true", "★")
	run(t, ctx, "unstar", chromedp.Evaluate(star+`.click()`, nil))
	pressed("unstarred", "false", "☆")
	run(t, ctx, "clear the filter", chromedp.Click(`.active-filters a.chip-on`, chromedp.ByQuery))
	eventually(t, ctx, "the whole day", `document.querySelectorAll("main li.card").length === 19`)
	pressed("still unstarred", "false", "☆")
	run(t, ctx, "star again", chromedp.Evaluate(star+`.click()`, nil))
	pressed("starred again", "true", "★")
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	pressed("kept", "true", "★")
}
