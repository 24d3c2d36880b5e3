// Package agenda keeps the attendee's own plan for one conference: the
// starred events, and notes and ratings per talk.
//
// What the attendee saves must survive schedule updates, new app versions
// and damaged storage, so the stored form is versioned (with migrations),
// keyed by the event's guid, and carries a snapshot of each starred or
// annotated event (title, start, rooms, speakers): a talk that is moved or
// removed from the schedule is still known, and can be shown as changed
// instead of silently disappearing. Nothing unreadable is thrown away: a
// damaged entry is kept aside inside the agenda, and a damaged agenda is
// copied once under a backup key (or, when there is no room for a copy,
// left where it is until the attendee has downloaded it).
package agenda

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"

	"companion/app/i18n"
)

// Version is the stored format's version. Bump it only with a migration in
// migrations.
//
//	1: stars
//	2: notes and ratings
const Version = 2

// Storage is a string key-value store: the browser's localStorage in the
// app, a map in tests.
type Storage interface {
	Get(key string) (value string, ok bool)
	Set(key, value string) error
	Remove(key string) error
	// Keys lists the stored keys that start with prefix.
	Keys(prefix string) []string
}

// ErrQuota is what Storage.Set returns (wrapped) when the device has no
// room left for the app's data.
var ErrQuota = errors.New("this device has no room left to save the app's data")

// Star is one starred event, with what the schedule said when it was
// starred. The same snapshot names the talk of a note.
type Star struct {
	Title    string    `json:"title"`
	Start    time.Time `json:"start,omitzero"`
	End      time.Time `json:"end,omitzero"`
	Rooms    []string  `json:"rooms,omitempty"`
	Speakers []string  `json:"speakers,omitempty"`
	Starred  time.Time `json:"starred,omitzero"`
	// Gone is set when the attendee has seen that the event left the
	// schedule (a dismissed "cancelled" flag).
	Gone bool `json:"gone,omitempty"`
}

// Note is what the attendee wrote about a talk and how they rated it.
type Note struct {
	Text    string    `json:"text,omitempty"`
	Rating  int       `json:"rating,omitempty"` // 1 to 5; 0 is no rating
	Updated time.Time `json:"updated,omitzero"`
	Talk    Star      `json:"talk"`
}

// Empty reports whether the note holds nothing the attendee wrote.
func (n Note) Empty() bool { return strings.TrimSpace(n.Text) == "" && n.Rating == 0 }

// Recovery records a stored agenda that could not be read and was copied
// under Backup, so that the attendee can download it later.
type Recovery struct {
	Backup string    `json:"backup"`
	At     time.Time `json:"at"`
	Bytes  int       `json:"bytes"`
}

// Agenda is one conference's starred events and notes.
type Agenda struct {
	storage Storage
	key     string // where the agenda lives
	saveKey string // where it is saved: key, or held's side key
	stars   map[string]Star
	notes   map[string]Note
	// aside keeps entries that could not be read, as they were, so that
	// saving never loses them ("stars/guid" → raw JSON).
	aside     map[string]json.RawMessage
	recovered []Recovery
	// held is an unreadable stored agenda that could not be copied (no
	// room): it stays under key, untouched, and changes go to saveKey.
	held string
	// version is the stored version: a newer app's number is kept.
	version int
	// extra keeps stored fields this version does not know (written by a
	// newer app), so that going back a version loses nothing.
	extra map[string]json.RawMessage
}

// Key is the storage key of a conference's agenda.
func Key(conference string) string { return keyPrefix + conference }

const keyPrefix = "companion/agenda/"

// heldSuffix names where changes go while an unreadable agenda is held.
const heldSuffix = "/while-unreadable"

// backupInfix names the copies of unreadable agendas.
const backupInfix = "/unreadable-"

// Open reads a conference's agenda. It never fails: what cannot be read is
// kept (see the package comment) and notice tells the attendee about it in
// plain words; notice is empty when all is well.
func Open(s Storage, conference string) (a *Agenda, notice string) {
	return OpenIn(i18n.English, s, conference)
}

// OpenIn is Open with the notice in language l.
func OpenIn(l i18n.Lang, s Storage, conference string) (a *Agenda, notice string) {
	a = &Agenda{storage: s, key: Key(conference), version: Version}
	a.saveKey = a.key
	a.reset()
	raw, ok := s.Get(a.key)
	if !ok || raw == "" {
		return a, ""
	}
	lost, err := a.decode(raw)
	if err == nil {
		if lost > 0 {
			return a, l.N(lost, "%d entry of your saved agenda could not be read. It is kept as it was and included in backups.",
				"%d entries of your saved agenda could not be read. They are kept as they were and included in backups.", lost)
		}
		return a, ""
	}
	return a, a.recover(l, raw)
}

