package ui

import (
	"html"
	"strconv"
	"strings"

	"companion/app/find"
	"companion/app/search"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// card is one event in a list: its rooms and track (what people choose
// by), time, title linking to its page, speakers and the star. The parts
// a search matched are marked; snippet, when set, is the piece of the
// abstract that made it match.
func card(c *schedule.Conference, e *schedule.Event, starred bool, note string, q search.Query, snippet string) app.UI {
	class := "card"
	if !e.IsSession() {
		class += " card-break"
	}
	if e.Plenary() {
		class += " card-plenary"
	}
	lang := primaryLanguage(e.Language)
	li := app.Li().Class(class)
	if color := roomColor(c, e.Room()); color != "" {
		li = li.Style("--room", color)
	}
	return li.Body(
		app.If(note != "", func() app.UI {
			return app.P().Class("changed").Text(note)
		}),
		app.Div().Class("card-meta").Body(
			markedRoomChips(c, e, q),
			app.If(e.Track != "", func() app.UI {
				return app.Span().Class("track").Body(marked(q, e.Track)...)
			}),
			app.Span().Class("when").Text(timeRange(c, e)),
			app.If(e.Language != "", func() app.UI {
				return app.Span().Class("lang").Title(languageName(e.Language)).Text(lang)
			}),
		),
		app.H3().Class("card-title").Lang(lang).Body(
			app.A().Href(talkURL(c, e)).Body(marked(q, e.Title)...),
		),
		app.If(len(e.Persons) > 0, func() app.UI {
			return app.P().Class("speakers").Body(marked(q, speakerLine(e))...)
		}),
		app.If(snippet != "", func() app.UI {
			return app.P().Class("snippet").Lang(lang).Body(marked(q, snippet)...)
		}),
		app.If(e.IsSession(), func() app.UI {
			return &starToggle{Conf: c, Key: e.Key(), Title: e.Title, On: starred}
		}),
	)
}

// roomChips names the event's rooms, each with its colour when rooms have
// colours; a plenary shows every room it is simulcast to.
func roomChips(c *schedule.Conference, e *schedule.Event) app.UI {
	return markedRoomChips(c, e, search.Query{})
}

func markedRoomChips(c *schedule.Conference, e *schedule.Event, q search.Query) app.UI {
	return app.Span().Class("rooms").Body(
		app.Range(e.Rooms).Slice(func(i int) app.UI {
			chip := app.Span().Class("room")
			if color := roomColor(c, e.Rooms[i]); color != "" {
				chip = chip.Style("--room", color).Body(
					app.Span().Class("dot"),
					app.Span().Body(marked(q, e.Rooms[i])...),
				)
				return chip
			}
			return chip.Body(marked(q, e.Rooms[i])...)
		}),
	)
}

// palette colours rooms the data gives no colour, as long as there are
// few enough rooms for each to keep its own: FOSDEM's 29 rooms would
// share 8 colours, which says nothing, so there the room's name alone
// tells them apart.
var palette = []string{"#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#65a30d", "#dc2626"}

func roomColor(c *schedule.Conference, name string) string {
	if r, ok := c.Room(name); ok && r.Color != "" {
		return r.Color
	}
	if len(find.Rooms(c)) > len(palette) {
		return ""
	}
	for i, r := range find.Rooms(c) {
		if r.Name == name {
			return palette[i%len(palette)]
		}
	}
	return ""
}

// listCard is a card in a long list (a day, search results). The browser
// draws it from markup (cardHTML): go-app then creates and removes one
// node per card instead of about fifteen, each a call from WebAssembly
// into the page, which is most of what drawing a FOSDEM day costs. Its
// star is answered by the list (onListStar). The server renders the
// elements, whose attributes it knows how to write.
func listCard(c *schedule.Conference, e *schedule.Event, starred bool, q search.Query, snippet string) app.UI {
	if app.IsServer {
		return card(c, e, starred, "", q, snippet)
	}
	return app.Raw(cardHTML(c, e, starred, q, snippet))
}

// cardHTML is card as markup. Every text and attribute value is escaped:
// schedule data stays text.
func cardHTML(c *schedule.Conference, e *schedule.Event, starred bool, q search.Query, snippet string) string {
	var b strings.Builder
	b.Grow(512)
	class := "card"
	if !e.IsSession() {
		class += " card-break"
	}
	if e.Plenary() {
		class += " card-plenary"
	}
	lang := primaryLanguage(e.Language)
	b.WriteString(`<li class="` + class + `"`)
	if color := roomColor(c, e.Room()); color != "" {
		writeAttr(&b, "style", "--room:"+color)
	}
	b.WriteString(`><div class="card-meta"><span class="rooms">`)
	for _, r := range e.Rooms {
		if color := roomColor(c, r); color != "" {
			b.WriteString(`<span class="room"`)
			writeAttr(&b, "style", "--room:"+color)
			b.WriteString(`><span class="dot"></span><span>`)
			writeMarked(&b, q, r)
			b.WriteString(`</span></span>`)
			continue
		}
		b.WriteString(`<span class="room">`)
		writeMarked(&b, q, r)
		b.WriteString(`</span>`)
	}
	b.WriteString(`</span>`)
	if e.Track != "" {
		b.WriteString(`<span class="track">`)
		writeMarked(&b, q, e.Track)
		b.WriteString(`</span>`)
	}
	b.WriteString(`<span class="when">` + html.EscapeString(timeRange(c, e)) + `</span>`)
	if e.Language != "" {
		b.WriteString(`<span class="lang"`)
		writeAttr(&b, "title", languageName(e.Language))
		b.WriteString(`>` + html.EscapeString(lang) + `</span>`)
	}
	b.WriteString(`</div><h3 class="card-title"`)
	writeAttr(&b, "lang", lang)
	b.WriteString(`><a`)
	writeAttr(&b, "href", talkURL(c, e))
	b.WriteString(`>`)
	writeMarked(&b, q, e.Title)
	b.WriteString(`</a></h3>`)
	if len(e.Persons) > 0 {
		b.WriteString(`<p class="speakers">`)
		writeMarked(&b, q, speakerLine(e))
		b.WriteString(`</p>`)
	}
	if snippet != "" {
		b.WriteString(`<p class="snippet"`)
		writeAttr(&b, "lang", lang)
		b.WriteString(`>`)
		writeMarked(&b, q, snippet)
		b.WriteString(`</p>`)
	}
	if e.IsSession() {
		glyph := "☆"
		if starred {
			glyph = "★"
		}
		b.WriteString(`<button type="button" class="star"`)
		writeAttr(&b, "data-key", e.Key())
		writeAttr(&b, "aria-pressed", strconv.FormatBool(starred))
		writeAttr(&b, "aria-label", trf("Star “%s”", e.Title))
		b.WriteString(`>` + glyph + `</button>`)
	}
	b.WriteString(`</li>`)
	return b.String()
}

// writeAttr writes name="value", the value escaped; an empty value is
// left out, as go-app does.
func writeAttr(b *strings.Builder, name, value string) {
	if value == "" {
		return
	}
	b.WriteString(` ` + name + `="` + html.EscapeString(value) + `"`)
}

// writeMarked writes text escaped, the parts the query matched in <mark>.
func writeMarked(b *strings.Builder, q search.Query, text string) {
	if q.Empty() {
		b.WriteString(html.EscapeString(text))
		return
	}
	for _, s := range q.Segments(text) {
		if s.Mark {
			b.WriteString(`<mark>` + html.EscapeString(s.Text) + `</mark>`)
		} else {
			b.WriteString(html.EscapeString(s.Text))
		}
	}
}
