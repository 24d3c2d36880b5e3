package ical_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"companion/app/catalog"
	"companion/app/ical"
	"companion/data/fixtures"
	"companion/data/importer"
	"companion/data/schedule"

	ics "github.com/arran4/golang-ical"
)

func link(e *schedule.Event) string { return "https://companion.example/talk/" + e.Slug }

// The agenda's .ics, read back by a well-kept iCalendar library, event by
// event: identity, times, place, link, text and alarm.
func TestCalendarReadsBackEventByEvent(t *testing.T) {
	c, err := catalog.Get(catalog.Default())
	if err != nil {
		t.Fatal(err)
	}
	var events []*schedule.Event
	for _, e := range c.Events {
		if e.IsSession() {
			events = append(events, e)
		}
	}
	// A talk whose text needs every escape, and a long title in UTF-8.
	tricky := *events[0]
	tricky.GUID = "tricky-guid"
	tricky.Title = "Écrire; lire, et \\ échapper — " + strings.Repeat("données « réelles » ", 6)
	tricky.Abstract = "Line one,\nline two; with \\ backslash."
	tricky.Rooms = []string{"Bleu", "Blanc", "Rouge"}
	events = append(events, &tricky)

	now := time.Date(2023, 3, 1, 12, 0, 0, 0, time.UTC)
	out := ical.Calendar(c, events, ical.Options{Link: link, Alarm: 10 * time.Minute, Now: now})
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > 75 || !utf8.ValidString(line) || strings.Contains(line, "\n") {
			t.Fatalf("line %d is not a folded content line: %q", i, line)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	got := cal.Events()
	if len(got) != len(events) {
		t.Fatalf("%d events read back, %d written", len(got), len(events))
	}
	prop := func(ev *ics.VEvent, p ics.ComponentProperty) string {
		if x := ev.GetProperty(p); x != nil {
			return x.Value
		}
		return ""
	}
	for i, e := range events {
		ev := got[i]
		if ev.Id() != e.Key()+"@"+c.Acronym+".companion" {
			t.Errorf("%s: UID %q", e.Title, ev.Id())
		}
		start, err1 := ev.GetStartAt()
		end, err2 := ev.GetEndAt()
		if err1 != nil || err2 != nil || !start.Equal(e.Start) || !end.Equal(e.End) {
			t.Errorf("%s: %v–%v (%v %v), want %v–%v", e.Title, start, end, err1, err2, e.Start, e.End)
		}
		if !strings.HasSuffix(prop(ev, ics.ComponentPropertyDtStart), "Z") {
			t.Errorf("%s: DTSTART %q is not UTC", e.Title, prop(ev, ics.ComponentPropertyDtStart))
		}
		if s := prop(ev, ics.ComponentPropertySummary); s != e.Title {
			t.Errorf("summary %q, want %q", s, e.Title)
		}
		if l := prop(ev, ics.ComponentPropertyLocation); l != strings.Join(e.Rooms, ", ") {
			t.Errorf("%s: location %q", e.Title, l)
		}
		if u := prop(ev, ics.ComponentPropertyUrl); u != link(e) {
			t.Errorf("%s: URL %q", e.Title, u)
		}
		d := prop(ev, ics.ComponentPropertyDescription)
		for _, p := range e.Persons {
			if !strings.Contains(d, p.Name) {
				t.Errorf("%s: description %q lacks speaker %s", e.Title, d, p.Name)
			}
		}
		if e.Abstract != "" && !strings.Contains(d, strings.TrimSpace(e.Abstract)) {
			t.Errorf("%s: description %q lacks the abstract", e.Title, d)
		}
		if r, ok := e.Replay(); ok && !strings.Contains(d, r.URL) {
			t.Errorf("%s: description lacks the replay", e.Title)
		}
		stamp, err := ev.GetDtStampTime()
		if err != nil || !stamp.Equal(now) {
			t.Errorf("%s: DTSTAMP %v %v", e.Title, stamp, err)
		}
		alarms := ev.Alarms()
		if len(alarms) != 1 {
			t.Fatalf("%s: %d alarms", e.Title, len(alarms))
		}
		a := alarms[0]
		if tr := a.GetProperty(ics.ComponentPropertyTrigger); tr == nil || tr.Value != "-PT10M" {
			t.Errorf("%s: trigger %+v", e.Title, tr)
		}
		if act := a.GetProperty(ics.ComponentPropertyAction); act == nil || act.Value != "DISPLAY" {
			t.Errorf("%s: action %+v", e.Title, act)
		}
		if ad := a.GetProperty(ics.ComponentPropertyDescription); ad == nil || ad.Value != e.Title {
			t.Errorf("%s: alarm description %+v", e.Title, ad)
		}
	}
	if d := prop(got[len(got)-1], ics.ComponentPropertyDescription); !strings.Contains(d, "Line one,\nline two; with \\ backslash.") {
		t.Errorf("tricky description %q", d)
	}
	for _, p := range cal.CalendarProperties {
		if p.IANAToken == "X-WR-TIMEZONE" && p.Value != "Europe/Paris" {
			t.Errorf("X-WR-TIMEZONE %q", p.Value)
		}
	}
}

func TestOneTalkNoAlarmNoLink(t *testing.T) {
	c, _ := catalog.Get(catalog.Default())
	e := c.Events[0]
	out := ical.Calendar(c, []*schedule.Event{e}, ical.Options{Link: func(*schedule.Event) string { return "javascript:alert(1)" }})
	if strings.Contains(out, "VALARM") || strings.Contains(out, "URL:") || strings.Count(out, "BEGIN:VEVENT") != 1 {
		t.Fatalf("%s", out)
	}
	if _, err := ics.ParseCalendar(strings.NewReader(out)); err != nil {
		t.Fatal(err)
	}
}

func TestEscape(t *testing.T) {
	if got := ical.Escape("a,b;c\\d\r\ne\x07"); got != `a\,b\;c\\d\ne` {
		t.Fatalf("%q", got)
	}
}

// A talk in the night after a day is written at its own moment: in the
// conference's zone its date is the next one, not the date of the day the
// schedule lists it under (39C3's talks after midnight).
func TestCalendarAfterMidnight(t *testing.T) {
	const name = "ccc-39c3-preliminary-2025-12-06.c3voc-schedule.xml"
	res, err := importer.Import(importer.Input{Name: name, Data: fixtures.Read(t, name)})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Conference
	var late []*schedule.Event
	for _, e := range c.Events {
		if c.Local(e.Start).Format(time.DateOnly) != c.Days[e.Day].Date {
			late = append(late, e)
		}
	}
	if len(late) != 5 {
		t.Fatalf("%d events after midnight, want 5", len(late))
	}
	cal, err := ics.ParseCalendar(strings.NewReader(ical.Calendar(c, late, ical.Options{Alarm: 5 * time.Minute})))
	if err != nil {
		t.Fatal(err)
	}
	got := cal.Events()
	if len(got) != len(late) {
		t.Fatalf("%d events read back, %d written", len(got), len(late))
	}
	for i, e := range late {
		start, err := got[i].GetStartAt()
		if err != nil || !start.Equal(e.Start) {
			t.Errorf("%s: start %v %v, want %v", e.Title, start, err, e.Start)
		}
		day, _ := time.Parse(time.DateOnly, c.Days[e.Day].Date)
		if own, next := c.Local(start).Format(time.DateOnly), day.AddDate(0, 0, 1).Format(time.DateOnly); own != next {
			t.Errorf("%s: on %s in %s, want %s (listed under %s)", e.Title, own, c.TimeZone, next, c.Days[e.Day].Date)
		}
		if a := got[i].Alarms(); len(a) != 1 || a[0].GetProperty(ics.ComponentPropertyTrigger).Value != "-PT5M" {
			t.Errorf("%s: alarms %+v", e.Title, a)
		}
	}
}