func (a *Agenda) reset() {
	a.stars = map[string]Star{}
	a.notes = map[string]Note{}
	a.aside = map[string]json.RawMessage{}
	a.recovered = nil
	a.extra = nil
	a.version = Version
}

// recover handles a stored agenda that cannot be read at all: it is
// copied once under a key named after its content, and the agenda starts
// afresh; when the copy cannot be made it is held where it is.
func (a *Agenda) recover(l i18n.Lang, raw string) string {
	a.reset()
	sum := sha256.Sum256([]byte(raw))
	backup := a.key + backupInfix + hex.EncodeToString(sum[:6])
	copied := false
	if v, ok := a.storage.Get(backup); !ok || v != raw {
		if err := a.storage.Set(backup, raw); err != nil {
			return a.hold(l, raw)
		}
		copied = true
	}
	// What was starred while the agenda was held comes back.
	side := a.key + heldSuffix
	if v, ok := a.storage.Get(side); ok {
		b := &Agenda{}
		b.reset()
		if _, err := b.decode(v); err == nil {
			a.stars, a.notes, a.aside = b.stars, b.notes, b.aside
		}
	}
	a.recovered = append(a.recovered, Recovery{Backup: backup, At: time.Now().UTC(), Bytes: len(raw)})
	if err := a.save(); err != nil {
		// The copy exists; the next start tries again without copying.
		return l.T("Your saved agenda could not be read. A copy is kept on this device, but the agenda could not be restarted: ") + PlainIn(l, err)
	}
	a.storage.Remove(side)
	if !copied {
		return ""
	}
	return l.T("Your saved agenda could not be read, so it starts afresh. A copy of what was saved is kept on this device: you can download it from My agenda.")
}

func (a *Agenda) hold(l i18n.Lang, raw string) string {
	a.held = raw
	a.saveKey = a.key + heldSuffix
	if v, ok := a.storage.Get(a.saveKey); ok {
		a.decode(v)
	}
	return l.T("Your saved agenda could not be read, and this device has no room to keep a copy of it. It is left as it was: download it from My agenda to keep it. What you star now is saved apart from it.")
}

// Held returns the unreadable stored agenda that is kept where it was
// because no copy of it could be made.
func (a *Agenda) Held() (string, bool) { return a.held, a.held != "" }

// DiscardHeld deletes the held unreadable agenda (once the attendee has
// downloaded it) and makes what was saved apart from it the agenda.
func (a *Agenda) DiscardHeld() error {
	if a.held == "" {
		return nil
	}
	side := a.saveKey
	a.saveKey = a.key
	if err := a.save(); err != nil {
		a.saveKey = side
		return err
	}
	a.held = ""
	a.storage.Remove(side)
	return nil
}

// Recovered lists the copies of unreadable agendas kept on the device.
func (a *Agenda) Recovered() []Recovery { return a.recovered }

// Backup returns the content of a kept copy.
func (a *Agenda) Backup(r Recovery) (string, bool) { return a.storage.Get(r.Backup) }

// ForgetBackup deletes a kept copy of an unreadable agenda.
func (a *Agenda) ForgetBackup(r Recovery) error {
	var rest []Recovery
	for _, x := range a.recovered {
		if x.Backup != r.Backup {
			rest = append(rest, x)
		}
	}
	prev := a.recovered
	a.recovered = rest
	if err := a.save(); err != nil {
		a.recovered = prev
		return err
	}
	a.storage.Remove(r.Backup)
	return nil
}

// stored is the format, as far as this version reads it.
type stored struct {
	Version   int                        `json:"version"`
	Stars     map[string]json.RawMessage `json:"stars"`
	Notes     map[string]json.RawMessage `json:"notes"`
	Aside     map[string]json.RawMessage `json:"unreadable"`
	Recovered []Recovery                 `json:"recovered"`
}

var known = []string{"version", "stars", "notes", "unreadable", "recovered"}

// migrations[v] turns a version v agenda into version v+1.
var migrations = map[int]func(fields map[string]json.RawMessage) error{
	// Version 2 adds notes and ratings: a version 1 agenda has none. A
	// "notes" field in a version 1 agenda is no one's we know: kept aside.
	1: func(fields map[string]json.RawMessage) error {
		if v, ok := fields["notes"]; ok {
			fields["v1-notes"] = v
		}
		fields["notes"] = json.RawMessage(`{}`)
		fields["version"] = json.RawMessage(`2`)
		return nil
	},
}

var errUnreadable = errors.New("unreadable agenda")

