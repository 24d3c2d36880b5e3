package export

import (
	"bytes"
	"encoding/json"
)

// The document's shape, field by field in the schema's vocabulary. Field
// order is the order people expect to read.

type document struct {
	Schema    string      `json:"$schema"`
	Generator generator   `json:"generator"`
	Schedule  scheduleDoc `json:"schedule"`
}

type generator struct {
	Name string `json:"name"`
}

type scheduleDoc struct {
	Version    string     `json:"version"`
	Conference conference `json:"conference"`
}

type conference struct {
	Acronym          string         `json:"acronym"`
	Title            string         `json:"title"`
	Description      string         `json:"description,omitempty"`
	URL              string         `json:"url,omitempty"`
	Start            string         `json:"start"`
	End              string         `json:"end"`
	DaysCount        int            `json:"daysCount"`
	TimeslotDuration string         `json:"timeslot_duration"`
	TimeZoneName     string         `json:"time_zone_name,omitempty"`
	Rooms            []room         `json:"rooms"`
	Tracks           []track        `json:"tracks,omitempty"`
	Meta             map[string]any `json:"meta,omitempty"`
	Days             []day          `json:"days"`
}

type room struct {
	Name        string `json:"name"`
	Slug        string `json:"slug"`
	GUID        string `json:"guid"`
	Capacity    int    `json:"capacity,omitempty"`
	Description any    `json:"description,omitempty"` // a string, or the texts by language
}

// venue is conference.meta.venue, a convention beyond the schema.
type venue struct {
	Name        string  `json:"name,omitempty"`
	Address     string  `json:"address,omitempty"`
	Description string  `json:"description,omitempty"`
	Simulcast   string  `json:"simulcast,omitempty"`
	Spaces      []space `json:"spaces,omitempty"`
	Lang        string  `json:"lang,omitempty"`
}

type space struct {
	Name        string `json:"name"`
	Room        string `json:"room,omitempty"`
	Description string `json:"description,omitempty"`
}

type track struct {
	Name  string `json:"name"`
	Slug  string `json:"slug"`
	Color string `json:"color,omitempty"`
}

type day struct {
	Index    int      `json:"index"`
	Date     string   `json:"date"`
	DayStart string   `json:"day_start"`
	DayEnd   string   `json:"day_end"`
	Rooms    dayRooms `json:"rooms"`
}

type dayRoom struct {
	name   string
	events []event
}

// dayRooms is the day's room → events object, written in room order
// (a Go map would sort the keys).
type dayRooms []dayRoom

func (rs dayRooms) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, r := range rs {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(r.name)
		if err != nil {
			return nil, err
		}
		v, err := marshal(r.events)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal is json.Marshal without HTML escaping: titles keep their "&".
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

type event struct {
	GUID        string  `json:"guid"`
	Code        string  `json:"code,omitempty"`
	ID          int     `json:"id"`
	Date        string  `json:"date"`
	Start       string  `json:"start"`
	End         string  `json:"end"`
	Duration    string  `json:"duration"`
	Room        string  `json:"room"`
	Slug        string  `json:"slug"`
	URL         string  `json:"url"`
	Title       string  `json:"title"`
	Subtitle    string  `json:"subtitle"`
	Track       *string `json:"track"`
	Type        string  `json:"type"`
	Language    *string `json:"language"`
	Abstract    string  `json:"abstract"`
	Description *string `json:"description"`

	RecordingLicense string `json:"recording_license,omitempty"`
	DoNotRecord      bool   `json:"do_not_record,omitempty"`
	DoNotStream      bool   `json:"do_not_stream,omitempty"`

	Persons     []person    `json:"persons"`
	Links       []reference `json:"links"`
	FeedbackURL string      `json:"feedback_url,omitempty"`
	OriginURL   string      `json:"origin_url,omitempty"`
	Attachments []reference `json:"attachments,omitempty"`
}

type person struct {
	Name         string `json:"name"`
	ID           *int   `json:"id,omitempty"`
	Code         string `json:"code,omitempty"`
	GUID         string `json:"guid,omitempty"`
	Organization string `json:"organization,omitempty"`
	Position     string `json:"position,omitempty"`
	Biography    string `json:"biography,omitempty"`
	Avatar       string `json:"avatar,omitempty"`
}

type reference struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"`
	Type  string `json:"type,omitempty"`
}
