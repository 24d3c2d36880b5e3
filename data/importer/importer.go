// Package importer turns a schedule in any format the companion reads into
// a strict schedule.json document: it detects the format (or takes it by
// name), runs that format's importer, writes the result with export and
// checks it against the published schema.
package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"companion/data/export"
	"companion/data/importer/build"
	"companion/data/importer/pentabarf"
	"companion/data/importer/sched"
	"companion/data/importer/sessioncsv"
	"companion/data/importer/sessionize"
	"companion/data/schedule"
	"companion/data/validate"

	"github.com/tidwall/gjson"
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
	return "", unknownFormat(name, data)
}

// Guide lists the formats import reads and how to get each from the tool
// that publishes it.
const Guide = `companion import reads:
  schedule-json  frab, pretalx or c3voc schedule.json: from pretalx, https://PRETALX/EVENT/schedule/export/schedule.json;
                 from frab, https://FRAB/en/CONFERENCE/public/schedule.json
  schedule-xml   Pentabarf, FOSDEM, frab or c3voc schedule.xml: from FOSDEM, https://fosdem.org/YEAR/schedule/xml;
                 from pretalx, https://PRETALX/EVENT/schedule/export/schedule.xml
  sessionize     a Sessionize API view with times, in JSON ("All", "GridSmart" or "Sessions"): in Sessionize,
                 API / Embed → create an endpoint (format JSON), then https://sessionize.com/api/v2/ID/view/All
  sessions-csv   a sessions CSV with a header "id,title,…,start_time,…" (and -speakers FILE, its speakers CSV)
  sched          a sched.com session list in JSON: objects with "url", "title" and "eventDate"
Name the format with -format when it is one of these but not recognised.`

// unknownFormat explains that a document is in no format import reads:
// what it looks like, what import reads, and how to get one.
func unknownFormat(name string, data []byte) error {
	return fmt.Errorf("%s: not a format the companion reads: %s\n%s", name, shape(data), Guide)
}

