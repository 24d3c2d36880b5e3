package grid_test

import (
	"slices"
	"testing"
	"time"

	"companion/app/grid"
	"companion/data/fixtures/conferences"
	"companion/data/schedule"
)

func kcd(t testing.TB) *schedule.Conference { return conferences.KCD(t) }

func fosdem(t testing.TB) *schedule.Conference { return conferences.FOSDEM(t) }

func blockOf(t *testing.T, l *grid.Layout, title string) []grid.Block {
	t.Helper()
	var out []grid.Block
	for _, b := range l.Blocks {
		if b.Event.Title == title {
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no block for %q", title)
	}
	return out
}

func TestKCD(t *testing.T) {
	c := kcd(t)
	l := grid.New(c, c.Days[0].Events, nil)
	if want := []string{"Bleu", "Blanc", "Rouge", "Hall partenaires"}; !slices.Equal(l.Rooms, want) {
		t.Errorf("columns %q, want %q", l.Rooms, want)
	}
	// From 08:00 (registration) to 18:05 (the last talk's end), in
	// 5-minute rows.
	if got := c.Local(l.Start).Format("15:04"); got != "08:00" || l.Step != 5*time.Minute {
		t.Errorf("starts at %s in %v rows", got, l.Step)
	}
	if l.Rows != (10*60+5)/5 {
		t.Errorf("%d rows", l.Rows)
	}
	// The keynote, 09:15–10:30, spans Bleu, Blanc and Rouge: one block.
	k := blockOf(t, l, "Keynote d'ouverture")
	if len(k) != 1 || k[0].Col != 0 || k[0].Cols != 3 || k[0].Row != 15 || k[0].Rows != 15 || k[0].Parts != 1 {
		t.Errorf("keynote %+v", k)
	}
	// A talk in Rouge at 13:45 for 40 minutes.
	r := blockOf(t, l, "Kubernetes the not so hard Veepee way")[0]
	if r.Col != 2 || r.Cols != 1 || r.Row != (5*60+45)/5 || r.Rows != 8 || r.Lanes != 1 {
		t.Errorf("Veepee %+v", r)
	}
	// Lunch in the hall.
	if b := blockOf(t, l, "Déjeuner et stands des partenaires")[0]; b.Col != 3 || b.Rows != 18 {
		t.Errorf("lunch %+v", b)
	}
	if len(l.Blocks) != 19 {
		t.Errorf("%d blocks for 19 events", len(l.Blocks))
	}
	// Times every half hour from 08:00.
	marks := l.Marks(c, 30*time.Minute)
	if len(marks) != 21 || marks[0].Row != 0 || marks[1].Row != 6 || c.Local(marks[20].Time).Format("15:04") != "18:00" {
		t.Errorf("marks %+v", marks)
	}
	// The now-line at 10:00 is 24 rows down; the evening is off the grid.
	at := time.Date(2023, 3, 7, 10, 0, 0, 0, c.Location)
	if r, ok := l.RowAt(at); !ok || r != 24 {
		t.Errorf("10:00 at row %v %v", r, ok)
	}
	if _, ok := l.RowAt(at.Add(10 * time.Hour)); ok {
		t.Error("20:00 is on the grid")
	}
}

// Hiding a room takes its column away; the keynote spans the two left.
func TestKeepRooms(t *testing.T) {
	c := kcd(t)
	l := grid.New(c, c.Days[0].Events, func(r string) bool { return r != "Blanc" })
	if want := []string{"Bleu", "Rouge", "Hall partenaires"}; !slices.Equal(l.Rooms, want) {
		t.Errorf("columns %q", l.Rooms)
	}
	if k := blockOf(t, l, "Keynote d'ouverture"); len(k) != 1 || k[0].Col != 0 || k[0].Cols != 2 {
		t.Errorf("keynote %+v", k)
	}
	for _, b := range l.Blocks {
		if b.Event.Title == "Révolution eBPF : Un noyau Linux dynamique" {
			t.Error("a talk in a hidden room has a block")
		}
	}
}

func at(day string, hm string, loc *time.Location) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", day+" "+hm, loc)
	if err != nil {
		panic(err)
	}
	return t
}

func ev(title, start, end string, rooms ...string) *schedule.Event {
	loc := time.FixedZone("+0530", 5*3600+1800)
	return &schedule.Event{Title: title, Rooms: rooms, Start: at("2025-02-01", start, loc), End: at("2025-02-01", end, loc)}
}

