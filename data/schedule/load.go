package schedule

import (
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tidwall/gjson"
)

// Problem is one thing wrong with a schedule file: where, which field, why.
type Problem struct {
	File   string // the file's name
	Path   string // JSON path, e.g. schedule.conference.days.0.rooms.Bleu.2
	Place  string // for people: day, room and event
	Field  string // the event's (or day's, or conference's) field
	Reason string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Path != "" {
		b.WriteString(": " + p.Path)
	}
	if p.Place != "" {
		b.WriteString(": " + p.Place)
	}
	if p.Field != "" {
		b.WriteString(": field " + strconv.Quote(p.Field))
	}
	b.WriteString(": " + p.Reason)
	return b.String()
}

// Error lists every problem that makes a schedule file unusable.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	switch len(e.Problems) {
	case 0:
		return "schedule: unusable"
	case 1:
		return e.Problems[0].String()
	}
	return fmt.Sprintf("%s (and %d more problems)", e.Problems[0], len(e.Problems)-1)
}

// Parse reads a schedule.json document. It accepts what real exporters
// write (frab, pretalx, c3voc; persons in either shape; dates with or
// without offsets) and returns an *Error naming every problem it could not
// accept. file names the document in those messages.
func Parse(file, doc string) (*Conference, error) {
	l := &loader{file: file}
	if !gjson.Valid(doc) {
		l.fail("", "", "", syntaxReason(doc))
		return nil, &Error{l.errors}
	}
	c := l.conference(doc)
	if len(l.errors) > 0 {
		return nil, &Error{l.errors}
	}
	return c, nil
}

