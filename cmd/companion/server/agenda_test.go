package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"companion/app/catalog"
	"companion/cmd/companion/server"

	ics "github.com/arran4/golang-ical"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The attendee's own plan in a real browser: overlaps with alternatives,
// schedule changes flagged with the stars kept, a share link merged, notes
// exported as Markdown, and a backup restored on a cleared device.

// starBySlug stars the talk with that slug from the schedule page and
// returns its key.
func starBySlug(t *testing.T, ctx context.Context, slug string) string {
	t.Helper()
	card := `document.querySelector('main a[href="/talk/` + slug + `"]').closest("li")`
	key := evalString(t, ctx, "find "+slug, card+`.querySelector("button.star").dataset.key`)
	star := `button.star[data-key="` + key + `"]`
	run(t, ctx, "star "+slug, click(star),
		chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))
	return key
}

func TestBrowserAgendaConflict(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	// Two talks at 10:45: observability (Bleu) and multi-cluster ingress (Blanc).
	obs := starBySlug(t, ctx, "observabilite-cout")
	starBySlug(t, ctx, "ingress-multi-clusters-numberly")
	// Two at 13:45: Veepee (Rouge), whose recording the data links, and
	// GitOps (Bleu), which has none.
	veepee := starBySlug(t, ctx, "kubernetes-veepee-way")
	gitops := starBySlug(t, ctx, "gitops-gitlab")

	run(t, ctx, "My agenda", chromedp.Navigate(srv.URL+"/agenda"), appLoaded(),
		chromedp.WaitVisible(`.agenda-list .conflict`, chromedp.ByQuery))
	if n := evalString(t, ctx, "conflicts", `String(document.querySelectorAll(".agenda-list .conflict").length)`); n != "4" {
		t.Fatalf("%s talks flagged as overlapping, want 4", n)
	}
	flag := evalString(t, ctx, "observability's flag", `document.querySelector('li[data-key="`+obs+`"] .conflict').textContent`)
	if !strings.Contains(flag, "Overlaps with") || !strings.Contains(flag, "ingress") && !strings.Contains(flag, "Ingress") {
		t.Fatalf("observability's conflict flag: %q", flag)
	}
	// Its alternative: the later talk of its track (OpenTelemetry, 14:35).
	alt := evalString(t, ctx, "alternatives", `Array.from(document.querySelectorAll('li[data-key="`+obs+`"] .alternatives a')).map(a => a.getAttribute("href")).join(" ")`)
	if !strings.Contains(alt, "/talk/opentelemetry-javascript-tracing") {
		t.Fatalf("alternatives to observability: %q", alt)
	}
	other := evalString(t, ctx, "ingress alternatives", `Array.from(document.querySelectorAll('.conflict .alternatives a')).map(a => a.getAttribute("href")).join(" ")`)
	if !strings.Contains(other, "/talk/revolution-ebpf") {
		t.Fatalf("alternatives: %q", other)
	}
	// Missing Veepee for GitOps, the attendee can watch its replay: the
	// recording the data links, named as such beside the later talks of
	// its track. GitOps has no recording, so no replay is offered.
	const replay = "https://www.youtube.com/watch?v=vD8bVD7-iZo"
	watch := evalString(t, ctx, "Veepee's replay", `(() => {
		const a = document.querySelector('li[data-key="`+veepee+`"] .conflict .alternatives a[href="`+replay+`"]');
		return a ? a.closest("li").textContent : "";
	})()`)
	if !strings.Contains(watch, "Watch it later") || !strings.Contains(watch, "the replay") {
		t.Fatalf("no replay offered as an alternative to Veepee: %q", watch)
	}
	if n := evalString(t, ctx, "GitOps' replay", `String(document.querySelectorAll('li[data-key="`+gitops+`"] .conflict .alternatives a[href*="youtube"]').length)`); n != "0" {
		t.Fatalf("GitOps has no recording, yet %s replay links are offered", n)
	}
	// The lunch gap shows.
	if got := evalString(t, ctx, "gap", `(document.querySelector(".agenda-list .gap")||{}).textContent||""`); !strings.Contains(got, "free") || !strings.Contains(got, "Déjeuner") && !strings.Contains(got, "jeuner") {
		t.Errorf("gap: %q", got)
	}
	// And on the talk's own page, the replay too.
	run(t, ctx, "talk page", chromedp.Navigate(srv.URL+"/talk/observabilite-cout"), appLoaded(),
		chromedp.WaitVisible(`article.talk .conflict .alternatives`, chromedp.ByQuery))
	run(t, ctx, "Veepee's page", chromedp.Navigate(srv.URL+"/talk/kubernetes-veepee-way"), appLoaded(),
		chromedp.WaitVisible(`article.talk .conflict .alternatives a[href="`+replay+`"]`, chromedp.ByQuery))
}

