package ui

import (
	"net/url"
	"strings"
	"testing"
)

func TestPageKey(t *testing.T) {
	for in, want := range map[string]string{
		"/":                                  "/",
		"/?day=1":                            "/?day=1",
		"/?day=x&utm_source=a":               "/",
		"/?c=kcdfrance2023":                  "/",
		"/?c=nosuchconf":                     "/",
		"/?c=kubeconeu2019&day=2&junk=1":     "/?c=kubeconeu2019&day=2",
		"/agenda?c=%22%3E%3Cscript%3E":       "/agenda",
		"/talk/keynote-ouverture":            "/talk/keynote-ouverture",
		"/talk/KEYNOTE-OUVERTURE":            "/talk/KEYNOTE-OUVERTURE",
		"/talk/nope":                         "",
		"/talk/":                             "",
		"/talk/keynote-ouverture/x":          "",
		"/robots.txt":                        "",
		"/talk/a%22%3E%3Cimg%20src=x%3E":     "",
		"/events?day=1":                      "/events?day=1",
		"/?view=grid&day=1":                  "/?day=1&view=grid",
		"/?view=list":                        "/",
		"/?view=GRID":                        "/",
		"/?view=grid&view=list":              "/?view=grid",
		"/speakers":                          "/speakers",
		"/speakers?q=petaz&junk=1":           "/speakers?q=petaz",
		"/speakers/solomon-hykes":            "/speakers/solomon-hykes",
		"/speakers/unknown":                  "",
		"/speakers/":                         "",
		"/speakers/solomon-hykes/x":          "",
		"/speakers/%ff":                      "",
		"/speakers/dan-kohn":                 "", // of KubeCon 2019, not the default
		"/speakers/dan-kohn?c=kubeconeu2019": "/speakers/dan-kohn?c=kubeconeu2019",
		// A speaker's guid names them too.
		"/speakers/3b3b54c2-fdb4-574d-aa46-926db49ad095": "/speakers/3b3b54c2-fdb4-574d-aa46-926db49ad095",
		"/venue":                 "/venue",
		"/venue?c=kubeconeu2019": "/venue?c=kubeconeu2019",
		"/venue/x":               "",
	} {
		u, err := url.Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := PageKey(u)
		if got != want || ok != (want != "") {
			t.Errorf("PageKey(%s) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestCleanTitle(t *testing.T) {
	if got := cleanTitle("  a\n\tb\x00c  d\u202fe "); got != "a b c d\u202fe" {
		t.Errorf("%q", got)
	}
	long := cleanTitle(strings.Repeat("x", 1000))
	if r := []rune(long); len(r) != maxTitle || !strings.HasSuffix(long, "…") {
		t.Errorf("%d runes: %q", len(r), long)
	}
}
