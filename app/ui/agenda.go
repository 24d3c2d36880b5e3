package ui

import (
	"sort"
	"time"

	"companion/app/agenda"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// agendaPage lists the starred events in time order, with what the
// attendee needs to plan: clashes and their alternatives, free time
// between talks, and every change since a talk was starred. A starred
// event that has left the schedule stays listed, from what was saved when
// it was starred, so that nothing the attendee chose disappears silently.
type agendaPage struct {
	app.Compo
	conf   *schedule.Conference
	err    error
	agenda *agenda.Agenda
	notice string
	share  string // the share link, once asked for
}

// minGap is the shortest free time shown between two starred talks.
const minGap = 15 * time.Minute

func (p *agendaPage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *agendaPage) OnNav(ctx app.Context) {
	p.load(ctx)
	followSchedule(ctx, keepNotice(&p.notice, p.load), func() { p.notice = updateNotice(p.conf, p.agenda) })
}

func (p *agendaPage) load(ctx app.Context) {
	p.conf, p.err = conferenceOf(ctx.Page().URL())
	if p.err != nil {
		return
	}
	p.agenda, p.notice = agendaFor(p.conf)
	setTitle(ctx, tr("My agenda"), p.conf.Title)
}

func (p *agendaPage) onStar(ctx app.Context, e app.Event) {
	p.notice = toggleStar(ctx, p.conf, p.agenda)
}

// onDismiss dismisses the change flag of the button's event.
func (p *agendaPage) onDismiss(ctx app.Context, e app.Event) {
	p.notice = dismissChange(ctx, p.conf, p.agenda)
}

// starredEvents are the starred events still in the schedule, by start,
// and the keys of those that left it.
func starredEvents(c *schedule.Conference, a *agenda.Agenda) (current []*schedule.Event, gone []string) {
	for _, k := range a.Keys() {
		if e := c.Event(k); e != nil {
			current = append(current, e)
		} else {
			gone = append(gone, k)
		}
	}
	sortByStart(current)
	return current, gone
}

func (p *agendaPage) Render() app.UI {
	if p.err != nil || p.conf == nil {
		return errorPage(p.err)
	}
	c := p.conf
	current, gone := starredEvents(c, p.agenda)
	changes := map[string]agenda.Change{}
	for _, ch := range flaggedChanges(c, p.agenda) {
		changes[ch.Key] = ch
	}
	gaps := map[string]agenda.Gap{} // by the key of the talk after the gap
	for _, g := range agenda.Gaps(c, current, minGap) {
		gaps[g.Before.Key()] = g
	}
	conflicts := 0
	for _, e := range current {
		if len(agenda.Clashes(current, e)) > 0 {
			conflicts++
		}
	}
	return shell(c, PathAgenda,
		h1Class("page-title").Text(tr("My agenda")),
		pText("zone-note", trf("Times in %s.", zoneLabel(c))),
		noticeUI(p.notice),
		scheduleChangesLink(c),
		app.If(app.IsServer, func() app.UI {
			return pText("lede", tr("Your starred talks appear here once the app has loaded."))
		}).ElseIf(len(current)+len(gone) == 0, func() app.UI {
			return pClass("lede").Body(
				app.Text(tr("No starred talks yet. Tap ☆ next to a talk in the ")),
				aText(scheduleURL(c, 0), tr("schedule")),
				app.Text(tr(" to add it here.")),
			)
		}).Else(func() app.UI {
			n := len(current) + len(gone)
			summary := trn(n, "%d talk", "%d talks", n)
			if conflicts > 0 {
				summary += ", " + trn(conflicts, "%d of them overlapping another", "%d of them overlapping another", conflicts)
			}
			if len(changes) > 0 {
				summary += ", " + trn(len(changes), "%d changed", "%d changed", len(changes))
			}
			return pClass("lede").ID("agenda-summary").Text(summary + ".")
		}),
		app.If(len(current) > 0, func() app.UI { return &reminderOffer{} }),
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
			var items []app.UI
			for _, e := range events {
				if g, ok := gaps[e.Key()]; ok {
					items = append(items, gapItem(c, g))
				}
				items = append(items, p.item(e, current, changes))
			}
			return sectionClass("agenda-day").Body(
				app.H2().Text(dayLabel(c.Days[i])),
				ulClass("agenda-list").Body(items...),
			)
		}),
		app.If(len(gone) > 0, func() app.UI {
			return sectionClass("agenda-gone").Body(
				app.H2().Text(tr("No longer in the schedule")),
				ulClass("agenda-list").Body(app.Range(gone).Slice(func(i int) app.UI {
					s, _ := p.agenda.Star(gone[i])
					flag := app.UI(pText("flag-quiet", tr("Cancelled")))
					if ch, ok := changes[gone[i]]; ok {
						flag = changeFlag(c, ch, p.onDismiss)
					}
					return liClass("card card-gone").Body(
						flag,
						divClass("card-meta").Text(trf("was %s", shortDate(c, s.Start)+" "+clock(c, s.Start)+roomSuffix(s.Rooms))),
						app.H3().Class("card-title").Text(s.Title),
						starButton(gone[i], s.Title, true, p.onStar),
					)
				})),
			)
		}),
		p.keptCopies(),
		p.tools(current),
	)
}

