package ui

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pageParams are the query parameters a page's rendering depends on; the
// server renders a page once per path and values of these.
var pageParams = []string{paramConf, paramDay}

// PageKey reports whether u names a page of the app and, if so, the URL
// its server rendering depends on: the path and the parameters pages read,
// in a fixed order. A talk that is not in its conference's schedule is no
// page (the server answers 404, which the service worker does not keep).
func PageKey(u *url.URL) (string, bool) {
	switch {
	case u.Path == PathSchedule || u.Path == PathAgenda || u.Path == PathEvents ||
		u.Path == PathNow || u.Path == PathTracks || u.Path == PathRooms:
	case strings.HasPrefix(u.Path, PathTrack) || strings.HasPrefix(u.Path, PathRoom):
		if !placeExists(u) {
			return "", false
		}
	case strings.HasPrefix(u.Path, PathTalk):
		slug := strings.TrimPrefix(u.Path, PathTalk)
		c, err := conferenceOf(u)
		if slug == "" || strings.Contains(slug, "/") || err != nil ||
			(c.EventBySlug(slug) == nil && c.Event(slug) == nil) {
			return "", false
		}
	default:
		return "", false
	}
	q := url.Values{}
	for _, p := range pageParams {
		if v := u.Query().Get(p); v != "" {
			q.Set(p, v)
		}
	}
	if len(q) == 0 {
		return u.Path, true
	}
	return u.Path + "?" + q.Encode(), true
}

// maxTitle bounds a page title, in runes: a schedule's 100 kB title must
// not become a 100 kB tab name or link preview.
const maxTitle = 120

// setTitle names the page after its parts ("Talk – Conference"), each
// cleaned of control characters and runs of spaces, and shortened.
func setTitle(ctx app.Context, parts ...string) {
	for i, p := range parts {
		parts[i] = cleanTitle(p)
	}
	ctx.Page().SetTitle(strings.Join(parts, " – "))
}

func cleanTitle(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' || unicode.IsControl(r)
	}), " ")
	if r := []rune(s); len(r) > maxTitle {
		s = strings.TrimSpace(string(r[:maxTitle-1])) + "…"
	}
	return s
}
