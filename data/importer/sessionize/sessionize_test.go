package sessionize_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"companion/data/fixtures"
	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/importer/sessionize"
)

const fixture = "scottish-summit-2026.sessionize-all.json"

var glasgow = build.Options{TimeZone: "Europe/London", Title: "Scottish Summit 2026"}

func TestScottishSummit2026(t *testing.T) {
	src := fixtures.Read(t, fixture)
	if !sessionize.Detect(src[:4096]) {
		t.Error("not detected")
	}
	// Times are the venue's whatever the zone of the machine importing.
	saved := time.Local
	time.Local, _ = time.LoadLocation("America/Los_Angeles")
	defer func() { time.Local = saved }()
	c, err := sessionize.Import(fixture, bytes.NewReader(src), glasgow)
	if err != nil {
		t.Fatal(err)
	}
	back := importertest.Check(t, fixture, c, importertest.Counts{Days: 2, Rooms: 7, Events: 61, Persons: 76})
	if back.Days[0].Date != "2026-10-02" || back.Days[1].Date != "2026-10-03" {
		t.Errorf("days %s, %s", back.Days[0].Date, back.Days[1].Date)
	}
	if _, ok := back.Room("Cap & Thistle (100)"); !ok {
		t.Error(`the room "Cap & Thistle (100)" lost its name`)
	}
	var workshop, keynote, emoji bool
	for _, e := range back.Events {
		if strings.Contains(e.Title, "Gamified Onboarding Agent") {
			workshop = back.Local(e.Start).Format("2006-01-02 15:04 -0700") == "2026-10-02 09:00 +0100" && len(e.Persons) == 3 && e.Track == "Dynamics & Power Platform"
		}
		if e.Title == "Scottish Summit 2026 Keynote" {
			keynote = e.Type == "keynote"
		}
		for _, r := range e.Title {
			if r > 0x2000 {
				emoji = true
			}
		}
	}
	if !workshop || !keynote || !emoji {
		t.Errorf("workshop read right: %v; plenum keynote: %v; a title with an emoji kept: %v", workshop, keynote, emoji)
	}
}

func TestNeedsAZone(t *testing.T) {
	_, err := sessionize.Import(fixture, bytes.NewReader(fixtures.Read(t, fixture)), build.Options{})
	if err == nil || !strings.Contains(err.Error(), "-tz") || !strings.Contains(err.Error(), fixture) {
		t.Errorf("without a zone: %v", err)
	}
	_, err = sessionize.Import("broken.json", strings.NewReader(`{"sessions": [`), glasgow)
	if err == nil || !strings.Contains(err.Error(), "broken.json") {
		t.Errorf("broken JSON: %v", err)
	}
	_, err = sessionize.Import("rooms.json", strings.NewReader(`{"sessions":[{"id":"1","title":"T","startsAt":"2026-10-03T09:00:00","endsAt":"2026-10-03T10:00:00","roomId":42}],"rooms":[]}`), glasgow)
	if err == nil || !strings.Contains(err.Error(), `session "T" (1)`) || !strings.Contains(err.Error(), "roomId") {
		t.Errorf("unknown room: %v", err)
	}
}

func FuzzImport(f *testing.F) {
	f.Add(`{"sessions":[{"id":"1","title":"T 🚀","startsAt":"2026-10-03T09:00:00","endsAt":"2026-10-03T10:00:00","roomId":1,"speakers":["a"],"categoryItems":[2]}],"speakers":[{"id":"a","fullName":"Ann"}],"rooms":[{"id":1,"name":"Cap & Thistle (100)"}],"categories":[{"title":"Track","items":[{"id":2,"name":"Azure"}]}]}`)
	f.Add(`{"sessions":[{"id":"1","startsAt":null}]}`)
	f.Fuzz(func(t *testing.T, doc string) {
		c, err := sessionize.Import("fuzz.json", strings.NewReader(doc), glasgow)
		if err == nil {
			importertest.NoPanic(t, c)
		}
	})
}
