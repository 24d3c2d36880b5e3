package server_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	appfind "companion/app/find"
	"companion/app/ui"
	"companion/data"
	"companion/web"

	"golang.org/x/net/html"
)

// What a hostile (or merely unusual) schedule writes, and what the pages
// must show of it: the same strings, as text, never as markup.
const (
	hostileConf   = `Conf "quoted" <b>bold</b> \ 7` + "\u202f" + `mars`
	hostileTitle  = `a"><img src=x onerror="document.title='PWNED'"><script>document.title='PWNED'</script>`
	nbspTitle     = "Kubernetes\u202f: l'art du \\ backslash et des « guillemets »"
	hostileRoom   = `Salle "A" <i>`
	hostileName   = `Ann "the hacker" <script>document.title='PWNED'</script>`
	hostileLink   = `https://example.org/?q="x"&a=<b>`
	hostileBio    = "<script>document.title='PWNED'</script> Bio with [a link](javascript:alert(1)) and <img src=x onerror=alert(1)>."
	hostileOrg    = `Org "x" <b>bold</b> \ 7` + "\u202f" + `mars`
	hostileVenue  = `Venue "x" <script>document.title='PWNED'</script>`
	hostileSpace  = `Space "x" <img src=x onerror=alert(1)>`
	javascriptURL = "javascript:document.title='PWNED'"
)

var longTitle = strings.Repeat("long ", 20000) + "end"

func hostileSchedule() data.File {
	event := func(id int, slug, title, start, room string, extra map[string]any) map[string]any {
		e := map[string]any{
			"guid": fmt.Sprintf("00000000-0000-4000-8000-%012d", id), "id": id,
			"date": "2023-03-07T" + start + ":00+01:00", "start": start, "duration": "00:30",
			"room": room, "slug": slug, "title": title, "subtitle": "", "track": "Sécurité",
			"type": "talk", "language": "fr", "abstract": "<script>document.title='PWNED'</script> Le résumé.",
			"description": "", "persons": []any{}, "links": []any{},
		}
		for k, v := range extra {
			e[k] = v
		}
		return e
	}
	doc := map[string]any{"schedule": map[string]any{"version": `v"1"`, "conference": map[string]any{
		"acronym": "hostile", "title": hostileConf, "start": "2023-03-07", "end": "2023-03-07",
		"daysCount": 1, "timeslot_duration": "00:05", "time_zone_name": "Europe/Paris",
		"rooms":  []any{map[string]any{"name": hostileRoom}, map[string]any{"name": "Bleu"}},
		"tracks": []any{map[string]any{"name": "Sécurité", "color": `red"><script>document.title='PWNED'</script>`}},
		"meta": map[string]any{"room_colors": map[string]any{
			hostileRoom: "red;background:url(https://evil.example/x)",
			"Bleu":      "#1e40af",
		}, "venue": map[string]any{
			"name": hostileVenue, "address": `1 "rue" <b>`, "description": hostileBio, "simulcast": hostileBio,
			"spaces": []any{map[string]any{"name": hostileSpace, "room": hostileRoom, "description": hostileBio}},
		}},
		"days": []any{map[string]any{
			"index": 1, "date": "2023-03-07",
			"day_start": "2023-03-07T08:00:00+01:00", "day_end": "2023-03-07T19:00:00+01:00",
			"rooms": map[string]any{
				hostileRoom: []any{
					event(1, "quote-talk", hostileTitle, "09:00", hostileRoom, map[string]any{
						"persons": []any{map[string]any{"guid": "00000000-0000-4000-8000-100000000001", "name": hostileName,
							"biography": hostileBio, "organization": hostileOrg, "position": `Pos "y" <i>`,
							"avatar": `https://evil.example/a.png" onerror="document.title='PWNED'`}},
						"links": []any{
							map[string]any{"url": javascriptURL, "title": "Click me"},
							map[string]any{"url": hostileLink, "title": `Slides "v2"`},
						},
						"url": javascriptURL,
					}),
					event(2, "long-talk", longTitle, "10:00", hostileRoom, nil),
				},
				"Bleu": []any{event(3, "nbsp-talk", nbspTitle, "09:00", "Bleu", nil)},
			},
		}},
	}}}
	b, err := json.Marshal(doc)
	if err != nil {
		panic(err)
	}
	return data.File{Name: "hostile.json", JSON: string(b)}
}

