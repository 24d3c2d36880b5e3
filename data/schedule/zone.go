package schedule

import (
	"errors"
	"runtime"
	"time"
)

// loadLocation is time.LoadLocation, but in the browser it is what
// time.LoadLocation gives there (browserLocation) without linking the tz
// database reader into app.wasm (about 27 KB of code).
func loadLocation(name string) (*time.Location, error) {
	if runtime.GOOS == "js" {
		return browserLocation(name)
	}
	return time.LoadLocation(name)
}

// browserLocation is time.LoadLocation in the browser: it has no zoneinfo
// files and the app embeds no tzdata, so only UTC and Local are known and
// settleZone makes the conference's zone from the offsets its events are
// written in.
func browserLocation(name string) (*time.Location, error) {
	switch name {
	case "", "UTC":
		return time.UTC, nil
	case "Local":
		return time.Local, nil
	}
	return nil, errors.New("unknown time zone " + name)
}
