package importer_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"companion/data/export"
	"companion/data/importer"
	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/schedule"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Old frab (0.8): no acronym, guid, date or zone; "HH:MM" under a day's
// date; full_public_name; HTML entities; raw line breaks. It imports, with
// -acronym naming it and -tz the zone its wall clocks are in.
func TestFrab08(t *testing.T) {
	const name = "frab-0.8.schedule.json"
	src := readTestdata(t, name)
	if f, err := importer.Detect(name, src); f != importer.ScheduleJSON {
		t.Fatalf("detected %q, %v", f, err)
	}
	// Without -acronym the conference is named from its title, and a
	// warning says how to name it otherwise.
	res, err := importer.Import(importer.Input{Name: name, Data: src})
	if err != nil {
		t.Fatalf("no acronym: %v", err)
	}
	if res.Conference.Acronym != "hacktellcongress" || len(res.Warnings) == 0 || !strings.Contains(res.Warnings[0].Reason+res.Warnings[1].Reason, "-acronym") {
		t.Errorf("named %q; warnings %v", res.Conference.Acronym, res.Warnings)
	}
	// Without -tz its wall clocks are read as UTC, and a warning says how
	// to name their zone.
	if w := zoneWarning(res.Warnings); w == nil || !strings.Contains(w.Reason, "-tz") || !strings.Contains(w.Reason, "UTC") || w.File != name {
		t.Errorf("no warning that the times have no zone: %v", res.Warnings)
	}

	for _, zone := range []string{"America/Los_Angeles", "Asia/Tokyo"} {
		// The machine importing is anywhere; the times are Hamburg's.
		saved := time.Local
		time.Local, _ = time.LoadLocation(zone)
		res, err := importer.Import(importer.Input{Name: name, Data: src, Options: build.Options{Acronym: "ht2013", TimeZone: "Europe/Berlin"}})
		time.Local = saved
		if err != nil {
			t.Fatal(err)
		}
		if w := zoneWarning(res.Warnings); w != nil {
			t.Errorf("-tz given, yet: %v", w)
		}
		c := importertest.Check(t, name, res.Conference, importertest.Counts{Days: 2, Rooms: 2, Events: 5, Persons: 4})
		if c.Acronym != "ht2013" || c.Title != "Hack & Tell Congress" || c.TimeZone != "Europe/Berlin" || c.TimeslotDuration != "00:15" {
			t.Errorf("conference %q %q zone %q slot %q", c.Acronym, c.Title, c.TimeZone, c.TimeslotDuration)
		}
		if c.Days[0].Index != 1 || c.Days[1].Index != 2 {
			t.Errorf("day indexes %d, %d: want 1, 2 (the file counts from \"0\")", c.Days[0].Index, c.Days[1].Index)
		}
		when := map[string]string{}
		for _, e := range c.Events {
			// Stable guids, derived from the conference and the id as the
			// schedule.xml importer derives them.
			if e.GUID != export.GUID("ht2013", "event:"+e.ID) {
				t.Errorf("%q: guid %s, not derived from its id %s", e.Title, e.GUID, e.ID)
			}
			when[e.Title] = c.Local(e.Start).Format("2006-01-02 15:04 -07:00") + " day " + c.Days[e.Day].Date
		}
		for title, want := range map[string]string{
			"Opening & Welcome":   "2013-12-27 11:00 +01:00 day 2013-12-27",
			"Late talk":           "2013-12-27 23:30 +01:00 day 2013-12-27",
			"After midnight":      "2013-12-28 01:00 +01:00 day 2013-12-27", // the next date, still day 1
			"Workshop <hands-on>": "2013-12-27 14:00 +01:00 day 2013-12-27",
			"Closing":             "2013-12-28 12:00 +01:00 day 2013-12-28",
		} {
			if when[title] != want {
				t.Errorf("machine in %s: %q at %q, want %q", zone, title, when[title], want)
			}
		}
		open := c.EventBySlug("h_t_-_5490_-_en_-_saal_1_-_201312271100_-_opening_event_-_ada")
		if open == nil {
			t.Fatal("the opening is not found by its source slug")
		}
		if open.Abstract != "Say \"hello\" & don't panic.\nSecond line of the abstract, written raw by the template." {
			t.Errorf("abstract %q", open.Abstract)
		}
		if len(open.Persons) != 2 || open.Persons[0].Name != "Ada Example" || open.Persons[1].Name != "Bob & Carol" {
			t.Errorf("persons %+v", open.Persons)
		}
		if len(open.Links) != 1 || open.Links[0].URL != "https://example.org/opening" {
			t.Errorf("links %+v", open.Links)
		}
		if c.Event(export.GUID("ht2013", "event:5493")).Track != "Hardware & Making" {
			t.Error("entities in a track are not decoded")
		}
	}
}

