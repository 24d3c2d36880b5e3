package ui

import (
	"strings"
	"testing"
	"time"

	"companion/app/i18n"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
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

// Abstracts keep their structure and stay text: Markdown and HTML become
// the app's own elements; no tag of the source is ever markup, no script
// runs, and only http(s) and mailto links are links.
func TestRichText(t *testing.T) {
	render := func(s string) string { return flat(app.HTMLString(app.Div().Body(richText(s)...))) }
	for _, tc := range []struct {
		name, in string
		want     []string
		not      []string
	}{
		{"markdown", "Intro with **bold** and *em*.\n\n- one\n- [two](https://example.org/two)\n\n`code` [js](javascript:alert(1))",
			[]string{"<p>Intro with <strong>bold</strong> and <em>em</em>.</p>", "<ul>", "<li><p>one</p></li>", `href="https://example.org/two"`, `rel="noopener nofollow"`, ">two</a>", "<code>code</code> js</p>"},
			[]string{"**", "javascript"}},
		{"html (FOSDEM)", "<p>Currently LLVM saves <b>callee-saved</b> registers.</p>\n<p>Q&amp;A<br>after</p><script>alert(1)</script><img src=x onerror=alert(2)>",
			[]string{"<p>Currently LLVM saves <strong>callee-saved</strong> registers.</p>", "<p>Q&amp;A<br>after</p>"},
			[]string{"script", "alert", "img", "onerror"}},
		{"text that looks like tags", "**10 PB** < 1 EB <3 and <b onclick=x>", // a tag: read as HTML, the attribute gone
			[]string{"10 PB", "&lt; 1 EB &lt;3 and"}, []string{"onclick"}},
		{"plain", "First line\nsame paragraph\n\nSecond", []string{"<p>First line same paragraph</p>", "<p>Second</p>"}, nil},
	} {
		got := render(tc.in)
		for _, w := range tc.want {
			if !strings.Contains(got, flat(w)) {
				t.Errorf("%s: no %q in\n%s", tc.name, w, got)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: %q in\n%s", tc.name, n, got)
			}
		}
	}
}

// flat is go-app's indented HTML without any white space, so that its
// structure can be compared (the markdown package checks the spaces).
func flat(html string) string { return strings.Join(strings.Fields(html), "") }

// Where no markup can go (a page's description, the calendar file), an
// abstract is its text: Markdown and HTML read, the markup gone.
func TestParagraphsArePlainText(t *testing.T) {
	for in, want := range map[string]string{
		"Say **hi** to [us](https://example.org).\n\n- one\n- two": "Say hi to us.|• one\n• two",
		"<p>Q&amp;A<br>after</p><script>alert(1)</script>":         "Q&A\nafter",
		"3. c\n4. d": "3. c\n4. d",
		"":           "",
	} {
		if got := strings.Join(paragraphs(in), "|"); got != want {
			t.Errorf("paragraphs(%q) = %q, want %q", in, got, want)
		}
	}
}

// In French, days and the zone read the French way; times stay the
// conference's, on a 24-hour clock.
func TestFrenchDayAndZoneLabels(t *testing.T) {
	defer func() { uiLang = i18n.Default }()
	uiLang = i18n.French
	c, err := schedule.Parse("paris.json", parisDay)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct{ got, want string }{
		{dayLabel(c.Days[0]), "mardi 7 mars 2023"},
		{shortDayLabel(c.Days[0]), "mar. 7 mars"},
		{zoneLabel(c), "heure de Paris"},
		{timeRange(c, c.Days[0].Events[1]), "23:30–00:15"},
		{dateLabel(c, c.Days[0].Events[1].End), "mercredi 8 mars 2023"},
		{languageName("fr, en"), "français, anglais"},
	} {
		if x.got != x.want {
			t.Errorf("got %q, want %q", x.got, x.want)
		}
	}
}
