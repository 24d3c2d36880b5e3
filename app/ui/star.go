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
		Aria("label", starLabel(title)).
		Text(glyph) // the label names the button; the glyph shows its state
	if app.IsServer {
		return b
	}
	return b.OnClick(onClick)
}

// starLabel names a star button after its talk.
func starLabel(title string) string { return trf("Star “%s”", title) }

// toggleStar flips the star of the button's event and saves it. The
// snapshot comes from the schedule, or from what was saved when the event
// is no longer in it. It returns a message for the attendee when saving
// failed.
func toggleStar(ctx app.Context, c *schedule.Conference, a *agenda.Agenda) string {
	return toggleStarKey(c, a, ctx.JSSrc().Get("dataset").Get("key").String())
}

// toggleStarKey flips the star of the event with this key (see toggleStar).
func toggleStarKey(c *schedule.Conference, a *agenda.Agenda, key string) string {
	var snap agenda.Star
	if e := c.Event(key); e != nil {
		snap = snapshot(e)
	} else if s, ok := a.Star(key); ok {
		snap = s
	}
	if err := a.Set(key, !a.Starred(key), snap); err != nil {
		return tr("Your star could not be saved: ") + plain(err)
	}
	return ""
}

// starToggle is a card's star as a component of its own, so that a tap
// draws the button again and not the page: on a FOSDEM day the page is
// 470 cards. The page that shows it names itself as the star's host (its
// context, its notice) when it opens; a star whose save fails writes the
// reason in the host's notice and lets the page be drawn to show it.
type starToggle struct {
	app.Compo
	Conf  *schedule.Conference
	Key   string
	Title string
	On    bool
}

// starHost is the page showing the stars.
var starHost struct {
	ctx    app.Context
	notice *string
	set    bool
}

// hostStars makes the page of ctx the host of the stars it shows.
func hostStars(ctx app.Context, notice *string) {
	starHost.ctx, starHost.notice, starHost.set = ctx, notice, true
}

func (s *starToggle) Render() app.UI { return starButton(s.Key, s.Title, s.On, s.onClick) }

func (s *starToggle) onClick(ctx app.Context, e app.Event) {
	a, _ := agendaFor(s.Conf)
	msg := toggleStar(ctx, s.Conf, a)
	s.On = a.Starred(s.Key)
	if !starHost.set || starHost.notice == nil {
		return // the page is drawn again
	}
	if showStarNotice(msg) {
		return
	}
	// Only this button changes: the host page is not drawn again.
	starHost.ctx.PreventUpdate()
}

// showStarNotice puts a star's message (or none) in the host page's
// notice and tells whether the page must be drawn again to show it: when
// the save failed, or to clear the message of a failure before.
func showStarNotice(msg string) bool {
	if !starHost.set || starHost.notice == nil || (msg == "" && *starHost.notice == "") {
		return false
	}
	*starHost.notice = msg
	return true
}
