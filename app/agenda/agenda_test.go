package agenda_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"companion/app/agenda"
)

// mapStorage is localStorage in a map, with an optional quota in bytes.
type mapStorage struct {
	m     map[string]string
	fail  error
	quota int
	sets  int
}

func newStorage() *mapStorage { return &mapStorage{m: map[string]string{}} }

func (s *mapStorage) Get(k string) (string, bool) { v, ok := s.m[k]; return v, ok }
func (s *mapStorage) Set(k, v string) error {
	if s.fail != nil {
		return s.fail
	}
	if s.quota > 0 && s.used()-len(s.m[k])+len(v) > s.quota {
		return fmt.Errorf("QuotaExceededError: %w", agenda.ErrQuota)
	}
	s.sets++
	s.m[k] = v
	return nil
}
func (s *mapStorage) Remove(k string) error { delete(s.m, k); return nil }
func (s *mapStorage) Keys(prefix string) []string {
	var out []string
	for k := range s.m {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
func (s *mapStorage) used() int {
	n := 0
	for _, v := range s.m {
		n += len(v)
	}
	return n
}

var keynote = agenda.Star{
	Title: "Keynote d'ouverture",
	Start: time.Date(2023, 3, 7, 9, 15, 0, 0, time.FixedZone("CET", 3600)),
	End:   time.Date(2023, 3, 7, 10, 30, 0, 0, time.FixedZone("CET", 3600)),
	Rooms: []string{"Bleu", "Blanc", "Rouge"},
}

const conf = "kcdfrance2023"

func backups(s *mapStorage) []string { return s.Keys(agenda.Key(conf) + "/unreadable-") }

func TestStarsSurviveReopening(t *testing.T) {
	s := newStorage()
	a, notice := agenda.Open(s, conf)
	if notice != "" || a.Len() != 0 {
		t.Fatalf("new agenda: notice %q, %d stars", notice, a.Len())
	}
	if err := a.Set("guid-1", true, keynote); err != nil {
		t.Fatal(err)
	}
	b, notice := agenda.Open(s, conf)
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

// Messages are for people: none of Go's JSON wording reaches them.
func assertPlain(t *testing.T, notice string) {
	t.Helper()
	for _, jargon := range []string{"json", "JSON", "unexpected", "invalid character", "unmarshal", "%!", "version"} {
		if strings.Contains(notice, jargon) {
			t.Errorf("notice %q says %q", notice, jargon)
		}
	}
}

// An unreadable agenda is copied once, whatever the number of reloads, and
// the copy can be had back and deleted.
func TestUnreadableAgendaIsBackedUpOnce(t *testing.T) {
	for _, raw := range []string{`{"version":1,"stars":`, `[1,2]`, `{"version":0}`, `null`, `"stars"`, `{"stars":{}}`} {
		s := newStorage()
		s.m[agenda.Key(conf)] = raw
		a, notice := agenda.Open(s, conf)
		if notice == "" || a.Len() != 0 || !strings.Contains(notice, "download") {
			t.Fatalf("%s: notice %q, %d stars", raw, notice, a.Len())
		}
		assertPlain(t, notice)
		if b := backups(s); len(b) != 1 || s.m[b[0]] != raw {
			t.Fatalf("%s: backups %v", raw, b)
		}
		for reload := 0; reload < 3; reload++ {
			a, notice = agenda.Open(s, conf)
			if notice != "" {
				t.Fatalf("%s: reload %d says %q again", raw, reload, notice)
			}
			if b := backups(s); len(b) != 1 {
				t.Fatalf("%s: reload %d: backups %v", raw, reload, b)
			}
		}
		rec := a.Recovered()
		if len(rec) != 1 || rec[0].Bytes != len(raw) {
			t.Fatalf("%s: recovered %+v", raw, rec)
		}
		if got, ok := a.Backup(rec[0]); !ok || got != raw {
			t.Fatalf("%s: backup reads %q", raw, got)
		}
		if err := a.Set("guid-1", true, keynote); err != nil {
			t.Fatal(err)
		}
		b, _ := agenda.Open(s, conf)
		if !b.Starred("guid-1") || len(b.Recovered()) != 1 {
			t.Fatalf("%s: starring after recovery: %v, recovered %v", raw, b.Starred("guid-1"), b.Recovered())
		}
		if err := b.ForgetBackup(rec[0]); err != nil || len(backups(s)) != 0 || len(b.Recovered()) != 0 {
			t.Fatalf("%s: forget: %v, %v, %v", raw, err, backups(s), b.Recovered())
		}
		if c, notice := agenda.Open(s, conf); notice != "" || !c.Starred("guid-1") || len(c.Recovered()) != 0 {
			t.Fatalf("%s: after forgetting: %q", raw, notice)
		}
	}
}

// An agenda too big to copy stays where it is: the next star does not
// overwrite it, it can be downloaded, and once there is room it is copied
// and what was starred meanwhile is kept.
func TestAgendaTooBigToBackUpIsHeld(t *testing.T) {
	s := newStorage()
	raw := `{"version":1,"stars":{"g":` + strings.Repeat("x", 600)
	s.m[agenda.Key(conf)] = raw
	s.quota = 1000
	a, notice := agenda.Open(s, conf)
	assertPlain(t, notice)
	if held, ok := a.Held(); !ok || held != raw || !strings.Contains(notice, "no room") || !strings.Contains(notice, "download") {
		t.Fatalf("held %v, notice %q", ok, notice)
	}
	if err := a.Set("guid-1", true, keynote); err != nil {
		t.Fatal(err)
	}
	if s.m[agenda.Key(conf)] != raw {
		t.Fatal("the next star overwrote the unreadable agenda")
	}
	b, _ := agenda.Open(s, conf)
	if _, ok := b.Held(); !ok || !b.Starred("guid-1") || s.m[agenda.Key(conf)] != raw {
		t.Fatalf("reopened while held: starred %v", b.Starred("guid-1"))
	}
	if len(backups(s)) != 0 {
		t.Fatalf("backups %v", backups(s))
	}

	// Room is made: the copy is taken, the star stays.
	s.quota = 0
	c, notice := agenda.Open(s, conf)
	if _, held := c.Held(); held || !c.Starred("guid-1") || len(backups(s)) != 1 || s.m[backups(s)[0]] != raw {
		t.Fatalf("after room was made: held %v, starred %v, backups %v, notice %q", held, c.Starred("guid-1"), backups(s), notice)
	}
	if len(s.Keys(agenda.Key(conf)+"/while")) != 0 {
		t.Fatal("the side copy was left behind")
	}
}

// Once downloaded, a held agenda can be discarded, and what was starred
// meanwhile becomes the agenda.
func TestDiscardHeldAgenda(t *testing.T) {
	s := newStorage()
	raw := `not json ` + strings.Repeat("y", 600)
	s.m[agenda.Key(conf)] = raw
	s.quota = 1000
	a, _ := agenda.Open(s, conf)
	a.Set("guid-1", true, keynote)
	if err := a.DiscardHeld(); err != nil {
		t.Fatal(err)
	}
	b, notice := agenda.Open(s, conf)
	if _, held := b.Held(); held || notice != "" || !b.Starred("guid-1") {
		t.Fatalf("after discarding: held %v, notice %q", held, notice)
	}
}

// One damaged entry does not cost the others: it is kept aside, saved
// with the agenda, and counted in the notice.
func TestUnreadableEntriesAreKeptAside(t *testing.T) {
	s := newStorage()
	s.m[agenda.Key(conf)] = `{"version":2,"stars":{"g":"oops","h":{"title":"Kept","start":"2023-03-07T09:15:00+01:00"},"i":42},"notes":{"n":[1]}}`
	a, notice := agenda.Open(s, conf)
	assertPlain(t, notice)
	if !strings.Contains(notice, "3 entries") || !a.Starred("h") || a.Len() != 1 || a.Unreadable() != 3 {
		t.Fatalf("notice %q, %d stars, %d aside", notice, a.Len(), a.Unreadable())
	}
	if len(backups(s)) != 0 {
		t.Fatal("a readable agenda was backed up")
	}
	a.Set("guid-1", true, keynote)
	var saved struct {
		Unreadable map[string]json.RawMessage `json:"unreadable"`
	}
	json.Unmarshal([]byte(s.m[agenda.Key(conf)]), &saved)
	if string(saved.Unreadable["stars/g"]) != `"oops"` || string(saved.Unreadable["stars/i"]) != `42` || string(saved.Unreadable["notes/n"]) != `[1]` {
		t.Fatalf("kept aside: %s", s.m[agenda.Key(conf)])
	}
	if b, _ := agenda.Open(s, conf); b.Len() != 2 || b.Unreadable() != 3 {
		t.Fatalf("reopened: %d stars, %d aside", b.Len(), b.Unreadable())
	}
}

// Entries written by another writer are read as far as they make sense.
func TestForeignEntriesAreRecovered(t *testing.T) {
	s := newStorage()
	s.m[agenda.Key(conf)] = `{"version":2,
		"stars":{"g":{"title":"Old shape","start":"2023-03-07 11:35","rooms":"Bleu","starred":17}},
		"notes":{"g":"bring a laptop","h":{"text":"great","rating":"4"}}}`
	a, notice := agenda.Open(s, conf)
	if notice != "" {
		t.Fatalf("notice %q", notice)
	}
	st, _ := a.Star("g")
	if st.Title != "Old shape" || st.Start.Hour() != 11 || len(st.Rooms) != 1 || st.Rooms[0] != "Bleu" {
		t.Fatalf("star %+v", st)
	}
	if n, _ := a.Note("g"); n.Text != "bring a laptop" {
		t.Fatalf("note g %+v", n)
	}
	if n, _ := a.Note("h"); n.Text != "great" || n.Rating != 4 {
		t.Fatalf("note h %+v", n)
	}
}

func TestMigrationFromVersion1(t *testing.T) {
	s := newStorage()
	key := agenda.Key(conf)
	s.m[key] = `{"version":1,"stars":{"guid-1":{"title":"Keynote","start":"2023-03-07T09:15:00+01:00","end":"2023-03-07T10:30:00+01:00","rooms":["Bleu"],"starred":"2023-03-01T10:00:00Z"}}}`
	a, notice := agenda.Open(s, conf)
	if notice != "" || !a.Starred("guid-1") {
		t.Fatalf("notice %q, starred %v", notice, a.Starred("guid-1"))
	}
	if st, _ := a.Star("guid-1"); st.Starred.Year() != 2023 || st.Rooms[0] != "Bleu" {
		t.Fatalf("star %+v", st)
	}
	if err := a.SetNote("guid-1", agenda.Note{Text: "Santorin: 5 million papers", Rating: 5, Talk: keynote}); err != nil {
		t.Fatal(err)
	}
	var saved struct {
		Version int                    `json:"version"`
		Stars   map[string]agenda.Star `json:"stars"`
		Notes   map[string]agenda.Note `json:"notes"`
	}
	if err := json.Unmarshal([]byte(s.m[key]), &saved); err != nil {
		t.Fatal(err)
	}
	if saved.Version != 2 || len(saved.Stars) != 1 || saved.Notes["guid-1"].Rating != 5 {
		t.Fatalf("saved %s", s.m[key])
	}
	b, _ := agenda.Open(s, conf)
	if n, ok := b.Note("guid-1"); !ok || n.Text != "Santorin: 5 million papers" || n.Updated.IsZero() {
		t.Fatalf("note after reopening: %+v", n)
	}
}

// A version 1 agenda carrying a "notes" field of its own keeps it.
func TestMigrationKeepsForeignNotesField(t *testing.T) {
	s := newStorage()
	key := agenda.Key(conf)
	s.m[key] = `{"version":1,"stars":{},"notes":"someone else's"}`
	a, _ := agenda.Open(s, conf)
	a.Set("guid-1", true, keynote)
	if !strings.Contains(s.m[key], `"v1-notes":"someone else's"`) {
		t.Fatalf("saved %s", s.m[key])
	}
}

// A newer app may store more; this version must keep what it does not
// understand when it saves.
func TestNewerFormatKeepsUnknownFields(t *testing.T) {
	s := newStorage()
	key := agenda.Key(conf)
	s.m[key] = `{"version":3,"stars":{"guid-1":{"title":"A","start":"2023-03-07T09:15:00+01:00"}},"reminders":{"guid-1":10}}`
	a, notice := agenda.Open(s, conf)
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
	if string(saved["reminders"]) != `{"guid-1":10}` || string(saved["version"]) != "3" {
		t.Fatalf("saved %s", s.m[key])
	}
}

func TestFailedSaveChangesNothing(t *testing.T) {
	s := newStorage()
	a, _ := agenda.Open(s, conf)
	if err := a.Set("guid-1", true, keynote); err != nil {
		t.Fatal(err)
	}
	s.quota = 10
	err := a.Set("guid-2", true, keynote)
	if err == nil || a.Starred("guid-2") {
		t.Fatalf("failed save: err %v, starred %v", err, a.Starred("guid-2"))
	}
	if msg := agenda.Plain(err); !strings.Contains(msg, "no room") || strings.Contains(msg, "Quota") {
		t.Fatalf("quota error said as %q", msg)
	}
	if err := a.Set("guid-1", false, agenda.Star{}); err == nil || !a.Starred("guid-1") {
		t.Fatalf("failed unstar: err %v, starred %v", err, a.Starred("guid-1"))
	}
	if err := a.SetNote("guid-1", agenda.Note{Text: "x"}); err == nil {
		t.Fatal("failed note saved")
	} else if _, ok := a.Note("guid-1"); ok {
		t.Fatal("a note that was not saved is shown")
	}
	s.quota = 0
	s.fail = errors.New("SecurityError")
	if msg := agenda.Plain(a.Set("guid-3", true, keynote)); !strings.Contains(msg, "refused") {
		t.Fatalf("refusal said as %q", msg)
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

func TestNotes(t *testing.T) {
	s := newStorage()
	a, _ := agenda.Open(s, conf)
	later := keynote
	later.Start = keynote.Start.Add(time.Hour)
	a.SetNote("b", agenda.Note{Text: "second", Talk: later})
	a.SetNote("a", agenda.Note{Rating: 9, Talk: keynote})
	if n, _ := a.Note("a"); n.Rating != 5 {
		t.Fatalf("rating kept as %d", n.Rating)
	}
	if got := a.NoteKeys(); len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Fatalf("note keys %v", got)
	}
	a.SetNote("a", agenda.Note{Text: "  ", Talk: keynote})
	if _, ok := a.Note("a"); ok {
		t.Fatal("an empty note is kept")
	}
	if a.Starred("b") {
		t.Fatal("a note stars its talk")
	}
}

func TestMergeReplaceRestore(t *testing.T) {
	s := newStorage()
	a, _ := agenda.Open(s, conf)
	a.Set("mine", true, keynote)
	snap := func(k string) agenda.Star { return agenda.Star{Title: "talk " + k} }
	n, err := a.Merge([]string{"mine", "x", "y"}, snap)
	if err != nil || n != 2 || a.Len() != 3 {
		t.Fatalf("merge: %d, %v, %d stars", n, err, a.Len())
	}
	if st, _ := a.Star("mine"); st.Title != keynote.Title {
		t.Fatalf("merge overwrote a star: %+v", st)
	}
	prev, err := a.Replace([]string{"z"}, snap)
	if err != nil || a.Len() != 1 || !a.Starred("z") {
		t.Fatalf("replace: %v, %v", err, a.Keys())
	}
	if err := a.Restore(prev); err != nil || a.Len() != 3 || a.Starred("z") {
		t.Fatalf("restore: %v, %v", err, a.Keys())
	}
	if b, _ := agenda.Open(s, conf); b.Len() != 3 {
		t.Fatalf("restored agenda not saved: %v", b.Keys())
	}
}

func TestAcknowledge(t *testing.T) {
	s := newStorage()
	a, _ := agenda.Open(s, conf)
	a.Set("g", true, keynote)
	moved := keynote
	moved.Start = keynote.Start.Add(time.Hour)
	moved.Starred = time.Time{}
	a.Acknowledge("g", &moved)
	if st, _ := a.Star("g"); !st.Start.Equal(moved.Start) || st.Starred.IsZero() {
		t.Fatalf("after acknowledging a move: %+v", st)
	}
	a.Acknowledge("g", nil)
	b, _ := agenda.Open(s, conf)
	if st, _ := b.Star("g"); !st.Gone {
		t.Fatalf("after acknowledging a cancellation: %+v", st)
	}
}
