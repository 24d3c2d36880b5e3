// Package sessionize reads the Sessionize API v2 views that carry times
// into the app's model: "All" (sessions, speakers, categories and rooms,
// by id), "GridSmart" (days of rooms holding their sessions, and time
// slots) and "Sessions" (groups of sessions), the last two with speakers
// and categories written inside each session.
package sessionize

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"companion/data/export"
	"companion/data/importer/build"
	"companion/data/schedule"

	"github.com/tidwall/gjson"
)

// The views Sessionize's API serves as JSON.
const (
	ViewAll       = "All"
	ViewGridSmart = "GridSmart"
	ViewSessions  = "Sessions"
	ViewSpeakers  = "Speakers" // and SpeakerWall: speakers only, no times
)

// View names the Sessionize view a document's start looks like, or "".
func View(head []byte) string {
	head = bytes.TrimSpace(head)
	switch {
	case bytes.HasPrefix(head, []byte("{")):
		if bytes.Contains(head, []byte(`"sessions"`)) && (bytes.Contains(head, []byte(`"startsAt"`)) || bytes.Contains(head, []byte(`"roomId"`))) {
			return ViewAll
		}
	case bytes.HasPrefix(head, []byte("[")):
		switch {
		case bytes.Contains(head, []byte(`"timeSlots"`)) || bytes.Contains(head, []byte(`"hasOnlyPlenumSessions"`)):
			return ViewGridSmart
		case bytes.Contains(head, []byte(`"groupName"`)) && bytes.Contains(head, []byte(`"sessions"`)):
			return ViewSessions
		case bytes.Contains(head, []byte(`"startsAt"`)) && bytes.Contains(head, []byte(`"sessions"`)) && bytes.Contains(head, []byte(`"rooms"`)):
			return ViewGridSmart
		case bytes.Contains(head, []byte(`"fullName"`)) && bytes.Contains(head, []byte(`"tagLine"`)):
			return ViewSpeakers
		}
	}
	return ""
}

// Detect reports whether a document looks like a Sessionize export.
func Detect(head []byte) bool { return View(head) != "" }

// viewOf names the view a whole document is, from its structure.
func viewOf(doc string) string {
	root := gjson.Parse(doc)
	if root.IsObject() {
		if root.Get("sessions").IsArray() {
			return ViewAll
		}
		return ""
	}
	first := root.Get("0")
	switch {
	case first.Get("timeSlots").Exists() || first.Get("rooms").IsArray() && first.Get("date").Exists():
		return ViewGridSmart
	case first.Get("sessions").IsArray() && (first.Get("groupName").Exists() || first.Get("groupId").Exists()):
		return ViewSessions
	case first.Get("fullName").Exists() || first.Get("tagLine").Exists():
		return ViewSpeakers
	}
	return ""
}

// Import reads a Sessionize export in any view that carries times. Its
// times carry no zone, so opt.TimeZone is required; the conference's name
// comes from opt or the file's name.
func Import(file string, r io.Reader, opt build.Options) (*schedule.Conference, error) {
	rep := &build.Report{File: file}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	doc := string(raw)
	if !gjson.Valid(doc) {
		rep.Fail("", "", "", build.SyntaxReason(raw))
		return nil, rep.Err()
	}
	view := viewOf(doc)
	switch view {
	case "":
		rep.Fail("", "", "sessions", `not a Sessionize view this reads: export the "All", "GridSmart" or "Sessions" view (API / Embed → JSON)`)
		return nil, rep.Err()
	case ViewSpeakers:
		rep.Fail("", "", "sessions", `this Sessionize view lists speakers only, with no times: export the "All", "GridSmart" or "Sessions" view (API / Embed → JSON)`)
		return nil, rep.Err()
	}
	loc := opt.RequiredZone(rep, "Sessionize")
	if loc == nil {
		return nil, rep.Err()
	}
	name := build.NameFromFile(file)
	acronym := export.FitAcronym(build.FirstNonEmpty(opt.Acronym, name))
	b := build.New(acronym, build.FirstNonEmpty(opt.Title, build.TitleFromName(name)), loc)
	im := &importer{b: b, rep: rep, loc: loc, acronym: acronym,
		rooms: roomList{byID: map[int64]string{}}, speakers: map[string]schedule.Person{}, cats: categorySet{byID: map[int64]category{}}}

	var list []located
	switch view {
	case ViewAll:
		im.readAll(doc)
		gjson.Get(doc, "sessions").ForEach(func(k, s gjson.Result) bool {
			list = append(list, located{fmt.Sprintf("sessions[%d]", k.Int()), s})
			return true
		})
	case ViewGridSmart:
		list = im.readGrid(doc)
	case ViewSessions:
		list = im.readGroups(doc)
	}
	for _, t := range im.tracks() {
		b.Conference().Tracks = append(b.Conference().Tracks, schedule.Track{Name: t, Slug: export.Slug(t)})
	}
	for _, s := range list {
		im.session(s.path, s.s)
	}
	schedule.EstimateEnds(b.Conference().Events, im.open)
	if err := rep.Err(); err != nil {
		return nil, err
	}
	c := b.Finish()
	c.Warnings = rep.Warnings
	return c, nil
}

