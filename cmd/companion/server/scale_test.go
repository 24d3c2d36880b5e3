package server_test

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"companion/data"
	"companion/data/export"
	"companion/data/fixtures"
	"companion/data/importer/build"
	"companion/data/importer/pentabarf"

	"github.com/chromedp/chromedp"
)

// fosdemSite serves FOSDEM 2025 (943 events, 40 rooms) beside the app.
func fosdemSite(t testing.TB) (*httptest.Server, []int) {
	t.Helper()
	f, perDay := fosdemFile(t)
	return newSite(t, f), perDay
}

// fosdemFile is FOSDEM 2025 as a schedule served beside the app, and its
// number of events on each day.
func fosdemFile(t testing.TB) (data.File, []int) {
	t.Helper()
	c, err := pentabarf.Import("fosdem", bytes.NewReader(fixtures.Read(t, "fosdem-2025.pentabarf-schedule.xml")), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := export.JSON(c)
	if err != nil {
		t.Fatal(err)
	}
	perDay := make([]int, len(c.Days))
	for _, e := range c.Events {
		perDay[e.Day]++
	}
	return data.File{Name: "fosdem2025.json", JSON: string(doc)}, perDay
}

// cards counts the cards on screen: not those of a day list's view being
// replaced, hidden until taken down (web/static/cards.js: renew).
const cards = `document.querySelectorAll("main li.card:not(.retired *)").length`

// FOSDEM scale: the whole day is there, a star works, the other day opens.
// (How fast is measured by BenchmarkBrowserFOSDEMDaySwitch.)
func TestBrowserFOSDEMScale(t *testing.T) {
	srv, perDay := fosdemSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "open FOSDEM", chromedp.Navigate(srv.URL+"/?c=fosdem2025&day=1"), appLoaded())
	eventually(t, ctx, "day 1 rendered", fmt.Sprintf(`%s === %d`, cards, perDay[0]))
	key := evalString(t, ctx, "a talk", `document.querySelectorAll("button.star")[300].dataset.key`)
	star := `button.star[data-key="` + key + `"]`
	run(t, ctx, "star it", click(star), chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))
	run(t, ctx, "day 2", click(`nav.days a[href*="day=2"]`))
	eventually(t, ctx, "day 2 rendered", fmt.Sprintf(`%s === %d`, cards, perDay[1]))
	run(t, ctx, "agenda", chromedp.Navigate(srv.URL+"/agenda?c=fosdem2025"), appLoaded(),
		chromedp.WaitVisible(`.agenda-list `+star, chromedp.ByQuery))
}

// How long switching days takes on FOSDEM's 470-event days, in a real
// browser: from the click to the other day's last card on screen.
func BenchmarkBrowserFOSDEMDaySwitch(b *testing.B) {
	srv, perDay := fosdemSite(b)
	ctx := newBrowser(b)
	if err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/?c=fosdem2025&day=1"), appLoaded()); err != nil {
		b.Fatal(err)
	}
	day := 1
	b.ResetTimer()
	for b.Loop() {
		day = 3 - day
		start := time.Now()
		if err := chromedp.Run(ctx,
			click(fmt.Sprintf(`nav.days a[href*="day=%d"]`, day)),
			chromedp.Poll(fmt.Sprintf(`%s === %d`, cards, perDay[day-1]), nil, chromedp.WithPollingInterval(5*time.Millisecond))); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms/switch")
	}
}