// parse reads a page as the browser does.
func parse(t *testing.T, srvURL, path string) *html.Node {
	t.Helper()
	res := get(t, srvURL+path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", path, res.Status)
	}
	n, err := html.Parse(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// appScripts are the app's own script files: go-app's two, the queue of
// stars tapped before the app started, and the day list's.
var appScripts = map[string]bool{"/wasm_exec.js": true, "/app.js": true, "/web/taps.js": true, "/web/cards.js": true}

// scripts and handlers: the only scripts are the app's own files and
// theme.js inline (its exact text), and no element has an event-handler
// attribute or a javascript: URL.
func checkNoScript(t *testing.T, page string, n *html.Node) {
	t.Helper()
	walkHTML(n, func(e *html.Node) {
		if e.Data == "script" {
			src := attr(e, "src")
			inlineTheme := src == "" && e.FirstChild != nil && e.FirstChild.Data == web.ThemeScript && e.FirstChild.NextSibling == nil
			if !appScripts[src] && !inlineTheme {
				t.Errorf("%s: a script that is not the app's: %s", page, render(e))
			}
		}
		if e.Data == "img" || e.Data == "iframe" || e.Data == "object" || e.Data == "embed" {
			if !strings.HasPrefix(attr(e, "src"), "/web/") {
				t.Errorf("%s: injected <%s>", page, e.Data)
			}
		}
		for _, a := range e.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("%s: event handler %s=%q on <%s>", page, a.Key, a.Val, e.Data)
			}
			if (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				t.Errorf("%s: javascript: URL in <%s %s>", page, e.Data, a.Key)
			}
			if a.Key == "style" && (strings.Contains(a.Val, "url(") || strings.Contains(a.Val, "evil")) {
				t.Errorf("%s: CSS from the data in <%s style=%q>", page, e.Data, a.Val)
			}
		}
	})
}

