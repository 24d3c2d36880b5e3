package people_test

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"testing"

	"companion/app/people"
	"companion/app/search"
	"companion/data"
	"companion/data/schedule"
)

// conf builds a one-day schedule whose events have these persons, in
// order, each event at its own time in room "A".
func conf(t *testing.T, persons ...[]map[string]any) *schedule.Conference {
	t.Helper()
	var events []any
	for i, ps := range persons {
		events = append(events, map[string]any{
			"guid": fmt.Sprintf("00000000-0000-4000-8000-%012d", i+1), "date": fmt.Sprintf("2023-03-07T%02d:00:00+01:00", 9+i),
			"duration": "00:30", "room": "A", "slug": fmt.Sprintf("talk-%d", i+1), "title": fmt.Sprintf("Talk %d", i+1), "type": "talk",
			"persons": ps,
		})
	}
	doc := map[string]any{"schedule": map[string]any{"version": "1", "conference": map[string]any{
		"acronym": "peopletest", "title": "People", "start": "2023-03-07", "end": "2023-03-07", "daysCount": 1,
		"timeslot_duration": "00:15", "time_zone_name": "Europe/Paris", "rooms": []any{map[string]any{"name": "A"}},
		"days": []any{map[string]any{"index": 1, "date": "2023-03-07", "day_start": "2023-03-07T08:00:00+01:00", "day_end": "2023-03-07T19:00:00+01:00",
			"rooms": map[string]any{"A": events}}},
	}}}
	b, _ := json.Marshal(doc)
	c, err := schedule.Parse("people.json", string(b))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func p(fields ...string) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(fields); i += 2 {
		m[fields[i]] = fields[i+1]
	}
	return m
}

func slugsOf(list []*people.Speaker) string {
	var s []string
	for _, sp := range list {
		s = append(s, sp.Slug)
	}
	return strings.Join(s, " ")
}

func talks(sp *people.Speaker) string {
	var s []string
	for _, e := range sp.Events {
		s = append(s, e.Slug)
	}
	return strings.Join(s, " ")
}

// One person across events is one speaker with all their talks, in time
// order, and what any event says of them.
func TestGroupedAcrossEvents(t *testing.T) {
	c := conf(t,
		[]map[string]any{p("guid", "a1", "name", "Jérôme Petazzoni", "position", "Animateur", "biography", "Animateur")},
		[]map[string]any{p("guid", "a1", "name", "Jérôme Petazzoni", "organization", "Tiny Shell Script"), p("code", "BOB", "name", "Bob")},
		[]map[string]any{p("guid", "a1", "name", "Jérôme Petazzoni", "biography", "Docker's first SRE."), p("name", "bob")},
	)
	s := people.Of(c)
	if people.Of(c) != s {
		t.Error("the speakers are made again for the same schedule")
	}
	if got := slugsOf(s.List); got != "bob jerome-petazzoni" {
		t.Fatalf("speakers %q, want bob and jerome-petazzoni, by name", got)
	}
	j := s.BySlug("jerome-petazzoni")
	if j == nil || talks(j) != "talk-1 talk-2 talk-3" {
		t.Fatalf("Jérôme: %+v", j)
	}
	// The biography that only repeats the position is none.
	if j.Position != "Animateur" || j.Organization != "Tiny Shell Script" || j.Biography != "Docker's first SRE." || j.Role() != "Animateur, Tiny Shell Script" {
		t.Errorf("Jérôme: %q %q %q role %q", j.Position, j.Organization, j.Biography, j.Role())
	}
	// A person named without an identity joins the one identified person
	// of that name, whatever the case.
	b := s.BySlug("bob")
	if b == nil || talks(b) != "talk-2 talk-3" || b.Name != "Bob" {
		t.Errorf("Bob: %+v", b)
	}
	if s.Of(c.Events[2].Persons[1]) != b || s.Of(c.Events[0].Persons[0]) != j {
		t.Error("Of does not find the speaker of an event's person")
	}
	// The guid and the code find the speaker too; a made-up slug does not.
	if s.BySlug("a1") != j || s.BySlug("BOB") != b || s.BySlug("nobody") != nil || s.BySlug("name:bob") != nil || s.BySlug("") != nil {
		t.Error("BySlug by identity")
	}
	if s.BySlug("Jerome-Petazzoni") != j {
		t.Error("a slug in another case is not found")
	}
}