// Rooms a plenary links come together, wherever the data lists them; a
// plenary whose rooms cannot all be adjacent is drawn in parts.
func TestPlenaryColumns(t *testing.T) {
	c := &schedule.Conference{Location: time.FixedZone("+0530", 5*3600+1800)}
	events := []*schedule.Event{
		ev("a", "09:10", "09:40", "A"),
		ev("b", "09:10", "09:40", "B"),
		ev("c", "09:10", "09:40", "C"),
		ev("d", "09:10", "09:40", "D"),
		ev("plenary", "10:00", "11:00", "D", "A"),
		ev("split", "11:00", "12:00", "A", "B", "C"),
	}
	l := grid.New(c, events, nil)
	if want := []string{"A", "D", "B", "C"}; !slices.Equal(l.Rooms, want) {
		t.Fatalf("columns %q, want %q", l.Rooms, want)
	}
	if p := blockOf(t, l, "plenary"); len(p) != 1 || p[0].Col != 0 || p[0].Cols != 2 {
		t.Errorf("plenary %+v", p)
	}
	// A, B and C with D between A and B: two parts, A then B–C.
	s := blockOf(t, l, "split")
	if len(s) != 2 || s[0].Col != 0 || s[0].Cols != 1 || s[1].Col != 2 || s[1].Cols != 2 || s[0].Parts != 2 || s[1].Part != 1 {
		t.Errorf("split %+v", s)
	}
	// Rows start on the half hour of the wall clock, in a zone half an
	// hour off UTC.
	if got := l.Start.In(c.Location).Format("15:04"); got != "09:00" {
		t.Errorf("starts at %s", got)
	}
	if b := blockOf(t, l, "a")[0]; b.Row != 2 || b.Rows != 6 {
		t.Errorf("a %+v", b)
	}
}

// Events that overlap in a room share its width; the rest keep all of it.
func TestOverlapLanes(t *testing.T) {
	c := &schedule.Conference{Location: time.UTC}
	events := []*schedule.Event{
		ev("long", "09:00", "11:00", "A"),
		ev("first", "09:00", "09:30", "A"),
		ev("second", "09:30", "10:00", "A"),
		ev("third", "10:30", "11:30", "A"),
		ev("alone", "12:00", "12:30", "A"),
		ev("odd", "12:31", "12:47", "B"),
	}
	l := grid.New(c, events, nil)
	lanes := map[string][2]int{}
	for _, b := range l.Blocks {
		lanes[b.Event.Title] = [2]int{b.Lane, b.Lanes}
	}
	want := map[string][2]int{"long": {0, 2}, "first": {1, 2}, "second": {1, 2}, "third": {1, 2}, "alone": {0, 1}, "odd": {0, 1}}
	for title, w := range want {
		if lanes[title] != w {
			t.Errorf("%s: lane %v, want %v", title, lanes[title], w)
		}
	}
	// A start off the 5-minute beat makes rows of a minute.
	if l.Step != time.Minute {
		t.Errorf("step %v", l.Step)
	}
	if b := blockOf(t, l, "odd")[0]; b.Row != 3*60+31 || b.Rows != 16 {
		t.Errorf("odd %+v", b)
	}
}

// Near grows a viewport and snaps it, so that a small scroll draws the
// same blocks; Within finds the blocks in an area.
func TestNear(t *testing.T) {
	a := grid.Near(10.2, 12.6, 30.5, 50, 4, 12)
	if a != (grid.Area{Col0: 8, Col1: 16, Row0: 24, Row1: 60}) {
		t.Errorf("near %+v", a)
	}
	if b := grid.Near(10.3, 12.7, 31, 50.3, 4, 12); b != a {
		t.Errorf("a small scroll moved the area: %+v", b)
	}
	if z := grid.Near(0, 2.4, 0, 40, 4, 12); z.Col0 != 0 || z.Row0 != 0 {
		t.Errorf("at the top left %+v", z)
	}
	c := kcd(t)
	l := grid.New(c, c.Days[0].Events, nil)
	// Rouge and the hall from 13:00 to 14:00: the lunch, the Veepee talk;
	// the keynote over Bleu–Rouge in the morning is not there.
	var got []string
	for _, i := range l.Within(grid.Area{Col0: 2, Col1: 4, Row0: 60, Row1: 72}) {
		got = append(got, l.Blocks[i].Event.Title)
	}
	if want := []string{"Déjeuner et stands des partenaires", "Kubernetes the not so hard Veepee way"}; !slices.Equal(got, want) {
		t.Errorf("within %q", got)
	}
}

// FOSDEM: a day of 40 rooms, every event in one block, none overlapping
// another in the same lane.
func TestFOSDEM(t *testing.T) {
	c := fosdem(t)
	for di, d := range c.Days {
		l := grid.New(c, d.Events, nil)
		if len(l.Rooms) < 25 {
			t.Errorf("day %d: %d columns", di, len(l.Rooms))
		}
		n := 0
		for _, b := range l.Blocks {
			if b.Parts == 1 {
				n++
			}
			if b.Lane >= b.Lanes || b.Row < 0 || b.Row+b.Rows > l.Rows || b.Col+b.Cols > len(l.Rooms) {
				t.Fatalf("day %d: block out of place %+v", di, b)
			}
			if l.Rooms[b.Col] != b.Event.Rooms[0] && b.Event.Plenary() == false {
				t.Errorf("%q in column %q", b.Event.Title, l.Rooms[b.Col])
			}
		}
		if n != len(d.Events) {
			t.Errorf("day %d: %d blocks for %d events", di, n, len(d.Events))
		}
		for i, a := range l.Blocks {
			for _, b := range l.Blocks[i+1:] {
				if a.Col < b.Col+b.Cols && b.Col < a.Col+a.Cols && a.Row < b.Row+b.Rows && b.Row < a.Row+a.Rows && a.Lane == b.Lane {
					t.Errorf("day %d: %q and %q overlap in one lane", di, a.Event.Title, b.Event.Title)
				}
			}
		}
	}
}

func BenchmarkLayoutFOSDEM(b *testing.B) {
	c := fosdem(b)
	for b.Loop() {
		grid.New(c, c.Days[0].Events, nil)
	}
}
