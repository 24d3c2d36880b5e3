package ui

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"companion/app/agenda"
	"companion/app/catalog"
	"companion/data/fixtures"
	"companion/data/importer"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

const ccc39c3 = "ccc-39c3-preliminary-2025-12-06.c3voc-schedule.xml"

func import39C3(t *testing.T) *schedule.Conference {
	t.Helper()
	res, err := importer.Import(importer.Input{Name: ccc39c3, Data: fixtures.Read(t, ccc39c3)})
	if err != nil {
		t.Fatal(err)
	}
	return res.Conference
}

// talkHTML renders an event's talk page, as the server prerenders it.
func talkHTML(t *testing.T, c *schedule.Conference, e *schedule.Event) string {
	t.Helper()
	a, _ := agenda.Open(memoryStorage{}, c.Acronym)
	return app.HTMLString(&talkPage{conf: c, event: e, agenda: a})
}

// A talk in the night after a day is listed under that day, but its page
// gives its own date with its time: 39C3's day 1 is Saturday 27 December
// 2025, and its talks after midnight are on Sunday the 28th.
func TestTalkPageDateAfterMidnight(t *testing.T) {
	c := import39C3(t)
	var late []*schedule.Event
	for _, e := range c.Events {
		if c.Local(e.Start).Format(time.DateOnly) != c.Days[e.Day].Date {
			late = append(late, e)
		}
	}
	if len(late) != 5 {
		t.Fatalf("%d events after midnight, want 5 (SOURCES.md)", len(late))
	}
	for _, e := range late {
		page := flat(talkHTML(t, c, e))
		day := c.Days[e.Day]
		own := c.Local(e.Start).Format("Monday 2 January 2006") + ` · <time datetime="` + isoTime(c, e.Start) + `">` + clock(c, e.Start) + "</time>"
		if !strings.Contains(page, flat(own)) {
			t.Errorf("%q: the page does not say %s", e.Title, own)
		}
		if strings.Contains(page, flat(dayLabel(day)+" · <time")) {
			t.Errorf("%q: the page gives the day's date %s with the time %s", e.Title, day.Date, clock(c, e.Start))
		}
		// The way back is still to the day it is listed under.
		if !strings.Contains(page, flat("← "+shortDayLabel(day)+" schedule")) {
			t.Errorf("%q: no way back to %s", e.Title, day.Date)
		}
	}
	if got := dateLabel(c, late[0].Start) + " / " + dayLabel(c.Days[late[0].Day]); got != "Sunday 28 December 2025 / Saturday 27 December 2025" {
		t.Errorf("the first talk after midnight: %s", got)
	}
}

// The lists that give a date with a time give the event's own date too:
// an overlap's alternatives, the list of changes and the venue page's
// events say "Sun 28 Dec" for a 39C3 talk after midnight, listed under
// Saturday 27 December.
func TestListsDateAfterMidnight(t *testing.T) {
	c := import39C3(t)
	var late, before *schedule.Event
	for _, e := range c.Events {
		switch {
		case late == nil && c.Local(e.Start).Format(time.DateOnly) != c.Days[e.Day].Date:
			late = e
		case before == nil && e.Day == 0 && c.Local(e.Start).Hour() == 11:
			before = e
		}
	}
	if late == nil || before == nil {
		t.Fatal("no talk after midnight, or none at 11:00 on day 1")
	}
	own := shortDate(c, late.Start) + " " + timeRange(c, late)
	if !strings.HasPrefix(own, "Sun 28 Dec ") {
		t.Fatalf("own date %q", own)
	}
	if got := whenLabel(c, late, before); got != own {
		t.Errorf("whenLabel: %q, want %q", got, own)
	}
	if got := whenLabel(c, before, late); !strings.HasPrefix(got, "Sat 27 Dec ") {
		t.Errorf("whenLabel of the day's talk beside the night's: %q", got)
	}
	if got := whenOf(c, late); !strings.HasPrefix(got, own+", ") {
		t.Errorf("whenOf: %q, want %q…", got, own)
	}
	list := app.HTMLString(eventList(c, []*schedule.Event{late}))
	if !strings.Contains(list, "Sun 28 Dec, "+timeRange(c, late)) || strings.Contains(list, "Sat 27 Dec") {
		t.Errorf("eventList: %s", list)
	}
}

