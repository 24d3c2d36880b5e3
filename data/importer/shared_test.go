//go:build sharedfixtures

package importer_test

import (
	"testing"

	"companion/data/importer"
	"companion/data/importer/build"
	"companion/data/importer/importertest"
)

// The real schedules without a licence, read from the shared fixtures
// (make test-shared): format detected, imported, valid against the schema
// and with the counts the shared SOURCES.md gives.
func TestEverySharedFixture(t *testing.T) {
	testFixtures(t, []fixture{
		{"kubecon-eu-2025-london.sched-talks.json", "", importer.Sched, build.Options{TimeZone: "Europe/London"}, importertest.Counts{Days: 5, Rooms: 0, Events: 565, Persons: 639}},
		{"cloud-native-days-france-2026.sessions.csv", "cloud-native-days-france-2026.speakers.csv", importer.SessionCSV, build.Options{}, importertest.Counts{Days: 1, Rooms: 4, Events: 51, Persons: 67}},
	})
}
