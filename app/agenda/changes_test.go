package agenda_test

import (
	"strings"
	"testing"
	"time"

	"companion/app/agenda"
	"companion/data/schedule"
)

var before = []ev{
	{guid: "g-moved", id: "1", slug: "moved", room: "Bleu", start: "11:00", dur: "0:40", title: "Moved talk"},
	{guid: "g-rerooomed", id: "2", slug: "reroomed", room: "Bleu", start: "12:00", dur: "0:40", title: "Re-roomed talk"},
	{guid: "g-retimed", id: "3", slug: "retimed", room: "Blanc", start: "13:00", dur: "0:40", title: "Re-timed talk"},
	{guid: "g-gone", id: "4", slug: "gone", room: "Rouge", start: "14:00", dur: "0:40", title: "Gone talk"},
	{guid: "g-marked", id: "5", slug: "marked", room: "Rouge", start: "15:00", dur: "0:40", title: "Marked talk"},
	{guid: "g-same", id: "6", slug: "same", room: "Rouge", start: "16:00", dur: "0:40", title: "Same talk"},
	{guid: "g-nextday", id: "7", slug: "nextday", room: "Bleu", start: "17:00", dur: "0:40", title: "Next-day talk"},
}

var after = []ev{
	{guid: "g-moved", id: "1", slug: "moved", room: "Rouge", start: "14:30", dur: "0:40", title: "Moved talk"},
	{guid: "g-rerooomed", id: "2", slug: "reroomed", room: "Blanc", start: "12:00", dur: "0:40", title: "Re-roomed talk"},
	{guid: "g-retimed", id: "3", slug: "retimed", room: "Blanc", start: "13:00", dur: "1:00", title: "Re-timed talk"},
	{guid: "g-marked", id: "5", slug: "marked", room: "Rouge", start: "15:00", dur: "0:40", title: "CANCELLED: Marked talk"},
	// The same talk with a new id and slug, as a re-import writes it.
	{guid: "g-same", id: "99", slug: "same-talk-renumbered", room: "Rouge", start: "16:00", dur: "0:40", title: "Same talk"},
	{guid: "g-nextday", id: "7", slug: "nextday", room: "Bleu", start: "09:00", dur: "0:40", title: "Next-day talk", day: 2},
	{guid: "g-new", id: "8", slug: "new", room: "Bleu", start: "10:00", dur: "0:40", title: "New talk"},
}

