// Package build assembles a schedule.Conference from the pieces an
// importer reads, in whatever order the source lists them: days by date,
// rooms in first-seen order (or the order the source declares), events
// sorted by time. The result is what export.JSON writes.
package build

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"companion/data/schedule"
)

// Builder collects one conference.
type Builder struct {
	c     *schedule.Conference
	days  map[string]int // date → index in c.Days
	rooms map[string]int // name → index in c.Rooms
	keys  map[string]bool
	byKey map[string]*schedule.Event
}

// Outcome is what Add did with an event.
type Outcome int

const (
	Added     Outcome = iota // a new event
	OtherRoom                // the same event under another room: now shown in both
	Duplicate                // its key is another event's: left out
)

// New starts a conference. loc is the conference's zone: event times are
// shown in it, and dates without an offset are read in it.
func New(acronym, title string, loc *time.Location) *Builder {
	if loc == nil {
		loc = time.UTC
	}
	tz := loc.String()
	if tz == "Local" {
		tz = ""
	}
	return &Builder{
		c:     &schedule.Conference{Acronym: acronym, Title: title, TimeZone: tz, Location: loc},
		days:  map[string]int{},
		rooms: map[string]int{},
		keys:  map[string]bool{},
		byKey: map[string]*schedule.Event{},
	}
}

// Conference gives access to the fields an importer sets directly
// (Description, URL, Version, Tracks).
func (b *Builder) Conference() *schedule.Conference { return b.c }

// Room declares a room; rooms are listed in the order first declared or
// first used. An empty name is "no room" and is not listed.
func (b *Builder) Room(r schedule.Room) {
	if r.Name == "" {
		return
	}
	if i, ok := b.rooms[r.Name]; ok {
		if r.Color != "" {
			b.c.Rooms[i].Color = r.Color
		}
		return
	}
	b.rooms[r.Name] = len(b.c.Rooms)
	b.c.Rooms = append(b.c.Rooms, r)
}

// Day declares a conference day by its date (YYYY-MM-DD), with its bounds
// when the source gives them (zero times otherwise), and returns its index.
func (b *Builder) Day(date string, start, end time.Time) (int, error) {
	if i, ok := b.days[date]; ok {
		d := &b.c.Days[i]
		if d.Start.IsZero() {
			d.Start = start
		}
		if d.End.IsZero() {
			d.End = end
		}
		return i, nil
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return 0, fmt.Errorf("%q is not a date (want YYYY-MM-DD)", date)
	}
	b.days[date] = len(b.c.Days)
	b.c.Days = append(b.c.Days, schedule.Day{Date: date, Start: start, End: end})
	return len(b.c.Days) - 1, nil
}

// Add adds an event on the day of that date (declared if need be); its
// rooms are declared if need be. An event whose key was already used is
// not added: when the one added before has the same title and start, it is
// the same event listed under another room too (a plenary, as the README's
// convention says), and that room is added to its rooms (OtherRoom); else
// it is a Duplicate.
func (b *Builder) Add(date string, e *schedule.Event) (Outcome, error) {
	if b.keys[e.Key()] {
		if prev := b.byKey[e.Key()]; prev != nil && prev.Title == e.Title && prev.Start.Equal(e.Start) {
			for _, r := range e.Rooms {
				if !slices.Contains(prev.Rooms, r) {
					prev.Rooms = append(prev.Rooms, r)
					b.Room(schedule.Room{Name: r})
				}
			}
			return OtherRoom, nil
		}
		return Duplicate, nil
	}
	i, err := b.Day(date, time.Time{}, time.Time{})
	if err != nil {
		return Duplicate, err
	}
	e.Day = i
	for _, r := range e.Rooms {
		b.Room(schedule.Room{Name: r})
	}
	b.keys[e.Key()] = true
	b.byKey[e.Key()] = e
	b.c.Events = append(b.c.Events, e)
	return Added, nil
}

// Finish sorts days by date, renumbers them from 1, sorts events by start
// then room order, and sets the conference's first and last date.
func (b *Builder) Finish() *schedule.Conference {
	c := b.c
	order := make([]int, len(c.Days))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return c.Days[order[i]].Date < c.Days[order[j]].Date })
	newIndex := make([]int, len(c.Days))
	days := make([]schedule.Day, len(c.Days))
	for n, old := range order {
		days[n] = c.Days[old]
		days[n].Index = n + 1
		newIndex[old] = n
	}
	c.Days = days
	for _, e := range c.Events {
		e.Day = newIndex[e.Day]
	}
	roomIndex := func(e *schedule.Event) int {
		if i, ok := b.rooms[e.Room()]; ok {
			return i
		}
		return len(c.Rooms)
	}
	sort.SliceStable(c.Events, func(i, j int) bool {
		a, z := c.Events[i], c.Events[j]
		if !a.Start.Equal(z.Start) {
			return a.Start.Before(z.Start)
		}
		return roomIndex(a) < roomIndex(z)
	})
	if len(c.Days) > 0 {
		c.Start, c.End = c.Days[0].Date, c.Days[len(c.Days)-1].Date
	}
	return c
}