func roomSuffix(rooms []string) string {
	if len(rooms) == 0 {
		return ""
	}
	return ", " + joinRooms(rooms)
}

// item is a starred event with its flags: changed since starred, and
// overlapping another starred talk (with the alternatives).
func (p *agendaPage) item(e *schedule.Event, starred []*schedule.Event, changes map[string]agenda.Change) app.UI {
	c := p.conf
	var flags []app.UI
	if ch, ok := changes[e.Key()]; ok {
		flags = append(flags, changeFlag(c, ch, p.onDismiss))
	}
	if clashes := agenda.Clashes(starred, e); len(clashes) > 0 {
		flags = append(flags, conflictFlag(c, e, clashes, starred))
	}
	return agendaCard(c, e, true, p.onStar, flags...)
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
	return sectionClass("kept-copies").Body(
		app.H2().Text(tr("Saved data that could not be read")),
		app.If(isHeld, func() app.UI {
			return divClass("kept").Body(
				app.P().Text(trf("Your earlier agenda (%s) could not be read and is left as it was, for want of room for a copy. Download it to keep it; once downloaded you may delete it from this device.", sizeLabel(len(held)))),
				typeButton().ID("download-held").Text(tr("Download it")).
					OnClick(func(ctx app.Context, e app.Event) { download(name, "application/json", held) }),
				typeButton().ID("discard-held").Text(tr("Delete it from this device")).
					OnClick(func(ctx app.Context, e app.Event) {
						if err := a.DiscardHeld(); err != nil {
							p.notice = tr("It could not be deleted: ") + plain(err)
						}
					}),
			)
		}),
		app.Range(rec).Slice(func(i int) app.UI {
			r := rec[i]
			return divClass("kept").Body(
				app.P().Text(trf("A copy of an agenda that could not be read, kept on %s (%s).", uiLang.DayMonth(local(p.conf, r.At), true)+" "+clock(p.conf, r.At), sizeLabel(r.Bytes))),
				typeButton().Class("download-copy").Text(tr("Download it")).
					OnClick(func(ctx app.Context, e app.Event) {
						if v, ok := a.Backup(r); ok {
							download(name, "application/json", v)
						}
					}, app.EventScope(r.Backup)),
				typeButton().Class("forget-copy").Text(tr("Delete the copy")).
					OnClick(func(ctx app.Context, e app.Event) {
						if err := a.ForgetBackup(r); err != nil {
							p.notice = tr("The copy could not be deleted: ") + plain(err)
						}
					}, app.EventScope(r.Backup)),
			)
		}),
	)
}

func sizeLabel(n int) string {
	switch {
	case n < 1024:
		return trf("%d bytes", n)
	case n < 1024*1024:
		return trf("%d KB", (n+512)/1024)
	}
	return trf("%d MB", (n+512*1024)/(1024*1024))
}
