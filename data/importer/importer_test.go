package importer_test

import (
	"os"
	"strings"
	"testing"

	"companion/data/fixtures"
	"companion/data/importer"
	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/schedule"
)

// fixture is a real schedule and what importing it must give.
type fixture struct {
	file, speakers string
	format         importer.Format
	opt            build.Options
	want           importertest.Counts
}

// Every fixture carried in the repository: its format detected, imported,
// valid against the schema and with the counts SOURCES.md gives. Those
// without a licence are in shared_test.go (make test-shared).
func TestEveryFixture(t *testing.T) {
	testFixtures(t, []fixture{
		{"fosdem-2025.pentabarf-schedule.xml", "", importer.ScheduleXML, build.Options{}, importertest.Counts{Days: 2, Rooms: 40, Events: 943, Persons: 994}}, // 992 person ids, one of them three people
		{"ccc-39c3-preliminary-2025-12-06.c3voc-schedule.xml", "", importer.ScheduleXML, build.Options{}, importertest.Counts{Days: 4, Rooms: 14, Events: 215, Persons: 263}},
		{"cccamp2019-excerpt.frab-schedule.json", "", importer.ScheduleJSON, build.Options{}, importertest.Counts{Days: 5, Rooms: 2, Events: 79, Persons: 90}},
		{"rc3-2020-channels.pretalx-schedule.json", "", importer.ScheduleJSON, build.Options{}, importertest.Counts{Days: 4, Rooms: 5, Events: 48, Persons: 56}},
		{"scottish-summit-2026.sessionize-all.json", "", importer.Sessionize, build.Options{TimeZone: "Europe/London"}, importertest.Counts{Days: 2, Rooms: 7, Events: 61, Persons: 76}},
	})
}

func testFixtures(t *testing.T, fixtures []fixture) {
	for _, tc := range fixtures {
		t.Run(tc.file, func(t *testing.T) {
			in := importer.Input{Name: tc.file, Data: readFixture(t, tc.file), Options: tc.opt}
			if tc.speakers != "" {
				in.SpeakersName, in.Speakers = tc.speakers, readFixture(t, tc.speakers)
			}
			if f, err := importer.Detect(in.Name, in.Data); f != tc.format {
				t.Errorf("detected %q (%v), want %q", f, err, tc.format)
			}
			res, err := importer.Import(in)
			if err != nil {
				t.Fatal(err)
			}
			importertest.Check(t, tc.file, res.Conference, tc.want)
			// Import → export → import is stable: the export imports to itself.
			again, err := importer.Import(importer.Input{Name: "again.json", Data: res.JSON})
			if err != nil {
				t.Fatal(err)
			}
			if string(again.JSON) != string(res.JSON) {
				t.Errorf("importing the export writes something else")
			}
		})
	}
}

// readFixture reads a real schedule, or one of the small files written for
// an importer's tests (a path under data/importer).
func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	if strings.Contains("/"+name, "/testdata/") {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	return fixtures.Read(t, name)
}

// The importers' own samples go through Detect and Import too.
func TestEverySample(t *testing.T) {
	testFixtures(t, []fixture{
		{"sched/testdata/harbourcon-2025.sched-talks.json", "", importer.Sched, build.Options{TimeZone: "Europe/London"}, importertest.Counts{Days: 3, Rooms: 0, Events: 33, Persons: 27}},
		{"sessioncsv/testdata/jcnr-2026.sessions.csv", "sessioncsv/testdata/jcnr-2026.speakers.csv", importer.SessionCSV, build.Options{}, importertest.Counts{Days: 1, Rooms: 4, Events: 12, Persons: 8}},
		{"testdata/frab-0.8.schedule.json", "", importer.ScheduleJSON, build.Options{Acronym: "ht2013", TimeZone: "Europe/Berlin"}, importertest.Counts{Days: 2, Rooms: 2, Events: 5, Persons: 4}},
	})
}

// A file in no known format: the error says what it looks like, lists
// every format import reads, and how to get one — not only the first
// field it lacks.
func TestUnknownFormat(t *testing.T) {
	for _, tc := range []struct{ name, doc, looks string }{
		{"notes.txt", "hello", "not JSON"},
		{"talks.json", `{"talks":[{"name":"A talk","at":"10:00"}],"speakers":[]}`, "an object with the keys talks, speakers"},
		{"list.json", `[{"name":"A talk","at":"10:00"}]`, "a list of 1 objects, the first with the keys name, at"},
		{"half.json", `{"schedule":{"version":"1","events":[]}}`, `no "schedule.conference" (it has the keys version, events)`},
	} {
		_, err := importer.Import(importer.Input{Name: tc.name, Data: []byte(tc.doc)})
		if err == nil {
			t.Errorf("%s imported", tc.name)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tc.name) || !strings.Contains(msg, tc.looks) || !strings.Contains(msg, "/schedule/export/schedule.json") {
			t.Errorf("%s: %s", tc.name, msg)
		}
		for _, f := range importer.Formats() {
			if !strings.Contains(msg, string(f)) {
				t.Errorf("%s: the error does not name %s:\n%s", tc.name, f, msg)
			}
		}
	}
}

// The app's loader on a FOSDEM-size schedule (943 events): what a phone
// pays, natively here, once per conference opened (the browser harness,
// BenchmarkBrowserFOSDEMDaySwitch, measures the page itself).
func BenchmarkLoadFOSDEM(b *testing.B) {
	res, err := importer.Import(importer.Input{Name: "fosdem", Data: fixtures.Read(b, "fosdem-2025.pentabarf-schedule.xml")})
	if err != nil {
		b.Fatal(err)
	}
	doc := string(res.JSON)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if _, err := schedule.Parse("fosdem2025.json", doc); err != nil {
			b.Fatal(err)
		}
	}
}
