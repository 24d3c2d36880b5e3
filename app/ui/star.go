package ui

import (
	"companion/app/agenda"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// starButton is a real toggle button named after the talk. The key rides
// on the element (data-key) so that one handler serves a whole list with
// no per-row closure. Until the app has loaded, a tap on the prerendered
// button is shown and queued by web/static/taps.js (see taps.go).
func starButton(key, title string, on bool, onClick app.EventHandler) app.HTMLButton {
	glyph := "☆"
	if on {
		glyph = "★"
	}
	b := app.Button().Type("button").Class("star").
		DataSet("key", key).
		Aria("pressed", on).
		Aria("label", "Star “"+title+"”").
		Text(glyph) // the label names the button; the glyph shows its state
	if app.IsServer {
		return b
	}
	return b.OnClick(onClick)
}

// toggleStar flips the star of the button's event and saves it. The
// snapshot comes from the schedule, or from what was saved when the event
// is no longer in it. It returns a message for the attendee when saving
// failed.
func toggleStar(ctx app.Context, c *schedule.Conference, a *agenda.Agenda) string {
	key := ctx.JSSrc().Get("dataset").Get("key").String()
	var snap agenda.Star
	if e := c.Event(key); e != nil {
		snap = snapshot(e)
	} else if s, ok := a.Star(key); ok {
		snap = s
	}
	if err := a.Set(key, !a.Starred(key), snap); err != nil {
		return "Your star could not be saved: " + agenda.Plain(err)
	}
	return ""
}
