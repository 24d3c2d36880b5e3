package agenda

import (
	"strings"
	"time"

	"companion/data/schedule"
)

// Report writes the attendee's notes as one Markdown document, the way
// attendee reports are written from notes afterwards: per talk its title,
// speakers, room, time, rating and notes, in time order. Schedule text is
// escaped so that it reads as written; the notes are the attendee's own
// Markdown and are kept as they are.
func Report(c *schedule.Conference, a *Agenda, now time.Time) string {
	var b strings.Builder
	b.WriteString("# " + EscapeMarkdown(c.Title) + " — my notes\n\n")
	b.WriteString("_Exported " + now.Format("2 January 2006") + ". Times in " + zoneName(c) + "._\n")
	keys := a.NoteKeys()
	if len(keys) == 0 {
		b.WriteString("\nNo notes yet.\n")
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
			b.WriteString("- **Speakers:** " + EscapeMarkdown(oneLine(strings.Join(t.Speakers, ", "))) + "\n")
		}
		if len(t.Rooms) > 0 {
			b.WriteString("- **Room:** " + EscapeMarkdown(oneLine(strings.Join(t.Rooms, ", "))) + "\n")
		}
		if !t.Start.IsZero() {
			when := c.Local(t.Start).Format("Monday 2 January 2006, 15:04")
			if !t.End.IsZero() {
				when += "–" + clock(c, t.End)
			}
			if gone {
				when += " (no longer in the schedule)"
			}
			b.WriteString("- **When:** " + when + "\n")
		}
		if n.Rating > 0 {
			b.WriteString("- **Rating:** " + Stars(n.Rating) + " (" + itoa(n.Rating) + "/5)\n")
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
