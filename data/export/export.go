// Package export writes a conference as a strict schedule.json document:
// every field the published schema requires, in the shape it requires, so
// that what `companion import` produces validates and loads back with
// nothing the app shows lost.
//
// Importers build a schedule.Conference (only exported fields: Days need
// Index, Date and bounds; Events need Day, Rooms, Start and End) and hand
// it to JSON. It is for the command line; the browser app never links it.
package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"companion/data/schedule"

	"github.com/google/uuid"
	"golang.org/x/text/unicode/norm"
)

// Generator names this program in the documents it writes.
const Generator = "conference-companion"

var (
	acronymPattern  = regexp.MustCompile(`^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$`)
	slugPattern     = regexp.MustCompile(`^[a-z0-9_-]+[a-z0-9]$`)
	codePattern     = regexp.MustCompile(`^[A-Z0-9]+$`)
	timeZonePattern = regexp.MustCompile(`^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$`)
	linkTypes       = map[string]bool{"slides": true, "paper": true, "web": true, "blog": true, "article": true, "media": true, "related": true, "activitypub": true}
)

// JSON writes c as an indented schedule.json document. An acronym that
// does not fit the format is written as FitAcronym makes it. JSON fails
// only on what no writer could fix: no acronym, no days, an event on a day
// that does not exist.
func JSON(c *schedule.Conference) ([]byte, error) {
	if c.Acronym == "" {
		return nil, fmt.Errorf("export: the conference has no acronym")
	}
	if len(c.Days) == 0 {
		return nil, fmt.Errorf("export: %s has no days", c.Acronym)
	}
	w := writer{c: c, loc: c.Location, slugs: map[string]bool{}, ids: map[int]bool{}, sourceSlugs: map[string]string{}}
	if w.loc == nil {
		w.loc = time.UTC
	}
	doc, err := w.document()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type writer struct {
	c     *schedule.Conference
	loc   *time.Location
	slugs map[string]bool
	ids   map[int]bool
	next  int

	// sourceSlugs keeps, by guid, the slugs the format's pattern cannot
	// hold ("…-is-nixos-", "Camp2019-…"), so that the loader gives the
	// event back its source's slug and links made from it keep working.
	sourceSlugs map[string]string
}

func (w *writer) document() (*document, error) {
	c := w.c
	conf := conference{
		Rooms:            []room{},
		Acronym:          FitAcronym(c.Acronym),
		Title:            c.Title,
		Description:      c.Description,
		URL:              uriOrEmpty(c.URL),
		Start:            c.Start,
		End:              c.End,
		DaysCount:        len(c.Days),
		TimeslotDuration: firstNonEmpty(strings.TrimSpace(c.TimeslotDuration), "00:05"),
	}
	if conf.Start == "" {
		conf.Start = c.Days[0].Date
	}
	if conf.End == "" {
		conf.End = c.Days[len(c.Days)-1].Date
	}
	if timeZonePattern.MatchString(c.TimeZone) {
		conf.TimeZoneName = c.TimeZone
	}
	colors := map[string]string{}
	roomOrder := map[string]int{}
	for _, r := range c.Rooms {
		if r.Name == "" {
			continue
		}
		roomOrder[r.Name] = len(conf.Rooms)
		out := room{Name: r.Name, Slug: w.slug(r.Slug, r.Name, "room"), GUID: w.guid(r.GUID, "room:"+r.Name),
			Capacity: r.Capacity}
		switch {
		case len(r.Descriptions) > 0:
			out.Description = r.Descriptions
		case r.Description != "":
			out.Description = r.Description
		}
		conf.Rooms = append(conf.Rooms, out)
		if r.Color != "" {
			colors[r.Name] = r.Color
		}
	}
	meta := map[string]any{}
	if len(colors) > 0 {
		meta["room_colors"] = colors
	}
	if v := c.Venue; !v.Empty() {
		out := venue{Name: v.Name, Address: v.Address, Description: v.Description, Simulcast: v.Simulcast, Lang: v.Lang}
		for _, s := range v.Spaces {
			out.Spaces = append(out.Spaces, space{Name: s.Name, Room: s.Room, Description: s.Description})
		}
		meta["venue"] = out
	}
	trackSlugs := map[string]bool{}
	for _, t := range c.Tracks {
		s := Slug(firstNonEmpty(t.Slug, t.Name))
		for n := 2; trackSlugs[s]; n++ {
			s = Slug(t.Name) + "-" + strconv.Itoa(n)
		}
		trackSlugs[s] = true
		conf.Tracks = append(conf.Tracks, track{Name: t.Name, Slug: s, Color: t.Color})
	}

	byDay := make([][]*schedule.Event, len(c.Days))
	for _, e := range c.Events {
		if e.Day < 0 || e.Day >= len(c.Days) {
			return nil, fmt.Errorf("export: event %q (%s) is on day %d, but there are %d days", e.Title, e.Key(), e.Day, len(c.Days))
		}
		byDay[e.Day] = append(byDay[e.Day], e)
	}
	// Ids the data gives are kept (even when shared: real data has that);
	// events without a numeric id get fresh ones that collide with none.
	for _, e := range c.Events {
		if n, err := strconv.Atoi(e.ID); err == nil && n >= 1 {
			w.ids[n] = true
		}
	}
	for di, d := range c.Days {
		events := byDay[di]
		sort.SliceStable(events, func(i, j int) bool { return events[i].Start.Before(events[j].Start) })
		day := day{Index: d.Index, Date: d.Date}
		if day.Index == 0 {
			day.Index = di + 1
		}
		start, end := d.Start, d.End
		for _, e := range events {
			if start.IsZero() || e.Start.Before(start) && d.Start.IsZero() {
				start = e.Start
			}
			if end.IsZero() || e.End.After(end) && d.End.IsZero() {
				end = e.End
			}
		}
		if start.IsZero() {
			t, err := time.ParseInLocation(time.DateOnly, d.Date, w.loc)
			if err != nil {
				return nil, fmt.Errorf("export: day %d: %q is not a date", day.Index, d.Date)
			}
			start, end = t, t.Add(24*time.Hour)
		}
		day.DayStart, day.DayEnd = w.stamp(start), w.stamp(end)

		rooms := map[string][]event{}
		for _, e := range events {
			ev := w.event(e)
			names := e.Rooms
			if len(names) == 0 {
				names = []string{""}
			}
			for _, r := range names {
				ev.Room = r
				rooms[r] = append(rooms[r], ev)
			}
		}
		for name := range rooms {
			if _, ok := roomOrder[name]; !ok && name != "" {
				roomOrder[name] = len(roomOrder)
			}
		}
		for name, evs := range rooms {
			day.Rooms = append(day.Rooms, dayRoom{name, evs})
		}
		sort.Slice(day.Rooms, func(i, j int) bool {
			a, b := day.Rooms[i].name, day.Rooms[j].name
			if (a == "") != (b == "") {
				return b == "" // events without a room come last
			}
			return roomOrder[a] < roomOrder[b]
		})
		conf.Days = append(conf.Days, day)
	}
	if len(w.sourceSlugs) > 0 {
		meta["source_slugs"] = w.sourceSlugs
	}
	if len(meta) > 0 {
		conf.Meta = meta
	}
	version := c.Version
	if version == "" {
		version = "1"
	}
	return &document{
		Schema:    "https://c3voc.de/schedule/schema.json",
		Generator: generator{Name: Generator},
		Schedule:  scheduleDoc{Version: version, Conference: conf},
	}, nil
}

func (w *writer) event(e *schedule.Event) event {
	guid := w.guid(e.GUID, "event:"+e.Key()+":"+e.Title)
	ev := event{
		GUID:        guid,
		ID:          w.id(e.ID),
		Date:        w.stamp(e.Start),
		Start:       e.Start.In(w.loc).Format("15:04"),
		End:         w.stamp(e.End),
		Duration:    duration(e.End.Sub(e.Start)),
		Slug:        w.slug(e.Slug, e.Title, "event"),
		URL:         firstNonEmpty(uriOrEmpty(e.URL), "urn:uuid:"+guid),
		Title:       e.Title,
		Subtitle:    e.Subtitle,
		Track:       nullable(e.Track),
		Type:        firstNonEmpty(e.Type, "talk"),
		Language:    nullable(e.Language),
		Abstract:    e.Abstract,
		Description: nullable(e.Details),
		Persons:     []person{},
		Links:       []reference{},

		RecordingLicense: e.RecordingLicense,
		DoNotRecord:      e.DoNotRecord,
		DoNotStream:      e.DoNotStream,
		FeedbackURL:      uriOrEmpty(e.FeedbackURL),
		OriginURL:        uriOrEmpty(e.OriginURL),
	}
	if given := strings.TrimSpace(e.Slug); given != ev.Slug && given != guid && FitSlug(given) == ev.Slug {
		w.sourceSlugs[guid] = given
	}
	if codePattern.MatchString(e.Code) {
		ev.Code = e.Code
	}
	for _, p := range e.Persons {
		ev.Persons = append(ev.Persons, w.person(p))
	}
	for _, l := range e.Links {
		u := uriOrEmpty(l.URL)
		if u == "" {
			continue
		}
		r := reference{URL: u, Title: l.Title, Type: l.Type}
		switch {
		case l.Type == "attachment":
			r.Type = ""
			ev.Attachments = append(ev.Attachments, r)
			continue
		case l.Type == "recording":
			r.Type = "media"
		case l.Type != "" && !linkTypes[l.Type]:
			r.Type = "web"
		}
		ev.Links = append(ev.Links, r)
	}
	return ev
}

func (w *writer) person(p schedule.Person) person {
	out := person{Name: p.Name, Biography: p.Biography, Organization: p.Organization, Position: p.Position, Avatar: uriOrEmpty(p.Avatar)}
	if n, err := strconv.Atoi(p.ID); err == nil {
		out.ID = &n
	}
	if codePattern.MatchString(p.Code) {
		out.Code = p.Code
	}
	if isUUID(p.GUID) {
		out.GUID = p.GUID
	} else if out.ID == nil && out.Code == "" {
		// Nothing else would keep two people of the same name apart, or
		// one person the same across events: derive a stable guid.
		out.GUID = w.guid("", "person:"+p.Key())
	}
	return out
}

func (w *writer) id(s string) int {
	if n, err := strconv.Atoi(s); err == nil && n >= 1 {
		return n
	}
	for {
		w.next++
		if !w.ids[w.next] {
			w.ids[w.next] = true
			return w.next
		}
	}
}

// slug returns a unique slug that fits the format, from the given one or,
// when that does not fit, from the name.
func (w *writer) slug(given, name, kind string) string {
	s := FitSlug(given)
	if s == "" {
		s = Slug(name)
	}
	if s == "" {
		s = kind
	}
	base := s
	for n := 2; w.slugs[kind+"\x00"+s]; n++ {
		s = base + "-" + strconv.Itoa(n)
	}
	w.slugs[kind+"\x00"+s] = true
	return s
}

func (w *writer) guid(given, name string) string {
	if isUUID(given) {
		return given
	}
	if given != "" {
		name = "given:" + given
	}
	return GUID(FitAcronym(w.c.Acronym), name)
}

func (w *writer) stamp(t time.Time) string { return t.In(w.loc).Format(time.RFC3339) }

// GUID derives a stable UUID (version 5) for something in a conference
// that the source gives no guid: the same input always gives the same
// guid, so stars keyed on it survive a re-import.
func GUID(acronym, name string) string {
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://conference-companion.invalid/"+acronym+"/"+name)).String()
}

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	_, err := uuid.Parse(s)
	return err == nil
}

