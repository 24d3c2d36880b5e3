package agenda_test

import (
	"strings"
	"testing"
	"time"

	"companion/app/agenda"
)

// Everything on the device goes into one file and comes back from it on
// an empty device; restoring over an agenda merges by guid.
func TestBackupRoundTrip(t *testing.T) {
	s := newStorage()
	kcd, _ := agenda.Open(s, "kcdfrance2023")
	kcd.Set("guid-1", true, keynote)
	kcd.SetNote("guid-1", agenda.Note{Text: "Santorin: **5 million** papers", Rating: 5, Talk: keynote})
	kcd.SetNote("guid-2", agenda.Note{Text: "not starred, still noted", Talk: keynote})
	kc, _ := agenda.Open(s, "kubeconeu2019")
	kc.Set("kc-1", true, keynote)
	s.m[agenda.Key("old")+"/unreadable-abc"] = "{broken"
	s.m["companion/conference"] = "kcdfrance2023" // not the attendee's plan

	file, err := agenda.Backup(s, time.Date(2023, 3, 8, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}

	// A cleared device.
	fresh := newStorage()
	r, err := agenda.Restore(fresh, file)
	if err != nil || r.Conferences != 2 || r.Stars != 2 || r.Notes != 2 {
		t.Fatalf("restore: %+v %v", r, err)
	}
	a, notice := agenda.Open(fresh, "kcdfrance2023")
	if notice != "" || !a.Starred("guid-1") {
		t.Fatalf("restored kcd: %q, %v", notice, a.Keys())
	}
	if n, _ := a.Note("guid-1"); n.Text != "Santorin: **5 million** papers" || n.Rating != 5 || n.Talk.Title != keynote.Title {
		t.Fatalf("restored note %+v", n)
	}
	if _, ok := a.Note("guid-2"); !ok {
		t.Fatal("a note without a star was not restored")
	}
	if b, _ := agenda.Open(fresh, "kubeconeu2019"); !b.Starred("kc-1") {
		t.Fatal("the other conference was not restored")
	}
	if fresh.m[agenda.Key("old")+"/unreadable-abc"] != "{broken" {
		t.Fatal("a kept copy was not restored")
	}
	if _, ok := fresh.m["companion/conference"]; ok {
		t.Fatal("a setting rode along")
	}

	// Restoring over an agenda: stars are added, a newer note wins, an
	// older one does not, nothing is removed.
	over := newStorage()
	mine, _ := agenda.Open(over, "kcdfrance2023")
	mine.Set("mine", true, keynote)
	mine.SetNote("guid-1", agenda.Note{Text: "older", Updated: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
	mine.SetNote("guid-2", agenda.Note{Text: "newer", Updated: time.Now().Add(time.Hour)})
	r, err = agenda.Restore(over, file)
	if err != nil || r.Stars != 2 || r.Notes != 1 {
		t.Fatalf("restore over: %+v %v", r, err)
	}
	m, _ := agenda.Open(over, "kcdfrance2023")
	if !m.Starred("mine") || !m.Starred("guid-1") {
		t.Fatalf("merged stars %v", m.Keys())
	}
	if n, _ := m.Note("guid-1"); n.Text != "Santorin: **5 million** papers" {
		t.Fatalf("the backup's newer note lost: %+v", n)
	}
	if n, _ := m.Note("guid-2"); n.Text != "newer" {
		t.Fatalf("the device's newer note lost: %+v", n)
	}
	// Restoring twice adds nothing.
	if r, _ := agenda.Restore(over, file); r.Stars != 0 || r.Notes != 0 {
		t.Fatalf("second restore %+v", r)
	}
}

func TestRestoreRefusesOtherFiles(t *testing.T) {
	for _, f := range []string{"", "{}", `{"app":"other","kind":"backup","agendas":{}}`, "BEGIN:VCALENDAR", `{"version":2,"stars":{}}`} {
		if _, err := agenda.Restore(newStorage(), f); err != agenda.ErrNotBackup {
			t.Errorf("%q: %v", f, err)
		} else if strings.Contains(err.Error(), "json") {
			t.Errorf("%q: %v", f, err)
		}
	}
}

func TestRestoreFullDevice(t *testing.T) {
	s := newStorage()
	a, _ := agenda.Open(s, "kcdfrance2023")
	a.Set("guid-1", true, keynote)
	file, _ := agenda.Backup(s, time.Now())
	full := newStorage()
	full.quota = 10
	if _, err := agenda.Restore(full, file); err == nil || !strings.Contains(agenda.Plain(err), "no room") {
		t.Fatalf("restore on a full device: %v", err)
	}
}
