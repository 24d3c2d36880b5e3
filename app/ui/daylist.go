package ui

import (
	"strings"

	"companion/app/search"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// slotList is the slots of one view of the schedule: a day through its
// filters. The server renders it through go-app (slotView, card), like
// every page. In the browser, go-app mounts the list empty and
// web/static/cards.js draws its slots from their fields, the same
// elements, in one call: through go-app, each of a FOSDEM day's ~6,000
// elements costs calls between Go and the page and a node to track, to
// draw and again to take down, which made a new filter or day take
// 150–250 ms on a slow phone. One listener on the list serves its stars.
//
// Each view (a day through its filters) is drawn into a container of its
// own (div.slots-view). Another view gets a new one, first in the list;
// the old one is hidden at once and taken down after the new one is on
// screen: removing a FOSDEM day's ~6,000 elements costs a slow phone
// 12–30 ms, which a day switch then no longer waits for. Within a view
// (the next part of a long day, a star tapped elsewhere, a live update)
// the list is brought up to date (sync).
type slotList struct {
	app.Compo
	View  string // the view's URL
	Conf  *schedule.Conference
	Slots [][]*schedule.Event
	Stars [][]bool // each event's star, by slot

	drawnConf  *schedule.Conference
	drawnSlots [][]*schedule.Event // what cards.js has drawn
	waited     int                 // frames waited for cards.js
}

// withoutCardsScript is set when cards.js never came (a page cached
// before it existed, a script blocked): lists are then drawn by go-app,
// as on the server, slower but whole.
var withoutCardsScript bool

// cardsScriptWait is how many frames a list waits for cards.js, which is
// deferred after go-app's own scripts and so has always run before the
// app starts when it loads at all.
const cardsScriptWait = 60

func (l *slotList) Render() app.UI {
	if app.IsServer || withoutCardsScript {
		return divClass("slots").Body(
			divClass("slots-view").Body(
				app.Range(l.Slots).Slice(func(i int) app.UI {
					return &slotView{Conf: l.Conf, Events: l.Slots[i], Stars: l.Stars[i]}
				}),
			),
		)
	}
	return divClass("slots").OnClick(l.onClick)
}

func (l *slotList) OnMount(ctx app.Context)  { l.sync(ctx) }
func (l *slotList) OnUpdate(ctx app.Context) { l.sync(ctx) }

// cardsScript is the object cards.js defines under name. Until the script
// has run, it asks for retry after the next paint, up to cardsScriptWait
// times, then gives up for good (withoutCardsScript) and has the page
// drawn again without it.
func cardsScript(ctx app.Context, name string, waited *int, retry func(app.Context)) (app.Value, bool) {
	if withoutCardsScript {
		return nil, false
	}
	if v := jsGlobal(name); v.Truthy() {
		return v, true
	}
	if *waited++; *waited < cardsScriptWait {
		afterPaint(ctx, retry)
		return nil, false
	}
	app.Log("web/cards.js did not load: the lists are drawn without it")
	withoutCardsScript = true
	ctx.Update()
	return nil, false
}

// sync draws the slots not drawn yet, or all of them again when those
// drawn changed, then sets the stars.
func (l *slotList) sync(ctx app.Context) {
	if !l.Mounted() {
		return // taken down while waiting for cards.js
	}
	cards, ok := cardsScript(ctx, "companionCards", &l.waited, l.sync)
	if !ok {
		return
	}
	list := l.JSValue()
	from := len(l.drawnSlots)
	if l.drawnConf != l.Conf || !sameStart(l.drawnSlots, l.Slots) {
		cards.Call("renew", list)
		from = 0
	}
	if from < len(l.Slots) {
		var b strings.Builder
		for i := from; i < len(l.Slots); i++ {
			writeSlot(&b, l.Conf, l.Slots[i], l.Stars[i])
		}
		cards.Call("append", list, b.String())
	}
	l.drawnConf, l.drawnSlots = l.Conf, l.Slots
	var on []string
	for i, s := range l.Slots {
		for j, e := range s {
			if l.Stars[i][j] {
				on = append(on, e.Key())
			}
		}
	}
	cards.Call("stars", list, strings.Join(on, fieldSep))
}

// sameStart tells whether the slots drawn are the first of slots, the
// same events in the same order.
func sameStart(drawn, slots [][]*schedule.Event) bool {
	if len(drawn) > len(slots) {
		return false
	}
	for i := range drawn {
		if len(drawn[i]) != len(slots[i]) {
			return false
		}
		for j := range drawn[i] {
			if drawn[i][j] != slots[i][j] {
				return false
			}
		}
	}
	return true
}

// onClick toggles the star tapped, if the tap was on one.
func (l *slotList) onClick(ctx app.Context, e app.Event) { onCardStar(ctx, e, l.Conf) }

// onCardStar toggles the star of a card drawn by cards.js, if the tap (on
// the list, which has one listener for all) was on one.
func onCardStar(ctx app.Context, e app.Event, c *schedule.Conference) {
	b := e.Get("target").Call("closest", "button.star[data-key]")
	if !b.Truthy() {
		ctx.PreventUpdate()
		return
	}
	key := b.Get("dataset").Get("key").String()
	a, _ := agendaFor(c)
	msg := toggleStarKey(c, a, key)
	jsGlobal("companionCards").Call("star", b, a.Starred(key))
	if showStarNotice(msg) {
		return // the page is drawn again to say it
	}
	ctx.PreventUpdate()
}

// The separators of cards.js's fields and records: control characters,
// taken out of the text they separate. In a field that can hold marks
// (markedField), markSep separates the text marked from the rest.
const (
	fieldSep  = "\x1f"
	recordSep = "\x1e"
	markSep   = "\x1d"
)

// writeSlot writes a slot and its cards in cards.js's format, with the
// same fields slotView and card render.
func writeSlot(b *strings.Builder, c *schedule.Conference, events []*schedule.Event, stars []bool) {
	if len(events) == 0 {
		return
	}
	start := events[0].Start
	fields(b, "S", slotID(c, start), isoTime(c, start), clock(c, start))
	for i, e := range events {
		writeCard(b, c, e, stars[i], search.Query{}, "")
	}
}

// writeCard writes a card in cards.js's format, with the fields card
// renders: the parts q matches marked, the snippet of its abstract.
func writeCard(b *strings.Builder, c *schedule.Conference, e *schedule.Event, starred bool, q search.Query, snippet string) {
	f := []string{"C", cardClass(e), roomColor(c, e.Room()), markedField(q, e.Track), timeRange(c, e)}
	if e.Language != "" {
		f = append(f, "1", primaryLanguage(e.Language), languageName(e.Language))
	} else {
		f = append(f, "", "", "")
	}
	f = append(f, markedField(q, e.Title), talkURL(c, e))
	if len(e.Persons) > 0 {
		f = append(f, markedField(q, speakerLine(e)))
	} else {
		f = append(f, "")
	}
	if e.IsSession() {
		pressed := ""
		if starred {
			pressed = "1"
		}
		f = append(f, e.Key(), pressed, starLabel(e.Title))
	} else {
		f = append(f, "", "", "")
	}
	f = append(f, markedField(q, snippet), itoa(len(e.Rooms)))
	for _, r := range e.Rooms {
		f = append(f, markedField(q, r), roomColor(c, r))
	}
	fields(b, f...)
}

// markedField is text as cards.js marks it: the parts q matches and the
// others in turn, separated by markSep, the first one never marked (and
// so empty when the text starts with a match).
func markedField(q search.Query, text string) string {
	text = strings.ReplaceAll(text, markSep, " ")
	if q.Empty() {
		return text
	}
	var b strings.Builder
	marked := false
	for i, s := range q.Segments(text) {
		if s.Mark != marked {
			b.WriteString(markSep)
			marked = s.Mark
		} else if i > 0 {
			// Two marks in a row stay two (an empty unmarked part between).
			b.WriteString(markSep + markSep)
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// fields writes one record.
func fields(b *strings.Builder, f ...string) {
	if b.Len() > 0 {
		b.WriteString(recordSep)
	}
	for i, s := range f {
		if i > 0 {
			b.WriteString(fieldSep)
		}
		for { // the separators in s become spaces
			i := strings.IndexAny(s, fieldSep+recordSep)
			if i < 0 {
				b.WriteString(s)
				break
			}
			b.WriteString(s[:i])
			b.WriteByte(' ')
			s = s[i+1:]
		}
	}
}
