package data_test

import (
	"strings"
	"testing"

	"companion/data/schedule"
)

type seedWant struct {
	file, acronym, title, zone string
	days                       int
	rooms                      string
	types                      map[string]int
	persons                    int
	keynoteSlug, keynoteAt     string
	guids                      map[string]string
	venue, spaces              string // name, address; the spaces' names and rooms
}

// The two KubeCon Europe schedules written from the attendee reports
// (seeds 002 and 004): what they hold, where, and when on the venue's clock.
func TestKubeConSeeds(t *testing.T) {
	phoneIn(t, "America/Los_Angeles")

	for _, w := range []seedWant{{
		file: "kubecon-eu-2023.json", acronym: "kubeconeu2023", title: "KubeCon + CloudNativeCon Europe 2023", zone: "Europe/Amsterdam",
		days: 1, rooms: "Keynote hall,Hall 7,Hall 8,Foyer",
		types:   map[string]int{"keynote": 1, "talk": 5, "registration": 1, "break": 2, "lunch": 1},
		persons: 9, keynoteSlug: "opening-keynotes", keynoteAt: "2023-04-19 09:00 CEST",
		guids: map[string]string{"opening-keynotes": "71b36fd8-3520-5eb3-b91c-f3826dc0809a", "zero-privilege-architectures": "912d6656-2226-5dc7-b737-55e2768c668a"},
		venue: "RAI convention centre, Europaplein 24, 1078 GZ Amsterdam",
	}, {
		file: "kubecon-eu-2019.json", acronym: "kubeconeu2019", title: "KubeCon + CloudNativeCon Europe 2019", zone: "Europe/Madrid",
		days: 3, rooms: "Keynote hall,Room 1,Room 2,Room 3,Lunch hall,Children's room",
		types:   map[string]int{"keynote": 5, "talk": 5, "panel": 1, "social": 1, "childcare": 3},
		persons: 15, keynoteSlug: "opening-keynotes", keynoteAt: "2019-05-21 09:00 CEST",
		guids: map[string]string{"diversity-lunch": "2be2be7e-3e06-52fa-8c95-fcb814e64fcc", "krew-kubectl-plugins": "ab8714bb-50d3-5c44-8f9f-e4a23a32a831"},
		venue: "Fira Gran Via, Av. Joan Carles I, 64, 08908 L'Hospitalet de Llobregat, Barcelona", spaces: "Children's room in Children's room; Diversity Lunch in Lunch hall",
	}} {
		t.Run(w.file, func(t *testing.T) {
			c := load(t, w.file)
			if c.Acronym != w.acronym || c.Title != w.title || c.TimeZone != w.zone || len(c.Days) != w.days {
				t.Errorf("conference %q %q %q, %d days", c.Acronym, c.Title, c.TimeZone, len(c.Days))
			}
			if !strings.Contains(c.Description, "reconstructed") {
				t.Error("the description must say what is reconstructed")
			}
			var rooms []string
			for _, r := range c.Rooms {
				rooms = append(rooms, r.Name)
			}
			if got := strings.Join(rooms, ","); got != w.rooms {
				t.Errorf("rooms %s, want %s", got, w.rooms)
			}
			types := map[string]int{}
			for _, e := range c.Events {
				types[e.Type]++
			}
			if !equalCounts(types, w.types) {
				t.Errorf("events by type %v, want %v", types, w.types)
			}
			if n := len(c.Persons()); n != w.persons {
				t.Errorf("%d persons, want %d", n, w.persons)
			}
			k := c.EventBySlug(w.keynoteSlug)
			if k == nil || k.Room() != "Keynote hall" || c.Local(k.Start).Format("2006-01-02 15:04 MST") != w.keynoteAt {
				t.Errorf("keynote %+v", k)
			}
			if got := c.Venue.Name + ", " + c.Venue.Address; got != w.venue {
				t.Errorf("venue %q, want %q", got, w.venue)
			}
			var spaces []string
			for _, s := range c.Venue.Spaces {
				spaces = append(spaces, s.Name+" in "+s.Room)
			}
			if got := strings.Join(spaces, "; "); got != w.spaces {
				t.Errorf("spaces %q, want %q", got, w.spaces)
			}
			if len(c.Warnings) != 0 {
				t.Errorf("warnings: %v", c.Warnings)
			}
			for slug, guid := range w.guids {
				if e := c.EventBySlug(slug); e == nil || e.GUID != guid {
					t.Errorf("%s: guid %v, want %s (stars are keyed on it)", slug, guidOf(e), guid)
				}
			}
		})
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func guidOf(e *schedule.Event) string {
	if e == nil {
		return "(no event)"
	}
	return e.GUID
}
