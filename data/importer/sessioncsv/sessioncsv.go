// Package sessioncsv reads a conference's sessions CSV, with its speakers
// CSV, as sites derived from pretalx publish them: one row per session
// (id, title, speakers, track, room, format, start_time, duration_min,
// language, status, description, …) and one row per speaker (slug, name,
// company, role, bio).
package sessioncsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"companion/data/export"
	"companion/data/importer/build"
	"companion/data/schedule"
)

// required are the sessions file's columns the app cannot do without.
var required = []string{"id", "title", "start_time", "duration_min"}

// Detect reports whether a document starts with a sessions CSV header.
func Detect(head []byte) bool {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	line = bytes.TrimSpace(line)
	return bytes.HasPrefix(line, []byte("id,")) && bytes.Contains(line, []byte(",title")) && bytes.Contains(line, []byte("start_time"))
}

// Import reads a sessions CSV and, when given (speakers may be nil), its
// speakers CSV. Sessions whose status says they will not happen are left
// out with a warning.
func Import(sessionsFile string, sessions io.Reader, speakersFile string, speakers io.Reader, opt build.Options) (*schedule.Conference, error) {
	rep := &build.Report{File: sessionsFile}
	rows, problems := readCSV(sessionsFile, sessions, required)
	rep.Problems = append(rep.Problems, problems...)
	people := map[string]row{}
	if speakers != nil {
		srows, problems := readCSV(speakersFile, speakers, []string{"slug", "name"})
		rep.Problems = append(rep.Problems, problems...)
		for _, r := range srows {
			people[r.get("slug")] = r
		}
	}
	loc, err := opt.Location()
	if err != nil {
		rep.Fail("", "conference", "time zone", err.Error())
	}
	if err := rep.Err(); err != nil {
		return nil, err
	}
	if loc == nil {
		loc = zoneOf(rows)
	}
	name := build.NameFromFile(sessionsFile)
	acronym := export.FitAcronym(build.FirstNonEmpty(opt.Acronym, name))
	b := build.New(acronym, build.FirstNonEmpty(opt.Title, build.TitleFromName(name)), loc)
	tracks := map[string]bool{}
	var open []*schedule.Event // no usable length: estimated
	for _, r := range rows {
		place := fmt.Sprintf("session %q (%s)", r.get("title"), r.get("id"))
		path := fmt.Sprintf("line %d", r.line)
		switch strings.ToLower(r.get("status")) {
		case "", "confirmed", "accepted", "scheduled":
		default:
			rep.Warn(path, place, "status", fmt.Sprintf("%q: left out", r.get("status")))
			continue
		}
		start, err := time.Parse(time.RFC3339, r.get("start_time"))
		if err != nil {
			if start, err = time.ParseInLocation("2006-01-02T15:04:05", r.get("start_time"), loc); err != nil {
				rep.Warn(path, place, "start_time", fmt.Sprintf("%q is not a date-time (want 2026-02-03T09:00:00+01:00): left out", r.get("start_time")))
				continue
			}
		}
		id := r.get("id")
		if id == "" {
			rep.Warn(path, place, "id", "missing: the attendee's stars need a stable identity; left out")
			continue
		}
		minutes, err := strconv.Atoi(r.get("duration_min"))
		estimate := err != nil || minutes < 0 || minutes > 7*24*60
		if estimate {
			rep.Warn(path, place, "duration_min", fmt.Sprintf("%q is not a number of minutes: the length is estimated (until the next session in the room, at most %d min)", r.get("duration_min"), schedule.DefaultLength/time.Minute))
			minutes = int(schedule.DefaultLength / time.Minute)
		}
		e := &schedule.Event{
			GUID:     export.GUID(acronym, "session:"+id),
			Code:     id,
			Title:    build.FirstNonEmpty(r.get("title"), "Untitled"),
			Track:    r.get("track"),
			Type:     build.FirstNonEmpty(r.get("format"), "talk"),
			Language: r.get("language"),
			Details:  strings.TrimSpace(r.get("description")),
			Start:    start,
			End:      start.Add(time.Duration(minutes) * time.Minute),
		}
		if lvl := r.get("level"); lvl != "" {
			e.Subtitle = "Level: " + lvl
		}
		if room := r.get("room"); room != "" {
			e.Rooms = []string{room}
		}
		if e.Track != "" && !tracks[e.Track] {
			tracks[e.Track] = true
			b.Conference().Tracks = append(b.Conference().Tracks, schedule.Track{Name: e.Track, Slug: export.Slug(e.Track)})
		}
		for _, slug := range strings.Split(r.get("speakers"), ",") {
			if slug = strings.TrimSpace(slug); slug == "" {
				continue
			}
			p := schedule.Person{GUID: export.GUID(acronym, "speaker:"+slug), Name: slug}
			if s, ok := people[slug]; ok {
				p.Name = build.FirstNonEmpty(s.get("name"), slug)
				p.Organization = s.get("company")
				p.Position = s.get("role")
				p.Biography = s.get("bio")
			} else if speakers != nil {
				rep.Warn(path, place, "speakers", fmt.Sprintf("%q is not in %s: named by its slug", slug, speakersFile))
			}
			e.Persons = append(e.Persons, p)
		}
		for _, l := range []struct{ col, title, typ string }{{"slides_url", "Slides", "slides"}, {"recording_url", "Recording", "media"}} {
			if u := schedule.LinkURL(r.get(l.col), ""); u != "" {
				e.Links = append(e.Links, schedule.Link{URL: u, Title: l.title, Type: l.typ})
			} else if r.get(l.col) != "" {
				rep.Warn(path, place, l.col, fmt.Sprintf("%q is not a URL: left out", r.get(l.col)))
			}
		}
		if estimate {
			open = append(open, e)
		}
		if added, err := b.Add(start.In(loc).Format(time.DateOnly), e); err != nil {
			rep.Warn(path, place, "start_time", err.Error()+": left out")
		} else if added == build.Duplicate {
			rep.Warn(path, place, "id", "listed twice: kept once")
		}
	}
	schedule.EstimateEnds(b.Conference().Events, open)
	if err := rep.Err(); err != nil {
		return nil, err
	}
	c := b.Finish()
	c.Warnings = rep.Warnings
	return c, nil
}

