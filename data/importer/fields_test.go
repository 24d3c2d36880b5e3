package importer_test

import (
	"fmt"
	"strings"
	"testing"

	"companion/data/fixtures"
	"companion/data/importer"
	"companion/data/importer/build"
)

// The same talk written as schedule.xml and as schedule.json: both paths
// read it the same, with its spaces trimmed and its links as written.
const (
	sameXML = `<schedule><version>1</version><conference><acronym>same2024</acronym><title>Same</title>
<time_zone_name>Europe/Berlin</time_zone_name><base_url>https://cfp.example.org/same/schedule/</base_url><timeslot_duration>00:10</timeslot_duration></conference>
<day index="1" date="2024-12-27" start="2024-12-27T10:00:00+01:00" end="2024-12-28T04:00:00+01:00"><room name="One">
<event guid="6f1c1d4e-0000-4000-8000-0000000000d1" id="11"><date>2024-12-27T11:00:00+01:00</date><start>11:00</start><duration>00:40</duration>
<room>One</room><slug>same-2024-11-what-s-up-</slug><title>  What's up?  </title><type>Talk</type><language>en</language><abstract/>
<persons><person id="5">  Ada Example </person></persons>
<links><link href="example.org/page">Bare host</link><link href="https://wiki.example.org/A#Section%3A_x%2Fy">Fragment</link><link href="/talk/XYZ/">Relative</link></links>
<feedback_url>https://cfp.example.org/same/talk/XYZ/feedback/</feedback_url><origin_url>https://cfp.example.org/same/talk/XYZ/</origin_url>
<recording><license/><optout>true</optout></recording></event></room></day></schedule>`

	sameJSON = `{"schedule":{"version":"1","base_url":"https://cfp.example.org/same/schedule/","conference":{"acronym":"same2024","title":"Same",
"start":"2024-12-27","end":"2024-12-27","daysCount":1,"timeslot_duration":"00:10","time_zone_name":"Europe/Berlin",
"days":[{"index":1,"date":"2024-12-27","day_start":"2024-12-27T10:00:00+01:00","day_end":"2024-12-28T04:00:00+01:00","rooms":{"One":[
{"guid":"6f1c1d4e-0000-4000-8000-0000000000d1","id":11,"date":"2024-12-27T11:00:00+01:00","start":"11:00","duration":"00:40","room":"One",
 "slug":"same-2024-11-what-s-up-","title":"  What's up?  ","subtitle":"","track":null,"type":"Talk","language":"en","abstract":"",
 "persons":[{"id":5,"public_name":"  Ada Example "}],
 "links":[{"url":"example.org/page","title":"Bare host"},{"url":"https://wiki.example.org/A#Section%3A_x%2Fy","title":"Fragment"},{"url":"/talk/XYZ/","title":"Relative"}],
 "feedback_url":"https://cfp.example.org/same/talk/XYZ/feedback/","origin_url":"https://cfp.example.org/same/talk/XYZ/","do_not_record":true}]}}]}}}`
)

func TestBothPathsReadTheSame(t *testing.T) {
	var got []string
	for _, in := range []importer.Input{{Name: "same.xml", Data: []byte(sameXML)}, {Name: "same.json", Data: []byte(sameJSON)}} {
		res, err := importer.Import(in)
		if err != nil {
			t.Fatal(err)
		}
		c := res.Conference
		e := c.Event("6f1c1d4e-0000-4000-8000-0000000000d1")
		if e == nil {
			t.Fatalf("%s: the talk is missing", in.Name)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "slot %s | title %q | slug %s | found by slug %v | feedback %s | origin %s | not recorded %v\n",
			c.TimeslotDuration, e.Title, e.Slug, c.EventBySlug("same-2024-11-what-s-up-") == e, e.FeedbackURL, e.OriginURL, e.DoNotRecord)
		for _, p := range e.Persons {
			fmt.Fprintf(&b, "person %q\n", p.Name)
		}
		for _, l := range e.Links {
			fmt.Fprintf(&b, "link %s %q\n", l.URL, l.Title)
		}
		got = append(got, b.String())
	}
	want := `slot 00:10 | title "What's up?" | slug same-2024-11-what-s-up- | found by slug true | feedback https://cfp.example.org/same/talk/XYZ/feedback/ | origin https://cfp.example.org/same/talk/XYZ/ | not recorded true
person "Ada Example"
link https://example.org/page "Bare host"
link https://wiki.example.org/A#Section%3A_x%2Fy "Fragment"
link https://cfp.example.org/talk/XYZ/ "Relative"
`
	for i, name := range []string{"schedule.xml", "schedule.json"} {
		if got[i] != want {
			t.Errorf("%s, imported and reloaded:\n%s\nwant:\n%s", name, got[i], want)
		}
	}
}

// What the real exports carry that the app can use survives the import:
// 39C3's feedback and origin links and recording opt-outs, its 10-minute
// time slot; FOSDEM's feedback links, slugs ending in "-" (91 of them) and
// time slot; rC3's do_not_record.
func TestFieldsKept(t *testing.T) {
	for _, tc := range []struct {
		file             string
		slot             string
		feedback, origin int
		notRecorded      int
		dashSlugs        int
	}{
		{"ccc-39c3-preliminary-2025-12-06.c3voc-schedule.xml", "00:10", 178, 178, 6, 0},
		{"fosdem-2025.pentabarf-schedule.xml", "00:05:00", 943, 0, 0, 91},
		{"rc3-2020-channels.pretalx-schedule.json", "00:05", 0, 0, 3, 0},
		{"cccamp2019-excerpt.frab-schedule.json", "00:15", 0, 0, 0, 0},
	} {
		t.Run(tc.file, func(t *testing.T) {
			res, err := importer.Import(importer.Input{Name: tc.file, Data: fixtures.Read(t, tc.file), Options: build.Options{}})
			if err != nil {
				t.Fatal(err)
			}
			c := res.Conference // reloaded from the strict export
			var feedback, origin, notRecorded, dash int
			for _, e := range c.Events {
				if strings.HasPrefix(e.FeedbackURL, "https://") {
					feedback++
				}
				if strings.HasPrefix(e.OriginURL, "https://") {
					origin++
				}
				if e.DoNotRecord {
					notRecorded++
				}
				if strings.HasSuffix(e.Slug, "-") {
					dash++
					if c.EventBySlug(e.Slug) != e {
						t.Errorf("%s is not found by its slug", e.Slug)
					}
				}
			}
			if c.TimeslotDuration != tc.slot || feedback != tc.feedback || origin != tc.origin || notRecorded != tc.notRecorded || dash != tc.dashSlugs {
				t.Errorf("slot %q, %d feedback and %d origin links, %d not recorded, %d slugs ending in -; want %q, %d, %d, %d, %d",
					c.TimeslotDuration, feedback, origin, notRecorded, dash, tc.slot, tc.feedback, tc.origin, tc.notRecorded, tc.dashSlugs)
			}
		})
	}
}