// Two people with the same name are two speakers with slugs that differ
// and that neither the order of the data nor a third person changes.
func TestSameNameDoesNotCollide(t *testing.T) {
	first := conf(t,
		[]map[string]any{p("guid", "g-1", "name", "Jane Doe", "organization", "Acme")},
		[]map[string]any{p("guid", "g-2", "name", "Jane Doe", "organization", "Initech")},
	)
	s := people.Of(first)
	if len(s.List) != 2 || s.List[0].Slug == s.List[1].Slug {
		t.Fatalf("two Jane Does: %q", slugsOf(s.List))
	}
	bySlug := map[string]string{}
	for _, sp := range s.List {
		if !strings.HasPrefix(sp.Slug, "jane-doe-") || len(sp.Slug) != len("jane-doe-")+6 {
			t.Errorf("slug %q: want jane-doe- and six characters", sp.Slug)
		}
		bySlug[sp.Slug] = sp.Organization
		if s.BySlug(sp.Slug) != sp {
			t.Errorf("%s is not found by its slug", sp.Slug)
		}
	}
	// The same people in the other order, with someone else: same slugs.
	second := conf(t,
		[]map[string]any{p("name", "Zed")},
		[]map[string]any{p("guid", "g-2", "name", "Jane Doe", "organization", "Initech")},
		[]map[string]any{p("guid", "g-1", "name", "Jane Doe", "organization", "Acme")},
	)
	for _, sp := range people.Of(second).List {
		if sp.Name == "Jane Doe" && bySlug[sp.Slug] != sp.Organization {
			t.Errorf("%s (%s) changed slug: %v", sp.Slug, sp.Organization, bySlug)
		}
	}
	// A name without an identity beside two identified ones of that name
	// cannot be told apart from either: it is a speaker of its own.
	third := conf(t,
		[]map[string]any{p("guid", "g-1", "name", "Jane Doe")},
		[]map[string]any{p("guid", "g-2", "name", "Jane Doe")},
		[]map[string]any{p("name", "Jane Doe")},
	)
	if s := people.Of(third); len(s.List) != 3 || len(map[string]bool{s.List[0].Slug: true, s.List[1].Slug: true, s.List[2].Slug: true}) != 3 {
		t.Errorf("three Jane Does: %q", slugsOf(s.List))
	}
}

// Names with nothing a URL keeps still get a slug, unique.
func TestSlugsOfUnusualNames(t *testing.T) {
	c := conf(t,
		[]map[string]any{p("guid", "x1", "name", "李明")},
		[]map[string]any{p("guid", "x2", "name", "!!!")},
		[]map[string]any{p("guid", "x3", "name", "???")},
		[]map[string]any{p("guid", "x4", "name", `Ann "the hacker" <script>`)},
	)
	seen := map[string]bool{}
	for _, sp := range people.Of(c).List {
		if sp.Slug == "" || seen[sp.Slug] || strings.ContainsAny(sp.Slug, `/"<> ?#%`) {
			t.Errorf("%q has slug %q", sp.Name, sp.Slug)
		}
		seen[sp.Slug] = true
	}
	if !seen["李明"] || !seen["ann-the-hacker-script"] {
		t.Errorf("slugs %v", seen)
	}
}

