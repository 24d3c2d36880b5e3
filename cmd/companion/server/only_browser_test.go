package server_test

import (
	"testing"

	"companion/app/catalog"
	"companion/cmd/companion/server"

	"github.com/chromedp/chromedp"
)

// A site that shows one conference (companion serve -only) shows it alone
// in the app too: the app keeps to the list the server gives it, not to
// every conference its wasm carries, and opens on that conference.
func TestBrowserOnlyOneConference(t *testing.T) {
	t.Cleanup(func() { catalog.Only(nil) })
	srv := startSite(t, server.Assets{Only: []string{"kubeconeu2019"}})
	ctx := newBrowser(t)
	run(t, ctx, "open the events page", chromedp.Navigate(srv.URL+"/events"),
		pollAcrossLoads(`document.documentElement.dataset.app === "ready" && document.querySelector("li.event-entry") !== null`))
	eventually(t, ctx, "the app lists the one conference", `(() => {
		const entries = [...document.querySelectorAll("li.event-entry")].map(li => li.textContent);
		return entries.length === 1 && entries[0].includes("KubeCon + CloudNativeCon Europe 2019");
	})()`)
	run(t, ctx, "open it from the list", click("li.event-entry a"))
	eventually(t, ctx, "its schedule, in the app", `location.pathname === "/" && document.querySelector(".brand").textContent.includes("KubeCon + CloudNativeCon Europe 2019") && document.querySelector("button.star") !== null`)
}
