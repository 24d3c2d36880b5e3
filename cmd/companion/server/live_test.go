package server_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"companion/app/catalog"
	"companion/cmd/companion/server"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// moveEvent rewrites a schedule.json so that the event with that slug
// starts and ends at other times of the same day.
func moveEvent(t *testing.T, doc, slug, from, to string) []byte {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	moved := 0
	for _, day := range v["schedule"].(map[string]any)["conference"].(map[string]any)["days"].([]any) {
		for _, events := range day.(map[string]any)["rooms"].(map[string]any) {
			for _, e := range events.([]any) {
				ev := e.(map[string]any)
				if ev["slug"] != slug {
					continue
				}
				for _, k := range []string{"date", "start", "end"} {
					ev[k] = strings.Replace(ev[k].(string), from, to, 1)
				}
				ev["end"] = strings.Replace(ev["end"].(string), "12:15", "17:15", 1)
				moved++
			}
		}
	}
	if moved == 0 {
		t.Fatalf("no event %s", slug)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A changed schedule on the server reaches the open app, the moved starred
// talk is flagged, and the update is still there offline.
func TestBrowserLiveScheduleUpdate(t *testing.T) {
	dir := t.TempDir()
	srv := startSite(t, server.Assets{ScheduleDir: dir})

	acronym := catalog.Default()
	doc, _ := catalog.Document(acronym)
	const slug = "portail-developpeur-back-market"
	ctx := newBrowser(t)
	star := `button.star[aria-label*="Back Market"]`
	run(t, ctx, "open the talk", chromedp.Navigate(srv.URL+"/talk/"+slug), appLoaded(),
		click(star), chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery),
		workerReady())

	// The organiser moves the talk from 11:35 to 16:35.
	if err := os.WriteFile(filepath.Join(dir, acronym+".json"), moveEvent(t, doc, slug, "T11:35", "T16:35"), 0o644); err != nil {
		t.Fatal(err)
	}

	run(t, ctx, "open My agenda online", chromedp.Navigate(srv.URL+"/agenda"), appLoaded(),
		chromedp.WaitVisible(`.agenda-list .changed`, chromedp.ByQuery))
	note := evalString(t, ctx, "change note", `document.querySelector(".agenda-list .changed").textContent`)
	if !strings.Contains(note, "11:35") || !strings.Contains(note, "16:35") {
		t.Fatalf("the moved talk is flagged %q", note)
	}
	if got := evalString(t, ctx, "notice", `(document.querySelector(".notice")||{}).textContent||""`); !strings.Contains(got, "updated") {
		t.Errorf("no update notice, got %q", got)
	}

	srv.Close()
	run(t, ctx, "go offline", network.Enable(), network.EmulateNetworkConditions(true, 0, 0, 0))
	run(t, ctx, "agenda offline", chromedp.Navigate(srv.URL+"/agenda"), appLoaded(),
		chromedp.WaitVisible(`.agenda-list .changed`, chromedp.ByQuery))
	run(t, ctx, "talk offline", chromedp.Navigate(srv.URL+"/talk/"+slug), appLoaded(),
		chromedp.WaitVisible(`article.talk time[datetime$="16:35:00+01:00"]`, chromedp.ByQuery))
}