// syntaxReason explains invalid JSON with a line and column: it runs only
// on the failure path, so the decoder's cost is not paid on good files.
func syntaxReason(doc string) string {
	var v any
	err := json.Unmarshal([]byte(doc), &v)
	se, ok := err.(*json.SyntaxError)
	if !ok {
		if err != nil {
			return "not valid JSON: " + err.Error()
		}
		return "not valid JSON"
	}
	line, col := 1, 1
	for _, r := range doc[:min(int(se.Offset), len(doc))] {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("not valid JSON at line %d, column %d: %s", line, col, se.Error())
}

type loader struct {
	file     string
	errors   []Problem
	warnings []Problem
	conf     *Conference
	naive    []*naiveTime // times written without an offset, fixed once the zone is known
	offsets  map[int]int  // UTC offset (seconds) → how many events use it
	base     *url.URL     // schedule.base_url, for relative links
}

type naiveTime struct {
	t *time.Time
}

func (l *loader) fail(path, place, field, reason string) {
	l.errors = append(l.errors, Problem{File: l.file, Path: path, Place: place, Field: field, Reason: reason})
}

func (l *loader) warn(path, place, field, reason string) {
	l.warnings = append(l.warnings, Problem{File: l.file, Path: path, Place: place, Field: field, Reason: reason})
}

func (l *loader) conference(doc string) *Conference {
	const base = "schedule.conference"
	root := gjson.Get(doc, base)
	if !root.IsObject() {
		l.fail(base, "", "conference", "missing: a schedule.json has schedule.conference")
		return nil
	}
	c := &Conference{
		Acronym:     root.Get("acronym").String(),
		Title:       root.Get("title").String(),
		Description: root.Get("description").String(),
		URL:         root.Get("url").String(),
		Version:     gjson.Get(doc, "schedule.version").String(),
		TimeZone:    root.Get("time_zone_name").String(),
		Start:       root.Get("start").String(),
		End:         root.Get("end").String(),
		byKey:       make(map[string]*Event),
		bySlug:      make(map[string]*Event),
		rooms:       make(map[string]int),
	}
	l.conf = c
	l.offsets = make(map[int]int)
	if b, err := url.Parse(gjson.Get(doc, "schedule.base_url").String()); err == nil && b.IsAbs() {
		l.base = b
	}
	if c.Acronym == "" {
		l.fail(base+".acronym", "conference", "acronym", "missing: it names the conference in URLs and storage")
	}
	if c.Title == "" {
		l.fail(base+".title", "conference", "title", "missing")
	}
	if c.TimeZone != "" {
		if loc, err := time.LoadLocation(c.TimeZone); err == nil {
			c.Location = loc
		}
	}

	colors := root.Get("meta.room_colors")
	root.Get("rooms").ForEach(func(_, r gjson.Result) bool {
		l.addRoom(Room{
			Name:  r.Get("name").String(),
			Slug:  r.Get("slug").String(),
			GUID:  r.Get("guid").String(),
			Color: l.roomColor(colors, r.Get("name").String()),
		})
		return true
	})
	root.Get("tracks").ForEach(func(k, t gjson.Result) bool {
		c.Tracks = append(c.Tracks, Track{
			Name:  t.Get("name").String(),
			Slug:  t.Get("slug").String(),
			Color: l.color(fmt.Sprintf("%s.tracks.%d.color", base, k.Int()), "track "+t.Get("name").String(), t.Get("color").String()),
		})
		return true
	})

	days := root.Get("days")
	if !days.IsArray() || len(days.Array()) == 0 {
		l.fail(base+".days", "conference", "days", "missing or empty: nothing to show")
		return c
	}
	i := 0
	days.ForEach(func(_, d gjson.Result) bool {
		l.day(fmt.Sprintf("%s.days.%d", base, i), i, d, colors)
		i++
		return true
	})
	l.settleZone()

	for di := range c.Days {
		sortEvents(c, c.Days[di].Events)
		c.Events = append(c.Events, c.Days[di].Events...)
	}
	sortEvents(c, c.Events)
	c.Warnings = l.warnings
	return c
}

// roomColor is a room's colour from conference.meta.room_colors, if any.
func (l *loader) roomColor(colors gjson.Result, room string) string {
	path := "conference.meta.room_colors." + gjson.Escape(room)
	return l.color(path, "room "+room, colors.Get(gjson.Escape(room)).String())
}

func (l *loader) addRoom(r Room) {
	if r.Name == "" {
		return
	}
	if _, ok := l.conf.rooms[r.Name]; ok {
		return
	}
	l.conf.rooms[r.Name] = len(l.conf.Rooms)
	l.conf.Rooms = append(l.conf.Rooms, r)
}

func (l *loader) day(path string, i int, d gjson.Result, colors gjson.Result) {
	c := l.conf
	day := Day{Index: int(d.Get("index").Int()), Date: d.Get("date").String()}
	if !d.Get("index").Exists() {
		day.Index = i + 1
	}
	place := fmt.Sprintf("day %d (%s)", day.Index, day.Date)
	if _, err := time.Parse(time.DateOnly, day.Date); err != nil {
		l.fail(path+".date", place, "date", fmt.Sprintf("%q is not a date (want YYYY-MM-DD)", day.Date))
		return
	}
	day.Start, _ = l.dateTime(d.Get("day_start").String())
	day.End, _ = l.dateTime(d.Get("day_end").String())
	c.Days = append(c.Days, day)
	di := len(c.Days) - 1

	rooms := d.Get("rooms")
	if !rooms.IsObject() {
		l.fail(path+".rooms", place, "rooms", "missing: a day lists its events by room")
		return
	}
	rooms.ForEach(func(name, events gjson.Result) bool {
		room := name.String()
		if _, ok := c.rooms[room]; !ok {
			l.addRoom(Room{Name: room, Color: l.roomColor(colors, room)})
		}
		j := 0
		events.ForEach(func(_, e gjson.Result) bool {
			l.event(fmt.Sprintf("%s.rooms.%s.%d", path, gjson.Escape(room), j), di, room, e)
			j++
			return true
		})
		return true
	})

	// A day without explicit bounds spans its events.
	dd := &c.Days[di]
	for _, e := range dd.Events {
		if !d.Get("day_start").Exists() && (dd.Start.IsZero() || e.Start.Before(dd.Start)) {
			dd.Start = e.Start
		}
		if !d.Get("day_end").Exists() && (dd.End.IsZero() || e.End.After(dd.End)) {
			dd.End = e.End
		}
	}
}

func (l *loader) event(path string, day int, room string, e gjson.Result) {
	c := l.conf
	ev := &Event{Rooms: []string{room}, Day: day}
	var date, start, end, duration string
	var persons, links, attachments gjson.Result
	e.ForEach(func(k, v gjson.Result) bool {
		switch k.Str {
		case "guid":
			ev.GUID = v.String()
		case "code":
			ev.Code = v.String()
		case "id":
			ev.ID = v.String()
		case "date":
			date = v.String()
		case "start":
			start = v.String()
		case "end":
			end = v.String()
		case "duration":
			duration = v.String()
		case "slug":
			ev.Slug = v.String()
		case "url":
			ev.URL = v.String()
		case "title":
			ev.Title = v.String()
		case "subtitle":
			ev.Subtitle = v.String()
		case "track":
			ev.Track = v.String()
		case "type":
			ev.Type = v.String()
		case "language":
			ev.Language = v.String()
		case "abstract":
			ev.Abstract = v.String()
		case "description":
			ev.Details = v.String()
		case "persons":
			persons = v
		case "links":
			links = v
		case "attachments":
			attachments = v
		}
		return true
	})

	d := c.Days[day]
	place := fmt.Sprintf("day %d (%s), room %q, event %q", d.Index, d.Date, room, ev.Title)
	if ev.Key() != "" {
		place += " (" + ev.Key() + ")"
	}
	if !e.IsObject() {
		l.fail(path, place, "", "an event must be an object")
		return
	}
	if ev.Key() == "" {
		l.fail(path, place, "guid", "missing (and no pretalx code): the attendee's stars need a stable identity")
		return
	}
	if strings.TrimSpace(ev.Title) == "" {
		l.warn(path+".title", place, "title", "empty: shown as “Untitled”")
		ev.Title = "Untitled"
	}

	// Start: the date-time, else the day's date and the HH:MM start, which
	// belongs to the next calendar day when it is before the day's start.
	var ok bool
	switch {
	case date != "":
		ev.Start, ok = l.dateTime(date)
		if !ok {
			l.fail(path+".date", place, "date", fmt.Sprintf("%q is not a date-time (want e.g. 2023-03-07T09:30:00+01:00)", date))
			return
		}
	case start != "":
		clock, err := time.Parse("15:04", start)
		if err != nil {
			l.fail(path+".start", place, "start", fmt.Sprintf("%q is not a time of day (want HH:MM)", start))
			return
		}
		y, m, dd := mustDate(d.Date)
		ev.Start = time.Date(y, m, dd, clock.Hour(), clock.Minute(), 0, 0, time.UTC)
		if !d.Start.IsZero() {
			ev.Start = time.Date(y, m, dd, clock.Hour(), clock.Minute(), 0, 0, d.Start.Location())
			if ev.Start.Before(d.Start) {
				ev.Start = ev.Start.AddDate(0, 0, 1)
			}
		} else {
			l.naive = append(l.naive, &naiveTime{&ev.Start})
		}
	default:
		l.fail(path+".date", place, "date", "missing: an event needs a date-time (or a start time)")
		return
	}

	switch {
	case end != "":
		if t, ok := l.dateTime(end); ok {
			ev.End = t
			break
		}
		if dur, ok := parseDuration(duration); ok {
			ev.End = ev.Start.Add(dur)
			break
		}
		l.fail(path+".end", place, "end", fmt.Sprintf("%q is not a date-time", end))
		return
	case duration != "":
		dur, ok := parseDuration(duration)
		if !ok {
			l.fail(path+".duration", place, "duration", fmt.Sprintf("%q is not a duration (want H:MM)", duration))
			return
		}
		ev.End = ev.Start.Add(dur)
	default:
		l.fail(path+".duration", place, "duration", "missing: an event needs a duration or an end")
		return
	}
	if ev.End.Before(ev.Start) {
		l.fail(path+".end", place, "end", "ends before it starts")
		return
	}
	_, off := ev.Start.Zone()
	l.offsets[off]++

	ev.Persons = l.persons(path+".persons", place, persons)
	ev.Links = l.appendLinks(nil, links, "")
	ev.Links = l.appendLinks(ev.Links, attachments, "attachment")

	if prev := c.byKey[ev.Key()]; prev != nil {
		if prev.Title == ev.Title && prev.Start.Equal(ev.Start) {
			// The same event listed in several rooms: a simulcast plenary.
			if !contains(prev.Rooms, room) {
				prev.Rooms = append(prev.Rooms, room)
			}
			return
		}
		l.fail(path+".guid", place, "guid", fmt.Sprintf("already used by %q in room %q: guids must be unique (the same guid in several rooms is allowed only for one event shown in all of them)", prev.Title, prev.Room()))
		return
	}
	if ev.Slug == "" || c.bySlug[ev.Slug] != nil {
		if ev.Slug != "" {
			l.warn(path+".slug", place, "slug", fmt.Sprintf("%q is used twice: this event's page uses its guid instead", ev.Slug))
		}
		ev.Slug = ev.Key()
	}
	c.byKey[ev.Key()] = ev
	c.bySlug[ev.Slug] = ev
	c.Days[day].Events = append(c.Days[day].Events, ev)
}

func (l *loader) persons(path, place string, list gjson.Result) []Person {
	var out []Person
	i := 0
	list.ForEach(func(_, p gjson.Result) bool {
		person := Person{
			GUID:         p.Get("guid").String(),
			Code:         p.Get("code").String(),
			ID:           p.Get("id").String(),
			Name:         firstNonEmpty(p.Get("name").String(), p.Get("public_name").String(), p.Get("full_name").String()),
			Biography:    p.Get("biography").String(),
			Organization: p.Get("organization").String(),
			Position:     p.Get("position").String(),
		}
		if strings.TrimSpace(person.Name) == "" {
			l.warn(fmt.Sprintf("%s.%d", path, i), place, "persons", "a person has no name: left out")
		} else {
			out = append(out, person)
		}
		i++
		return true
	})
	return out
}

// appendLinks adds the references in list; relative URLs are resolved
// against schedule.base_url, as the format says, so they work in the app.
func (l *loader) appendLinks(out []Link, list gjson.Result, defaultType string) []Link {
	list.ForEach(func(_, r gjson.Result) bool {
		u := r.Get("url").String()
		if u == "" {
			return true
		}
		if l.base != nil {
			if ref, err := url.Parse(u); err == nil && !ref.IsAbs() {
				u = l.base.ResolveReference(ref).String()
			}
		}
		t := r.Get("type").String()
		if t == "" {
			t = defaultType
		}
		out = append(out, Link{URL: u, Title: r.Get("title").String(), Type: t})
		return true
	})
	return out
}

// dateTime parses an RFC 3339 date-time. One without an offset is read in
// the conference's zone, which is settled once all events are read.
func (l *loader) dateTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			if l.conf.Location != nil {
				return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, l.conf.Location), true
			}
			return t, true // fixed in settleZone
		}
	}
	return time.Time{}, false
}

