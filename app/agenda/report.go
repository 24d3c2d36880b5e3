package agenda

import (
	"strings"
	"time"

	"companion/app/i18n"
	"companion/data/schedule"
)

// Report writes the attendee's notes as one Markdown document, the way
// attendee reports are written from notes afterwards: per talk its title,
// speakers, room, time, rating and notes, in time order. Schedule text is
// escaped so that it reads as written; the notes are the attendee's own
// Markdown and are kept as they are.
func Report(c *schedule.Conference, a *Agenda, now time.Time) string {
	return ReportIn(i18n.English, c, a, now)
}

// ReportIn is Report in language l.
func ReportIn(l i18n.Lang, c *schedule.Conference, a *Agenda, now time.Time) string {
	var b strings.Builder
	b.WriteString("# " + l.F("%s — my notes", EscapeMarkdown(c.Title)) + "\n\n")
	b.WriteString("_" + l.F("Exported %s. Times in %s.", l.DayMonth(now, true), zoneName(c)) + "_\n")
	keys := a.NoteKeys()
	if len(keys) == 0 {
		b.WriteString("\n" + l.T("No notes yet.") + "\n")
	}
	for _, k := range keys {
		n := a.notes[k]
		t := n.Talk
		gone := false
		if e := c.Event(k); e != nil {
			t = SnapshotOf(e)
		} else {
			gone = true
		}
		b.WriteString("\n## " + EscapeMarkdown(oneLine(t.Title)) + "\n\n")
		if len(t.Speakers) > 0 {
			b.WriteString("- **" + l.T("Speakers:") + "** " + EscapeMarkdown(oneLine(strings.Join(t.Speakers, ", "))) + "\n")
		}
		if len(t.Rooms) > 0 {
			b.WriteString("- **" + l.T("Room:") + "** " + EscapeMarkdown(oneLine(strings.Join(t.Rooms, ", "))) + "\n")
		}
		if !t.Start.IsZero() {
			when := l.Date(c.Local(t.Start)) + ", " + l.Clock(c.Local(t.Start))
			if !t.End.IsZero() {
				when += "–" + clock(c, t.End)
			}
			if gone {
				when += " (" + l.T("no longer in the schedule") + ")"
			}
			b.WriteString("- **" + l.T("When:") + "** " + when + "\n")
		}
		if n.Rating > 0 {
			b.WriteString("- **" + l.T("Rating:") + "** " + Stars(n.Rating) + " (" + itoa(n.Rating) + "/5)\n")
		}
		if text := strings.TrimSpace(strings.ReplaceAll(n.Text, "\r\n", "\n")); text != "" {
			b.WriteString("\n" + text + "\n")
		}
	}
	return b.String()
}

// Stars draws a rating: ★★★★☆.
func Stars(rating int) string {
	rating = clampRating(rating)
	return strings.Repeat("★", rating) + strings.Repeat("☆", 5-rating)
}

func zoneName(c *schedule.Conference) string {
	if c.TimeZone != "" {
		return c.TimeZone
	}
	if c.Location != nil {
		return c.Location.String()
	}
	return "UTC"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// EscapeMarkdown makes text read literally in Markdown.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_{}[]()<>#+-.!|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
