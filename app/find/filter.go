package find

import (
	"net/url"
	"slices"
	"strconv"
	"time"

	"companion/data/schedule"
)

// Filter narrows a schedule. Within one facet any value will do (track A
// or track B); the facets combine (a track and a room). An empty filter
// keeps everything.
type Filter struct {
	Days   []int    // Day.Index, as in the URL
	Tracks []string // names
	Rooms  []string // names
	Langs  []string // lower-case codes
	Kinds  []Kind

	HideOver   bool     // while the conference runs, what has ended
	HideTracks []string // names
	HideRooms  []string // names; a plenary stays while one of its rooms is shown
}

// The URL's parameters. Tracks and rooms are named by slug, days by the
// data's index, repeated for several values.
const (
	ParamDay       = "day"
	ParamTrack     = "track"
	ParamRoom      = "room"
	ParamLang      = "lang"
	ParamType      = "type"
	ParamOver      = "over" // "hide"
	ParamHideTrack = "hide-track"
	ParamHideRoom  = "hide-room"
)

// Params lists the filter's parameters: everything else in a URL is left
// alone by Set.
var Params = []string{ParamDay, ParamTrack, ParamRoom, ParamLang, ParamType, ParamOver, ParamHideTrack, ParamHideRoom}

// FromURL reads a filter from a URL's query, keeping only the values this
// conference knows, in the conference's order, once each: a shared link
// from another version of the schedule shows what still exists.
func FromURL(c *schedule.Conference, q url.Values) Filter {
	tracks, rooms := Tracks(c), Rooms(c)
	var f Filter
	for _, d := range c.Days {
		if slices.Contains(q[ParamDay], strconv.Itoa(d.Index)) {
			f.Days = append(f.Days, d.Index)
		}
	}
	f.Tracks = names(tracks, q[ParamTrack])
	f.Rooms = names(rooms, q[ParamRoom])
	f.HideTracks = names(tracks, q[ParamHideTrack])
	f.HideRooms = names(rooms, q[ParamHideRoom])
	for _, l := range LanguageList(c) {
		if slices.Contains(q[ParamLang], l) {
			f.Langs = append(f.Langs, l)
		}
	}
	for _, k := range Kinds {
		if slices.Contains(q[ParamType], string(k)) {
			f.Kinds = append(f.Kinds, k)
		}
	}
	f.HideOver = q.Get(ParamOver) == "hide"
	return f
}

func names(places []Place, slugs []string) []string {
	var out []string
	for _, p := range places {
		if slices.Contains(slugs, p.Slug) {
			out = append(out, p.Name)
		}
	}
	return out
}

// Set writes the filter into a URL's query, replacing the filter that was
// there and leaving the other parameters alone.
func (f Filter) Set(c *schedule.Conference, q url.Values) {
	for _, p := range Params {
		f.SetParam(c, q, p)
	}
}

// SetParam writes the filter's values of one parameter into a URL's
// query, replacing those there: the links of a filter panel, each one
// choice away from the page's URL, change that parameter alone.
func (f Filter) SetParam(c *schedule.Conference, q url.Values, param string) {
	q.Del(param)
	switch param {
	case ParamDay:
		for _, d := range f.Days {
			q.Add(ParamDay, strconv.Itoa(d))
		}
	case ParamTrack:
		addSlugs(q, ParamTrack, Tracks(c), f.Tracks)
	case ParamRoom:
		addSlugs(q, ParamRoom, Rooms(c), f.Rooms)
	case ParamLang:
		for _, l := range f.Langs {
			q.Add(ParamLang, l)
		}
	case ParamType:
		for _, k := range f.Kinds {
			q.Add(ParamType, string(k))
		}
	case ParamOver:
		if f.HideOver {
			q.Set(ParamOver, "hide")
		}
	case ParamHideTrack:
		addSlugs(q, ParamHideTrack, Tracks(c), f.HideTracks)
	case ParamHideRoom:
		addSlugs(q, ParamHideRoom, Rooms(c), f.HideRooms)
	}
}

func addSlugs(q url.Values, param string, places []Place, names []string) {
	if len(names) == 0 {
		return // the usual case, met for every chip of the filter panel
	}
	for _, p := range places {
		if slices.Contains(names, p.Name) {
			q.Add(param, p.Slug)
		}
	}
}

// Empty reports whether the filter keeps everything.
func (f Filter) Empty() bool {
	return len(f.Days) == 0 && len(f.Tracks) == 0 && len(f.Rooms) == 0 && len(f.Langs) == 0 &&
		len(f.Kinds) == 0 && !f.HideOver && len(f.HideTracks) == 0 && len(f.HideRooms) == 0
}

// Count is how many choices the filter makes (days left out: they are
// tabs), for a "Filters (2)" label.
func (f Filter) Count() int {
	n := len(f.Tracks) + len(f.Rooms) + len(f.Langs) + len(f.Kinds) + len(f.HideTracks) + len(f.HideRooms)
	if f.HideOver {
		n++
	}
	return n
}