// located is a session and where it is in the document.
type located struct {
	path string
	s    gjson.Result
}

type importer struct {
	b        *build.Builder
	rep      *build.Report
	loc      *time.Location
	acronym  string
	rooms    roomList
	speakers map[string]schedule.Person
	cats     categorySet
	open     []*schedule.Event // no usable end: estimated
}

// readAll reads the "All" view's lists: rooms, speakers, categories.
func (im *importer) readAll(doc string) {
	gjson.Get(doc, "rooms").ForEach(func(_, room gjson.Result) bool {
		im.rooms.add(room.Get("id").Int(), room.Get("name").String())
		im.b.Room(schedule.Room{Name: strings.TrimSpace(room.Get("name").String())})
		return true
	})
	gjson.Get(doc, "speakers").ForEach(func(_, s gjson.Result) bool {
		id := s.Get("id").String()
		name := strings.TrimSpace(build.FirstNonEmpty(s.Get("fullName").String(), s.Get("firstName").String()+" "+s.Get("lastName").String()))
		p := schedule.Person{Name: name, Biography: strings.TrimSpace(s.Get("bio").String()), GUID: im.speakerGUID(id)}
		if pic := strings.TrimSpace(s.Get("profilePicture").String()); strings.HasPrefix(pic, "https://") {
			p.Avatar = pic
		}
		p.Position, p.Organization = tagLine(s.Get("tagLine").String())
		im.speakers[id] = p
		return true
	})
	gjson.Get(doc, "categories").ForEach(func(_, c gjson.Result) bool {
		if t := c.Get("type").String(); t != "" && t != "session" {
			return true
		}
		kind := categoryKind(c.Get("title").String())
		c.Get("items").ForEach(func(_, it gjson.Result) bool {
			im.cats.add(it.Get("id").Int(), kind, it.Get("name").String())
			return true
		})
		return true
	})
}

// readGrid reads the "GridSmart" view: days, each with its rooms (in the
// grid's order) and their sessions. The same sessions are listed again by
// time slot; those are read only for a day whose rooms list none.
func (im *importer) readGrid(doc string) []located {
	var list []located
	gjson.Parse(doc).ForEach(func(dk, day gjson.Result) bool {
		n := 0
		day.Get("rooms").ForEach(func(rk, room gjson.Result) bool {
			im.rooms.add(room.Get("id").Int(), room.Get("name").String())
			im.b.Room(schedule.Room{Name: strings.TrimSpace(room.Get("name").String())})
			room.Get("sessions").ForEach(func(sk, s gjson.Result) bool {
				list = append(list, located{fmt.Sprintf("[%d].rooms[%d].sessions[%d]", dk.Int(), rk.Int(), sk.Int()), s})
				n++
				return true
			})
			return true
		})
		if n == 0 {
			day.Get("timeSlots").ForEach(func(tk, slot gjson.Result) bool {
				slot.Get("rooms").ForEach(func(rk, room gjson.Result) bool {
					im.rooms.add(room.Get("id").Int(), room.Get("name").String())
					if s := room.Get("session"); s.IsObject() {
						list = append(list, located{fmt.Sprintf("[%d].timeSlots[%d].rooms[%d].session", dk.Int(), tk.Int(), rk.Int()), s})
					}
					return true
				})
				return true
			})
		}
		return true
	})
	im.inline(list)
	return list
}

