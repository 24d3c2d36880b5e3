package ui

import (
	"time"

	"companion/app/agenda"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// changesPage lists what changed in the whole schedule since the attendee
// last looked: new talks, moved, re-timed, re-roomed, renamed, cancelled.
type changesPage struct {
	app.Compo
	conf   *schedule.Conference
	err    error
	agenda *agenda.Agenda
	notice string
}

func (p *changesPage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *changesPage) OnNav(ctx app.Context) {
	p.load(ctx)
	followSchedule(ctx, keepNotice(&p.notice, p.load), nil)
}

func (p *changesPage) load(ctx app.Context) {
	p.conf, p.err = conferenceOf(ctx.Page().URL())
	if p.err != nil {
		return
	}
	p.agenda, p.notice = agendaFor(p.conf)
	setTitle(ctx, tr("What changed"), p.conf.Title)
}

func (p *changesPage) Render() app.UI {
	if p.err != nil || p.conf == nil {
		return errorPage(p.err)
	}
	c := p.conf
	changes, since := scheduleChanges(c)
	return shell(c, "",
		h1Class("page-title").Text(tr("What changed in the schedule")),
		noticeUI(p.notice),
		app.If(app.IsServer || !settled[c.Acronym], func() app.UI {
			return pText("lede", tr("The changes since your last look appear once the app has loaded."))
		}).ElseIf(len(changes) == 0, func() app.UI {
			return pText("lede", tr("Nothing changed since you last looked."))
		}).Else(func() app.UI {
			return pText("lede", trn(len(changes), "%d change since %s (%s). Talks in your agenda are marked ★.", "%d changes since %s (%s). Talks in your agenda are marked ★.",
				len(changes), uiLang.ShortDate(local(c, since))+" "+clock(c, since), zoneLabel(c)))
		}),
		app.If(len(changes) > 0, func() app.UI {
			return ulClass("change-list").Body(app.Range(changes).Slice(func(i int) app.UI {
				return p.change(changes[i])
			}))
		}),
		app.If(len(changes) > 0, func() app.UI {
			return typeButton().ID("mark-seen").Class("wide-button").Text(tr("Mark all as seen")).
				OnClick(func(ctx app.Context, e app.Event) {
					if err := markScheduleSeen(c); err != nil {
						p.notice = tr("This could not be saved: ") + plain(err)
					}
				})
		}),
		navClass("crumbs").Aria("label", tr("Breadcrumb")).Body(aText(agendaURL(c), "← "+tr("My agenda"))),
	)
}

func (p *changesPage) change(ch agenda.Change) app.UI {
	c := p.conf
	mine := p.agenda.Starred(ch.Key)
	class := "change"
	if mine {
		class += " change-mine"
	}
	title, when := ch.Was.Title, ""
	if ch.Now != nil {
		title = ch.Now.Title
		when = whenOf(c, ch.Now)
	} else if !ch.Was.Start.IsZero() {
		when = trf("was %s", shortDate(c, ch.Was.Start)+" "+clock(c, ch.Was.Start))
	}
	return liClass(class).Body(
		app.If(mine, func() app.UI { return spanClass("mine").Aria("label", tr("In your agenda")).Text("★ ") }),
		app.If(ch.Now != nil, func() app.UI {
			return aText(talkURL(c, ch.Now), title)
		}).Else(func() app.UI { return app.Strong().Text(title) }),
		spanText("change-what", ": "+changeWords(c, ch)),
		app.If(when != "", func() app.UI { return spanText("change-when", " ("+when+")") }),
	)
}

// whenOf is where and when an event is now, with its own date (see
// dateLabel).
func whenOf(c *schedule.Conference, e *schedule.Event) string {
	return shortDate(c, e.Start) + " " + timeRange(c, e) + ", " + joinRooms(e.Rooms)
}

// changeWords says a change in the interface's language, on the clock
// times are shown on.
func changeWords(c *schedule.Conference, ch agenda.Change) string {
	return ch.Say(uiLang, func(t time.Time) time.Time { return local(c, t) })
}
