package find

import (
	"time"

	"companion/data/schedule"
)

// Running reports whether the conference is on at now: from its first
// event's start to its last event's end.
func Running(c *schedule.Conference, now time.Time) bool {
	p := placesOf(c)
	return len(c.Events) > 0 && !now.Before(p.first) && now.Before(p.last)
}

// span is when a conference runs: its first event's start to the latest
// end.
func span(c *schedule.Conference) (first, last time.Time) {
	if len(c.Events) == 0 {
		return
	}
	first, last = c.Events[0].Start, c.Events[0].End
	for _, e := range c.Events {
		if e.End.After(last) {
			last = e.End
		}
	}
	return first, last
}

// Today is the index of the conference day now falls in, or -1. A day runs
// from its day_start to its day_end, which may be past midnight; a day
// without those bounds runs from its first event's start to its last
// event's end.
func Today(c *schedule.Conference, now time.Time) int {
	for i := range c.Days {
		start, end := dayBounds(&c.Days[i])
		if !now.Before(start) && now.Before(end) {
			return i
		}
	}
	return -1
}

func dayBounds(d *schedule.Day) (start, end time.Time) {
	start, end = d.Start, d.End
	for _, e := range d.Events {
		if d.Start.IsZero() && (start.IsZero() || e.Start.Before(start)) {
			start = e.Start
		}
		if d.End.IsZero() && e.End.After(end) {
			end = e.End
		}
	}
	return start, end
}

// RoomNow is what is on in a room and what comes next there.
type RoomNow struct {
	Room string
	Now  *schedule.Event // nil when the room is empty
	Next *schedule.Event // nil when nothing follows today
}

// Board is what every room holds at a moment of the conference.
type Board struct {
	Day   int // the day shown: today, else the next day; -1 after the conference
	Rooms []RoomNow
}

// NowNext says, for each room in the conference's order, what is on at now
// and what starts next the same day; rooms with neither are left out.
// Before the conference, between two days or once a day's last event is
// over, nothing is on and next is the next day's first events; after the
// conference, the board is empty.
func NowNext(c *schedule.Conference, now time.Time) Board {
	day := Today(c, now)
	if day < 0 {
		for i := range c.Days {
			if start, _ := dayBounds(&c.Days[i]); start.After(now) {
				day = i
				break
			}
		}
	}
	for ; day >= 0 && day < len(c.Days); day++ {
		if b := board(c, day, now); len(b.Rooms) > 0 {
			return b
		}
	}
	return Board{Day: -1}
}

func board(c *schedule.Conference, day int, now time.Time) Board {
	b := Board{Day: day}
	on := make([]*schedule.Event, len(c.Rooms))
	next := make([]*schedule.Event, len(c.Rooms))
	for _, e := range c.Days[b.Day].Events { // by start time
		for _, r := range e.Rooms {
			i := c.RoomIndex(r)
			if i < 0 {
				continue
			}
			switch {
			case !e.Start.After(now) && e.End.After(now):
				on[i] = e // the latest started, when two overlap
			case e.Start.After(now) && next[i] == nil:
				next[i] = e
			}
		}
	}
	for i, r := range c.Rooms {
		if on[i] != nil || next[i] != nil {
			b.Rooms = append(b.Rooms, RoomNow{Room: r.Name, Now: on[i], Next: next[i]})
		}
	}
	return b
}
