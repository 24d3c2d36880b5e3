package pentabarf_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"time"

	"companion/data/export"
	"companion/data/fixtures"
	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/importer/pentabarf"
	"companion/data/schedule"
)

// legacy has the shape of FOSDEM's schedule.xml before rooms wrapped the
// events (FOSDEM 2010 in mttcrsp/fosdem): events straight under <day>,
// each naming its <room>; no acronym, guid, <date>, zone or day bounds,
// only <day_change>. The content is made up.
const legacy = `<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference>
    <title>Old Meeting 2010</title>
    <start>2010-02-06</start>
    <end>2010-02-06</end>
    <days>1</days>
    <day_change>09:00:00</day_change>
  </conference>
  <day index="1" date="2010-02-06">
  <event id="20">
      <start>16:40</start>
      <duration>00:15</duration>
      <room>Ferrer</room>
      <slug></slug>
      <title>A lightning talk</title>
      <track>Lightning Talks</track>
      <type></type>
      <persons><person id="201">Ada Example</person></persons>
      <links></links>
  </event>  <event id="21">
      <start>01:30</start>
      <duration>00:30</duration>
      <room>Janson</room>
      <title>After midnight</title>
      <persons><person id="201">Ada Example</person><person id="211">Bob Example</person></persons>
  </event>
  </day>
</schedule>`

func TestLegacyPentabarf(t *testing.T) {
	if !pentabarf.Detect([]byte(legacy)) {
		t.Error("not detected")
	}
	c, err := pentabarf.Import("old.xml", strings.NewReader(legacy), build.Options{TimeZone: "Europe/Brussels"})
	if err != nil {
		t.Fatal(err)
	}
	back := importertest.Check(t, "old.xml", c, importertest.Counts{Days: 1, Rooms: 2, Events: 2, Persons: 2})
	if c.Acronym != "oldmeeting2010" || c.TimeZone != "Europe/Brussels" {
		t.Errorf("acronym %q, zone %q", c.Acronym, c.TimeZone)
	}
	for _, e := range []*schedule.Event{c.Events[0], back.Event(c.Events[0].Key())} {
		if e == nil {
			t.Fatal("the first event is not in the reloaded conference")
		}
		// No guid in the source: one derived from the id, stable across imports.
		if e.GUID != export.GUID("oldmeeting2010", "event:20") || e.Room() != "Ferrer" || e.Track != "Lightning Talks" ||
			c.Local(e.Start).Format(time.RFC3339) != "2010-02-06T16:40:00+01:00" {
			t.Errorf("read %+v", e)
		}
	}
	if c.Events[0].ID != "20" {
		t.Errorf("id %q, want the source's 20", c.Events[0].ID)
	}
	// 01:30 is before the 09:00 day change: the next morning, still day 1.
	late := c.Events[1]
	if late.Title != "After midnight" || late.Day != 0 || c.Local(late.Start).Format(time.RFC3339) != "2010-02-07T01:30:00+01:00" {
		t.Errorf("after-midnight event %q on day %d at %s", late.Title, late.Day, c.Local(late.Start))
	}
}

