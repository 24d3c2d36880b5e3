package schedule

import (
	"fmt"
	"strings"
)

// SpeakerFields are the names under which an event's speakers are read,
// besides frab's "persons": the lists other generators write instead.
var SpeakerFields = []string{"speakers", "presenters", "authors", "speaker", "presenter", "author"}

// otherPeopleFields name lists of people that are not an event's speakers
// as the format means them (hosts, moderators…), or that no known format
// writes: they are not read, but a file that holds them is warned about
// with a count, so that speakers are never dropped silently.
var otherPeopleFields = []string{
	"host", "moderator", "panelist", "organizer", "organiser", "instructor",
	"facilitator", "performer", "contributor", "participant", "chair",
	"trainer", "lecturer", "people", "person",
}

// IsSpeakerField says whether speakers are read from a field so named.
func IsSpeakerField(name string) bool {
	for _, f := range SpeakerFields {
		if name == f {
			return true
		}
	}
	return false
}

// IsPeopleField says whether an event's field named name (in any case,
// singular or plural, with a prefix such as "co_") holds people the
// importers do not read as speakers.
func IsPeopleField(name string) bool {
	n := strings.ToLower(name)
	if n == "persons" || IsSpeakerField(n) {
		return false
	}
	n = strings.TrimSuffix(n, "s")
	n = strings.TrimPrefix(strings.TrimPrefix(n, "co_"), "co-")
	for _, f := range otherPeopleFields {
		if n == f {
			return true
		}
	}
	return false
}

// UnreadPeopleWarning is the warning for a field of people not read as
// speakers: how many entries it held, and what is read instead.
func UnreadPeopleWarning(field string, entries int) string {
	noun := "entries"
	if entries == 1 {
		noun = "entry"
	}
	return fmt.Sprintf("%q holds %d %s not read as speakers (they are read from persons, %s): left out", field, entries, noun, strings.Join(SpeakerFields, ", "))
}