// A talk whose speakers opted out of recording says so; one with a
// feedback URL links to it.
func TestTalkPageFeedbackAndNotRecorded(t *testing.T) {
	c := import39C3(t)
	var optedOut, withFeedback *schedule.Event
	for _, e := range c.Events {
		if e.DoNotRecord && optedOut == nil {
			optedOut = e
		}
		if e.FeedbackURL != "" && !e.DoNotRecord && withFeedback == nil {
			withFeedback = e
		}
	}
	if optedOut == nil || withFeedback == nil {
		t.Fatal("39C3 has 6 talks not recorded and 178 with feedback links: none found")
	}
	page := flat(talkHTML(t, c, optedOut))
	if !strings.Contains(page, flat("Not recorded")) {
		t.Errorf("%q is not said to be unrecorded", optedOut.Title)
	}
	page = flat(talkHTML(t, c, withFeedback))
	if !strings.Contains(page, `href=`+strconv.Quote(withFeedback.FeedbackURL)) || !strings.Contains(page, flat("Give feedback on this talk")) {
		t.Errorf("%q: no feedback link to %s", withFeedback.Title, withFeedback.FeedbackURL)
	}
	if strings.Contains(page, flat("Not recorded")) {
		t.Errorf("%q is recorded, but the page says not", withFeedback.Title)
	}
}

// kcdWith is KCD France 2023 with fields set on events by slug, as a
// schedule would give them.
func kcdWith(t *testing.T, set map[string]map[string]any) *schedule.Conference {
	t.Helper()
	doc, _ := catalog.Document(catalog.Default())
	var v map[string]any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	for _, day := range v["schedule"].(map[string]any)["conference"].(map[string]any)["days"].([]any) {
		for _, events := range day.(map[string]any)["rooms"].(map[string]any) {
			for _, e := range events.([]any) {
				ev := e.(map[string]any)
				for k, x := range set[ev["slug"].(string)] {
					ev[k] = x
				}
			}
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	c, err := schedule.Parse("kcd.json", string(b))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A talk its speakers opted out of recording says so and offers no
// replay, even where the data links a recording: not on its page, not
// among the alternatives when it clashes, not in its calendar file. A
// talk only not streamed says that, and keeps its replay.
func TestNotRecordedOffersNoReplay(t *testing.T) {
	const (
		backMarket = "https://www.youtube.com/watch?v=2XghfHsbRtw"
		veepee     = "https://www.youtube.com/watch?v=vD8bVD7-iZo"
	)
	c := kcdWith(t, map[string]map[string]any{
		"portail-developpeur-back-market": {"do_not_record": true},
		"kubernetes-veepee-way":           {"do_not_stream": true},
	})
	bm, vp := c.EventBySlug("portail-developpeur-back-market"), c.EventBySlug("kubernetes-veepee-way")
	if !bm.DoNotRecord || bm.DoNotStream || !vp.DoNotStream || vp.DoNotRecord {
		t.Fatal("do_not_record and do_not_stream were not read")
	}

	page := flat(talkHTML(t, c, bm))
	if !strings.Contains(page, flat("Not recorded: the speakers opted out, there will be no replay")) {
		t.Errorf("%q does not say it is not recorded", bm.Title)
	}
	if strings.Contains(page, backMarket) || strings.Contains(page, flat("Watch the replay")) {
		t.Errorf("%q is not recorded, yet its page offers a replay", bm.Title)
	}
	if !strings.Contains(page, `href="https://backstage.io/"`) {
		t.Errorf("%q lost its other links", bm.Title)
	}
	clash := c.EventBySlug("revolution-ebpf")
	flag := app.HTMLString(conflictFlag(c, bm, []*schedule.Event{clash}, []*schedule.Event{bm, clash}))
	if strings.Contains(flag, backMarket) || strings.Contains(flag, "Watch it later") {
		t.Errorf("the conflict flag offers the replay of a talk not recorded: %s", flag)
	}
	if ics := calendarFile(c, []*schedule.Event{bm}); strings.Contains(ics, "youtube") || strings.Contains(ics, "Replay") {
		t.Errorf("the calendar file gives a replay of a talk not recorded:\n%s", ics)
	}

	page = flat(talkHTML(t, c, vp))
	if !strings.Contains(page, flat("Not streamed")) || strings.Contains(page, flat("Not recorded")) {
		t.Errorf("%q: the page does not say only that it is not streamed", vp.Title)
	}
	if !strings.Contains(page, `href="`+veepee+`"`) {
		t.Errorf("%q is recorded, not streamed: its replay is gone", vp.Title)
	}
	gitops := c.EventBySlug("gitops-gitlab")
	if flag := app.HTMLString(conflictFlag(c, vp, []*schedule.Event{gitops}, []*schedule.Event{vp, gitops})); !strings.Contains(flag, veepee) {
		t.Errorf("the conflict flag of %q, recorded, offers no replay: %s", vp.Title, flag)
	}
}
