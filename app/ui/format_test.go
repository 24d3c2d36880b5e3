package ui

import (
	"testing"
	"time"

	"companion/data/schedule"
)

const parisDay = `{"schedule":{"version":"1","conference":{"acronym":"tzcheck","title":"TZ check",
"start":"2023-03-07","end":"2023-03-07","daysCount":1,"timeslot_duration":"00:05","time_zone_name":"Europe/Paris",
"days":[{"index":1,"date":"2023-03-07","day_start":"2023-03-07T08:00:00+01:00","day_end":"2023-03-08T01:00:00+01:00",
"rooms":{"Bleu":[
 {"guid":"6f1c1d4e-0000-4000-8000-000000000001","date":"2023-03-07T09:15:00+01:00","duration":"01:15","title":"Keynote","type":"keynote"},
 {"guid":"6f1c1d4e-0000-4000-8000-000000000002","date":"2023-03-07T23:30:00+01:00","duration":"00:45","title":"Late","type":"talk"}]}}]}}}`

// Whatever the phone's zone, times read as on the venue's clocks, and an
// event after midnight stays on its conference day.
func TestTimesInConferenceZone(t *testing.T) {
	for _, zone := range []string{"America/Los_Angeles", "Asia/Tokyo", "UTC"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatalf("load %s: %v (install tzdata)", zone, err)
		}
		saved := time.Local
		time.Local = loc
		c, err := schedule.Parse("paris.json", parisDay)
		if err != nil {
			t.Fatal(err)
		}
		ev := c.Days[0].Events
		if got := timeRange(c, ev[0]); got != "09:15–10:30" {
			t.Errorf("phone in %s: keynote shows %s, want 09:15–10:30", zone, got)
		}
		if got := timeRange(c, ev[1]); got != "23:30–00:15" {
			t.Errorf("phone in %s: late talk shows %s, want 23:30–00:15", zone, got)
		}
		if got := dayLabel(c.Days[0]); got != "Tuesday 7 March 2023" {
			t.Errorf("phone in %s: day label %q", zone, got)
		}
		time.Local = saved
	}
}

func TestLanguageNames(t *testing.T) {
	for in, want := range map[string]string{"fr": "French", "en": "English", "de, en": "German, English", "tlh": "tlh", "": ""} {
		if got := languageName(in); got != want {
			t.Errorf("languageName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParagraphsAreText(t *testing.T) {
	got := paragraphs("<script>alert(1)</script>\r\n\r\nSecond **para**")
	if len(got) != 1 || got[0] != "Second **para**" {
		t.Fatalf("paragraphs: %q", got)
	}
}

// HTML in an abstract is read as text: no tag shows, none is run.
func TestParagraphsFromHTML(t *testing.T) {
	got := paragraphs("<p>Currently LLVM saves <b>callee-saved</b> registers.</p>\n<p>Q&amp;A<br>after</p><script>alert(1)</script><img src=x onerror=alert(2)>")
	want := []string{"Currently LLVM saves callee-saved registers.", "Q&A\nafter"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("paragraph %d: %q, want %q", i, got[i], want[i])
		}
	}
	// Markdown and a lone "<" stay as written.
	if got := paragraphs("**10 PB** < 1 EB"); len(got) != 1 || got[0] != "**10 PB** < 1 EB" {
		t.Errorf("text without tags changed: %q", got)
	}
}
