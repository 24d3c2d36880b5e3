package ui

import (
	"companion/app/agenda"
	"companion/app/share"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// sharePage opens a shared selection: the talks it names, and the choice
// of adding them to the attendee's agenda or replacing it with them (with
// an undo). It works offline: the link is read on the device.
type sharePage struct {
	app.Compo
	conf    *schedule.Conference
	err     error
	agenda  *agenda.Agenda
	notice  string
	found   []*schedule.Event
	missing int
	bad     error
	undo    map[string]agenda.Star // the stars before a replace
	done    bool
}

func (p *sharePage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *sharePage) OnNav(ctx app.Context) {
	p.load(ctx)
	followSchedule(ctx, keepNotice(&p.notice, p.load), nil)
}

func (p *sharePage) load(ctx app.Context) {
	u := ctx.Page().URL()
	p.conf, p.err = conferenceOf(u)
	if p.err != nil {
		return
	}
	p.agenda, p.notice = agendaFor(p.conf)
	p.found, p.missing, p.bad = share.Decode(p.conf, u.Query().Get(share.ParamTalks))
	setTitle(ctx, tr("Shared talks"), p.conf.Title)
}

func (p *sharePage) keys() []string {
	out := make([]string, len(p.found))
	for i, e := range p.found {
		out[i] = e.Key()
	}
	return out
}

func (p *sharePage) snap(key string) agenda.Star {
	if e := p.conf.Event(key); e != nil {
		return snapshot(e)
	}
	return agenda.Star{}
}

func (p *sharePage) onMerge(ctx app.Context, e app.Event) {
	n, err := p.agenda.Merge(p.keys(), p.snap)
	if err != nil {
		p.notice = tr("Your agenda could not be saved: ") + plain(err)
		return
	}
	p.done, p.undo = true, nil
	p.notice = trn(n, "%d talk added to your agenda.", "%d talks added to your agenda.", n)
	if n == 0 {
		p.notice = tr("They were all in your agenda already.")
	}
}

func (p *sharePage) onReplace(ctx app.Context, e app.Event) {
	prev, err := p.agenda.Replace(p.keys(), p.snap)
	if err != nil {
		p.notice = tr("Your agenda could not be saved: ") + plain(err)
		return
	}
	p.done, p.undo = true, prev
	p.notice = trn(len(p.found), "Your agenda is now this %d talk.", "Your agenda is now these %d talks.", len(p.found))
}

func (p *sharePage) onUndo(ctx app.Context, e app.Event) {
	if err := p.agenda.Restore(p.undo); err != nil {
		p.notice = tr("Your agenda could not be saved: ") + plain(err)
		return
	}
	p.done, p.undo = false, nil
	p.notice = tr("Your agenda is back as it was.")
}

func (p *sharePage) onStar(ctx app.Context, e app.Event) {
	p.notice = toggleStar(ctx, p.conf, p.agenda)
}

func (p *sharePage) Render() app.UI {
	if p.err != nil || p.conf == nil {
		return errorPage(p.err)
	}
	c := p.conf
	if p.bad != nil {
		return shell(c, "",
			h1Class("page-title").Text(tr("Shared talks")),
			pClass("notice").Role("alert").Text(tr(p.bad.Error())+"."),
		)
	}
	already := 0
	for _, e := range p.found {
		if p.agenda.Starred(e.Key()) {
			already++
		}
	}
	summary := trn(len(p.found), "Someone shared %d talk of %s with you.", "Someone shared %d talks of %s with you.", len(p.found), c.Title)
	if p.missing > 0 {
		summary += " " + trn(p.missing, "%d more is not in this version of the schedule.", "%d more are not in this version of the schedule.", p.missing)
	}
	if already > 0 {
		summary += " " + trn(already, "%d is in your agenda already.", "%d are in your agenda already.", already)
	}
	disabled := app.IsServer
	return shell(c, "",
		h1Class("page-title").Text(tr("Shared talks")),
		pClass("lede").ID("share-summary").Text(summary),
		pText("zone-note", trf("Times in %s.", zoneLabel(c))),
		noticeUI(p.notice),
		divClass("tool-row").Body(
			typeButton().ID("share-merge").Disabled(disabled || len(p.found) == 0).
				Text(tr("Add them to my agenda")).OnClick(p.onMerge),
			typeButton().ID("share-replace").Disabled(disabled || len(p.found) == 0).
				Text(tr("Replace my agenda with them")).OnClick(p.onReplace),
			app.If(p.undo != nil, func() app.UI {
				return typeButton().ID("share-undo").Text(tr("Undo")).OnClick(p.onUndo)
			}),
		),
		app.If(!p.done && p.agenda.Len() > 0, func() app.UI {
			return pText("hint", trn(p.agenda.Len(), "Replacing removes the %d star you have now (your notes stay); you can undo it.",
				"Replacing removes the %d stars you have now (your notes stay); you can undo it.", p.agenda.Len()))
		}),
		app.If(len(p.found) > 0, func() app.UI {
			return h2Class("share-list-title").Text(plural(len(p.found), "The talk", "The talks"))
		}),
		ulClass("agenda-list share-list").Body(app.Range(p.found).Slice(func(i int) app.UI {
			e := p.found[i]
			return agendaCard(c, e, p.agenda.Starred(e.Key()), p.onStar)
		})),
		app.If(p.done, func() app.UI {
			return app.P().Body(aHref(agendaURL(c)).ID("to-agenda").Text(tr("See My agenda →")))
		}),
	)
}
