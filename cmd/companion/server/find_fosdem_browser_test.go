package server_test

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"testing"

	finder "companion/app/find"
	"companion/data/export"
	"companion/data/fixtures"
	"companion/data/importer/build"
	"companion/data/importer/pentabarf"
	"companion/data/schedule"

	"github.com/chromedp/chromedp"
)

// Search, filters, a track page and a room page on FOSDEM 2025 (943
// events, 40 rooms), in a real browser. What each should list is read
// from the schedule here, by plain loops.

// fosdemSchedule is FOSDEM 2025 as the served app loads it.
func fosdemSchedule(t testing.TB) *schedule.Conference {
	t.Helper()
	c, err := pentabarf.Import("fosdem", bytes.NewReader(fixtures.Read(t, "fosdem-2025.pentabarf-schedule.xml")), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := export.JSON(c)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := schedule.Parse("fosdem2025.json", string(doc))
	if err != nil {
		t.Fatal(err)
	}
	return loaded
}

func TestBrowserSearchFOSDEM(t *testing.T) {
	srv, _ := fosdemSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "open FOSDEM", chromedp.Navigate(srv.URL+"/?c=fosdem2025"), appLoaded())

	// A speaker's name without its accent finds their talk, the name
	// marked as written.
	typeQuery(t, ctx, "poulhies")
	eventuallyStrings(t, ctx, "a speaker without accent", resultTitles, []string{"Welcome to the GCC (GNU Toolchain) devroom"})
	if got := evalStrings(t, ctx, "marks", marks); !slices.Contains(got, "Poulhiès") {
		t.Errorf("marked %q, want Poulhiès", got)
	}
	// Upper case with an accent; first and last name.
	typeQuery(t, ctx, "GÜNTHER")
	eventuallyStrings(t, ctx, "upper case", resultTitles, []string{"Case Insensitive Trees in CephFS"})
	typeQuery(t, ctx, "jerome poisson")
	eventuallyStrings(t, ctx, "first and last name", resultTitles, []string{"A Universal and Stable API to Everything: XMPP"})
	// An organisation (FOSDEM's data names them in the talks' texts, not
	// beside the speakers).
	typeQuery(t, ctx, "igalia")
	eventuallyStrings(t, ctx, "an organisation", resultTitles, []string{"Getting more juice out from your Raspberry Pi GPU"})
	// Case: eBPF as typed any way, the same talks, marked as written.
	typeQuery(t, ctx, "ebpf")
	eventually(t, ctx, "ebpf", `document.querySelector("main .results-count")?.textContent === "17 talks found"`)
	lower := evalStrings(t, ctx, "ebpf titles", resultTitles)
	typeQuery(t, ctx, "EBPF")
	eventuallyStrings(t, ctx, "EBPF", resultTitles, lower)
	if got := evalStrings(t, ctx, "eBPF marks", marks); !slices.Contains(got, "eBPF") {
		t.Errorf("marked %q", got)
	}

	// The URL keeps the query; a reload shows the same results.
	typeQuery(t, ctx, "spritely")
	eventually(t, ctx, "spritely", `document.querySelector("main .results-count")?.textContent === "6 talks found"`)
	before := evalStrings(t, ctx, "spritely titles", resultTitles)
	if q := evalString(t, ctx, "url", `new URL(location.href).searchParams.get("q")`); q != "spritely" {
		t.Errorf("the URL keeps q=%q", q)
	}
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	eventuallyStrings(t, ctx, "same results after reload", resultTitles, before)
	// And a link with the query opens on them.
	run(t, ctx, "a shared link", chromedp.Navigate(srv.URL+"/?c=fosdem2025&q="+url.QueryEscape("Jérôme Poisson")), appLoaded())
	eventuallyStrings(t, ctx, "the link's results", resultTitles, []string{"A Universal and Stable API to Everything: XMPP"})
}

