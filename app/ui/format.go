package ui

import (
	"html"
	"strconv"
	"strings"
	"time"

	"companion/data/schedule"
)

// Times are shown on the conference's wall clock, whatever zone the phone
// is in: someone at the venue reads the same time as the signs.

func clock(c *schedule.Conference, t time.Time) string {
	return c.Local(t).Format("15:04")
}

func timeRange(c *schedule.Conference, e *schedule.Event) string {
	return clock(c, e.Start) + "–" + clock(c, e.End)
}

// isoTime is the machine-readable form for <time datetime>.
func isoTime(c *schedule.Conference, t time.Time) string {
	return c.Local(t).Format(time.RFC3339)
}

// dayLabel names a day by its date as the data writes it (not by the
// phone's calendar, which may already be on the next day).
func dayLabel(d schedule.Day) string {
	t, err := time.Parse(time.DateOnly, d.Date)
	if err != nil {
		return d.Date
	}
	return t.Format("Monday 2 January 2006")
}

func shortDayLabel(d schedule.Day) string {
	t, err := time.Parse(time.DateOnly, d.Date)
	if err != nil {
		return d.Date
	}
	return t.Format("Mon 2 Jan")
}

func zoneLabel(c *schedule.Conference) string {
	if c.TimeZone != "" {
		return c.TimeZone
	}
	return c.Location.String()
}

var languages = map[string]string{
	"fr": "French", "en": "English", "de": "German", "es": "Spanish",
	"it": "Italian", "nl": "Dutch", "pt": "Portuguese", "cs": "Czech",
}

// languageName turns "fr" into "French"; unknown codes are shown as given.
func languageName(code string) string {
	var names []string
	for _, part := range strings.Split(code, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if n, ok := languages[strings.ToLower(part)]; ok {
			names = append(names, n)
		} else {
			names = append(names, part)
		}
	}
	return strings.Join(names, ", ")
}

// primaryLanguage is the first code of a language field, for lang=.
func primaryLanguage(code string) string {
	code, _, _ = strings.Cut(code, ",")
	return strings.ToLower(strings.TrimSpace(code))
}

func itoa(i int) string { return strconv.Itoa(i) }

// speakerLine is the short list of speakers shown on a card.
func speakerLine(e *schedule.Event) string {
	parts := make([]string, 0, len(e.Persons))
	for _, p := range e.Persons {
		if p.Organization != "" {
			parts = append(parts, p.Name+" ("+p.Organization+")")
		} else {
			parts = append(parts, p.Name)
		}
	}
	return strings.Join(parts, ", ")
}

// paragraphs splits text on blank lines. The text is shown as text, never
// as HTML: schedule data is not trusted markup. Abstracts written in HTML
// (FOSDEM's are) are read as text first, so that no tag shows.
func paragraphs(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if strings.Contains(s, "</") || strings.Contains(s, "<br") {
		s = htmlText(s)
	}
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// htmlText turns an HTML fragment into plain text: block ends become
// paragraph breaks, <br> a line break, other tags vanish, script and
// style vanish with their content, and entities are decoded. Nothing of
// it is ever interpreted as markup.
func htmlText(s string) string {
	var b strings.Builder
	skip := ""
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			if skip == "" {
				b.WriteString(s)
			}
			break
		}
		if skip == "" {
			b.WriteString(s[:i])
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			if skip == "" {
				b.WriteString(s[i:])
			}
			break
		}
		tag := strings.ToLower(strings.TrimSpace(s[i+1 : i+j]))
		name := strings.TrimPrefix(tag, "/")
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		switch {
		case skip != "":
			if tag == "/"+skip {
				skip = ""
			}
		case name == "script" || name == "style":
			if !strings.HasPrefix(tag, "/") && !strings.HasSuffix(tag, "/") {
				skip = name
			}
		case name == "br":
			b.WriteString("\n")
		case strings.HasPrefix(tag, "/") && (name == "p" || name == "div" || name == "li" || name == "ul" || name == "ol" || name == "pre" || name == "blockquote" || name == "h1" || name == "h2" || name == "h3" || name == "h4"):
			b.WriteString("\n\n")
		}
		s = s[i+j+1:]
	}
	return html.UnescapeString(b.String())
}
