package build

import (
	"fmt"
	"time"
)

// Options are what the person running an import can say that the source
// does not (or says wrongly).
type Options struct {
	Acronym  string // overrides the source's
	Title    string // overrides the source's
	TimeZone string // IANA zone for times the source writes without an offset, or to override
}

// Location loads opt.TimeZone, or returns nil when it is empty.
func (o Options) Location() (*time.Location, error) {
	if o.TimeZone == "" {
		return nil, nil
	}
	loc, err := time.LoadLocation(o.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("time zone %q: %v", o.TimeZone, err)
	}
	return loc, nil
}

// RequiredZone loads opt.TimeZone for a source that writes its times
// without a zone; without one it reports, in rep, how to name it.
func (o Options) RequiredZone(rep *Report, source string) *time.Location {
	loc, err := o.Location()
	switch {
	case err != nil:
		rep.Fail("", "conference", "time zone", err.Error())
	case loc == nil:
		rep.Fail("", "conference", "time zone", source+" writes times without a zone: name the conference's zone (companion import -tz Europe/London)")
	}
	return loc
}
