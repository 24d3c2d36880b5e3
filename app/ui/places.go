package ui

import (
	"net/url"
	"strconv"
	"strings"

	"companion/app/agenda"
	"companion/app/find"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// placeKind is tracks or rooms: their pages are alike.
type placeKind int

const (
	trackPlaces placeKind = iota
	roomPlaces
)

func (k placeKind) list(c *schedule.Conference) []find.Place {
	if k == trackPlaces {
		return find.Tracks(c)
	}
	return find.Rooms(c)
}

func (k placeKind) listPath() string {
	if k == trackPlaces {
		return PathTracks
	}
	return PathRooms
}

func (k placeKind) pagePath() string {
	if k == trackPlaces {
		return PathTrack
	}
	return PathRoom
}

func (k placeKind) title() string { return k.say("Tracks", "Rooms") }

// say is the message for a track or for a room, translated: whole
// sentences, since French nouns carry a gender ("ce parcours", "cette
// salle").
func (k placeKind) say(track, room string, args ...any) string {
	if k == trackPlaces {
		return trf(track, args...)
	}
	return trf(room, args...)
}

func placeURL(c *schedule.Conference, k placeKind, p find.Place) string {
	return withConf(k.pagePath()+url.PathEscape(p.Slug), c.Acronym, nil)
}

// placesPage lists the tracks (or rooms) with their colour and how many
// talks each holds: how FOSDEM's attendees find a devroom.
type placesPage struct {
	app.Compo
	kind placeKind
	conf *schedule.Conference
	err  error
}

func (p *placesPage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *placesPage) OnNav(ctx app.Context) {
	p.load(ctx)
	followSchedule(ctx, p.load, nil)
}

func (p *placesPage) load(ctx app.Context) {
	p.conf, p.err = conferenceOf(ctx.Page().URL())
	if p.err == nil {
		setTitle(ctx, p.kind.title(), p.conf.Title)
	}
}

func (p *placesPage) Render() app.UI {
	if p.err != nil || p.conf == nil {
		return errorPage(p.err)
	}
	c := p.conf
	places := p.kind.list(c)
	return shell(c, "",
		h1Class("page-title").Text(p.kind.title()),
		pText("lede", p.kind.say("%d tracks at %s", "%d rooms at %s", len(places), c.Title)),
		browseLinks(c, p.kind.listPath()),
		ulClass("places").Body(
			app.Range(places).Slice(func(i int) app.UI {
				pl := places[i]
				color := pl.Color
				if p.kind == roomPlaces {
					color = roomColor(c, pl.Name)
				}
				li := liClass("place")
				if color != "" {
					li = li.Style("--room", color)
				}
				return li.Body(
					aHref(placeURL(c, p.kind, pl)).Body(
						app.If(color != "", func() app.UI { return spanClass("dot") }),
						spanText("place-name", pl.Name),
					),
					spanText("count", placeCount(pl)),
				)
			}),
		),
	)
}

func placeCount(pl find.Place) string {
	if pl.Talks == 0 {
		return trn(pl.All, "%d event", "%d events", pl.All)
	}
	return trn(pl.Talks, "%d talk", "%d talks", pl.Talks)
}

// placePage lists one track's (or room's) talks by day.
type placePage struct {
	app.Compo
	kind   placeKind
	conf   *schedule.Conference
	err    error
	place  find.Place
	found  bool
	agenda *agenda.Agenda
	notice string
}

func (p *placePage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *placePage) OnNav(ctx app.Context) {
	hostStars(ctx, &p.notice)
	p.load(ctx)
	followSchedule(ctx, keepNotice(&p.notice, p.load), func() { p.notice = updateNotice(p.conf, p.agenda) })
}

func (p *placePage) load(ctx app.Context) {
	u := ctx.Page().URL()
	p.conf, p.err = conferenceOf(u)
	if p.err != nil {
		return
	}
	p.agenda, p.notice = agendaFor(p.conf)
	slug, _ := url.PathUnescape(strings.TrimPrefix(u.Path, p.kind.pagePath()))
	p.place, p.found = find.PlaceBySlug(p.kind.list(p.conf), slug)
	if p.found {
		setTitle(ctx, p.place.Name, p.conf.Title)
	} else {
		setTitle(ctx, tr("Not found"), p.conf.Title)
	}
}

func (p *placePage) Render() app.UI {
	if p.err != nil || p.conf == nil {
		return errorPage(p.err)
	}
	c := p.conf
	if !p.found {
		return shell(c, "",
			h1Class("page-title").Text(p.kind.say("This track is not in the schedule", "This room is not in the schedule")),
			app.P().Body(aText(withConf(p.kind.listPath(), c.Acronym, nil), p.kind.say("See every track", "See every room"))),
		)
	}
	pl := p.place
	keep := find.InTrack(pl.Name)
	filter, hideParam := view{filter: find.Filter{Tracks: []string{pl.Name}}}, find.ParamHideTrack
	if p.kind == roomPlaces {
		keep = find.InRoom(pl.Name)
		filter, hideParam = view{filter: find.Filter{Rooms: []string{pl.Name}}}, find.ParamHideRoom
	}
	days := find.ByDay(c, keep)
	if len(days) > 0 {
		filter.day = c.Days[days[0].Day].Index // the first day it has talks
	}
	hide := view{filter: find.Filter{}.Toggle(hideParam, pl.Name)}
	color := pl.Color
	if p.kind == roomPlaces {
		color = roomColor(c, pl.Name)
	}
	title := h1Class("page-title place-title")
	if color != "" {
		title = title.Style("--room", color)
	}
	return shell(c, "",
		navClass("crumbs").Aria("label", tr("Breadcrumb")).Body(
			aText(withConf(p.kind.listPath(), c.Acronym, nil), "← "+p.kind.title()),
		),
		title.Body(
			app.If(color != "", func() app.UI { return spanClass("dot").Aria("hidden", "true") }),
			app.Text(pl.Name),
		),
		pText("lede", p.kind.say("Track", "Room")+" · "+placeCount(pl)+" · "+trf("times in %s", zoneLabel(c))),
		noticeUI(p.notice),
		ulClass("place-actions").Body(
			app.Li().Body(aText(scheduleViewURL(c, filter), p.kind.say("Only this track in the schedule", "Only this room in the schedule"))),
			app.Li().Body(aText(scheduleViewURL(c, hide), p.kind.say("Hide this track from the schedule", "Hide this room from the schedule"))),
		),
		app.Range(days).Slice(func(i int) app.UI {
			d := days[i]
			id := "day-" + strconv.Itoa(c.Days[d.Day].Index)
			return sectionClass("place-day").Aria("labelledby", id).Body(
				app.H2().ID(id).Text(dayLabel(c.Days[d.Day])),
				ulClass("agenda-list").Body(
					app.Range(d.Events).Slice(func(j int) app.UI {
						e := d.Events[j]
						return eventCard(c, e, p.agenda.Starred(e.Key()), "")
					}),
				),
			)
		}),
	)
}

// placeExists reports whether a track or room page's URL names one of its
// conference's tracks or rooms.
func placeExists(u *url.URL) bool {
	kind := trackPlaces
	if strings.HasPrefix(u.Path, PathRoom) {
		kind = roomPlaces
	}
	slug, err := url.PathUnescape(strings.TrimPrefix(u.Path, kind.pagePath()))
	if err != nil || slug == "" || strings.Contains(slug, "/") {
		return false
	}
	c, err := conferenceOf(u)
	if err != nil {
		return false
	}
	_, ok := find.PlaceBySlug(kind.list(c), slug)
	return ok
}
