// Package importertest (for tests only) checks an importer's result the
// way `companion import` does: written by export, valid against the
// schema, loaded back by the app's loader, with the expected counts.
package importertest

import (
	"testing"

	"companion/data/export"
	"companion/data/schedule"
	"companion/data/validate"
)

// Counts are what SOURCES.md lists for a fixture.
type Counts struct{ Days, Rooms, Events, Persons int }

// Of returns a conference's counts.
func Of(c *schedule.Conference) Counts {
	return Counts{len(c.Days), len(c.Rooms), len(c.Events), len(c.Persons())}
}

// Check exports c, validates and reloads it, asserts both the import and
// the reloaded conference have the counts, and returns the reloaded one.
func Check(t testing.TB, name string, c *schedule.Conference, want Counts) *schedule.Conference {
	t.Helper()
	out, err := export.JSON(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range validate.Document("converted "+name, out) {
		t.Errorf("schema: %s", p)
	}
	back, err := schedule.Parse("converted "+name, string(out))
	if err != nil {
		t.Fatal(err)
	}
	if got := Of(c); got != want {
		t.Errorf("%s imported: %+v, want %+v", name, got, want)
	}
	if got := Of(back); got != want {
		t.Errorf("%s reloaded: %+v, want %+v", name, got, want)
	}
	return back
}

// NoPanic runs an import's result through export and the loader, as the
// fuzz targets do: an import the exporter writes must load.
func NoPanic(t *testing.T, c *schedule.Conference) {
	out, err := export.JSON(c)
	if err != nil {
		return
	}
	if _, err := schedule.Parse("fuzz.json", string(out)); err != nil {
		t.Errorf("an import the exporter wrote does not load: %v", err)
	}
}
