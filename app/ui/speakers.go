package ui

import (
	"net/url"
	"strconv"
	"strings"

	"companion/app/agenda"
	"companion/app/catalog"
	"companion/app/people"
	"companion/app/picture"
	"companion/app/search"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func speakerURL(c *schedule.Conference, sp *people.Speaker) string {
	return withConf(PathSpeaker+url.PathEscape(sp.Slug), c.Acronym, nil)
}

// speakerOf is the speaker a speaker page's URL names, or nil.
func speakerOf(u *url.URL) *people.Speaker {
	slug, err := url.PathUnescape(strings.TrimPrefix(u.Path, PathSpeaker))
	if err != nil || slug == "" || strings.Contains(slug, "/") {
		return nil
	}
	c, err := conferenceOf(u)
	if err != nil {
		return nil
	}
	return people.Of(c).BySlug(slug)
}

// speakersPage lists who speaks, filtered as the attendee types (by name,
// organisation or position, offline: the list is in the page).
type speakersPage struct {
	app.Compo
	conf  *schedule.Conference
	err   error
	query string
}

func (p *speakersPage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *speakersPage) OnNav(ctx app.Context) {
	p.load(ctx)
	followSchedule(ctx, p.load, nil)
}

func (p *speakersPage) load(ctx app.Context) {
	u := ctx.Page().URL()
	p.conf, p.err = conferenceOf(u)
	if p.err != nil {
		return
	}
	p.query = u.Query().Get(paramQuery)
	if len([]rune(p.query)) > maxQuery {
		p.query = ""
	}
	setTitle(ctx, tr("Speakers"), p.conf.Title)
}

func (p *speakersPage) onInput(ctx app.Context, e app.Event) {
	p.query = ctx.JSSrc().Get("value").String()
	q := url.Values{}
	if strings.TrimSpace(p.query) != "" {
		q.Set(paramQuery, p.query)
	}
	replaceURL(withConf(PathSpeakers, p.conf.Acronym, q))
}

func (p *speakersPage) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault() // the list already follows the box
	ctx.PreventUpdate()
}

func (p *speakersPage) Render() app.UI {
	if p.err != nil || p.conf == nil {
		return errorPage(p.err)
	}
	c := p.conf
	all := people.Of(c)
	q := search.Parse(p.query)
	shown := all.Filter(q)
	count := trn(len(all.List), "%d speaker", "%d speakers", len(all.List))
	switch {
	case q.Empty():
	case len(shown) == 0:
		count = trf("No speaker matches “%s”.", q.Text)
	default:
		count = trn(len(shown), "%d speaker found", "%d speakers found", len(shown))
	}
	form := []app.UI{
		app.Label().For("speaker-filter").Class("search-label").Text(tr("Find a speaker by name or organisation")),
		app.Input().Type("search").ID("speaker-filter").Name(paramQuery).Class("search-input").
			Value(p.query).Placeholder(tr("Name, company…")).
			AutoComplete(false).Spellcheck(false).
			Attr("enterkeyhint", "search").Attr("autocapitalize", "off").
			OnInput(p.onInput),
	}
	if c.Acronym != catalog.Default() {
		form = append(form, app.Input().Type("hidden").Name(paramConf).Value(c.Acronym))
	}
	items := make([]app.UI, len(shown))
	for i, sp := range shown {
		who := []app.UI{spanClass("speaker-name").Body(marked(q, sp.Name)...)}
		if role := sp.Role(); role != "" {
			who = append(who, spanClass("role").Body(marked(q, role)...))
		}
		items[i] = liClass("speaker-entry").Body(
			aHref(speakerURL(c, sp)).Body(who...),
			spanText("count", trn(len(sp.Events), "%d talk", "%d talks", len(sp.Events))),
		)
	}
	return shell(c, "",
		h1Class("page-title").Text(tr("Speakers")),
		pText("lede", trn(len(all.List), "%d speaker at %s", "%d speakers at %s", len(all.List), c.Title)),
		browseLinks(c, PathSpeakers),
		app.Form().Class("search").Role("search").Action(PathSpeakers).Method("get").OnSubmit(p.onSubmit).Body(form...),
		pClass("results-count").Role("status").Text(count),
		ulClass("speaker-list").Body(items...),
	)
}

