package ui

import (
	"sync"
	"time"

	"companion/app/agenda"
	"companion/app/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The interface's language and the zone times are shown in, for the whole
// page load. In the browser they come from the attendee's choice (kept in
// localStorage), else the browser's languages; on the server the page is
// rendered in the language RenderIn names, and always in the conference's
// zone (the device's zone is only known in the browser).
var (
	uiLang     = i18n.Default
	deviceZone bool
)

const (
	langKey = "companion/lang"
	zoneKey = "companion/zone" // "device" shows times in the device's zone
)

func tr(msg string) string                          { return uiLang.T(msg) }
func trf(msg string, args ...any) string            { return uiLang.F(msg, args...) }
func trn(n int, one, other string, a ...any) string { return uiLang.N(n, one, other, a...) }

// Lang is the language pages are rendered in.
func Lang() i18n.Lang { return uiLang }

// startSettings reads the attendee's language and zone in the browser and
// marks the document with its language.
func startSettings() {
	if l, ok := (browserStorage{}).Get(langKey); ok {
		if m, ok := i18n.Match(l); ok {
			uiLang = m
		}
	} else {
		var tags []string
		nav := jsGlobal("navigator")
		if list := nav.Get("languages"); list.Truthy() {
			for i := 0; i < list.Length(); i++ {
				tags = append(tags, list.Index(i).String())
			}
		}
		if l := nav.Get("language"); l.Truthy() {
			tags = append(tags, l.String())
		}
		uiLang = i18n.Negotiate(tags...)
	}
	jsGlobal("document").Get("documentElement").Set("lang", string(uiLang))
	z, _ := browserStorage{}.Get(zoneKey)
	deviceZone = z == "device"
}

// setLanguage remembers the attendee's language and reloads the page in it:
// every text on the page changes, and a reload is the one way to redraw
// all of it (it is rare, and the app starts from its cache).
func setLanguage(ctx app.Context, l i18n.Lang) {
	browserStorage{}.Set(langKey, string(l))
	ctx.Reload()
}

// setDeviceZone remembers whether times show in the device's zone.
func setDeviceZone(ctx app.Context, on bool) {
	if on {
		browserStorage{}.Set(zoneKey, "device")
	} else {
		browserStorage{}.Remove(zoneKey)
	}
	ctx.Reload()
}

// The server renders pages concurrently: pages in one language may render
// together, and one in the other language waits for them to finish, so
// that uiLang never changes under a render. Once a render waits for the
// other language, new renders of the current one queue behind it, and the
// last render out hands the turn over, so that neither language starves.
var gate struct {
	sync.Mutex
	cond    *sync.Cond
	current i18n.Lang // the language rendering, or whose turn is next
	busy    int
	waiting map[i18n.Lang]int
}

// RenderIn runs render (a server rendering of pages) in language l.
func RenderIn(l i18n.Lang, render func()) {
	gate.Lock()
	if gate.cond == nil {
		gate.cond = sync.NewCond(&gate.Mutex)
		gate.waiting = map[i18n.Lang]int{}
	}
	gate.waiting[l]++
	for !mayRender(l) {
		gate.cond.Wait()
	}
	gate.waiting[l]--
	if gate.busy == 0 {
		gate.current, uiLang = l, l
	}
	gate.busy++
	gate.Unlock()
	defer func() {
		gate.Lock()
		gate.busy--
		if gate.busy == 0 {
			if next, ok := otherWaiting(gate.current); ok {
				gate.current = next
			}
		}
		gate.cond.Broadcast()
		gate.Unlock()
	}()
	render()
}

// mayRender reports whether a render in l may start now (gate held): in
// its language's turn, joining others only while no other language waits;
// or when nothing renders and nobody waits for the language whose turn it
// is.
func mayRender(l i18n.Lang) bool {
	_, others := otherWaiting(l)
	switch {
	case gate.current == l:
		return gate.busy == 0 || !others
	case gate.busy == 0:
		return gate.waiting[gate.current] == 0
	}
	return false
}

// otherWaiting is a language other than l that a render waits for.
func otherWaiting(l i18n.Lang) (i18n.Lang, bool) {
	for w, n := range gate.waiting {
		if w != l && n > 0 {
			return w, true
		}
	}
	return "", false
}

// deviceZones are the device's zone at each offset seen, by offset.
var deviceZones = map[int]*time.Location{}

// deviceTime is t on the device's clock. The browser knows the device's
// zone with its summer time (getTimezoneOffset of that very moment); Go's
// own time.Local in the browser is one fixed offset, and the time zone
// database would add 450 kB to the app.
func deviceTime(t time.Time) time.Time {
	off := -jsGlobal("Date").New(float64(t.UnixMilli())).Call("getTimezoneOffset").Int() * 60
	loc, ok := deviceZones[off]
	if !ok {
		loc = time.FixedZone(deviceZoneName(), off)
		deviceZones[off] = loc
	}
	return t.In(loc)
}

var deviceZoneCache string

// deviceZoneName is the device's IANA zone ("America/New_York"), or "" when
// the browser does not say.
func deviceZoneName() string {
	if deviceZoneCache == "" && app.IsClient {
		defer func() { recover() }()
		v := jsGlobal("Intl").Call("DateTimeFormat").Call("resolvedOptions").Get("timeZone")
		if v.Truthy() {
			deviceZoneCache = v.String()
		}
	}
	return deviceZoneCache
}

// plain says a storage error in the interface's language.
func plain(err error) string { return agenda.PlainIn(uiLang, err) }
