package ui

import (
	"testing"

	"companion/app/find"
)

// The filter panel's links, made from the page's query once, are the URLs
// scheduleViewURL gives each view: for every choice, from views with and
// without filters, a search and the grid.
func TestToggleURLsAreViewURLs(t *testing.T) {
	c := import39C3(t)
	tracks, rooms := find.Tracks(c), find.Rooms(c)
	if len(tracks) < 2 || len(rooms) < 2 {
		t.Fatalf("39C3 has %d tracks and %d rooms: the test proves little", len(tracks), len(rooms))
	}
	type choice struct{ param, value string }
	var choices []choice
	for _, k := range find.KindList(c) {
		choices = append(choices, choice{find.ParamType, string(k.Kind)})
	}
	for _, l := range find.LanguageList(c) {
		choices = append(choices, choice{find.ParamLang, l})
	}
	for _, p := range tracks {
		choices = append(choices, choice{find.ParamTrack, p.Name}, choice{find.ParamHideTrack, p.Name})
	}
	for _, p := range rooms {
		choices = append(choices, choice{find.ParamRoom, p.Name}, choice{find.ParamHideRoom, p.Name})
	}
	choices = append(choices, choice{find.ParamOver, "hide"})

	some := find.Filter{}.Toggle(find.ParamTrack, tracks[1].Name).Toggle(find.ParamRoom, rooms[0].Name).Toggle(find.ParamType, "talk")
	views := []view{
		{day: c.Days[0].Index},
		{day: c.Days[1].Index, filter: some},
		{day: c.Days[1].Index, filter: some.Toggle(find.ParamOver, "hide"), grid: true},
		{query: "linux", filter: some.Toggle(find.ParamDay, "2")},
	}
	for _, v := range views {
		links := newToggleURLs(c, v)
		for _, ch := range choices {
			next := v
			next.filter = v.filter.Toggle(ch.param, ch.value)
			if got, want := links.url(ch.param, ch.value), scheduleViewURL(c, next); got != want {
				t.Errorf("from %s, %s=%s: %s, want %s", scheduleViewURL(c, v), ch.param, ch.value, got, want)
			}
		}
	}
}
