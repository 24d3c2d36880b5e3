// Package importer turns a schedule in any format the companion reads into
// a strict schedule.json document: it detects the format (or takes it by
// name), runs that format's importer, writes the result with export and
// checks it against the published schema.
package importer

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"companion/data/export"
	"companion/data/importer/build"
	"companion/data/importer/pentabarf"
	"companion/data/importer/sched"
	"companion/data/importer/sessioncsv"
	"companion/data/importer/sessionize"
	"companion/data/schedule"
	"companion/data/validate"
)

// Format names an input format.
type Format string

// The formats the companion reads.
const (
	ScheduleJSON Format = "schedule-json" // frab, pretalx, c3voc schedule.json
	ScheduleXML  Format = "schedule-xml"  // Pentabarf, FOSDEM, frab, c3voc schedule.xml
	Sessionize   Format = "sessionize"    // Sessionize API v2 "All" JSON
	SessionCSV   Format = "sessions-csv"  // sessions CSV (+ speakers CSV)
	Sched        Format = "sched"         // sched.com flat JSON
)

// Formats lists every format, for help texts.
func Formats() []Format {
	return []Format{ScheduleJSON, ScheduleXML, Sessionize, SessionCSV, Sched}
}

// Input is one import: the schedule, and for the CSV format the optional
// speakers file.
type Input struct {
	Name         string // file name, or "stdin"
	Data         []byte
	SpeakersName string
	Speakers     []byte
	Format       Format // "" detects it
	Options      build.Options
}

// Detect names the format of a document from its first bytes, or fails
// saying which formats it is not.
func Detect(name string, data []byte) (Format, error) {
	head := data
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	trimmed := bytes.TrimLeft(head, "\ufeff \t\r\n")
	switch {
	case pentabarf.Detect(trimmed):
		return ScheduleXML, nil
	case sessionize.Detect(trimmed):
		return Sessionize, nil
	case sched.Detect(trimmed):
		return Sched, nil
	case sessioncsv.Detect(trimmed):
		return SessionCSV, nil
	case bytes.HasPrefix(trimmed, []byte("{")) && bytes.Contains(head, []byte(`"schedule"`)):
		return ScheduleJSON, nil
	}
	return "", fmt.Errorf("%s: not a format the companion reads (%s); name it with -format if it is one", name, joinFormats())
}

func joinFormats() string {
	var s []string
	for _, f := range Formats() {
		s = append(s, string(f))
	}
	sort.Strings(s)
	return strings.Join(s, ", ")
}

// Result is a successful import.
type Result struct {
	Format     Format
	Conference *schedule.Conference
	JSON       []byte             // the strict schedule.json document
	Warnings   []schedule.Problem // what the source got wrong but could be read
}

// Import converts in. The document it returns validates against the
// schema and loads in the app; if it would not, Import fails with every
// problem instead of writing something the app cannot use.
func Import(in Input) (*Result, error) {
	format := in.Format
	if format == "" {
		f, err := Detect(in.Name, in.Data)
		if err != nil {
			return nil, err
		}
		format = f
	}
	conf, err := read(format, in)
	if err != nil {
		return nil, err
	}
	out, err := export.JSON(conf)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", in.Name, err)
	}
	name := "converted " + in.Name
	if problems := validate.Document(name, out); len(problems) > 0 {
		return nil, &schedule.Error{Problems: problems}
	}
	back, err := schedule.Parse(name, string(out))
	if err != nil {
		return nil, err
	}
	warnings := append(append([]schedule.Problem(nil), conf.Warnings...), back.Warnings...)
	if conf.Acronym != back.Acronym {
		warnings = append(warnings, schedule.Problem{File: in.Name, Field: "acronym",
			Reason: fmt.Sprintf("%q does not fit the format: written as %q", conf.Acronym, back.Acronym)})
	}
	return &Result{Format: format, Conference: back, JSON: out, Warnings: warnings}, nil
}

func read(format Format, in Input) (*schedule.Conference, error) {
	r := bytes.NewReader(in.Data)
	switch format {
	case ScheduleJSON:
		return normalise(in)
	case ScheduleXML:
		return pentabarf.Import(in.Name, r, in.Options)
	case Sessionize:
		return sessionize.Import(in.Name, r, in.Options)
	case Sched:
		return sched.Import(in.Name, r, in.Options)
	case SessionCSV:
		var speakers io.Reader
		if in.Speakers != nil {
			speakers = bytes.NewReader(in.Speakers)
		}
		return sessioncsv.Import(in.Name, r, in.SpeakersName, speakers, in.Options)
	}
	return nil, fmt.Errorf("unknown format %q (%s)", format, joinFormats())
}

// normalise reads a frab or pretalx schedule.json with the app's own
// lenient loader; export then writes it in the strict shape.
func normalise(in Input) (*schedule.Conference, error) {
	c, err := schedule.Parse(in.Name, string(in.Data))
	if err != nil {
		return nil, err
	}
	if in.Options.Acronym != "" {
		c.Acronym = in.Options.Acronym
	}
	if in.Options.Title != "" {
		c.Title = in.Options.Title
	}
	if in.Options.TimeZone != "" {
		loc, err := in.Options.Location()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", in.Name, err)
		}
		c.TimeZone, c.Location = in.Options.TimeZone, loc
	}
	return c, nil
}

// DefaultName suggests an output file name: the acronym, as data/ wants.
func DefaultName(c *schedule.Conference) string {
	return filepath.Base(c.Acronym) + ".json"
}
