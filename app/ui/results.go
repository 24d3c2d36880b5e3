package ui

import (
	"strconv"
	"strings"
	"time"

	"companion/app/catalog"
	"companion/app/find"
	"companion/app/search"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// firstResults is how many results show before "Show all": the best ones,
// enough for a phone's few screens, quick to draw at every keystroke.
const firstResults = 40

// searchBox is the search form at the top of the schedule. It works as a
// plain form before the app has loaded (it asks for /?q=…); once the app
// runs, results follow each keystroke and the URL keeps the query.
func (p *schedulePage) searchBox() app.UI {
	c := p.conf
	return app.Form().Class("search").Role("search").Action(PathSchedule).Method("get").
		OnSubmit(p.onSubmit).Body(
		app.Label().For("q").Class("search-label").Text(tr("Search talks, speakers, tracks and rooms")),
		app.Input().Type("search").ID("q").Name(paramQuery).Class("search-input").
			Value(p.query).
			Placeholder(tr("Title, speaker, company, track, room…")).
			AutoComplete(false).Spellcheck(false).
			Attr("enterkeyhint", "search").
			Attr("autocapitalize", "off").
			OnInput(p.onInput).
			OnFocus(p.onFocus),
		app.If(c.Acronym != catalog.Default(), func() app.UI {
			return app.Input().Type("hidden").Name(paramConf).Value(c.Acronym)
		}),
	)
}

// onFocus starts indexing before the first key.
func (p *schedulePage) onFocus(ctx app.Context, e app.Event) {
	searchIndex(ctx, p.conf, p.indexed)
	ctx.PreventUpdate()
}

// indexed runs once every abstract is searchable: a query typed meanwhile
// may find more now.
func (p *schedulePage) indexed(ctx app.Context) {
	if !p.q.Empty() && p.conf != nil {
		p.search(ctx)
		ctx.Dispatch(nil)
	}
}

func (p *schedulePage) onInput(ctx app.Context, e app.Event) {
	lastKey = time.Now()
	text := ctx.JSSrc().Get("value").String()
	wasSearching := !p.q.Empty()
	p.query = text
	p.q = search.Parse(text)
	p.limit = firstResults
	p.search(ctx)
	v := p.current()
	switch {
	case p.q.Empty():
		// Back to the day that was shown, with the filters.
		v.query = ""
		replaceURL(scheduleViewURL(p.conf, v))
	case !wasSearching:
		// A search starts on every day, and is a step Back undoes.
		v.filter.Days = nil
		p.filter.Days = nil
		p.search(ctx)
		ctx.Navigate(scheduleViewURL(p.conf, v))
	default:
		replaceURL(scheduleViewURL(p.conf, v))
	}
}

// onSubmit keeps the page (results are already shown) and puts the phone's
// keyboard away so that they can be read.
func (p *schedulePage) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if input := app.Window().GetElementByID("q"); input.Truthy() {
		input.Call("blur")
	}
	ctx.PreventUpdate()
}

// search runs the query and keeps the hits that pass the filter.
func (p *schedulePage) search(ctx app.Context) {
	p.results, p.all = nil, nil
	if p.q.Empty() || p.conf == nil {
		return
	}
	res := searchIndex(ctx, p.conf, p.indexed).Search(p.q)
	p.all = res.Hits
	if p.filter.Empty() {
		p.results = res.Hits
		return
	}
	match := p.filter.Matcher(p.conf, p.now)
	for _, h := range res.Hits {
		if match(h.Event) {
			p.results = append(p.results, h)
		}
	}
}

func (p *schedulePage) showAll(ctx app.Context, e app.Event) {
	p.limit = 0
}

// resultsView lists what the query found, best first within each day,
// the matched words marked.
func (p *schedulePage) resultsView() app.UI {
	c := p.conf
	hits := p.results
	more := 0
	if p.limit > 0 && len(hits) > p.limit {
		more = len(hits) - p.limit
		hits = hits[:p.limit]
	}
	days := groupByDay(c, hits)
	status := trn(len(p.results), "%d talk found", "%d talks found", len(p.results))
	switch {
	case len(p.results) == 0 && len(p.all) > 0:
		status = trn(len(p.all), "No talk matches “%s” with these filters; %d does without them.", "No talk matches “%s” with these filters; %d do without them.", p.query, len(p.all))
	case len(p.results) == 0:
		status = trf("No talk matches “%s”.", p.query)
	}
	list := &resultList{Conf: c, Query: p.q}
	for _, d := range days {
		rd := resultDay{Day: d.day}
		for _, h := range d.hits {
			snippet := ""
			if h.Fields&^search.Abstract == 0 {
				snippet = p.q.Snippet(plainAbstract(h.Event), 160)
			}
			rd.Hits = append(rd.Hits, resultHit{Event: h.Event, Snippet: snippet, Starred: p.agenda.Starred(h.Event.Key())})
		}
		list.Days = append(list.Days, rd)
	}
	return app.Div().Class("results").DataSet("query", p.query).Body(
		app.P().Class("results-count").Role("status").Text(status),
		p.resultDays(),
		list,
		app.If(more > 0, func() app.UI {
			return app.Button().Type("button").Class("show-all").
				Text(trf("Show all %d results", len(p.results))).
				OnClick(p.showAll)
		}),
	)
}

