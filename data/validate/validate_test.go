package validate_test

import (
	"bytes"
	"strings"
	"testing"

	"companion/data"
	"companion/data/fixtures"
	"companion/data/validate"
)

// The embedded schema is the published one, unchanged.
func TestSchemaIsThePublishedOne(t *testing.T) {
	if !bytes.Equal(validate.Schema(), fixtures.Read(t, "c3voc-schedule.schema.json")) {
		t.Error("data/validate/schema.json differs from the fixtures' c3voc-schedule.schema.json")
	}
}

func TestEmbeddedConferencesConform(t *testing.T) {
	for _, f := range data.Files() {
		for _, p := range validate.Document(f.Name, []byte(f.JSON)) {
			t.Errorf("%s", p)
		}
	}
}

// A violation names the day, the room, the event and the field.
func TestProblemsHavePlaces(t *testing.T) {
	problems := validate.Document("rc3.json", fixtures.Read(t, "rc3-2020-channels.pretalx-schedule.json"))
	if len(problems) == 0 {
		t.Fatal("pretalx's rC3 export breaks the schema (upper-case slugs, answers): no problem found")
	}
	want := `day 1 (2020-12-27), room "r3s - Monheim/Rhein", event "Der faule Admin automatisiert: Gluon auf echter Hardware testen" (c3642671-4c1f-5109-81ba-0535c1cc8428)`
	found := false
	for _, p := range problems {
		if p.File == "rc3.json" && p.Place == want && p.Field == "slug" && strings.Contains(p.Reason, "MJA8QY") {
			found = true
		}
	}
	if !found {
		t.Errorf("no problem names the slug of the first event with its place; got e.g. %s", problems[0])
	}
	if got := validate.Document("x.json", []byte("{")); len(got) != 1 || !strings.Contains(got[0].Reason, "JSON") {
		t.Errorf("broken JSON: %v", got)
	}
}
