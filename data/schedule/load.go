package schedule

import (
	"encoding/json"
	"fmt"
	"html"
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

// Options are what the person loading a file knows that the file does not
// say (or says wrongly). The zero value reads the file as it is.
type Options struct {
	Acronym string // replaces the file's (or supplies a missing one)
	Title   string // replaces the file's (or supplies a missing one)

	// Location is the zone of the wall-clock times the file writes without
	// an offset (old frab writes only "HH:MM" under a day's date), and the
	// zone times are shown in; TimeZone is its IANA name.
	Location *time.Location
	TimeZone string

	// GUID derives a stable guid for an event the file identifies only by
	// its numeric id (frab before guids), from the conference's acronym
	// and that id. Without it such events are left out with a warning.
	GUID func(acronym, id string) string
}

// Parse reads a schedule.json document. It accepts what real exporters
// write (frab, pretalx, c3voc; persons in either shape; dates with or
// without offsets) and returns an *Error naming every problem it could not
// accept. file names the document in those messages.
func Parse(file, doc string) (*Conference, error) { return ParseWith(file, doc, Options{}) }

// ParseWith is Parse with what the caller knows that the file does not.
// An event with one bad field (a date that is no date, a duration that is
// no duration) costs that event a warning, or a default that a warning
// states; it never costs the whole file.
func ParseWith(file, doc string, opt Options) (*Conference, error) {
	l := &loader{file: file, opt: opt}
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
	opt      Options
	errors   []Problem
	warnings []Problem
	conf     *Conference
	naive    []naiveTime  // times written without an offset, fixed once the zone is known
	offsets  map[int]int  // UTC offset (seconds) → how many events use it
	base     string       // schedule.base_url, for relative links
	legacy   bool         // frab before guids: HTML-escaped text, times of day only
	slugs    gjson.Result // conference.meta.source_slugs: guid → the source's slug
}

// naiveTime is a time written without an offset before the zone was
// known: read as a UTC wall clock, and moved to the zone's same wall clock
// by settleZone. t points into an event (heap-allocated) or, for a day's
// bounds, day indexes the conference's days.
type naiveTime struct {
	t   *time.Time
	day int
	end bool
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
	// Old frab writes "days" twice: the count as a string, then the list.
	var days gjson.Result
	root.ForEach(func(k, v gjson.Result) bool {
		if k.Str == "days" && v.IsArray() {
			days = v
			return false
		}
		return true
	})
	l.legacy = isLegacy(days)

	c := &Conference{
		Acronym:          firstNonEmpty(strings.TrimSpace(l.opt.Acronym), strings.TrimSpace(root.Get("acronym").String())),
		Title:            firstNonEmpty(strings.TrimSpace(l.opt.Title), l.text(root.Get("title").String())),
		Description:      l.text(root.Get("description").String()),
		URL:              strings.TrimSpace(root.Get("url").String()),
		Version:          gjson.Get(doc, "schedule.version").String(),
		TimeZone:         strings.TrimSpace(root.Get("time_zone_name").String()),
		Start:            root.Get("start").String(),
		End:              root.Get("end").String(),
		TimeslotDuration: strings.TrimSpace(root.Get("timeslot_duration").String()),
		byKey:            make(map[string]*Event),
		bySlug:           make(map[string]*Event),
		rooms:            make(map[string]int),
	}
	l.conf = c
	l.offsets = make(map[int]int)
	l.slugs = root.Get("meta.source_slugs")
	if baseURL(gjson.Get(doc, "schedule.base_url").String()) != nil {
		l.base = strings.TrimSpace(gjson.Get(doc, "schedule.base_url").String())
	}
	// Old frab ("0.8") names no acronym: -acronym supplies it.
	if c.Acronym == "" {
		l.fail(base+".acronym", "conference", "acronym", "missing: it names the conference in URLs and storage (companion import -acronym names it)")
	}
	if c.Title == "" {
		l.fail(base+".title", "conference", "title", "missing (companion import -title names it)")
	}
	switch {
	case l.opt.Location != nil:
		c.Location = l.opt.Location
		c.TimeZone = firstNonEmpty(l.opt.TimeZone, l.opt.Location.String())
	case c.TimeZone != "":
		if loc, err := loadLocation(c.TimeZone); err == nil {
			c.Location = loc
		}
	}

	colors := root.Get("meta.room_colors")
	root.Get("rooms").ForEach(func(k, r gjson.Result) bool {
		name := r.Get("name").String()
		capacity, description, descriptions := l.roomFacts(fmt.Sprintf("%s.rooms.%d", base, k.Int()), name, r)
		l.addRoom(Room{
			Name:         l.text(name),
			Slug:         r.Get("slug").String(),
			GUID:         r.Get("guid").String(),
			Color:        l.roomColor(colors, name),
			Capacity:     capacity,
			Description:  description,
			Descriptions: descriptions,
		})
		return true
	})
	root.Get("tracks").ForEach(func(k, t gjson.Result) bool {
		c.Tracks = append(c.Tracks, Track{
			Name:  l.text(t.Get("name").String()),
			Slug:  t.Get("slug").String(),
			Color: l.color(fmt.Sprintf("%s.tracks.%d.color", base, k.Int()), "track "+t.Get("name").String(), t.Get("color").String()),
		})
		return true
	})

	if len(days.Array()) == 0 {
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
	numberDays(c)
	c.Venue = l.venue(root.Get("meta.venue"))

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

// isLegacy reports whether a file is in frab's shape before guids (frab
// 0.8 and earlier): no event has a guid, a pretalx code or a date. That
// export wrote its text through an HTML template, entities and all.
func isLegacy(days gjson.Result) bool {
	legacy, seen := true, false
	days.ForEach(func(_, d gjson.Result) bool {
		d.Get("rooms").ForEach(func(_, events gjson.Result) bool {
			events.ForEach(func(_, e gjson.Result) bool {
				seen = true
				if e.Get("guid").Exists() || e.Get("code").Exists() || e.Get("date").Exists() {
					legacy = false
				}
				return legacy
			})
			return legacy
		})
		return legacy
	})
	return legacy && seen
}

// text is a field's text as the app shows it: trimmed, and with HTML
// entities decoded in the legacy frab export, which escaped them.
func (l *loader) text(s string) string {
	s = strings.TrimSpace(s)
	if l.legacy && strings.ContainsRune(s, '&') {
		s = strings.TrimSpace(html.UnescapeString(s))
	}
	return s
}

// numberDays gives the days the indexes 1, 2, … when the file's are not
// distinct positive numbers (old frab counts from "0"): the index names a
// day in the app's URLs.
func numberDays(c *Conference) {
	seen := map[int]bool{}
	ok := true
	for _, d := range c.Days {
		if d.Index < 1 || seen[d.Index] {
			ok = false
		}
		seen[d.Index] = true
	}
	if !ok {
		for i := range c.Days {
			c.Days[i].Index = i + 1
		}
	}
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
	day := Day{Index: int(d.Get("index").Int()), Date: strings.TrimSpace(d.Get("date").String())}
	if !d.Get("index").Exists() {
		day.Index = i + 1
	}
	place := fmt.Sprintf("day %d (%s)", day.Index, day.Date)
	if _, err := time.Parse(time.DateOnly, day.Date); err != nil {
		l.fail(path+".date", place, "date", fmt.Sprintf("%q is not a date (want YYYY-MM-DD)", day.Date))
		return
	}
	var startNaive, endNaive bool
	day.Start, startNaive, _ = l.dateTime(d.Get("day_start").String())
	day.End, endNaive, _ = l.dateTime(d.Get("day_end").String())
	c.Days = append(c.Days, day)
	di := len(c.Days) - 1
	if startNaive {
		l.naive = append(l.naive, naiveTime{day: di})
	}
	if endNaive {
		l.naive = append(l.naive, naiveTime{day: di, end: true})
	}

	rooms := d.Get("rooms")
	if !rooms.IsObject() {
		l.fail(path+".rooms", place, "rooms", "missing: a day lists its events by room")
		return
	}
	var clockOnly, open []*Event
	rooms.ForEach(func(name, events gjson.Result) bool {
		room := l.text(name.String())
		if _, ok := c.rooms[room]; !ok {
			l.addRoom(Room{Name: room, Color: l.roomColor(colors, name.String())})
		}
		j := 0
		events.ForEach(func(_, e gjson.Result) bool {
			ev, how := l.event(fmt.Sprintf("%s.rooms.%s.%d", path, gjson.Escape(name.String()), j), di, room, e)
			if ev != nil && how&clockOnlyStart != 0 {
				clockOnly = append(clockOnly, ev)
			}
			if ev != nil && how&noLength != 0 {
				open = append(open, ev)
			}
			j++
			return true
		})
		return true
	})

	dd := &c.Days[di]
	// A day without a start says nothing of midnight: the events written
	// only as a time of day that start in its small hours, after the
	// longest gap of the day, belong to the next date (old frab).
	if dd.Start.IsZero() && len(clockOnly) > 0 {
		clocks := make([]int, len(clockOnly))
		for k, e := range clockOnly {
			clocks[k] = e.Start.Hour()*60 + e.Start.Minute()
		}
		if cut, ok := NightCut(clocks); ok {
			for k, e := range clockOnly {
				if clocks[k] < cut {
					e.Start, e.End = e.Start.AddDate(0, 0, 1), e.End.AddDate(0, 0, 1)
				}
			}
		}
	}
	EstimateEnds(dd.Events, open)

	// A day without explicit bounds spans its events.
	for _, e := range dd.Events {
		if !d.Get("day_start").Exists() && (dd.Start.IsZero() || e.Start.Before(dd.Start)) {
			dd.Start = e.Start
		}
		if !d.Get("day_end").Exists() && (dd.End.IsZero() || e.End.After(dd.End)) {
			dd.End = e.End
		}
	}
}

// How an event's time was read.
const (
	clockOnlyStart = 1 << iota // a time of day under the day's date
	noLength                   // no usable duration or end: estimated
)

// DefaultLength is how long an event lasts when its source gives no usable
// length and nothing follows it in its room.
const DefaultLength = time.Hour

// EstimateEnds ends each event of open, whose length the source did not
// give, when the next event in one of its rooms starts, at most
// DefaultLength after its start. day holds every event of its day.
func EstimateEnds(day, open []*Event) {
	for _, e := range open {
		end := e.Start.Add(DefaultLength)
		for _, o := range day {
			if o != e && o.Start.After(e.Start) && o.Start.Before(end) && sharesRoom(o, e) {
				end = o.Start
			}
		}
		e.End = end
	}
}

func sharesRoom(a, b *Event) bool {
	for _, r := range a.Rooms {
		if contains(b.Rooms, r) {
			return true
		}
	}
	return false
}

// NightCut reads the start times of one day's events, written only as
// minutes after midnight, and says which belong to the next calendar date:
// those before the returned cut. The day starts after its longest gap; the
// events before that gap are after midnight when the gap is longer than
// the night the day would otherwise have (from its last start to its first
// the next day) and they start before 08:00. A day of 10:00–23:30 and
// 01:00 cuts at 10:00; a day of 09:00 and 22:00 does not cut.
func NightCut(clocks []int) (cut int, ok bool) {
	s := append([]int(nil), clocks...)
	sort.Ints(s)
	if len(s) < 2 {
		return 0, false
	}
	best := 24*60 - s[len(s)-1] + s[0] // the night with nothing moved
	for i := 1; i < len(s); i++ {
		if gap := s[i] - s[i-1]; gap > best && s[i-1] < 8*60 {
			best, cut, ok = gap, s[i], true
		}
	}
	return cut, ok
}

func (l *loader) event(path string, day int, room string, e gjson.Result) (*Event, int) {
	c := l.conf
	ev := &Event{Rooms: []string{room}, Day: day}
	var date, start, end, duration, id string
	var persons, links, attachments, feedback, origin gjson.Result
	var speakers []gjson.Result // lists of people under another name, in the order read
	var others []gjson.Result   // names of fields of people not read as speakers
	var counts []int            // and how many people each held
	e.ForEach(func(k, v gjson.Result) bool {
		switch k.Str {
		case "guid":
			ev.GUID = strings.TrimSpace(v.String())
		case "code":
			ev.Code = strings.TrimSpace(v.String())
		case "id":
			id = strings.TrimSpace(v.String())
		case "date":
			date = strings.TrimSpace(v.String())
		case "start":
			start = strings.TrimSpace(v.String())
		case "end":
			end = strings.TrimSpace(v.String())
		case "duration":
			duration = strings.TrimSpace(v.String())
		case "slug":
			ev.Slug = strings.TrimSpace(v.String())
		case "url":
			ev.URL = v.String()
		case "title":
			ev.Title = l.text(v.String())
		case "subtitle":
			ev.Subtitle = l.text(v.String())
		case "track":
			ev.Track = l.text(v.String())
		case "type":
			ev.Type = l.text(v.String())
		case "language":
			ev.Language = l.text(v.String())
		case "abstract":
			ev.Abstract = l.text(v.String())
		case "description":
			ev.Details = l.text(v.String())
		case "persons":
			persons = v
		case "links":
			links = v
		case "attachments":
			attachments = v
		case "feedback_url":
			feedback = v
		case "origin_url":
			origin = v
		case "do_not_record":
			ev.DoNotRecord = v.Bool()
		case "do_not_stream":
			ev.DoNotStream = v.Bool() // true, or a string such as "true"
		case "recording_license":
			ev.RecordingLicense = strings.TrimSpace(v.String())
		default:
			switch {
			case IsSpeakerField(k.Str):
				speakers = append(speakers, v)
			case checking && IsPeopleField(k.Str) && entries(v) > 0:
				others, counts = append(others, k), append(counts, entries(v))
			}
		}
		return true
	})
	ev.ID = id

	d := c.Days[day]
	place := fmt.Sprintf("day %d (%s), room %q, event %q", d.Index, d.Date, room, ev.Title)
	if !e.IsObject() {
		if checking {
			l.warn(path, place, "", "an event must be an object: left out")
		}
		return nil, 0
	}
	if ev.Key() == "" && id != "" {
		if l.opt.GUID == nil {
			if checking {
				l.warn(path, place+" (id "+id+")", "guid", "missing (only an id): left out; companion import derives a stable guid from the conference and the id")
			}
			return nil, 0
		}
		ev.GUID = l.opt.GUID(c.Acronym, id)
	}
	if ev.Key() != "" {
		place += " (" + ev.Key() + ")"
	}
	if ev.Key() == "" {
		if checking {
			l.warn(path, place, "guid", "missing (and no pretalx code or id): the attendee's stars need a stable identity; left out")
		}
		return nil, 0
	}
	if ev.Title == "" {
		if checking {
			l.warn(path+".title", place, "title", "empty: shown as “Untitled”")
		}
		ev.Title = "Untitled"
	}

	// Start: the date-time, else the day's date and the HH:MM start, which
	// belongs to the next calendar day when it is before the day's start.
	how := 0
	var ok, naive bool
	switch {
	case date != "":
		ev.Start, naive, ok = l.dateTime(date)
		if !ok {
			if start == "" {
				if checking {
					l.warn(path+".date", place, "date", fmt.Sprintf("%q is not a date-time (want e.g. 2023-03-07T09:30:00+01:00): left out", date))
				}
				return nil, 0
			}
			if checking {
				l.warn(path+".date", place, "date", fmt.Sprintf("%q is not a date-time: the start %q on the day's date is used", date, start))
			}
			how = l.clockStart(ev, d, start)
			if how < 0 {
				if checking {
					l.warn(path+".start", place, "start", fmt.Sprintf("%q is not a time of day either: left out", start))
				}
				return nil, 0
			}
		}
	case start != "":
		how = l.clockStart(ev, d, start)
		if how < 0 {
			if checking {
				l.warn(path+".start", place, "start", fmt.Sprintf("%q is not a time of day (want HH:MM): left out", start))
			}
			return nil, 0
		}
	default:
		if checking {
			l.warn(path+".date", place, "date", "missing: an event needs a date-time (or a start time); left out")
		}
		return nil, 0
	}

	startNaive := naive || how&clockOnlyStart != 0 && l.conf.Location == nil
	endRead := false // the end comes from its own field, not from the start
	dur, durOK := parseDuration(duration)
	switch {
	case end != "":
		if t, endNaive, ok := l.dateTime(end); ok && !t.Before(ev.Start) {
			ev.End, endRead = t, true
			if endNaive {
				l.naive = append(l.naive, naiveTime{t: &ev.End})
			}
			break
		}
		if durOK {
			ev.End = ev.Start.Add(dur)
			break
		}
		if checking {
			l.warn(path+".end", place, "end", fmt.Sprintf("%q is not a date-time after the start, and there is no duration: the length is estimated (until the next event in the room, at most %s)", end, hm(DefaultLength)))
		}
		how |= noLength
	case durOK:
		ev.End = ev.Start.Add(dur)
	case duration != "":
		if checking {
			l.warn(path+".duration", place, "duration", fmt.Sprintf("%q is not a duration (want H:MM): the length is estimated (until the next event in the room, at most %s)", duration, hm(DefaultLength)))
		}
		how |= noLength
	default:
		if checking {
			l.warn(path+".duration", place, "duration", fmt.Sprintf("missing: the length is estimated (until the next event in the room, at most %s)", hm(DefaultLength)))
		}
		how |= noLength
	}
	if how&noLength != 0 {
		ev.End = ev.Start.Add(DefaultLength) // settled by EstimateEnds once the day is read
	}
	if startNaive {
		l.naive = append(l.naive, naiveTime{t: &ev.Start})
		if !endRead {
			l.naive = append(l.naive, naiveTime{t: &ev.End})
		}
	} else {
		_, off := ev.Start.Zone()
		l.offsets[off]++
	}

	ev.URL = LinkURL(ev.URL, l.base)
	ev.FeedbackURL = LinkURL(feedback.String(), l.base)
	ev.OriginURL = LinkURL(origin.String(), l.base)
	ev.Persons = l.persons(path+".persons", place, persons)
	// Some generators name the list otherwise ("speakers", "presenters"):
	// read when "persons" gives nobody.
	for _, list := range speakers {
		if len(ev.Persons) > 0 {
			break
		}
		ev.Persons = l.persons(path+".speakers", place, list)
	}
	for i, k := range others {
		l.warn(path+"."+k.Str, place, "persons", UnreadPeopleWarning(k.Str, counts[i]))
	}
	ev.Links = l.appendLinks(nil, path+".links", place, links, "")
	ev.Links = l.appendLinks(ev.Links, path+".attachments", place, attachments, "attachment")

	if prev := c.byKey[ev.Key()]; prev != nil {
		if prev.Title == ev.Title && prev.Start.Equal(ev.Start) {
			// The same event listed in several rooms: a simulcast plenary.
			if !contains(prev.Rooms, room) {
				prev.Rooms = append(prev.Rooms, room)
			}
			return nil, 0
		}
		l.fail(path+".guid", place, "guid", fmt.Sprintf("already used by %q in room %q: guids must be unique (the same guid in several rooms is allowed only for one event shown in all of them)", prev.Title, prev.Room()))
		return nil, 0
	}
	if s := strings.TrimSpace(l.slugs.Get(gjson.Escape(ev.Key())).String()); s != "" && ev.Slug != "" {
		ev.Slug = s // the source's slug, which the format's pattern could not hold
	}
	if ev.Slug == "" || c.bySlug[ev.Slug] != nil {
		if ev.Slug != "" {
			if checking {
				l.warn(path+".slug", place, "slug", fmt.Sprintf("%q is used twice: this event's page uses its guid instead", ev.Slug))
			}
		}
		ev.Slug = ev.Key()
	}
	c.byKey[ev.Key()] = ev
	c.bySlug[ev.Slug] = ev
	c.Days[day].Events = append(c.Days[day].Events, ev)
	return ev, how
}

// clockStart places an event written as a time of day under its day's
// date; it returns clockOnlyStart, or -1 when start is no time of day.
func (l *loader) clockStart(ev *Event, d Day, start string) int {
	clock, err := time.Parse("15:04", start)
	if err != nil {
		if clock, err = time.Parse("15:04:05", start); err != nil {
			return -1
		}
	}
	y, m, dd := mustDate(d.Date)
	switch {
	case !d.Start.IsZero():
		ev.Start = time.Date(y, m, dd, clock.Hour(), clock.Minute(), 0, 0, d.Start.Location())
		if ev.Start.Before(d.Start) {
			ev.Start = ev.Start.AddDate(0, 0, 1)
		}
		return 0
	case l.conf.Location != nil:
		// The zone named (time_zone_name, or -tz) is the zone of the wall
		// clock written: 10:00 in Berlin is 10:00 in Berlin.
		ev.Start = time.Date(y, m, dd, clock.Hour(), clock.Minute(), 0, 0, l.conf.Location)
	default:
		ev.Start = time.Date(y, m, dd, clock.Hour(), clock.Minute(), 0, 0, time.UTC) // settled by settleZone
	}
	return clockOnlyStart
}

func hm(d time.Duration) string {
	if d%time.Hour == 0 {
		return fmt.Sprintf("%d h", d/time.Hour)
	}
	return fmt.Sprintf("%d min", d/time.Minute)
}

// trimSlug is a slug without the dashes and underscores at its ends, which
// the format's slug pattern does not allow.
func trimSlug(s string) string { return strings.Trim(s, "-_") }

// persons reads an event's speakers in every shape seen: frab's {id,
// public_name} (full_public_name before 2014), pretalx's {code, name},
// {first_name, last_name}, or plain strings; a string or name that lists
// several people ("Ada Lovelace, Alan Turing") is read as each of them.
// What cannot be read is left out with a warning that says what it held.
func (l *loader) persons(path, place string, list gjson.Result) []Person {
	var out []Person
	if list.Type == gjson.String {
		for _, n := range l.names(path, place, l.text(list.Str)) {
			out = append(out, Person{Name: n})
		}
		return out
	}
	i := 0
	list.ForEach(func(_, p gjson.Result) bool {
		at := fmt.Sprintf("%s.%d", path, i)
		i++
		if p.Type == gjson.String {
			for _, n := range l.names(at, place, l.text(p.Str)) {
				out = append(out, Person{Name: n})
			}
			return true
		}
		person := Person{
			GUID:         strings.TrimSpace(p.Get("guid").String()),
			Code:         strings.TrimSpace(p.Get("code").String()),
			ID:           strings.TrimSpace(p.Get("id").String()),
			Biography:    strings.TrimSpace(p.Get("biography").String()),
			Organization: l.text(p.Get("organization").String()),
			Position:     l.text(p.Get("position").String()),
			Avatar:       l.avatar(at+".avatar", place, p.Get("avatar")),
		}
		name := ""
		for _, k := range []string{"name", "public_name", "full_public_name", "full_name", "fullName", "display_name", "displayName"} {
			if name = l.text(p.Get(k).String()); name != "" {
				break
			}
		}
		if name == "" {
			first := firstNonEmpty(p.Get("first_name").String(), p.Get("firstName").String())
			last := firstNonEmpty(p.Get("last_name").String(), p.Get("lastName").String())
			name = l.text(first + " " + last)
		}
		if name == "" {
			var fields []string
			p.ForEach(func(k, _ gjson.Result) bool {
				fields = append(fields, k.String())
				return true
			})
			if checking {
				l.warn(at, place, "persons", fmt.Sprintf("a person with no name in a field the loader reads (it has: %s): left out", strings.Join(fields, ", ")))
			}
			return true
		}
		names := l.names(at, place, name)
		if len(names) > 1 {
			// One entry for several people: its id is none of theirs.
			person.GUID, person.Code, person.ID = "", "", ""
		}
		for _, n := range names {
			person.Name = n
			out = append(out, person)
		}
		return true
	})
	return out
}

// entries counts the people a field holds: a list's entries, the names
// in a string, one for an object.
func entries(v gjson.Result) int {
	switch {
	case v.IsArray():
		return len(v.Array())
	case v.Type == gjson.String:
		return len(SplitNames(v.Str))
	case v.IsObject():
		return 1
	}
	return 0
}

// names splits a name that lists several people, with a warning.
func (l *loader) names(path, place, s string) []string {
	names := SplitNames(s)
	if len(names) > 1 {
		if checking {
			l.warn(path, place, "persons", fmt.Sprintf("%q lists %d names: read as %d speakers", s, len(names), len(names)))
		}
	}
	return names
}

// SplitNames reads a speaker entry that lists several people: "Ada
// Lovelace, Alan Turing and Grace Hopper" → three names. Only a comma or
// a semicolon says it is a list; then a last " and " or " & " separates
// too. "Simon & Garfunkel" and "maya / 551724" stay one name each, and so
// does a name followed by a call sign or handle ("Jann Traschewski,
// DG8NGN", FOSDEM 2025): a part that is one word with a digit in it.
func SplitNames(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if !strings.ContainsAny(s, ",;") {
		return []string{s}
	}
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if p = strings.TrimSpace(p); !strings.Contains(p, " ") && strings.ContainsAny(p, "0123456789") {
			return []string{s}
		}
	}
	var out []string
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' })
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if i == len(parts)-1 {
			for _, sep := range []string{"and ", "& ", "und ", "et "} {
				p = strings.TrimSpace(strings.TrimPrefix(p, sep)) // "A, B, and C"
			}
			for _, sep := range []string{" and ", " & ", " und ", " et "} {
				if a, b, ok := strings.Cut(p, sep); ok {
					out = append(out, strings.TrimSpace(a))
					p = strings.TrimSpace(b)
					break
				}
			}
		}
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// appendLinks adds the references in list, each as its source wrote it
// (see LinkURL): only a true relative path is resolved against
// schedule.base_url. A link that cannot be made a URL is left out with a
// warning.
func (l *loader) appendLinks(out []Link, path, place string, list gjson.Result, defaultType string) []Link {
	i := 0
	list.ForEach(func(_, r gjson.Result) bool {
		raw := strings.TrimSpace(r.Get("url").String())
		if r.Type == gjson.String {
			raw = strings.TrimSpace(r.Str)
		}
		at := fmt.Sprintf("%s.%d", path, i)
		i++
		if raw == "" {
			return true
		}
		u := LinkURL(raw, l.base)
		if u == "" {
			why := "is not a URL"
			if l.base == "" {
				why = "is relative and the file has no base_url"
			}
			if checking {
				l.warn(at, place, "links", fmt.Sprintf("%q %s: left out", raw, why))
			}
			return true
		}
		t := strings.TrimSpace(r.Get("type").String())
		if t == "" {
			t = defaultType
		}
		out = append(out, Link{URL: u, Title: l.text(r.Get("title").String()), Type: t})
		return true
	})
	return out
}

// dateTime parses an RFC 3339 date-time. One without an offset is read in
// the conference's zone when it is known; else it is naive: a UTC wall
// clock that settleZone moves to the zone, once all events are read.
func (l *loader) dateTime(s string) (t time.Time, naive, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, false, true
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			if l.conf.Location != nil {
				return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, l.conf.Location), false, true
			}
			return t, true, true
		}
	}
	return time.Time{}, false, false
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
	wall := func(t time.Time) time.Time {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, c.Location)
	}
	for _, nt := range l.naive {
		switch {
		case nt.t != nil:
			*nt.t = wall(*nt.t)
		case nt.end:
			c.Days[nt.day].End = wall(c.Days[nt.day].End)
		default:
			c.Days[nt.day].Start = wall(c.Days[nt.day].Start)
		}
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