// readGroups reads the "Sessions" view: groups (by day, track, or one
// "All" group) of sessions. A session in two groups is read once.
func (im *importer) readGroups(doc string) []located {
	var list []located
	seen := map[string]bool{}
	gjson.Parse(doc).ForEach(func(gk, group gjson.Result) bool {
		group.Get("sessions").ForEach(func(sk, s gjson.Result) bool {
			if id := s.Get("id").String(); id == "" || !seen[id] {
				seen[id] = true
				list = append(list, located{fmt.Sprintf("[%d].sessions[%d]", gk.Int(), sk.Int()), s})
			}
			return true
		})
		return true
	})
	im.inline(list)
	return list
}

// inline learns the rooms, speakers and categories that the GridSmart and
// Sessions views write inside each session.
func (im *importer) inline(list []located) {
	for _, l := range list {
		s := l.s
		if rid := s.Get("roomId"); rid.Exists() && rid.Type != gjson.Null {
			name := strings.TrimSpace(s.Get("room").String())
			im.rooms.add(rid.Int(), name)
			im.b.Room(schedule.Room{Name: name})
		}
		s.Get("speakers").ForEach(func(_, sp gjson.Result) bool {
			id := sp.Get("id").String()
			if _, ok := im.speakers[id]; !ok && id != "" {
				im.speakers[id] = schedule.Person{Name: strings.TrimSpace(sp.Get("name").String()), GUID: im.speakerGUID(id)}
			}
			return true
		})
		s.Get("categories").ForEach(func(_, c gjson.Result) bool {
			kind := categoryKind(c.Get("name").String())
			c.Get("categoryItems").ForEach(func(_, it gjson.Result) bool {
				im.cats.add(it.Get("id").Int(), kind, it.Get("name").String())
				return true
			})
			return true
		})
	}
}

func (im *importer) speakerGUID(id string) string {
	if len(id) == 36 {
		return id
	}
	return export.GUID(im.acronym, "sessionize-speaker:"+id)
}

func (im *importer) tracks() []string {
	var out []string
	for _, it := range im.cats.items {
		if it.kind == "track" {
			out = append(out, it.name)
		}
	}
	return out
}

func (im *importer) session(path string, s gjson.Result) {
	b, rep, loc := im.b, im.rep, im.loc
	id := s.Get("id").String()
	title := strings.TrimSpace(s.Get("title").String())
	place := fmt.Sprintf("session %q (%s)", title, id)
	if id == "" {
		rep.Warn(path+".id", place, "id", "missing: the attendee's stars need a stable identity; left out")
		return
	}
	if s.Get("startsAt").Type == gjson.Null || s.Get("startsAt").String() == "" {
		rep.Warn(path+".startsAt", place, "startsAt", "not scheduled yet: left out")
		return
	}
	start, err := parseTime(s.Get("startsAt").String(), loc)
	if err != nil {
		rep.Warn(path+".startsAt", place, "startsAt", fmt.Sprintf("%q is not a date-time (want 2026-10-03T09:00:00): left out", s.Get("startsAt").String()))
		return
	}
	e := &schedule.Event{
		GUID:    export.GUID(im.acronym, "sessionize:"+id),
		ID:      id,
		Title:   title,
		Details: strings.TrimSpace(s.Get("description").String()),
		Start:   start,
		Type:    "talk",
	}
	end, err := parseTime(s.Get("endsAt").String(), loc)
	if err != nil || end.Before(start) {
		rep.Warn(path+".endsAt", place, "endsAt", fmt.Sprintf("%q is not a date-time after the start: the length is estimated (until the next session in the room, at most %d min)", s.Get("endsAt").String(), schedule.DefaultLength/time.Minute))
		end = start.Add(schedule.DefaultLength)
		im.open = append(im.open, e)
	}
	e.End = end
	if e.Title == "" {
		e.Title = "Untitled"
	}
	if rid := s.Get("roomId"); rid.Exists() && rid.Type != gjson.Null {
		name, ok := im.rooms.byID[rid.Int()]
		if ok {
			e.Rooms = []string{name}
		} else {
			rep.Warn(path+".roomId", place, "roomId", fmt.Sprintf("room %s is not in the rooms list: shown without a room", rid.String()))
		}
	} else if s.Get("isPlenumSession").Bool() {
		// A plenum without a room is for everyone: shown in every room.
		e.Rooms = append([]string(nil), im.rooms.names...)
	}
	switch {
	case s.Get("isServiceSession").Bool():
		e.Type = "break"
	case s.Get("isPlenumSession").Bool():
		e.Type = "keynote"
	}
	var items []int64
	s.Get("categoryItems").ForEach(func(_, v gjson.Result) bool {
		items = append(items, v.Int())
		return true
	})
	s.Get("categories").ForEach(func(_, c gjson.Result) bool {
		c.Get("categoryItems").ForEach(func(_, it gjson.Result) bool {
			items = append(items, it.Get("id").Int())
			return true
		})
		return true
	})
	for _, item := range items {
		it, ok := im.cats.byID[item]
		if !ok {
			continue
		}
		switch it.kind {
		case "track":
			e.Track = it.name
		case "type":
			if e.Type == "talk" {
				e.Type = it.name
			}
		case "language":
			e.Language = it.name
		case "level":
			e.Subtitle = "Level: " + it.name
		}
	}
	dropped := 0
	s.Get("speakers").ForEach(func(_, v gjson.Result) bool {
		key := v.String()
		if v.IsObject() {
			key = v.Get("id").String()
		}
		p, ok := im.speakers[key]
		if !ok || p.Name == "" {
			dropped++
			return true
		}
		e.Persons = append(e.Persons, p)
		return true
	})
	if dropped > 0 {
		rep.Warn(path+".speakers", place, "speakers", fmt.Sprintf("%d speakers are not in the speakers list: left out", dropped))
	}
	if u := schedule.LinkURL(s.Get("recordingUrl").String(), ""); u != "" {
		e.Links = append(e.Links, schedule.Link{URL: u, Title: "Recording", Type: "media"})
	}
	if u := schedule.LinkURL(s.Get("liveUrl").String(), ""); u != "" {
		e.Links = append(e.Links, schedule.Link{URL: u, Title: "Live stream", Type: "web"})
	}
	date := start.In(loc).Format(time.DateOnly)
	if added, err := b.Add(date, e); err != nil {
		rep.Warn(path, place, "startsAt", err.Error()+": left out")
	} else if added == build.Duplicate {
		rep.Warn(path, place, "id", "listed twice: kept once")
	}
}

