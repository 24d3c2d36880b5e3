package data_test

import (
	"testing"

	"companion/data"
)

// maxEmbedded is the largest schedule embedded in the browser app. Larger
// ones go to data/served/: embedded, FOSDEM 2025 (2.1 MB of JSON) would
// add 2.1 MB to app.wasm and 406 KB to its brotli download on every app
// update (see README, "Where the data lives").
const maxEmbedded = 256 << 10

func TestEmbeddedSchedulesAreSmall(t *testing.T) {
	for _, f := range data.Files() {
		if len(f.JSON) > maxEmbedded {
			t.Errorf("%s is %d KiB: schedules over %d KiB belong in data/served/, served beside the app, not in it", f.Name, len(f.JSON)>>10, maxEmbedded>>10)
		}
	}
}
