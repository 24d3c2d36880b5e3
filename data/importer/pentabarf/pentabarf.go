// Package pentabarf reads the schedule.xml format of Pentabarf and FOSDEM
// and its frab/c3voc descendant into the app's model.
package pentabarf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"companion/data/export"
	"companion/data/importer/build"
	"companion/data/schedule"
)

// Detect reports whether a document starts like a schedule.xml: an XML
// document whose root element is <schedule>.
func Detect(head []byte) bool {
	// An XML document starts with a tag; without this check a JSON file
	// with "<schedule>" in its first string would pass as XML text.
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '<' {
		return false
	}
	d := xml.NewDecoder(bytes.NewReader(head))
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local == "schedule"
		}
	}
}

// Import reads a Pentabarf, FOSDEM or frab/c3voc schedule.xml document.
// file names the input in error messages.
func Import(file string, r io.Reader, opt build.Options) (*schedule.Conference, error) {
	var doc xmlSchedule
	dec := xml.NewDecoder(r)
	dec.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		if strings.EqualFold(charset, "utf-8") || strings.EqualFold(charset, "us-ascii") {
			return input, nil
		}
		return nil, fmt.Errorf("encoding %q: only UTF-8 is read", charset)
	}
	if err := dec.Decode(&doc); err != nil {
		reason := err.Error()
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			reason = fmt.Sprintf("not valid XML at line %d: %s", se.Line, se.Msg)
		}
		return nil, &schedule.Error{Problems: []schedule.Problem{{File: file, Reason: reason}}}
	}
	im := &importer{Report: build.Report{File: file}, doc: &doc}
	return im.run(opt)
}

type importer struct {
	build.Report
	doc     *xmlSchedule
	loc     *time.Location
	base    string // for relative links: base_url, else the conference's url
	acronym string
}

func (im *importer) run(opt build.Options) (*schedule.Conference, error) {
	doc := im.doc
	conf := doc.Conference
	im.acronym = export.FitAcronym(firstNonEmpty(opt.Acronym, strings.TrimSpace(conf.Acronym), conf.Title, opt.Title))
	title := firstNonEmpty(opt.Title, strings.TrimSpace(conf.Title), im.acronym)
	if im.acronym == "" || im.acronym == "____" {
		im.Fail("schedule/conference/acronym", "conference", "acronym", "missing: name it with -acronym")
	}
	if len(doc.Days) == 0 {
		im.Fail("schedule/day", "conference", "day", "no <day> elements: nothing to show")
	}
	loc, err := im.zone(opt)
	if err != nil {
		im.Fail("schedule/conference/time_zone_name", "conference", "time_zone_name", err.Error())
		loc = time.UTC // the import fails, but the rest is still checked: time.Date panics on nil
	}
	im.loc = loc
	for _, b := range []string{conf.BaseURL, conf.URL} {
		if u, err := url.Parse(strings.TrimSpace(b)); err == nil && u.IsAbs() && u.Host != "" {
			im.base = strings.TrimSpace(b)
			break
		}
	}

	b := build.New(im.acronym, title, loc)
	c := b.Conference()
	c.Version = strings.TrimSpace(doc.Version)
	c.URL = schedule.LinkURL(firstNonEmpty(conf.URL, conf.BaseURL), "")
	c.TimeslotDuration = strings.TrimSpace(conf.TimeslotDuration)
	c.Description = describe(conf)
	c.Venue = schedule.Venue{Name: strings.TrimSpace(conf.Venue), Address: strings.TrimSpace(conf.City)}
	for _, t := range append(doc.Tracks, conf.Tracks...) {
		name := strings.TrimSpace(firstNonEmpty(t.Name, t.Text))
		if name != "" {
			c.Tracks = append(c.Tracks, schedule.Track{Name: name, Slug: t.Slug, Color: t.Color})
		}
	}
	for _, r := range append(doc.Rooms, conf.Rooms...) {
		b.Room(schedule.Room{Name: strings.TrimSpace(r.Name), Slug: r.Slug, GUID: r.GUID})
	}
	for di, d := range doc.Days {
		im.day(b, di, d)
	}
	if err := im.Err(); err != nil {
		return nil, err
	}
	out := b.Finish()
	out.Warnings = im.Warnings
	return out, nil
}

