package ui

import (
	"strconv"
	"time"

	"companion/app/agenda"
	"companion/app/find"
	"companion/app/search"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// schedulePage shows one day of the schedule by time slot: the events that
// start together are grouped, parallel rooms side by side on wide screens
// and stacked with their room's colour on a phone. Above it, the search
// box and the filters; with a query it shows the talks found instead,
// grouped by day. Everything it shows is in its URL.
type schedulePage struct {
	app.Compo
	conf   *schedule.Conference
	err    error
	day    int // index into conf.Days
	agenda *agenda.Agenda
	notice string

	query   string // as typed, in the URL's q
	q       search.Query
	filter  find.Filter
	results []search.Hit // the query's hits that pass the filter, best first
	all     []search.Hit // the query's hits
	limit   int          // results shown; 0 for all
	open    bool         // the filter panel is open
	now     time.Time
	grid    bool // the timetable rather than the list

	// A long day is drawn a part at a time: shown is how many of its
	// events are drawn (0: all of them), listed how many it has, and
	// drawing counts the days drawn so that a step of an older one stops.
	shown, listed, drawing int
	listedFor              int // the drawing listed was counted for
	waited                 int // frames drawMore waited for it
}

// A long list is drawn in steps so that its first screen shows at once:
// firstCards events, then moreCards more once each step is on screen.
const (
	firstCards = 24
	moreCards  = 80
	// viewWait is how many frames a step waits for go-app to draw the
	// view it belongs to (one tick, normally) before going on anyway.
	viewWait = 60
)

// drawMore draws the day's next events once the browser has painted what
// is drawn (and taken the taps waiting).
func (p *schedulePage) drawMore(ctx app.Context, gen int) {
	afterPaint(ctx, func(ctx app.Context) {
		if gen != p.drawing {
			// An older view's step, come after the new view was chosen
			// but before it is drawn: the new one's first screen is its
			// own (setting shown here had it drawn whole, 470 cards).
			ctx.PreventUpdate()
			return
		}
		if p.listedFor != gen && !p.grid && p.q.Empty() && p.err == nil && p.waited < viewWait {
			// The new view is chosen but not drawn yet (go-app draws on
			// its next tick): listed is still the old view's count.
			p.waited++
			ctx.PreventUpdate()
			p.drawMore(ctx, gen)
			return
		}
		if p.shown == 0 || p.grid || !p.q.Empty() || p.listed <= p.shown {
			p.shown = 0
			ctx.PreventUpdate()
			return
		}
		p.shown += moreCards
		if p.shown >= p.listed {
			p.shown = 0
			return
		}
		p.drawMore(ctx, gen)
	})
}

func (p *schedulePage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *schedulePage) OnNav(ctx app.Context) {
	hostStars(ctx, &p.notice)
	p.load(ctx)
	followSchedule(ctx, keepNotice(&p.notice, p.load), func() { p.notice = updateNotice(p.conf, p.agenda) })
}

// load reads the page's state from its URL. The server renders the day
// alone (a query or filters in the URL are applied once the app runs): a
// page rendered per query would let anyone fill its cache.
func (p *schedulePage) load(ctx app.Context) {
	u := ctx.Page().URL()
	p.conf, p.err = conferenceOf(u)
	if p.err != nil {
		return
	}
	p.agenda, p.notice = agendaFor(p.conf)
	v := u.Query()
	p.day = pickDay(p.conf, v.Get(paramDay))
	p.query, p.filter = "", find.Filter{}
	if app.IsClient {
		p.now = now()
		p.query = v.Get(paramQuery)
		p.filter = find.FromURL(p.conf, v)
	}
	p.grid = p.pickView(v.Get(paramView))
	if app.IsClient {
		p.drawing++
		p.shown, p.waited = firstCards, 0
		p.drawMore(ctx, p.drawing)
	}
	p.q = search.Parse(p.query)
	p.limit = firstResults
	p.search(ctx)
	if p.q.Empty() {
		setTitle(ctx, p.conf.Title, tr("Schedule"))
	} else {
		setTitle(ctx, p.query, tr("Search"), p.conf.Title)
	}
}

// afterPaint runs f on the UI goroutine after the browser's next frame.
func afterPaint(ctx app.Context, f func(app.Context)) {
	var frame, next app.Func
	next = app.FuncOf(func(app.Value, []app.Value) any {
		next.Release()
		ctx.Dispatch(f)
		return nil
	})
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		app.Window().Call("setTimeout", next, 0)
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
}

// pickView reads the view from the URL; without one, the browser shows
// the one chosen last, and the URL says which. A view the URL names is
// remembered.
func (p *schedulePage) pickView(param string) bool {
	if !app.IsClient {
		return param == viewGrid
	}
	switch param {
	case viewGrid, viewList:
		browserStorage{}.Keep(viewKey, param)
		return param == viewGrid
	}
	stored, _ := browserStorage{}.Get(viewKey)
	if stored == viewGrid {
		p.grid = true
		replaceURL(scheduleViewURL(p.conf, p.current()))
	}
	return stored == viewGrid
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
		if today := find.Today(c, now()); today >= 0 {
			return today
		}
	}
	return 0
}

// current is the view the page shows.
func (p *schedulePage) current() view {
	return view{day: p.conf.Days[p.day].Index, query: p.query, filter: p.filter, grid: p.grid}
}

