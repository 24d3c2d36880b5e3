package ui

import (
	"strconv"
	"strings"
	"time"

	"companion/app/find"
	"companion/app/grid"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The timetable's sizes, in CSS pixels: the view computes from them which
// blocks are near the screen, so the style sheet takes them from here.
const (
	gridColumn    = 152 // a room's column
	gridTimes     = 52  // the column of times
	gridHead      = 40  // the row of room names
	gridPerMinute = 2.4 // an hour is 144 px
	gridChunkCols = 2   // the area drawn grows and shrinks by this many columns
	gridChunkMins = 30  // and this many minutes
)

// paramView names the schedule's view in its URL: "grid" for the
// timetable, "list" (or nothing) for the list by time slot.
const (
	paramView = "view"
	viewGrid  = "grid"
	viewList  = "list"
	viewKey   = "companion/view" // the view chosen last, remembered
)

// layouts keeps the timetable of the day and filter shown (and a few
// more), so that redrawing the page does not lay the day out again.
var layouts = map[string]*grid.Layout{}

func layoutFor(c *schedule.Conference, day int, f find.Filter, now time.Time, events []*schedule.Event) *grid.Layout {
	key := c.Acronym + "\x00" + strconv.Itoa(day) + "\x00" + filterKey(c, f)
	if f.HideOver {
		key += "\x00" + now.Truncate(time.Minute).String()
	}
	if l, ok := layouts[key]; ok && layoutConf[key] == c {
		return l
	}
	if len(layouts) >= 16 {
		clear(layouts)
		clear(layoutConf)
	}
	keep := func(room string) bool {
		if len(f.Rooms) > 0 && !contains(f.Rooms, room) {
			return false
		}
		return !contains(f.HideRooms, room)
	}
	l := grid.New(c, events, keep)
	layouts[key], layoutConf[key] = l, c
	return l
}

var layoutConf = map[string]*schedule.Conference{}

func filterKey(c *schedule.Conference, f find.Filter) string {
	q := map[string][]string{}
	f.Set(c, q)
	var b strings.Builder
	for _, p := range find.Params {
		b.WriteString(p + "=" + strings.Join(q[p], ",") + ";")
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// timetable is a day as a grid: rooms as columns, time as rows, the room
// names and the times staying in view while it scrolls both ways, each
// event a link to its page sized by its duration, a plenary across its
// rooms, a line at the present moment. In the browser it draws only the
// blocks near what is on screen (FOSDEM has 40 rooms); the server draws
// them all.
//
// go-app draws the frame (rooms, times, the now-line); the blocks are
// drawn by web/static/cards.js from their fields (writeBlock), like the
// day list's cards: through go-app, another day or a scroll rewrote each
// of ~60 blocks attribute by attribute, 50–120 ms on a slow phone. The
// script keeps the blocks that stay, so a focused one keeps its focus.
type timetable struct {
	app.Compo
	Conf   *schedule.Conference
	Layout *grid.Layout
	Now    time.Time
	Stars  string // the keys of the starred events shown, so that a change redraws

	area   grid.Area
	drawn  bool // area holds what the screen asked for
	waited int  // frames waited for cards.js
}

func (t *timetable) OnUpdate(ctx app.Context) { t.syncBlocks(ctx) }

func (t *timetable) OnMount(ctx app.Context) {
	t.syncBlocks(ctx)
	if t.nowRow() >= 0 {
		// During the conference, the present moment is in view.
		ctx.Defer(func(ctx app.Context) {
			el := app.Window().GetElementByID("timetable")
			if !el.Truthy() {
				return
			}
			top := gridHead + int(t.nowRow()*t.rowHeight()) - el.Get("clientHeight").Int()/4
			el.Set("scrollTop", max(top, 0))
		})
	}
}

// nowRow is the present moment's row in the grid, or -1.
func (t *timetable) nowRow() float64 {
	if t.Layout == nil || t.Now.IsZero() || app.IsServer {
		return -1
	}
	if r, ok := t.Layout.RowAt(t.Now); ok {
		return r
	}
	return -1
}

func (t *timetable) rowHeight() float64 { return gridPerMinute * t.Layout.Step.Minutes() }

// areaFor is what to draw for the grid scrolled to (left, top) showing w
// by h pixels.
func (t *timetable) areaFor(left, top, w, h float64) grid.Area {
	rh := t.rowHeight()
	col0 := (left) / gridColumn
	col1 := (left + w - gridTimes) / gridColumn
	row0 := (top - gridHead) / rh
	row1 := (top + h - gridHead) / rh
	rows := int(float64(gridChunkMins) / t.Layout.Step.Minutes())
	return grid.Near(col0, col1, row0, row1, gridChunkCols, max(rows, 1))
}

func (t *timetable) onScroll(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	a := t.areaFor(el.Get("scrollLeft").Float(), el.Get("scrollTop").Float(), el.Get("clientWidth").Float(), el.Get("clientHeight").Float())
	if t.drawn && a == t.area {
		ctx.PreventUpdate()
		return
	}
	t.area, t.drawn = a, true
	if !withoutCardsScript {
		t.syncBlocks(ctx)
		ctx.PreventUpdate()
	}
}

// syncBlocks has cards.js draw the blocks near the screen.
func (t *timetable) syncBlocks(ctx app.Context) {
	if !t.Mounted() || withoutCardsScript || t.Layout == nil || len(t.Layout.Blocks) == 0 {
		return
	}
	script, ok := cardsScript(ctx, "companionGrid", &t.waited, t.syncBlocks)
	if !ok {
		return
	}
	box := t.JSValue().Call("querySelector", ".grid-blocks")
	if !box.Truthy() {
		return
	}
	var b strings.Builder
	for _, i := range t.visible() {
		bl := t.Layout.Blocks[i]
		writeBlock(&b, t.Conf, t.Layout, bl, strings.Contains(t.Stars, "\x00"+bl.Event.Key()+"\x00"))
	}
	script.Call("draw", box, b.String())
}

// visible is the blocks to draw.
func (t *timetable) visible() []int {
	l := t.Layout
	if app.IsServer {
		all := make([]int, len(l.Blocks))
		for i := range all {
			all[i] = i
		}
		return all
	}
	if !t.drawn {
		// Before the first scroll: the window's size, at the top left or
		// at the present moment.
		w, h := viewportSize()
		top := 0.0
		if r := t.nowRow(); r >= 0 {
			top = max(0, gridHead+r*t.rowHeight()-h/4)
		}
		t.area = t.areaFor(0, top, w, h)
	}
	return l.Within(t.area)
}

func (t *timetable) Render() app.UI {
	c, l := t.Conf, t.Layout
	if l == nil || len(l.Blocks) == 0 {
		return app.P().Class("empty").Text(tr("Nothing on this day matches the filters."))
	}
	marks := l.Marks(c, 30*time.Minute)
	span := int(30 * time.Minute / l.Step)
	blocks := divClass("grid-blocks")
	if app.IsServer || withoutCardsScript {
		shown := t.visible()
		blocks = blocks.Body(app.Range(shown).Slice(func(i int) app.UI {
			b := l.Blocks[shown[i]]
			return gridBlock(c, l, b, strings.Contains(t.Stars, "\x00"+b.Event.Key()+"\x00"))
		}))
	}
	rowPx := strconv.FormatFloat(t.rowHeight(), 'f', 2, 64) + "px"
	return app.Div().ID("timetable").Class("grid-scroll").
		Role("region").Aria("label", tr("Timetable")).TabIndex(0).
		OnScroll(t.onScroll).Body(
		app.Div().Class("grid").
			Style("--cols", strconv.Itoa(len(l.Rooms))).
			Style("--rows", strconv.Itoa(l.Rows)).
			Style("--row", rowPx).
			Style("--col", strconv.Itoa(gridColumn)+"px").
			Style("--times", strconv.Itoa(gridTimes)+"px").
			Style("--head", strconv.Itoa(gridHead)+"px").
			Style("--hour", strconv.FormatFloat(60*gridPerMinute, 'f', 2, 64)+"px").
			Body(
				app.Div().Class("grid-corner").Aria("hidden", "true"),
				// In containers of their own (not boxes: display: contents), so that
				// go-app, which matches children by position, never takes the
				// blocks' container for a room or a time when their counts change.
				divClass("grid-rooms").Body(
					app.Range(l.Rooms).Slice(func(i int) app.UI {
						h := app.Div().Class("grid-room").Style("grid-column", strconv.Itoa(i+2))
						color := roomColor(c, l.Rooms[i])
						if color != "" {
							h = h.Style("--room", color)
						}
						return h.Body(
							app.If(color != "", func() app.UI { return app.Span().Class("dot").Aria("hidden", "true") }),
							app.Span().Class("grid-room-name").Text(l.Rooms[i]),
						)
					}),
				),
				divClass("grid-times").Body(
					app.Range(marks).Slice(func(i int) app.UI {
						m := marks[i]
						return app.Div().Class("grid-time").
							Style("grid-row", strconv.Itoa(m.Row+2)+" / span "+strconv.Itoa(min(span, l.Rows-m.Row))).Body(
							app.Time().DateTime(isoTime(c, m.Time)).Text(clock(c, m.Time)),
						)
					}),
				),
				blocks,
				app.If(t.nowRow() >= 0, func() app.UI {
					r := t.nowRow()
					row := int(r)
					return app.Div().Class("grid-now").
						Style("grid-row", strconv.Itoa(min(row, l.Rows-1)+2)).
						Style("--at", strconv.FormatFloat(r-float64(min(row, l.Rows-1)), 'f', 3, 64)).
						Aria("label", trf("Now, %s", clock(c, t.Now))).Role("img")
				}),
			),
	)
}

// gridBlock is one event in the timetable: a link to its page with its
// time and title, its room's colour, and its star when starred. On the
// server (and without cards.js); writeBlock gives cards.js the same.
func gridBlock(c *schedule.Conference, l *grid.Layout, b grid.Block, starred bool) app.UI {
	e := b.Event
	a := app.A().Class(blockClass(l, b, starred)).Href(talkURL(c, e)).
		DataSet("key", e.Key()).
		Style("grid-column", blockColumn(b)).
		Style("grid-row", blockRow(b))
	if b.Lanes > 1 {
		a = a.Style("--lane", strconv.Itoa(b.Lane)).Style("--lanes", strconv.Itoa(b.Lanes))
	}
	if color := roomColor(c, l.Rooms[b.Col]); color != "" {
		a = a.Style("--room", color)
	}
	return a.Body(
		app.Span().Class("grid-when").Text(timeRange(c, e)),
		app.If(starred, func() app.UI {
			return app.Span().Class("grid-star").Body(
				app.Span().Aria("hidden", "true").Text("★"),
				app.Span().Class("visually-hidden").Text(" "+tr("Starred")),
			)
		}),
		app.Span().Class("grid-title").Lang(primaryLanguage(e.Language)).Text(e.Title),
		app.If(b.Parts > 1, func() app.UI {
			return app.Span().Class("grid-also").Text(alsoIn(l, b))
		}),
	)
}

// writeBlock writes a block in cards.js's format (companionGrid), with
// the fields gridBlock renders:
//
//	class, href, key, column, row, lane, lanes, colour, when, starred,
//	starred label, language, title, also
func writeBlock(b *strings.Builder, c *schedule.Conference, l *grid.Layout, bl grid.Block, starred bool) {
	e := bl.Event
	lane, lanes, star, also := "", "", "", ""
	if bl.Lanes > 1 {
		lane, lanes = strconv.Itoa(bl.Lane), strconv.Itoa(bl.Lanes)
	}
	if starred {
		star = "1"
	}
	if bl.Parts > 1 {
		also = alsoIn(l, bl)
	}
	fields(b, blockClass(l, bl, starred), talkURL(c, e), e.Key(), blockColumn(bl), blockRow(bl),
		lane, lanes, roomColor(c, l.Rooms[bl.Col]), timeRange(c, e), star, " "+tr("Starred"),
		primaryLanguage(e.Language), e.Title, also)
}

func blockClass(l *grid.Layout, b grid.Block, starred bool) string {
	class := "grid-block"
	if !b.Event.IsSession() {
		class += " grid-break"
	}
	if b.Cols > 1 {
		class += " grid-plenary"
	}
	if b.Parts > 1 {
		class += " grid-part"
	}
	if starred {
		class += " grid-starred"
	}
	if time.Duration(b.Rows)*l.Step < 20*time.Minute {
		class += " grid-short" // one line: the time, then as much title as fits
	}
	return class
}

func blockColumn(b grid.Block) string {
	return strconv.Itoa(b.Col+2) + " / span " + strconv.Itoa(b.Cols)
}
func blockRow(b grid.Block) string { return strconv.Itoa(b.Row+2) + " / span " + strconv.Itoa(b.Rows) }

// alsoIn names a plenary part's other rooms.
func alsoIn(l *grid.Layout, b grid.Block) string {
	return trf("Also in %s", strings.Join(otherRooms(l, b), ", "))
}

// otherRooms names the rooms of a plenary's other parts.
func otherRooms(l *grid.Layout, b grid.Block) []string {
	var out []string
	for _, r := range b.Event.Rooms {
		i := indexOf(l.Rooms, r)
		if i >= 0 && (i < b.Col || i >= b.Col+b.Cols) {
			out = append(out, r)
		}
	}
	return out
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// starsOf lists the starred events of a layout as one string, each key
// between NULs.
func starsOf(l *grid.Layout, starred func(key string) bool) string {
	var b strings.Builder
	b.WriteByte(0)
	for _, bl := range l.Blocks {
		if k := bl.Event.Key(); starred(k) {
			b.WriteString(k)
			b.WriteByte(0)
		}
	}
	return b.String()
}

// The window's size, read once and again on each resize: reading it while
// the page is being changed makes the browser lay the page out there and
// then (the list the grid replaces included).
var (
	viewportW, viewportH float64
	viewportWatched      bool
	viewportResize       app.Func
)

func viewportSize() (w, h float64) {
	if !viewportWatched {
		viewportWatched = true
		read := func() {
			viewportW = app.Window().Get("innerWidth").Float()
			viewportH = app.Window().Get("innerHeight").Float()
		}
		read()
		viewportResize = app.FuncOf(func(app.Value, []app.Value) any {
			read()
			return nil
		})
		app.Window().Call("addEventListener", "resize", viewportResize, map[string]any{"passive": true})
	}
	return viewportW, viewportH
}