// zone is the conference's zone: the option, else time_zone_name, else the
// offset the first event, or else the first day, is written with. Old
// Pentabarf files write none: their times are read as UTC, with a warning.
func (im *importer) zone(opt build.Options) (*time.Location, error) {
	if loc, err := opt.Location(); loc != nil || err != nil {
		return loc, err
	}
	if name := strings.TrimSpace(im.doc.Conference.TimeZoneName); name != "" {
		loc, err := time.LoadLocation(name)
		if err != nil {
			return nil, fmt.Errorf("unknown time zone %q", name)
		}
		return loc, nil
	}
	offset := func(s string) (*time.Location, bool) {
		t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
		if err != nil {
			return nil, false
		}
		_, off := t.Zone()
		return time.FixedZone("", off), true
	}
	for _, d := range im.doc.Days {
		for _, e := range dayEvents(d) {
			if loc, ok := offset(e.Date); ok {
				return loc, nil
			}
		}
	}
	for _, d := range im.doc.Days {
		if loc, ok := offset(d.Start); ok {
			return loc, nil
		}
	}
	if len(im.doc.Days) > 0 {
		im.Warn("schedule/conference/time_zone_name", "conference", "time_zone_name",
			"no time zone and no offsets: times are read as UTC; name the conference's zone (companion import -tz Europe/Brussels)")
	}
	return time.UTC, nil
}

// dayEvents lists a day's events whether rooms wrap them or not.
func dayEvents(d xmlDay) []xmlEvent {
	out := d.Events
	for _, r := range d.Rooms {
		out = append(out, r.Events...)
	}
	return out
}