// Toggle returns the filter with value added to the facet named by param,
// or removed when it is there: what a tap on a filter chip does. Values
// are names for tracks and rooms, codes otherwise.
func (f Filter) Toggle(param, value string) Filter {
	g := f.clone()
	switch param {
	case ParamDay:
		if d, err := strconv.Atoi(value); err == nil {
			g.Days = toggle(g.Days, d)
		}
	case ParamTrack:
		g.Tracks = toggle(g.Tracks, value)
	case ParamRoom:
		g.Rooms = toggle(g.Rooms, value)
	case ParamLang:
		g.Langs = toggle(g.Langs, value)
	case ParamType:
		g.Kinds = toggle(g.Kinds, Kind(value))
	case ParamOver:
		g.HideOver = !g.HideOver
	case ParamHideTrack:
		g.HideTracks = toggle(g.HideTracks, value)
	case ParamHideRoom:
		g.HideRooms = toggle(g.HideRooms, value)
	}
	return g
}

// Has reports whether the facet named by param holds value.
func (f Filter) Has(param, value string) bool {
	switch param {
	case ParamDay:
		d, err := strconv.Atoi(value)
		return err == nil && slices.Contains(f.Days, d)
	case ParamTrack:
		return slices.Contains(f.Tracks, value)
	case ParamRoom:
		return slices.Contains(f.Rooms, value)
	case ParamLang:
		return slices.Contains(f.Langs, value)
	case ParamType:
		return slices.Contains(f.Kinds, Kind(value))
	case ParamOver:
		return f.HideOver
	case ParamHideTrack:
		return slices.Contains(f.HideTracks, value)
	case ParamHideRoom:
		return slices.Contains(f.HideRooms, value)
	}
	return false
}

func (f Filter) clone() Filter {
	g := f
	g.Days = slices.Clone(f.Days)
	g.Tracks = slices.Clone(f.Tracks)
	g.Rooms = slices.Clone(f.Rooms)
	g.Langs = slices.Clone(f.Langs)
	g.Kinds = slices.Clone(f.Kinds)
	g.HideTracks = slices.Clone(f.HideTracks)
	g.HideRooms = slices.Clone(f.HideRooms)
	return g
}

func toggle[T comparable](list []T, v T) []T {
	if i := slices.Index(list, v); i >= 0 {
		return slices.Delete(list, i, i+1)
	}
	return append(list, v)
}

// Matcher returns the test the filter makes of events at the time now.
// Hiding what is over applies only while the conference runs: afterwards
// it would hide everything.
func (f Filter) Matcher(c *schedule.Conference, now time.Time) func(*schedule.Event) bool {
	hideOver := f.HideOver && Running(c, now)
	days := make(map[int]bool, len(f.Days))
	for di, d := range c.Days {
		if slices.Contains(f.Days, d.Index) {
			days[di] = true
		}
	}
	return func(e *schedule.Event) bool {
		switch {
		case len(f.Days) > 0 && !days[e.Day]:
			return false
		case len(f.Tracks) > 0 && !slices.Contains(f.Tracks, e.Track):
			return false
		case len(f.Rooms) > 0 && !slices.ContainsFunc(e.Rooms, func(r string) bool { return slices.Contains(f.Rooms, r) }):
			return false
		case len(f.Langs) > 0 && !slices.ContainsFunc(Languages(e), func(l string) bool { return slices.Contains(f.Langs, l) }):
			return false
		case len(f.Kinds) > 0 && !slices.Contains(f.Kinds, KindOf(e)):
			return false
		case hideOver && !e.End.After(now):
			return false
		case slices.Contains(f.HideTracks, e.Track) && e.Track != "":
			return false
		case len(f.HideRooms) > 0 && len(e.Rooms) > 0 && !slices.ContainsFunc(e.Rooms, func(r string) bool { return !slices.Contains(f.HideRooms, r) }):
			return false
		}
		return true
	}
}

// LanguageList is the language codes the conference's events use, most
// used first. The list is made once per schedule; callers must not change
// it.
func LanguageList(c *schedule.Conference) []string { return placesOf(c).langs }

func languageList(c *schedule.Conference) []string {
	n := map[string]int{}
	var out []string
	for _, e := range c.Events {
		for _, l := range Languages(e) {
			if n[l] == 0 {
				out = append(out, l)
			}
			n[l]++
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return n[b] - n[a] })
	return out
}

// KindList is the kinds the conference's events have, in Kinds order,
// with their counts. The list is made once per schedule; callers must not
// change it.
func KindList(c *schedule.Conference) []KindCount { return placesOf(c).kinds }

func kindList(c *schedule.Conference) []KindCount {
	n := map[Kind]int{}
	for _, e := range c.Events {
		n[KindOf(e)]++
	}
	var out []KindCount
	for _, k := range Kinds {
		if n[k] > 0 {
			out = append(out, KindCount{k, n[k]})
		}
	}
	return out
}

// KindCount is a kind and how many events have it.
type KindCount struct {
	Kind  Kind
	Count int
}
