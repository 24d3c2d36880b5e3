package server_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestZZDebug(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "phone", phone())
	run(t, ctx, "10:00 in Paris", setClock("2023-03-07T10:00:00+01:00"))
	run(t, ctx, "open the grid", chromedp.Navigate(srv.URL+"/?view=grid"), appLoadedAnywhere())
	time.Sleep(time.Second)
	for _, title := range []string{"Kubernetes the not so hard Veepee way", "Pourquoi l'observabilité coûte-t-elle si cher ?"} {
		run(t, ctx, "scroll", scrollGridTo(gridBlock(title)))
		for i := 0; i < 3; i++ {
			t.Log(evalString(t, ctx, "dbg", `JSON.stringify({y: scrollY, st: document.getElementById("timetable").scrollTop, b: `+gridBlock(title)+`.getBoundingClientRect().top, m: [...document.querySelectorAll("#timetable .grid-time")].map(m => m.textContent + ":" + Math.round(m.getBoundingClientRect().top) + "/" + m.style.gridRow).join(" ")})`))
			time.Sleep(300 * time.Millisecond)
		}
	}
}
