package ui

import (
	"strconv"
	"strings"
	"time"

	"companion/data/schedule"
)

// Times are shown on the conference's wall clock, whatever zone the phone
// is in: someone at the venue reads the same time as the signs.

func clock(c *schedule.Conference, t time.Time) string {
	return c.Local(t).Format("15:04")
}

func timeRange(c *schedule.Conference, e *schedule.Event) string {
	return clock(c, e.Start) + "–" + clock(c, e.End)
}

// isoTime is the machine-readable form for <time datetime>.
func isoTime(c *schedule.Conference, t time.Time) string {
	return c.Local(t).Format(time.RFC3339)
}

// dayLabel names a day by its date as the data writes it (not by the
// phone's calendar, which may already be on the next day).
func dayLabel(d schedule.Day) string {
	t, err := time.Parse(time.DateOnly, d.Date)
	if err != nil {
		return d.Date
	}
	return t.Format("Monday 2 January 2006")
}

// dateLabel is the calendar date of a moment on the conference's wall
// clock: what goes with a time. A talk at 04:30 in the night after a day
// is on the next date, even though the schedule lists it under that day
// (dayLabel names the day, for grouping). Use it wherever a date is shown
// with a time: talk page, agenda, calendar export, notifications.
func dateLabel(c *schedule.Conference, t time.Time) string {
	return c.Local(t).Format("Monday 2 January 2006")
}

func shortDayLabel(d schedule.Day) string {
	t, err := time.Parse(time.DateOnly, d.Date)
	if err != nil {
		return d.Date
	}
	return t.Format("Mon 2 Jan")
}

func zoneLabel(c *schedule.Conference) string {
	if c.TimeZone != "" {
		return c.TimeZone
	}
	return c.Location.String()
}

var languages = map[string]string{
	"fr": "French", "en": "English", "de": "German", "es": "Spanish",
	"it": "Italian", "nl": "Dutch", "pt": "Portuguese", "cs": "Czech",
}

// languageName turns "fr" into "French"; unknown codes are shown as given.
func languageName(code string) string {
	var names []string
	for _, part := range strings.Split(code, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if n, ok := languages[strings.ToLower(part)]; ok {
			names = append(names, n)
		} else {
			names = append(names, part)
		}
	}
	return strings.Join(names, ", ")
}

// primaryLanguage is the first code of a language field, for lang=.
func primaryLanguage(code string) string {
	code, _, _ = strings.Cut(code, ",")
	return strings.ToLower(strings.TrimSpace(code))
}

func itoa(i int) string { return strconv.Itoa(i) }

// speakerLine is the short list of speakers shown on a card.
func speakerLine(e *schedule.Event) string {
	parts := make([]string, 0, len(e.Persons))
	for _, p := range e.Persons {
		if p.Organization != "" {
			parts = append(parts, p.Name+" ("+p.Organization+")")
		} else {
			parts = append(parts, p.Name)
		}
	}
	return strings.Join(parts, ", ")
}
