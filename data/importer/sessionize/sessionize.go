// Package sessionize reads Sessionize's API v2 "All" export (sessions,
// speakers, categories, rooms) into the app's model.
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

// Detect reports whether a document looks like a Sessionize "All" export:
// a JSON object with sessions, speakers and rooms.
func Detect(head []byte) bool {
	head = bytes.TrimSpace(head)
	return bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte(`"sessions"`)) &&
		(bytes.Contains(head, []byte(`"startsAt"`)) || bytes.Contains(head, []byte(`"roomId"`)))
}

// Import reads a Sessionize "All" export. Its times carry no zone, so
// opt.TimeZone is required; the conference's name comes from opt or the
// file's name.
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
	if !gjson.Get(doc, "sessions").IsArray() {
		rep.Fail("sessions", "", "sessions", "missing: a Sessionize \"All\" export has a sessions list")
		return nil, rep.Err()
	}
	loc := opt.RequiredZone(rep, "Sessionize")
	if loc == nil {
		return nil, rep.Err()
	}
	name := build.NameFromFile(file)
	acronym := export.FitAcronym(build.FirstNonEmpty(opt.Acronym, name))
	b := build.New(acronym, build.FirstNonEmpty(opt.Title, build.TitleFromName(name)), loc)

	rooms := roomList{byID: map[int64]string{}}
	gjson.Get(doc, "rooms").ForEach(func(_, room gjson.Result) bool {
		n := strings.TrimSpace(room.Get("name").String())
		rooms.byID[room.Get("id").Int()] = n
		if n != "" {
			rooms.names = append(rooms.names, n)
		}
		b.Room(schedule.Room{Name: n})
		return true
	})
	speakers := map[string]schedule.Person{}
	gjson.Get(doc, "speakers").ForEach(func(_, s gjson.Result) bool {
		id := s.Get("id").String()
		name := strings.TrimSpace(build.FirstNonEmpty(s.Get("fullName").String(), s.Get("firstName").String()+" "+s.Get("lastName").String()))
		p := schedule.Person{Name: name, Biography: strings.TrimSpace(s.Get("bio").String())}
		p.Position, p.Organization = tagLine(s.Get("tagLine").String())
		if len(id) == 36 {
			p.GUID = id
		} else {
			p.GUID = export.GUID(acronym, "sessionize-speaker:"+id)
		}
		speakers[id] = p
		return true
	})
	cats := categories(doc)
	var tracks []string
	for _, it := range cats.items {
		if it.kind == "track" {
			tracks = append(tracks, it.name)
		}
	}
	for _, t := range tracks {
		b.Conference().Tracks = append(b.Conference().Tracks, schedule.Track{Name: t, Slug: export.Slug(t)})
	}

	gjson.Get(doc, "sessions").ForEach(func(k, s gjson.Result) bool {
		session(b, rep, loc, acronym, k.Int(), s, rooms, speakers, cats)
		return true
	})
	if err := rep.Err(); err != nil {
		return nil, err
	}
	c := b.Finish()
	c.Warnings = rep.Warnings
	return c, nil
}