func TestHostileScheduleIsText(t *testing.T) {
	srv := newSite(t, hostileSchedule())
	const c = "?c=hostile"
	track, room := appfind.Slug("Sécurité"), appfind.Slug(hostileRoom)
	outside := 0
	for _, path := range everyRoute(t, map[string][]string{
		"PathSchedule": {ui.PathSchedule + c, ui.PathSchedule + c + "&view=grid"},
		"PathAgenda":   {ui.PathAgenda + c},
		"PathTalk":     {ui.PathTalk + "quote-talk" + c, ui.PathTalk + "long-talk" + c, ui.PathTalk + "nbsp-talk" + c},
		"PathEvents":   {ui.PathEvents},
		"PathChanges":  {ui.PathChanges + c},
		"PathShare":    {ui.PathShare + c},
		"PathNow":      {ui.PathNow + c},
		"PathTracks":   {ui.PathTracks + c},
		"PathTrack":    {ui.PathTrack + track + c},
		"PathRooms":    {ui.PathRooms + c},
		"PathRoom":     {ui.PathRoom + room + c, ui.PathRoom + "bleu" + c},
		"PathSpeakers": {ui.PathSpeakers + c},
		"PathSpeaker":  {ui.PathSpeaker + hostileSpeaker + c},
		"PathVenue":    {ui.PathVenue + c},
	}) {
		n := parse(t, srv.URL, path)
		checkNoScript(t, path, n)
		outside += checkOutsideLinksOpenAlone(t, path, n)
	}
	// The talk's link and its abstract's, the venue's map.
	if outside < 3 {
		t.Errorf("%d links to other sites checked, want the talk's, its abstract's and the venue's map at least", outside)
	}

	// The room's and the track's names, as text, in their lists and pages.
	for _, p := range []struct{ list, page, name string }{
		{ui.PathRooms + c, ui.PathRoom + room + c, hostileRoom},
		{ui.PathTracks + c, ui.PathTrack + track + c, "Sécurité"},
	} {
		if a := findHref(parse(t, srv.URL, p.list), p.page); a == nil || !strings.Contains(text(a), p.name) {
			t.Errorf("%s does not link %q to %s: %v", p.list, p.name, p.page, a)
		}
		if got := text(find(parse(t, srv.URL, p.page), "h1")); got != p.name {
			t.Errorf("%s: h1 = %q, want %q", p.page, got, p.name)
		}
	}

	// The talk page: its heading, its title tag and link preview, its star
	// button's name and its links say exactly what the data says.
	n := parse(t, srv.URL, "/talk/quote-talk?c=hostile")
	if got := text(find(n, "h1")); got != hostileTitle {
		t.Errorf("h1 = %q, want %q", got, hostileTitle)
	}
	if got := text(find(n, "title")); got != hostileTitle+" – "+hostileConf {
		t.Errorf("<title> = %q", got)
	}
	if got := metaProperty(n, "og:title"); got != hostileTitle+" – "+hostileConf {
		t.Errorf("og:title = %q", got)
	}
	if b := findAttr(n, "button", "data-key", ""); b == nil || !strings.Contains(attr(b, "aria-label"), hostileTitle) {
		t.Errorf("star button's name does not carry the title: %v", b)
	}
	var hrefs []string
	walkHTML(n, func(e *html.Node) {
		if e.Data == "a" && strings.HasPrefix(attr(e, "href"), "http") {
			hrefs = append(hrefs, attr(e, "href"))
		}
	})
	if !contains(hrefs, hostileLink) {
		t.Errorf("links %q: want %q kept whole", hrefs, hostileLink)
	}
	if !strings.Contains(text(n), hostileName) {
		t.Errorf("the speaker's name is not shown as text")
	}

	// The talk's speaker links to their page, which shows their name,
	// role and biography as text, initials instead of the refused picture.
	if a := findHref(n, "/speakers/"+hostileSpeaker+"?c=hostile"); a == nil || text(a) != hostileName {
		t.Errorf("the talk page does not link the speaker's name to their page: %v", a)
	}
	n = parse(t, srv.URL, "/speakers/"+hostileSpeaker+"?c=hostile")
	if got := text(find(n, "h1")); got != hostileName {
		t.Errorf("speaker h1 = %q, want %q", got, hostileName)
	}
	if got := text(find(n, "title")); got != hostileName+" – "+hostileConf {
		t.Errorf("speaker <title> = %q", got)
	}
	if got := text(find(n, "p.role")); got != `Pos "y" <i>, `+hostileOrg {
		t.Errorf("speaker role = %q", got)
	}
	// The biography holds tags, so it is read as HTML, like an abstract:
	// its text is shown, its script and image are not.
	if got := text(find(n, "section.bio")); !strings.Contains(got, "Bio with [a link](javascript:alert(1)) and .") || strings.Contains(got, "PWNED") {
		t.Errorf("speaker biography = %q", got)
	}
	if got := text(find(n, "div.portrait")); got != "AS" {
		t.Errorf("portrait = %q, want the initials AS (Ann … <script>…)", got)
	}
	if findHref(n, "/talk/quote-talk?c=hostile") == nil {
		t.Error("the speaker page does not link to their talk")
	}
	n = parse(t, srv.URL, "/speakers?c=hostile")
	if got := text(find(n, "ul.speaker-list")); !strings.Contains(got, hostileName) || !strings.Contains(got, hostileOrg) {
		t.Errorf("speaker list = %q", got)
	}
	// The venue: its texts as text, its map links carry the name whole.
	n = parse(t, srv.URL, "/venue?c=hostile")
	if got := text(find(n, "h1")); got != hostileVenue {
		t.Errorf("venue h1 = %q", got)
	}
	for _, want := range []string{`1 "rue" <b>`, hostileSpace, "<script>document.title='PWNED'</script> Bio with [a link](javascript:alert(1))", hostileRoom} {
		if !strings.Contains(text(n), want) {
			t.Errorf("the venue page does not show %q as text", want)
		}
	}
	q := strings.ReplaceAll(url.QueryEscape(hostileVenue+", "+`1 "rue" <b>`), "+", "%20")
	if findHref(n, "geo:0,0?q="+q) == nil || findHref(n, "https://www.openstreetmap.org/search?query="+q) == nil {
		t.Errorf("the map links do not search for the venue's name and address")
	}

	// U+202F and the backslash reach the page as themselves.
	n = parse(t, srv.URL, "/talk/nbsp-talk?c=hostile")
	if got := text(find(n, "h1")); got != nbspTitle {
		t.Errorf("h1 = %q, want %q", got, nbspTitle)
	}
	if got := metaProperty(n, "og:title"); got != nbspTitle+" – "+hostileConf {
		t.Errorf("og:title = %q", got)
	}

	// A 100 kB title is shown whole on its page, and shortened in the tab.
	n = parse(t, srv.URL, "/talk/long-talk?c=hostile")
	if got := text(find(n, "h1")); got != longTitle {
		t.Errorf("h1 is %d bytes, want the whole %d", len(got), len(longTitle))
	}
	if got := text(find(n, "title")); len([]rune(got)) > 200 || !strings.HasSuffix(got, hostileConf) {
		t.Errorf("<title> is %d runes: %.80q", len([]rune(got)), got)
	}

	// The schedule: the room's name in its chips, the dropped colours.
	n = parse(t, srv.URL, "/?c=hostile")
	if !strings.Contains(text(n), hostileRoom) {
		t.Errorf("the room %q is not shown as text", hostileRoom)
	}
	if got := text(find(n, "a.brand")); got != hostileConf {
		t.Errorf("brand = %q", got)
	}
}

