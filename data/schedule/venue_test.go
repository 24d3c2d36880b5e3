package schedule_test

import (
	"strings"
	"testing"

	"companion/data/schedule"
)

// venueDoc is a one-day schedule with rooms Bleu and Rouge, one talk by a
// speaker with persons, and conference.meta.venue as given.
func venueDoc(rooms, venue, person string) string {
	return `{"schedule":{"version":"1","base_url":"https://conf.example.org/2023/","conference":{"acronym":"venuetest","title":"Venue test","start":"2023-03-07","end":"2023-03-07","daysCount":1,"timeslot_duration":"00:15","time_zone_name":"Europe/Paris",
	"rooms":` + rooms + `,
	"meta":{"venue":` + venue + `},
	"days":[{"index":1,"date":"2023-03-07","day_start":"2023-03-07T08:00:00+01:00","day_end":"2023-03-07T19:00:00+01:00","rooms":{
	  "Bleu":[{"guid":"00000000-0000-4000-8000-000000000001","date":"2023-03-07T09:00:00+01:00","duration":"00:30","room":"Bleu","slug":"t","title":"T","type":"talk","persons":[` + person + `]}],
	  "Rouge":[]}}]}}}`
}

const twoRooms = `[{"name":"Bleu","capacity":300,"description":"Level -1, the big cinema"},{"name":"Rouge","capacity":null,"description":{"fr":"Au fond du hall","en":"At the back of the hall"}}]`

func TestVenueConvention(t *testing.T) {
	venue := `{"name":"Centre Pompidou","address":"Paris",
	  "description":"A museum.","simulcast":"Shown on every screen.","lang":"en",
	  "spaces":[{"name":"Hall partenaires","room":"Rouge","description":"The stands."},{"name":"Vestiaire"},{"room":"Bleu"}]}`
	person := `{"guid":"10000000-0000-4000-8000-000000000001","name":"Ada","avatar":"img/ada.png"}`
	c, err := schedule.Parse("venue.json", venueDoc(twoRooms, venue, person))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings) != 0 {
		t.Errorf("warnings on a good file: %v", c.Warnings)
	}
	v := c.Venue
	if v.Name != "Centre Pompidou" || v.Address != "Paris" ||
		v.Description != "A museum." || v.Simulcast != "Shown on every screen." || v.Lang != "en" || v.Empty() {
		t.Errorf("venue %+v", v)
	}
	want := []schedule.Space{{"Hall partenaires", "Rouge", "The stands."}, {"Vestiaire", "", ""}, {"Bleu", "Bleu", ""}}
	if len(v.Spaces) != len(want) {
		t.Fatalf("spaces %+v", v.Spaces)
	}
	for i := range want {
		if v.Spaces[i] != want[i] {
			t.Errorf("space %d: %+v, want %+v", i, v.Spaces[i], want[i])
		}
	}
	bleu, _ := c.Room("Bleu")
	rouge, _ := c.Room("Rouge")
	if bleu.Capacity != 300 || bleu.Description != "Level -1, the big cinema" || rouge.Capacity != 0 || rouge.Description != "At the back of the hall" {
		t.Errorf("rooms %+v %+v", bleu, rouge)
	}
	// A description in several languages is kept in each, and given in
	// the one asked for with its language; a plain one says no language.
	for _, c := range []struct {
		room          schedule.Room
		lang          string
		text, written string
	}{
		{rouge, "fr", "Au fond du hall", "fr"},
		{rouge, "en", "At the back of the hall", "en"},
		{rouge, "de", "At the back of the hall", "en"},
		{bleu, "fr", "Level -1, the big cinema", ""},
	} {
		if text, written := c.room.DescriptionIn(c.lang); text != c.text || written != c.written {
			t.Errorf("%s in %s: %q (%q), want %q (%q)", c.room.Name, c.lang, text, written, c.text, c.written)
		}
	}
	// A relative avatar is resolved against base_url.
	if got := c.Events[0].Persons[0].Avatar; got != "https://conf.example.org/2023/img/ada.png" {
		t.Errorf("avatar %q", got)
	}

	// The venue as a plain name; no venue at all.
	c, err = schedule.Parse("name.json", venueDoc(twoRooms, `"Fira Gran Via, Barcelona"`, ""))
	if err != nil || c.Venue.Name != "Fira Gran Via, Barcelona" || len(c.Warnings) != 0 {
		t.Errorf("venue as a name: %+v %v %v", c.Venue, c.Warnings, err)
	}
	c, err = schedule.Parse("none.json", venueDoc(twoRooms, `null`, ""))
	if err != nil || !c.Venue.Empty() {
		t.Errorf("no venue: %+v %v", c.Venue, err)
	}
}

