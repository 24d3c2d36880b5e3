package ui

import (
	"errors"

	"companion/app/catalog"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shell lays out every page: a skip link, the top bar with the main
// navigation, the app banner, the page's content and a footer.
func shell(c *schedule.Conference, current string, content ...app.UI) app.UI {
	return app.Div().Class("shell").DataSet("conf", c.Acronym).Body(
		app.A().Class("skip-link").Href("#main").Text("Skip to content"),
		app.Header().Class("topbar").Body(
			app.A().Class("brand").Href(scheduleURL(c, 0)).Text(c.Title),
			app.Nav().Aria("label", "Main").Body(
				navLink(scheduleURL(c, 0), "Schedule", current == PathSchedule),
				navLink(agendaURL(c), "My agenda", current == PathAgenda),
				app.If(len(catalog.List()) > 1, func() app.UI {
					return navLink(PathEvents, "Events", current == PathEvents)
				}),
			),
		),
		&updateBanner{},
		&reminderBanner{},
		&scrollKeeper{},
		&appReady{},
		app.Main().ID("main").Body(content...),
		app.Footer().Class("footer").Body(
			&installOffer{},
			app.P().Text("Times are in "+zoneLabel(c)+", the conference's time zone. Works offline once opened."),
			app.If(c.Version != "", func() app.UI {
				return app.P().Text("Schedule version " + c.Version)
			}),
		),
	)
}

func navLink(href, label string, current bool) app.UI {
	a := app.A().Href(href).Text(label)
	if current {
		a = a.Aria("current", "page")
	}
	return a
}

// errorPage is shown when a conference's schedule cannot be read: the
// message names the file, the place and the reason.
func errorPage(err error) app.UI {
	if err == nil {
		return app.Main().ID("main") // not loaded yet: OnNav follows the mount
	}
	var notLoaded *catalog.NotLoadedError
	if errors.As(err, &notLoaded) {
		title := notLoaded.Entry.Title
		if unavailable[notLoaded.Entry.Acronym] {
			return app.Main().ID("main").Class("error").Body(
				app.H1().Text(title),
				app.P().Text("This schedule has not been downloaded yet and the network is unreachable. Open it once online and it will be kept for offline use."),
			)
		}
		return app.Main().ID("main").Aria("busy", "true").Body(
			app.H1().Text(title),
			app.P().Class("lede").Text("Loading the schedule…"),
		)
	}
	return app.Main().ID("main").Class("error").Body(
		app.H1().Text("This schedule could not be loaded"),
		app.P().Text(err.Error()),
	)
}

// updateBanner offers to reload into a new version once the service
// worker has fetched it.
type updateBanner struct {
	app.Compo
	ready bool
}

func (b *updateBanner) OnMount(ctx app.Context) { b.ready = ctx.AppUpdateAvailable() }

func (b *updateBanner) OnAppUpdate(ctx app.Context) {
	b.ready = ctx.AppUpdateAvailable()
	ctx.Update()
}

func (b *updateBanner) Render() app.UI {
	if !b.ready {
		return app.Div().Class("banner-slot")
	}
	return app.Div().Class("banner").Role("status").Body(
		app.Span().Text("A new version of the app is ready."),
		app.Button().Type("button").ID("reload").Text("Reload").
			OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
	)
}

// installOffer offers what the platform allows: the browser's install
// prompt, or on Safari (which never offers one) how to add the app to the
// home screen. It sits in the footer: useful, never in the way.
type installOffer struct {
	app.Compo
	installable bool
	apple       bool
	dismissed   bool
}

const hintDismissedKey = "companion/install-hint-dismissed"

func (b *installOffer) OnMount(ctx app.Context) {
	b.installable = ctx.IsAppInstallable()
	b.apple = ctx.IsAppleBrowser()
	_, b.dismissed = browserStorage{}.Get(hintDismissedKey)
}

func (b *installOffer) OnAppInstallChange(ctx app.Context) {
	b.installable = ctx.IsAppInstallable()
	ctx.Update()
}

func (b *installOffer) Render() app.UI {
	switch {
	case !b.installable || b.dismissed:
		return app.Div().Class("install-slot")
	case b.apple:
		return app.Div().Class("install").Body(
			app.P().Text("Install it: tap Share, then “Add to Home Screen”. It then works offline."),
			app.Button().Type("button").Text("Dismiss").OnClick(b.dismiss),
		)
	}
	return app.Div().Class("install").Body(
		app.P().Text("Keep the schedule on your phone, even offline."),
		app.Button().Type("button").ID("install").Text("Install the app").
			OnClick(func(ctx app.Context, e app.Event) { ctx.ShowAppInstallPrompt() }),
	)
}

func (b *installOffer) dismiss(ctx app.Context, e app.Event) {
	b.dismissed = true
	browserStorage{}.Set(hintDismissedKey, "1")
}
