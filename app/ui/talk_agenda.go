package ui

import (
	"strconv"

	"companion/app/agenda"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// agendaBlock is the attendee's side of a talk page: how it fits their
// agenda (a change since starred, overlaps and alternatives), their
// notes and rating, and the talk as a calendar file.
func (p *talkPage) agendaBlock() app.UI {
	c, e, a := p.conf, p.event, p.agenda
	if e == nil || a == nil || !e.IsSession() {
		return nil
	}
	var flags []app.UI
	if a.Starred(e.Key()) {
		for _, ch := range flaggedChanges(c, a) {
			if ch.Key == e.Key() {
				flags = append(flags, changeFlag(c, ch, p.onDismiss))
			}
		}
		current, _ := starredEvents(c, a)
		if clashes := agenda.Clashes(current, e); len(clashes) > 0 {
			flags = append(flags, conflictFlag(c, e, clashes, current))
		}
	}
	note, _ := a.Note(e.Key())
	disabled := app.IsServer
	return divClass("talk-agenda").Body(
		divClass("talk-flags").Body(flags...),
		sectionClass("notes").Aria("labelledby", "notes-title").Body(
			app.H2().ID("notes-title").Text(tr("My notes")),
			divClass("rating").Role("group").Aria("label", tr("My rating")).Body(
				app.Range(make([]struct{}, 5)).Slice(func(i int) app.UI {
					n := i + 1
					on := note.Rating >= n
					glyph := "☆"
					if on {
						glyph = "★"
					}
					return typeButton().Class("rate").Disabled(disabled).
						DataSet("rating", n).Aria("pressed", note.Rating == n).
						Aria("label", trf("Rate %d out of 5", n)).Text(glyph).OnClick(p.onRate)
				}),
			),
			app.Label().For("note-text").Class("visually-hidden").Text(tr("Notes on this talk")),
			app.Textarea().ID("note-text").Rows(5).Disabled(disabled).
				Placeholder(tr("What to remember: ideas, links, questions… Kept on this device.")).
				Text(note.Text).OnInput(p.onNote),
			pText("hint", tr("Saved on this device as you type. My agenda exports all your notes as one Markdown report.")),
		),
		pClass("tool-row").Body(
			typeButton().ID("talk-ics").Disabled(disabled).Text(tr("Add to my calendar (.ics)")).
				OnClick(func(ctx app.Context, ev app.Event) {
					download(e.Slug+".ics", "text/calendar", calendarFile(c, []*schedule.Event{e}))
				}),
		),
	)
}

func (p *talkPage) saveNote(n agenda.Note) {
	e := p.event
	n.Talk = snapshot(e)
	n.Updated = timeNow()
	if err := p.agenda.SetNote(e.Key(), n); err != nil {
		p.notice = tr("Your note could not be saved: ") + plain(err)
	}
}

func (p *talkPage) onNote(ctx app.Context, ev app.Event) {
	n, _ := p.agenda.Note(p.event.Key())
	n.Text = ctx.JSSrc().Get("value").String()
	p.saveNote(n)
}

// onRate sets the rating; choosing the current rating again clears it.
func (p *talkPage) onRate(ctx app.Context, ev app.Event) {
	r, _ := strconv.Atoi(ctx.JSSrc().Get("dataset").Get("rating").String())
	n, _ := p.agenda.Note(p.event.Key())
	if n.Rating == r {
		r = 0
	}
	n.Rating = r
	p.saveNote(n)
}

func (p *talkPage) onDismiss(ctx app.Context, e app.Event) {
	p.notice = dismissChange(ctx, p.conf, p.agenda)
}