// checkOutsideLinksOpenAlone fails on a link to another site that would
// open in the app's window or give the other page a handle on it: every
// http(s) link to another host opens a new tab with rel=noopener. The
// server sends no Cross-Origin-Opener-Policy (see guard.go), so this is
// what keeps the app's window out of reach of the sites the schedule
// links to.
func checkOutsideLinksOpenAlone(t *testing.T, page string, n *html.Node) (links int) {
	t.Helper()
	walkHTML(n, func(e *html.Node) {
		if e.Type != html.ElementNode || e.Data != "a" {
			return
		}
		u, err := url.Parse(attr(e, "href"))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return
		}
		if attr(e, "target") != "_blank" || !slices.Contains(strings.Fields(attr(e, "rel")), "noopener") {
			t.Errorf("%s: the link to %s opens without target=_blank and rel=noopener (target %q, rel %q)", page, u, attr(e, "target"), attr(e, "rel"))
		}
		links++
	})
	return links
}

// A crafted link injects nothing: unknown talks and speakers are 404s,
// with a page that does not repeat the request.
func TestCraftedTalkLink(t *testing.T) {
	srv := newSite(t)
	for _, p := range []string{
		`/talk/a"><img src=x onerror=alert(1)>`,
		`/talk/a%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E`,
		`/talk/keynote-ouverture/extra`,
		`/talk/`,
		`/talk/keynote-ouverture"onmouseover="alert(1)`,
		`/speakers/a"><img src=x onerror=alert(1)>`,
		`/speakers/solomon-hykes"onmouseover="alert(1)`,
		`/speakers/name:solomon hykes`,
		`/speakers/`,
	} {
		res := get(t, srv.URL+(&url.URL{Path: p}).EscapedPath())
		b := body(t, res)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %s, want 404", p, res.Status)
		}
		if strings.Contains(b, "onerror") || strings.Contains(b, "img") || strings.Contains(b, "alert") {
			t.Errorf("%s: the 404 page repeats the request:\n%s", p, b)
		}
	}
}

