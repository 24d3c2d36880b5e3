package sched_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/importer/sched"
)

// sample is a sched.com session list written for these tests, in the
// shape of the real KubeCon one (which has no licence and stays out of
// the repository): HarbourCon 2025 is made up, its sessions and speakers
// too. It has what the real list has that the importer must handle:
// speakers at the end of titles in every shape, emoji event types, breaks
// and registration, co-located full and half days, tutorials, a
// Contribfest, keynotes with positions, empty descriptions, Markdown, and
// a change to summer time between two days.
const sample = "harbourcon-2025.sched-talks.json"

var harbour = build.Options{TimeZone: "Europe/London", Title: "HarbourCon 2025"}

func readSample(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + sample)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSample(t *testing.T) {
	src := readSample(t)
	if !sched.Detect(src[:2048]) {
		t.Error("not detected")
	}
	c, err := sched.Import(sample, bytes.NewReader(src), harbour)
	if err != nil {
		t.Fatal(err)
	}
	if c.Acronym != "harbourcon2025" || c.Title != harbour.Title || c.URL != "https://harbourcon2025.sched.com/" {
		t.Errorf("acronym %q (want the sched.com host's harbourcon2025), title %q, url %q", c.Acronym, c.Title, c.URL)
	}
	back := importertest.Check(t, sample, c, importertest.Counts{Days: 3, Rooms: 0, Events: 33, Persons: 27})
	var perDay []int
	for _, d := range back.Days {
		perDay = append(perDay, len(d.Events))
	}
	if got := fmt.Sprint(perDay); got != "[5 22 6]" {
		t.Errorf("sessions per day %s, want [5 22 6]", got)
	}
	empty, emoji, roomless := 0, 0, 0
	types := map[string]int{}
	for _, e := range back.Events {
		types[e.Type]++
		if e.Details == "" {
			empty++
		}
		if strings.ContainsAny(e.Track, "🚨⚡🪧") {
			emoji++
		}
		if e.Room() == "" {
			roomless++
		}
	}
	if empty != 12 || emoji != 4 || roomless != 33 {
		t.Errorf("%d empty descriptions (want 12), %d emoji tracks (want 4), %d without a room (want 33)", empty, emoji, roomless)
	}
	if got := fmt.Sprint(types); got != "map[break:3 keynote:5 lightning:2 registration:4 talk:19]" {
		t.Errorf("types %s", got)
	}
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Reason, "estimated") || !strings.Contains(c.Warnings[0].Reason, "33 sessions") {
		t.Errorf("the estimated ends must be said once: %v", c.Warnings)
	}

	lengths := map[string]time.Duration{}
	speakers := map[string]string{}
	for _, e := range back.Events {
		lengths[e.Title] = e.Duration()
		var ps []string
		for _, p := range e.Persons {
			ps = append(ps, p.Name+"|"+p.Position+"|"+p.Organization)
		}
		if len(ps) > 0 {
			speakers[e.Title] = strings.Join(ps, "; ")
		}
	}
	// Ends are estimated from the kind.
	for title, want := range map[string]time.Duration{
		"StorageCon Hosted by CNCF - Full Day Event | ALL ACCESS PASS REQUIRED":                       8 * time.Hour,
		"Edge Day Hosted by the Example Foundation - Half Day Event | SEPARATE REGISTRATION REQUIRED": 4 * time.Hour,
		"Tutorial: Build Your First Operator in 75 Minutes":                                           75 * time.Minute,
		"🚨 Contribfest: Lanternfish - Let's Make the Tests Less Flaky!":                               75 * time.Minute,
		"Keynote: Closing Remarks":               15 * time.Minute,
		"Five Things I Wish I Knew About Helm":   5 * time.Minute,
		"Coffee Break ☕":                         30 * time.Minute,
		"Debugging DNS at 3 a.m.: A Field Guide": 30 * time.Minute,
	} {
		if lengths[title] != want {
			t.Errorf("%s lasts %v, want %v", title, lengths[title], want)
		}
	}
	// Every speaker list, read from the titles.
	want := map[string]string{
		"Keynote: Ten Years of Clusters at a Public Library":         "Margit Halvorsen|Principal Engineer|Oslo Public Library",
		"Sponsored Keynote: Shipping Faster Without Breaking Things": "Priya Raman|Chief Technology Officer|Tidewater Systems",
		"Debugging DNS at 3 a.m.: A Field Guide":                     "Tomás Ferreira||Northwind Cloud",
		"From Cron Jobs to Workflows":                                "Lena Brandt||Quayside Labs; Yusuf Demir||Quayside Labs",
		"Signed, Sealed, Shipped - Provenance for Every Image":       "Aiko Tanaka||Kestrel Security",
		"Tutorial: Build Your First Operator in 75 Minutes":          "Olga Petrenko||Fernwood Software; Marcus Webb||Fernwood Software; Chen Wei||Independent",
		"Autoscaling on a Budget":                                    "Sofia Marchetti||Bank of Alba - BOA; Daniel Okafor||Lumen Grid",
		"Observability for the Rest of Us":                           "Hannah O'Neill||Stackhouse, Inc",
		"Five Things I Wish I Knew About Helm":                       "Ravi Kumar|Maintainer|",
		"YAML Is a Programming Language Now?":                        "Noor Haddad||Bluefin Data",
		"CANCELED: Running Databases on Spot Nodes":                  "Ines Duarte||Quayside Labs",
		"Multi-Tenant Clusters Without Tears":                        "Femi Adeyemi||Greyhaven Networks; Ada Novak||Greyhaven Networks; Jonas Lindqvist||Greyhaven Networks",
		"Carbon-Aware Scheduling in Practice":                        "Ada Novak||Greyhaven Networks",
		"Scaling Consumers Without Rebalancing Storms":               "Bao Yue||Huatai Cloud; li na||Redwood Digital",
		"Policy as Code in Anger":                                    "Grace Whitfield||Copperleaf",
		"Chaos Engineering for Toasters":                             "Wen-Li (Wendy) Zhou||Brightwater",
		"Lanternfish Project Update":                                 "Kairo de Souza||Lanternfish Project; Pia Lindgren||Lanternfish Project",
		"Open Source Sustainability Panel":                           "Ruth Abernathy||Fieldstone Foundation; Jin Park||Quayside Labs; Elena Voss||Tidewater Systems",
		"Zero Trust for Batch Jobs":                                  "Aiko Tanaka||Kestrel Security",
	}
	for title, w := range want {
		if speakers[title] != w {
			t.Errorf("%s\n got %s\nwant %s", title, speakers[title], w)
		}
	}
	for title, got := range speakers {
		if _, ok := want[title]; !ok {
			t.Errorf("%s: speakers %s read from a title that names none", title, got)
		}
	}
	// Markdown kept as written.
	for _, e := range back.Events {
		if e.Title == "Debugging DNS at 3 a.m.: A Field Guide" && !strings.Contains(e.Details, "**how to prove it** in five commands:\n\n* `dig` from inside the pod") {
			t.Errorf("description not verbatim: %q", e.Details)
		}
	}
}

// Times are London's whatever the zone of the machine importing, on each
// side of the change to summer time (30 March 2025).
func TestSampleWallClock(t *testing.T) {
	saved := time.Local
	time.Local, _ = time.LoadLocation("America/Los_Angeles")
	defer func() { time.Local = saved }()
	c, err := sched.Import(sample, bytes.NewReader(readSample(t)), harbour)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range c.Events {
		if e.Title == "Badge Pick-Up" {
			got = append(got, c.Local(e.Start).Format("2006-01-02 15:04 MST"))
		}
	}
	if s := strings.Join(got, ", "); s != "2025-03-29 08:00 GMT, 2025-03-31 07:30 BST, 2025-04-01 08:00 BST" {
		t.Errorf("badge pick-up at %s", s)
	}
}