// moveAndCancel rewrites a schedule: the event with slug moved goes to
// another room and time, the one with slug cancelled leaves.
func moveAndCancel(t *testing.T, doc, moved, toRoom, from, to, cancelled string) []byte {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	done := 0
	for _, day := range v["schedule"].(map[string]any)["conference"].(map[string]any)["days"].([]any) {
		rooms := day.(map[string]any)["rooms"].(map[string]any)
		var carry map[string]any
		for room, events := range rooms {
			var kept []any
			for _, e := range events.([]any) {
				ev := e.(map[string]any)
				switch ev["slug"] {
				case moved:
					for _, k := range []string{"date", "end"} {
						ev[k] = strings.Replace(ev[k].(string), from, to, 1)
					}
					ev["start"] = to[1:]
					ev["end"] = strings.Replace(ev["end"].(string), "12:15", "17:15", 1)
					ev["room"] = toRoom
					carry = ev
					done++
				case cancelled:
					done++
				default:
					kept = append(kept, e)
				}
			}
			rooms[room] = kept
		}
		if carry != nil {
			rooms[toRoom] = append(rooms[toRoom].([]any), carry)
		}
	}
	if done != 2 {
		t.Fatalf("rewrote %d events", done)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBrowserAgendaScheduleChanges(t *testing.T) {
	dir := t.TempDir()
	srv := startSite(t, server.Assets{ScheduleDir: dir})
	ctx := newBrowser(t)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	moved := starBySlug(t, ctx, "portail-developpeur-back-market")
	gone := starBySlug(t, ctx, "gitops-gitlab")

	// The organiser moves Back Market from Bleu 11:35 to Rouge 16:35 and
	// drops the GitOps talk: a live update.
	doc, _ := catalog.Document(catalog.Default())
	if err := os.WriteFile(filepath.Join(dir, catalog.Default()+".json"),
		moveAndCancel(t, doc, "portail-developpeur-back-market", "Rouge", "T11:35", "T16:35", "gitops-gitlab"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "My agenda", chromedp.Navigate(srv.URL+"/agenda"), appLoaded(),
		chromedp.WaitVisible(`.agenda-gone .changed`, chromedp.ByQuery))
	note := evalString(t, ctx, "moved flag", `document.querySelector('li[data-key="`+moved+`"] .changed').textContent`)
	if !strings.Contains(note, "Moved from Bleu 11:35 to Rouge 16:35") {
		t.Fatalf("the moved talk is flagged %q", note)
	}
	cancelled := evalString(t, ctx, "cancelled flag", `document.querySelector(".agenda-gone .changed").textContent`)
	if !strings.Contains(cancelled, "Cancelled") {
		t.Fatalf("the dropped talk is flagged %q", cancelled)
	}
	// Both stars kept.
	for _, k := range []string{moved, gone} {
		run(t, ctx, "star kept", chromedp.WaitVisible(`button.star[data-key="`+k+`"][aria-pressed="true"]`, chromedp.ByQuery))
	}
	// The whole schedule's changes.
	run(t, ctx, "what changed", click(`.changes-link a`),
		chromedp.WaitVisible(`.change-list`, chromedp.ByQuery))
	list := evalString(t, ctx, "change list", `document.querySelector(".change-list").textContent`)
	if !strings.Contains(list, "moved from Bleu 11:35 to Rouge 16:35") || !strings.Contains(list, "cancelled") {
		t.Fatalf("what changed: %q", list)
	}
	// From here on every page records each list of changes it shows, if
	// only for a moment; the agenda's link to them shows now.
	run(t, ctx, "watch the changes", watchChanges())
	// Dismissing the flag keeps the star.
	run(t, ctx, "back to the agenda", chromedp.Navigate(srv.URL+"/agenda"), appLoaded(),
		chromedp.WaitVisible(`.changes-link`, chromedp.ByQuery),
		click(`li[data-key="`+moved+`"] .changed button.dismiss`))
	eventually(t, ctx, "flag dismissed", `document.querySelector('li[data-key="`+moved+`"] .changed') === null`)
	// After a reload the app starts on the schedule it was built with (Bleu
	// 11:35) and fetches the live one: no flag, not even a false "moved
	// back" one while the live schedule is on its way.
	run(t, ctx, "reload", chromedp.Navigate(srv.URL+"/agenda"), appLoaded(),
		chromedp.WaitVisible(`li[data-key="`+moved+`"] button.star[aria-pressed="true"]`, chromedp.ByQuery))
	if n := evalString(t, ctx, "flags at start", `String(document.querySelectorAll('li[data-key="`+moved+`"] .changed').length)`); n != "0" {
		t.Fatal("a dismissed flag came back, or a false one was drawn from the built-in schedule")
	}
	eventually(t, ctx, "the live schedule in place", `(document.querySelector('li[data-key="`+moved+`"]')||{}).textContent.includes("Rouge")`)
	if n := evalString(t, ctx, "flags after reload", `String(document.querySelectorAll('li[data-key="`+moved+`"] .changed').length)`); n != "0" {
		t.Fatal("a dismissed flag came back")
	}
	if shown := evalString(t, ctx, "changes the agenda linked to", `window.companionChanges.join(" | ")`); !strings.Contains(shown, "changes in the schedule since you last looked") {
		t.Fatalf("the watcher saw %q: it does not work, or the schedule's changes were lost", shown)
	}

	// "Mark all as seen": the schedule as it is now is what later changes
	// are told against. The list empties, and stays empty after a reload,
	// which starts on the older schedule built into the app: not even for
	// the moment the live one is on its way does a false "moved back" show.
	run(t, ctx, "what changed, reloaded", chromedp.Navigate(srv.URL+"/changes"), appReady(),
		chromedp.WaitVisible(`.change-list`, chromedp.ByQuery))
	run(t, ctx, "mark all as seen", click(`#mark-seen`))
	eventually(t, ctx, "the list emptied", `document.querySelector(".change-list") === null && document.querySelector("#mark-seen") === null &&
		document.querySelector("main .lede").textContent.includes("Nothing changed since you last looked")`)
	for _, page := range []string{"/changes", "/agenda"} {
		run(t, ctx, "reload "+page, chromedp.Navigate(srv.URL+page), appReady())
		// The live schedule arrived and was put in place.
		eventually(t, ctx, page+": the live schedule fetched", `performance.getEntriesByType("resource").some(e => e.name.includes("/api/schedules/"))`)
		if page == "/agenda" {
			eventually(t, ctx, "the live schedule in place", `(document.querySelector('li[data-key="`+moved+`"]')||{}).textContent.includes("Rouge")`)
		} else {
			eventually(t, ctx, "nothing changed", `document.querySelector("main .lede").textContent.includes("Nothing changed since you last looked")`)
		}
		if shown := evalString(t, ctx, page+": changes shown", `window.companionChanges.join(" | ")`); shown != "" {
			t.Fatalf("%s after marking all as seen showed changes: %q", page, shown)
		}
	}
}

// watchChanges records, in every page loaded from now on, the text of each
// list of the schedule's changes (or link to it) the page shows, however
// briefly: window.companionChanges.
func watchChanges() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`(() => {
			window.companionChanges = [];
			const sel = ".change-list, .changes-link";
			const seen = (n) => {
				if (n.nodeType !== 1) return;
				const el = n.matches(sel) ? n : n.querySelector(sel);
				if (el) window.companionChanges.push(el.textContent);
			};
			new MutationObserver((records) => {
				for (const r of records) {
					if (r.type === "attributes") seen(r.target);
					r.addedNodes.forEach(seen);
				}
			}).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
		})()`).Do(ctx)
		return err
	})
}

