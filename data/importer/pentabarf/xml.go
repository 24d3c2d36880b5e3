package pentabarf

import "encoding/xml"

// The document as Pentabarf, FOSDEM, frab and c3voc write it. The two
// families differ in places (tracks as text or as attributes, links with
// text or with <title>/<type> children); the fields hold both.

type xmlSchedule struct {
	XMLName    xml.Name      `xml:"schedule"`
	Version    string        `xml:"version"`
	Conference xmlConference `xml:"conference"`
	Tracks     []xmlTrack    `xml:"tracks>track"`
	Rooms      []xmlRoom     `xml:"rooms>room"`
	Days       []xmlDay      `xml:"day"`
}

type xmlConference struct {
	Acronym      string `xml:"acronym"`
	Title        string `xml:"title"`
	Subtitle     string `xml:"subtitle"`
	Venue        string `xml:"venue"`
	City         string `xml:"city"`
	Start        string `xml:"start"`
	End          string `xml:"end"`
	BaseURL      string `xml:"base_url"`
	URL          string `xml:"url"`
	TimeZoneName string `xml:"time_zone_name"`
	DayChange    string `xml:"day_change"` // Pentabarf: when a day ends, e.g. 09:00:00

	TimeslotDuration string     `xml:"timeslot_duration"`
	Tracks           []xmlTrack `xml:"track"`
	Rooms            []xmlRoom  `xml:"rooms>room"`
}

// xmlTrack is <track>Name</track> (Pentabarf) or
// <track name="…" slug="…" color="…"/> (c3voc).
type xmlTrack struct {
	Text  string `xml:",chardata"`
	Name  string `xml:"name,attr"`
	Slug  string `xml:"slug,attr"`
	Color string `xml:"color,attr"`
}

type xmlDay struct {
	Index string    `xml:"index,attr"`
	Date  string    `xml:"date,attr"`
	Start string    `xml:"start,attr"`
	End   string    `xml:"end,attr"`
	Rooms []xmlRoom `xml:"room"`
	// Events straight under <day>, each naming its <room>: Pentabarf
	// wrote that before rooms wrapped them (FOSDEM until about 2012).
	Events []xmlEvent `xml:"event"`
}

type xmlRoom struct {
	Name   string     `xml:"name,attr"`
	Slug   string     `xml:"slug,attr"`
	GUID   string     `xml:"guid,attr"`
	Events []xmlEvent `xml:"event"`
}

type xmlEvent struct {
	GUID        string       `xml:"guid,attr"`
	ID          string       `xml:"id,attr"`
	Date        string       `xml:"date"`
	Start       string       `xml:"start"`
	Duration    string       `xml:"duration"`
	Room        string       `xml:"room"`
	Slug        string       `xml:"slug"`
	URL         string       `xml:"url"`
	Title       string       `xml:"title"`
	Subtitle    string       `xml:"subtitle"`
	Track       string       `xml:"track"`
	Type        string       `xml:"type"`
	Language    string       `xml:"language"`
	Abstract    string       `xml:"abstract"`
	Description string       `xml:"description"`
	Code        string       `xml:"code"`
	CodeAttr    string       `xml:"code,attr"`
	Persons     []xmlPerson  `xml:"persons>person"`
	Speakers    []xmlPerson  `xml:"speakers>speaker"`
	Presenters  []xmlPerson  `xml:"presenters>presenter"`
	Authors     []xmlPerson  `xml:"authors>author"`
	Links       []xmlLink    `xml:"links>link"`
	Attachments []xmlLink    `xml:"attachments>attachment"`
	FeedbackURL string       `xml:"feedback_url"`
	OriginURL   string       `xml:"origin_url"`
	Recording   xmlRecording `xml:"recording"`
	Others      []xmlOther   `xml:",any"`
}

// xmlOther is an element of an event the importer has no field for: read
// as a speaker when named like one (<speaker>Name</speaker>), counted when
// it lists people who are not read (<hosts><host>…</host></hosts>).
type xmlOther struct {
	XMLName xml.Name
	xmlPerson
	Children []xmlPerson `xml:",any"`
}

// xmlRecording is c3voc's <recording><license/><optout>true</optout></recording>.
type xmlRecording struct {
	License string `xml:"license"`
	Optout  string `xml:"optout"`
	URL     string `xml:"url"`
	Link    string `xml:"link"`
}

// xmlPerson is <person id="…">Name</person> and the other shapes seen:
// <person name="…"/>, <person><name>…</name></person>.
type xmlPerson struct {
	ID             string `xml:"id,attr"`
	GUID           string `xml:"guid,attr"`
	NameAttr       string `xml:"name,attr"`
	Name           string `xml:",chardata"`
	NameElem       string `xml:"name"`
	PublicName     string `xml:"public_name"`
	FullPublicName string `xml:"full_public_name"`
	IDElem         string `xml:"id"`
}

// xmlLink is <link href="…">Title</link> or
// <link href="…"><type>…</type><title>…</title></link>.
type xmlLink struct {
	Href     string `xml:"href,attr"`
	URLElem  string `xml:"url"`
	Text     string `xml:",chardata"`
	Title    string `xml:"title"`
	Type     string `xml:"type"`
	TypeAttr string `xml:"type,attr"`
}
