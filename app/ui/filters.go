package ui

import (
	"strconv"
	"strings"
	"time"

	"companion/app/find"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// filterPanel shows the filters in force, each removable, and a panel to
// choose more: type, language, track, room, and while the conference runs
// hiding what is over. Every choice is a link to the page with that
// filter, so that a reload, a shared link and the back button all keep it.
func (p *schedulePage) filterPanel() app.UI {
	c := p.conf
	v := p.current()
	label := tr("Filters")
	if n := p.filter.Count(); n > 0 {
		label += " (" + strconv.Itoa(n) + ")"
	}
	return app.Div().Class("filters").Body(
		// In a container of its own, present or not, so that choosing a
		// first filter does not shift the panel and draw it again whole.
		app.Div().Body(activeFilters(c, v)),
		app.Details().Class("filter-panel").Open(p.open).OnToggle(p.onToggle).Body(
			app.Summary().Text(label),
			app.If(p.open, func() app.UI {
				return &filterChips{Conf: c, View: v, Now: p.now}
			}),
		),
	)
}

func (p *schedulePage) onToggle(ctx app.Context, e app.Event) {
	open := ctx.JSSrc().Get("open").Bool()
	if open == p.open {
		ctx.PreventUpdate()
		return
	}
	p.open = open
}

// chipFields are the filter panel's choices in cards.js's format, each
// group a list of toggling links.
func chipFields(c *schedule.Conference, v view, now time.Time) string {
	var b strings.Builder
	links := newToggleURLs(c, v)
	group := func(title string, chips []chip) {
		fields(&b, "G", title)
		for _, ch := range chips {
			on := ""
			if v.filter.Has(ch.param, ch.value) {
				on = "1"
			}
			count := ""
			if ch.count > 0 {
				count = strconv.Itoa(ch.count)
			}
			fields(&b, "C", ch.label, links.url(ch.param, ch.value), on, count, ch.color)
		}
	}
	if kinds := find.KindList(c); len(kinds) > 1 {
		chips := make([]chip, len(kinds))
		for i, k := range kinds {
			chips[i] = chip{param: find.ParamType, value: string(k.Kind), label: tr(k.Kind.Label()), count: k.Count}
		}
		group(tr("Type"), chips)
	}
	if langs := find.LanguageList(c); len(langs) > 1 {
		chips := make([]chip, len(langs))
		for i, l := range langs {
			chips[i] = chip{param: find.ParamLang, value: l, label: languageName(l)}
		}
		group(tr("Language"), chips)
	}
	if tracks := find.Tracks(c); len(tracks) > 1 {
		group(tr("Track"), placeChips(find.ParamTrack, tracks))
	}
	if rooms := find.Rooms(c); len(rooms) > 1 {
		chips := placeChips(find.ParamRoom, rooms)
		for i := range chips {
			chips[i].color = roomColor(c, chips[i].value)
		}
		group(tr("Room"), chips)
	}
	if find.Running(c, now) {
		group(tr("Time"), []chip{{param: find.ParamOver, value: "hide", label: tr("Hide what is over")}})
	}
	return b.String()
}

type chip struct {
	param, value, label, color string
	count                      int
}

func placeChips(param string, places []find.Place) []chip {
	chips := make([]chip, len(places))
	for i, pl := range places {
		chips[i] = chip{param: param, value: pl.Name, label: pl.Name, color: pl.Color, count: pl.Talks}
	}
	return chips
}

// filterChips is the filter panel's choices, each group a labelled list
// of links that add or remove a value, a chosen one marked current and
// ticked. They are only ever drawn in the browser (the panel opens
// closed), by web/static/cards.js from their fields: at FOSDEM some 150
// links, every one of which changes with each filter, which through
// go-app cost a slow phone ~60 ms a change. They are brought up to date
// in the same step as the list, not after it is on screen: a second tap
// right after the first must find links that keep the first choice.
type filterChips struct {
	app.Compo
	Conf *schedule.Conference
	View view
	Now  time.Time

	drawn  string // the fields cards.js has drawn
	waited int    // frames waited for cards.js
}

func (f *filterChips) Render() app.UI           { return divClass("filter-groups") }
func (f *filterChips) OnMount(ctx app.Context)  { f.draw(ctx) }
func (f *filterChips) OnUpdate(ctx app.Context) { f.draw(ctx) }

func (f *filterChips) draw(ctx app.Context) {
	if !f.Mounted() || !app.IsClient {
		return
	}
	data := chipFields(f.Conf, f.View, f.Now)
	if data == f.drawn {
		return
	}
	// Without cards.js the panel stays empty; the filters in force and
	// the track and room pages remain.
	if chips, ok := cardsScript(ctx, "companionChips", &f.waited, f.draw); ok {
		chips.Call("draw", f.JSValue(), data)
		f.drawn = data
	}
}

// activeFilters lists the filters in force, each a link that removes it.
func activeFilters(c *schedule.Conference, v view) app.UI {
	f := v.filter
	type active struct{ param, value, label string }
	var list []active
	for _, k := range f.Kinds {
		list = append(list, active{find.ParamType, string(k), tr(k.Label())})
	}
	for _, l := range f.Langs {
		list = append(list, active{find.ParamLang, l, languageName(l)})
	}
	for _, t := range f.Tracks {
		list = append(list, active{find.ParamTrack, t, trf("Track: %s", t)})
	}
	for _, r := range f.Rooms {
		list = append(list, active{find.ParamRoom, r, trf("Room: %s", r)})
	}
	if f.HideOver {
		list = append(list, active{find.ParamOver, "hide", tr("Hiding what is over")})
	}
	for _, t := range f.HideTracks {
		list = append(list, active{find.ParamHideTrack, t, trf("Hiding track: %s", t)})
	}
	for _, r := range f.HideRooms {
		list = append(list, active{find.ParamHideRoom, r, trf("Hiding room: %s", r)})
	}
	if len(list) == 0 {
		return nil
	}
	clearAll := v
	clearAll.filter = find.Filter{Days: f.Days}
	return app.Ul().Class("active-filters").Aria("label", tr("Filters in force")).Body(
		app.Range(list).Slice(func(i int) app.UI {
			a := list[i]
			next := v
			next.filter = f.Toggle(a.param, a.value)
			return app.Li().Body(
				app.A().Class("chip chip-on").Href(scheduleViewURL(c, next)).
					Aria("label", trf("Remove the filter %s", a.label)).
					Body(app.Text(a.label), app.Span().Aria("hidden", "true").Text(" ×")),
			)
		}),
		app.If(len(list) > 1, func() app.UI {
			return app.Li().Body(app.A().Class("chip clear-all").Href(scheduleViewURL(c, clearAll)).Text(tr("Clear all")))
		}),
	)
}

// browseLinks leads to the other ways into the schedule.
func browseLinks(c *schedule.Conference, current string) app.UI {
	link := func(path, label string) app.UI {
		a := app.A().Href(withConf(path, c.Acronym, nil)).Text(label)
		if path == current {
			a = a.Aria("current", "page")
		}
		return app.Li().Body(a)
	}
	return app.Nav().Class("browse").Aria("label", tr("Browse the schedule")).Body(
		app.Ul().Body(
			link(PathNow, tr("Now & next")),
			link(PathTracks, tr("Tracks")),
			link(PathRooms, tr("Rooms")),
			link(PathSpeakers, tr("Speakers")),
			link(PathVenue, tr("Venue")),
		),
	)
}
