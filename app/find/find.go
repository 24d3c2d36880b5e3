// Package find is how attendees narrow a schedule: filters by day, track,
// room, language and type, hiding what is over or a room or track they do
// not care for, all of it kept in the page's URL; the lists of tracks and
// rooms with their talks; and what is on now and next in every room. It
// is pure Go and takes the time as an argument, so that tests set the
// clock.
package find

import (
	"strings"
	"unicode"

	"companion/app/search"
	"companion/data/schedule"
)

// Kind is what sort of event it is, as people choose between them.
type Kind string

const (
	Keynote   Kind = "keynote"
	Talk      Kind = "talk"
	Lightning Kind = "lightning"
	Workshop  Kind = "workshop"
	Break     Kind = "break"
)

// Kinds lists the kinds in the order they are offered.
var Kinds = []Kind{Keynote, Talk, Lightning, Workshop, Break}

// Label is the kind's name for people.
func (k Kind) Label() string {
	switch k {
	case Keynote:
		return "Keynote"
	case Lightning:
		return "Lightning talk"
	case Workshop:
		return "Workshop"
	case Break:
		return "Break"
	}
	return "Talk"
}

// KindOf reads an event's kind from its type, whatever the exporter
// called it, and else from its track ("Keynotes", "Lightning Talks"):
// anything else to attend is a talk.
func KindOf(e *schedule.Event) Kind {
	if !e.IsSession() || search.Fold(e.Type) == "pause" {
		return Break
	}
	for _, s := range []string{e.Type, e.Track} {
		t := search.Fold(s)
		switch {
		case strings.Contains(t, "keynote") || t == "plenary":
			return Keynote
		case strings.Contains(t, "lightning"):
			return Lightning
		case strings.Contains(t, "workshop") || strings.Contains(t, "tutorial") || strings.Contains(t, "hands-on") || strings.Contains(t, "atelier") || t == "lab":
			return Workshop
		}
	}
	return Talk
}

// Languages returns the language codes of an event's language field, in
// lower case ("de, en" is de and en).
func Languages(e *schedule.Event) []string {
	var out []string
	for _, part := range strings.Split(e.Language, ",") {
		if part = strings.ToLower(strings.TrimSpace(part)); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// Slug makes a name fit for a URL: folded, runs of anything but letters and
// digits as one hyphen ("Réseau & eBPF" is "reseau-ebpf").
func Slug(name string) string {
	f := search.Fold(name)
	var b strings.Builder
	dash := false
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
