package ui

import (
	"time"

	"companion/app/find"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// nowPage is what is on in every room and what comes next there, for
// someone in a corridor choosing where to go. It follows the clock.
type nowPage struct {
	app.Compo
	conf  *schedule.Conference
	err   error
	now   time.Time
	board find.Board
	stop  chan struct{}
}

func (p *nowPage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *nowPage) OnNav(ctx app.Context) {
	p.load(ctx)
	followSchedule(ctx, p.load, nil)
	p.tick(ctx)
}

func (p *nowPage) OnDismount() {
	if p.stop != nil {
		close(p.stop)
		p.stop = nil
	}
}

// tick refreshes the board every half minute while the page is shown.
func (p *nowPage) tick(ctx app.Context) {
	if p.stop != nil || app.IsServer {
		return
	}
	stop := make(chan struct{})
	p.stop = stop
	ctx.Async(func() {
		t := time.NewTicker(30 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				ctx.Dispatch(func(ctx app.Context) { p.load(ctx) })
			}
		}
	})
}

func (p *nowPage) load(ctx app.Context) {
	p.conf, p.err = conferenceOf(ctx.Page().URL())
	if p.err != nil {
		return
	}
	setTitle(ctx, tr("Now and next"), p.conf.Title)
	if app.IsClient {
		p.now = now()
		p.board = find.NowNext(p.conf, p.now)
	}
}

func (p *nowPage) Render() app.UI {
	if p.err != nil || p.conf == nil {
		return errorPage(p.err)
	}
	c := p.conf
	b := p.board
	var lede string
	switch {
	case app.IsServer:
		lede = tr("What is on in each room shows once the app has loaded.")
	case b.Day < 0:
		lede = tr("The conference is over. Its talks are still in the schedule.")
	case find.Today(c, p.now) == b.Day && find.Running(c, p.now):
		lede = trf("At %s, %s (%s).", clock(c, p.now), dateLabel(c, p.now), zoneLabel(c))
	default:
		lede = trf("Nothing is on now. First in each room on %s (%s):", dayLabel(c.Days[b.Day]), zoneLabel(c))
	}
	return shell(c, "",
		h1Class("page-title").Text(tr("Now and next")),
		pText("lede", lede),
		browseLinks(c, PathNow),
		ulClass("now-list").Body(
			app.Range(b.Rooms).Slice(func(i int) app.UI {
				return nowRoom(c, b.Rooms[i])
			}),
		),
	)
}

// nowRoom is one room: what is on, what comes next.
func nowRoom(c *schedule.Conference, r find.RoomNow) app.UI {
	li := liClass("now-room")
	color := roomColor(c, r.Room)
	if color != "" {
		li = li.Style("--room", color)
	}
	return li.Body(
		h2Class("now-room-name").Body(
			app.If(color != "", func() app.UI { return spanClass("dot").Aria("hidden", "true") }),
			app.Text(r.Room),
		),
		app.Dl().Class("now-next").Body(
			app.Dt().Text(tr("Now")),
			app.Dd().Class("now-event").Body(
				app.If(r.Now != nil, func() app.UI {
					return nowEvent(c, r.Now, trf("until %s", clock(c, r.Now.End)))
				}).Else(func() app.UI {
					return spanText("empty", tr("Nothing"))
				}),
			),
			app.Dt().Text(tr("Next")),
			app.Dd().Class("next-event").Body(
				app.If(r.Next != nil, func() app.UI {
					return nowEvent(c, r.Next, clock(c, r.Next.Start)+"–"+clock(c, r.Next.End))
				}).Else(func() app.UI {
					return spanText("empty", tr("Nothing more today"))
				}),
			),
		),
	)
}

func nowEvent(c *schedule.Conference, e *schedule.Event, when string) app.UI {
	return app.Span().Body(
		spanText("when", when+" "),
		aHref(talkURL(c, e)).Lang(primaryLanguage(e.Language)).Text(e.Title),
	)
}

// nowStrip sits at the top of today's schedule while the conference runs:
// what is on in each room, at a glance.
func (p *schedulePage) nowStrip() app.UI {
	c := p.conf
	if app.IsServer || !find.Running(c, p.now) || find.Today(c, p.now) != p.day {
		return nil
	}
	b := find.NowNext(c, p.now)
	var on []find.RoomNow
	for _, r := range b.Rooms {
		if r.Now != nil {
			on = append(on, r)
		}
	}
	return sectionClass("now-strip").Aria("labelledby", "now-strip-title").Body(
		divClass("now-strip-head").Body(
			app.H2().ID("now-strip-title").Text(tr("On now")+" · "+clock(c, p.now)),
			aText(withConf(PathNow, c.Acronym, nil), tr("Now & next in every room")),
		),
		app.If(len(on) == 0, func() app.UI {
			return pText("empty", tr("Nothing is on at this moment."))
		}),
		ulClass("now-strip-list").Body(
			app.Range(on).Slice(func(i int) app.UI {
				r := on[i]
				li := app.Li()
				color := roomColor(c, r.Room)
				if color != "" {
					li = li.Style("--room", color)
				}
				return li.Body(
					spanClass("room").Body(
						app.If(color != "", func() app.UI { return spanClass("dot") }),
						app.Text(r.Room),
					),
					aText(talkURL(c, r.Now), r.Now.Title),
					spanText("when", trf("until %s", clock(c, r.Now.End))),
				)
			}),
		),
	)
}
