package ui

import (
	"companion/app/catalog"
	"companion/app/i18n"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shell lays out every page: a skip link, the top bar with the main
// navigation, the app banner, the page's content and a footer.
func shell(c *schedule.Conference, current string, content ...app.UI) app.UI {
	return divClass("shell").DataSet("conf", c.Acronym).Body(
		app.A().Class("skip-link").Href("#main").Text(tr("Skip to content")),
		app.Header().Class("topbar").Body(
			app.A().Class("brand").Href(scheduleURL(c, 0)).Text(c.Title),
			app.Nav().Aria("label", tr("Main")).Body(
				navLink(scheduleURL(c, 0), tr("Schedule"), current == PathSchedule),
				navLink(agendaURL(c), tr("My agenda"), current == PathAgenda),
				app.If(len(catalog.List()) > 1, func() app.UI {
					return navLink(PathEvents, tr("Events"), current == PathEvents)
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
			settingsUI(c),
			&themeSwitch{},
			app.P().Text(tr("Works offline once opened.")),
			app.If(c.Version != "", func() app.UI {
				return app.P().Text(trf("Schedule version %s", c.Version))
			}),
		),
	)
}

func navLink(href, label string, current bool) app.UI {
	a := aText(href, label)
	if current {
		a = a.Aria("current", "page")
	}
	return a
}

// notLoadedIn is errors.As for the one error type errorPage looks for:
// errors.As links reflection's type comparison (about 8 KB of brotli'd
// app.wasm) for this single use.
func notLoadedIn(err error) *catalog.NotLoadedError {
	switch e := err.(type) {
	case nil:
		return nil
	case *catalog.NotLoadedError:
		return e
	case interface{ Unwrap() error }:
		return notLoadedIn(e.Unwrap())
	case interface{ Unwrap() []error }:
		for _, e := range e.Unwrap() {
			if n := notLoadedIn(e); n != nil {
				return n
			}
		}
	}
	return nil
}

// errorPage is shown when a conference's schedule cannot be read: the
// message names the file, the place and the reason.
func errorPage(err error) app.UI {
	if err == nil {
		return app.Main().ID("main") // not loaded yet: OnNav follows the mount
	}
	if notLoaded := notLoadedIn(err); notLoaded != nil {
		title := notLoaded.Entry.Title
		if unavailable[notLoaded.Entry.Acronym] {
			return app.Main().ID("main").Class("error").Body(
				app.H1().Text(title),
				app.P().Text(tr("This schedule has not been downloaded yet and the network is unreachable. Open it once online and it will be kept for offline use.")),
			)
		}
		return app.Main().ID("main").Aria("busy", "true").Body(
			app.H1().Text(title),
			pText("lede", tr("Loading the schedule…")),
		)
	}
	return app.Main().ID("main").Class("error").Body(
		app.H1().Text(tr("This schedule could not be loaded")),
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
		return divClass("banner-slot")
	}
	return divClass("banner").Role("status").Body(
		app.Span().Text(tr("A new version of the app is ready.")),
		typeButton().ID("reload").Text(tr("Reload")).
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
		return divClass("install-slot")
	case b.apple:
		return divClass("install").Body(
			app.P().Text(tr("Install it: tap Share, then “Add to Home Screen”. It then works offline.")),
			typeButton().Text(tr("Dismiss")).OnClick(b.dismiss),
		)
	}
	return divClass("install").Body(
		app.P().Text(tr("Keep the schedule on your phone, even offline.")),
		typeButton().ID("install").Text(tr("Install the app")).
			OnClick(func(ctx app.Context, e app.Event) { ctx.ShowAppInstallPrompt() }),
	)
}

func (b *installOffer) dismiss(ctx app.Context, e app.Event) {
	b.dismissed = true
	browserStorage{}.Set(hintDismissedKey, "1")
}

// settingsUI is the footer's choices: the interface's language, and the
// clock times are shown on (the conference's, or the device's for someone
// following from afar). Each is a pair of toggle buttons; until the app
// has loaded they are disabled, as they could not be saved yet.
func settingsUI(c *schedule.Conference) app.UI {
	button := func(id, label string, on bool, click app.EventHandler) app.HTMLButton {
		b := typeButton().ID(id).Class("setting").Aria("pressed", on).Text(label)
		if app.IsServer {
			return b.Disabled(true)
		}
		return b.OnClick(click)
	}
	var langs []app.UI
	for _, l := range i18n.Langs {
		l := l
		langs = append(langs, button("lang-"+string(l), l.Name(), l == uiLang, func(ctx app.Context, e app.Event) {
			if l != uiLang {
				setLanguage(ctx, l)
			}
		}).Lang(string(l)))
	}
	device := tr("your time")
	if z := deviceZoneName(); z != "" {
		device = zoneLabelDevice(z)
	}
	return divClass("settings").Body(
		divClass("setting-group").Role("group").Aria("labelledby", "setting-lang").Body(
			app.Span().ID("setting-lang").Class("setting-title").Text(tr("Language")),
			app.Range(langs).Slice(func(i int) app.UI { return langs[i] }),
		),
		divClass("setting-group").Role("group").Aria("labelledby", "setting-zone").Body(
			app.Span().ID("setting-zone").Class("setting-title").Text(tr("Times shown in")),
			button("zone-conference", conferenceZoneLabel(c), !deviceZone, func(ctx app.Context, e app.Event) {
				if deviceZone {
					setDeviceZone(ctx, false)
				}
			}),
			button("zone-device", device, deviceZone, func(ctx app.Context, e app.Event) {
				if !deviceZone {
					setDeviceZone(ctx, true)
				}
			}),
		),
		app.P().ID("zone-now").Class("zone-note").Text(zoneSentence(c)),
	)
}

// zoneSentence says which clock the times are on.
func zoneSentence(c *schedule.Conference) string {
	if deviceZone {
		return trf("Times are in %s, your device's time zone; the conference runs on %s.", zoneLabel(c), conferenceZoneLabel(c))
	}
	return trf("Times are in %s, the conference's time zone.", zoneLabel(c))
}