// craftedValues are query values made to break out of an attribute, run
// script or confuse an escaper; each holds the marker craftedMarker (which
// matches nothing in the schedule), so that wherever a page repeats one it
// can be found.
var craftedValues = []string{
	craftedMarker + `"><img src=x onerror=alert(1)>`,
	"javascript:alert('" + craftedMarker + "')",
	craftedMarker + ` "double" 'single' \back\slash\" \'`,
	craftedMarker + "\u202f: l'art \u00a0\\ « x »\u202f",
	craftedMarker + `' onmouseover='alert(1)' x="`,
}

const craftedMarker = "zq9"

// A crafted query value (?q=, ?t=, ?c=, ?day=) is shown, where a page
// shows it at all, as the very string it is: an attribute that carries it
// equals it (a link carries it as that parameter's value), a text that
// shows it shows all of it, and the page holds no element or attribute
// that it does not hold for a plain value.
func TestCraftedQueryValues(t *testing.T) {
	srv := newSite(t)
	pages := everyRoute(t, map[string][]string{
		"PathSchedule": {ui.PathSchedule, ui.PathSchedule + "?view=grid"},
		"PathAgenda":   {ui.PathAgenda},
		"PathTalk":     {ui.PathTalk + "keynote-ouverture"},
		"PathEvents":   {ui.PathEvents},
		"PathChanges":  {ui.PathChanges},
		"PathShare":    {ui.PathShare},
		"PathNow":      {ui.PathNow},
		"PathTracks":   {ui.PathTracks},
		"PathTrack":    {ui.PathTrack + "reseau-ebpf"},
		"PathRooms":    {ui.PathRooms},
		"PathRoom":     {ui.PathRoom + "bleu"},
		"PathSpeakers": {ui.PathSpeakers},
		"PathSpeaker":  {ui.PathSpeaker + "solomon-hykes"},
		"PathVenue":    {ui.PathVenue},
	})
	shown := 0
	for _, page := range pages {
		sep := "?"
		if strings.Contains(page, "?") {
			sep = "&"
		}
		for _, param := range []string{"q", "t", "c", "day"} {
			plain := shape(parse(t, srv.URL, page+sep+param+"="+craftedMarker))
			for _, v := range craftedValues {
				path := page + sep + param + "=" + url.QueryEscape(v)
				n := parse(t, srv.URL, path)
				checkNoScript(t, path, n)
				for _, extra := range shapeDiff(shape(n), plain) {
					t.Errorf("%s: %s, which the page with a plain value has not", path, extra)
				}
				shown += checkShownWhole(t, path, n, param, v)
			}
		}
	}
	// The speakers' filter shows its query: it must be there, whole, for
	// the checks above to have checked something.
	n := parse(t, srv.URL, "/speakers?q="+url.QueryEscape(craftedValues[0]))
	if got := attr(findAttrValue(n, "input", "id", "speaker-filter"), "value"); got != craftedValues[0] {
		t.Errorf("the speakers' filter holds %q, want %q", got, craftedValues[0])
	}
	if shown == 0 {
		t.Error("no page shows a crafted value: the test checks nothing")
	}
}

