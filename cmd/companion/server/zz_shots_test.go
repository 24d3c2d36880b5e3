package server_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

func TestZZShots(t *testing.T) {
	srv, _ := fosdemSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "clock", setClock(os.Getenv("SHOT_CLOCK")))
	for _, scheme := range strings.Split(os.Getenv("SHOT_SCHEMES"), ",") {
		run(t, ctx, "scheme", emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
		for _, spec := range strings.Split(os.Getenv("SHOTS"), " ") {
			name, path, _ := strings.Cut(spec, "=")
			pre, script, _ := strings.Cut(path, "|")
			run(t, ctx, "open "+pre, chromedp.Navigate(srv.URL+pre), appLoadedAnywhere())
			time.Sleep(1500 * time.Millisecond)
			if script != "" {
				run(t, ctx, "script", chromedp.Evaluate(script, nil))
				time.Sleep(800 * time.Millisecond)
			}
			var buf []byte
			run(t, ctx, "shot", chromedp.CaptureScreenshot(&buf))
			os.WriteFile("/tmp/shots/"+name+"-"+scheme+".png", buf, 0o644)
		}
	}
}