// parseTime reads Sessionize's zone-less local time (with or without
// seconds or a fraction); a time with an offset or Z is read as written.
func parseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	var err error
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02T15:04"} {
		var t time.Time
		if t, err = time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, err
}

// roomList is the rooms by id, and their names in the export's order.
type roomList struct {
	byID  map[int64]string
	names []string
}

func (r *roomList) add(id int64, name string) {
	name = strings.TrimSpace(name)
	if _, ok := r.byID[id]; ok {
		return
	}
	r.byID[id] = name
	if name != "" {
		r.names = append(r.names, name)
	}
}

// tagLine reads a speaker's tag line as a position and an organisation
// when it says "Role at Org" or "Role @ Org" once; tag lines with more
// ("MVP | Architect at X | Speaker") stay whole as the position.
func tagLine(s string) (position, org string) {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "|,") {
		return s, ""
	}
	for _, sep := range []string{" @ ", " at "} {
		if strings.Count(s, sep) == 1 {
			p, o, _ := strings.Cut(s, sep)
			if p, o = strings.TrimSpace(p), strings.TrimSpace(o); p != "" && o != "" {
				return p, o
			}
		}
	}
	return s, ""
}

type category struct {
	kind string // track, type, language, level or ""
	name string
}

type categorySet struct {
	byID  map[int64]category
	items []category
}

func (set *categorySet) add(id int64, kind, name string) {
	if _, ok := set.byID[id]; ok {
		return
	}
	cat := category{kind: kind, name: strings.TrimSpace(name)}
	set.byID[id] = cat
	set.items = append(set.items, cat)
}

// categoryKind says what a category question is about from its wording
// ("Which track…", "Session format"): track, type, language, level or "".
func categoryKind(question string) string {
	q := strings.ToLower(question)
	switch {
	case strings.Contains(q, "track") || strings.Contains(q, "topic"):
		return "track"
	case strings.Contains(q, "type") || strings.Contains(q, "format"):
		return "type"
	case strings.Contains(q, "language"):
		return "language"
	case strings.Contains(q, "level"):
		return "level"
	}
	return ""
}
