package sessionize_test

import (
	"bytes"
	"encoding/json"
	"fmt"
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
	pictures := 0
	for _, p := range back.Persons() {
		if strings.HasPrefix(p.Avatar, "https://cdn.sessionize.com/image/") {
			pictures++
		}
	}
	if pictures == 0 {
		t.Error("no speaker kept the picture Sessionize gives (profilePicture)")
	}
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
}

// One bad field costs its session a warning, never the file: an unknown
// room, a start that is no time, an end before the start.
func TestOneBadFieldCostsOneSession(t *testing.T) {
	c, err := sessionize.Import("many.json", strings.NewReader(`{"sessions":[
{"id":"1","title":"A","startsAt":"9am","endsAt":"2026-10-03T10:00:00","roomId":7},
{"id":"2","title":"B","startsAt":"2026-10-03T09:00:00","endsAt":"2026-10-03T10:00:00","roomId":42},
{"id":"3","title":"C","startsAt":"2026-10-03T11:00:00","endsAt":"2026-10-03T10:00:00","roomId":7},
{"id":"4","title":"D","startsAt":"2026-10-03T11:30:00","endsAt":"2026-10-03T12:00:00","roomId":7}],"rooms":[{"id":7,"name":"Hall"}]}`), glasgow)
	if err != nil {
		t.Fatal(err)
	}
	back := importertest.Check(t, "many.json", c, importertest.Counts{Days: 1, Rooms: 1, Events: 3})
	var b, cc *schedule.Event
	for _, e := range back.Events {
		switch e.Title {
		case "B":
			b = e
		case "C":
			cc = e
		}
	}
	if b == nil || b.Room() != "" || cc == nil || cc.Duration() != 30*time.Minute {
		t.Errorf("B (unknown room) %+v; C (end before start, D next at 11:30) %+v", b, cc)
	}
	places := ""
	for _, w := range c.Warnings {
		places += w.Path + " " + w.Place + "; "
	}
	if len(c.Warnings) != 3 || !strings.Contains(places, `sessions[0].startsAt session "A" (1)`) || !strings.Contains(places, `sessions[1].roomId session "B" (2)`) || !strings.Contains(places, `sessions[2].endsAt session "C" (3)`) {
		t.Errorf("warnings: %s", places)
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
	f.Add(`[{"date":"2026-10-03T00:00:00","rooms":[{"id":1,"name":"A","sessions":[{"id":"1","title":"T","startsAt":"2026-10-03T09:00:00","endsAt":"2026-10-03T10:00:00","speakers":[{"id":"s","name":"Ann"}],"categories":[{"id":1,"name":"Track","categoryItems":[{"id":2,"name":"Azure"}]}],"roomId":1,"room":"A"}]}],"timeSlots":[]}]`)
	f.Add(`[{"groupId":null,"groupName":"All","sessions":[{"id":"1","title":"T","startsAt":"2026-10-03T09:00:00","endsAt":"x","speakers":[],"categories":[],"roomId":3,"room":"B"}]}]`)
	f.Fuzz(func(t *testing.T, doc string) {
		c, err := sessionize.Import("fuzz.json", strings.NewReader(doc), glasgow)
		if err == nil {
			importertest.NoPanic(t, c)
		}
	})
}

// views rewrites the "All" fixture as Sessionize writes its other views:
// GridSmart (days → rooms → sessions, and time slots) and Sessions (one
// group), with speakers ({id, name}) and categories ({name, categoryItems})
// inside each session and the room by name and id.
func views(t *testing.T) (grid, groups []byte) {
	var all struct {
		Sessions   []map[string]any `json:"sessions"`
		Speakers   []map[string]any `json:"speakers"`
		Categories []map[string]any `json:"categories"`
		Rooms      []map[string]any `json:"rooms"`
	}
	if err := json.Unmarshal(fixtures.Read(t, fixture), &all); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, s := range all.Speakers {
		names[s["id"].(string)] = s["fullName"].(string)
	}
	type item struct {
		q    string
		id   float64
		name string
	}
	items := map[float64]item{}
	for _, c := range all.Categories {
		for _, it := range c["items"].([]any) {
			m := it.(map[string]any)
			items[m["id"].(float64)] = item{c["title"].(string), m["id"].(float64), m["name"].(string)}
		}
	}
	rooms := map[float64]string{}
	for _, r := range all.Rooms {
		rooms[r["id"].(float64)] = r["name"].(string)
	}
	var inline []map[string]any
	for _, s := range all.Sessions {
		out := map[string]any{}
		for k, v := range s {
			out[k] = v
		}
		var speakers []any
		for _, id := range s["speakers"].([]any) {
			speakers = append(speakers, map[string]any{"id": id, "name": names[id.(string)]})
		}
		out["speakers"] = speakers
		var cats []any
		for _, id := range s["categoryItems"].([]any) {
			it := items[id.(float64)]
			cats = append(cats, map[string]any{"id": 1, "name": it.q, "categoryItems": []any{map[string]any{"id": it.id, "name": it.name}}})
		}
		delete(out, "categoryItems")
		out["categories"] = cats
		if id, ok := s["roomId"].(float64); ok {
			out["room"] = rooms[id]
		}
		inline = append(inline, out)
	}
	byDay := map[string]map[float64][]any{}
	var days []string
	for _, s := range inline {
		day := s["startsAt"].(string)[:10]
		if byDay[day] == nil {
			byDay[day] = map[float64][]any{}
			days = append(days, day)
		}
		id, _ := s["roomId"].(float64)
		byDay[day][id] = append(byDay[day][id], s)
	}
	var gridDays []any
	for _, day := range days {
		var rs []any
		for _, r := range all.Rooms {
			id := r["id"].(float64)
			rs = append(rs, map[string]any{"id": id, "name": r["name"], "sessions": byDay[day][id], "hasOnlyPlenumSessions": false})
		}
		gridDays = append(gridDays, map[string]any{"date": day + "T00:00:00", "isDefault": false, "rooms": rs, "timeSlots": []any{}})
	}
	var err error
	if grid, err = json.Marshal(gridDays); err != nil {
		t.Fatal(err)
	}
	if groups, err = json.Marshal([]any{map[string]any{"groupId": nil, "groupName": "All", "isDefault": true, "sessions": inline}}); err != nil {
		t.Fatal(err)
	}
	return grid, groups
}

// Every Sessionize view with times is read, and each is recognised: the
// same conference from GridSmart or Sessions has the same sessions, times,
// rooms, tracks and speakers as from All.
func TestEveryView(t *testing.T) {
	grid, groups := views(t)
	shown := func(c *schedule.Conference) string {
		var b strings.Builder
		for _, e := range c.Events {
			fmt.Fprintf(&b, "%s %s %s %v %q %q %q|", e.Key(), c.Local(e.Start).Format("01-02 15:04"), c.Local(e.End).Format("15:04"), e.Rooms, e.Title, e.Track, e.Type)
			for _, p := range e.Persons {
				b.WriteString(p.Name + ",")
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	all, err := sessionize.Import(fixture, bytes.NewReader(fixtures.Read(t, fixture)), glasgow)
	if err != nil {
		t.Fatal(err)
	}
	want := shown(all)
	for _, tc := range []struct {
		view string
		doc  []byte
	}{{sessionize.ViewGridSmart, grid}, {sessionize.ViewSessions, groups}} {
		if got := sessionize.View(tc.doc[:min(len(tc.doc), 4096)]); got != tc.view {
			t.Errorf("%s detected as %q", tc.view, got)
		}
		c, err := sessionize.Import("scottish-summit-2026."+tc.view+".json", bytes.NewReader(tc.doc), glasgow)
		if err != nil {
			t.Fatalf("%s: %v", tc.view, err)
		}
		importertest.Check(t, tc.view, c, importertest.Counts{Days: 2, Rooms: 7, Events: 61, Persons: 76})
		if got := shown(c); got != want {
			t.Errorf("%s reads otherwise than All:\n%s", tc.view, firstDiff(want, got))
		}
	}
	if got := sessionize.View(fixtures.Read(t, fixture)[:4096]); got != sessionize.ViewAll {
		t.Errorf("All detected as %q", got)
	}
	// The speakers view has no times: the error says which views to export.
	speakers := `[{"id":"a","firstName":"Ann","lastName":"Example","fullName":"Ann Example","bio":"","tagLine":"Dev","sessions":[]}]`
	if got := sessionize.View([]byte(speakers)); got != sessionize.ViewSpeakers {
		t.Errorf("speakers view detected as %q", got)
	}
	_, err = sessionize.Import("speakers.json", strings.NewReader(speakers), glasgow)
	if err == nil || !strings.Contains(err.Error(), "GridSmart") || !strings.Contains(err.Error(), "no times") {
		t.Errorf("speakers view: %v", err)
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "- " + x + "\n+ " + y
		}
	}
	return ""
}
