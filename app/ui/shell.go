package ui

import (
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shell lays out every page: a skip link, the top bar with the main
// navigation, the app banner, the page's content and a footer.
func shell(c *schedule.Conference, current string, content ...app.UI) app.UI {
	return app.Div().Class("shell").Body(
		app.A().Class("skip-link").Href("#main").Text("Skip to content"),
		app.Header().Class("topbar").Body(
			app.A().Class("brand").Href(scheduleURL(c, 0)).Text(c.Title),
			app.Nav().Aria("label", "Main").Body(
				navLink(scheduleURL(c, 0), "Schedule", current == PathSchedule),
				navLink(agendaURL(c), "My agenda", current == PathAgenda),
			),
		),
		&appBanner{},
		app.Main().ID("main").Body(content...),
		app.Footer().Class("footer").Body(
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
	return app.Main().ID("main").Class("error").Body(
		app.H1().Text("This schedule could not be loaded"),
		app.P().Text(err.Error()),
	)
}

// appBanner offers what the platform allows: reloading into a new
// version, installing the app, or (Safari, which never offers an install
// prompt) how to add it to the home screen.
type appBanner struct {
	app.Compo
	updateReady bool
	installable bool
	apple       bool
	dismissed   bool
}

const hintDismissedKey = "companion/install-hint-dismissed"

func (b *appBanner) OnMount(ctx app.Context) {
	b.updateReady = ctx.AppUpdateAvailable()
	b.installable = ctx.IsAppInstallable()
	b.apple = ctx.IsAppleBrowser()
	_, b.dismissed = browserStorage{}.Get(hintDismissedKey)
}

func (b *appBanner) OnAppUpdate(ctx app.Context) {
	b.updateReady = ctx.AppUpdateAvailable()
	ctx.Update()
}

func (b *appBanner) OnAppInstallChange(ctx app.Context) {
	b.installable = ctx.IsAppInstallable()
	ctx.Update()
}

func (b *appBanner) Render() app.UI {
	switch {
	case b.updateReady:
		return app.Div().Class("banner").Role("status").Body(
			app.Span().Text("A new version of the app is ready."),
			app.Button().Type("button").ID("reload").Text("Reload").
				OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
		)
	case b.installable && !b.apple:
		return app.Div().Class("banner").Body(
			app.Span().Text("Keep the schedule on your phone, even offline."),
			app.Button().Type("button").ID("install").Text("Install the app").
				OnClick(func(ctx app.Context, e app.Event) { ctx.ShowAppInstallPrompt() }),
		)
	case b.installable && b.apple && !b.dismissed:
		return app.Div().Class("banner").Body(
			app.Span().Text("To install: tap Share, then “Add to Home Screen”."),
			app.Button().Type("button").Text("Dismiss").
				OnClick(func(ctx app.Context, e app.Event) {
					b.dismissed = true
					browserStorage{}.Set(hintDismissedKey, "1")
				}),
		)
	}
	return app.Div().Class("banner-slot")
}
