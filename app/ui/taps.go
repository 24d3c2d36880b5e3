package ui

import (
	"companion/app/catalog"

	"github.com/tidwall/gjson"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A star tapped before the app has started is not lost: web/static/taps.js
// shows it pressed at once and queues it under pendingStarsKey, as a list
// of {conf, key, on}. The app saves the queue in the agenda (the one place
// that writes it) before its first render, and again once mounted for a
// tap made in between; then it marks the page ready and its own buttons
// take over.
const pendingStarsKey = "companion/pending-stars"

// savePendingStars saves the queued taps, each as the state it asks for
// (a second tap on the same star replaced the first), and empties the
// queue. A tap on a conference or talk the app does not know is dropped.
func savePendingStars() {
	raw, ok := browserStorage{}.Get(pendingStarsKey)
	if !ok {
		return
	}
	browserStorage{}.Remove(pendingStarsKey)
	gjson.Parse(raw).ForEach(func(_, t gjson.Result) bool {
		c, err := catalog.Get(t.Get("conf").String())
		if err != nil {
			return true
		}
		a, _ := agendaFor(c)
		key, on := t.Get("key").String(), t.Get("on").Bool()
		if e := c.Event(key); e != nil && a.Starred(key) != on {
			if err := a.Set(key, on, snapshot(e)); err != nil {
				app.Log("a star tapped before the app started could not be saved:", err)
			}
		}
		return true
	})
}

// appReady saves the taps made while the app was starting and tells the
// page's script that the app's buttons are live.
type appReady struct{ app.Compo }

func (r *appReady) OnMount(ctx app.Context) {
	savePendingStars()
	jsGlobal("document").Get("documentElement").Get("dataset").Set("app", "ready")
}

func (r *appReady) Render() app.UI { return spanClass("app-ready").Hidden(true) }