// Without a zone anywhere, times are read as UTC and the import says so.
func TestNoZoneWarns(t *testing.T) {
	c, err := pentabarf.Import("old.xml", strings.NewReader(legacy), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range c.Warnings {
		found = found || w.Field == "time_zone_name"
	}
	if !found || c.Location != time.UTC {
		t.Errorf("zone %v, warnings %v", c.Location, c.Warnings)
	}
}

// A day start written with the wrong offset (39C3 writes 09:00+00:00 for
// a Berlin morning) must not push a morning event without <date> to the
// next day; a 02:00 event still goes to the next morning.
func TestMisOffsetDayStart(t *testing.T) {
	doc := `<schedule><conference><acronym>test2025</acronym><title>T</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day index="1" date="2025-12-27" start="2025-12-27T09:00:00+00:00" end="2025-12-28T06:00:00+01:00"><room name="One">
<event guid="00000000-0000-4000-8000-000000000001"><start>09:30</start><duration>00:30</duration><title>Morning</title></event>
<event guid="00000000-0000-4000-8000-000000000002"><start>02:00</start><duration>00:30</duration><title>Night</title></event>
</room></day></schedule>`
	c, err := pentabarf.Import("t.xml", strings.NewReader(doc), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range c.Events {
		got[e.Title] = c.Local(e.Start).Format(time.RFC3339)
	}
	if got["Morning"] != "2025-12-27T09:30:00+01:00" || got["Night"] != "2025-12-28T02:00:00+01:00" {
		t.Errorf("times %v", got)
	}
}

// Every 39C3 event is shown at the wall clock its <date> says, on the day
// it is listed under, whatever offset the day's bounds are written with.
func TestCCC39C3EveryDateAsWritten(t *testing.T) {
	src := fixtures.Read(t, ccc)
	var doc struct {
		Days []struct {
			Date  string `xml:"date,attr"`
			Rooms []struct {
				Events []struct {
					GUID     string `xml:"guid,attr"`
					Date     string `xml:"date"`
					Start    string `xml:"start"`
					Title    string `xml:"title"`
					Type     string `xml:"type"`
					Language string `xml:"language"`
				} `xml:"event"`
			} `xml:"room"`
		} `xml:"day"`
	}
	if err := xml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	c, err := pentabarf.Import(ccc, bytes.NewReader(src), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	byGUID := map[string]*schedule.Event{} // an import's Event() index is built only by schedule.Parse
	for _, e := range c.Events {
		byGUID[e.GUID] = e
	}
	n := 0
	for _, d := range doc.Days {
		for _, r := range d.Rooms {
			for _, x := range r.Events {
				n++
				e := byGUID[x.GUID]
				if e == nil {
					t.Errorf("%s missing", x.GUID)
					continue
				}
				local := c.Local(e.Start)
				if local.Format(time.RFC3339) != x.Date || local.Format("15:04") != x.Start || c.Days[e.Day].Date != d.Date {
					t.Errorf("%q shown %s on day %s; the XML says %s (%s) on day %s", x.Title, local.Format(time.RFC3339), c.Days[e.Day].Date, x.Date, x.Start, d.Date)
				}
				if e.Title != x.Title || e.Type != x.Type || e.Language != x.Language {
					t.Errorf("%s read as %q/%q/%q, want %q/%q/%q", x.GUID, e.Title, e.Type, e.Language, x.Title, x.Type, x.Language)
				}
			}
		}
	}
	if n != 215 {
		t.Errorf("%d events in the XML, want 215", n)
	}
}

// An unknown zone is a problem, not a panic (time.Date panics on a nil
// zone, and events written with only a time of day reach it).
func TestUnknownZone(t *testing.T) {
	doc := `<schedule><conference><acronym>abcd</acronym><title>T</title><time_zone_name>Nowhere/Atall</time_zone_name><day_change>09:00</day_change></conference>
<day index="1" date="2025-02-01"><room name="A"><event id="1"><start>01:00</start><duration>00:30</duration></event></room></day></schedule>`
	_, err := pentabarf.Import("z.xml", strings.NewReader(doc), build.Options{})
	var se *schedule.Error
	if !errors.As(err, &se) || se.Problems[0].Field != "time_zone_name" {
		t.Errorf("unknown zone: %v", err)
	}
}

func TestDetect(t *testing.T) {
	for doc, want := range map[string]bool{
		"\ufeff<?xml version=\"1.0\"?>\n<schedule><conference>": true,
		"  <schedule>\n  <version>1</version>":                  true,
		`{"schedule": "<schedule>"}`:                            false,
		`<?xml version="1.0"?><rss><channel>`:                   false,
		"":                                                      false,
	} {
		if got := pentabarf.Detect([]byte(doc)); got != want {
			t.Errorf("Detect(%q) = %v", doc, got)
		}
	}
}
