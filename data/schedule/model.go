// Package schedule is the app's model of a conference schedule and the
// loader that reads it from the frab/pretalx/c3voc schedule.json format.
//
// It is shared by the browser app and the server, so it stays small: gjson,
// time and the standard string helpers, nothing that grows the wasm binary.
package schedule

import (
	"strings"
	"time"
)

// Conference is one event's whole schedule, ready to render.
type Conference struct {
	Acronym     string
	Title       string
	Description string
	URL         string
	Version     string // schedule.version: the publisher's revision label

	// TimeslotDuration is the grid step the publisher chose ("00:10"), as
	// written; "" when the source gives none.
	TimeslotDuration string

	// TimeZone is the IANA name the data gives (e.g. "Europe/Paris").
	// Location is that zone when this platform knows it, else a fixed zone
	// with the offset most events are written in: the browser build carries
	// no tz database, and the times the data writes are authoritative.
	TimeZone string
	Location *time.Location

	Start, End string // first and last date, as written (YYYY-MM-DD)

	Rooms  []Room  // in the data's order
	Tracks []Track // in the data's order
	Days   []Day   // in the data's order

	// Events holds every event once, by start time then room order. A
	// plenary listed in several rooms is one event with several Rooms.
	Events []*Event

	// Venue is where the conference happens, as conference.meta.venue
	// says (a convention beyond the schema; see README); zero when it
	// says nothing.
	Venue Venue

	// Warnings are what the loader accepted but a careful publisher would
	// fix (a duplicate slug, an unknown room). Errors stop the load instead.
	Warnings []Problem

	byKey  map[string]*Event
	bySlug map[string]*Event
	rooms  map[string]int
}

// Room is a place events happen in. Color is a CSS colour or "".
type Room struct {
	Name  string
	Slug  string
	GUID  string
	Color string

	// Capacity is how many people it seats (the schema's capacity), 0
	// when the data does not say; Description is what the data says of
	// it (the schema's description): where it is, how to find it. Data
	// may give it in several languages ({"en": …, "fr": …}): then
	// Description is the English one (else the first) and Descriptions
	// holds them all, by language tag.
	Capacity     int
	Description  string
	Descriptions map[string]string
}

// DescriptionIn is the room's description in lang when the data gives
// one, else its Description, with the language it is written in ("" when
// the data does not say).
func (r Room) DescriptionIn(lang string) (text, written string) {
	if t, ok := r.Descriptions[lang]; ok {
		return t, lang
	}
	for l, t := range r.Descriptions {
		if t == r.Description {
			return t, l
		}
	}
	return r.Description, ""
}

// Venue is the place of the conference and what attendees need to know
// about it, from conference.meta.venue. Every field may be empty.
type Venue struct {
	Name    string
	Address string // as much as the data gives (a city will do): maps search for name and address

	Description string // practical information about the place
	Simulcast   string // how plenaries shown in several rooms work there
	Spaces      []Space

	// Lang is the language its texts are written in (a BCP 47 tag such as
	// "en"), when the data says: the page marks them with it.
	Lang string
}

// Space is a place at the venue that matters besides the talks: the
// sponsor hall, a children's room, a quiet room, where a lunch is held.
type Space struct {
	Name        string
	Room        string // one of the conference's rooms, or ""
	Description string
}

// Empty reports whether the data says nothing of the venue.
func (v Venue) Empty() bool {
	return v.Name == "" && v.Address == "" && v.Description == "" && v.Simulcast == "" && len(v.Spaces) == 0
}

// Track is a topic; Color is a CSS colour or "".
type Track struct {
	Name  string
	Slug  string
	Color string
}

// Day is one of the conference's days. A day runs from Start to End, which
// may be after midnight: events are grouped by the day the data lists them
// under, never by calendar date.
type Day struct {
	Index  int    // the data's index, usually from 1
	Date   string // YYYY-MM-DD as written
	Start  time.Time
	End    time.Time
	Events []*Event // by start time, then room order
}

