package sched_test

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

// The speaker lists at the end of real titles, in each shape they take.
func TestSpeakersInTitles(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"T - Lin Sun, Solo.io & Faseela Kundattil, Ericsson Software Technology", "T: Lin Sun||Solo.io; Faseela Kundattil||Ericsson Software Technology"},
		{"T - Jared Watts & Nic Cope, Upbound", "T: Jared Watts||Upbound; Nic Cope||Upbound"},
		{"T - Natale Vinto, Daniel Oh, Roberto Carratala & Alex Soto Bueno, Red Hat; Hind Azegrouz, Intel",
			"T: Natale Vinto||Red Hat; Daniel Oh||Red Hat; Roberto Carratala||Red Hat; Alex Soto Bueno||Red Hat; Hind Azegrouz||Intel"},
		{"T - Idit Levine, Founder & CEO, Solo.io & Keith Babo, VP of Product, Solo.io", "T: Idit Levine|Founder & CEO|Solo.io; Keith Babo|VP of Product|Solo.io"},
		{"T - Travis Nielsen & Madhu Rajanna, IBM, Artem Torubarov & Deepika Upadhyay, Clyso; Sebastien Han, Red Hat",
			"T: Travis Nielsen||IBM; Madhu Rajanna||IBM; Artem Torubarov||Clyso; Deepika Upadhyay||Clyso; Sebastien Han||Red Hat"},
		{"Signed, Sealed, Delivered - Sign and Verify All the Things - Jeremy Rickard, Microsoft", "Signed, Sealed, Delivered - Sign and Verify All the Things: Jeremy Rickard||Microsoft"},
		{"Loves Security - Maxime Coquerel, Royal Bank of Canada - RBC & Mathieu Benoit, Humanitec", "Loves Security: Maxime Coquerel||Royal Bank of Canada - RBC; Mathieu Benoit||Humanitec"},
		{"T - Evan Anderson, Stacklok, Inc", "T: Evan Anderson||Stacklok, Inc"},
		{"T - Ariel Septon, Maintainer", "T: Ariel Septon|Maintainer|"},
		{"T - Yue Bao, Huawei & yue li, DaoCloud", "T: Yue Bao||Huawei; yue li||DaoCloud"},
		{"T - Arka Saha, VMware by Broadcom & Chun-Hung (Henry) Tseng, Google", "T: Arka Saha||VMware by Broadcom; Chun-Hung (Henry) Tseng||Google"},
		{"T - Shay Berkovich\u200b, Wiz", "T: Shay Berkovich||Wiz"},
		{"Azure Day with Kubernetes London 2025 Hosted by Microsoft - SOLD OUT", "Azure Day with Kubernetes London 2025 Hosted by Microsoft - SOLD OUT:"},
		{"🚨 Contribfest: Kyverno - Let's Automate SecOps With Policy as Code!", "🚨 Contribfest: Kyverno - Let's Automate SecOps With Policy as Code!:"},
	} {
		doc, _ := json.Marshal([]map[string]string{{"url": "https://x.sched.com/event/1", "title": tc.title, "eventDate": "2025-04-02T09:00:00"}})
		c, err := sched.Import("t.json", bytes.NewReader(doc), london)
		if err != nil {
			t.Fatal(err)
		}
		var ps []string
		for _, p := range c.Events[0].Persons {
			ps = append(ps, p.Name+"|"+p.Position+"|"+p.Organization)
		}
		if got := strings.TrimSpace(c.Events[0].Title + ": " + strings.Join(ps, "; ")); got != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.title, got, tc.want)
		}
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

func TestBadInput(t *testing.T) {
	if _, err := sched.Import(fixture, bytes.NewReader(fixtures.Read(t, fixture)), build.Options{}); err == nil || !strings.Contains(err.Error(), "-tz") {
		t.Errorf("without a zone: %v", err)
	}
	// One bad date costs its session a warning, never the file.
	c, err := sched.Import("s.json", strings.NewReader(`[{"url":"https://x.sched.com/event/1","title":"T","eventDate":"soon"},{"url":"https://x.sched.com/event/2","title":"U","eventDate":"2025-04-02T09:00:00"}]`), london)
	if err != nil || len(c.Events) != 1 || len(c.Warnings) < 1 {
		t.Fatalf("bad date: %v", err)
	}
	if w := c.Warnings[0]; w.File != "s.json" || w.Field != "eventDate" || !strings.Contains(w.Place, `"T"`) {
		t.Errorf("bad date: %s", w)
	}
	_, err = sched.Import("b.json", strings.NewReader("[\n {\"url\": \"u\",\n  \"title\": }\n]"), london)
	if err == nil || !strings.Contains(err.Error(), "b.json") || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("broken JSON: %v", err)
	}
	_, err = sched.Import("o.json", strings.NewReader(`{"sessions":[]}`), london)
	if err == nil || !strings.Contains(err.Error(), "o.json") || !strings.Contains(err.Error(), "array") {
		t.Errorf("not an array: %v", err)
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
