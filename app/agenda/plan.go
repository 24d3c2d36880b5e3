package agenda

import (
	"sort"
	"strings"
	"time"

	"companion/data/schedule"
)

// The attendee's plan for a day: which starred talks clash, what else
// could be seen instead, and the free time between them.

// Overlap reports whether two events share some time.
func Overlap(a, b *schedule.Event) bool {
	return a.Start.Before(b.End) && b.Start.Before(a.End)
}

// Conflict is two starred sessions that overlap, A starting first.
type Conflict struct{ A, B *schedule.Event }

// Conflicts returns every pair of overlapping sessions among events, in
// time order. Breaks and meals never clash with a talk.
func Conflicts(events []*schedule.Event) []Conflict {
	ev := sessionsByStart(events)
	var out []Conflict
	for i, a := range ev {
		for _, b := range ev[i+1:] {
			if !b.Start.Before(a.End) {
				break
			}
			if Overlap(a, b) {
				out = append(out, Conflict{a, b})
			}
		}
	}
	return out
}

// Clashes returns the events among starred that overlap e (e excluded).
func Clashes(starred []*schedule.Event, e *schedule.Event) []*schedule.Event {
	var out []*schedule.Event
	if !e.IsSession() {
		return nil
	}
	for _, s := range sessionsByStart(starred) {
		if s.Key() != e.Key() && Overlap(s, e) {
			out = append(out, s)
		}
	}
	return out
}

func sessionsByStart(events []*schedule.Event) []*schedule.Event {
	var ev []*schedule.Event
	for _, e := range events {
		if e != nil && e.IsSession() {
			ev = append(ev, e)
		}
	}
	sort.SliceStable(ev, func(i, j int) bool {
		if !ev[i].Start.Equal(ev[j].Start) {
			return ev[i].Start.Before(ev[j].Start)
		}
		return ev[i].Key() < ev[j].Key()
	})
	return ev
}

// Alternative is another way to see what a conflict makes the attendee
// miss.
type Alternative struct {
	Event *schedule.Event
	// Repeat is true when the event is the same talk given again; false
	// when it is a later talk of the same track.
	Repeat bool
}

// MaxAlternatives bounds the later talks of the same track offered.
const MaxAlternatives = 3

// Alternatives returns, for a talk the attendee may miss, the same talk
// given at another time and later talks of its track that clash with
// none of the starred events, in time order. The replay, when the data
// has one, is e.Replay().
func Alternatives(c *schedule.Conference, e *schedule.Event, starred []*schedule.Event) []Alternative {
	var out []Alternative
	track := 0
	title := normTitle(e.Title)
	for _, o := range c.Events {
		if o == e || o.Key() == e.Key() || !o.IsSession() || IsCancelled(o) {
			continue
		}
		free := true
		for _, s := range starred {
			if s.Key() != e.Key() && Overlap(s, o) {
				free = false
				break
			}
		}
		switch {
		case title != "" && normTitle(o.Title) == title && !Overlap(o, e):
			out = append(out, Alternative{Event: o, Repeat: true})
		case free && e.Track != "" && o.Track == e.Track && !o.Start.Before(e.End) && track < MaxAlternatives && !starredIn(starred, o):
			out = append(out, Alternative{Event: o})
			track++
		}
	}
	return out
}

func starredIn(starred []*schedule.Event, e *schedule.Event) bool {
	for _, s := range starred {
		if s.Key() == e.Key() {
			return true
		}
	}
	return false
}

func normTitle(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// Gap is free time between two starred sessions of a day.
type Gap struct {
	After, Before *schedule.Event
	Start, End    time.Time
	// During lists what the schedule offers then besides talks: a coffee
	// break, lunch, the sponsor hall.
	During []*schedule.Event
}

// Duration is how long the gap lasts.
func (g Gap) Duration() time.Duration { return g.End.Sub(g.Start) }

// Gaps returns the free times of at least min between the starred
// sessions of each day, in time order.
func Gaps(c *schedule.Conference, starred []*schedule.Event, min time.Duration) []Gap {
	var out []Gap
	var last *schedule.Event // the session of the day ending last so far
	for _, e := range sessionsByStart(starred) {
		if last == nil || last.Day != e.Day {
			last = e
			continue
		}
		if e.Start.Sub(last.End) >= min {
			g := Gap{After: last, Before: e, Start: last.End, End: e.Start}
			if e.Day >= 0 && e.Day < len(c.Days) {
				for _, o := range c.Days[e.Day].Events {
					if !o.IsSession() && o.Start.Before(g.End) && g.Start.Before(o.End) {
						g.During = append(g.During, o)
					}
				}
			}
			out = append(out, g)
		}
		if e.End.After(last.End) {
			last = e
		}
	}
	return out
}

// Due returns the sessions among events that start within lead of now
// (and have not started yet), in time order: those to remind of.
func Due(events []*schedule.Event, now time.Time, lead time.Duration) []*schedule.Event {
	var out []*schedule.Event
	for _, e := range sessionsByStart(events) {
		if e.Start.After(now) && !e.Start.After(now.Add(lead)) && !IsCancelled(e) {
			out = append(out, e)
		}
	}
	return out
}
