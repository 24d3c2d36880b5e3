package sched_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"companion/data/fixtures"
	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/importer/sched"
)

const fixture = "kubecon-eu-2025-london.sched-talks.json"

var london = build.Options{TimeZone: "Europe/London", Title: "KubeCon + CloudNativeCon Europe 2025"}

func TestKubeConEU2025(t *testing.T) {
	src := fixtures.Read(t, fixture)
	if !sched.Detect(src[:2048]) {
		t.Error("not detected")
	}
	c, err := sched.Import(fixture, bytes.NewReader(src), london)
	if err != nil {
		t.Fatal(err)
	}
	// SOURCES.md: 5 days, no rooms, 565 sessions. Speakers are parsed from
	// the titles: 539 distinct names.
	back := importertest.Check(t, fixture, c, importertest.Counts{Days: 5, Rooms: 0, Events: 565, Persons: 539})
	var perDay []int
	for _, d := range back.Days {
		perDay = append(perDay, len(d.Events))
	}
	if got := fmt.Sprint(perDay); got != "[4 87 183 185 106]" {
		t.Errorf("sessions per day %s, want [4 87 183 185 106] (SOURCES.md)", got)
	}
	empty, emoji, roomless := 0, 0, 0
	for _, e := range back.Events {
		if e.Details == "" {
			empty++
		}
		if strings.Contains(e.Track, "🚨") || strings.Contains(e.Track, "⚡") {
			emoji++
		}
		if e.Room() == "" {
			roomless++
		}
	}
	if empty != 24 || emoji == 0 || roomless != 565 {
		t.Errorf("%d empty descriptions (want 24), %d emoji tracks, %d without a room (want 565)", empty, emoji, roomless)
	}
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Reason, "estimated") {
		t.Errorf("the estimated ends must be said once: %v", c.Warnings)
	}
	var cilium bool
	for _, e := range back.Events {
		if strings.HasPrefix(e.Title, "Simplifying the Networking and Security Stack With Cilium") {
			cilium = len(e.Persons) == 4 && e.Persons[1].Name == "Anna Kapuścińska" && e.Persons[1].Organization == "Isovalent at Cisco" &&
				e.Persons[2].Organization == "Google" && back.Local(e.Start).Format("-0700") == "+0100"
		}
	}
	if !cilium {
		t.Error("the Cilium talk's four speakers and organisations are not read from its title")
	}
}

func TestBadInput(t *testing.T) {
	if _, err := sched.Import(fixture, bytes.NewReader(fixtures.Read(t, fixture)), build.Options{}); err == nil || !strings.Contains(err.Error(), "-tz") {
		t.Errorf("without a zone: %v", err)
	}
	_, err := sched.Import("s.json", strings.NewReader(`[{"url":"https://x.sched.com/event/1","title":"T","eventDate":"soon"}]`), london)
	if err == nil || !strings.Contains(err.Error(), "s.json") || !strings.Contains(err.Error(), "eventDate") || !strings.Contains(err.Error(), `"T"`) {
		t.Errorf("bad date: %v", err)
	}
}

func FuzzImport(f *testing.F) {
	src := string(fixtures.Read(f, fixture))
	if i := strings.Index(src[2000:], "},"); i > 0 {
		f.Add(src[:2000+i+1] + "]")
	}
	f.Add(`[{"url":"https://x.sched.com/event/1","title":"T - Ann & Bob, Org; Cy, Role, Org2","eventTypes":"⚡ Lightning Talks","eventDate":"2025-04-02T09:00:00"}]`)
	f.Fuzz(func(t *testing.T, doc string) {
		c, err := sched.Import("fuzz.json", strings.NewReader(doc), london)
		if err == nil {
			importertest.NoPanic(t, c)
		}
	})
}
