// Package ical writes the attendee's agenda as an iCalendar file (RFC
// 5545), made in the browser so that it works offline: one VEVENT per
// talk with a UID that stays the same for ever (from the event's guid), the
// room as location, the talk's link and description, and an alarm before
// it so that the phone's calendar reminds.
//
// Times are written in UTC (RFC 5545 form 2): the browser build carries no
// time zone rules to write a VTIMEZONE from, and UTC is exact whatever the
// calendar; X-WR-TIMEZONE names the conference's zone for display.
package ical

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"companion/data/schedule"
)

// Options shape the calendar.
type Options struct {
	// Link is the talk's page (an absolute http(s) URL), or "".
	Link func(*schedule.Event) string
	// Text turns a talk's abstract into plain text.
	Text func(string) string
	// Alarm is how long before a talk the calendar reminds; 0 for none.
	Alarm time.Duration
	// Now stamps the file (DTSTAMP).
	Now time.Time
	// Replay names the replay link in a description ("Replay" if empty):
	// the file is written in the attendee's language.
	Replay string
}

// Calendar writes the events of a conference as an iCalendar file.
func Calendar(c *schedule.Conference, events []*schedule.Event, o Options) string {
	var w writer
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//Conference Companion//Agenda//EN")
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	w.prop("X-WR-CALNAME", c.Title)
	if c.TimeZone != "" {
		w.prop("X-WR-TIMEZONE", c.TimeZone)
	}
	stamp := utc(o.Now)
	for _, e := range events {
		if e == nil || e.Key() == "" {
			continue
		}
		w.line("BEGIN:VEVENT")
		w.prop("UID", UID(c, e))
		w.line("DTSTAMP:" + stamp)
		w.line("DTSTART:" + utc(e.Start))
		w.line("DTEND:" + utc(e.End))
		w.prop("SUMMARY", e.Title)
		if len(e.Rooms) > 0 {
			w.prop("LOCATION", strings.Join(e.Rooms, ", "))
		}
		link := ""
		if o.Link != nil {
			link = o.Link(e)
		}
		if isWebURL(link) {
			w.line("URL:" + link)
		}
		if d := description(e, link, o.Text, o.Replay); d != "" {
			w.prop("DESCRIPTION", d)
		}
		if e.Track != "" {
			w.prop("CATEGORIES", e.Track)
		}
		if o.Alarm > 0 {
			w.line("BEGIN:VALARM")
			w.line("ACTION:DISPLAY")
			w.prop("DESCRIPTION", e.Title)
			w.line("TRIGGER:-" + duration(o.Alarm))
			w.line("END:VALARM")
		}
		w.line("END:VEVENT")
	}
	w.line("END:VCALENDAR")
	return w.String()
}

// UID is the event's identity in calendars: the same talk keeps it across
// exports, schedule updates and app versions, so that importing again
// updates instead of duplicating.
func UID(c *schedule.Conference, e *schedule.Event) string {
	return e.Key() + "@" + c.Acronym + ".companion"
}

func description(e *schedule.Event, link string, text func(string) string, replay string) string {
	var parts []string
	if len(e.Persons) > 0 {
		names := make([]string, len(e.Persons))
		for i, p := range e.Persons {
			names[i] = p.Name
		}
		parts = append(parts, strings.Join(names, ", "))
	}
	abstract := e.Abstract
	if text != nil {
		abstract = text(abstract)
	}
	if abstract = strings.TrimSpace(abstract); abstract != "" {
		parts = append(parts, abstract)
	}
	if r, ok := e.Replay(); ok && isWebURL(r.URL) {
		if replay == "" {
			replay = "Replay"
		}
		parts = append(parts, replay+": "+r.URL)
	}
	if link != "" {
		parts = append(parts, link)
	}
	return strings.Join(parts, "\n\n")
}

func isWebURL(s string) bool {
	return (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) &&
		!strings.ContainsAny(s, "\r\n\t \"<>\\^`{|}")
}

func utc(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// duration writes a positive duration as RFC 5545 dur-value: PT10M.
func duration(d time.Duration) string {
	var b strings.Builder
	b.WriteString("PT")
	if h := int(d / time.Hour); h > 0 {
		b.WriteString(strconv.Itoa(h) + "H")
	}
	if m := int(d % time.Hour / time.Minute); m > 0 || d < time.Minute {
		b.WriteString(strconv.Itoa(m) + "M")
	}
	return b.String()
}

type writer struct{ strings.Builder }

// prop writes a TEXT property, escaped.
func (w *writer) prop(name, value string) { w.line(name + ":" + Escape(value)) }

// line writes a content line folded at 75 octets, never inside a UTF-8
// character, with CRLF.
func (w *writer) line(s string) {
	n := 0
	for len(s) > 0 {
		limit := 75
		if n > 0 {
			limit = 74 // the continuation's leading space counts
			w.WriteString("\r\n ")
		}
		cut := min(limit, len(s))
		for cut < len(s) && cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		s = s[cut:]
		n++
	}
	w.WriteString("\r\n")
}

// Escape writes text as an RFC 5545 TEXT value: backslash, semicolon and
// comma escaped, line breaks as \n, other control characters dropped.
func Escape(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