func TestFilter(t *testing.T) {
	c := conf(t,
		[]map[string]any{p("guid", "1", "name", "Raphaël Pinson", "organization", "Isovalent")},
		[]map[string]any{p("guid", "2", "name", "Rémi Verchère", "organization", "Accenture", "position", "Consultant")},
		[]map[string]any{p("guid", "3", "name", "Alexandre Buisine", "organization", "Enix")},
	)
	s := people.Of(c)
	for q, want := range map[string]string{
		"":            "alexandre-buisine raphael-pinson remi-verchere",
		"isoval":      "raphael-pinson",
		"REMI":        "remi-verchere",
		"raph pins":   "raphael-pinson",
		"consult":     "remi-verchere",
		"enix alex":   "alexandre-buisine",
		"enix raph":   "",
		"son":         "", // a word's start, not its middle
		"verchère ac": "remi-verchere",
	} {
		if got := slugsOf(s.Filter(search.Parse(q))); got != want {
			t.Errorf("%q found %q, want %q", q, got, want)
		}
	}
}

func TestInitials(t *testing.T) {
	for name, want := range map[string]string{
		"Jérôme Petazzoni": "JP", "Ahmet Alp Balkan": "AB", "madonna": "M", "": "?", "  ": "?",
		"élodie d'Arc": "ÉD", "李明": "李", "(Bob) Smith": "BS", "!!!": "?",
	} {
		if got := people.Initials(name); got != want {
			t.Errorf("Initials(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestRole(t *testing.T) {
	for _, tc := range []struct{ pos, org, want string }{
		{"Backend Engineer", "Back Market", "Backend Engineer, Back Market"},
		{"", "CNCF", "CNCF"},
		{"Developer Advocate", "", "Developer Advocate"},
		{"Lead SRE Veepee", "Veepee", "Lead SRE Veepee"},
	} {
		sp := &people.Speaker{Position: tc.pos, Organization: tc.org}
		if got := sp.Role(); got != tc.want {
			t.Errorf("Role(%q, %q) = %q, want %q", tc.pos, tc.org, got, tc.want)
		}
	}
}

// On the embedded conferences: every person of every event has a
// speaker, found back by slug, and slugs are unique; KCD France's 24
// speakers (the keynote's three are the same in its three rooms).
func TestEmbeddedConferences(t *testing.T) {
	for _, f := range data.Files() {
		c, err := schedule.Parse(f.Name, f.JSON)
		if err != nil {
			t.Fatal(err)
		}
		s := people.Of(c)
		seen := map[string]bool{}
		for _, sp := range s.List {
			if seen[sp.Slug] || s.BySlug(sp.Slug) != sp || len(sp.Events) == 0 {
				t.Errorf("%s: speaker %q (%s)", f.Name, sp.Name, sp.Slug)
			}
			seen[sp.Slug] = true
		}
		for _, e := range c.Events {
			for _, p := range e.Persons {
				sp := s.Of(p)
				if sp == nil || !containsEvent(sp.Events, e) {
					t.Errorf("%s: %s of %q has no speaker with that talk", f.Name, p.Name, e.Title)
				}
			}
		}
		if f.Name == "kcd-france-2023.json" {
			if len(s.List) != 24 {
				t.Errorf("KCD France: %d speakers, want 24", len(s.List))
			}
			d := s.BySlug("daniel-maher")
			if d == nil || len(d.Events) != 1 || d.Organization != "Scaleway" || d.Biography != "" {
				t.Errorf("Daniel Maher: %+v", d)
			}
		}
	}
}

func containsEvent(list []*schedule.Event, e *schedule.Event) bool {
	for _, x := range list {
		if x == e {
			return true
		}
	}
	return false
}

// The hash in a slug is FNV-1a's: slugs made before stay the same.
func TestShortHashIsFNV1a(t *testing.T) {
	c := conf(t,
		[]map[string]any{p("guid", "g-1", "name", "Jane Doe")},
		[]map[string]any{p("guid", "g-2", "name", "Jane Doe")},
	)
	want := map[string]bool{}
	for _, key := range []string{"g-1", "g-2"} {
		h := fnv.New32a()
		h.Write([]byte(key))
		v := strconv.FormatUint(uint64(h.Sum32()), 36)
		for len(v) < 6 {
			v = "0" + v
		}
		want["jane-doe-"+v[len(v)-6:]] = true
	}
	for _, sp := range people.Of(c).List {
		if !want[sp.Slug] {
			t.Errorf("slug %q, want one of %v", sp.Slug, want)
		}
	}
}