// A file without the fields the overrides name is rescued by them on every
// path: -acronym, -title and -tz are applied before the file is judged.
func TestOverridesRescueEveryPath(t *testing.T) {
	frab := `{"schedule":{"version":"1","conference":{"days":[{"index":1,"date":"2024-05-04",
"rooms":{"Main":[{"guid":"6f1c1d4e-0000-4000-8000-0000000000c1","start":"10:00","duration":"00:30","title":"Talk","persons":[]}]}}]}}}`
	xml := `<schedule><conference><start>2024-05-04</start></conference>
<day index="1" date="2024-05-04"><room name="Main"><event id="1"><start>10:00</start><duration>00:30</duration><title>Talk</title></event></room></day></schedule>`
	sessionize := `{"sessions":[{"id":"1","title":"Talk","startsAt":"2024-05-04T10:00:00","endsAt":"2024-05-04T10:30:00","roomId":1,"speakers":[]}],"speakers":[],"rooms":[{"id":1,"name":"Main"}],"categories":[]}`
	sched := `[{"url":"https://x.sched.com/event/1","title":"Talk","description":"","eventTypes":"Talk","eventDate":"2024-05-04T10:00:00"}]`
	csv := "id,title,speakers,track,level,room,format,start_time,duration_min,language,status,description\nABC,Talk,,,,Main,talk,2024-05-04T10:00:00+02:00,30,en,confirmed,\n"
	for _, tc := range []struct{ name, doc string }{
		{"nameless.json", frab}, {"nameless.xml", xml}, {"nameless.sessionize.json", sessionize},
		{"nameless.sched.json", sched}, {"nameless.csv", csv},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := importer.Import(importer.Input{Name: tc.name, Data: []byte(tc.doc),
				Options: build.Options{Acronym: "rescued2024", Title: "Rescued 2024", TimeZone: "Europe/Paris"}})
			if err != nil {
				t.Fatal(err)
			}
			c := res.Conference
			if c.Acronym != "rescued2024" || c.Title != "Rescued 2024" || c.TimeZone != "Europe/Paris" {
				t.Errorf("%s: acronym %q, title %q, zone %q", res.Format, c.Acronym, c.Title, c.TimeZone)
			}
			if len(c.Events) != 1 || c.Local(c.Events[0].Start).Format("15:04 -07:00") != "10:00 +02:00" {
				t.Errorf("%s: events %v", res.Format, c.Events)
			}
		})
	}
	// -title alone names a schedule.json or schedule.xml that has neither
	// title nor acronym: the acronym is made from it.
	for _, tc := range []struct{ name, doc string }{{"nameless.json", frab}, {"nameless.xml", xml}} {
		res, err := importer.Import(importer.Input{Name: tc.name, Data: []byte(tc.doc), Options: build.Options{Title: "Rescued 2024", TimeZone: "Europe/Paris"}})
		if err != nil {
			t.Fatalf("%s with -title only: %v", tc.name, err)
		}
		if res.Conference.Acronym != "rescued2024" {
			t.Errorf("%s: acronym %q, want rescued2024 from the title", tc.name, res.Conference.Acronym)
		}
	}
}

// zoneWarning is the warning that a file's times have no zone, or nil.
func zoneWarning(ws []schedule.Problem) *schedule.Problem {
	for i, w := range ws {
		if w.Field == "time zone" {
			return &ws[i]
		}
	}
	return nil
}

// A schedule.json that names no zone but gives each event's time with
// its offset needs no -tz: no warning.
func TestNoZoneWarningWithOffsets(t *testing.T) {
	doc := `{"schedule":{"version":"1","conference":{"acronym":"off2024","title":"Offsets","days":[{"index":1,"date":"2024-05-04",
"rooms":{"Main":[{"guid":"6f1c1d4e-0000-4000-8000-0000000000c2","date":"2024-05-04T10:00:00+02:00","start":"10:00","duration":"00:30","title":"Talk","persons":[]}]}}]}}}`
	res, err := importer.Import(importer.Input{Name: "offsets.json", Data: []byte(doc)})
	if err != nil {
		t.Fatal(err)
	}
	if w := zoneWarning(res.Warnings); w != nil {
		t.Errorf("times with offsets, yet: %v", w)
	}
	if got := res.Conference.Local(res.Conference.Events[0].Start).Format("15:04 -07:00"); got != "10:00 +02:00" {
		t.Errorf("the talk at %s", got)
	}
}
