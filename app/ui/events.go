package ui

import (
	"errors"
	"time"

	"companion/app/catalog"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// eventsPage lists the conferences in this build; opening one makes it
// the attendee's choice, with its own agenda.
type eventsPage struct {
	app.Compo
	conf    *schedule.Conference
	err     error
	entries []catalog.Entry
}

func (p *eventsPage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *eventsPage) OnNav(ctx app.Context)       { p.load(ctx) }

func (p *eventsPage) load(ctx app.Context) {
	p.conf, p.err = conferenceOf(ctx.Page().URL())
	if errors.Is(p.err, catalog.ErrNotLoaded) {
		// The chosen conference is still on its way: list them all anyway.
		p.conf, p.err = catalog.Get(catalog.Default())
	}
	p.entries = catalog.List()
	setTitle(ctx, tr("Events"), "Conference Companion")
}

func (p *eventsPage) Render() app.UI {
	if p.err != nil || p.conf == nil {
		return errorPage(p.err)
	}
	return shell(p.conf, PathEvents,
		h1Class("page-title").Text(tr("Events")),
		pText("lede", tr("Each event keeps its own agenda.")),
		ulClass("events").Body(app.Range(p.entries).Slice(func(i int) app.UI {
			e := p.entries[i]
			link := aText(withConf(PathSchedule, e.Acronym, nil)+confParamIfDefault(e.Acronym), e.Title)
			if e.Acronym == p.conf.Acronym {
				link = link.Aria("current", "true")
			}
			return liClass("event-entry").Body(
				link,
				spanText("event-dates", dateSpan(e.Start, e.End)),
			)
		})),
	)
}

// confParamIfDefault names the default conference explicitly, so that
// choosing it from this page overrides an earlier choice.
func confParamIfDefault(acronym string) string {
	if acronym == catalog.Default() {
		return "?" + paramConf + "=" + acronym
	}
	return ""
}

func dateSpan(start, end string) string {
	s, err1 := time.Parse(time.DateOnly, start)
	e, err2 := time.Parse(time.DateOnly, end)
	if err1 != nil || err2 != nil {
		return start
	}
	return uiLang.DateSpan(s, e)
}
