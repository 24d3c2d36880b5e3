package data_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"companion/data"
	"companion/data/fixtures"
	"companion/data/schedule"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Every embedded schedule validates against the format's published JSON
// Schema (draft-06, formats asserted).
func TestEmbeddedSchedulesValidate(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(filepath.Join(fixtures.Dir(t), "c3voc-schedule.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	files := data.Files()
	if len(files) == 0 || files[0].Name != data.DefaultFile {
		t.Fatalf("embedded files %v: the default %s must come first", files, data.DefaultFile)
	}
	for _, f := range files {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(f.JSON))
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
			continue
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%s does not validate:\n%v", f.Name, err)
		}
		if _, err := schedule.Parse(f.Name, f.JSON); err != nil {
			t.Errorf("%s does not load: %v", f.Name, err)
		}
	}
}

func load(t *testing.T, name string) *schedule.Conference {
	t.Helper()
	for _, f := range data.Files() {
		if f.Name == name {
			c, err := schedule.Parse(f.Name, f.JSON)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
	}
	t.Fatalf("%s is not embedded", name)
	return nil
}

// The counts of what was written from the attendee reports.
func TestKCDFrance2023Contents(t *testing.T) {
	c := load(t, "kcd-france-2023.json")
	if c.Acronym != "kcdfrance2023" || c.Title != "KCD France 2023" || c.TimeZone != "Europe/Paris" {
		t.Fatalf("conference %q %q %q", c.Acronym, c.Title, c.TimeZone)
	}
	if !strings.Contains(c.Description, "reconstruct") {
		t.Error("the description must say the times are reconstructed")
	}
	if len(c.Days) != 1 || c.Days[0].Date != "2023-03-07" {
		t.Fatalf("days: %+v", c.Days)
	}
	var rooms []string
	for _, r := range c.Rooms {
		rooms = append(rooms, r.Name)
		if r.Color == "" {
			t.Errorf("room %s has no colour", r.Name)
		}
	}
	if got := strings.Join(rooms, ","); got != "Bleu,Blanc,Rouge,Hall partenaires" {
		t.Errorf("rooms %s", got)
	}
	talks, replays := 0, 0
	types := map[string]int{}
	for _, e := range c.Events {
		types[e.Type]++
		if e.Type == "talk" {
			talks++
		}
		if _, ok := e.Replay(); ok {
			replays++
		}
	}
	if talks != 15 {
		t.Errorf("%d talks, want the 15 the reports name", talks)
	}
	if replays != 4 {
		t.Errorf("%d replay links, want the 4 the reports give", replays)
	}
	for _, typ := range []string{"keynote", "registration", "lunch", "break"} {
		if types[typ] == 0 {
			t.Errorf("no %s event", typ)
		}
	}
	if n := len(c.Persons()); n != 24 {
		t.Errorf("%d distinct speakers, want 24", n)
	}

	keynote := c.EventBySlug("keynote-ouverture")
	if keynote == nil || !keynote.Plenary() || strings.Join(keynote.Rooms, ",") != "Bleu,Blanc,Rouge" {
		t.Fatalf("the keynote must be one plenary in Bleu, Blanc and Rouge: %+v", keynote)
	}
	if got := c.Local(keynote.Start).Format("15:04"); got != "09:15" {
		t.Errorf("keynote at %s", got)
	}
	// Pôle Emploi closes the day, per the reports.
	last := c.Events[len(c.Events)-1]
	if !strings.Contains(last.Title, "Pôle Emploi") {
		t.Errorf("the last event is %q", last.Title)
	}
	// The venue, as the reports describe it (meta.venue): the museum, the
	// three rooms and the simulcast plenary, the sponsor hall.
	v := c.Venue
	if v.Name != "Centre Pompidou" || v.Address != "Place Georges-Pompidou, 75004 Paris" ||
		v.Lang != "en" || !strings.Contains(v.Description, "Bleu, Blanc and Rouge") || !strings.Contains(v.Simulcast, "simulcast") ||
		len(v.Spaces) != 1 || v.Spaces[0].Room != "Hall partenaires" {
		t.Errorf("venue %+v", v)
	}
	if len(c.Warnings) != 0 {
		t.Errorf("warnings: %v", c.Warnings)
	}
	// Speakers keep their company and role.
	bm := c.EventBySlug("portail-developpeur-back-market")
	if bm == nil || len(bm.Persons) != 1 || bm.Persons[0].Organization != "Back Market" || bm.Persons[0].Position != "Backend Engineer" {
		t.Errorf("Back Market talk: %+v", bm)
	}
}

// Stable identities: the attendee's stars are keyed on these guids, so a
// rebuild of the data must never change them.
func TestKCDFrance2023GuidsAreStable(t *testing.T) {
	c := load(t, "kcd-france-2023.json")
	for slug, guid := range map[string]string{
		"keynote-ouverture":               "edaa7884-2744-5160-88fa-945b05de6fbd",
		"portail-developpeur-back-market": "2d30182e-48f5-5339-87d3-9d61c270b471",
	} {
		if e := c.EventBySlug(slug); e == nil || e.GUID != guid {
			t.Errorf("%s: %+v, want guid %s", slug, e, guid)
		}
	}
}

// KCD France's times read as on the venue's clocks from a phone set to
// another zone (make test also runs this under TZ=America/Los_Angeles).
func TestKCDTimesInParisWhateverTheZone(t *testing.T) {
	la := phoneIn(t, "America/Los_Angeles")
	c := load(t, "kcd-france-2023.json")
	e := c.EventBySlug("cinq-ans-kubernetes-pole-emploi")
	if got := c.Local(e.Start).Format("2006-01-02 15:04 MST"); got != "2023-03-07 17:25 CET" {
		t.Errorf("Pôle Emploi talk at %s, want 2023-03-07 17:25 CET", got)
	}
	t.Logf("process TZ %q: %s in Paris is %s on the phone", os.Getenv("TZ"), c.Local(e.Start).Format("15:04"), e.Start.In(la).Format("15:04"))
}

// phoneIn sets the process's local zone for the test, as a phone set to
// that zone would have it.
func phoneIn(t *testing.T, zone string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	saved := time.Local
	time.Local = loc
	t.Cleanup(func() { time.Local = saved })
	return loc
}