// settleZone picks the conference's zone when the platform has no tz
// database (the browser), from the offset most events are written in, and
// places the times written without an offset in it.
func (l *loader) settleZone() {
	c := l.conf
	if c.Location == nil {
		best, n := 0, -1
		for off, count := range l.offsets {
			if count > n || count == n && off < best {
				best, n = off, count
			}
		}
		name := c.TimeZone
		if name == "" {
			name = utcOffsetName(best)
		}
		c.Location = time.FixedZone(name, best)
	}
	for _, nt := range l.naive {
		t := *nt.t
		*nt.t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, c.Location)
	}
}

func utcOffsetName(off int) string {
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	return fmt.Sprintf("UTC%s%02d:%02d", sign, off/3600, off%3600/60)
}

// parseDuration reads "H:MM", "HH:MM" or "HH:MM:SS".
func parseDuration(s string) (time.Duration, bool) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var total time.Duration
	units := []time.Duration{time.Hour, time.Minute, time.Second}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return 0, false
		}
		total += time.Duration(n) * units[i]
	}
	return total, true
}

func mustDate(s string) (int, time.Month, int) {
	t, _ := time.Parse(time.DateOnly, s)
	return t.Year(), t.Month(), t.Day()
}

func sortEvents(c *Conference, events []*Event) {
	sort.SliceStable(events, func(i, j int) bool {
		a, b := events[i], events[j]
		if !a.Start.Equal(b.Start) {
			return a.Start.Before(b.Start)
		}
		return c.RoomIndex(a.Room()) < c.RoomIndex(b.Room())
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
