package ui

import (
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
	lang := primaryLanguage(e.Language)
	li := app.Li().Class(cardClass(e))
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

// cardClass is a card's classes: a break and a plenary look apart.
func cardClass(e *schedule.Event) string {
	class := "card"
	if !e.IsSession() {
		class += " card-break"
	}
	if e.Plenary() {
		class += " card-plenary"
	}
	return class
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