// appReady waits for the app to have started on a page without stars.
func appReady() chromedp.Action {
	return pollAcrossLoads(`document.getElementById("app-wasm-loader") === null && document.documentElement.dataset.app === "ready"`)
}

// A shared selection opened by another attendee, offline, and merged.
func TestBrowserShareMerge(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	a := starBySlug(t, ctx, "revolution-ebpf")
	b := starBySlug(t, ctx, "kubernetes-veepee-way")
	run(t, ctx, "share", chromedp.Navigate(srv.URL+"/agenda"), appLoaded(),
		click(`#share`), chromedp.WaitVisible(`#share-panel svg.qr`, chromedp.ByQuery))
	link := evalString(t, ctx, "share link", `document.getElementById("share-link").value`)
	if !strings.HasPrefix(link, srv.URL+"/share?") {
		t.Fatalf("share link %q", link)
	}
	if d := evalString(t, ctx, "QR path", `document.querySelector("#share-panel svg.qr path").getAttribute("d")`); !strings.HasPrefix(d, "M4 4h7") {
		t.Fatalf("QR path starts %.20q (a finder pattern is 7 modules wide)", d)
	}

	// Another attendee: an agenda of their own.
	run(t, ctx, "another attendee", chromedp.Evaluate(`localStorage.clear()`, nil),
		chromedp.Navigate(srv.URL+"/"), appLoaded())
	mine := starBySlug(t, ctx, "vpc-kubernetes-scaleway")
	// The link opens offline once the app is installed.
	run(t, ctx, "service worker ready", workerReady())
	srv.Close()
	run(t, ctx, "go offline", network.Enable(), network.EmulateNetworkConditions(true, 0, 0, 0))
	run(t, ctx, "open the link", chromedp.Navigate(link), appLoaded(), chromedp.WaitVisible(`#share-summary`, chromedp.ByQuery))
	if s := evalString(t, ctx, "summary", `document.getElementById("share-summary").textContent`); !strings.Contains(s, "2 talks") {
		t.Fatalf("summary %q", s)
	}
	run(t, ctx, "merge", click(`#share-merge`), chromedp.WaitVisible(`#to-agenda`, chromedp.ByQuery))
	run(t, ctx, "agenda after merge", click(`#to-agenda`),
		chromedp.WaitVisible(`#agenda-summary`, chromedp.ByQuery))
	for _, k := range []string{a, b, mine} {
		run(t, ctx, "merged star", chromedp.WaitVisible(`.agenda-list button.star[data-key="`+k+`"][aria-pressed="true"]`, chromedp.ByQuery))
	}
}

