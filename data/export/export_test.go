package export_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"companion/data"
	"companion/data/export"
	"companion/data/fixtures"
	"companion/data/schedule"
	"companion/data/validate"
)

// Import a schedule.json, export it, import it again: everything the app
// shows survives, and the export validates against the schema.
func TestRoundTrip(t *testing.T) {
	docs := map[string]string{}
	for _, f := range data.Files() {
		docs[f.Name] = f.JSON
	}
	for _, name := range []string{"cccamp2019-excerpt.frab-schedule.json", "rc3-2020-channels.pretalx-schedule.json"} {
		docs[name] = string(fixtures.Read(t, name))
	}
	// What the conventions add (the venue) and what the schema allows that
	// the files above lack (room capacity and description, avatars).
	docs["venue.json"] = `{"schedule":{"version":"1","conference":{"acronym":"venuetest","title":"Venue","start":"2023-03-07","end":"2023-03-07","daysCount":1,"timeslot_duration":"00:15","time_zone_name":"Europe/Paris",
	"rooms":[{"name":"Bleu","capacity":300,"description":{"en":"Level -1","fr":"Niveau -1"}},{"name":"Hall","description":"By the door"}],
	"meta":{"venue":{"name":"Centre","address":"Paris","description":"A museum.","simulcast":"Everywhere.","lang":"en","spaces":[{"name":"Hall","room":"Hall","description":"Stands."},{"name":"Cloakroom"}]}},
	"days":[{"index":1,"date":"2023-03-07","day_start":"2023-03-07T08:00:00+01:00","day_end":"2023-03-07T19:00:00+01:00","rooms":{
	  "Bleu":[{"guid":"00000000-0000-4000-8000-000000000001","date":"2023-03-07T09:00:00+01:00","duration":"00:30","room":"Bleu","slug":"t","title":"T","type":"talk","url":"https://conf.example.org/t",
	    "persons":[{"code":"ADA1","name":"Ada","avatar":"https://conf.example.org/ada.png","biography":"Bio."}]}],
	  "Hall":[]}}]}}}`
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			first, err := schedule.Parse(name, doc)
			if err != nil {
				t.Fatal(err)
			}
			out, err := export.JSON(first)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range validate.Document("exported "+name, out) {
				t.Errorf("schema: %s", p)
			}
			second, err := schedule.Parse("exported "+name, string(out))
			if err != nil {
				t.Fatal(err)
			}
			if a, b := shown(first), shown(second); a != b {
				t.Errorf("the app shows something else after a round trip:\n%s", firstDiff(a, b))
			}
			again, err := export.JSON(second)
			if err != nil {
				t.Fatal(err)
			}
			if string(again) != string(out) {
				t.Errorf("exporting twice is not stable:\n%s", firstDiff(string(out), string(again)))
			}
		})
	}
}

// shown renders everything a page of the app shows, as text.
func shown(c *schedule.Conference) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%s|%s|%s..%s|%s\n", export.FitAcronym(c.Acronym), c.Title, c.Description, c.URL, c.Start, c.End, c.Location)
	for _, r := range c.Rooms {
		fmt.Fprintf(&b, "room %s %s %d %q %q\n", r.Name, r.Color, r.Capacity, r.Description, r.Descriptions)
	}
	fmt.Fprintf(&b, "venue %+v\n", c.Venue)
	for _, tr := range c.Tracks {
		fmt.Fprintf(&b, "track %s %s\n", tr.Name, tr.Color)
	}
	for _, d := range c.Days {
		fmt.Fprintf(&b, "day %d %s %s %s %d\n", d.Index, d.Date, d.Start.Format("2006-01-02T15:04Z07:00"), d.End.Format("2006-01-02T15:04Z07:00"), len(d.Events))
	}
	for _, e := range c.Events {
		fmt.Fprintf(&b, "event %s %s %q %q %q %q %q %v %s %s day%d\n", e.Key(), export.FitSlug(e.Slug), e.Title, e.Subtitle, e.Track, e.Type, e.Language, e.Rooms,
			c.Local(e.Start).Format("2006-01-02T15:04Z07:00"), c.Local(e.End).Format("2006-01-02T15:04Z07:00"), e.Day)
		fmt.Fprintf(&b, "  abstract %q\n  details %q\n  url %s\n", e.Abstract, e.Details, e.URL)
		for _, p := range e.Persons {
			fmt.Fprintf(&b, "  person %s %q %q %q %q %s\n", p.Key(), p.Name, p.Organization, p.Position, p.Biography, p.Avatar)
		}
		for _, l := range e.Links {
			fmt.Fprintf(&b, "  link %s %q %s\n", l.URL, l.Title, l.Type)
		}
	}
	return b.String()
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, x, y)
		}
	}
	return "(equal)"
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Café Bleu": "cafe-bleu",
		"hacc München / about:future - München": "hacc-munchen-about-future-munchen",
		"Cap & Thistle (100)":                   "cap-thistle-100",
		"🚨 Contribfest":                         "contribfest",
		"":                                      "",
		"K":                                     "k0",
	} {
		if got := export.Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	if got := export.Acronym("FOSDEM 2025"); got != "fosdem2025" {
		t.Errorf("Acronym = %q", got)
	}
}

func TestGUIDIsStable(t *testing.T) {
	a, b := export.GUID("fosdem2025", "event:1"), export.GUID("fosdem2025", "event:1")
	if a != b || a == export.GUID("fosdem2025", "event:2") || !reflect.DeepEqual(len(a), 36) {
		t.Errorf("GUID not stable and distinct: %s %s", a, b)
	}
}
