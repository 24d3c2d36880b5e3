package server_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"companion/cmd/companion/server"
	"companion/web"

	"golang.org/x/net/html"
)

// A talk link shared in a chat shows the talk: og:url is the page's real
// absolute URL (its conference included), og:title and og:description are
// the talk's, og:image a real image; without a configured base URL the
// URL and image are left out rather than made up.
func TestLinkPreviews(t *testing.T) {
	h, _, err := server.New(server.Assets{Static: web.Static(), Build: web.Build(), Worker: web.WorkerTemplate, BaseURL: "https://companion.example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	n := parse(t, srv.URL, "/talk/keynote-ouverture")
	if got := metaProperty(n, "og:url"); got != "https://companion.example.org/talk/keynote-ouverture" {
		t.Errorf("og:url %q", got)
	}
	if got := metaProperty(n, "og:title"); got != "Keynote d'ouverture – KCD France 2023" {
		t.Errorf("og:title %q", got)
	}
	if got := metaProperty(n, "og:description"); !strings.HasPrefix(got, "Plénière en trois parties") || len([]rune(got)) > 200 {
		t.Errorf("og:description %q", got)
	}
	img := metaProperty(n, "og:image")
	if img != "https://companion.example.org/web/icons/icon-512.png" {
		t.Errorf("og:image %q", img)
	}
	if res := get(t, srv.URL+strings.TrimPrefix(img, "https://companion.example.org")); img == "" || res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" {
		t.Errorf("og:image is not served as an image: %s %s", res.Status, res.Header.Get("Content-Type"))
	}
	n = parse(t, srv.URL, "/talk/diversity-lunch?c=kubeconeu2019&utm_source=x")
	if got := metaProperty(n, "og:url"); got != "https://companion.example.org/talk/diversity-lunch?c=kubeconeu2019" {
		t.Errorf("another conference's og:url %q", got)
	}

	// Two theme colours, light and dark.
	var themes []string
	walkHTML(n, func(e *html.Node) {
		if e.Data == "meta" && attr(e, "name") == "theme-color" {
			themes = append(themes, attr(e, "media"))
		}
	})
	if strings.Join(themes, ",") != "(prefers-color-scheme: light),(prefers-color-scheme: dark)" {
		t.Errorf("theme-color metas: %q", themes)
	}

	plain := newSite(t)
	n = parse(t, plain.URL, "/talk/keynote-ouverture")
	if got := metaProperty(n, "og:url") + metaProperty(n, "og:image"); got != "" {
		t.Errorf("without a base URL, og:url and og:image are made up: %q", got)
	}

	var manifest map[string]any
	if err := json.Unmarshal([]byte(body(t, get(t, srv.URL+"/manifest.webmanifest"))), &manifest); err != nil {
		t.Fatal(err)
	}
	if manifest["id"] != "/" || manifest["theme_color"] == "" {
		t.Errorf("manifest: %v", manifest)
	}

	if _, _, err := server.New(server.Assets{Static: web.Static(), Build: web.Build(), Worker: web.WorkerTemplate, BaseURL: `javascript:alert(1)`}); err == nil {
		t.Error("a base URL that is not one is accepted")
	}
}