// FitSlug returns the slug when it fits the format, else the closest one
// that does ("Camp2019-10386-opening_ceremony" → "camp2019-10386-opening_ceremony",
// "MJA8QY" → "mja8qy"), so links keep working: the app finds slugs
// whatever their case.
func FitSlug(s string) string {
	if slugPattern.MatchString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-':
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
		default:
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-_")
	for strings.Contains(out, "--") {
		out = strings.ReplaceAll(out, "--", "-")
	}
	if len(out) == 1 {
		out += "0"
	}
	return out
}

// Slug makes a URL slug from a name: lower-case ASCII letters and digits
// joined by single dashes, accents folded ("Café Bleu" → "cafe-bleu").
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Mn, r):
			// a combining accent: folded away
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > 80 {
		s = strings.TrimRight(s[:80], "-")
	}
	if len(s) == 1 {
		s += "0"
	}
	return s
}

// FitAcronym returns the acronym when it fits the format, else the closest
// one that does: "Camp2019" → "camp2019", "rc3-channels-2020" → "rc3channels2020".
func FitAcronym(s string) string {
	if acronymPattern.MatchString(s) {
		return s
	}
	return Acronym(s)
}

// Acronym makes an acronym that fits the format from any name:
// "FOSDEM 2025" → "fosdem2025".
func Acronym(name string) string {
	s := strings.ReplaceAll(Slug(name), "-", "")
	for len(s) < 4 {
		s += "_"
	}
	return s
}

func duration(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	m := int(d.Round(time.Minute) / time.Minute)
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// uriOrEmpty is s as written when it is an absolute URL (never
// re-encoded: the importers and the loader already made links absolute,
// see schedule.LinkURL), else "".
func uriOrEmpty(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return ""
	}
	return s
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
