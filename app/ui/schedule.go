package ui

import (
	"strconv"
	"time"

	"companion/app/agenda"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// schedulePage shows one day of the schedule by time slot: the events that
// start together are grouped, parallel rooms side by side on wide screens
// and stacked with their room's colour on a phone.
type schedulePage struct {
	app.Compo
	conf   *schedule.Conference
	err    error
	day    int // index into conf.Days
	agenda *agenda.Agenda
	notice string
}

func (p *schedulePage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *schedulePage) OnNav(ctx app.Context) {
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

func (p *schedulePage) load(ctx app.Context) {
	u := ctx.Page().URL()
	p.conf, p.err = conferenceOf(u)
	if p.err != nil {
		return
	}
	p.agenda, p.notice = agendaFor(p.conf)
	p.day = pickDay(p.conf, u.Query().Get(paramDay))
	setTitle(ctx, p.conf.Title, "Schedule")
}

// pickDay is the day the URL names, else today when the conference is on,
// else the first day.
func pickDay(c *schedule.Conference, param string) int {
	if n, err := strconv.Atoi(param); err == nil {
		for i, d := range c.Days {
			if d.Index == n {
				return i
			}
		}
	}
	if app.IsClient {
		now := time.Now()
		for i, d := range c.Days {
			if !now.Before(d.Start) && now.Before(d.End) {
				return i
			}
		}
	}
	return 0
}

func (p *schedulePage) onStar(ctx app.Context, e app.Event) {
	p.notice = toggleStar(ctx, p.conf, p.agenda)
}

func (p *schedulePage) Render() app.UI {
	if p.err != nil || p.conf == nil || len(p.conf.Days) == 0 {
		return errorPage(p.err)
	}
	c := p.conf
	day := c.Days[p.day]
	slots := bySlot(day.Events)
	return shell(c, PathSchedule,
		app.H1().Class("page-title").Text(c.Title),
		app.P().Class("lede").Text(dayLabel(day)+" · times in "+zoneLabel(c)),
		noticeUI(p.notice),
		dayTabs(c, p.day),
		app.Range(slots).Slice(func(i int) app.UI {
			return p.slot(slots[i])
		}),
	)
}

// bySlot groups events that start at the same time; the input is sorted.
func bySlot(events []*schedule.Event) [][]*schedule.Event {
	var slots [][]*schedule.Event
	for _, e := range events {
		n := len(slots)
		if n > 0 && slots[n-1][0].Start.Equal(e.Start) {
			slots[n-1] = append(slots[n-1], e)
			continue
		}
		slots = append(slots, []*schedule.Event{e})
	}
	return slots
}

func dayTabs(c *schedule.Conference, current int) app.UI {
	if len(c.Days) < 2 {
		return nil
	}
	return app.Nav().Class("days").Aria("label", "Days").Body(
		app.Range(c.Days).Slice(func(i int) app.UI {
			a := app.A().Href(scheduleURL(c, c.Days[i].Index)).Text(shortDayLabel(c.Days[i]))
			if i == current {
				a = a.Aria("current", "date")
			}
			return a
		}),
	)
}

func (p *schedulePage) slot(events []*schedule.Event) app.UI {
	c := p.conf
	start := events[0].Start
	id := "t" + c.Local(start).Format("0601021504")
	return app.Section().Class("slot").Aria("labelledby", id).Body(
		app.H2().Class("slot-time").ID(id).Body(
			app.Time().DateTime(isoTime(c, start)).Text(clock(c, start)),
		),
		app.Ul().Class("slot-events").Body(
			app.Range(events).Slice(func(i int) app.UI {
				return eventCard(c, events[i], p.agenda.Starred(events[i].Key()), p.onStar, "")
			}),
		),
	)
}

// eventCard is one event in a list: room, time, title linking to its page,
// speakers and the star.
func eventCard(c *schedule.Conference, e *schedule.Event, starred bool, onStar app.EventHandler, note string) app.UI {
	class := "card"
	if !e.IsSession() {
		class += " card-break"
	}
	if e.Plenary() {
		class += " card-plenary"
	}
	lang := primaryLanguage(e.Language)
	return app.Li().Class(class).Style("--room", roomColor(c, e.Room())).Body(
		app.If(note != "", func() app.UI {
			return app.P().Class("changed").Text(note)
		}),
		app.Div().Class("card-meta").Body(
			roomChips(c, e),
			app.Span().Class("when").Text(timeRange(c, e)),
			app.If(e.Language != "", func() app.UI {
				return app.Span().Class("lang").Title(languageName(e.Language)).Text(lang)
			}),
		),
		app.H3().Class("card-title").Lang(lang).Body(
			app.A().Href(talkURL(c, e)).Text(e.Title),
		),
		app.If(len(e.Persons) > 0, func() app.UI {
			return app.P().Class("speakers").Text(speakerLine(e))
		}),
		app.If(e.IsSession(), func() app.UI {
			return starButton(e.Key(), e.Title, starred, onStar)
		}),
	)
}

// roomChips names the event's rooms, each with its colour; a plenary shows
// every room it is simulcast to.
func roomChips(c *schedule.Conference, e *schedule.Event) app.UI {
	return app.Span().Class("rooms").Body(
		app.Range(e.Rooms).Slice(func(i int) app.UI {
			return app.Span().Class("room").Style("--room", roomColor(c, e.Rooms[i])).Body(
				app.Span().Class("dot"),
				app.Text(e.Rooms[i]),
			)
		}),
	)
}

// palette colours rooms the data gives no colour.
var palette = []string{"#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#65a30d", "#dc2626"}

func roomColor(c *schedule.Conference, name string) string {
	if r, ok := c.Room(name); ok && r.Color != "" {
		return r.Color
	}
	i := c.RoomIndex(name)
	if i < 0 {
		return "#94a3b8"
	}
	return palette[i%len(palette)]
}

func noticeUI(notice string) app.UI {
	if notice == "" {
		return nil
	}
	return app.P().Class("notice").Role("alert").Text(notice)
}
