package server_test

import (
	"strings"
	"testing"

	"companion/app/i18n"

	"golang.org/x/net/html"
)

// The server prerenders each page in the browser's language
// (Accept-Language), keeps one copy per language, and tells caches that
// the answer depends on it.
func TestPagesInTheBrowsersLanguage(t *testing.T) {
	srv := newSite(t)
	type answer struct{ page, etag, vary string }
	fetch := func(path, accept string) answer {
		res := get(t, srv.URL+path, "Accept-Language", accept)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s (%s): %s", path, accept, res.Status)
		}
		return answer{body(t, res), res.Header.Get("ETag"), strings.Join(res.Header.Values("Vary"), ", ")}
	}
	fr := fetch("/", "fr-FR,fr;q=0.9,en;q=0.8")
	en := fetch("/", "en-GB,en;q=0.9")
	for _, want := range []string{`<html lang="fr"`, "Aller au contenu", ">Programme<", ">Mon agenda<", "mardi 7 mars 2023", "heure de Paris", "Chargement de l’application… 0%"} {
		if !strings.Contains(fr.page, want) {
			t.Errorf("French page: no %q", want)
		}
	}
	for _, want := range []string{`<html lang="en"`, "Skip to content", ">Schedule<", "Tuesday 7 March 2023", "Paris time", "Loading the app… 0%"} {
		if !strings.Contains(en.page, want) {
			t.Errorf("English page: no %q", want)
		}
	}
	for _, leak := range []string{"Skip to content", "Tuesday", "Loading the app"} {
		if strings.Contains(fr.page, leak) {
			t.Errorf("French page says %q", leak)
		}
	}
	if fr.etag == en.etag {
		t.Errorf("French and English pages share the ETag %s", fr.etag)
	}
	for _, a := range []answer{fr, en} {
		if !strings.Contains(a.vary, "Accept-Language") {
			t.Errorf("Vary: %q, want Accept-Language in it", a.vary)
		}
	}
	// From the cache, each language stays itself.
	if again := fetch("/", "fr"); again.etag != fr.etag || !strings.Contains(again.page, `<html lang="fr"`) {
		t.Errorf("French page again: ETag %s (was %s)", again.etag, fr.etag)
	}
	if again := fetch("/", "de-DE"); again.etag != en.etag {
		t.Errorf("a German browser gets ETag %s, want the English page's %s", again.etag, en.etag)
	}
	talk := fetch("/talk/keynote-ouverture", "fr")
	for _, want := range []string{"mardi 7 mars 2023 · ", "heure de Paris", "Intervenant", `lang="fr"`} {
		if !strings.Contains(talk.page, want) {
			t.Errorf("French talk page: no %q", want)
		}
	}
	res := get(t, srv.URL+"/no-such-page", "Accept-Language", "fr")
	if b := body(t, res); res.StatusCode != 404 || !strings.Contains(b, `<html lang="fr"`) || !strings.Contains(b, "<title>Introuvable</title>") {
		t.Errorf("French 404: %s %q", res.Status, b)
	}
}

// No text of the interface is left in English on the French pages: no
// text node, aria-label, title or placeholder reads as an English message
// whose French differs.
func TestFrenchPagesHaveNoEnglishLeft(t *testing.T) {
	srv := newSite(t)
	english := map[string]bool{}
	for _, m := range i18n.Messages() {
		if !strings.Contains(m, "%") && strings.TrimSpace(m) != strings.TrimSpace(i18n.French.T(m)) {
			english[strings.TrimSpace(m)] = true
		}
	}
	for _, path := range []string{"/", "/?view=grid", "/agenda", "/now", "/tracks", "/rooms", "/track/reseau-ebpf", "/room/bleu",
		"/changes", "/events", "/talk/keynote-ouverture", "/share?t=x", "/?c=kubeconeu2019",
		"/speakers", "/speakers/solomon-hykes", "/venue", "/venue?c=kubeconeu2019"} {
		res := get(t, srv.URL+path, "Accept-Language", "fr")
		if res.StatusCode != 200 {
			t.Errorf("GET %s: %s", path, res.Status)
			continue
		}
		doc, err := html.Parse(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.TextNode && english[strings.TrimSpace(n.Data)] {
				t.Errorf("%s: text %q left in English", path, n.Data)
			}
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					if (a.Key == "aria-label" || a.Key == "title" || a.Key == "placeholder") && english[strings.TrimSpace(a.Val)] {
						t.Errorf("%s: %s %q left in English", path, a.Key, a.Val)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
}
