package find

import (
	"slices"
	"strconv"
	"sync"
	"time"

	"companion/data/schedule"
)

// Place is a track or a room with what it holds: how FOSDEM's attendees
// find a devroom.
type Place struct {
	Name  string
	Slug  string // unique among the conference's tracks (or rooms)
	Color string // a CSS colour or ""
	Talks int    // sessions: talks, keynotes, workshops, not breaks
	All   int    // every event, breaks included
}

// Tracks lists the conference's tracks in the data's order, then the
// tracks events name that the data does not list, each with a slug of its
// own and its counts. Tracks without any event are left out. The list is
// made once per schedule; callers must not change it.
func Tracks(c *schedule.Conference) []Place { return placesOf(c).tracks }

// Rooms lists the conference's rooms in the data's order, with their
// counts; a plenary counts in every room it is shown in. Rooms without any
// event are left out. The list is made once per schedule; callers must not
// change it.
func Rooms(c *schedule.Conference) []Place { return placesOf(c).rooms }

// places is what a schedule's filters offer, read once: a filter chosen
// on a FOSDEM day would otherwise go through its 943 events again.
type places struct {
	tracks, rooms []Place
	langs         []string
	kinds         []KindCount
	first, last   time.Time // Running's span, asked on every page
}

// A few schedules' lists are kept: the one shown, and the server's.
var (
	placesMu    sync.Mutex
	placesCache = map[*schedule.Conference]*places{}
)

func placesOf(c *schedule.Conference) *places {
	placesMu.Lock()
	defer placesMu.Unlock()
	if p, ok := placesCache[c]; ok {
		return p
	}
	if len(placesCache) >= 8 {
		clear(placesCache)
	}
	p := &places{tracks: tracks(c), rooms: rooms(c), langs: languageList(c), kinds: kindList(c)}
	p.first, p.last = span(c)
	placesCache[c] = p
	return p
}

func tracks(c *schedule.Conference) []Place {
	var out []Place
	at := map[string]int{}
	for _, t := range c.Tracks {
		if _, dup := at[t.Name]; t.Name == "" || dup {
			continue
		}
		at[t.Name] = len(out)
		out = append(out, Place{Name: t.Name, Slug: t.Slug, Color: t.Color})
	}
	for _, e := range c.Events {
		if e.Track == "" {
			continue
		}
		i, ok := at[e.Track]
		if !ok {
			i = len(out)
			at[e.Track] = i
			out = append(out, Place{Name: e.Track})
		}
		count(&out[i], e)
	}
	return settle(out)
}

func rooms(c *schedule.Conference) []Place {
	out := make([]Place, len(c.Rooms))
	for i, r := range c.Rooms {
		out[i] = Place{Name: r.Name, Slug: r.Slug, Color: r.Color}
	}
	for _, e := range c.Events {
		for _, r := range e.Rooms {
			if i := c.RoomIndex(r); i >= 0 {
				count(&out[i], e)
			}
		}
	}
	return settle(out)
}

func count(p *Place, e *schedule.Event) {
	p.All++
	if e.IsSession() {
		p.Talks++
	}
}

// settle drops the places without events and gives every place a slug of
// its own: the data's when it has one nobody else uses, else one made from
// its name, numbered when even that is taken.
func settle(places []Place) []Place {
	places = slices.DeleteFunc(places, func(p Place) bool { return p.All == 0 })
	taken := map[string]bool{}
	for i, p := range places {
		s := Slug(p.Slug) // the data's, made safe for a URL
		if s == "" || taken[s] {
			s = Slug(p.Name)
		}
		if s == "" {
			s = "x"
		}
		base := s
		for n := 2; taken[s]; n++ {
			s = base + "-" + strconv.Itoa(n)
		}
		taken[s] = true
		places[i].Slug = s
	}
	return places
}

// PlaceBySlug finds a place of the list by slug.
func PlaceBySlug(places []Place, slug string) (Place, bool) {
	for _, p := range places {
		if p.Slug == slug {
			return p, true
		}
	}
	return Place{}, false
}

// InTrack and InRoom select the events of a track or a room.
func InTrack(name string) func(*schedule.Event) bool {
	return func(e *schedule.Event) bool { return e.Track == name }
}

func InRoom(name string) func(*schedule.Event) bool {
	return func(e *schedule.Event) bool { return slices.Contains(e.Rooms, name) }
}

// DayEvents are the events of one day.
type DayEvents struct {
	Day    int // index into Conference.Days
	Events []*schedule.Event
}

// ByDay returns the events that keep selects, by day, in time order; days
// without any are left out.
func ByDay(c *schedule.Conference, keep func(*schedule.Event) bool) []DayEvents {
	var out []DayEvents
	for di, d := range c.Days {
		var events []*schedule.Event
		for _, e := range d.Events {
			if keep(e) {
				events = append(events, e)
			}
		}
		if len(events) > 0 {
			out = append(out, DayEvents{Day: di, Events: events})
		}
	}
	return out
}