// downloads sends the browser's downloads to a folder.
func downloads(t *testing.T, ctx context.Context) string {
	dir := t.TempDir()
	run(t, ctx, "downloads", browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir))
	return dir
}

// downloaded waits for a file whose name ends with suffix and returns it.
func downloaded(t *testing.T, dir, suffix string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), suffix) {
				p := filepath.Join(dir, e.Name())
				if b, err := os.ReadFile(p); err == nil && len(b) > 0 {
					return p
				}
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("no %s downloaded", suffix)
	return ""
}

func TestBrowserNotesReportAndBackup(t *testing.T) {
	// The schedule check of a page can be held, to restore a backup before
	// it settles (it once wiped the restore's notice as it arrived).
	var hold atomic.Bool
	release := make(chan struct{})
	var answered atomic.Int32
	srv := startWrappedSite(t, server.Assets{}, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.URL.Path, server.SchedulePath) {
				if hold.Load() {
					select {
					case <-release:
					case <-r.Context().Done():
						return
					}
				}
				defer answered.Add(1)
			}
			h.ServeHTTP(w, r)
		})
	})
	var releaseOnce sync.Once
	releaseCheck := func() { releaseOnce.Do(func() { close(release) }) }
	t.Cleanup(releaseCheck) // before the server closes
	ctx := newBrowser(t)
	dir := downloads(t, ctx)
	run(t, ctx, "talk page", chromedp.Navigate(srv.URL+"/talk/portail-developpeur-back-market"), appLoaded(),
		click(`article.talk button.star`),
		chromedp.WaitVisible(`article.talk button.star[aria-pressed="true"]`, chromedp.ByQuery),
		chromedp.SendKeys(`#note-text`, "Backstage templates; coupling scores to pick what leaves the monolith.", chromedp.ByQuery),
		click(`.rating button[data-rating="4"]`),
		chromedp.WaitVisible(`.rating button[data-rating="4"][aria-pressed="true"]`, chromedp.ByQuery))

	run(t, ctx, "export notes", chromedp.Navigate(srv.URL+"/agenda"), appLoaded(),
		click(`#export-notes`))
	b, err := os.ReadFile(downloaded(t, dir, "-notes.md"))
	if err != nil {
		t.Fatal(err)
	}
	report := string(b)
	for _, want := range []string{
		"# KCD France 2023 — my notes",
		"## La plus\\-value d'un portail développeur chez Back Market",
		"- **Speakers:** Sami Farhat",
		"- **Room:** Bleu",
		"- **When:** Tuesday 7 March 2023, 11:35–12:15",
		"- **Rating:** ★★★★☆ (4/5)",
		"Backstage templates; coupling scores to pick what leaves the monolith.",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q:\n%s", want, report)
		}
	}

	// Back up, clear the device, restore.
	run(t, ctx, "back up", click(`#backup`))
	backup := downloaded(t, dir, ".json")
	hold.Store(true)
	run(t, ctx, "clear storage", chromedp.Evaluate(`localStorage.clear()`, nil),
		chromedp.Navigate(srv.URL+"/agenda"),
		chromedp.Poll(`document.getElementById("app-wasm-loader") === null && document.querySelector("#backup:not([disabled])") !== null`, nil, chromedp.WithPollingTimeout(60*time.Second)))
	if got := evalString(t, ctx, "cleared", `document.querySelector("main .lede").textContent`); !strings.Contains(got, "No starred talks") {
		t.Fatalf("after clearing: %q", got)
	}
	const restored = `(document.querySelector(".notice") || {}).textContent || ""`
	run(t, ctx, "restore", chromedp.SetUploadFiles(`#restore`, []string{backup}, chromedp.ByQuery),
		chromedp.Poll(restored+` !== ""`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	if got := evalString(t, ctx, "notice", restored); !strings.Contains(got, "Backup restored: 1 star and 1 note") {
		t.Fatalf("restore said %q", got)
	}
	// The schedule check arrives and reloads the page: the notice stays.
	before := answered.Load()
	releaseCheck()
	deadline := time.Now().Add(20 * time.Second)
	for answered.Load() == before && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if answered.Load() == before {
		t.Fatal("the agenda page's schedule check never came")
	}
	run(t, ctx, "check settled", chromedp.Sleep(time.Second)) // the answer read and dispatched
	if got := evalString(t, ctx, "notice after the check", restored); !strings.Contains(got, "Backup restored: 1 star and 1 note") {
		t.Fatalf("after the schedule check, the notice says %q", got)
	}
	run(t, ctx, "note restored", chromedp.Navigate(srv.URL+"/talk/portail-developpeur-back-market"), appLoaded(),
		chromedp.WaitVisible(`.rating button[data-rating="4"][aria-pressed="true"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`article.talk button.star[aria-pressed="true"]`, chromedp.ByQuery))
	if got := evalString(t, ctx, "note text", `document.getElementById("note-text").value`); !strings.HasPrefix(got, "Backstage templates") {
		t.Fatalf("restored note %q", got)
	}
}

// One talk as a calendar file, made on its page, read back as a calendar
// app reads it: its lasting UID, its times exact (UTC) with the
// conference's zone named, its room, its page and an alarm.
func TestBrowserTalkCalendarFile(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	dir := downloads(t, ctx)
	const slug = "portail-developpeur-back-market"
	run(t, ctx, "talk page", chromedp.Navigate(srv.URL+"/talk/"+slug), appLoaded(), click(`#talk-ics`))
	file := downloaded(t, dir, ".ics")
	if filepath.Base(file) != slug+".ics" {
		t.Errorf("downloaded as %s", filepath.Base(file))
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%v:\n%s", err, b)
	}
	zone := ""
	for _, p := range cal.CalendarProperties {
		if p.IANAToken == "X-WR-TIMEZONE" {
			zone = p.Value
		}
	}
	if zone != "Europe/Paris" {
		t.Errorf("X-WR-TIMEZONE %q, want Europe/Paris", zone)
	}
	events := cal.Events()
	if len(events) != 1 {
		t.Fatalf("%d events in the file, want 1:\n%s", len(events), b)
	}
	ev := events[0]
	prop := func(p ics.ComponentProperty) string {
		if x := ev.GetProperty(p); x != nil {
			return x.Value
		}
		return ""
	}
	if uid := ev.Id(); uid != "2d30182e-48f5-5339-87d3-9d61c270b471@"+catalog.Default()+".companion" {
		t.Errorf("UID %q: not the talk's guid", uid)
	}
	// 11:35–12:15 in Paris, on 7 March 2023 an hour ahead of UTC; written
	// in UTC, so every calendar places it right whatever its own zone.
	paris := time.FixedZone("CET", 3600)
	for _, tc := range []struct {
		p    ics.ComponentProperty
		get  func() (time.Time, error)
		want time.Time
		utc  string
	}{
		{ics.ComponentPropertyDtStart, ev.GetStartAt, time.Date(2023, 3, 7, 11, 35, 0, 0, paris), "20230307T103500Z"},
		{ics.ComponentPropertyDtEnd, ev.GetEndAt, time.Date(2023, 3, 7, 12, 15, 0, 0, paris), "20230307T111500Z"},
	} {
		got, err := tc.get()
		if raw := prop(tc.p); err != nil || !got.Equal(tc.want) || raw != tc.utc {
			t.Errorf("%s %q (%v, %v), want %s: %v", tc.p, raw, got, err, tc.utc, tc.want)
		}
	}
	for p, want := range map[ics.ComponentProperty]string{
		ics.ComponentPropertySummary:  "La plus-value d'un portail développeur chez Back Market",
		ics.ComponentPropertyLocation: "Bleu",
		ics.ComponentPropertyUrl:      srv.URL + "/talk/" + slug,
	} {
		if got := prop(p); got != want {
			t.Errorf("%s %q, want %q", p, got, want)
		}
	}
	if d := prop(ics.ComponentPropertyDescription); !strings.Contains(d, "Sami Farhat") || !strings.Contains(d, "Replay: https://www.youtube.com/watch?v=2XghfHsbRtw") {
		t.Errorf("description %q: no speaker or replay", d)
	}
	alarms := ev.Alarms()
	if len(alarms) != 1 {
		t.Fatalf("%d alarms, want 1", len(alarms))
	}
	for p, want := range map[ics.ComponentProperty]string{ics.ComponentPropertyAction: "DISPLAY", ics.ComponentPropertyTrigger: "-PT10M"} {
		if x := alarms[0].GetProperty(p); x == nil || x.Value != want {
			t.Errorf("alarm %s %v, want %s", p, x, want)
		}
	}
}
