package ui

import (
	"net/url"
	"strings"

	"companion/app/agenda"
	"companion/app/find"
	"companion/app/people"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// talkPage is one event at a stable URL: /talk/{slug}.
type talkPage struct {
	app.Compo
	conf   *schedule.Conference
	err    error
	event  *schedule.Event
	agenda *agenda.Agenda
	notice string
}

func (p *talkPage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *talkPage) OnNav(ctx app.Context) {
	p.load(ctx)
	followSchedule(ctx, keepNotice(&p.notice, p.load), func() { p.notice = updateNotice(p.conf, p.agenda) })
}

func (p *talkPage) load(ctx app.Context) {
	if !p.read(ctx.Page().URL()) {
		return
	}
	if p.event != nil {
		setTitle(ctx, p.event.Title, p.conf.Title)
		setDescription(ctx, strings.Join(paragraphs(p.event.Subtitle+"\n\n"+p.event.Abstract), " "))
	} else {
		setTitle(ctx, tr("Not found"), p.conf.Title)
	}
}

// read finds the page's conference, the attendee's agenda and the event
// its URL names (by slug, or by guid); it reports whether the conference
// was found.
func (p *talkPage) read(u *url.URL) bool {
	if p.conf, p.err = conferenceOf(u); p.err != nil {
		return false
	}
	p.agenda, p.notice = agendaFor(p.conf)
	slug, _ := url.PathUnescape(strings.TrimPrefix(u.Path, PathTalk))
	if p.event = p.conf.EventBySlug(slug); p.event == nil {
		p.event = p.conf.Event(slug)
	}
	return true
}

func (p *talkPage) onStar(ctx app.Context, e app.Event) {
	p.notice = toggleStar(ctx, p.conf, p.agenda)
}

func (p *talkPage) Render() app.UI {
	if p.err != nil || p.conf == nil {
		return errorPage(p.err)
	}
	c, e := p.conf, p.event
	if e == nil {
		return shell(c, "",
			h1Class("page-title").Text(tr("This talk is not in the schedule")),
			app.P().Body(
				app.Text(tr("It may have been removed or renamed. ")),
				aText(scheduleURL(c, 0), tr("See the whole schedule")),
				app.Text(tr(" or ")),
				aText(agendaURL(c), tr("your agenda")),
				app.Text("."),
			),
		)
	}
	lang := primaryLanguage(e.Language)
	day := c.Days[e.Day]
	return shell(c, "",
		navClass("crumbs").Aria("label", tr("Breadcrumb")).Body(
			aText(scheduleURL(c, day.Index), "← "+trf("%s schedule", shortDayLabel(day))),
		),
		app.Article().Class("talk").Body(
			app.If(e.Type != "", func() app.UI {
				return pText("kicker", typeLabel(e))
			}),
			h1Class("page-title").Lang(lang).Text(e.Title),
			app.If(e.Subtitle != "", func() app.UI {
				return pClass("subtitle").Lang(lang).Text(e.Subtitle)
			}),
			noticeUI(p.notice),
			app.Dl().Class("facts").Body(
				app.Dt().Text(tr("When")),
				app.Dd().Body(
					// The event's own date: a talk at 04:30 in the night after
					// day 1 is listed under day 1 but is on the next date.
					app.Text(dateLabel(c, e.Start)+" · "),
					app.Time().DateTime(isoTime(c, e.Start)).Text(clock(c, e.Start)),
					app.Text("–"),
					app.Time().DateTime(isoTime(c, e.End)).Text(clock(c, e.End)),
					spanText("zone", " ("+zoneLabel(c)+")"),
				),
				app.Dt().Text(trn(len(e.Rooms), "Room", "Rooms")),
				app.Dd().Body(
					roomChips(c, e),
					app.If(e.Plenary(), func() app.UI {
						return spanText("plenary-note", " "+tr("shown in every one of these rooms"))
					}),
				),
				app.If(e.Language != "", func() app.UI {
					return app.Div().Body(app.Dt().Text(tr("Language")), app.Dd().Text(languageName(e.Language)))
				}),
				app.If(e.Track != "", func() app.UI {
					return app.Div().Body(app.Dt().Text(tr("Track")), app.Dd().Text(e.Track))
				}),
				app.If(e.DoNotRecord || e.DoNotStream, func() app.UI {
					return app.Div().Body(app.Dt().Text(tr("Recording")), app.Dd().Class("not-recorded").Text(recordingNote(e)))
				}),
			),
			app.If(e.IsSession(), func() app.UI {
				on := p.agenda.Starred(e.Key())
				glyph, status := "☆ "+tr("Star"), tr("Not in your agenda")
				if on {
					glyph, status = "★ "+tr("Star"), tr("In your agenda")
				}
				return pClass("star-row").Body(
					starButton(e.Key(), e.Title, on, p.onStar).Class("star-wide").Text(glyph),
					spanText("star-status", status),
				)
			}),
			p.agendaBlock(),
			app.If(len(e.Persons) > 0, func() app.UI {
				return sectionClass("speakers-block").Body(
					app.H2().Text(trn(len(e.Persons), "Speaker", "Speakers")),
					app.Ul().Body(app.Range(e.Persons).Slice(func(i int) app.UI {
						return person(c, e.Persons[i])
					})),
				)
			}),
			app.If(e.Abstract != "" || e.Details != "", func() app.UI {
				body := append([]app.UI{app.H2().Text(tr("About"))}, richText(e.Abstract)...)
				body = append(body, richText(e.Details)...)
				return sectionClass("abstract").Lang(lang).Body(body...)
			}),
			links(e),
		),
	)
}

// person is a speaker of the talk: their name links to their page.
func person(c *schedule.Conference, p schedule.Person) app.UI {
	role := strings.Trim(p.Position+", "+p.Organization, ", ")
	if role == "" {
		role = p.Biography
	}
	name := app.Strong().Text(p.Name)
	if sp := people.Of(c).Of(p); sp != nil {
		name = app.Strong().Body(aText(speakerURL(c, sp), p.Name))
	}
	return app.Li().Body(
		name,
		app.If(role != "", func() app.UI { return spanText("role", " — "+role) }),
	)
}

// recordingNote says that a talk will have no recording (and so no
// replay), or no stream.
func recordingNote(e *schedule.Event) string {
	switch {
	case e.DoNotRecord && e.DoNotStream:
		return tr("Not recorded, not streamed")
	case e.DoNotRecord:
		return tr("Not recorded: the speakers opted out, there will be no replay")
	}
	return tr("Not streamed")
}

func webLink(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}

// links lists the event's web links; the replay first, in plain words,
// and where to give feedback on the talk. A talk not recorded offers no
// recording link (see Event.Replay).
func links(e *schedule.Event) app.UI {
	var items []schedule.Link
	for _, l := range e.Links {
		if webLink(l.URL) && !(e.DoNotRecord && l.Recording()) {
			items = append(items, l)
		}
	}
	if webLink(e.FeedbackURL) {
		items = append(items, schedule.Link{URL: e.FeedbackURL, Title: tr("Give feedback on this talk"), Type: "feedback"})
	}
	if len(items) == 0 {
		return nil
	}
	return sectionClass("links").Body(
		app.H2().Text(tr("Links")),
		app.Ul().Body(app.Range(items).Slice(func(i int) app.UI {
			l := items[i]
			label := l.Title
			if l.Type == "media" {
				label = tr("Watch the replay")
				if l.Title != "" {
					label += " — " + l.Title
				}
			}
			if label == "" {
				label = l.URL
			}
			return app.Li().Body(
				aHref(l.URL).Rel("noopener").Target("_blank").Text(label),
			)
		})),
	)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func capitalize(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToUpper(s[:i]) + s[i:]
		}
	}
	return strings.ToUpper(s)
}

// typeLabel names the event's type: a type the app knows (keynote, talk,
// workshop…) in the interface's language, any other as the data writes it.
func typeLabel(e *schedule.Event) string {
	switch strings.ToLower(strings.TrimSpace(e.Type)) {
	case "keynote":
		return tr(find.Keynote.Label())
	case "talk":
		return tr(find.Talk.Label())
	case "workshop":
		return tr(find.Workshop.Label())
	case "lightning", "lightning talk", "lightning_talk":
		return tr(find.Lightning.Label())
	case "break":
		return tr(find.Break.Label())
	}
	return capitalize(e.Type)
}
