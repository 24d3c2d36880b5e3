// Package grid lays a day of a schedule out as a timetable: rooms as
// columns, time as rows, each event a block sized by its duration, a
// plenary across the rooms it is shown in, events that overlap in one room
// side by side. It also says which blocks are near a part of the grid, so
// that a view of 40 rooms draws only what is on screen. It is pure Go: the
// view (app/ui) turns a Layout into elements.
package grid

import (
	"slices"
	"time"

	"companion/data/schedule"
)

// Layout is a day's timetable.
type Layout struct {
	Rooms  []string      // the columns, left to right
	Start  time.Time     // the top of the first row
	Step   time.Duration // how long one row lasts
	Rows   int
	Blocks []Block // by start, then column
}

// Block is one event's place: columns [Col, Col+Cols) and rows [Row,
// Row+Rows). When events overlap in a column they share its width: the
// block takes lane Lane of Lanes. A plenary whose rooms cannot all be
// side by side is drawn as several blocks, Part of Parts, each over a run
// of adjacent rooms.
type Block struct {
	Event       *schedule.Event
	Col, Cols   int
	Row, Rows   int
	Lane, Lanes int
	Part, Parts int
}

// Mark is a time written beside the rows, at Row.
type Mark struct {
	Row  int
	Time time.Time
}

// Align is the time the first row starts on: the first event's start,
// rounded down to this in the conference's wall clock.
const Align = 30 * time.Minute

