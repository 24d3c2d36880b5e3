package ui

import (
	"net/url"
	"strings"
	"unicode"

	"companion/app/catalog"
	"companion/app/find"
	"companion/app/share"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pageParams are the single-valued query parameters a page's rendering
// depends on besides the filters (find.Params), each with what makes a
// value count (others render as if absent); the server renders a page
// once per path and values of these, so that made-up values cost no
// rendering.
var pageParams = map[string]func(string) bool{
	paramConf:        func(v string) bool { return catalog.Has(v) && v != catalog.Default() },
	paramQuery:       func(v string) bool { return len([]rune(v)) <= maxQuery },
	share.ParamTalks: func(v string) bool { return len(v) <= 4096 },
	paramView:        func(v string) bool { return v == viewGrid }, // a list is the page without it
}

// maxQuery bounds a search, in runes.
const maxQuery = 100

// PageKey reports whether u names a page of the app and, if so, the URL
// its server rendering depends on: the path and the parameters pages read,
// in a fixed order. A talk or a speaker that is not in its conference's
// schedule is no page (the server answers 404, which the service worker
// does not keep).
func PageKey(u *url.URL) (string, bool) {
	switch {
	case u.Path == PathSchedule || u.Path == PathAgenda || u.Path == PathEvents || u.Path == PathChanges || u.Path == PathShare ||
		u.Path == PathNow || u.Path == PathTracks || u.Path == PathRooms || u.Path == PathSpeakers || u.Path == PathVenue:
	case strings.HasPrefix(u.Path, PathTrack) || strings.HasPrefix(u.Path, PathRoom):
		if !placeExists(u) {
			return "", false
		}
	case strings.HasPrefix(u.Path, PathSpeaker):
		if speakerOf(u) == nil {
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
	for p, valid := range pageParams {
		if v := u.Query().Get(p); v != "" && valid(v) {
			q.Set(p, v)
		}
	}
	// Filters: only the values the conference knows, in its order.
	if c, err := conferenceOf(u); err == nil {
		find.FromURL(c, u.Query()).Set(c, q)
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
// cleaned of control characters and runs of spaces, and shortened. It
// also gives the page its language and, in that language, the app's
// description (a talk's page then describes the talk).
func setTitle(ctx app.Context, parts ...string) {
	for i, p := range parts {
		parts[i] = cleanTitle(p)
	}
	head := pageHead{strings.Join(parts, " – "), string(uiLang), tr("The conference schedule and your agenda, offline on your phone.")}
	if app.IsClient && head == shownHead {
		return // each costs the page several lookups: ~20 ms on a slow phone
	}
	ctx.Page().SetTitle(head.title)
	ctx.Page().SetLang(head.lang)
	ctx.Page().SetDescription(head.description)
	if app.IsClient {
		shownHead = head
	}
}

// pageHead is what setTitle writes in the page's head; shownHead is what
// it wrote last in the browser, where another filter or day of the same
// page changes none of it.
type pageHead struct{ title, lang, description string }

var shownHead pageHead

func cleanTitle(s string) string { return shorten(oneLine(s), maxTitle) }

// oneLine drops control characters and runs of spaces (keeping the
// no-break spaces of French typography).
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' || unicode.IsControl(r)
	}), " ")
}

// shorten cuts s to n runes, the last an ellipsis.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return s
}

// maxDescription bounds a page's description (link previews show two or
// three lines).
const maxDescription = 200

// setDescription describes the page for link previews, as plain text.
func setDescription(ctx app.Context, text string) {
	if text = shorten(oneLine(text), maxDescription); text != "" {
		ctx.Page().SetDescription(text)
	}
}
