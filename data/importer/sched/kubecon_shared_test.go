//go:build sharedfixtures

package sched_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"companion/data/fixtures"
	"companion/data/importer/importertest"
	"companion/data/importer/sched"
)

// The real KubeCon EU 2025 list has no licence: it is read from the shared
// fixtures, by `make test-shared` only. sample_test.go tests the same
// shapes on a file of our own in every `make test`.
const fixture = "kubecon-eu-2025-london.sched-talks.json"

func TestKubeConEU2025(t *testing.T) {
	src := fixtures.Read(t, fixture)
	if !sched.Detect(src[:2048]) {
		t.Error("not detected")
	}
	c, err := sched.Import(fixture, bytes.NewReader(src), london)
	if err != nil {
		t.Fatal(err)
	}
	if c.Acronym != "kccnceu2025" || c.Title != london.Title {
		t.Errorf("acronym %q (want the sched.com host's kccnceu2025), title %q", c.Acronym, c.Title)
	}
	// SOURCES.md: 5 days, no rooms, 565 sessions. Speakers are parsed from
	// the titles: 639 distinct names (see speakers.go).
	back := importertest.Check(t, fixture, c, importertest.Counts{Days: 5, Rooms: 0, Events: 565, Persons: 639})
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
	lengths := map[string]time.Duration{}
	for _, e := range back.Events {
		lengths[e.Title] = e.Duration()
		if strings.HasPrefix(e.Title, "Simplifying the Networking and Security Stack With Cilium") {
			cilium = len(e.Persons) == 4 && e.Persons[1].Name == "Anna Kapuścińska" && e.Persons[1].Organization == "Isovalent at Cisco" &&
				e.Persons[2].Organization == "Google" && back.Local(e.Start).Format("-0700") == "+0100"
		}
	}
	// Ends are estimated from the kind: a full-day co-located event, a
	// tutorial, a keynote.
	if lengths["ArgoCon Hosted by CNCF - Full Day Event | ALL ACCESS PASS REQUIRED"] != 8*time.Hour ||
		lengths["Tutorial: Hacking up a Storm With Kubernetes"] != 75*time.Minute || lengths["Keynote: Closing Remarks"] != 15*time.Minute {
		t.Errorf("estimated lengths: ArgoCon %v, tutorial %v, keynote %v", lengths["ArgoCon Hosted by CNCF - Full Day Event | ALL ACCESS PASS REQUIRED"],
			lengths["Tutorial: Hacking up a Storm With Kubernetes"], lengths["Keynote: Closing Remarks"])
	}
	if !cilium {
		t.Error("the Cilium talk's four speakers and organisations are not read from its title")
	}
}

// Times are London's whatever the zone of the machine importing.
func TestWallClock(t *testing.T) {
	saved := time.Local
	time.Local, _ = time.LoadLocation("America/Los_Angeles")
	defer func() { time.Local = saved }()
	c, err := sched.Import(fixture, bytes.NewReader(fixtures.Read(t, fixture)), london)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range c.Events {
		if e.URL == "https://kccnceu2025.sched.com/event/1tib5/badge-pick-up" {
			if got := c.Local(e.Start).Format("2006-01-02 15:04 MST"); got != "2025-03-31 07:00 BST" {
				t.Errorf("badge pick-up at %s, want 2025-03-31 07:00 BST", got)
			}
			return
		}
	}
	t.Error("badge pick-up not found")
}