func describe(c xmlConference) string {
	var parts []string
	for _, s := range []string{c.Subtitle, c.Venue, c.City} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func (im *importer) day(b *build.Builder, di int, d xmlDay) {
	path := fmt.Sprintf("schedule/day[%d]", di+1)
	place := fmt.Sprintf("day %s (%s)", firstNonEmpty(d.Index, fmt.Sprint(di+1)), d.Date)
	d.Date = strings.TrimSpace(d.Date)
	start, _ := im.dateTime(d.Start)
	end, _ := im.dateTime(d.End)
	if _, err := b.Day(d.Date, start, end); err != nil {
		if n := len(dayEvents(d)); n > 0 {
			im.Warn(path+"/@date", place, "date", fmt.Sprintf("%s: its %d events are left out", err, n))
		}
		return
	}
	bounds := im.bounds(d.Date, start, end)
	var read []readEvent
	for ri, r := range d.Rooms {
		room := strings.TrimSpace(r.Name)
		b.Room(schedule.Room{Name: room, Slug: r.Slug, GUID: r.GUID})
		rpath := fmt.Sprintf("%s/room[%d]", path, ri+1)
		for ei, e := range r.Events {
			if ev, ok := im.event(d.Date, bounds, fmt.Sprintf("%s/event[%d]", rpath, ei+1), place, room, e); ok {
				read = append(read, ev)
			}
		}
	}
	for ei, e := range d.Events {
		if ev, ok := im.event(d.Date, bounds, fmt.Sprintf("%s/event[%d]", path, ei+1), place, strings.TrimSpace(e.Room), e); ok {
			read = append(read, ev)
		}
	}

	// Without any bound on the day, events written only as a time of day
	// in its small hours, after its longest gap, are the next date's
	// (schedule.NightCut), as in the schedule.json of the same era.
	if bounds.start.IsZero() {
		var clocks []int
		var idx []int
		for i, r := range read {
			if r.clockOnly {
				clocks = append(clocks, r.e.Start.Hour()*60+r.e.Start.Minute())
				idx = append(idx, i)
			}
		}
		if cut, ok := schedule.NightCut(clocks); ok {
			for k, i := range idx {
				if clocks[k] < cut {
					read[i].e.Start = read[i].e.Start.AddDate(0, 0, 1)
				}
			}
		}
	}
	var all, open []*schedule.Event
	for _, r := range read {
		all = append(all, r.e)
		if r.open {
			open = append(open, r.e)
		} else {
			r.e.End = r.e.Start.Add(r.length)
		}
	}
	for _, e := range open {
		e.End = e.Start.Add(schedule.DefaultLength)
	}
	schedule.EstimateEnds(all, open)
	for _, r := range read {
		switch out, err := b.Add(d.Date, r.e); {
		case err != nil:
			im.Warn(r.path, r.place, "date", err.Error()+": left out")
		case out == build.Duplicate:
			im.Warn(r.path, r.place, "guid", "its guid is another event's: left out")
		}
	}
}

// readEvent is an event read from a day, before it is added: its length
// is known (or estimated) only once the whole day is read.
type readEvent struct {
	e           *schedule.Event
	length      time.Duration
	open        bool // no usable duration: estimated
	clockOnly   bool // written only as a time of day
	path, place string
}

// dayBounds is when a day runs, for placing the events written only with
// a time of day; zero times when the source does not say.
type dayBounds struct{ start, end time.Time }

// bounds are the day's start and end, or else the day that the conference's
// day_change begins (Pentabarf writes no bounds on days but has that).
func (im *importer) bounds(date string, start, end time.Time) dayBounds {
	if start.IsZero() {
		change, err := time.Parse("15:04:05", strings.TrimSpace(im.doc.Conference.DayChange))
		if err != nil {
			change, err = time.Parse("15:04", strings.TrimSpace(im.doc.Conference.DayChange))
		}
		if day, derr := time.ParseInLocation(time.DateOnly, date, im.loc); err == nil && derr == nil {
			start = time.Date(day.Year(), day.Month(), day.Day(), change.Hour(), change.Minute(), 0, 0, im.loc)
		}
	}
	return dayBounds{start, end}
}

// event reads one event; one bad field costs this event a warning (and,
// for a time that cannot be read, its place in the schedule), never the
// import.
func (im *importer) event(date string, day dayBounds, path, dayPlace, room string, x xmlEvent) (readEvent, bool) {
	title := strings.TrimSpace(x.Title)
	place := fmt.Sprintf("%s, room %q, event %q", dayPlace, room, title)
	if x.GUID != "" {
		place += " (" + strings.TrimSpace(x.GUID) + ")"
	} else if x.ID != "" {
		place += " (id " + strings.TrimSpace(x.ID) + ")"
	}
	e := &schedule.Event{
		GUID:     strings.TrimSpace(x.GUID),
		ID:       strings.TrimSpace(x.ID),
		Code:     strings.TrimSpace(firstNonEmpty(x.Code, x.CodeAttr)),
		Slug:     strings.TrimSpace(x.Slug),
		URL:      schedule.LinkURL(x.URL, im.base),
		Title:    title,
		Subtitle: strings.TrimSpace(x.Subtitle),
		Track:    strings.TrimSpace(x.Track),
		Type:     strings.TrimSpace(x.Type),
		Language: strings.TrimSpace(x.Language),
		Abstract: strings.TrimSpace(x.Abstract),
		Details:  strings.TrimSpace(x.Description),

		FeedbackURL:      schedule.LinkURL(x.FeedbackURL, im.base),
		OriginURL:        schedule.LinkURL(x.OriginURL, im.base),
		DoNotRecord:      strings.EqualFold(strings.TrimSpace(x.Recording.Optout), "true"),
		RecordingLicense: strings.TrimSpace(x.Recording.License),
	}
	read := readEvent{e: e, path: path, place: place}
	if r := strings.TrimSpace(x.Room); r != "" && r != room {
		im.Warn(path+"/room", place, "room", fmt.Sprintf("says %q but is listed under %q: shown in %q", r, room, room))
	}
	if room != "" {
		e.Rooms = []string{room}
	}
	if e.GUID == "" {
		if e.ID == "" {
			im.Warn(path, place, "guid", "no guid and no id: the attendee's stars need a stable identity; left out")
			return read, false
		}
		e.GUID = export.GUID(im.acronym, "event:"+e.ID)
	}
	switch {
	case strings.TrimSpace(x.Date) != "":
		var ok bool
		if e.Start, ok = im.dateTime(x.Date); ok {
			break
		}
		if !im.clockStart(&read, date, day, x.Start) {
			im.Warn(path+"/date", place, "date", fmt.Sprintf("%q is not a date-time (want e.g. 2025-02-01T10:35:00+01:00), nor %q a time of day: left out", x.Date, x.Start))
			return read, false
		}
		im.Warn(path+"/date", place, "date", fmt.Sprintf("%q is not a date-time: the start %q on the day's date is used", x.Date, strings.TrimSpace(x.Start)))
	default:
		if !im.clockStart(&read, date, day, x.Start) {
			im.Warn(path+"/start", place, "start", fmt.Sprintf("%q is not a time of day (want HH:MM): left out", x.Start))
			return read, false
		}
	}
	var ok bool
	if read.length, ok = duration(x.Duration); !ok {
		what := fmt.Sprintf("%q is not a duration (want HH:MM)", strings.TrimSpace(x.Duration))
		if strings.TrimSpace(x.Duration) == "" {
			what = "empty"
		}
		im.Warn(path+"/duration", place, "duration", fmt.Sprintf("%s: the length is estimated (until the next event in the room, at most %d min)", what, schedule.DefaultLength/time.Minute))
		read.open = true
	}
	if e.Title == "" {
		im.Warn(path+"/title", place, "title", "empty: shown as “Untitled”")
		e.Title = "Untitled"
	}
	e.Persons = im.persons(path, place, x)
	if u := schedule.LinkURL(firstNonEmpty(x.Recording.Link, x.Recording.URL), im.base); u != "" {
		e.Links = append(e.Links, schedule.Link{URL: u, Title: "Recording", Type: "media"})
	}
	e.Links = im.links(e.Links, path+"/links", place, x.Links, "")
	e.Links = im.links(e.Links, path+"/attachments", place, x.Attachments, "attachment")
	return read, true
}

// clockStart places an event written as a time of day on its day's date,
// the next morning when that is before the day starts.
func (im *importer) clockStart(read *readEvent, date string, day dayBounds, start string) bool {
	start = strings.TrimSpace(start)
	clock, err := time.Parse("15:04", start)
	if err != nil {
		if clock, err = time.Parse("15:04:05", start); err != nil {
			return false
		}
	}
	d, err := time.ParseInLocation(time.DateOnly, date, im.loc)
	if err != nil {
		return false
	}
	t := time.Date(d.Year(), d.Month(), d.Day(), clock.Hour(), clock.Minute(), 0, 0, im.loc)
	read.e.Start = day.place(t)
	read.clockOnly = true
	return true
}

// persons reads an event's speakers in every shape seen: <person>Name</person>
// (with an id or guid attribute), <person name="…"/>, <person><name>…</name></person>,
// and the lists named otherwise (<speakers><speaker>…</speaker></speakers>,
// presenters, authors, or a <speaker> of its own); an entry that lists
// several people ("Ada Lovelace, Alan Turing") is read as each of them.
// What cannot be read is left out with a warning, and people in elements
// that are not speakers (hosts, moderators…) are counted in one.
func (im *importer) persons(path, place string, x xmlEvent) []schedule.Person {
	list := x.Persons
	for _, other := range [][]xmlPerson{x.Speakers, x.Presenters, x.Authors} {
		if len(list) == 0 {
			list = other
		}
	}
	for _, o := range x.Others {
		switch name := o.XMLName.Local; {
		case len(x.Persons) == 0 && schedule.IsSpeakerField(name):
			list = append(list, o.xmlPerson)
		case schedule.IsPeopleField(name):
			n := len(o.Children)
			if n == 0 {
				n = len(schedule.SplitNames(o.Name))
			}
			if n > 0 {
				im.Warn(path+"/"+name, place, "persons", schedule.UnreadPeopleWarning(name, n))
			}
		}
	}
	var out []schedule.Person
	for i, p := range list {
		at := fmt.Sprintf("%s/persons/person[%d]", path, i+1)
		name := strings.TrimSpace(firstNonEmpty(p.Name, p.NameAttr, p.NameElem, p.PublicName, p.FullPublicName))
		if name == "" {
			im.Warn(at, place, "persons", "a person with no name in a field the importer reads: left out")
			continue
		}
		names := schedule.SplitNames(name)
		person := schedule.Person{ID: strings.TrimSpace(firstNonEmpty(p.ID, p.IDElem)), GUID: strings.TrimSpace(p.GUID)}
		if len(names) > 1 {
			im.Warn(at, place, "persons", fmt.Sprintf("%q lists %d names: read as %d speakers", name, len(names), len(names)))
			person = schedule.Person{} // one entry's id is none of theirs
		}
		for _, n := range names {
			person.Name = n
			out = append(out, person)
		}
	}
	return out
}

func (im *importer) links(out []schedule.Link, path, place string, links []xmlLink, kind string) []schedule.Link {
	for i, l := range links {
		raw := strings.TrimSpace(firstNonEmpty(l.Href, l.URLElem))
		if raw == "" {
			continue
		}
		href := schedule.LinkURL(raw, im.base)
		if href == "" {
			why := "is not a URL"
			if im.base == "" {
				why = "is relative and the file has no base_url"
			}
			im.Warn(fmt.Sprintf("%s/link[%d]", path, i+1), place, "links", fmt.Sprintf("%q %s: left out", raw, why))
			continue
		}
		typ := strings.TrimSpace(firstNonEmpty(l.Type, l.TypeAttr))
		if kind != "" {
			typ = kind
		}
		title := strings.TrimSpace(l.Title)
		if title == "" {
			title = strings.TrimSpace(l.Text)
		}
		out = append(out, schedule.Link{URL: href, Title: title, Type: typ})
	}
	return out
}

// dateTime reads an RFC 3339 date-time, or one without an offset in the
// conference's zone.
func (im *importer) dateTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, im.loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// duration reads "HH:MM" or "HH:MM:SS".
func duration(s string) (time.Duration, bool) {
	parts := strings.Split(strings.TrimSpace(s), ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var d time.Duration
	for i, unit := range []time.Duration{time.Hour, time.Minute, time.Second}[:len(parts)] {
		var n int
		if _, err := fmt.Sscanf(parts[i], "%d", &n); err != nil || n < 0 || n > 10000 {
			return 0, false
		}
		d += time.Duration(n) * unit
	}
	return d, true
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// place moves a time written before the day starts to the next morning
// (the day runs past midnight), unless that is past the day's end: a day
// start written with the wrong offset (39C3 writes 09:00+00:00 for a
// 10:00 Berlin opening) must not push a morning talk a day later.
func (d dayBounds) place(t time.Time) time.Time {
	if d.start.IsZero() || !t.Before(d.start) {
		return t
	}
	next := t.AddDate(0, 0, 1)
	if !d.end.IsZero() && next.After(d.end) {
		return t
	}
	return next
}
