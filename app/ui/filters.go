package ui

import (
	"strconv"
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
				return filterGroups(c, v, p.now)
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

// filterGroups are the choices, each group a list of toggling links.
func filterGroups(c *schedule.Conference, v view, now time.Time) app.UI {
	var groups []app.UI
	if kinds := find.KindList(c); len(kinds) > 1 {
		chips := make([]chip, len(kinds))
		for i, k := range kinds {
			chips[i] = chip{param: find.ParamType, value: string(k.Kind), label: tr(k.Kind.Label()), count: k.Count}
		}
		groups = append(groups, chipGroup(c, v, tr("Type"), chips))
	}
	if langs := find.LanguageList(c); len(langs) > 1 {
		chips := make([]chip, len(langs))
		for i, l := range langs {
			chips[i] = chip{param: find.ParamLang, value: l, label: languageName(l)}
		}
		groups = append(groups, chipGroup(c, v, tr("Language"), chips))
	}
	if tracks := find.Tracks(c); len(tracks) > 1 {
		groups = append(groups, chipGroup(c, v, tr("Track"), placeChips(find.ParamTrack, tracks)))
	}
	if rooms := find.Rooms(c); len(rooms) > 1 {
		chips := placeChips(find.ParamRoom, rooms)
		for i := range chips {
			chips[i].color = roomColor(c, chips[i].value)
		}
		groups = append(groups, chipGroup(c, v, tr("Room"), chips))
	}
	if find.Running(c, now) {
		groups = append(groups, chipGroup(c, v, tr("Time"), []chip{{param: find.ParamOver, value: "hide", label: tr("Hide what is over")}}))
	}
	return app.Div().Class("filter-groups").Body(groups...)
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

// chipGroup is a labelled list of filter links, each adding or removing
// its value; a chosen one is marked current and ticked.
func chipGroup(c *schedule.Conference, v view, title string, chips []chip) app.UI {
	return app.Section().Class("chip-group").Body(
		app.H2().Class("chip-group-title").Text(title),
		app.Ul().Class("chips").Body(
			app.Range(chips).Slice(func(i int) app.UI {
				ch := chips[i]
				on := v.filter.Has(ch.param, ch.value)
				next := v
				next.filter = v.filter.Toggle(ch.param, ch.value)
				a := app.A().Class("chip").Href(scheduleViewURL(c, next))
				if on {
					a = a.Aria("current", "true")
				}
				return app.Li().Body(a.Body(
					app.If(on, func() app.UI { return app.Span().Class("tick").Aria("hidden", "true").Text("✓ ") }),
					app.If(ch.color != "", func() app.UI { return app.Span().Class("dot").Style("--room", ch.color) }),
					app.Text(ch.label),
					app.If(ch.count > 0, func() app.UI { return app.Span().Class("count").Text(" " + strconv.Itoa(ch.count)) }),
				))
			}),
		),
	)
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