// resultDays offers the days as filters of the results, with counts.
func (p *schedulePage) resultDays() app.UI {
	c := p.conf
	if len(c.Days) < 2 {
		return nil
	}
	counts := make([]int, len(c.Days))
	unfiltered := p.filter
	unfiltered.Days = nil
	match := unfiltered.Matcher(c, p.now)
	for _, h := range p.all {
		if match(h.Event) {
			counts[h.Event.Day]++
		}
	}
	all := p.current()
	all.filter.Days = nil
	allLink := app.A().Href(scheduleViewURL(c, all)).Text(tr("All days"))
	if len(p.filter.Days) == 0 {
		allLink = allLink.Aria("current", "true")
	}
	return app.Nav().Class("days").Aria("label", tr("Days of the results")).Body(
		allLink,
		app.Range(c.Days).Slice(func(i int) app.UI {
			d := c.Days[i]
			v := p.current()
			v.filter = v.filter.Toggle(find.ParamDay, strconv.Itoa(d.Index))
			a := app.A().Href(scheduleViewURL(c, v)).Body(
				app.Text(shortDayLabel(d)+" "),
				app.Span().Class("count").Text("("+strconv.Itoa(counts[i])+")"),
			)
			if p.filter.Has(find.ParamDay, strconv.Itoa(d.Index)) {
				a = a.Aria("current", "true")
			}
			return a
		}),
	)
}

// resultList is a search's results, by day, best first within each. The
// server renders it through go-app (card); in the browser cards.js draws
// it from its fields (writeCard) in one call, as it draws the day list:
// through go-app, the first letter typed, which finds the most, took
// 200–500 ms on a slow phone to draw its 40 cards, and "Show all" on
// FOSDEM (hundreds) seconds. Every new query draws the list anew; a star
// changed elsewhere is pressed in place, so the focus stays.
type resultList struct {
	app.Compo
	Conf  *schedule.Conference
	Query search.Query
	Days  []resultDay

	drawn  string // the fields drawn, stars aside
	waited int    // frames waited for cards.js
}

type resultDay struct {
	Day  int // in Conf.Days
	Hits []resultHit
}

type resultHit struct {
	Event   *schedule.Event
	Snippet string // the piece of its abstract that matched, if only that did
	Starred bool
}

func (l *resultList) Render() app.UI {
	c := l.Conf
	if !app.IsServer && !withoutCardsScript {
		return divClass("results-days").OnClick(l.onClick)
	}
	return divClass("results-days").Body(
		app.Range(l.Days).Slice(func(i int) app.UI {
			d := l.Days[i]
			id := resultDayID(c, d.Day)
			return app.Section().Class("results-day").Aria("labelledby", id).Body(
				app.H2().ID(id).Text(dayLabel(c.Days[d.Day])),
				app.Ul().Class("result-list").Body(
					app.Range(d.Hits).Slice(func(j int) app.UI {
						h := d.Hits[j]
						return card(c, h.Event, h.Starred, "", l.Query, h.Snippet)
					}),
				),
			)
		}),
	)
}

func resultDayID(c *schedule.Conference, day int) string {
	return "results-day-" + strconv.Itoa(c.Days[day].Index)
}

func (l *resultList) OnMount(ctx app.Context)  { l.sync(ctx) }
func (l *resultList) OnUpdate(ctx app.Context) { l.sync(ctx) }

// sync draws the results again if they changed, then sets the stars.
func (l *resultList) sync(ctx app.Context) {
	if !l.Mounted() {
		return
	}
	cards, ok := cardsScript(ctx, "companionCards", &l.waited, l.sync)
	if !ok {
		return
	}
	c := l.Conf
	var b strings.Builder
	var on []string
	for _, d := range l.Days {
		fields(&b, "D", resultDayID(c, d.Day), dayLabel(c.Days[d.Day]))
		for _, h := range d.Hits {
			writeCard(&b, c, h.Event, false, l.Query, h.Snippet)
			if h.Starred {
				on = append(on, h.Event.Key())
			}
		}
	}
	box := l.JSValue()
	if data := b.String(); data != l.drawn {
		cards.Call("results", box, data)
		l.drawn = data
	}
	cards.Call("press", box, strings.Join(on, fieldSep))
}

// onClick toggles the star tapped, if the tap was on one.
func (l *resultList) onClick(ctx app.Context, e app.Event) { onCardStar(ctx, e, l.Conf) }

type dayHits struct {
	day  int
	hits []search.Hit
}

// groupByDay groups ranked hits by day, in the conference's day order.
func groupByDay(c *schedule.Conference, hits []search.Hit) []dayHits {
	byDay := make([][]search.Hit, len(c.Days))
	for _, h := range hits {
		byDay[h.Event.Day] = append(byDay[h.Event.Day], h)
	}
	var out []dayHits
	for d, hs := range byDay {
		if len(hs) > 0 {
			out = append(out, dayHits{d, hs})
		}
	}
	return out
}

// plainAbstracts keeps plainAbstract's answers: a snippet is cut from it
// for each result at each keystroke, and reading the markup is slow.
var plainAbstracts = map[*schedule.Event]string{}

// plainAbstract is the event's abstract and description as plain text.
func plainAbstract(e *schedule.Event) string {
	if app.IsServer { // pages are rendered concurrently there
		return readAbstract(e)
	}
	if text, ok := plainAbstracts[e]; ok {
		return text
	}
	if len(plainAbstracts) >= 4096 { // events of older schedules
		clear(plainAbstracts)
	}
	text := readAbstract(e)
	plainAbstracts[e] = text
	return text
}

func readAbstract(e *schedule.Event) string {
	text := ""
	for _, p := range append(paragraphs(e.Abstract), paragraphs(e.Details)...) {
		if text != "" {
			text += " "
		}
		text += p
	}
	return text
}