// decode reads a stored agenda. It fails only when the value as a whole
// cannot be read; entries that cannot be read are kept aside and counted
// in lost.
func (a *Agenda) decode(raw string) (lost int, err error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &fields); err != nil || fields == nil {
		return 0, errUnreadable
	}
	var version int
	if err := json.Unmarshal(fields["version"], &version); err != nil || version < 1 {
		return 0, errUnreadable
	}
	for v := version; v < Version; v++ {
		if err := migrations[v](fields); err != nil {
			return 0, errUnreadable
		}
	}
	b, _ := json.Marshal(fields)
	var v stored
	if err := json.Unmarshal(b, &v); err != nil {
		// A field of the wrong shape: read what can be read of each.
		v = stored{}
		json.Unmarshal(fields["stars"], &v.Stars)
		json.Unmarshal(fields["notes"], &v.Notes)
		json.Unmarshal(fields["unreadable"], &v.Aside)
		json.Unmarshal(fields["recovered"], &v.Recovered)
		for _, k := range []string{"stars", "notes", "unreadable", "recovered"} {
			if f, ok := fields[k]; ok && string(f) != "null" && !isObjectOrArray(f) {
				a.aside[k] = f
				lost++
			}
		}
	}
	for _, k := range known {
		delete(fields, k)
	}
	if len(fields) > 0 {
		a.extra = fields
	}
	// Versions above ours come from a newer app: their entries are read as
	// far as we understand them and the rest is kept as is.
	a.version = max(version, Version)
	for k, raw := range v.Aside {
		a.aside[k] = raw
	}
	for k, raw := range v.Stars {
		if s, ok := readStar(raw); ok {
			a.stars[k] = s
		} else {
			a.aside["stars/"+k] = raw
			lost++
		}
	}
	for k, raw := range v.Notes {
		if n, ok := readNote(raw); ok {
			a.notes[k] = n
		} else {
			a.aside["notes/"+k] = raw
			lost++
		}
	}
	a.recovered = v.Recovered
	return lost, nil
}

func isObjectOrArray(raw json.RawMessage) bool {
	s := strings.TrimSpace(string(raw))
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")
}

// readStar reads a star entry, leniently: an entry of another shape (an
// older or foreign writer) is recovered when its title or start can be
// read.
func readStar(raw json.RawMessage) (Star, bool) {
	var s Star
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, true
	}
	var f map[string]json.RawMessage
	if json.Unmarshal(raw, &f) != nil {
		return Star{}, false
	}
	json.Unmarshal(f["title"], &s.Title)
	s.Start = readTime(f["start"])
	s.End = readTime(f["end"])
	s.Starred = readTime(f["starred"])
	if json.Unmarshal(f["rooms"], &s.Rooms) != nil {
		var room string
		if json.Unmarshal(f["rooms"], &room) == nil && room != "" {
			s.Rooms = []string{room}
		}
	}
	json.Unmarshal(f["speakers"], &s.Speakers)
	return s, s.Title != "" || !s.Start.IsZero()
}