func TestBrowserFiltersFOSDEM(t *testing.T) {
	c := fosdemSchedule(t)
	srv, _ := fosdemSite(t)
	ctx := newBrowser(t)

	// Two tracks and the room of the first: the eBPF track's talks there
	// (the Go track is elsewhere), on Sunday.
	tracks := finder.Tracks(c)
	ebpf, ok1 := finder.PlaceBySlug(tracks, "ebpf")
	golang, ok2 := finder.PlaceBySlug(tracks, "go")
	if !ok1 || !ok2 {
		t.Fatalf("no eBPF or Go track in %d tracks", len(tracks))
	}
	var room string
	var day int
	for _, e := range c.Events {
		if e.Track == ebpf.Name {
			room, day = e.Room(), e.Day
			break
		}
	}
	var roomSlug string
	for _, r := range finder.Rooms(c) {
		if r.Name == room {
			roomSlug = r.Slug
		}
	}
	var want []string
	for _, e := range c.Days[day].Events {
		if (e.Track == ebpf.Name || e.Track == golang.Name) && slices.Contains(e.Rooms, room) {
			want = append(want, e.Title)
		}
	}
	if len(want) < 2 || roomSlug == "" {
		t.Fatalf("the eBPF track has %d talks in %q", len(want), room)
	}
	u := fmt.Sprintf("%s/?c=fosdem2025&day=%d&track=%s&track=%s&room=%s", srv.URL, c.Days[day].Index, ebpf.Slug, golang.Slug, roomSlug)
	run(t, ctx, "open filtered", chromedp.Navigate(u), appLoaded())
	eventuallyStrings(t, ctx, "tracks and room combine", cardTitles, want)
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	eventuallyStrings(t, ctx, "filters survive a reload", cardTitles, want)

	// Removing the room: both tracks, in every room, that day.
	var both []string
	for _, e := range c.Days[day].Events {
		if e.Track == ebpf.Name || e.Track == golang.Name {
			both = append(both, e.Title)
		}
	}
	run(t, ctx, "remove the room", click(`.active-filters a[aria-label="Remove the filter Room: `+room+`"]`))
	eventuallyStrings(t, ctx, "both tracks", cardTitles, both)
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	eventuallyStrings(t, ctx, "still both tracks", cardTitles, both)

	// The same filters on the grid: the two tracks' rooms only.
	run(t, ctx, "as a grid", click(`nav.view-toggle a:not([aria-current])`))
	var rooms []string
	for _, e := range c.Days[day].Events {
		if (e.Track == ebpf.Name || e.Track == golang.Name) && !slices.Contains(rooms, e.Room()) {
			rooms = append(rooms, e.Room())
		}
	}
	eventually(t, ctx, "the tracks' rooms", fmt.Sprintf(`document.querySelectorAll("#timetable .grid-room").length === %d`, len(rooms)))
}

func TestBrowserTrackAndRoomFOSDEM(t *testing.T) {
	c := fosdemSchedule(t)
	srv, _ := fosdemSite(t)
	ctx := newBrowser(t)

	// The Rust track's page lists its talks, by day.
	rust, ok := finder.PlaceBySlug(finder.Tracks(c), "rust")
	if !ok {
		t.Fatal("no Rust track")
	}
	var want []string
	for _, e := range c.Events {
		if e.Track == rust.Name {
			want = append(want, e.Title)
		}
	}
	run(t, ctx, "the Rust track", chromedp.Navigate(srv.URL+"/track/rust?c=fosdem2025"), appLoadedAnywhere())
	eventuallyStrings(t, ctx, "its talks", cardTitles, want)

	// A room's page lists what happens there.
	room := "UB2.252A (Lameere)"
	var slug string
	for _, r := range finder.Rooms(c) {
		if r.Name == room {
			slug = r.Slug
		}
	}
	var inRoom []string
	for _, e := range c.Events {
		if slices.Contains(e.Rooms, room) {
			inRoom = append(inRoom, e.Title)
		}
	}
	if slug == "" || len(inRoom) == 0 {
		t.Fatalf("no room %q", room)
	}
	run(t, ctx, "the room", chromedp.Navigate(srv.URL+"/room/"+slug+"?c=fosdem2025"), appLoadedAnywhere())
	eventuallyStrings(t, ctx, "its talks", cardTitles, inRoom)
	// From the tracks list to a track.
	run(t, ctx, "tracks", chromedp.Navigate(srv.URL+"/tracks?c=fosdem2025"), appLoadedAnywhere())
	eventually(t, ctx, "every track listed", fmt.Sprintf(`document.querySelectorAll(".places li").length === %d`, len(finder.Tracks(c))))
}