func TestStarredChanges(t *testing.T) {
	old, cur := conference(t, before...), conference(t, after...)
	s := newStorage()
	a, _ := agenda.Open(s, "test2023")
	for _, e := range old.Events {
		a.Set(e.Key(), true, agenda.SnapshotOf(e))
	}
	got := map[string]string{}
	for _, ch := range a.Changes(cur) {
		got[ch.Key] = ch.Words(cur)
	}
	want := map[string]string{
		"g-moved":     "moved from Bleu 11:00 to Rouge 14:30",
		"g-rerooomed": "moved from Bleu to Blanc",
		"g-retimed":   "now ends at 14:00 (was 13:40)",
		"g-gone":      "cancelled: no longer in the schedule",
		"g-marked":    "cancelled",
		"g-nextday":   "moved from Tue 7 Mar 17:00 to Wed 8 Mar 09:00",
	}
	if len(got) != len(want) {
		t.Errorf("changes %q", got)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
	// Kept, never dropped: every star is still there, the gone one too.
	if a.Len() != len(before) {
		t.Fatalf("%d stars left of %d", a.Len(), len(before))
	}
	// The guid keeps the talk whose id and slug changed.
	if e := cur.Event("g-same"); e == nil || !a.Starred(e.Key()) || e.Slug != "same-talk-renumbered" {
		t.Fatal("the renumbered talk lost its star")
	}

	// Flags can be dismissed; the stars stay.
	for _, ch := range a.Changes(cur) {
		if ch.Key == "g-moved" || ch.Key == "g-gone" {
			if err := a.Dismiss(ch); err != nil {
				t.Fatal(err)
			}
		}
	}
	b, _ := agenda.Open(s, "test2023")
	left := map[string]bool{}
	for _, ch := range b.Changes(cur) {
		left[ch.Key] = true
	}
	if left["g-moved"] || left["g-gone"] || !left["g-marked"] || len(left) != 4 {
		t.Fatalf("after dismissing: %v", left)
	}
	if !b.Starred("g-gone") || !b.Starred("g-moved") {
		t.Fatal("dismissing dropped a star")
	}
	if st, _ := b.Star("g-moved"); st.Rooms[0] != "Rouge" {
		t.Fatalf("dismissed snapshot %+v", st)
	}
	// A dismissed talk that moves again is flagged again.
	again := append([]ev(nil), after...)
	again[0].start = "16:30"
	words := ""
	for _, ch := range b.Changes(conference(t, again...)) {
		if ch.Key == "g-moved" {
			words = ch.Words(cur)
		}
	}
	if words != "moved from 14:30 to 16:30" {
		t.Fatalf("moved again: %q", words)
	}
}

func TestScheduleDiffSinceLastLook(t *testing.T) {
	old, cur := conference(t, before...), conference(t, after...)
	s := newStorage()
	if _, ok := agenda.LoadBaseline(s, "test2023"); ok {
		t.Fatal("a baseline out of nowhere")
	}
	at := time.Date(2023, 3, 6, 20, 0, 0, 0, time.UTC)
	if err := agenda.BaselineOf(old, at).Save(s, "test2023"); err != nil {
		t.Fatal(err)
	}
	b, ok := agenda.LoadBaseline(s, "test2023")
	if !ok || !b.At.Equal(at) {
		t.Fatalf("baseline %v %v", ok, b.At)
	}
	if d := b.Diff(old); len(d) != 0 {
		t.Fatalf("no change yet, got %+v", d)
	}
	var lines []string
	for _, ch := range b.Diff(cur) {
		lines = append(lines, ch.Key+": "+ch.Words(cur))
	}
	want := []string{
		"g-new: new in the schedule",
		"g-rerooomed: moved from Bleu to Blanc",
		"g-retimed: now ends at 14:00 (was 13:40)",
		"g-gone: cancelled: no longer in the schedule",
		"g-moved: moved from Bleu 11:00 to Rouge 14:30",
		"g-marked: cancelled",
		"g-nextday: moved from Tue 7 Mar 17:00 to Wed 8 Mar 09:00",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("diff:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	s.m[agenda.SeenKey("test2023")] = `{"v":1,"events":`
	if _, ok := agenda.LoadBaseline(s, "test2023"); ok {
		t.Fatal("a broken baseline was read")
	}
}

func TestCancelledMarks(t *testing.T) {
	for title, want := range map[string]bool{
		"CANCELLED: Marked talk":          true,
		"[Canceled] Marked":               true,
		"Annulée – la conférence":         true,
		"Annulé":                          true,
		"Why we cancelled our migration":  false,
		"Cancellation policies in Kafka":  false,
		"Annuler une transaction en Rust": false,
	} {
		c := conference(t, ev{guid: "g", room: "Bleu", start: "10:00", dur: "0:30", title: title})
		if got := agenda.IsCancelled(c.Event("g")); got != want {
			t.Errorf("%q: cancelled %v", title, got)
		}
	}
}

// A plenary's rooms listed in another order, as a live update may list
// them (a schedule.json names rooms as the keys of an object, whose order
// means nothing), is not a move; a room fewer or another room is.
func TestPlenaryRoomsInAnotherOrder(t *testing.T) {
	start := time.Date(2023, 3, 7, 8, 15, 0, 0, time.UTC)
	was := agenda.Star{Title: "Keynote", Start: start, End: start.Add(75 * time.Minute), Rooms: []string{"Bleu", "Blanc", "Rouge"}}
	for _, tc := range []struct {
		rooms []string
		kind  agenda.ChangeKind
	}{
		{[]string{"Blanc", "Bleu", "Rouge"}, 0},
		{[]string{"Rouge", "Bleu", "Blanc"}, 0},
		{[]string{"Blanc", "Bleu"}, agenda.Reroomed},
		{[]string{"Blanc", "Bleu", "Vert"}, agenda.Reroomed},
		{[]string{"Bleu", "Bleu", "Blanc"}, agenda.Reroomed},
	} {
		now := &schedule.Event{GUID: "g-keynote", Title: "Keynote", Start: was.Start, End: was.End, Rooms: tc.rooms}
		if ch := agenda.Compare("g-keynote", was, now); ch.Kind != tc.kind {
			t.Errorf("rooms %v after %v: change %v, want %v", tc.rooms, was.Rooms, ch.Kind, tc.kind)
		}
	}
}