// New lays events out. Columns are the rooms the events are in, in the
// conference's order, except that the rooms a plenary is shown in are
// brought together so that it spans them; keep (nil for all) says which
// rooms get a column (a hidden room has none, and a plenary spans the
// rooms that are left). An event with no room left gets no block.
func New(c *schedule.Conference, events []*schedule.Event, keep func(room string) bool) *Layout {
	l := &Layout{Step: 5 * time.Minute}
	if keep == nil {
		keep = func(string) bool { return true }
	}
	roomsOf := func(e *schedule.Event) []string {
		var out []string
		for _, r := range e.Rooms {
			if keep(r) && !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
		return out
	}
	l.Rooms = columns(c, events, roomsOf)
	if len(events) == 0 {
		return l
	}
	// Rows: from the first start, rounded down, to the last end.
	first, last := events[0].Start, events[0].End
	for _, e := range events {
		if e.Start.Before(first) {
			first = e.Start
		}
		if e.End.After(last) {
			last = e.End
		}
	}
	l.Start = floorLocal(c, first, Align)
	for _, e := range events {
		if e.Start.Sub(l.Start)%l.Step != 0 || e.End.Sub(l.Start)%l.Step != 0 {
			l.Step = time.Minute
			break
		}
	}
	l.Rows = max(1, ceilDiv(last.Sub(l.Start), l.Step))
	col := make(map[string]int, len(l.Rooms))
	for i, r := range l.Rooms {
		col[r] = i
	}
	for _, e := range events {
		rooms := roomsOf(e)
		if len(rooms) == 0 {
			continue
		}
		cols := make([]int, len(rooms))
		for i, r := range rooms {
			cols[i] = col[r]
		}
		slices.Sort(cols)
		row := int(e.Start.Sub(l.Start) / l.Step)
		rows := max(1, ceilDiv(e.End.Sub(l.Start), l.Step)-row)
		runs := runsOf(cols)
		for i, run := range runs {
			l.Blocks = append(l.Blocks, Block{Event: e, Col: run[0], Cols: run[1], Row: row, Rows: rows, Lanes: 1, Part: i, Parts: len(runs)})
		}
	}
	slices.SortStableFunc(l.Blocks, func(a, b Block) int {
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		return a.Col - b.Col
	})
	l.lanes()
	return l
}

// columns orders the rooms: the conference's order (rooms it does not
// list after, as met), each group of rooms linked by plenaries together
// where its first room would be.
func columns(c *schedule.Conference, events []*schedule.Event, roomsOf func(*schedule.Event) []string) []string {
	var rooms []string
	seen := map[string]bool{}
	for _, e := range events {
		for _, r := range roomsOf(e) {
			if !seen[r] {
				seen[r] = true
				rooms = append(rooms, r)
			}
		}
	}
	order := func(r string) int {
		if i := c.RoomIndex(r); i >= 0 {
			return i
		}
		return len(c.Rooms) + slices.Index(rooms, r)
	}
	slices.SortStableFunc(rooms, func(a, b string) int { return order(a) - order(b) })

	// Each group is laid out from its first room, bringing in the rooms
	// of its plenaries one plenary at a time, in the day's order: the
	// first plenaries met keep their rooms adjacent.
	var plenaries [][]string
	for _, e := range events {
		if rs := roomsOf(e); len(rs) > 1 {
			plenaries = append(plenaries, rs)
		}
	}
	out := make([]string, 0, len(rooms))
	placed := map[string]bool{}
	for _, r := range rooms {
		if placed[r] {
			continue
		}
		placed[r] = true
		queue := []string{r}
		for len(queue) > 0 {
			at := queue[0]
			queue = queue[1:]
			out = append(out, at)
			for _, p := range plenaries {
				if !slices.Contains(p, at) {
					continue
				}
				for _, s := range rooms { // in the conference's order
					if slices.Contains(p, s) && !placed[s] {
						placed[s] = true
						queue = append(queue, s)
					}
				}
			}
		}
	}
	return out
}

// runsOf splits sorted columns into runs of adjacent ones: [first, count].
func runsOf(cols []int) [][2]int {
	var runs [][2]int
	for _, c := range cols {
		if n := len(runs); n > 0 && runs[n-1][0]+runs[n-1][1] == c {
			runs[n-1][1]++
			continue
		} else if n > 0 && runs[n-1][0]+runs[n-1][1] > c {
			continue // the same column twice
		}
		runs = append(runs, [2]int{c, 1})
	}
	return runs
}

// lanes puts blocks that overlap in a column side by side: each takes the
// first lane free in all its columns, and blocks that overlap (directly or
// through others) share their count of lanes.
func (l *Layout) lanes() {
	type active struct{ block, end int }
	byCol := make([][]active, len(l.Rooms))
	group := make([]int, len(l.Blocks))
	for i := range group {
		group[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if group[i] != i {
			group[i] = find(group[i])
		}
		return group[i]
	}
	for i := range l.Blocks {
		b := &l.Blocks[i]
		used := map[int]bool{}
		for c := b.Col; c < b.Col+b.Cols; c++ {
			live := byCol[c][:0]
			for _, a := range byCol[c] {
				if a.end > b.Row {
					live = append(live, a)
					used[l.Blocks[a.block].Lane] = true
					if x, y := find(a.block), find(i); x != y {
						group[y] = x
					}
				}
			}
			byCol[c] = live
		}
		for used[b.Lane] {
			b.Lane++
		}
		for c := b.Col; c < b.Col+b.Cols; c++ {
			byCol[c] = append(byCol[c], active{i, b.Row + b.Rows})
		}
	}
	lanes := map[int]int{}
	for i, b := range l.Blocks {
		g := find(i)
		lanes[g] = max(lanes[g], b.Lane+1)
	}
	for i := range l.Blocks {
		l.Blocks[i].Lanes = lanes[find(i)]
	}
}

// Marks are the times to write beside the rows: every step of every
// (a whole number of rows), on the wall clock.
func (l *Layout) Marks(c *schedule.Conference, every time.Duration) []Mark {
	if l.Rows == 0 || every < l.Step {
		return nil
	}
	var out []Mark
	end := l.Start.Add(time.Duration(l.Rows) * l.Step)
	for t := floorLocal(c, l.Start, every); t.Before(end); t = t.Add(every) {
		if t.Before(l.Start) {
			continue
		}
		out = append(out, Mark{Row: int(t.Sub(l.Start) / l.Step), Time: t})
	}
	return out
}

// RowAt is where t falls, in rows from the top (a fraction within a row),
// and whether it falls within the grid.
func (l *Layout) RowAt(t time.Time) (float64, bool) {
	if l.Rows == 0 {
		return 0, false
	}
	r := float64(t.Sub(l.Start)) / float64(l.Step)
	return r, r >= 0 && r <= float64(l.Rows)
}

// Area is a part of the grid in columns and rows, [Col0, Col1) × [Row0,
// Row1).
type Area struct {
	Col0, Col1, Row0, Row1 int
}

// Near is the area to draw for a viewport showing [col0, col1) × [row0,
// row1) (fractions allowed): the viewport grown by half a screen each
// way (a quarter upwards), its edges snapped to whole chunks of cols and
// rows, so that scrolling a little gives the same area and nothing to
// redraw.
func Near(col0, col1, row0, row1 float64, cols, rows int) Area {
	w, h := col1-col0, row1-row0
	return Area{
		Col0: snapDown(col0-w/2, cols), Col1: snapUp(col1+w/2, cols),
		Row0: snapDown(row0-h/4, rows), Row1: snapUp(row1+h/2, rows),
	}
}

func snapDown(x float64, chunk int) int {
	n := int(x)
	if float64(n) > x {
		n--
	}
	if n < 0 {
		return 0
	}
	return n - n%chunk
}

func snapUp(x float64, chunk int) int {
	n := int(x)
	if float64(n) < x {
		n++
	}
	if r := n % chunk; r != 0 {
		n += chunk - r
	}
	return n
}

// Within lists the blocks that are at least partly in a, in layout order.
func (l *Layout) Within(a Area) []int {
	var out []int
	for i, b := range l.Blocks {
		if b.Col < a.Col1 && b.Col+b.Cols > a.Col0 && b.Row < a.Row1 && b.Row+b.Rows > a.Row0 {
			out = append(out, i)
		}
	}
	return out
}

// floorLocal rounds t down to a multiple of d on the conference's wall
// clock (a zone half an hour off UTC still gets its hours).
func floorLocal(c *schedule.Conference, t time.Time, d time.Duration) time.Time {
	local := c.Local(t)
	_, off := local.Zone()
	shifted := local.Add(time.Duration(off) * time.Second)
	return shifted.Truncate(d).Add(-time.Duration(off) * time.Second).In(local.Location())
}

func ceilDiv(d, step time.Duration) int {
	n := int(d / step)
	if d%step != 0 {
		n++
	}
	return n
}
