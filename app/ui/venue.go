package ui

import (
	"net/url"
	"strings"
	"time"

	"companion/app/find"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// venuePage is where the conference is and what to know there: the
// address with links that open a map app (no map is drawn: nothing is
// fetched from elsewhere), the rooms, the sessions shown in several rooms,
// the other spaces (sponsor hall, children's room…) and the meals and
// breaks. What the schedule format cannot say comes from the conventions
// of conference.meta.venue (see README).
type venuePage struct {
	app.Compo
	conf *schedule.Conference
	err  error
}

func (p *venuePage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *venuePage) OnNav(ctx app.Context) {
	p.load(ctx)
	followSchedule(ctx, p.load, nil)
}

func (p *venuePage) load(ctx app.Context) {
	p.conf, p.err = conferenceOf(ctx.Page().URL())
	if p.err != nil {
		return
	}
	setTitle(ctx, tr("Venue"), p.conf.Title)
	setDescription(ctx, venueQuery(p.conf.Venue))
}

func venueQuery(v schedule.Venue) string { return strings.Trim(v.Name+", "+v.Address, ", ") }

func (p *venuePage) Render() app.UI {
	if p.err != nil || p.conf == nil {
		return errorPage(p.err)
	}
	c, v := p.conf, p.conf.Venue
	var body []app.UI
	switch {
	case v.Name != "":
		body = append(body, pText("kicker", tr("Venue")), h1Class("page-title").Text(v.Name))
	default:
		body = append(body, h1Class("page-title").Text(tr("Venue")))
	}
	switch {
	case v.Address != "":
		body = append(body, pText("address", v.Address))
	case v.Name == "":
		body = append(body, pText("lede", tr("The schedule does not say where the conference is.")))
	}
	body = append(body, browseLinks(c, PathVenue), mapLinks(v), para("venue-about", v.Lang, v.Description))

	// The rooms: colour, seats, what the data says of where each is.
	pages := map[string]find.Place{}
	for _, pl := range find.Rooms(c) {
		pages[pl.Name] = pl
	}
	rooms := make([]app.UI, len(c.Rooms))
	for i, r := range c.Rooms {
		color := roomColor(c, r.Name)
		name := []app.UI{spanText("place-name", r.Name)}
		if color != "" {
			name = append([]app.UI{spanClass("dot")}, name...)
		}
		var facts []string
		if r.Capacity > 0 {
			facts = append(facts, trn(r.Capacity, "%d seat", "%d seats", r.Capacity))
		}
		var head app.UI = spanClass("room-name").Body(name...)
		if pl, ok := pages[r.Name]; ok {
			head = aHref(placeURL(c, roomPlaces, pl)).Body(name...)
			facts = append(facts, placeCount(pl))
		}
		li := liClass("place venue-room")
		if color != "" {
			li = li.Style("--room", color)
		}
		where, written := r.DescriptionIn(string(uiLang))
		if written == "" {
			written = v.Lang // a plain text: the language the venue's texts are in, if said
		}
		rooms[i] = li.Body(
			divClass("venue-room-head").Body(head, spanText("count", strings.Join(facts, " · "))),
			para("room-where", written, where),
		)
	}
	body = append(body, section("venue-rooms", tr("Rooms"), ulClass("places").Body(rooms...)))

	// Sessions shown in several rooms, and how the venue does it.
	var plenaries, meals []*schedule.Event
	for _, e := range c.Events {
		if e.Plenary() {
			plenaries = append(plenaries, e)
		}
		if !e.IsSession() {
			meals = append(meals, e)
		}
	}
	if len(plenaries) > 0 || v.Simulcast != "" {
		how := ""
		if len(plenaries) > 0 {
			how = tr("These sessions are shown live in each of their rooms at the same time: sit in whichever has seats.")
		}
		body = append(body, section("venue-simulcast", tr("Shown in several rooms at once"), para("", v.Lang, v.Simulcast), para("", "", how), eventList(c, plenaries)))
	}

	// The other spaces: sponsor hall, children's room…
	if len(v.Spaces) > 0 {
		spaces := []app.UI{}
		for _, s := range v.Spaces {
			h3 := app.H3().Text(s.Name)
			if v.Lang != "" {
				h3 = h3.Lang(v.Lang)
			}
			spaces = append(spaces, h3, para("", v.Lang, s.Description))
			if pl, ok := pages[s.Room]; ok {
				spaces = append(spaces, app.P().Body(aText(placeURL(c, roomPlaces, pl), trf("What is on in %s", s.Room))))
			}
		}
		body = append(body, section("venue-spaces", tr("Around the talks"), spaces...))
	}
	if len(meals) > 0 {
		body = append(body, section("venue-meals", tr("Meals and breaks"), eventList(c, meals)))
	}
	return shell(c, "", body...)
}

// para is a paragraph of text in the language lang ("" for the page's),
// or nothing for no text.
func para(class, lang, text string) app.UI {
	if text == "" {
		return nil
	}
	p := pText(class, text)
	if lang != "" {
		p = p.Lang(lang)
	}
	return p
}

// section is a titled part of a page, named by its heading.
func section(id, title string, body ...app.UI) app.UI {
	return sectionClass(id).Aria("labelledby", id).Body(append([]app.UI{app.H2().ID(id).Text(title)}, body...)...)
}

// mapLinks open the venue in a map app, searching for its name and
// address: a geo: URI (Android offers its map apps), then OpenStreetMap,
// Apple Maps and Google Maps, which open their app on a phone that has
// it. target=_blank: the app's router leaves the links to the browser,
// which hands geo: to the phone.
func mapLinks(v schedule.Venue) app.UI {
	q := venueQuery(v)
	if q == "" {
		return nil
	}
	q = strings.ReplaceAll(url.QueryEscape(q), "+", "%20")
	links := [][2]string{
		{tr("Open in your map app"), "geo:0,0?q=" + q},
		{"OpenStreetMap", "https://www.openstreetmap.org/search?query=" + q},
		{"Apple Maps", "https://maps.apple.com/?q=" + q},
		{"Google Maps", "https://www.google.com/maps/search/?api=1&query=" + q},
	}
	items := make([]app.UI, len(links))
	for i, l := range links {
		items[i] = app.Li().Body(aHref(l[1]).Target("_blank").Rel("noopener").Text(l[0]))
	}
	return ulClass("map-links").Body(items...)
}

// eventList is a short list of events, each a link to its page with its
// title, day and time, and rooms.
func eventList(c *schedule.Conference, events []*schedule.Event) app.UI {
	if len(events) == 0 {
		return nil
	}
	items := make([]app.UI, len(events))
	for i, e := range events {
		when := timeRange(c, e)
		if len(c.Days) > 1 || local(c, e.Start).Format(time.DateOnly) != c.Days[e.Day].Date {
			when = shortDate(c, e.Start) + ", " + when
		}
		items[i] = app.Li().Body(aHref(talkURL(c, e)).Body(
			spanClass("venue-event-title").Lang(primaryLanguage(e.Language)).Text(e.Title),
			spanText("when", when+" · "+trn(len(e.Rooms), "room %s", "rooms %s", andList(e.Rooms))),
		))
	}
	return ulClass("venue-events").Body(items...)
}

// andList joins names as people write them: "Bleu, Blanc and Rouge".
func andList(names []string) string {
	if len(names) < 2 {
		return joinRooms(names)
	}
	return joinRooms(names[:len(names)-1]) + tr(" and ") + names[len(names)-1]
}
