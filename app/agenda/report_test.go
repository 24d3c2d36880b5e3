package agenda_test

import (
	"strings"
	"testing"
	"time"

	"companion/app/agenda"
	"companion/app/i18n"
)

func TestNotesReport(t *testing.T) {
	c := conference(t,
		ev{guid: "a", room: "Bleu", start: "11:35", dur: "0:40", title: "Portail *développeur* [Back Market]"},
		ev{guid: "b", room: "Rouge", start: "09:15", dur: "1:15", title: "Keynote"},
		ev{guid: "c", room: "Blanc", start: "14:00", dur: "0:40", title: "Not noted"})
	s := newStorage()
	a, _ := agenda.Open(s, "test2023")
	a.SetNote("a", agenda.Note{Text: "Backstage, coupling scores.\n\n- templates", Rating: 4, Talk: agenda.SnapshotOf(c.Event("a"))})
	a.SetNote("b", agenda.Note{Rating: 5, Talk: agenda.SnapshotOf(c.Event("b"))})
	gone := agenda.Star{Title: "Removed talk", Start: time.Date(2023, 3, 7, 17, 0, 0, 0, time.UTC), Rooms: []string{"Bleu"}}
	a.SetNote("gone", agenda.Note{Text: "was good", Talk: gone})
	got := agenda.Report(c, a, time.Date(2023, 3, 8, 9, 0, 0, 0, time.UTC))
	want := `# Test — my notes

_Exported 8 March 2023. Times in Europe/Paris._

## Keynote

- **Speakers:** Ada b
- **Room:** Rouge
- **When:** Tuesday 7 March 2023, 09:15–10:30
- **Rating:** ★★★★★ (5/5)

## Portail \*développeur\* \[Back Market\]

- **Speakers:** Ada a
- **Room:** Bleu
- **When:** Tuesday 7 March 2023, 11:35–12:15
- **Rating:** ★★★★☆ (4/5)

Backstage, coupling scores.

- templates

## Removed talk

- **Room:** Bleu
- **When:** Tuesday 7 March 2023, 18:00 (no longer in the schedule)

was good
`
	if got != want {
		t.Fatalf("report:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(got, "Not noted") {
		t.Fatal("a talk without a note is in the report")
	}
}

// The report is written in the interface's language, dates the French way.
func TestNotesReportInFrench(t *testing.T) {
	c := conference(t, ev{guid: "b", room: "Rouge", start: "09:15", dur: "1:15", title: "Keynote"})
	a, _ := agenda.Open(newStorage(), "test2023")
	a.SetNote("b", agenda.Note{Rating: 5, Text: "Très bien", Talk: agenda.SnapshotOf(c.Event("b"))})
	got := agenda.ReportIn(i18n.French, c, a, time.Date(2023, 3, 8, 9, 0, 0, 0, time.UTC))
	for _, want := range []string{"# Test — mes notes", "_Exporté le 8 mars 2023. Horaires\u202f: Europe/Paris._",
		"- **Salle\u202f:** Rouge", "- **Quand\u202f:** mardi 7 mars 2023, 09:15–10:30", "- **Note\u202f:** ★★★★★ (5/5)", "Très bien"} {
		if !strings.Contains(got, want) {
			t.Errorf("French report has no %q:\n%s", want, got)
		}
	}
}

// A talk after midnight is written with its own date, not the date of the
// day the schedule lists it under (as 39C3's night talks are).
func TestNotesReportAfterMidnight(t *testing.T) {
	c := conference(t, ev{guid: "late", room: "Bleu", start: "19:00", dur: "0:40", title: "Night talk"})
	e := c.Event("late")
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	e.Start = time.Date(2023, 3, 8, 0, 30, 0, 0, paris) // listed under Tuesday 7 March
	e.End = e.Start.Add(40 * time.Minute)
	s := newStorage()
	a, _ := agenda.Open(s, "test2023")
	a.SetNote("late", agenda.Note{Text: "late", Talk: agenda.SnapshotOf(e)})
	got := agenda.Report(c, a, time.Date(2023, 3, 9, 9, 0, 0, 0, time.UTC))
	if !strings.Contains(got, "- **When:** Wednesday 8 March 2023, 00:30–01:10\n") {
		t.Fatalf("the night talk is not dated 8 March:\n%s", got)
	}
}