// Event is a talk, a break, a keynote: anything with a time and a place.
type Event struct {
	// GUID is the stable identity: the attendee's stars are keyed on Key(),
	// which is the guid (or pretalx code), never the deprecated numeric id.
	GUID string
	Code string
	ID   string // deprecated, may be non-unique in real data

	Slug     string // unique within the conference; used in URLs
	Title    string
	Subtitle string
	Track    string
	Type     string
	Language string
	Abstract string
	Details  string // the "description" field: the long text
	URL      string

	// FeedbackURL is where attendees rate the talk (pretalx, frab);
	// OriginURL its page in the system it came from.
	FeedbackURL string
	OriginURL   string
	// DoNotRecord is set when the speakers opted out of recording (then
	// there will be no replay); DoNotStream when the talk is not streamed.
	DoNotRecord      bool
	DoNotStream      bool
	RecordingLicense string

	// Rooms lists where the event is shown: one room, or several for a
	// plenary simulcast to several rooms.
	Rooms []string

	Start time.Time
	End   time.Time
	Day   int // index into Conference.Days

	Persons []Person
	Links   []Link
}

// Person is a speaker or moderator.
type Person struct {
	GUID         string
	Code         string
	ID           string
	Name         string
	Biography    string
	Organization string
	Position     string

	// Avatar is the picture the data gives (pretalx's avatar): an https
	// URL, or "".
	Avatar string
}

// Link is a reference from an event: a replay, slides, a project page.
type Link struct {
	URL   string
	Title string
	Type  string // the schema's types: media, slides, related, web, …
}

// Key is the event's stable identity: guid, else pretalx code.
func (e *Event) Key() string {
	if e.GUID != "" {
		return e.GUID
	}
	return e.Code
}

// Room is where the event takes place (the first room for a plenary).
func (e *Event) Room() string {
	if len(e.Rooms) == 0 {
		return ""
	}
	return e.Rooms[0]
}

// Plenary reports whether the event is shown in several rooms at once.
func (e *Event) Plenary() bool { return len(e.Rooms) > 1 }

// Duration is how long the event lasts.
func (e *Event) Duration() time.Duration { return e.End.Sub(e.Start) }

// IsSession reports whether the event is something to attend and star, as
// opposed to a break, a meal or registration.
func (e *Event) IsSession() bool {
	switch strings.ToLower(e.Type) {
	case "break", "lunch", "registration", "coffee", "meal":
		return false
	}
	return true
}

// Recording reports whether the link is to a recording of the talk.
func (l Link) Recording() bool { return l.Type == "media" || l.Type == "recording" }

// Replay returns the first recording link, if any. A talk its speakers
// opted out of recording has none, whatever links the data carries (a
// video link a schedule writes for every talk before the event leads
// nowhere for that one).
func (e *Event) Replay() (Link, bool) {
	if e.DoNotRecord {
		return Link{}, false
	}
	for _, l := range e.Links {
		if l.Recording() {
			return l, true
		}
	}
	return Link{}, false
}

// Key identifies a person across events: guid, code, id, then name.
func (p Person) Key() string {
	switch {
	case p.GUID != "":
		return p.GUID
	case p.Code != "":
		return p.Code
	case p.ID != "":
		return "id:" + p.ID
	}
	return "name:" + p.Name
}

// Event returns the event with that key (guid or code), or nil.
func (c *Conference) Event(key string) *Event { return c.byKey[key] }

// EventBySlug returns the event at that slug, or nil. A slug is also
// found in another case and without the dashes at its ends: links people
// saved must keep working whether they were made from the source's slug
// ("…-is-nixos-", "Camp2019-…") or from the one the format allows.
func (c *Conference) EventBySlug(slug string) *Event {
	if e := c.bySlug[slug]; e != nil {
		return e
	}
	want := strings.ToLower(trimSlug(slug))
	if want == "" {
		return nil
	}
	for s, e := range c.bySlug {
		if strings.ToLower(trimSlug(s)) == want {
			return e
		}
	}
	return nil
}

// Room returns the room with that name and whether it exists.
func (c *Conference) Room(name string) (Room, bool) {
	i, ok := c.rooms[name]
	if !ok {
		return Room{}, false
	}
	return c.Rooms[i], true
}

// RoomIndex is the room's position in display order (-1 when unknown).
func (c *Conference) RoomIndex(name string) int {
	if i, ok := c.rooms[name]; ok {
		return i
	}
	return -1
}

// Persons returns every distinct person, in order of first appearance.
func (c *Conference) Persons() []Person {
	seen := make(map[string]bool)
	var out []Person
	for _, e := range c.Events {
		for _, p := range e.Persons {
			if k := p.Key(); !seen[k] {
				seen[k] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// Local returns t as a wall clock in the conference's time zone.
func (c *Conference) Local(t time.Time) time.Time {
	if c.Location == nil {
		return t
	}
	return t.In(c.Location)
}
