package sessioncsv_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"companion/data/fixtures"
	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/importer/sessioncsv"
	"companion/data/schedule"
)

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

func TestMissingColumn(t *testing.T) {
	_, err := sessioncsv.Import("s.csv", strings.NewReader("id,title,room\nA1,T,Monet\n"), "", nil, build.Options{})
	if err == nil || !strings.Contains(err.Error(), "s.csv") || !strings.Contains(err.Error(), `"start_time"`) {
		t.Errorf("missing column: %v", err)
	}
	// One bad field costs its session a warning, never the file.
	c, err := sessioncsv.Import("s.csv", strings.NewReader("id,title,room,start_time,duration_min\nA1,T,Monet,tomorrow,30\nA2,U,Monet,2026-02-03T09:00:00+01:00,half\nA3,V,Monet,2026-02-03T09:20:00+01:00,30\n"), "", nil, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	back := importertest.Check(t, "s.csv", c, importertest.Counts{Days: 1, Rooms: 1, Events: 2})
	if len(c.Warnings) != 2 || !strings.Contains(c.Warnings[0].String(), "line 2") || c.Warnings[0].Field != "start_time" || c.Warnings[1].Field != "duration_min" {
		t.Errorf("warnings %v", c.Warnings)
	}
	if back.Events[0].Title != "U" || back.Events[0].Duration() != 20*time.Minute {
		t.Errorf("a length that is no number: %q lasts %s, want until the next session (20 min)", back.Events[0].Title, back.Events[0].Duration())
	}
	// A broken quote: the line is named, and the speakers file's missing
	// column too, in one error.
	_, err = sessioncsv.Import("s.csv", strings.NewReader("id,title,start_time,duration_min\nA1,\"T\"x,2026-02-03T09:00:00+01:00,30\n"),
		"sp.csv", strings.NewReader("slug,bio\nx,y\n"), build.Options{})
	var se *schedule.Error
	if !errors.As(err, &se) || len(se.Problems) != 2 || !strings.Contains(se.Problems[0].String(), "s.csv: line 2") ||
		!strings.Contains(se.Problems[1].String(), `sp.csv: line 1: header: field "name"`) {
		t.Errorf("broken quote and missing speaker column: %v", se)
	}
}

func FuzzImport(f *testing.F) {
	head := string(fixtures.Read(f, sessions))
	if i := strings.Index(head, "\nNB"); i > 0 {
		head = head[:i]
	}
	if len(head) > 4096 {
		head = head[:4096]
	}
	f.Add(head, "slug,name,company\npetazzoni,Jérôme,Enix\n")
	f.Add("id,title,start_time,duration_min,speakers\nA,T,2026-02-03T09:00:00+01:00,30,x\n", "")
	f.Add("id,title,start_time,duration_min,room,status\nA,\"T\nx\",2026-02-03T09:00:00,-1,R,cancelled\nB,\"bad\"q,x,y\n", "slug,name\n")
	f.Fuzz(func(t *testing.T, s, sp string) {
		c, err := sessioncsv.Import("fuzz.csv", strings.NewReader(s), "sp.csv", strings.NewReader(sp), build.Options{})
		if err == nil {
			importertest.NoPanic(t, c)
		}
	})
}
