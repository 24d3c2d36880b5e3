package ui

import (
	"strconv"
	"strings"
	"time"

	"companion/data/schedule"
)

// Times are shown on the conference's wall clock, whatever zone the phone
// is in: someone at the venue reads the same time as the signs. An
// attendee following from afar may choose the device's zone instead
// (deviceZone); every page then says so.

// local is t on the clock times are shown in.
func local(c *schedule.Conference, t time.Time) time.Time {
	if deviceZone {
		return deviceTime(t)
	}
	return c.Local(t)
}

func clock(c *schedule.Conference, t time.Time) string {
	return uiLang.Clock(local(c, t))
}

func timeRange(c *schedule.Conference, e *schedule.Event) string {
	return clock(c, e.Start) + "–" + clock(c, e.End)
}

// isoTime is the machine-readable form for <time datetime>.
func isoTime(c *schedule.Conference, t time.Time) string {
	return local(c, t).Format(time.RFC3339)
}

// dayLabel names a day by its date as the data writes it (not by the
// phone's calendar, which may already be on the next day).
func dayLabel(d schedule.Day) string {
	t, err := time.Parse(time.DateOnly, d.Date)
	if err != nil {
		return d.Date
	}
	return uiLang.Date(t)
}

// dateLabel is the calendar date of a moment on the shown clock: what
// goes with a time. A talk at 04:30 in the night after a day is on the
// next date, even though the schedule lists it under that day (dayLabel
// names the day, for grouping). Use it wherever a date is shown with a
// time: talk page, agenda, calendar export, notifications.
func dateLabel(c *schedule.Conference, t time.Time) string {
	return uiLang.Date(local(c, t))
}

// shortDate is dateLabel's short form ("Sun 28 Dec"), for lists where a
// date goes with a time.
func shortDate(c *schedule.Conference, t time.Time) string {
	return uiLang.ShortDate(local(c, t))
}

func shortDayLabel(d schedule.Day) string {
	t, err := time.Parse(time.DateOnly, d.Date)
	if err != nil {
		return d.Date
	}
	return uiLang.ShortDate(t)
}

// zoneLabel names the clock times are shown on: "Paris time", or the
// device's ("your time (New York)").
func zoneLabel(c *schedule.Conference) string {
	if deviceZone {
		if z := deviceZoneName(); z != "" {
			return zoneLabelDevice(z)
		}
		return tr("your time")
	}
	return conferenceZoneLabel(c)
}

// zoneLabelDevice names the device's clock after its zone's city.
func zoneLabelDevice(zone string) string {
	return trf("your time (%s)", strings.ReplaceAll(zone[strings.LastIndexByte(zone, '/')+1:], "_", " "))
}

// conferenceZoneLabel names the conference's clock ("Paris time").
func conferenceZoneLabel(c *schedule.Conference) string {
	if c.TimeZone != "" {
		return uiLang.ZoneTime(c.TimeZone)
	}
	return uiLang.ZoneTime(c.Location.String())
}

// languageName turns "fr" into "French" (in the interface's language);
// unknown codes are shown as given.
func languageName(code string) string {
	var names []string
	for _, part := range strings.Split(code, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		names = append(names, uiLang.LanguageName(part))
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
