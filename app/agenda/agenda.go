// Package agenda keeps the attendee's starred events for one conference.
//
// What the attendee saves must survive schedule updates, new app versions
// and damaged storage, so the stored form is versioned, keyed by the
// event's guid, and carries a snapshot of each starred event (title, start,
// rooms): a talk that is moved or removed from the schedule is still known,
// and can be shown as changed instead of silently disappearing.
package agenda

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"time"
)

// Version is the stored format's version. Bump it only with a migration in
// decode.
const Version = 1

// Storage is a string key-value store: the browser's localStorage in the
// app, a map in tests.
type Storage interface {
	Get(key string) (value string, ok bool)
	Set(key, value string) error
}

// Star is one starred event, with what the schedule said when it was
// starred.
type Star struct {
	Title   string    `json:"title"`
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
	Rooms   []string  `json:"rooms,omitempty"`
	Starred time.Time `json:"starred"`
}

// Agenda is one conference's starred events.
type Agenda struct {
	storage Storage
	key     string
	stars   map[string]Star
	// version is the stored version: a newer app's number is kept.
	version int
	// extra keeps stored fields this version does not know (written by a
	// newer app), so that going back a version loses nothing.
	extra map[string]json.RawMessage
}

// Key is the storage key of a conference's agenda.
func Key(conference string) string { return "companion/agenda/" + conference }

type stored struct {
	Version int             `json:"version"`
	Stars   map[string]Star `json:"stars"`
}

// Open reads a conference's agenda. A stored value that cannot be read is
// never thrown away: it is copied under a backup key, reported in notice,
// and the agenda starts empty.
func Open(s Storage, conference string) (a *Agenda, notice string) {
	a = &Agenda{storage: s, key: Key(conference), stars: map[string]Star{}, version: Version}
	raw, ok := s.Get(a.key)
	if !ok || raw == "" {
		return a, ""
	}
	if err := a.decode(raw); err != nil {
		backup := a.key + "/unreadable-" + strconv.FormatInt(time.Now().Unix(), 10)
		if serr := s.Set(backup, raw); serr != nil {
			return a, fmt.Sprintf("Your saved agenda could not be read (%v) and could not be backed up (%v).", err, serr)
		}
		a.stars = map[string]Star{}
		a.extra = nil
		a.version = Version
		return a, fmt.Sprintf("Your saved agenda could not be read (%v). A copy was kept under %q.", err, backup)
	}
	return a, ""
}

func (a *Agenda) decode(raw string) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &fields); err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	var v stored
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return fmt.Errorf("unexpected shape: %w", err)
	}
	if v.Version < 1 {
		return fmt.Errorf("unknown version %d", v.Version)
	}
	// Versions above ours come from a newer app: their stars field is read
	// as far as we understand it and everything else is kept as is.
	delete(fields, "version")
	delete(fields, "stars")
	if len(fields) > 0 {
		a.extra = fields
	}
	if v.Stars != nil {
		a.stars = v.Stars
	}
	a.version = max(v.Version, Version)
	return nil
}

func (a *Agenda) save() error {
	out := map[string]any{}
	for k, v := range a.extra {
		out[k] = v
	}
	out["version"] = a.version
	out["stars"] = a.stars
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	return a.storage.Set(a.key, string(b))
}

// Starred reports whether the event with that key is starred.
func (a *Agenda) Starred(key string) bool {
	_, ok := a.stars[key]
	return ok
}

// Star returns the stored snapshot of a starred event.
func (a *Agenda) Star(key string) (Star, bool) {
	s, ok := a.stars[key]
	return s, ok
}

// Set stars (on) or unstars (off) an event and saves the agenda. When the
// save fails the change is undone, so what is shown is what is stored.
func (a *Agenda) Set(key string, on bool, snapshot Star) error {
	prev, had := a.stars[key]
	if on {
		if snapshot.Starred.IsZero() {
			snapshot.Starred = time.Now().UTC()
		}
		a.stars[key] = snapshot
	} else {
		delete(a.stars, key)
	}
	if err := a.save(); err != nil {
		if had {
			a.stars[key] = prev
		} else {
			delete(a.stars, key)
		}
		return err
	}
	return nil
}

// Keys returns the starred keys by their snapshot's start time.
func (a *Agenda) Keys() []string {
	keys := make([]string, 0, len(a.stars))
	for k := range a.stars {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		si, sj := a.stars[keys[i]], a.stars[keys[j]]
		if !si.Start.Equal(sj.Start) {
			return si.Start.Before(sj.Start)
		}
		return keys[i] < keys[j]
	})
	return keys
}

// Len is the number of starred events.
func (a *Agenda) Len() int { return len(a.stars) }
