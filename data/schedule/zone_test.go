package schedule

import (
	"testing"
	"time"
)

// The browser's stand-in for time.LoadLocation gives the same zones for
// the names that need no tz database, and an error for the others, as
// time.LoadLocation does there.
func TestBrowserLocation(t *testing.T) {
	for _, name := range []string{"", "UTC", "Local"} {
		want, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := browserLocation(name); err != nil || got != want {
			t.Errorf("browserLocation(%q) = %v, %v; want %v", name, got, err, want)
		}
	}
	if got, err := browserLocation("Europe/Paris"); err == nil {
		t.Errorf("browserLocation(Europe/Paris) = %v, want an error (no tz database in the browser)", got)
	}
}