// speakerPage is one speaker at a stable URL, /speakers/{slug}: who they
// are, as far as the data says, and their talks by day with time and room.
type speakerPage struct {
	app.Compo
	conf    *schedule.Conference
	err     error
	speaker *people.Speaker
	agenda  *agenda.Agenda
	notice  string
}

func (p *speakerPage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *speakerPage) OnNav(ctx app.Context) {
	hostStars(ctx, &p.notice)
	p.load(ctx)
	followSchedule(ctx, keepNotice(&p.notice, p.load), func() { p.notice = updateNotice(p.conf, p.agenda) })
}

func (p *speakerPage) load(ctx app.Context) {
	u := ctx.Page().URL()
	p.conf, p.err = conferenceOf(u)
	if p.err != nil {
		return
	}
	p.agenda, p.notice = agendaFor(p.conf)
	p.speaker = speakerOf(u)
	if sp := p.speaker; sp != nil {
		setTitle(ctx, sp.Name, p.conf.Title)
		setDescription(ctx, strings.TrimSpace(sp.Role()+". "+strings.Join(paragraphs(sp.Biography), " ")))
	} else {
		setTitle(ctx, tr("Not found"), p.conf.Title)
	}
}

func (p *speakerPage) Render() app.UI {
	if p.err != nil || p.conf == nil {
		return errorPage(p.err)
	}
	c, sp := p.conf, p.speaker
	list := withConf(PathSpeakers, c.Acronym, nil)
	body := []app.UI{navClass("crumbs").Aria("label", tr("Breadcrumb")).Body(aText(list, "← "+tr("Speakers")))}
	if sp == nil {
		body = append(body,
			h1Class("page-title").Text(tr("This speaker is not in the schedule")),
			app.P().Body(aText(list, tr("See every speaker"))),
		)
		return shell(c, "", body...)
	}
	who := []app.UI{h1Class("page-title").Text(sp.Name)}
	if role := sp.Role(); role != "" {
		who = append(who, pText("role", role))
	}
	body = append(body, divClass("speaker-head").Body(portrait(c.Acronym, sp), app.Div().Body(who...)), noticeUI(p.notice))
	if sp.Biography != "" {
		bio := append([]app.UI{h2Class("visually-hidden").Text(tr("Biography"))}, richText(sp.Biography)...)
		body = append(body, sectionClass("abstract bio").Body(bio...))
	}
	body = append(body, pText("lede", trn(len(sp.Events), "%d talk", "%d talks", len(sp.Events))+" · "+trf("times in %s", zoneLabel(c))))
	// By day, as the data lists them, with time and rooms on each card.
	for at := 0; at < len(sp.Events); {
		day := sp.Events[at].Day
		var cards []app.UI
		for ; at < len(sp.Events) && sp.Events[at].Day == day; at++ {
			e := sp.Events[at]
			cards = append(cards, eventCard(c, e, p.agenda.Starred(e.Key()), ""))
		}
		id := "day-" + strconv.Itoa(c.Days[day].Index)
		body = append(body, sectionClass("place-day").Aria("labelledby", id).Body(
			app.H2().ID(id).Text(dayLabel(c.Days[day])),
			ulClass("agenda-list").Body(cards...),
		))
	}
	return shell(c, "", body...)
}

// portrait stands for the speaker: their initials, and over them the
// picture the data gives, once the app runs, from the site's own copy
// (picture.Path: the policy allows no image from elsewhere). The picture
// is hidden until it has loaded, and again if it fails (offline, gone,
// refused by the server): the initials stay, never a broken image. The
// server renders the initials alone.
func portrait(acronym string, sp *people.Speaker) app.UI {
	kids := []app.UI{app.Span().Text(people.Initials(sp.Name))}
	if app.IsClient && sp.Avatar != "" {
		kids = append(kids, app.Img().Src(picture.Path(acronym, sp.Avatar)).Alt("").
			On("load", showPicture).On("error", showPicture))
	}
	return divClass("portrait").Aria("hidden", "true").Body(kids...)
}

// showPicture shows a picture that loaded and hides one that did not;
// the element is reused from one speaker to the next, so both are said.
func showPicture(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	shown := "hidden"
	if e.Get("type").String() == "load" {
		shown = "visible"
	}
	ctx.JSSrc().Get("style").Set("visibility", shown)
}
