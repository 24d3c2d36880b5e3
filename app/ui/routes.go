// Package ui is the app's pages and components (go-app). The server
// prerenders them and the browser runs them: both call Routes.
package ui

import (
	"net/url"
	"strings"

	"companion/app/catalog"
	"companion/app/share"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The app's paths. A conference other than the default is named by the
// query parameter "c", so that a talk's link stays stable for ever.
const (
	PathSchedule = "/"
	PathAgenda   = "/agenda"
	PathTalk     = "/talk/" // + slug
	PathEvents   = "/events"
	PathChanges  = "/changes"
	PathShare    = share.Path
	PathNow      = "/now"
	PathTracks   = "/tracks"
	PathTrack    = "/track/" // + slug
	PathRooms    = "/rooms"
	PathRoom     = "/room/" // + slug
	PathSpeakers = "/speakers"
	PathSpeaker  = "/speakers/" // + slug
	PathVenue    = "/venue"
	paramConf    = "c"
	paramDay     = "day"
	paramQuery   = "q"
)

// Routes registers every page with go-app. In the browser it also lists
// the conferences served beside the app, and keeps to those the site
// shows, as the server names them in the app's environment.
func Routes() {
	if app.IsClient {
		catalog.RegisterList(app.Getenv(catalog.ServedEnv))
		// The server checked the list; should it name a conference this
		// wasm lacks (another build), every conference stays shown.
		_ = catalog.Only(catalog.OnlyList(app.Getenv(catalog.OnlyEnv)))
		startSettings()
	}
	app.Route(PathSchedule, func() app.Composer { return &schedulePage{} })
	app.Route(PathAgenda, func() app.Composer { return &agendaPage{} })
	app.RouteWithRegexp("^"+PathTalk+"[^/]+$", func() app.Composer { return &talkPage{} })
	app.Route(PathEvents, func() app.Composer { return &eventsPage{} })
	app.Route(PathChanges, func() app.Composer { return &changesPage{} })
	app.Route(PathShare, func() app.Composer { return &sharePage{} })
	app.Route(PathNow, func() app.Composer { return &nowPage{} })
	app.Route(PathTracks, func() app.Composer { return &placesPage{kind: trackPlaces} })
	app.Route(PathRooms, func() app.Composer { return &placesPage{kind: roomPlaces} })
	app.RouteWithRegexp("^"+PathTrack+"[^/]+$", func() app.Composer { return &placePage{kind: trackPlaces} })
	app.RouteWithRegexp("^"+PathRoom+"[^/]+$", func() app.Composer { return &placePage{kind: roomPlaces} })
	app.Route(PathSpeakers, func() app.Composer { return &speakersPage{} })
	app.RouteWithRegexp("^"+PathSpeaker+"[^/]+$", func() app.Composer { return &speakerPage{} })
	app.Route(PathVenue, func() app.Composer { return &venuePage{} })
}

// withConf adds the conference parameter to a path unless it is the default.
func withConf(path, acronym string, extra url.Values) string {
	q := confQuery(acronym, extra)
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// confQuery is a copy of extra naming the conference, unless it is the
// default one.
func confQuery(acronym string, extra url.Values) url.Values {
	q := make(url.Values, len(extra)+1)
	for k, v := range extra {
		q[k] = v
	}
	if acronym != "" && acronym != catalog.Default() {
		q.Set(paramConf, acronym)
	}
	return q
}

func talkURL(c *schedule.Conference, e *schedule.Event) string {
	return withConf(PathTalk+url.PathEscape(e.Slug), c.Acronym, nil)
}

func scheduleURL(c *schedule.Conference, day int) string {
	var q url.Values
	if day > 0 {
		q = url.Values{paramDay: {itoa(day)}}
	}
	return withConf(PathSchedule, c.Acronym, q)
}

func agendaURL(c *schedule.Conference) string {
	return withConf(PathAgenda, c.Acronym, nil)
}

// chosenKey stores the conference the attendee last opened.
const chosenKey = "companion/conference"

// conferenceOf returns the conference a page's URL names. Without one, a
// talk or speaker link means the default conference (links stay stable),
// while the schedule and the agenda open the conference the attendee
// chose last.
func conferenceOf(u *url.URL) (*schedule.Conference, error) {
	return catalog.Get(acronymOf(u))
}

// acronymOf is the acronym of the conference a page's URL names (see
// conferenceOf).
func acronymOf(u *url.URL) string {
	acronym := u.Query().Get(paramConf)
	switch {
	case acronym != "" && catalog.Has(acronym):
		remember(acronym)
	case app.IsClient && !strings.HasPrefix(u.Path, PathTalk) && !strings.HasPrefix(u.Path, PathSpeaker):
		acronym, _ = browserStorage{}.Get(chosenKey)
		if !catalog.Has(acronym) {
			acronym = catalog.Default()
		}
	default:
		acronym = catalog.Default()
	}
	return acronym
}

func remember(acronym string) {
	if app.IsClient {
		browserStorage{}.Keep(chosenKey, acronym)
	}
}