// checkShownWhole checks every attribute and text of n that holds the
// marker: an attribute equals v, or is a link whose param is v; a text
// holds v whole (but for the spaces around it, which a search drops). It returns how many it found.
func checkShownWhole(t *testing.T, path string, n *html.Node, param, v string) int {
	t.Helper()
	found := 0
	var rec func(*html.Node)
	rec = func(e *html.Node) {
		switch e.Type {
		case html.TextNode:
			if strings.Contains(e.Data, craftedMarker) {
				found++
				if !strings.Contains(e.Data, strings.TrimSpace(v)) { // a search is trimmed
					t.Errorf("%s: a text shows part of the value: %q", path, e.Data)
				}
			}
		case html.ElementNode:
			for _, a := range e.Attr {
				if !strings.Contains(a.Val, craftedMarker) {
					continue
				}
				found++
				if a.Val == v {
					continue
				}
				if u, err := url.Parse(a.Val); err == nil && (a.Key == "href" || a.Key == "action" || a.Key == "content") && u.Query().Get(param) == v {
					continue
				}
				t.Errorf("%s: <%s %s=%q>, want the value %q whole", path, e.Data, a.Key, a.Val, v)
			}
		}
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return found
}

// shape is the set of element names and element-attribute pairs of a page.
func shape(n *html.Node) map[string]bool {
	s := map[string]bool{}
	walkHTML(n, func(e *html.Node) {
		s["<"+e.Data+">"] = true
		for _, a := range e.Attr {
			s["<"+e.Data+" "+a.Key+">"] = true
		}
	})
	return s
}

// shapeDiff lists what got has that want has not.
func shapeDiff(got, want map[string]bool) []string {
	var extra []string
	for k := range got {
		if !want[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	return extra
}

// findAttrValue returns the first tag element whose key attribute is val.
func findAttrValue(n *html.Node, tag, key, val string) *html.Node {
	var found *html.Node
	walkHTML(n, func(e *html.Node) {
		if found == nil && e.Data == tag && attr(e, key) == val {
			found = e
		}
	})
	if found == nil {
		return &html.Node{}
	}
	return found
}

// everyRoute returns the pages to check, given for each route that
// ui.Routes registers, by the name of its path constant. A route that
// app/ui/routes.go registers and pages lacks fails the test, so that a new
// page is not left out of it silently; so does a name it does not register.
func everyRoute(t *testing.T, pages map[string][]string) []string {
	t.Helper()
	registered := registeredRoutes(t)
	var out []string
	for _, name := range registered {
		if len(pages[name]) == 0 {
			t.Errorf("the route %s (app/ui/routes.go) is not checked: add its pages to the test", name)
		}
		out = append(out, pages[name]...)
	}
	for name := range pages {
		if !contains(registered, name) {
			t.Errorf("%s is no route that app/ui/routes.go registers", name)
		}
	}
	return out
}

// registeredRoutes names the path constant of every route that Routes
// registers in app/ui/routes.go (read as source: go-app keeps its routes
// to itself). A route registered without one fails the test.
func registeredRoutes(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join("..", "..", "..", "app", "ui", "routes.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "Routes" || fn.Recv != nil {
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "app" || !strings.HasPrefix(sel.Sel.Name, "Route") || len(call.Args) == 0 {
				return true
			}
			var found []string
			ast.Inspect(call.Args[0], func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && strings.HasPrefix(id.Name, "Path") {
					found = append(found, id.Name)
				}
				return true
			})
			if len(found) != 1 {
				t.Errorf("%s: a route that names no one Path constant", fset.Position(call.Pos()))
			}
			names = append(names, found...)
			return true
		})
	}
	if len(names) == 0 {
		t.Fatal("no route found in app/ui/routes.go's Routes")
	}
	return names
}

// hostileSpeaker is the page slug of the hostile schedule's speaker.
var hostileSpeaker = appfind.Slug(hostileName)

// findHref returns the first link to href.
func findHref(n *html.Node, href string) *html.Node {
	var found *html.Node
	walkHTML(n, func(e *html.Node) {
		if found == nil && e.Data == "a" && attr(e, "href") == href {
			found = e
		}
	})
	return found
}

func walkHTML(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// find returns the first element matching "tag" or "tag.class".
func find(n *html.Node, sel string) *html.Node {
	tag, class, _ := strings.Cut(sel, ".")
	var found *html.Node
	walkHTML(n, func(e *html.Node) {
		if found == nil && e.Data == tag && (class == "" || strings.Contains(" "+attr(e, "class")+" ", " "+class+" ")) {
			found = e
		}
	})
	return found
}

func findAttr(n *html.Node, tag, key, _ string) *html.Node {
	var found *html.Node
	walkHTML(n, func(e *html.Node) {
		if found == nil && e.Data == tag && hasAttr(e, key) {
			found = e
		}
	})
	return found
}

func metaProperty(n *html.Node, prop string) string {
	var v string
	walkHTML(n, func(e *html.Node) {
		if e.Data == "meta" && attr(e, "property") == prop {
			v = attr(e, "content")
		}
	})
	return v
}

func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return strings.TrimSpace(b.String())
}

func render(n *html.Node) string {
	var b strings.Builder
	html.Render(&b, n)
	return b.String()
}
