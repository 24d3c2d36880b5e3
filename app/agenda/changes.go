package agenda

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"companion/app/i18n"
	"companion/data/schedule"
)

// ChangeKind says how an event differs from what the attendee saw.
type ChangeKind uint8

const (
	Moved     ChangeKind = 1 << iota // starts at another time
	Retimed                          // same start, another end
	Reroomed                         // in another room
	Renamed                          // another title
	Cancelled                        // left the schedule, or marked cancelled
	Added                            // new in the schedule
)

// Change is one event's difference between a snapshot (Was) and the
// schedule now (Now, nil when the event left it).
type Change struct {
	Key  string
	Kind ChangeKind
	Was  Star
	Now  *schedule.Event
}

// IsCancelled reports whether the schedule marks an event cancelled
// (FOSDEM and frab keep cancelled talks, titled "CANCELLED …").
func IsCancelled(e *schedule.Event) bool {
	return markedCancelled(e.Title) || strings.EqualFold(e.Type, "cancelled") || strings.EqualFold(e.Type, "canceled")
}

// markedCancelled reports whether a title starts with a cancellation
// mark: "CANCELLED: …", "[Canceled] …", "Annulé – …".
func markedCancelled(title string) bool {
	t := strings.ToLower(strings.TrimLeft(title, " \t[(*-–—:!"))
	for _, w := range []string{"cancelled", "canceled", "annulé", "annulée", "abgesagt"} {
		if rest, ok := strings.CutPrefix(t, w); ok {
			if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// SnapshotOf is what is kept of an event.
func SnapshotOf(e *schedule.Event) Star {
	var speakers []string
	for _, p := range e.Persons {
		speakers = append(speakers, p.Name)
	}
	return Star{Title: e.Title, Start: e.Start, End: e.End, Rooms: e.Rooms, Speakers: speakers}
}

// Compare tells how the event now differs from the snapshot.
func Compare(key string, was Star, now *schedule.Event) Change {
	ch := Change{Key: key, Was: was, Now: now}
	if now == nil {
		ch.Kind = Cancelled
		return ch
	}
	wasCancelled := markedCancelled(was.Title)
	if IsCancelled(now) && !wasCancelled {
		ch.Kind |= Cancelled
	}
	if !was.Start.IsZero() && !was.Start.Equal(now.Start) {
		ch.Kind |= Moved
	} else if !was.End.IsZero() && !was.End.Equal(now.End) {
		ch.Kind |= Retimed
	}
	if len(was.Rooms) > 0 && !sameRooms(was.Rooms, now.Rooms) {
		ch.Kind |= Reroomed
	}
	if was.Title != "" && was.Title != now.Title && ch.Kind&Cancelled == 0 {
		ch.Kind |= Renamed
	}
	return ch
}

// sameRooms reports whether two lists name the same rooms, in any order:
// a plenary's rooms listed in another order (a schedule.json names rooms
// as the keys of an object, whose order means nothing) is not a move.
func sameRooms(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, r := range a {
		if !slices.Contains(b, r) {
			return false
		}
	}
	for _, r := range b {
		if !slices.Contains(a, r) {
			return false
		}
	}
	return true
}

// Words says the change for people, on the conference's wall clock:
// "moved from Bleu 11:00 to Rouge 14:30", "cancelled".
func (ch Change) Words(c *schedule.Conference) string { return ch.Say(i18n.English, c.Local) }

// Say says the change in language l, with times on the clock at gives
// (the conference's, or the attendee's device's).
func (ch Change) Say(l i18n.Lang, at func(time.Time) time.Time) string {
	if ch.Kind&Cancelled != 0 {
		if ch.Now == nil {
			return l.T("cancelled: no longer in the schedule")
		}
		return l.T("cancelled")
	}
	if ch.Kind&Added != 0 {
		return l.T("new in the schedule")
	}
	clock := func(t time.Time) string { return l.Clock(at(t)) }
	var parts []string
	now := ch.Now
	switch {
	case ch.Kind&Moved != 0:
		wasDay, nowDay := "", ""
		if at(ch.Was.Start).Format(time.DateOnly) != at(now.Start).Format(time.DateOnly) {
			wasDay, nowDay = l.ShortDate(at(ch.Was.Start))+" ", l.ShortDate(at(now.Start))+" "
		}
		from, to := wasDay+clock(ch.Was.Start), nowDay+clock(now.Start)
		if ch.Kind&Reroomed != 0 {
			from, to = strings.Join(ch.Was.Rooms, ", ")+" "+from, strings.Join(now.Rooms, ", ")+" "+to
		}
		parts = append(parts, l.F("moved from %s to %s", from, to))
		if d := now.End.Sub(now.Start); !ch.Was.End.IsZero() && d != ch.Was.End.Sub(ch.Was.Start) {
			parts = append(parts, l.F("now ends at %s", clock(now.End)))
		}
	case ch.Kind&Reroomed != 0:
		parts = append(parts, l.F("moved from %s to %s", strings.Join(ch.Was.Rooms, ", "), strings.Join(now.Rooms, ", ")))
	}
	if ch.Kind&Retimed != 0 {
		parts = append(parts, l.F("now ends at %s (was %s)", clock(now.End), clock(ch.Was.End)))
	}
	if ch.Kind&Renamed != 0 {
		parts = append(parts, l.F("renamed, was “%s”", ch.Was.Title))
	}
	return strings.Join(parts, "; ")
}

// Changes lists the starred events that changed since they were starred
// (or since their flag was dismissed), in time order. A starred event is
// never dropped: one that left the schedule is a Cancelled change until
// dismissed, and stays starred after.
func (a *Agenda) Changes(c *schedule.Conference) []Change {
	var out []Change
	for _, k := range a.Keys() {
		s := a.stars[k]
		ch := Compare(k, s, c.Event(k))
		if ch.Now == nil && s.Gone {
			continue
		}
		if ch.Kind != 0 {
			out = append(out, ch)
		}
	}
	return out
}

// Dismiss acknowledges a starred event's change flag.
func (a *Agenda) Dismiss(ch Change) error {
	if ch.Now == nil {
		return a.Acknowledge(ch.Key, nil)
	}
	s := SnapshotOf(ch.Now)
	return a.Acknowledge(ch.Key, &s)
}

// The whole schedule's changes since the attendee last looked: a compact
// snapshot of every event is kept beside the agenda.

// SeenKey is where the schedule the attendee last looked at is kept.
func SeenKey(conference string) string { return "companion/seen/" + conference }

type seenEvent struct {
	T string   `json:"t"`
	S int64    `json:"s"`
	E int64    `json:"e"`
	R []string `json:"r,omitempty"`
}

type seenFile struct {
	Version int                  `json:"v"`
	At      time.Time            `json:"at"`
	Events  map[string]seenEvent `json:"events"`
}

// Baseline is the schedule as the attendee last looked at it.
type Baseline struct {
	At     time.Time
	events map[string]seenEvent
}

// BaselineOf snapshots a schedule.
func BaselineOf(c *schedule.Conference, at time.Time) Baseline {
	b := Baseline{At: at, events: make(map[string]seenEvent, len(c.Events))}
	for _, e := range c.Events {
		if k := e.Key(); k != "" {
			b.events[k] = seenEvent{T: e.Title, S: e.Start.Unix(), E: e.End.Unix(), R: e.Rooms}
		}
	}
	return b
}

// LoadBaseline reads the schedule the attendee last looked at; ok is false
// when there is none (or it cannot be read: it is then taken afresh).
func LoadBaseline(s Storage, conference string) (b Baseline, ok bool) {
	raw, found := s.Get(SeenKey(conference))
	if !found {
		return Baseline{}, false
	}
	var f seenFile
	if json.Unmarshal([]byte(raw), &f) != nil || f.Version != 1 || f.Events == nil {
		return Baseline{}, false
	}
	return Baseline{At: f.At, events: f.Events}, true
}

// Save stores the baseline.
func (b Baseline) Save(s Storage, conference string) error {
	raw, err := json.Marshal(seenFile{Version: 1, At: b.At, Events: b.events})
	if err != nil {
		return err
	}
	return s.Set(SeenKey(conference), string(raw))
}

// Diff lists what changed in the schedule since the baseline: events
// added, cancelled (gone or marked), moved, re-timed, re-roomed or
// renamed, in time order (the cancelled by their former time).
func (b Baseline) Diff(c *schedule.Conference) []Change {
	var out []Change
	for _, e := range c.Events {
		k := e.Key()
		was, ok := b.events[k]
		if !ok {
			out = append(out, Change{Key: k, Kind: Added, Now: e})
			continue
		}
		if ch := Compare(k, was.star(), e); ch.Kind != 0 {
			out = append(out, ch)
		}
	}
	for k, was := range b.events {
		if c.Event(k) == nil {
			out = append(out, Change{Key: k, Kind: Cancelled, Was: was.star()})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		ti, tj := out[i].when(), out[j].when()
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return out[i].Key < out[j].Key
	})
	return out
}

func (e seenEvent) star() Star {
	return Star{Title: e.T, Start: time.Unix(e.S, 0), End: time.Unix(e.E, 0), Rooms: e.R}
}

func (ch Change) when() time.Time {
	if ch.Now != nil {
		return ch.Now.Start
	}
	return ch.Was.Start
}

func clock(c *schedule.Conference, t time.Time) string { return c.Local(t).Format("15:04") }
