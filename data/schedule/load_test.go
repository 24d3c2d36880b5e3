package schedule_test

import (
	"strings"
	"testing"
	"time"

	"companion/data/fixtures"
	"companion/data/schedule"
)

func parseFixture(t *testing.T, name string) *schedule.Conference {
	t.Helper()
	c, err := schedule.Parse(name, string(fixtures.Read(t, name)))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func counts(t *testing.T, c *schedule.Conference, days, rooms, events, persons int) {
	t.Helper()
	if len(c.Days) != days || len(c.Rooms) != rooms || len(c.Events) != events || len(c.Persons()) != persons {
		t.Errorf("%s: %d days, %d rooms, %d events, %d persons; want %d, %d, %d, %d (SOURCES.md)",
			c.Acronym, len(c.Days), len(c.Rooms), len(c.Events), len(c.Persons()), days, rooms, events, persons)
	}
}

// A frab export: persons in frab's shape (id + public_name).
func TestFrabCamp2019(t *testing.T) {
	c := parseFixture(t, "cccamp2019-excerpt.frab-schedule.json")
	counts(t, c, 5, 2, 79, 90)
	if c.TimeZone != "Europe/Berlin" {
		t.Errorf("zone %q", c.TimeZone)
	}
	e := c.EventBySlug("Camp2019-10386-opening_ceremony")
	if e == nil {
		t.Fatal("opening ceremony not found by its slug")
	}
	if got := c.Local(e.Start).Format("2006-01-02 15:04"); got != "2019-08-21 11:00" || e.Room() != "Curie" {
		t.Errorf("opening ceremony at %s in %s", got, e.Room())
	}
	if len(e.Persons) == 0 || e.Persons[0].Name == "" || e.Persons[0].ID == "" {
		t.Errorf("frab persons not read: %+v", e.Persons)
	}
	if c.EventBySlug("camp2019-10386-opening_ceremony") != e {
		t.Error("slugs are found whatever their case (an export lower-cases them)")
	}
}

// A pretalx export: persons with codes; rooms whose names hold "/", ":"
// and umlauts; a room set that changes from day to day.
func TestPretalxRC3(t *testing.T) {
	c := parseFixture(t, "rc3-2020-channels.pretalx-schedule.json")
	counts(t, c, 4, 5, 48, 56)
	want := map[int][]string{
		0: {"Chaos-West TV - Ennepetal", "backspace / franconian.net - Bamberg", "r3s - Monheim/Rhein"},
		3: {"hacc München / about:future - München", "r3s - Monheim/Rhein"},
	}
	for day, rooms := range want {
		got := map[string]bool{}
		for _, e := range c.Days[day].Events {
			got[e.Room()] = true
		}
		if len(got) != len(rooms) {
			t.Errorf("day %d rooms %v, want %v", day+1, got, rooms)
		}
		for _, r := range rooms {
			if !got[r] {
				t.Errorf("day %d: no events in %q", day+1, r)
			}
			if _, ok := c.Room(r); !ok {
				t.Errorf("room %q not listed", r)
			}
		}
	}
	for _, e := range c.Events {
		for _, p := range e.Persons {
			if p.Code == "" || p.Name == "" {
				t.Fatalf("pretalx person without code or name in %q: %+v", e.Title, p)
			}
		}
	}
}

// Real data repeats deprecated numeric ids: identity is the guid.
func TestNonUniqueIDs(t *testing.T) {
	doc := string(fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json"))
	doc = strings.Replace(doc, `"id": 10387`, `"id": 10386`, 1)
	if strings.Count(doc, `"id": 10386`) < 2 {
		t.Fatal("fixture changed: could not duplicate an id")
	}
	c, err := schedule.Parse("camp2019 with a repeated id", doc)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range c.Events {
		if e.ID == "10386" {
			n++
		}
	}
	if n != 2 || len(c.Events) != 79 {
		t.Errorf("%d events with id 10386 among %d, want 2 among 79", n, len(c.Events))
	}
}

// One bad field costs its event a warning (or a default, said), never the
// file; every warning names the file, the event, the field and why.
func TestOneBadFieldCostsOneEvent(t *testing.T) {
	doc := string(fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json"))
	// The duration of the second event, the date of the first.
	at := strings.Index(doc, "97576344-49ba-4fd0-a2e5-9af7923fbffb")
	rest := doc[at:]
	i := strings.Index(rest, `"duration": "`)
	j := strings.Index(rest[i+13:], `"`)
	bad := doc[:at] + rest[:i] + `"duration": "half an hour"` + rest[i+13+j+1:]
	bad = strings.Replace(bad, `"date": "2019-08-21T11:00:00+02:00"`, `"date": "Wednesday"`, 1)
	c, err := schedule.Parse("camp.json", bad)
	if err != nil {
		t.Fatalf("one bad date and one bad duration refuse the file: %v", err)
	}
	// The bad date falls back on the event's "start" under its day's date;
	// the bad duration is estimated.
	opening := c.EventBySlug("Camp2019-10386-opening_ceremony")
	if opening == nil || c.Local(opening.Start).Format("2006-01-02 15:04") != "2019-08-21 11:00" {
		t.Errorf("the event with a bad date: %+v", opening)
	}
	second := c.Event("97576344-49ba-4fd0-a2e5-9af7923fbffb")
	if second == nil || second.Duration() <= 0 || second.Duration() > schedule.DefaultLength {
		t.Fatalf("the event with a bad duration: %+v", second)
	}
	if len(c.Events) != 79 {
		t.Errorf("%d events, want all 79", len(c.Events))
	}
	fields := map[string]bool{}
	for _, p := range c.Warnings {
		if p.File != "camp.json" || !strings.Contains(p.Place, "event \"") || !strings.Contains(p.Place, "day ") || p.Reason == "" {
			t.Errorf("warning lacks a place or reason: %s", p)
		}
		fields[p.Field] = true
		t.Log(p)
	}
	if !fields["duration"] || !fields["date"] {
		t.Errorf("warnings for %v, want date and duration", fields)
	}

	// A date and no start to fall back on: that event is left out, alone.
	noStart := strings.Replace(bad, `"start": "11:00"`, `"start": "eleven"`, 1)
	c, err = schedule.Parse("camp.json", noStart)
	if err != nil || len(c.Events) != 78 || c.EventBySlug("Camp2019-10386-opening_ceremony") != nil {
		t.Errorf("an event with no usable time: %v, %d events", err, len(c.Events))
	}

	_, err = schedule.Parse("broken.json", doc[:2000])
	if err == nil || !strings.Contains(err.Error(), "broken.json") || !strings.Contains(err.Error(), "line ") {
		t.Errorf("truncated JSON: %v", err)
	}
}

func TestGuidUsedByTwoEventsIsAnError(t *testing.T) {
	doc := string(fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json"))
	doc = strings.Replace(doc, "97576344-49ba-4fd0-a2e5-9af7923fbffb", "a0a0fcfe-b7fb-46e3-84b6-97a5406016b4", 1)
	_, err := schedule.Parse("camp.json", doc)
	if err == nil || !strings.Contains(err.Error(), "guid") || !strings.Contains(err.Error(), "Opening Ceremony") {
		t.Errorf("a guid shared by two different events must be an error naming both: %v", err)
	}
}

// Minimal documents for the quirks real exporters produce.
const quirks = `{"schedule":{"version":"1","conference":{"acronym":"quirks","title":"Quirks","time_zone_name":"Europe/Berlin",
"days":[{"index":1,"date":"2025-12-27","day_start":"2025-12-27T10:00:00+01:00","day_end":"2025-12-28T06:00:00+01:00","rooms":{
 "Saal 1":[
  {"guid":"00000000-0000-4000-8000-000000000001","title":"Late night","start":"01:30","duration":"01:00","room":"Saal 1","persons":[{"id":1,"public_name":"Frab Person"},{"code":"ABC","name":"Pretalx Person"}]},
  {"guid":"00000000-0000-4000-8000-000000000002","title":"UTC written","date":"2025-12-27T10:00:00+00:00","duration":"00:30","room":"Saal 1","persons":[]}
 ],
 "":[{"guid":"00000000-0000-4000-8000-000000000003","title":"Nowhere 🚀 in particular","date":"2025-12-27T12:00:00+01:00","duration":"00:30","room":"","abstract":"","persons":[]}]
}}]}}}`

func TestQuirks(t *testing.T) {
	c, err := schedule.Parse("quirks.json", quirks)
	if err != nil {
		t.Fatal(err)
	}
	late := c.Event("00000000-0000-4000-8000-000000000001")
	if got := c.Local(late.Start).Format("2006-01-02 15:04"); got != "2025-12-28 01:30" || late.Day != 0 {
		t.Errorf("an event after midnight belongs to the next date but its day: %s, day %d", got, late.Day)
	}
	if len(late.Persons) != 2 || late.Persons[0].Name != "Frab Person" || late.Persons[1].Name != "Pretalx Person" {
		t.Errorf("persons in frab and pretalx shape: %+v", late.Persons)
	}
	utc := c.Event("00000000-0000-4000-8000-000000000002")
	if got := c.Local(utc.Start).Format("15:04 -07:00"); got != "11:00 +01:00" {
		t.Errorf("a time written in UTC shows as %s, want 11:00 +01:00", got)
	}
	nowhere := c.Event("00000000-0000-4000-8000-000000000003")
	if nowhere.Room() != "" || len(c.Rooms) != 1 || !strings.Contains(nowhere.Title, "🚀") {
		t.Errorf("an event with no room: rooms %v, listed rooms %v", nowhere.Rooms, c.Rooms)
	}
	if c.Events[0] != utc {
		t.Errorf("events by start time: first is %q", c.Events[0].Title)
	}
	if !c.Days[0].End.Equal(time.Date(2025, 12, 28, 6, 0, 0, 0, time.FixedZone("", 3600))) {
		t.Errorf("day end %v", c.Days[0].End)
	}
}

func BenchmarkParseCamp2019(b *testing.B) {
	doc := string(fixtures.Read(b, "cccamp2019-excerpt.frab-schedule.json"))
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if _, err := schedule.Parse("camp", doc); err != nil {
			b.Fatal(err)
		}
	}
}

// Speakers are read in every shape generators write, and what cannot be
// read is left out with a warning that says what it held.
func TestPersonShapes(t *testing.T) {
	doc := `{"schedule":{"version":"1","conference":{"acronym":"shapes","title":"Shapes","time_zone_name":"Europe/Paris",
"days":[{"index":1,"date":"2024-05-04","rooms":{"Main":[
 {"guid":"6f1c1d4e-0000-4000-8000-0000000000e1","date":"2024-05-04T10:00:00+02:00","duration":"00:30","title":" Shapes ","persons":[
  {"id":1,"public_name":" Frab "},{"code":"ABC","name":"Pretalx"},{"id":2,"full_public_name":"Old Frab"},{"first_name":"Given","last_name":"Family"},
  "A String","Ada Lovelace, Alan Turing",{"email":"x@example.org","avatar":"a.png"}]},
 {"guid":"6f1c1d4e-0000-4000-8000-0000000000e2","date":"2024-05-04T11:00:00+02:00","duration":"00:30","title":"Named otherwise","persons":[],
  "speakers":[{"name":"Spoken"}]},
 {"guid":"6f1c1d4e-0000-4000-8000-0000000000e3","date":"2024-05-04T12:00:00+02:00","duration":"00:30","title":"Hosted","persons":[],
  "authors":[{"name":"Written"}],"hosts":[{"name":"Host A"},{"name":"Host B"}],"Moderator":"Mod One, Mod Two","co_hosts":[]}
]}}]}}}`
	c, err := schedule.Parse("shapes.json", doc)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range c.Events {
		for _, p := range e.Persons {
			names = append(names, p.Name)
		}
	}
	if got := strings.Join(names, "|"); got != "Frab|Pretalx|Old Frab|Given Family|A String|Ada Lovelace|Alan Turing|Spoken|Written" {
		t.Errorf("persons %s", got)
	}
	if c.Events[0].Title != "Shapes" {
		t.Errorf("title %q is not trimmed", c.Events[0].Title)
	}
	// People in a field no format uses for speakers are counted, never
	// dropped silently; an empty list is no loss.
	var dropped, split, hosts, moderators int
	for _, w := range c.Warnings {
		switch {
		case strings.Contains(w.Reason, "email, avatar") && strings.Contains(w.Reason, "left out"):
			dropped++
		case strings.Contains(w.Reason, "lists 2 names"):
			split++
		case strings.HasPrefix(w.Reason, `"hosts" holds 2 entries not read as speakers`) && w.Field == "persons":
			hosts++
		case strings.HasPrefix(w.Reason, `"Moderator" holds 2 entries not read as speakers`):
			moderators++
		}
	}
	if dropped != 1 || split != 1 || hosts != 1 || moderators != 1 || len(c.Warnings) != 5 {
		t.Errorf("warnings %v", c.Warnings)
	}
}

// Spaces around a room, a track, a subtitle or a link's title on the JSON
// path are trimmed, as the XML path trims them: " Main " and "Main" are
// one room, one filter, one colour.
func TestWhitespaceTrimmed(t *testing.T) {
	doc := `{"schedule":{"version":"1","conference":{"acronym":" spaces ","title":" Spaces ","time_zone_name":"Europe/Paris",
"rooms":[{"name":" Main "}],
"days":[{"index":1,"date":"2024-05-04","rooms":{" Main ":[
 {"guid":"6f1c1d4e-0000-4000-8000-0000000000f1","date":"2024-05-04T10:00:00+02:00","duration":"00:30","title":" Spaced ","subtitle":" Sub ",
  "track":" Track ","language":" fr ","type":" talk ","persons":[{"public_name":" Ada "}],
  "links":[{"url":" https://example.org/slides ","title":" Slides "}]},
 {"guid":"6f1c1d4e-0000-4000-8000-0000000000f2","date":"2024-05-04T11:00:00+02:00","duration":"00:30","title":"Plain","track":"Track","room":"Main"}
]}}]}}}`
	c, err := schedule.Parse("spaces.json", doc)
	if err != nil {
		t.Fatal(err)
	}
	if c.Acronym != "spaces" || c.Title != "Spaces" {
		t.Errorf("conference %q %q", c.Acronym, c.Title)
	}
	e := c.Events[0]
	got := []string{e.Title, e.Subtitle, e.Track, e.Language, e.Type, strings.Join(e.Rooms, ","), e.Persons[0].Name}
	if len(e.Links) == 1 {
		got = append(got, e.Links[0].Title, e.Links[0].URL)
	}
	want := []string{"Spaced", "Sub", "Track", "fr", "talk", "Main", "Ada", "Slides", "https://example.org/slides"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("read %q, want %q", got, want)
	}
	if c.Events[1].Track != e.Track || strings.Join(c.Events[1].Rooms, ",") != strings.Join(e.Rooms, ",") {
		t.Errorf("a spaced room or track is not the same as the plain one: %q %q", c.Events[1].Track, c.Events[1].Rooms)
	}
}
