// Package sched reads the flat session list scraped from a sched.com
// event (url, title, description, eventTypes, eventDate) into the app's
// model. It is the poorest of the formats: no rooms, no end times, and the
// speakers only at the end of the title ("Title - Name, Company").
package sched

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"companion/data/export"
	"companion/data/importer/build"
	"companion/data/schedule"

	"github.com/tidwall/gjson"
)

// Detect reports whether a document looks like a sched.com session list: a
// JSON array of objects with eventDate.
func Detect(head []byte) bool {
	return bytes.HasPrefix(bytes.TrimSpace(head), []byte("[")) && bytes.Contains(head, []byte(`"eventDate"`))
}

// Import reads a sched.com session list. Its times carry no zone, so
// opt.TimeZone is required. Sessions have no end: each lasts what its
// kind usually lasts, and a warning says so.
func Import(file string, r io.Reader, opt build.Options) (*schedule.Conference, error) {
	rep := &build.Report{File: file}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if !gjson.ValidBytes(raw) {
		rep.Fail("", "", "", build.SyntaxReason(raw))
		return nil, rep.Err()
	}
	doc := gjson.ParseBytes(raw)
	if !doc.IsArray() {
		rep.Fail("", "", "", "not a JSON array of sessions (sched.com's list is [{\"url\", \"title\", \"eventDate\", …}])")
		return nil, rep.Err()
	}
	loc := opt.RequiredZone(rep, "sched.com")
	if loc == nil {
		return nil, rep.Err()
	}
	name := build.NameFromFile(file)
	if u, err := url.Parse(doc.Get("0.url").String()); err == nil && strings.HasSuffix(u.Host, ".sched.com") {
		name = strings.TrimSuffix(u.Host, ".sched.com")
	}
	acronym := export.FitAcronym(build.FirstNonEmpty(opt.Acronym, name))
	b := build.New(acronym, build.FirstNonEmpty(opt.Title, build.TitleFromName(name)), loc)
	b.Conference().URL = "https://" + name + ".sched.com/"
	estimated := 0
	var titles []string
	doc.ForEach(func(_, s gjson.Result) bool {
		titles = append(titles, s.Get("title").String())
		return true
	})
	known := learn(titles)
	tracks := map[string]bool{}
	doc.ForEach(func(k, s gjson.Result) bool {
		path := fmt.Sprintf("[%d]", k.Int())
		u := strings.TrimSpace(s.Get("url").String())
		fullTitle := strings.TrimSpace(s.Get("title").String())
		place := fmt.Sprintf("session %q", fullTitle)
		if u == "" {
			rep.Warn(path+".url", place, "url", "missing: it is the session's only identity; left out")
			return true
		}
		start, err := time.ParseInLocation("2006-01-02T15:04:05", s.Get("eventDate").String(), loc)
		if err != nil {
			rep.Warn(path+".eventDate", place, "eventDate", fmt.Sprintf("%q is not a date-time (want 2025-04-02T09:00:00): left out", s.Get("eventDate").String()))
			return true
		}
		title, persons := known.splitSpeakers(fullTitle)
		types := splitTypes(s.Get("eventTypes").String())
		e := &schedule.Event{
			GUID:    export.GUID(acronym, "sched:"+u),
			URL:     u,
			Title:   build.FirstNonEmpty(title, "Untitled"),
			Details: strings.TrimSpace(s.Get("description").String()),
			Start:   start,
			Type:    kind(types),
		}
		if len(types) > 0 {
			e.Track = types[0]
			if !tracks[e.Track] {
				tracks[e.Track] = true
				b.Conference().Tracks = append(b.Conference().Tracks, schedule.Track{Name: e.Track, Slug: export.Slug(e.Track)})
			}
		}
		e.End = start.Add(usualLength(e.Type, types, fullTitle))
		estimated++
		for _, p := range persons {
			p.GUID = export.GUID(acronym, "speaker:"+p.Name)
			e.Persons = append(e.Persons, p)
		}
		if added, err := b.Add(start.Format(time.DateOnly), e); err != nil {
			rep.Warn(path, place, "eventDate", err.Error()+": left out")
		} else if added == build.Duplicate {
			rep.Warn(path, place, "url", "listed twice: kept once")
		}
		return true
	})
	if err := rep.Err(); err != nil {
		return nil, err
	}
	if estimated > 0 {
		rep.Warn("", "conference", "end", fmt.Sprintf("sched.com gives no end times: the ends of %d sessions are estimated from their kind (keynote 15 min, lightning talk 5, tutorial and Contribfest 75, co-located full day 8 h and half day 4 h, others 30)", estimated))
	}
	c := b.Finish()
	c.Warnings = rep.Warnings
	return c, nil
}

func splitTypes(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// kind maps sched's event types to the app's: breaks and registration
// are not sessions to star.
func kind(types []string) string {
	for _, t := range types {
		l := strings.ToLower(t)
		switch {
		case strings.Contains(l, "break"):
			return "break"
		case strings.Contains(l, "registration") || strings.Contains(l, "cloakroom"):
			return "registration"
		case strings.Contains(l, "keynote"):
			return "keynote"
		case strings.Contains(l, "lightning"):
			return "lightning"
		}
	}
	return "talk"
}

// usualLength is how long such a session lasts at KubeCon: sched says
// only when it starts. Co-located events say "Full Day Event" in the title.
func usualLength(kind string, types []string, title string) time.Duration {
	switch {
	case strings.Contains(title, "Full Day Event"):
		return 8 * time.Hour
	case strings.Contains(title, "Half Day Event"):
		return 4 * time.Hour
	case kind == "keynote":
		return 15 * time.Minute
	case kind == "lightning":
		return 5 * time.Minute
	}
	for _, t := range types {
		if t == "Tutorials" || strings.HasSuffix(t, "Contribfest") {
			return 75 * time.Minute
		}
	}
	return 30 * time.Minute
}
