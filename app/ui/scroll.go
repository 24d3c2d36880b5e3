package ui

import (
	"net/url"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// scrollKeeper makes navigation scroll as people expect: a new page opens
// at its top (go-app keeps the scroll position of the page left), Back and
// Forward return to where the page was scrolled, a reload too, and the
// chosen day tab is scrolled into view. A choice that changes the same
// page (a filter) keeps the place. Each history entry carries its scroll
// position in its state, written as the page scrolls.
type scrollKeeper struct {
	app.Compo
}

var (
	scrollWatched bool
	scrollPending bool
	// scrollPendingHref is the page whose position the pending save is for.
	scrollPendingHref string
	scrollSave        app.Func
	scrollEvent       app.Func
	popEvent          app.Func
	lastPageKey       string
	popped            bool // Back or Forward: restore popY
	popY              = -1
)

func (s *scrollKeeper) Render() app.UI {
	return app.Span().Class("scroll-keeper").Hidden(true)
}

// A page shows its keeper once it has loaded, which may be after its
// navigation: both mounting and navigating settle the scroll, once per
// page change.
func (s *scrollKeeper) OnMount(ctx app.Context) {
	if key := pageKeyOf(ctx.Page().URL()); key != lastPageKey || popped {
		settleScroll(ctx)
	}
}

func (s *scrollKeeper) OnNav(ctx app.Context) { settleScroll(ctx) }

func settleScroll(ctx app.Context) {
	if app.IsServer {
		return
	}
	watchScroll()
	key := pageKeyOf(ctx.Page().URL())
	switch {
	case popped:
		popped = false
		if popY >= 0 {
			restoreScroll(ctx, popY, 0)
		}
	case lastPageKey == "":
		if y, ok := savedScroll(); ok { // a reload
			restoreScroll(ctx, y, 0)
		}
	case key != lastPageKey:
		// An entry that recorded a position was visited before: Back or
		// Forward, whichever of go-app's popstate handler and ours ran
		// first. A new entry opens at its top.
		if y, ok := savedScroll(); ok {
			restoreScroll(ctx, y, 0)
		} else {
			app.Window().Call("scrollTo", 0, 0)
		}
	}
	lastPageKey = key
	// After the page is painted: reading the tabs' places makes the
	// browser lay out the whole page, which would delay that paint.
	afterPaint(ctx, func(ctx app.Context) {
		ctx.PreventUpdate()
		centerCurrentDay()
		viewportSize() // while the page's layout is fresh
	})
}

// pageKeyOf names what counts as another page for scrolling: the path,
// the conference and the day; not a query or a filter.
func pageKeyOf(u *url.URL) string {
	q := u.Query()
	return u.Path + "?" + q.Get(paramConf) + "&" + q.Get(paramDay)
}

// watchScroll records the scroll position in the current history entry,
// at most five times a second.
func watchScroll() {
	if scrollWatched || app.IsServer {
		return
	}
	scrollWatched = true
	history := app.Window().Get("history")
	if history.Get("scrollRestoration").Truthy() {
		history.Set("scrollRestoration", "manual") // this code restores it
	}
	scrollSave = app.FuncOf(func(this app.Value, args []app.Value) any {
		scrollPending = false
		if currentHref() != scrollPendingHref {
			// The page changed meanwhile (a tap on a talk, Back): the
			// position belongs to the entry left, which recorded its own.
			return nil
		}
		state := map[string]any{"y": app.Window().Get("scrollY").Int()}
		app.Window().Get("history").Call("replaceState", state, "")
		return nil
	})
	scrollEvent = app.FuncOf(func(this app.Value, args []app.Value) any {
		if !scrollPending {
			scrollPending = true
			scrollPendingHref = currentHref()
			app.Window().Call("setTimeout", scrollSave, 200)
		}
		return nil
	})
	app.Window().Call("addEventListener", "scroll", scrollEvent, map[string]any{"passive": true})
	popEvent = app.FuncOf(func(this app.Value, args []app.Value) any {
		popped, popY = true, -1
		if y, ok := savedScroll(); ok {
			popY = y
		}
		return nil
	})
	app.Window().Call("addEventListener", "popstate", popEvent)
}

func currentHref() string { return app.Window().Get("location").Get("href").String() }

// savedScroll is the scroll position the current history entry recorded.
func savedScroll() (int, bool) {
	state := app.Window().Get("history").Get("state")
	if !state.Truthy() {
		return 0, false
	}
	y := state.Get("y")
	if y.Type() != app.TypeNumber {
		return 0, false
	}
	return y.Int(), true
}

// restoreScroll scrolls back to y once the page is tall enough for it
// (a schedule still loading is not), trying for about two seconds.
func restoreScroll(ctx app.Context, y, attempt int) {
	ctx.Defer(func(ctx app.Context) {
		doc := app.Window().Get("document").Get("documentElement")
		tall := doc.Get("scrollHeight").Int()-app.Window().Get("innerHeight").Int() >= y
		if tall || attempt >= 20 {
			app.Window().Call("scrollTo", 0, y)
			return
		}
		ctx.After(100*time.Millisecond, func(ctx app.Context) {
			ctx.PreventUpdate()
			restoreScroll(ctx, y, attempt+1)
		})
	})
}

// centerCurrentDay scrolls the day tabs sideways to show the chosen one.
func centerCurrentDay() {
	tab := app.Window().GetElementByID("day-current")
	if !tab.Truthy() {
		return
	}
	nav := tab.Get("parentElement")
	left := tab.Get("offsetLeft").Int() - (nav.Get("clientWidth").Int()-tab.Get("offsetWidth").Int())/2
	nav.Set("scrollLeft", max(left, 0))
}
