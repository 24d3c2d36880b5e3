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
	userMoved         bool // a touch, wheel or key since restoreScroll began
	restoring         int  // counts restoreScroll's starts
	userMove          app.Func
	popped            bool // Back or Forward: restore popSpot
	popSpot           *scrollSpot
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
		if popSpot != nil {
			restoreScroll(ctx, *popSpot, 0)
		}
	case lastPageKey == "":
		if spot, ok := savedScroll(); ok { // a reload
			restoreScroll(ctx, spot, 0)
		}
	case key != lastPageKey:
		// An entry that recorded a position was visited before: Back or
		// Forward, whichever of go-app's popstate handler and ours ran
		// first. A new entry opens at its top.
		if spot, ok := savedScroll(); ok {
			restoreScroll(ctx, spot, 0)
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
	history := jsGlobal("history")
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
		state := map[string]any{"y": jsGlobal("scrollY").Int()}
		if key, top, ok := cardInView(); ok {
			state["card"], state["top"] = key, top
		}
		jsGlobal("history").Call("replaceState", state, "")
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
	userMove = app.FuncOf(func(this app.Value, args []app.Value) any {
		userMoved = true
		return nil
	})
	for _, event := range []string{"wheel", "touchstart", "keydown", "pointerdown"} {
		app.Window().Call("addEventListener", event, userMove, map[string]any{"passive": true})
	}
	popEvent = app.FuncOf(func(this app.Value, args []app.Value) any {
		popped, popSpot = true, nil
		if spot, ok := savedScroll(); ok {
			popSpot = &spot
		}
		return nil
	})
	app.Window().Call("addEventListener", "popstate", popEvent)
}

func currentHref() string { return app.Window().Get("location").Get("href").String() }

// scrollSpot is where a page was scrolled: its offset, and the card read
// at the time with its distance from the top of the screen. The card is
// what counts: a list redrawn after Back lays out the cards far above with
// an estimated height until they are seen again (see .card in app.css), so
// the same offset can show other talks.
type scrollSpot struct {
	y    int
	card string // the address a card's title links to, or ""
	top  int

	restore int // which restoreScroll this is, once started
}

// savedScroll is the scroll position the current history entry recorded.
func savedScroll() (scrollSpot, bool) {
	state := jsGlobal("history").Get("state")
	if !state.Truthy() {
		return scrollSpot{}, false
	}
	y := state.Get("y")
	if y.Type() != app.TypeNumber {
		return scrollSpot{}, false
	}
	spot := scrollSpot{y: y.Int()}
	if card, top := state.Get("card"), state.Get("top"); card.Type() == app.TypeString && top.Type() == app.TypeNumber {
		spot.card, spot.top = card.String(), top.Int()
	}
	return spot, true
}

// cardInView is the card a third of the way down the screen (or just
// below), named by the address its title links to, with its distance
// from the top.
func cardInView() (href string, top int, ok bool) {
	w := app.Window()
	doc := w.Get("document")
	x, h := w.Get("innerWidth").Int()/2, w.Get("innerHeight").Int()
	for _, y := range []int{h / 3, h/3 + 12, h / 2} {
		el := doc.Call("elementFromPoint", x, y)
		if !el.Truthy() {
			continue
		}
		card := el.Call("closest", "li.card")
		if !card.Truthy() {
			continue
		}
		if link := card.Call("querySelector", ".card-title a[href]"); link.Truthy() {
			return link.Call("getAttribute", "href").String(), card.Call("getBoundingClientRect").Get("top").Int(), true
		}
	}
	return "", 0, false
}

// restoreScroll scrolls back to the spot: its card at the same height
// once it is drawn, else its offset once the page is tall enough for it
// (a schedule still loading is not), trying for about two seconds; a
// card found is kept in place for three more.
func restoreScroll(ctx app.Context, spot scrollSpot, attempt int) {
	if attempt == 0 {
		userMoved = false
		restoring++
		spot.restore = restoring
	}
	ctx.Defer(func(ctx app.Context) {
		if spot.restore != restoring {
			return // another page, or the same again, is being restored
		}
		w := app.Window()
		if spot.card != "" {
			// Not a card of a day list's view being replaced (hidden,
			// web/static/cards.js: renew), which may hold the same talk.
			sel := `li.card:not(.retired *) .card-title a[href="` + w.Get("CSS").Call("escape", spot.card).String() + `"]`
			if link := w.Get("document").Call("querySelector", sel); link.Truthy() {
				// Cards around it are laid out at their real height only
				// once near the screen, and a notice may appear above,
				// which moves it: set again while the page settles,
				// unless the attendee scrolls meanwhile.
				if userMoved {
					return // the attendee scrolls: theirs from now on
				}
				card := link.Call("closest", "li.card")
				off := card.Call("getBoundingClientRect").Get("top").Int() - spot.top
				if off != 0 {
					w.Call("scrollTo", 0, w.Get("scrollY").Int()+off)
				}
				if attempt < 30 { // for three seconds: a slow phone draws late
					ctx.After(100*time.Millisecond, func(ctx app.Context) {
						ctx.PreventUpdate()
						restoreScroll(ctx, spot, attempt+1)
					})
				}
				return
			}
		}
		doc := w.Get("document").Get("documentElement")
		tall := doc.Get("scrollHeight").Int()-w.Get("innerHeight").Int() >= spot.y
		if (tall && spot.card == "") || attempt >= 20 {
			w.Call("scrollTo", 0, spot.y)
			return
		}
		ctx.After(100*time.Millisecond, func(ctx app.Context) {
			ctx.PreventUpdate()
			restoreScroll(ctx, spot, attempt+1)
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