func (p *schedulePage) Render() app.UI {
	if p.err != nil || p.conf == nil || len(p.conf.Days) == 0 {
		return errorPage(p.err)
	}
	c := p.conf
	day := c.Days[p.day]
	searching := !p.q.Empty()
	lede := dayLabel(day) + " · " + trf("times in %s", zoneLabel(c))
	if searching {
		lede = tr("Search results") + " · " + trf("times in %s", zoneLabel(c))
	}
	return shell(c, PathSchedule,
		app.H1().Class("page-title").Text(c.Title),
		app.P().Class("lede").Text(lede),
		noticeUI(p.notice),
		p.searchBox(),
		browseLinks(c, ""),
		p.filterPanel(),
		app.If(!searching, func() app.UI { return viewToggle(c, p.current()) }),
		app.If(searching, func() app.UI {
			return p.resultsView()
		}).Else(func() app.UI {
			return p.dayView()
		}),
	)
}

// dayView is the day's schedule by time slot, filtered.
func (p *schedulePage) dayView() app.UI {
	c := p.conf
	day := c.Days[p.day]
	events := day.Events
	if !p.filter.Empty() {
		match := p.filter.Matcher(c, p.now)
		events = nil
		for _, e := range day.Events {
			if match(e) {
				events = append(events, e)
			}
		}
	}
	if p.grid {
		l := layoutFor(c, p.day, p.filter, p.now, events)
		return app.Div().Class("day-view day-grid").Body(
			p.nowStrip(),
			dayTabs(c, p.day, p.current()),
			&timetable{Conf: c, Layout: l, Now: p.now, Stars: starsOf(l, p.agenda.Starred)},
		)
	}
	slots := bySlot(events)
	p.listed, p.listedFor = len(events), p.drawing
	if p.shown > 0 {
		// The first slots, whole.
		n := 0
		for i, s := range slots {
			if n += len(s); n >= p.shown {
				slots = slots[:i+1]
				break
			}
		}
	}
	return app.Div().Class("day-view").Body(
		p.nowStrip(),
		dayTabs(c, p.day, p.current()),
		app.If(len(events) == 0, func() app.UI {
			return app.P().Class("empty").Text(tr("Nothing on this day matches the filters."))
		}),
		p.slotList(slots),
	)
}

// viewToggle switches between the list and the timetable, keeping the
// day and the filters.
func viewToggle(c *schedule.Conference, v view) app.UI {
	link := func(grid bool, label string) app.UI {
		w := v
		w.grid = grid
		u := scheduleViewURL(c, w)
		if !grid {
			u = withView(u, viewList)
		}
		a := app.A().Href(u).Text(label)
		if grid == v.grid {
			a = a.Aria("current", "page")
		}
		return app.Li().Body(a)
	}
	return app.Nav().Class("view-toggle").Aria("label", tr("View")).Body(
		app.Ul().Body(link(false, tr("List")), link(true, tr("Grid"))),
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

// dayTabs links to each day, keeping the filters. They stay at the top of
// the screen on a long day, the chosen one scrolled into view.
func dayTabs(c *schedule.Conference, current int, v view) app.UI {
	if len(c.Days) < 2 {
		return nil
	}
	return app.Nav().Class("days").Aria("label", tr("Days")).Body(
		app.Range(c.Days).Slice(func(i int) app.UI {
			v.day = c.Days[i].Index
			a := app.A().Href(scheduleViewURL(c, v)).Text(shortDayLabel(c.Days[i]))
			if i == current {
				a = a.Aria("current", "date").ID("day-current")
			}
			return a
		}),
	)
}

// slotList is the slots drawn, as a list for the view the page shows.
func (p *schedulePage) slotList(slots [][]*schedule.Event) app.UI {
	stars := make([][]bool, len(slots))
	for i, events := range slots {
		for _, e := range events {
			stars[i] = append(stars[i], p.agenda.Starred(e.Key()))
		}
	}
	v := p.current()
	v.query, v.grid = "", false
	return &slotList{View: scheduleViewURL(p.conf, v), Conf: p.conf, Slots: slots, Stars: stars}
}

// slotView is the events that start together, a component so that
// drawing the page again (a day drawn in steps, a filter) leaves the slots
// that did not change alone.
type slotView struct {
	app.Compo
	Conf   *schedule.Conference
	Events []*schedule.Event
	Stars  []bool // each event's star, so that a change draws the slot again
}

func (s *slotView) Render() app.UI {
	c, events := s.Conf, s.Events
	if len(events) == 0 {
		return app.Section().Class("slot")
	}
	// The stars as the agenda has them now: a star tapped in this slot
	// (which draws the slot again) is already saved.
	a, _ := agendaFor(c)
	start := events[0].Start
	id := slotID(c, start)
	return app.Section().Class("slot").Aria("labelledby", id).Body(
		app.H2().Class("slot-time").ID(id).Body(
			app.Time().DateTime(isoTime(c, start)).Text(clock(c, start)),
		),
		app.Ul().Class("slot-events").Body(
			app.Range(events).Slice(func(i int) app.UI {
				return eventCard(c, events[i], a.Starred(events[i].Key()), "")
			}),
		),
	)
}

// slotID names a slot's heading, for the slot's aria-labelledby.
func slotID(c *schedule.Conference, start time.Time) string {
	return "t" + local(c, start).Format("0601021504")
}

// eventCard is one event in a list: room, track, time, title linking to
// its page, speakers and the star.
func eventCard(c *schedule.Conference, e *schedule.Event, starred bool, note string) app.UI {
	return card(c, e, starred, note, search.Query{}, "")
}

func noticeUI(notice string) app.UI {
	if notice == "" {
		return nil
	}
	return app.P().Class("notice").Role("alert").Text(notice)
}
