package ui

import (
	"sort"

	"companion/app/agenda"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// agendaPage lists the starred events in time order. A starred event that
// has left the schedule stays listed, from what was saved when it was
// starred, so that nothing the attendee chose disappears silently.
type agendaPage struct {
	app.Compo
	conf   *schedule.Conference
	err    error
	agenda *agenda.Agenda
	notice string
}

func (p *agendaPage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *agendaPage) OnNav(ctx app.Context) {
	p.load(ctx)
	{
		checkForUpdate(ctx, acronymOf(ctx.Page().URL()), func(ctx app.Context, news bool) {
			p.load(ctx)
			if news {
				p.notice = updateNotice(p.conf, p.agenda)
			}
		})
	}
}

func (p *agendaPage) load(ctx app.Context) {
	p.conf, p.err = conferenceOf(ctx.Page().URL())
	if p.err != nil {
		return
	}
	p.agenda, p.notice = agendaFor(p.conf)
	ctx.Page().SetTitle("My agenda – " + p.conf.Title)
}

func (p *agendaPage) onStar(ctx app.Context, e app.Event) {
	p.notice = toggleStar(ctx, p.conf, p.agenda)
}

func (p *agendaPage) Render() app.UI {
	if p.err != nil || p.conf == nil {
		return errorPage(p.err)
	}
	c := p.conf
	var current []*schedule.Event
	var gone []string
	for _, k := range p.agenda.Keys() {
		if e := c.Event(k); e != nil {
			current = append(current, e)
		} else {
			gone = append(gone, k)
		}
	}
	sortByStart(current)
	return shell(c, PathAgenda,
		app.H1().Class("page-title").Text("My agenda"),
		noticeUI(p.notice),
		app.If(app.IsServer, func() app.UI {
			return app.P().Class("lede").Text("Your starred talks appear here once the app has loaded.")
		}).ElseIf(len(current)+len(gone) == 0, func() app.UI {
			return app.P().Class("lede").Body(
				app.Text("No starred talks yet. Tap ☆ next to a talk in the "),
				app.A().Href(scheduleURL(c, 0)).Text("schedule"),
				app.Text(" to add it here."),
			)
		}),
		app.Range(c.Days).Slice(func(i int) app.UI {
			var events []*schedule.Event
			for _, e := range current {
				if e.Day == i {
					events = append(events, e)
				}
			}
			if len(events) == 0 {
				return nil
			}
			return app.Section().Class("agenda-day").Body(
				app.H2().Text(dayLabel(c.Days[i])),
				app.Ul().Class("agenda-list").Body(app.Range(events).Slice(func(j int) app.UI {
					return p.item(events[j])
				})),
			)
		}),
		p.keptCopies(),
		app.If(len(gone) > 0, func() app.UI {
			return app.Section().Class("agenda-gone").Body(
				app.H2().Text("No longer in the schedule"),
				app.Ul().Class("agenda-list").Body(app.Range(gone).Slice(func(i int) app.UI {
					s, _ := p.agenda.Star(gone[i])
					return app.Li().Class("card card-gone").Body(
						app.Div().Class("card-meta").Text("was "+shortDayLabelOf(c, s)+" "+clock(c, s.Start)),
						app.H3().Class("card-title").Text(s.Title),
						starButton(gone[i], s.Title, true, p.onStar),
					)
				})),
			)
		}),
	)
}

// item is a starred event, flagged when it moved or changed room since it
// was starred.
func (p *agendaPage) item(e *schedule.Event) app.UI {
	c := p.conf
	note := ""
	if s, ok := p.agenda.Star(e.Key()); ok {
		note = changeNote(c, s, e)
	}
	return eventCard(c, e, true, p.onStar, note)
}

func shortDayLabelOf(c *schedule.Conference, s agenda.Star) string {
	return c.Local(s.Start).Format("Mon 2 Jan")
}

func sortByStart(events []*schedule.Event) {
	sort.SliceStable(events, func(i, j int) bool { return events[i].Start.Before(events[j].Start) })
}

// keptCopies offers the stored agendas that could not be read: copies kept
// on the device, or the one left where it was for want of room, to
// download and then delete.
func (p *agendaPage) keptCopies() app.UI {
	a := p.agenda
	held, isHeld := a.Held()
	rec := a.Recovered()
	if !isHeld && len(rec) == 0 {
		return nil
	}
	name := "agenda-" + p.conf.Acronym + "-unreadable-" + fileStamp() + ".json"
	return app.Section().Class("kept-copies").Body(
		app.H2().Text("Saved data that could not be read"),
		app.If(isHeld, func() app.UI {
			return app.Div().Class("kept").Body(
				app.P().Text("Your earlier agenda ("+sizeLabel(len(held))+") could not be read and is left as it was, for want of room for a copy. Download it to keep it; once downloaded you may delete it from this device."),
				app.Button().Type("button").ID("download-held").Text("Download it").
					OnClick(func(ctx app.Context, e app.Event) { download(name, "application/json", held) }),
				app.Button().Type("button").ID("discard-held").Text("Delete it from this device").
					OnClick(func(ctx app.Context, e app.Event) {
						if err := a.DiscardHeld(); err != nil {
							p.notice = "It could not be deleted: " + agenda.Plain(err)
						}
					}),
			)
		}),
		app.Range(rec).Slice(func(i int) app.UI {
			r := rec[i]
			return app.Div().Class("kept").Body(
				app.P().Text("A copy of an agenda that could not be read, kept on "+r.At.Local().Format("2 Jan 2006 15:04")+" ("+sizeLabel(r.Bytes)+")."),
				app.Button().Type("button").Class("download-copy").Text("Download it").
					OnClick(func(ctx app.Context, e app.Event) {
						if v, ok := a.Backup(r); ok {
							download(name, "application/json", v)
						}
					}, app.EventScope(r.Backup)),
				app.Button().Type("button").Class("forget-copy").Text("Delete the copy").
					OnClick(func(ctx app.Context, e app.Event) {
						if err := a.ForgetBackup(r); err != nil {
							p.notice = "The copy could not be deleted: " + agenda.Plain(err)
						}
					}, app.EventScope(r.Backup)),
			)
		}),
	)
}

func sizeLabel(n int) string {
	switch {
	case n < 1024:
		return itoa(n) + " bytes"
	case n < 1024*1024:
		return itoa((n+512)/1024) + " KB"
	}
	return itoa((n+512*1024)/(1024*1024)) + " MB"
}