// zoneOf is the offset most sessions are written in: the file names no
// zone, and its times are authoritative.
func zoneOf(rows []row) *time.Location {
	count := map[int]int{}
	best, n := 0, 0
	for _, r := range rows {
		if t, err := time.Parse(time.RFC3339, r.get("start_time")); err == nil {
			_, off := t.Zone()
			count[off]++
			if count[off] > n {
				best, n = off, count[off]
			}
		}
	}
	return time.FixedZone("", best)
}

type row struct {
	line   int
	fields []string
	cols   map[string]int
}

func (r row) get(col string) string {
	i, ok := r.cols[col]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// readCSV reads a CSV with a header, checking the required columns.
func readCSV(file string, in io.Reader, need []string) ([]row, []schedule.Problem) {
	rep := &build.Report{File: file}
	cr := csv.NewReader(in)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		rep.Fail("line 1", "", "", "no CSV header: "+csvReason(err))
		return nil, rep.Problems
	}
	cols := map[string]int{}
	for i, h := range header {
		cols[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, c := range need {
		if _, ok := cols[c]; !ok {
			rep.Fail("line 1", "header", c, fmt.Sprintf("column %q is missing (columns: %s)", c, strings.Join(header, ",")))
		}
	}
	if len(rep.Problems) > 0 {
		return nil, rep.Problems
	}
	var rows []row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// A bad quote spoils its record only: report it and go on,
			// so one run lists every broken line (up to a screenful).
			rep.Fail(fmt.Sprintf("line %d", pe.Line), "", "", csvReason(err))
			if len(rep.Problems) >= 20 {
				break
			}
			continue
		}
		if err != nil {
			rep.Fail("", "", "", err.Error())
			break
		}
		line, _ := cr.FieldPos(0)
		rows = append(rows, row{line: line, fields: rec, cols: cols})
	}
	if len(rep.Problems) > 0 {
		return nil, rep.Problems
	}
	return rows, nil
}

func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("not valid CSV at line %d, column %d: %v", pe.Line, pe.Column, pe.Err)
	}
	return err.Error()
}
