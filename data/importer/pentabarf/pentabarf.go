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
	base    *url.URL
	acronym string
}

func (im *importer) run(opt build.Options) (*schedule.Conference, error) {
	doc := im.doc
	conf := doc.Conference
	im.acronym = export.FitAcronym(firstNonEmpty(opt.Acronym, strings.TrimSpace(conf.Acronym), conf.Title))
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
	if b, err := url.Parse(firstNonEmpty(conf.BaseURL, conf.URL)); err == nil && b.IsAbs() {
		im.base = b
	}

	b := build.New(im.acronym, title, loc)
	c := b.Conference()
	c.Version = strings.TrimSpace(doc.Version)
	c.URL = strings.TrimSpace(firstNonEmpty(conf.URL, conf.BaseURL))
	c.Description = describe(conf)
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
	start, _ := im.dateTime(d.Start)
	end, _ := im.dateTime(d.End)
	if _, err := b.Day(d.Date, start, end); err != nil {
		im.Fail(path+"/@date", place, "date", err.Error())
		return
	}
	bounds := im.bounds(d.Date, start, end)
	for ri, r := range d.Rooms {
		room := strings.TrimSpace(r.Name)
		b.Room(schedule.Room{Name: room, Slug: r.Slug, GUID: r.GUID})
		rpath := fmt.Sprintf("%s/room[%d]", path, ri+1)
		for ei, e := range r.Events {
			im.event(b, d.Date, bounds, fmt.Sprintf("%s/event[%d]", rpath, ei+1), place, room, e)
		}
	}
	for ei, e := range d.Events {
		im.event(b, d.Date, bounds, fmt.Sprintf("%s/event[%d]", path, ei+1), place, strings.TrimSpace(e.Room), e)
	}
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

func (im *importer) event(b *build.Builder, date string, day dayBounds, path, dayPlace, room string, x xmlEvent) {
	title := strings.TrimSpace(x.Title)
	place := fmt.Sprintf("%s, room %q, event %q", dayPlace, room, title)
	if x.GUID != "" {
		place += " (" + x.GUID + ")"
	} else if x.ID != "" {
		place += " (id " + x.ID + ")"
	}
	e := &schedule.Event{
		GUID:     strings.TrimSpace(x.GUID),
		ID:       strings.TrimSpace(x.ID),
		Code:     strings.TrimSpace(x.Code),
		Slug:     strings.TrimSpace(x.Slug),
		URL:      strings.TrimSpace(x.URL),
		Title:    title,
		Subtitle: strings.TrimSpace(x.Subtitle),
		Track:    strings.TrimSpace(x.Track),
		Type:     strings.TrimSpace(x.Type),
		Language: strings.TrimSpace(x.Language),
		Abstract: strings.TrimSpace(x.Abstract),
		Details:  strings.TrimSpace(x.Description),
	}
	if r := strings.TrimSpace(x.Room); r != "" && r != room {
		im.Warn(path+"/room", place, "room", fmt.Sprintf("says %q but is listed under %q: shown in %q", r, room, room))
	}
	if room != "" {
		e.Rooms = []string{room}
	}
	if e.GUID == "" {
		if e.ID == "" {
			im.Fail(path, place, "guid", "no guid and no id: the attendee's stars need a stable identity")
			return
		}
		e.GUID = export.GUID(im.acronym, "event:"+e.ID)
	}
	var ok bool
	switch {
	case strings.TrimSpace(x.Date) != "":
		if e.Start, ok = im.dateTime(x.Date); !ok {
			im.Fail(path+"/date", place, "date", fmt.Sprintf("%q is not a date-time (want e.g. 2025-02-01T10:35:00+01:00)", x.Date))
			return
		}
	default:
		clock, err := time.Parse("15:04", strings.TrimSpace(x.Start))
		if err != nil {
			im.Fail(path+"/start", place, "start", fmt.Sprintf("%q is not a time of day (want HH:MM)", x.Start))
			return
		}
		d, _ := time.ParseInLocation(time.DateOnly, date, im.loc)
		e.Start = time.Date(d.Year(), d.Month(), d.Day(), clock.Hour(), clock.Minute(), 0, 0, im.loc)
		e.Start = day.place(e.Start)
	}
	dur, ok := duration(x.Duration)
	if !ok {
		im.Fail(path+"/duration", place, "duration", fmt.Sprintf("%q is not a duration (want HH:MM)", x.Duration))
		return
	}
	e.End = e.Start.Add(dur)
	if e.Title == "" {
		im.Warn(path+"/title", place, "title", "empty: shown as “Untitled”")
		e.Title = "Untitled"
	}
	for _, p := range x.Persons {
		name := strings.TrimSpace(p.Name)
		if name == "" {
			im.Warn(path+"/persons", place, "persons", "a person has no name: left out")
			continue
		}
		e.Persons = append(e.Persons, schedule.Person{ID: strings.TrimSpace(p.ID), GUID: strings.TrimSpace(p.GUID), Name: name})
	}
	e.Links = im.links(e.Links, x.Links, "")
	e.Links = im.links(e.Links, x.Attachments, "attachment")
	added, err := b.Add(date, e)
	switch {
	case err != nil:
		im.Fail(path, place, "date", err.Error())
	case !added:
		im.Warn(path, place, "guid", "listed twice: kept once")
	}
}

func (im *importer) links(out []schedule.Link, links []xmlLink, kind string) []schedule.Link {
	for _, l := range links {
		href := strings.TrimSpace(l.Href)
		if href == "" {
			continue
		}
		if im.base != nil {
			if ref, err := url.Parse(href); err == nil && !ref.IsAbs() {
				href = im.base.ResolveReference(ref).String()
			}
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
