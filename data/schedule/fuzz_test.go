package schedule_test

import (
	"testing"

	"companion/data"
	"companion/data/fixtures"
	"companion/data/schedule"
)

// The loader reads whatever a server or an organiser hands it: it may
// refuse, but it never panics. Crashers found are kept in testdata/fuzz.
func FuzzParse(f *testing.F) {
	for _, d := range data.Files() {
		f.Add(d.JSON)
	}
	for _, name := range []string{"cccamp2019-excerpt.frab-schedule.json", "rc3-2020-channels.pretalx-schedule.json"} {
		f.Add(fixtures.FuzzSeed(f, name))
	}
	f.Add(quirks)
	f.Add(`{"schedule":{"conference":{"acronym":"x","title":"x","days":[{"date":"2020-01-01","rooms":{"a":[{"guid":"g","start":"25:00","duration":"1:00"}]}}]}}}`)
	// Old frab: "days" twice, times of day only, entities, full_public_name.
	f.Add(`{"schedule":{"conference":{"title":"A &amp; B","days":"1","days":[{"index":"0","date":"2013-12-27","rooms":{"Saal 1":[{"id":"1","start":"23:30","duration":"01:00","title":"x &lt;y&gt;","persons":[{"id":"1","full_public_name":"A, B and C"}],"links":[{"url":"example.org/x"}]},{"id":"2","start":"01:00","duration":"","title":"late"}]}}]}}}`)
	f.Fuzz(func(t *testing.T, doc string) {
		c, err := schedule.ParseWith("fuzz.json", doc, schedule.Options{Acronym: "fuzz", GUID: func(a, id string) string { return a + ":" + id }})
		if err != nil {
			return
		}
		for _, e := range c.Events {
			_ = c.EventBySlug(e.Slug)
			_ = c.Local(e.Start)
		}
		_ = c.Persons()
	})
}