func readTime(raw json.RawMessage) time.Time {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// readNote reads a note entry; a bare string is a note's text.
func readNote(raw json.RawMessage) (Note, bool) {
	var n Note
	if err := json.Unmarshal(raw, &n); err == nil {
		n.Rating = clampRating(n.Rating)
		return n, true
	}
	var text string
	if json.Unmarshal(raw, &text) == nil {
		return Note{Text: text}, true
	}
	var f map[string]json.RawMessage
	if json.Unmarshal(raw, &f) != nil {
		return Note{}, false
	}
	json.Unmarshal(f["text"], &n.Text)
	var rating any
	json.Unmarshal(f["rating"], &rating)
	switch r := rating.(type) {
	case float64:
		n.Rating = clampRating(int(r))
	case string:
		if len(r) == 1 && r[0] >= '1' && r[0] <= '5' {
			n.Rating = int(r[0] - '0')
		}
	}
	n.Updated = readTime(f["updated"])
	if t, ok := readStar(f["talk"]); ok {
		n.Talk = t
	}
	return n, !n.Empty()
}

func clampRating(r int) int { return min(max(r, 0), 5) }

func (a *Agenda) encode() (string, error) {
	out := map[string]any{}
	for k, v := range a.extra {
		out[k] = v
	}
	out["version"] = a.version
	out["stars"] = a.stars
	out["notes"] = a.notes
	if len(a.aside) > 0 {
		out["unreadable"] = a.aside
	}
	if len(a.recovered) > 0 {
		out["recovered"] = a.recovered
	}
	b, err := json.Marshal(out)
	return string(b), err
}

func (a *Agenda) save() error {
	s, err := a.encode()
	if err != nil {
		return err
	}
	return a.storage.Set(a.saveKey, s)
}

// Plain says a storage error in words for people.
func Plain(err error) string { return PlainIn(i18n.English, err) }

// PlainIn is Plain in language l.
func PlainIn(l i18n.Lang, err error) string {
	if errors.Is(err, ErrQuota) {
		return l.T("this device has no room left for the app's data. Download a backup from My agenda, then free some space (for instance by deleting notes or agendas of past conferences).")
	}
	return l.T("the browser refused to save it (private browsing, or storage turned off for this site).")
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

// Acknowledge dismisses the change flag of a starred event: its snapshot
// becomes what the schedule says now (now is nil when the event left the
// schedule; it stays starred and listed).
func (a *Agenda) Acknowledge(key string, now *Star) error {
	prev, ok := a.stars[key]
	if !ok {
		return nil
	}
	s := prev
	if now == nil {
		s.Gone = true
	} else {
		s.Title, s.Start, s.End, s.Rooms, s.Speakers, s.Gone = now.Title, now.Start, now.End, now.Rooms, now.Speakers, false
	}
	a.stars[key] = s
	if err := a.save(); err != nil {
		a.stars[key] = prev
		return err
	}
	return nil
}

// Keys returns the starred keys by their snapshot's start time.
func (a *Agenda) Keys() []string {
	return sortedKeys(a.stars, func(k string) time.Time { return a.stars[k].Start })
}

func sortedKeys[T any](m map[string]T, start func(string) time.Time) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		si, sj := start(keys[i]), start(keys[j])
		if !si.Equal(sj) {
			return si.Before(sj)
		}
		return keys[i] < keys[j]
	})
	return keys
}

// Len is the number of starred events.
func (a *Agenda) Len() int { return len(a.stars) }

// Note returns the attendee's note on an event.
func (a *Agenda) Note(key string) (Note, bool) {
	n, ok := a.notes[key]
	return n, ok
}

// SetNote saves a note (text and rating) on an event, with a snapshot of
// the talk for the report; an empty note is deleted. On failure nothing
// changes.
func (a *Agenda) SetNote(key string, n Note) error {
	prev, had := a.notes[key]
	n.Rating = clampRating(n.Rating)
	if n.Empty() {
		delete(a.notes, key)
	} else {
		if n.Updated.IsZero() {
			n.Updated = time.Now().UTC()
		}
		a.notes[key] = n
	}
	if err := a.save(); err != nil {
		if had {
			a.notes[key] = prev
		} else {
			delete(a.notes, key)
		}
		return err
	}
	return nil
}

// NoteKeys returns the keys of the events with a note, by start time.
func (a *Agenda) NoteKeys() []string {
	return sortedKeys(a.notes, func(k string) time.Time { return a.notes[k].Talk.Start })
}

// Unreadable is the number of entries kept aside because they could not
// be read.
func (a *Agenda) Unreadable() int { return len(a.aside) }

// Replace sets the starred events to exactly keys (snapshots from snap),
// keeping the snapshots of those already starred. It returns the previous
// stars, for an undo with Restore.
func (a *Agenda) Replace(keys []string, snap func(key string) Star) (previous map[string]Star, err error) {
	previous = a.stars
	next := map[string]Star{}
	for _, k := range keys {
		if s, ok := previous[k]; ok {
			next[k] = s
		} else {
			s := snap(k)
			s.Starred = time.Now().UTC()
			next[k] = s
		}
	}
	a.stars = next
	if err := a.save(); err != nil {
		a.stars = previous
		return nil, err
	}
	return previous, nil
}

// Restore puts back the stars Replace returned.
func (a *Agenda) Restore(stars map[string]Star) error {
	prev := a.stars
	a.stars = stars
	if err := a.save(); err != nil {
		a.stars = prev
		return err
	}
	return nil
}

// Merge stars keys that are not starred yet and reports how many.
func (a *Agenda) Merge(keys []string, snap func(key string) Star) (added int, err error) {
	var addedKeys []string
	for _, k := range keys {
		if _, ok := a.stars[k]; ok {
			continue
		}
		s := snap(k)
		s.Starred = time.Now().UTC()
		a.stars[k] = s
		addedKeys = append(addedKeys, k)
	}
	if len(addedKeys) == 0 {
		return 0, nil
	}
	if err := a.save(); err != nil {
		for _, k := range addedKeys {
			delete(a.stars, k)
		}
		return 0, err
	}
	return len(addedKeys), nil
}

func itoa(n int) string { return strconv.Itoa(n) }
