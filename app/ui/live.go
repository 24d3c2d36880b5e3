package ui

import (
	"errors"
	"hash/fnv"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"companion/app/agenda"
	"companion/app/catalog"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The schedule the app was built with is only the start: the server
// serves each conference's current schedule (its service worker keeps the
// last copy for offline use), and the app swaps it in when it changed.

const scheduleAPI = "/api/schedules/"

// recheckAfter spaces the checks: a page change does not refetch.
const recheckAfter = 2 * time.Minute

var lastChecks = map[string]time.Time{}

// unavailable marks served conferences whose schedule could not be
// fetched (offline before the first visit).
var unavailable = map[string]bool{}

// checkForUpdate fetches a conference's current schedule in the
// background and, when it differs from the one shown, swaps it in and
// calls changed on the UI goroutine; news is true the first time this
// attendee sees that version.
//
// A conference served beside the app (not embedded) is fetched at once
// when the app does not hold it yet; first is called with news false when
// it arrives, or with the failure when it cannot be had.
func checkForUpdate(ctx app.Context, acronym string, changed func(ctx app.Context, news bool)) {
	if app.IsServer {
		return
	}
	_, err := catalog.Get(acronym)
	missing := errors.Is(err, catalog.ErrNotLoaded)
	if t, ok := lastChecks[acronym]; ok && time.Since(t) < recheckAfter && !missing {
		if !settled[acronym] {
			// A check is on its way: this page hears when it is over.
			unsettledPages[acronym] = append(unsettledPages[acronym], func() {
				ctx.Dispatch(func(ctx app.Context) { changed(ctx, false) })
			})
		}
		return
	}
	lastChecks[acronym] = time.Now()
	fetchText(scheduleAPI+url.PathEscape(acronym), func(body string, ok bool) {
		if !ok {
			ctx.Dispatch(func(ctx app.Context) {
				first := settle(acronym)
				if missing {
					unavailable[acronym] = true
				}
				if missing || first {
					changed(ctx, false)
				}
			})
			return // offline and nothing kept: the built-in schedule stays
		}
		ctx.Dispatch(func(ctx app.Context) {
			first := settle(acronym)
			delete(unavailable, acronym)
			replaced, err := catalog.Replace(acronym, body)
			if err != nil {
				app.Log("schedule update ignored:", err)
			}
			if !replaced {
				if first {
					changed(ctx, false) // the change flags can show now
				}
				return
			}
			news := markSeen(acronym, body)
			changed(ctx, news && !missing)
		})
	})
}

// A conference's schedule is settled once the app has asked the server
// for its current version (and had it, or failed to). Until then the
// schedule on screen may be the one built into the app, older than the
// one the attendee's stars were last compared with: a change flag drawn
// from it would be false ("moved back"), and would vanish a moment later.
var (
	settled        = map[string]bool{}
	unsettledPages = map[string][]func(){}
)

// settle marks a conference's schedule as settled and tells the pages
// that waited; it reports whether it was the first time.
func settle(acronym string) bool {
	if settled[acronym] {
		return false
	}
	settled[acronym] = true
	waiting := unsettledPages[acronym]
	delete(unsettledPages, acronym)
	for _, notify := range waiting {
		notify()
	}
	return true
}

// flaggedChanges are the changes to flag on the attendee's starred
// talks: none until the conference's schedule is settled.
func flaggedChanges(c *schedule.Conference, a *agenda.Agenda) []agenda.Change {
	if !settled[c.Acronym] {
		return nil
	}
	return a.Changes(c)
}

// followSchedule loads a page again whenever its conference's live
// schedule changes; when that version is news to the attendee, onNews
// (when given) tells them what it did to their agenda.
func followSchedule(ctx app.Context, load func(app.Context), onNews func()) {
	checkForUpdate(ctx, acronymOf(ctx.Page().URL()), func(ctx app.Context, news bool) {
		load(ctx)
		if news && onNews != nil {
			onNews()
		}
	})
}

// keepNotice returns a page's load made to keep the notice on screen: a
// schedule arriving in the background (every page's first check settles
// one) reloads the page, and must not wipe a notice the attendee has not
// read yet, such as what a restore just did. A notice the load itself
// brings (unreadable storage) wins.
func keepNotice(notice *string, load func(app.Context)) func(app.Context) {
	return func(ctx app.Context) {
		shown := *notice
		load(ctx)
		if *notice == "" {
			*notice = shown
		}
	}
}

// markSeen records that the attendee has seen this version of a
// conference's schedule; it reports whether it is new to them.
func markSeen(acronym, body string) bool {
	seenKey := "companion/seen-schedule/" + acronym
	// FNV, not SHA-256: a FOSDEM schedule is 2 MB, and SHA-256 in the
	// browser took 145 ms of a slowed phone's start for a version tag
	// nobody forges.
	h := fnv.New64a()
	h.Write([]byte(body))
	version := "fnv:" + strconv.FormatUint(h.Sum64(), 16)
	seen, _ := browserStorage{}.Get(seenKey)
	browserStorage{}.Set(seenKey, version)
	if seen != "" && !strings.HasPrefix(seen, "fnv:") {
		return false // a tag from an older app: not news, only another sum
	}
	return seen != version
}

// fetchText GETs a URL with the browser's fetch. Go's net/http client
// would do the same but adds megabytes (TLS and all) to the wasm.
func fetchText(url string, done func(body string, ok bool)) {
	var onResponse, onText, onError app.Func
	var once sync.Once
	finish := func(body string, ok bool) {
		once.Do(func() {
			onResponse.Release()
			onText.Release()
			onError.Release()
			done(body, ok)
		})
	}
	onError = app.FuncOf(func(this app.Value, args []app.Value) any {
		finish("", false)
		return nil
	})
	onText = app.FuncOf(func(this app.Value, args []app.Value) any {
		finish(args[0].String(), true)
		return nil
	})
	onResponse = app.FuncOf(func(this app.Value, args []app.Value) any {
		if res := args[0]; res.Get("ok").Bool() {
			res.Call("text").Call("then", onText, onError)
		} else {
			finish("", false)
		}
		return nil
	})
	app.Window().Call("fetch", url).Call("then", onResponse, onError)
}

// agendaChanges counts the starred events that moved, changed room or
// left the schedule since they were starred.
func agendaChanges(c *schedule.Conference, a *agenda.Agenda) (changed, gone int) {
	for _, ch := range flaggedChanges(c, a) {
		if ch.Now == nil {
			gone++
		} else {
			changed++
		}
	}
	return changed, gone
}

func joinRooms(rooms []string) string {
	out := ""
	for i, r := range rooms {
		if i > 0 {
			out += ", "
		}
		out += r
	}
	return out
}

// updateNotice tells the attendee what a schedule update did to their
// agenda.
func updateNotice(c *schedule.Conference, a *agenda.Agenda) string {
	changed, gone := agendaChanges(c, a)
	msg := tr("The schedule was updated.")
	if changed > 0 {
		msg += " " + trn(changed, "%d talk in your agenda changed.", "%d talks in your agenda changed.", changed)
	}
	if gone > 0 {
		msg += " " + trn(gone, "%d talk in your agenda left the schedule.", "%d talks in your agenda left the schedule.", gone)
	}
	if changed+gone > 0 {
		msg += " See My agenda."
	}
	return msg
}
