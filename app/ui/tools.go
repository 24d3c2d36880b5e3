package ui

import (
	"time"

	"companion/app/agenda"
	"companion/app/ical"
	"companion/app/share"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Everything the attendee can take out of the app, made on the device and
// working offline: the calendar file, a share link and its QR code, the
// notes report, and a backup of everything (with its restore).

// alarmBefore is when the calendar reminds before a talk.
const alarmBefore = 10 * time.Minute

func origin() string {
	if app.IsServer {
		return ""
	}
	return jsGlobal("location").Get("origin").String()
}

// calendarFile is the .ics of events.
func calendarFile(c *schedule.Conference, events []*schedule.Event) string {
	base := origin()
	return ical.Calendar(c, events, ical.Options{
		Link:   func(e *schedule.Event) string { return base + talkURL(c, e) },
		Text:   func(s string) string { return joinParagraphs(paragraphs(s)) },
		Alarm:  alarmBefore,
		Replay: tr("Replay"),
		Now:    time.Now(),
	})
}

func joinParagraphs(ps []string) string {
	out := ""
	for i, p := range ps {
		if i > 0 {
			out += "\n\n"
		}
		out += p
	}
	return out
}

func (p *agendaPage) tools(current []*schedule.Event) app.UI {
	c, a := p.conf, p.agenda
	disabled := app.IsServer
	return sectionClass("agenda-tools").Aria("labelledby", "tools-title").Body(
		app.H2().ID("tools-title").Text(tr("Take it with you")),
		divClass("tool-row").Body(
			typeButton().ID("export-ics").Disabled(disabled || len(current) == 0).
				Text(tr("Add to my calendar (.ics)")).
				OnClick(func(ctx app.Context, e app.Event) {
					download(c.Acronym+"-agenda.ics", "text/calendar", calendarFile(c, current))
				}),
			typeButton().ID("share").Disabled(disabled || a.Len() == 0).
				Aria("expanded", p.share != "").Aria("controls", "share-panel").
				Text(tr("Share my selection")).
				OnClick(func(ctx app.Context, e app.Event) {
					if p.share != "" {
						p.share = ""
						return
					}
					p.share = share.Link(origin(), c, a.Keys())
				}),
			typeButton().ID("export-notes").Disabled(disabled || len(a.NoteKeys()) == 0).
				Text(tr("My notes as Markdown")).
				OnClick(func(ctx app.Context, e app.Event) {
					download(c.Acronym+"-notes.md", "text/markdown", agenda.ReportIn(uiLang, c, a, time.Now()))
				}),
		),
		app.If(p.share != "", func() app.UI { return sharePanel(p.share) }),
		app.H3().Text(tr("Keep it safe")),
		pText("lede", tr("A backup holds your stars, notes and ratings for every conference, in one file you can keep or move to another phone.")),
		divClass("tool-row").Body(
			typeButton().ID("backup").Disabled(disabled).Text(tr("Back up everything")).
				OnClick(func(ctx app.Context, e app.Event) {
					file, err := agenda.Backup(browserStorage{}, time.Now())
					if err != nil {
						p.notice = tr("The backup could not be made.")
						return
					}
					download("companion-backup-"+fileStamp()+".json", "application/json", file)
				}),
			app.Label().For("restore").Class("file-button").Body(
				app.Text(tr("Restore from a backup")),
				app.Input().Type("file").ID("restore").Accept(".json,application/json").Disabled(disabled).
					OnChange(p.onRestore),
			),
		),
	)
}

// onRestore reads the chosen backup file and merges it into every
// conference's agenda.
func (p *agendaPage) onRestore(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if !files.Truthy() || files.Get("length").Int() == 0 {
		return
	}
	input := ctx.JSSrc()
	files.Index(0).Call("text").Then(func(v app.Value) {
		text := v.String()
		ctx.Dispatch(func(ctx app.Context) {
			input.Set("value", "")
			r, err := agenda.Restore(browserStorage{}, text)
			switch {
			case err == agenda.ErrNotBackup:
				p.notice = tr("This file is not a backup made by this app.")
				return
			case err != nil:
				p.notice = tr("The backup could not be restored: ") + plain(err)
				return
			}
			reopenAgendas()
			p.load(ctx)
			p.notice = trf("Backup restored: %s and %s added, over %s.",
				trn(r.Stars, "%d star", "%d stars", r.Stars), trn(r.Notes, "%d note", "%d notes", r.Notes),
				trn(r.Conferences, "%d conference", "%d conferences", r.Conferences))
		})
	})
}

// reopenAgendas forgets the agendas read so far, after storage changed
// under them.
func reopenAgendas() {
	for k := range agendas {
		delete(agendas, k)
		delete(agendaNotices, k)
	}
}

// sharePanel shows a share link as text to copy and as a QR code to scan.
func sharePanel(link string) app.UI {
	q, err := share.NewQR(link)
	return divClass("share-panel").ID("share-panel").Body(
		app.Label().For("share-link").Text(tr("Link to your selection")),
		app.Input().Type("url").ID("share-link").ReadOnly(true).Value(link),
		typeButton().ID("copy-share").Text(tr("Copy the link")).
			OnClick(func(ctx app.Context, e app.Event) {
				if cb := jsGlobal("navigator").Get("clipboard"); cb.Truthy() {
					cb.Call("writeText", link)
				}
			}),
		app.If(err == nil, func() app.UI { return qrCode(q, tr("QR code of the link to your selection")) }),
		app.If(err != nil, func() app.UI {
			return app.P().Text(tr("The selection is too large for a QR code: share the link."))
		}),
	)
}

const svgNS = "http://www.w3.org/2000/svg"

// qrCode draws a QR code as SVG: one path of digits and commands.
func qrCode(q share.QR, label string) app.UI {
	return app.Elem("svg").XMLNS(svgNS).Class("qr").
		Attr("viewBox", q.ViewBox()).Attr("role", "img").Aria("label", label).
		Body(
			app.Elem("rect").XMLNS(svgNS).Attr("width", "100%").Attr("height", "100%").Attr("fill", "#fff"),
			app.Elem("path").XMLNS(svgNS).Attr("d", q.SVGPath()).Attr("fill", "#000"),
		)
}