// What the conventions cannot use is dropped with a warning that names
// the file, the place and the reason; the schedule still loads.
func TestVenueConventionChecked(t *testing.T) {
	for _, tc := range []struct {
		name, rooms, venue, person string
		want                       []string // one warning each, in order: substrings
		check                      func(t *testing.T, c *schedule.Conference)
	}{
		{"not an object", twoRooms, `42`, "", []string{`meta.venue: venue: field "venue": not a name or an object`}, nil},
		{"a typo and wrong types", twoRooms, `{"name":["Centre"],"adress":"Paris","description":7,"simulcast":true}`, "", []string{
			`venue: field "adress": not a field of this convention (it has: name, address, description, simulcast, spaces, lang): ignored`,
			`field "name": not text (a list): dropped`,
			`field "description": not text (a number): dropped`,
			`field "simulcast": not text (true or false): dropped`,
		}, func(t *testing.T, c *schedule.Conference) {
			if !c.Venue.Empty() {
				t.Errorf("venue %+v", c.Venue)
			}
		}},
		{"coordinates", twoRooms, `{"name":"X","lat":48.86,"lon":2.35}`, "", []string{`venue: field "lat": not a field`, `venue: field "lon": not a field`}, func(t *testing.T, c *schedule.Conference) {
			if c.Venue.Name != "X" {
				t.Errorf("venue %+v", c.Venue)
			}
		}},
		{"spaces", twoRooms, `{"spaces":[{"name":"Crèche","room":"Jaune","color":"red"},"Vestiaire",{"description":"nameless"}]}`, "", []string{
			`venue space "Crèche": field "color": not a field of this convention (it has: name, room, description): ignored`,
			`meta.venue.spaces.0.room: venue space "Crèche": field "room": "Jaune" is not one of the conference's rooms`,
			`meta.venue.spaces.1: venue: field "spaces": a space must be an object`,
			`meta.venue.spaces.2.name: venue space: field "name": missing (and no room): left out`,
		}, func(t *testing.T, c *schedule.Conference) {
			if len(c.Venue.Spaces) != 1 || c.Venue.Spaces[0] != (schedule.Space{Name: "Crèche"}) {
				t.Errorf("spaces %+v", c.Venue.Spaces)
			}
		}},
		{"a language that is no tag", twoRooms, `{"name":"X","lang":"en\"><script>"}`, "", []string{`venue: field "lang": "en\"><script>" is not a language tag`}, func(t *testing.T, c *schedule.Conference) {
			if c.Venue.Lang != "" {
				t.Errorf("lang %q", c.Venue.Lang)
			}
		}},
		{"spaces not a list", twoRooms, `{"spaces":{"name":"x"}}`, "", []string{`field "spaces": not a list of spaces`}, nil},
		{"capacities", `[{"name":"Bleu","capacity":-3},{"name":"Rouge","capacity":"lots"}]`, `null`, "", []string{
			`rooms.0.capacity: room Bleu: field "capacity": -3 is not a number of seats: dropped`,
			`rooms.1.capacity: room Rouge: field "capacity": not a number (not text): dropped`,
		}, nil},
		{"avatars", twoRooms, `null`, `{"name":"Eve","avatar":"javascript:alert(1)"},{"name":"Mallory","avatar":"http://example.org/m.png"}`, []string{
			`persons.0.avatar: day 1 (2023-03-07), room "Bleu", event "T"`,
			`"javascript:alert(1)" is not an https URL`,
			`"http://example.org/m.png" is not an https URL`,
		}, func(t *testing.T, c *schedule.Conference) {
			for _, p := range c.Events[0].Persons {
				if p.Avatar != "" {
					t.Errorf("%s keeps the avatar %q", p.Name, p.Avatar)
				}
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := schedule.Parse("conventions.json", venueDoc(tc.rooms, tc.venue, tc.person))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range c.Warnings {
				got = append(got, w.String())
			}
			all := strings.Join(got, "\n")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("no warning says %q; got:\n%s", w, all)
				}
			}
			for _, w := range got {
				if !strings.HasPrefix(w, "conventions.json: ") {
					t.Errorf("a warning does not name the file: %s", w)
				}
			}
			if tc.check != nil {
				tc.check(t, c)
			}
		})
	}
}
