package sessionize_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"companion/data/fixtures"
	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/importer/sessionize"
	"companion/data/schedule"
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
	if c.Acronym != "scottishsummit2026" {
		t.Errorf("acronym %q, want scottishsummit2026 from the file name", c.Acronym)
	}
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
			// The one plenum has a roomId: it stays in that room.
			keynote = e.Type == "keynote" && len(e.Rooms) == 1 && e.Room() == "Presidents Suite 1 (150)"
		}
		for _, r := range e.Title {
			if r > 0x2000 {
				emoji = true
			}
		}
	}
	if !workshop || !keynote || !emoji {
		t.Errorf("workshop read right: %v; plenum keynote in its room: %v; a title with an emoji kept: %v", workshop, keynote, emoji)
	}
	var tracks []string
	for _, tr := range back.Tracks {
		tracks = append(tracks, tr.Name+"="+tr.Slug)
	}
	if got := strings.Join(tracks, " "); !strings.Contains(got, "Dynamics & Power Platform=dynamics-power-platform") || len(tracks) != 6 {
		t.Errorf("tracks %s", got)
	}
	// A plain tag line is a position at an organisation; a busy one stays whole.
	people := map[string]string{}
	for _, p := range back.Persons() {
		people[p.Name] = p.Position + "|" + p.Organization
	}
	if people["Aasne Holtklimpen"] != "Senior Architect - Microsoft AI and Compliance Lead | Microsoft Copilot MVP | Microsoft MCT|" {
		t.Errorf("Aasne Holtklimpen: %q", people["Aasne Holtklimpen"])
	}
	var split int
	for _, v := range people {
		if !strings.HasSuffix(v, "|") {
			split++
		}
	}
	if split == 0 {
		t.Error(`no tag line read as "Role at Org"`)
	}
}

// Without the zone, or with bad input, the error names the file and the place.

func TestNeedsAZone(t *testing.T) {
	_, err := sessionize.Import(fixture, bytes.NewReader(fixtures.Read(t, fixture)), build.Options{})
	if err == nil || !strings.Contains(err.Error(), "-tz") || !strings.Contains(err.Error(), fixture) {
		t.Errorf("without a zone: %v", err)
	}
	_, err = sessionize.Import("broken.json", strings.NewReader("{\"sessions\": [\n  {\"id\": 1,}\n]}"), glasgow)
	if err == nil || !strings.Contains(err.Error(), "broken.json") || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("broken JSON: %v", err)
	}
	_, err = sessionize.Import("rooms.json", strings.NewReader(`{"sessions":[{"id":"1","title":"T","startsAt":"2026-10-03T09:00:00","endsAt":"2026-10-03T10:00:00","roomId":42}],"rooms":[]}`), glasgow)
	if err == nil || !strings.Contains(err.Error(), `session "T" (1)`) || !strings.Contains(err.Error(), "roomId") {
		t.Errorf("unknown room: %v", err)
	}
	// Every problem is listed, each with its session.
	_, err = sessionize.Import("many.json", strings.NewReader(`{"sessions":[{"id":"1","title":"A","startsAt":"9am","endsAt":"2026-10-03T10:00:00"},{"id":"2","title":"B","startsAt":"2026-10-03T09:00:00","endsAt":"2026-10-03T10:00:00","roomId":7}],"rooms":[]}`), glasgow)
	var se *schedule.Error
	if !errors.As(err, &se) || len(se.Problems) != 2 || se.Problems[0].Path != "sessions[0].startsAt" || se.Problems[1].Place != `session "B" (2)` {
		t.Errorf("two problems: %v", err)
	}
}

// A plenum without a room is shown in every room, one event.
func TestPlenumWithoutRoom(t *testing.T) {
	c, err := sessionize.Import("p.json", strings.NewReader(`{"sessions":[{"id":"9","title":"Plenum","startsAt":"2026-10-03T09:00:00","endsAt":"2026-10-03T09:10:00","isPlenumSession":true}],"rooms":[{"id":1,"name":"A"},{"id":2,"name":"B"}]}`), glasgow)
	if err != nil {
		t.Fatal(err)
	}
	back := importertest.Check(t, "p.json", c, importertest.Counts{Days: 1, Rooms: 2, Events: 1})
	if e := back.Events[0]; !e.Plenary() || strings.Join(e.Rooms, ",") != "A,B" {
		t.Errorf("plenum in %v", e.Rooms)
	}
}

// seed is the fixture cut to its first three sessions, so the fuzzer
// mutates a real document at a size it can work with.
func seed(f *testing.F) string {
	var doc map[string]any
	if err := json.Unmarshal(fixtures.Read(f, fixture), &doc); err != nil {
		f.Fatal(err)
	}
	doc["sessions"] = doc["sessions"].([]any)[:3]
	doc["speakers"] = doc["speakers"].([]any)[:3]
	b, err := json.Marshal(doc)
	if err != nil {
		f.Fatal(err)
	}
	return string(b)
}

func FuzzImport(f *testing.F) {
	f.Add(`{"sessions":[{"id":"1","title":"T 🚀","startsAt":"2026-10-03T09:00:00","endsAt":"2026-10-03T10:00:00","roomId":1,"speakers":["a"],"categoryItems":[2]}],"speakers":[{"id":"a","fullName":"Ann"}],"rooms":[{"id":1,"name":"Cap & Thistle (100)"}],"categories":[{"title":"Track","items":[{"id":2,"name":"Azure"}]}]}`)
	f.Add(`{"sessions":[{"id":"1","startsAt":null}]}`)
	f.Add(`{"sessions":[{"id":"9","title":"Plenum","startsAt":"2026-10-03T09:00:00","endsAt":"2026-10-03T09:10:00","isPlenumSession":true}],"rooms":[{"id":1,"name":"A"},{"id":2,"name":"B"}]}`)
	f.Add(seed(f))
	f.Fuzz(func(t *testing.T, doc string) {
		c, err := sessionize.Import("fuzz.json", strings.NewReader(doc), glasgow)
		if err == nil {
			importertest.NoPanic(t, c)
		}
	})
}
