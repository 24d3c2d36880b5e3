package ui

import (
	"strconv"
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
	return app.Div().Class("results").DataSet("query", p.query).Body(
		app.P().Class("results-count").Role("status").Text(status),
		p.resultDays(),
		app.Range(days).Slice(func(i int) app.UI {
			d := days[i]
			id := "results-day-" + strconv.Itoa(c.Days[d.day].Index)
			return app.Section().Class("results-day").Aria("labelledby", id).Body(
				app.H2().ID(id).Text(dayLabel(c.Days[d.day])),
				app.Ul().Class("result-list").Body(
					app.Range(d.hits).Slice(func(j int) app.UI {
						h := d.hits[j]
						snippet := ""
						if h.Fields&^search.Abstract == 0 {
							snippet = p.q.Snippet(plainAbstract(h.Event), 160)
						}
						return card(c, h.Event, p.agenda.Starred(h.Event.Key()), "", p.q, snippet)
					}),
				),
			)
		}),
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