// shape says what a document looks like, for the person who handed it in:
// "JSON: an object with the keys talks, speakers".
func shape(data []byte) string {
	data = bytes.TrimLeft(data, "\ufeff \t\r\n")
	if !gjson.ValidBytes(data) {
		if len(data) > 0 && (data[0] == '{' || data[0] == '[') {
			return build.SyntaxReason(data)
		}
		return "not JSON, XML with a <schedule> root, or a sessions CSV"
	}
	keys := func(v gjson.Result) string {
		var k []string
		v.ForEach(func(key, _ gjson.Result) bool {
			k = append(k, key.String())
			return len(k) < 10
		})
		if len(k) == 0 {
			return "no keys"
		}
		return "the keys " + strings.Join(k, ", ")
	}
	root := gjson.ParseBytes(data)
	switch {
	case root.IsObject():
		if sch := root.Get("schedule"); sch.IsObject() && !sch.Get("conference").IsObject() {
			return "JSON with a \"schedule\" object but no \"schedule.conference\" (it has " + keys(sch) + ")"
		}
		return "JSON: an object with " + keys(root)
	case root.IsArray():
		n := len(root.Array())
		first := root.Get("0")
		if first.IsObject() {
			return fmt.Sprintf("JSON: a list of %d objects, the first with %s", n, keys(first))
		}
		return fmt.Sprintf("JSON: a list of %d values", n)
	}
	return "JSON, but a single value"
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
	if format == ScheduleJSON && !gjson.GetBytes(in.Data, "schedule.conference").IsObject() && gjson.ValidBytes(in.Data) {
		return nil, unknownFormat(in.Name, in.Data)
	}
	conf, err := read(format, in)
	if err != nil {
		return nil, err
	}
	if len(conf.Events) == 0 {
		// Nothing to show: say why, with what each left-out event had.
		problems := append([]schedule.Problem{{File: in.Name, Field: "events", Reason: "no event could be read: nothing to show"}}, conf.Warnings...)
		return nil, &schedule.Error{Problems: problems}
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
// lenient loader, the options applied as it reads (so -acronym rescues a
// file without one, and -tz is the zone of the wall-clock times a file
// writes without an offset); export then writes it in the strict shape.
// Events that old frab identifies only by an id get a guid derived from
// the conference and that id, as the schedule.xml importer derives them.
func normalise(in Input) (*schedule.Conference, error) {
	loc, err := in.Options.Location()
	if err != nil {
		return nil, &schedule.Error{Problems: []schedule.Problem{{File: in.Name, Field: "time zone", Reason: err.Error()}}}
	}
	doc := string(in.Data)
	var repaired *schedule.Problem
	if !json.Valid(in.Data) {
		if fixed, n := escapeRawControls(doc); n > 0 && json.Valid([]byte(fixed)) {
			doc = fixed
			repaired = &schedule.Problem{File: in.Name, Field: "text",
				Reason: fmt.Sprintf("%d line breaks or tabs written raw inside strings (frab's old template did): read as written", n)}
		}
	}
	// A file without an acronym (frab before 2014) is named from its
	// title, as schedule.xml is; -acronym names it otherwise.
	acronym := in.Options.Acronym
	var named *schedule.Problem
	if acronym == "" && strings.TrimSpace(gjson.Get(doc, "schedule.conference.acronym").String()) == "" {
		title := build.FirstNonEmpty(gjson.Get(doc, "schedule.conference.title").String(), in.Options.Title)
		if a := export.Acronym(html.UnescapeString(title)); strings.Trim(a, "_") != "" {
			acronym = a
			named = &schedule.Problem{File: in.Name, Field: "acronym",
				Reason: fmt.Sprintf("missing: named %q from the title (companion import -acronym names it otherwise; it keys the attendees' agendas and the derived guids)", a)}
		}
	}
	c, err := schedule.ParseWith(in.Name, doc, schedule.Options{
		Acronym:  acronym,
		Title:    in.Options.Title,
		Location: loc,
		TimeZone: in.Options.TimeZone,
		GUID: func(acronym, id string) string {
			return export.GUID(export.FitAcronym(acronym), "event:"+id)
		},
	})
	if err == nil && loc == nil && c.TimeZone == "" && wallClocksOnly(doc) {
		c.Warnings = append([]schedule.Problem{{File: in.Name, Field: "time zone",
			Reason: `none: the file names no zone (no "time_zone_name") and writes its times as wall clocks ("HH:MM", frab before 2014), read as UTC; companion import -tz names the zone they are in (-tz Europe/Berlin)`}}, c.Warnings...)
	}
	if err == nil && named != nil {
		c.Warnings = append([]schedule.Problem{*named}, c.Warnings...)
	}
	if err == nil && repaired != nil {
		c.Warnings = append([]schedule.Problem{*repaired}, c.Warnings...)
	}
	return c, err
}

// wallClocksOnly reports whether no event of a schedule.json gives its
// time with an offset (a "date" such as "2019-08-21T11:00:00+02:00"): the
// times are then wall clocks in a zone the file does not say.
func wallClocksOnly(doc string) bool {
	only := true
	gjson.Get(doc, "schedule.conference.days").ForEach(func(_, day gjson.Result) bool {
		day.Get("rooms").ForEach(func(_, events gjson.Result) bool {
			events.ForEach(func(_, e gjson.Result) bool {
				if _, err := time.Parse(time.RFC3339, strings.TrimSpace(e.Get("date").String())); err == nil {
					only = false
				}
				return only
			})
			return only
		})
		return only
	})
	return only
}

// escapeRawControls escapes the line breaks and tabs written raw inside
// JSON strings, which no JSON reader accepts and frab's old HTML template
// wrote in every multi-line abstract. It returns the text and how many it
// escaped; the caller checks that the result is valid JSON.
func escapeRawControls(doc string) (string, int) {
	var b strings.Builder
	n, in, esc := 0, false, false
	for i := 0; i < len(doc); i++ {
		c := doc[i]
		switch {
		case !in:
			in = c == '"'
		case esc:
			esc = false
		case c == '\\':
			esc = true
		case c == '"':
			in = false
		case c == '\n' || c == '\r' || c == '\t':
			n++
			b.WriteString(map[byte]string{'\n': `\n`, '\r': `\r`, '\t': `\t`}[c])
			continue
		}
		b.WriteByte(c)
	}
	return b.String(), n
}

// DefaultName suggests an output file name: the acronym, as data/ wants.
func DefaultName(c *schedule.Conference) string {
	return filepath.Base(c.Acronym) + ".json"
}
