package agenda_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"companion/app/agenda"
)

type mapStorage struct {
	m    map[string]string
	fail error
}

func newStorage() *mapStorage { return &mapStorage{m: map[string]string{}} }

func (s *mapStorage) Get(k string) (string, bool) { v, ok := s.m[k]; return v, ok }
func (s *mapStorage) Set(k, v string) error {
	if s.fail != nil {
		return s.fail
	}
	s.m[k] = v
	return nil
}

var keynote = agenda.Star{
	Title: "Keynote d'ouverture",
	Start: time.Date(2023, 3, 7, 9, 15, 0, 0, time.FixedZone("CET", 3600)),
	End:   time.Date(2023, 3, 7, 10, 30, 0, 0, time.FixedZone("CET", 3600)),
	Rooms: []string{"Bleu", "Blanc", "Rouge"},
}

func TestStarsSurviveReopening(t *testing.T) {
	s := newStorage()
	a, notice := agenda.Open(s, "kcdfrance2023")
	if notice != "" || a.Len() != 0 {
		t.Fatalf("new agenda: notice %q, %d stars", notice, a.Len())
	}
	if err := a.Set("guid-1", true, keynote); err != nil {
		t.Fatal(err)
	}
	b, notice := agenda.Open(s, "kcdfrance2023")
	if notice != "" || !b.Starred("guid-1") {
		t.Fatalf("reopened: notice %q, starred %v", notice, b.Starred("guid-1"))
	}
	got, _ := b.Star("guid-1")
	if got.Title != keynote.Title || !got.Start.Equal(keynote.Start) || len(got.Rooms) != 3 || got.Starred.IsZero() {
		t.Fatalf("snapshot after reopening: %+v", got)
	}
	if other, _ := agenda.Open(s, "kubeconeu2019"); other.Len() != 0 {
		t.Fatalf("another conference sees %d stars", other.Len())
	}
	if err := b.Set("guid-1", false, agenda.Star{}); err != nil || b.Starred("guid-1") {
		t.Fatalf("unstar: %v, still starred %v", err, b.Starred("guid-1"))
	}
}

func TestUnreadableStorageIsKeptAside(t *testing.T) {
	for _, raw := range []string{`{"version":1,"stars":`, `[1,2]`, `{"version":0}`, `{"version":1,"stars":{"g":"oops"}}`} {
		s := newStorage()
		s.m[agenda.Key("kcdfrance2023")] = raw
		a, notice := agenda.Open(s, "kcdfrance2023")
		if notice == "" || a.Len() != 0 {
			t.Fatalf("%s: notice %q, %d stars", raw, notice, a.Len())
		}
		var backups []string
		for k, v := range s.m {
			if strings.HasPrefix(k, agenda.Key("kcdfrance2023")+"/unreadable-") {
				backups = append(backups, k)
				if v != raw {
					t.Errorf("%s: backup holds %q", raw, v)
				}
			}
		}
		if len(backups) != 1 || !strings.Contains(notice, backups[0]) {
			t.Fatalf("%s: backups %v, notice %q", raw, backups, notice)
		}
		if err := a.Set("guid-1", true, keynote); err != nil {
			t.Fatal(err)
		}
		if b, _ := agenda.Open(s, "kcdfrance2023"); !b.Starred("guid-1") {
			t.Fatalf("%s: starring after recovery did not stick", raw)
		}
	}
}

// A newer app may store more; this version must keep what it does not
// understand when it saves.
func TestNewerFormatKeepsUnknownFields(t *testing.T) {
	s := newStorage()
	key := agenda.Key("kcdfrance2023")
	s.m[key] = `{"version":3,"stars":{"guid-1":{"title":"A","start":"2023-03-07T09:15:00+01:00"}},"notes":{"guid-1":"bring laptop"}}`
	a, notice := agenda.Open(s, "kcdfrance2023")
	if notice != "" || !a.Starred("guid-1") {
		t.Fatalf("notice %q, starred %v", notice, a.Starred("guid-1"))
	}
	if err := a.Set("guid-2", true, keynote); err != nil {
		t.Fatal(err)
	}
	var saved map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s.m[key]), &saved); err != nil {
		t.Fatal(err)
	}
	if string(saved["notes"]) != `{"guid-1":"bring laptop"}` || string(saved["version"]) != "3" {
		t.Fatalf("saved %s", s.m[key])
	}
}

func TestFailedSaveChangesNothing(t *testing.T) {
	s := newStorage()
	a, _ := agenda.Open(s, "kcdfrance2023")
	if err := a.Set("guid-1", true, keynote); err != nil {
		t.Fatal(err)
	}
	s.fail = errors.New("QuotaExceededError")
	if err := a.Set("guid-2", true, keynote); err == nil || a.Starred("guid-2") {
		t.Fatalf("failed save: err %v, starred %v", err, a.Starred("guid-2"))
	}
	if err := a.Set("guid-1", false, agenda.Star{}); err == nil || !a.Starred("guid-1") {
		t.Fatalf("failed unstar: err %v, starred %v", err, a.Starred("guid-1"))
	}
}

func TestKeysInTimeOrder(t *testing.T) {
	a, _ := agenda.Open(newStorage(), "c")
	later := keynote
	later.Start = keynote.Start.Add(2 * time.Hour)
	a.Set("late", true, later)
	a.Set("early", true, keynote)
	if got := a.Keys(); len(got) != 2 || got[0] != "early" || got[1] != "late" {
		t.Fatalf("keys %v", got)
	}
}