func session(b *build.Builder, rep *build.Report, loc *time.Location, acronym string, i int64, s gjson.Result,
	rooms roomList, speakers map[string]schedule.Person, cats categorySet) {
	id := s.Get("id").String()
	title := strings.TrimSpace(s.Get("title").String())
	path := fmt.Sprintf("sessions[%d]", i)
	place := fmt.Sprintf("session %q (%s)", title, id)
	if id == "" {
		rep.Fail(path+".id", place, "id", "missing: the attendee's stars need a stable identity")
		return
	}
	start, err1 := time.ParseInLocation("2006-01-02T15:04:05", s.Get("startsAt").String(), loc)
	end, err2 := time.ParseInLocation("2006-01-02T15:04:05", s.Get("endsAt").String(), loc)
	if s.Get("startsAt").Type == gjson.Null || s.Get("startsAt").String() == "" {
		rep.Warn(path+".startsAt", place, "startsAt", "not scheduled yet: left out")
		return
	}
	if err1 != nil {
		rep.Fail(path+".startsAt", place, "startsAt", fmt.Sprintf("%q is not a date-time (want 2026-10-03T09:00:00)", s.Get("startsAt").String()))
		return
	}
	if err2 != nil || end.Before(start) {
		rep.Fail(path+".endsAt", place, "endsAt", fmt.Sprintf("%q is not a date-time after the start", s.Get("endsAt").String()))
		return
	}
	e := &schedule.Event{
		GUID:    export.GUID(acronym, "sessionize:"+id),
		ID:      id,
		Title:   title,
		Details: strings.TrimSpace(s.Get("description").String()),
		Start:   start,
		End:     end,
		Type:    "talk",
	}
	if e.Title == "" {
		e.Title = "Untitled"
	}
	if rid := s.Get("roomId"); rid.Exists() && rid.Type != gjson.Null {
		name, ok := rooms.byID[rid.Int()]
		if !ok {
			rep.Fail(path+".roomId", place, "roomId", fmt.Sprintf("room %s is not in the rooms list", rid.String()))
			return
		}
		e.Rooms = []string{name}
	} else if s.Get("isPlenumSession").Bool() {
		// A plenum without a room is for everyone: shown in every room.
		e.Rooms = append([]string(nil), rooms.names...)
	}
	switch {
	case s.Get("isServiceSession").Bool():
		e.Type = "break"
	case s.Get("isPlenumSession").Bool():
		e.Type = "keynote"
	}
	s.Get("categoryItems").ForEach(func(_, v gjson.Result) bool {
		it, ok := cats.byID[v.Int()]
		if !ok {
			return true
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
		return true
	})
	s.Get("speakers").ForEach(func(_, v gjson.Result) bool {
		p, ok := speakers[v.String()]
		if !ok {
			rep.Warn(path+".speakers", place, "speakers", fmt.Sprintf("speaker %s is not in the speakers list: left out", v.String()))
			return true
		}
		e.Persons = append(e.Persons, p)
		return true
	})
	if u := s.Get("recordingUrl").String(); u != "" {
		e.Links = append(e.Links, schedule.Link{URL: u, Title: "Recording", Type: "media"})
	}
	if u := s.Get("liveUrl").String(); u != "" {
		e.Links = append(e.Links, schedule.Link{URL: u, Title: "Live stream", Type: "web"})
	}
	date := start.In(loc).Format(time.DateOnly)
	if added, err := b.Add(date, e); err != nil {
		rep.Fail(path, place, "startsAt", err.Error())
	} else if added == build.Duplicate {
		rep.Warn(path, place, "id", "listed twice: kept once")
	}
}

// roomList is the rooms by id, and their names in the export's order.
type roomList struct {
	byID  map[int64]string
	names []string
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

// categories reads the session categories; the question's wording says
// which are tracks, formats and languages ("Which track…", "session type").
func categories(doc string) categorySet {
	set := categorySet{byID: map[int64]category{}}
	gjson.Get(doc, "categories").ForEach(func(_, c gjson.Result) bool {
		if t := c.Get("type").String(); t != "" && t != "session" {
			return true
		}
		q := strings.ToLower(c.Get("title").String())
		kind := ""
		switch {
		case strings.Contains(q, "track") || strings.Contains(q, "topic"):
			kind = "track"
		case strings.Contains(q, "type") || strings.Contains(q, "format"):
			kind = "type"
		case strings.Contains(q, "language"):
			kind = "language"
		case strings.Contains(q, "level"):
			kind = "level"
		}
		c.Get("items").ForEach(func(_, it gjson.Result) bool {
			cat := category{kind: kind, name: strings.TrimSpace(it.Get("name").String())}
			set.byID[it.Get("id").Int()] = cat
			set.items = append(set.items, cat)
			return true
		})
		return true
	})
	return set
}
