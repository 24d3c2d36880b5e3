package ui

import (
	"strings"
	"time"

	"companion/app/agenda"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// agendaCard is an event of the attendee's agenda: the schedule's card
// with the flags that concern this attendee above it.
func agendaCard(c *schedule.Conference, e *schedule.Event, starred bool, onStar app.EventHandler, flags ...app.UI) app.UI {
	class := "card"
	if e.Plenary() {
		class += " card-plenary"
	}
	lang := primaryLanguage(e.Language)
	body := append(flags,
		divClass("card-meta").Body(
			roomChips(c, e),
			spanText("when", timeRange(c, e)),
		),
		app.H3().Class("card-title").Lang(lang).Body(
			aText(talkURL(c, e), e.Title),
		),
		app.If(len(e.Persons) > 0, func() app.UI {
			return pText("speakers", speakerLine(e))
		}),
		starButton(e.Key(), e.Title, starred, onStar),
	)
	return liClass(class).DataSet("key", e.Key()).Style("--room", roomColor(c, e.Room())).Body(body...)
}

// changeFlag says how a starred talk changed, with a button to dismiss it.
func changeFlag(c *schedule.Conference, ch agenda.Change, onDismiss app.EventHandler) app.UI {
	words := changeWords(c, ch)
	return divClass("changed").Role("note").Body(
		app.Span().Text(capitalize(words)+"."),
		typeButton().Class("dismiss").DataSet("key", ch.Key).
			Aria("label", trf("Dismiss: %s", words)).Text(tr("OK")).OnClick(onDismiss),
	)
}

// dismissChange dismisses the change flag of the button's event.
func dismissChange(ctx app.Context, c *schedule.Conference, a *agenda.Agenda) string {
	key := ctx.JSSrc().Get("dataset").Get("key").String()
	for _, ch := range a.Changes(c) {
		if ch.Key == key {
			if err := a.Dismiss(ch); err != nil {
				return tr("This could not be saved: ") + plain(err)
			}
		}
	}
	return ""
}

// conflictFlag names the starred talks that overlap e and what else the
// attendee could do: the same talk given again, later talks of its track,
// its replay.
func conflictFlag(c *schedule.Conference, e *schedule.Event, clashes, starred []*schedule.Event) app.UI {
	alts := agenda.Alternatives(c, e, starred)
	replay, hasReplay := e.Replay()
	if !strings.HasPrefix(replay.URL, "https://") && !strings.HasPrefix(replay.URL, "http://") {
		hasReplay = false
	}
	return divClass("conflict").Role("note").Body(
		pClass("conflict-title").Body(
			spanClass("flag-icon").Aria("hidden", "true").Text("⚠ "),
			app.Text(tr("Overlaps with ")),
			app.Range(clashes).Slice(func(i int) app.UI {
				o := clashes[i]
				sep := ""
				if i > 0 {
					sep = tr(" and ")
				}
				return app.Span().Body(
					app.Text(sep),
					aText(talkURL(c, o), o.Title),
					app.Text(" ("+joinRooms(o.Rooms)+", "+timeRange(c, o)+")"),
				)
			}),
		),
		app.If(len(alts) > 0 || hasReplay, func() app.UI {
			return ulClass("alternatives").Aria("label", trf("Alternatives to %s", e.Title)).Body(
				app.Range(alts).Slice(func(i int) app.UI {
					a := alts[i].Event
					why := tr("Same track, later: ")
					if alts[i].Repeat {
						why = tr("Given again: ")
					}
					return app.Li().Body(
						app.Text(why),
						aText(talkURL(c, a), a.Title),
						app.Text(" ("+whenLabel(c, a, e)+", "+joinRooms(a.Rooms)+")"),
					)
				}),
				app.If(hasReplay, func() app.UI {
					return app.Li().Body(
						app.Text(tr("Watch it later: ")),
						aHref(replay.URL).Rel("noopener").Target("_blank").Text(tr("the replay")),
					)
				}),
			)
		}),
	)
}

// whenLabel is an event's time, with its own date (see dateLabel) when
// not that of ref.
func whenLabel(c *schedule.Conference, e, ref *schedule.Event) string {
	if date := shortDate(c, e.Start); date != shortDate(c, ref.Start) {
		return date + " " + timeRange(c, e)
	}
	return timeRange(c, e)
}

// gapItem is free time between two starred talks, with what the schedule
// offers meanwhile.
func gapItem(c *schedule.Conference, g agenda.Gap) app.UI {
	text := trf("%s free, %s", durationLabel(g.Duration()), clock(c, g.Start)+"–"+clock(c, g.End))
	var during []string
	for _, o := range g.During {
		during = append(during, o.Title+" ("+clock(c, o.Start)+", "+joinRooms(o.Rooms)+")")
	}
	if len(during) > 0 {
		text += ": " + strings.Join(during, ", ")
	} else {
		text += ": " + tr("time for a coffee or the sponsor hall")
	}
	return liClass("gap").Text(text)
}

func durationLabel(d time.Duration) string {
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	switch {
	case h == 0:
		return itoa(m) + " min"
	case m == 0:
		return itoa(h) + " h"
	}
	return itoa(h) + " h " + pad2(m)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

// The whole schedule's changes since the attendee last looked, computed
// once per schedule.
var changesCache = map[string]struct {
	conf    *schedule.Conference
	changes []agenda.Change
	since   time.Time
}{}

// scheduleChanges returns the schedule's changes since the attendee last
// looked; the first look is the baseline. There are none until the
// schedule is settled (see settled): the one built into the app, shown
// while the live one is on its way, may be older than the baseline, and
// its differences from it ("moved back") are not changes.
func scheduleChanges(c *schedule.Conference) ([]agenda.Change, time.Time) {
	if app.IsServer || !settled[c.Acronym] {
		return nil, time.Time{}
	}
	if x, ok := changesCache[c.Acronym]; ok && x.conf == c {
		return x.changes, x.since
	}
	b, ok := agenda.LoadBaseline(browserStorage{}, c.Acronym)
	if !ok {
		b = agenda.BaselineOf(c, time.Now().UTC())
		b.Save(browserStorage{}, c.Acronym)
	}
	changes := b.Diff(c)
	changesCache[c.Acronym] = struct {
		conf    *schedule.Conference
		changes []agenda.Change
		since   time.Time
	}{c, changes, b.At}
	return changes, b.At
}

// markScheduleSeen makes the schedule as it is now the baseline.
func markScheduleSeen(c *schedule.Conference) error {
	delete(changesCache, c.Acronym)
	return agenda.BaselineOf(c, time.Now().UTC()).Save(browserStorage{}, c.Acronym)
}

// scheduleChangesLink points to the list of the schedule's changes when
// there are any.
func scheduleChangesLink(c *schedule.Conference) app.UI {
	changes, _ := scheduleChanges(c)
	if len(changes) == 0 {
		return nil
	}
	return pClass("changes-link").Body(
		aHref(withConf(PathChanges, c.Acronym, nil)).
			Text(trn(len(changes), "%d change in the schedule since you last looked: see what changed", "%d changes in the schedule since you last looked: see what changed", len(changes))),
	)
}
