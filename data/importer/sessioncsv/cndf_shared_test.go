//go:build sharedfixtures

package sessioncsv_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"companion/data/fixtures"
	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/importer/sessioncsv"
)

// The real Cloud Native Days France 2026 files have no licence: they are
// read from the shared fixtures, by `make test-shared` only. sample_test.go
// tests the same shapes on files of our own in every `make test`.
const (
	sessions = "cloud-native-days-france-2026.sessions.csv"
	speakers = "cloud-native-days-france-2026.speakers.csv"
)

func TestCloudNativeDaysFrance2026(t *testing.T) {
	src := fixtures.Read(t, sessions)
	if !sessioncsv.Detect(src[:1024]) {
		t.Error("not detected")
	}
	c, err := sessioncsv.Import(sessions, bytes.NewReader(src), speakers, bytes.NewReader(fixtures.Read(t, speakers)), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	back := importertest.Check(t, sessions, c, importertest.Counts{Days: 1, Rooms: 4, Events: 51, Persons: 67})
	types := map[string]int{}
	markdown := 0
	for _, e := range back.Events {
		types[e.Type]++
		if strings.Contains(e.Details, "**") || strings.Contains(e.Details, "\n* ") {
			markdown++
		}
	}
	if types["talk"] != 29 || types["lightning"] != 21 || types["keynote"] != 1 {
		t.Errorf("formats %v, want 29 talks, 21 lightning talks, 1 keynote", types)
	}
	if markdown == 0 {
		t.Error("the Markdown in descriptions is not kept verbatim")
	}
	k := back.EventBySlug("keynote-d-ouverture-cloud-native-days-france-2026")
	if k == nil || back.Local(k.Start).Format("15:04 -0700") != "09:00 +0100" || k.Duration().Minutes() != 75 ||
		k.Persons[0].Name != "Jérôme Petazzoni" || k.Persons[0].Organization != "Enix" {
		t.Errorf("keynote %+v", k)
	}
	// Markdown and the quoted newlines kept as written.
	if k != nil && !strings.Contains(k.Details, "Enix).\n\n* **10 PB/s sans exploser le budget") {
		t.Errorf("keynote description not verbatim: %.120q", k.Details)
	}
	if k != nil && k.Code != "GJ89TV" {
		t.Errorf("keynote code %q, want the pretalx code GJ89TV", k.Code)
	}
	var rooms, tracks []string
	for _, r := range back.Rooms {
		rooms = append(rooms, r.Name)
	}
	for _, tr := range back.Tracks {
		tracks = append(tracks, tr.Slug)
	}
	if got := strings.Join(rooms, ","); got != "Monet,Dumas,Piaf,Debussy" {
		t.Errorf("rooms %s, want the order first seen: Monet,Dumas,Piaf,Debussy", got)
	}
	if len(tracks) != 5 || tracks[0] != "autres-sujets-et-crazy-stuff" {
		t.Errorf("track slugs %v", tracks)
	}
}

// Times keep their written offset whatever the zone of the machine.
func TestWallClock(t *testing.T) {
	saved := time.Local
	time.Local, _ = time.LoadLocation("America/Los_Angeles")
	defer func() { time.Local = saved }()
	c, err := sessioncsv.Import(sessions, bytes.NewReader(fixtures.Read(t, sessions)), "", nil, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Local(c.Events[0].Start).Format("2006-01-02 15:04 -0700"); got != "2026-02-03 09:00 +0100" {
		t.Errorf("first session at %s, want 2026-02-03 09:00 +0100", got)
	}
	// With a zone named, the same instants shown in it.
	c, err = sessioncsv.Import(sessions, bytes.NewReader(fixtures.Read(t, sessions)), "", nil, build.Options{TimeZone: "Europe/Paris"})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Local(c.Events[0].Start).Format("15:04 MST"); c.TimeZone != "Europe/Paris" || got != "09:00 CET" {
		t.Errorf("with Europe/Paris: %s %s", c.TimeZone, got)
	}
}

// Without the speakers file, speakers are named by their slugs.
func TestWithoutSpeakersFile(t *testing.T) {
	c, err := sessioncsv.Import(sessions, bytes.NewReader(fixtures.Read(t, sessions)), "", nil, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	importertest.Check(t, sessions, c, importertest.Counts{Days: 1, Rooms: 4, Events: 51, Persons: 67})
}
