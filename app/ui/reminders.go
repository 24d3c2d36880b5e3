package ui

import (
	"time"

	"companion/app/agenda"
	"companion/app/catalog"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Reminders while the app is open: a few minutes before a starred talk, a
// notification where the attendee allowed them, an in-app banner
// otherwise. Permission is asked only when the attendee asks for
// reminders (the offer on My agenda), never at start.

const remindBefore = 5 * time.Minute

// reminded remembers the talks already announced in this page load.
var reminded = map[string]bool{}

// reminderBanner watches the clock while a page is open.
type reminderBanner struct {
	app.Compo
	due    []*schedule.Event
	conf   *schedule.Conference
	cancel chan struct{}
}

func (b *reminderBanner) OnMount(ctx app.Context) {
	b.cancel = make(chan struct{})
	cancel := b.cancel
	b.check(ctx)
	ctx.Async(func() {
		t := time.NewTicker(20 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-cancel:
				return
			case <-t.C:
				ctx.Dispatch(b.check)
			}
		}
	})
}

func (b *reminderBanner) OnDismount() {
	if b.cancel != nil {
		close(b.cancel)
		b.cancel = nil
	}
}

func (b *reminderBanner) check(ctx app.Context) {
	c, err := catalog.Get(acronymOf(ctx.Page().URL()))
	if err != nil {
		return
	}
	a, _ := agendaFor(c)
	current, _ := starredEvents(c, a)
	b.conf = c
	b.due = agenda.Due(current, time.Now(), remindBefore)
	for _, e := range b.due {
		k := e.Key() + "@" + e.Start.String()
		if reminded[k] {
			continue
		}
		reminded[k] = true
		notify(e.Title, trf("Starts at %s in %s", clock(c, e.Start), joinRooms(e.Rooms)+" ("+zoneLabel(c)+")"), talkURL(c, e))
	}
}

func (b *reminderBanner) Render() app.UI {
	if len(b.due) == 0 || b.conf == nil {
		return divClass("reminder-slot")
	}
	c := b.conf
	return divClass("banner reminder").Role("status").Body(
		app.Range(b.due).Slice(func(i int) app.UI {
			e := b.due[i]
			mins := int(time.Until(e.Start).Round(time.Minute) / time.Minute)
			return app.P().Body(
				app.Text(trf("Starting in %d min, %s: ", max(mins, 1), joinRooms(e.Rooms))),
				aText(talkURL(c, e), e.Title),
			)
		}),
	)
}

// notify shows a system notification when the attendee allowed them.
func notify(title, body, path string) {
	n := jsGlobal("Notification")
	if !n.Truthy() || n.Get("permission").String() != "granted" {
		return
	}
	opts := map[string]any{"body": body, "tag": path, "icon": "/web/icons/icon-192.png", "data": map[string]any{"path": path}}
	defer func() { recover() }() // a browser that refuses is left to the banner
	if sw := jsGlobal("navigator").Get("serviceWorker"); sw.Truthy() && sw.Get("controller").Truthy() {
		sw.Get("ready").Then(func(reg app.Value) { reg.Call("showNotification", title, opts) })
		return
	}
	n.New(title, opts)
}

// reminderOffer asks, once, whether the attendee wants notifications.
type reminderOffer struct {
	app.Compo
	permission string
}

func (o *reminderOffer) OnMount(ctx app.Context) {
	if n := jsGlobal("Notification"); n.Truthy() {
		o.permission = n.Get("permission").String()
	}
}

func (o *reminderOffer) Render() app.UI {
	if o.permission != "default" {
		return divClass("reminder-offer-slot")
	}
	return divClass("reminder-offer").Body(
		app.P().Text(tr("While the app is open it shows a reminder 5 minutes before each starred talk. It can also notify you when it is in the background.")),
		typeButton().ID("allow-notifications").Text(tr("Notify me too")).OnClick(o.ask),
	)
}

func (o *reminderOffer) ask(ctx app.Context, e app.Event) {
	n := jsGlobal("Notification")
	if !n.Truthy() {
		return
	}
	n.Call("requestPermission").Then(func(v app.Value) {
		ctx.Dispatch(func(ctx app.Context) { o.permission = v.String() })
	})
}
