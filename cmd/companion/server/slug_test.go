package server_test

import (
	"html"
	"net/url"
	"strings"
	"testing"
)

// A talk whose slug ends in "-" (91 of FOSDEM 2025's: the title ends in a
// sign the slug drops) opens at that very path, as links saved before do.
func TestTalkSlugEndingInDash(t *testing.T) {
	c := fosdemSchedule(t)
	srv, _ := fosdemSite(t)
	n := 0
	for _, e := range c.Events {
		if !strings.HasSuffix(e.Slug, "-") {
			continue
		}
		n++
		if n > 5 {
			break
		}
		res := get(t, srv.URL+"/talk/"+url.PathEscape(e.Slug)+"?c=fosdem2025")
		if b := body(t, res); res.StatusCode != 200 || !strings.Contains(b, html.EscapeString(e.Title)) {
			t.Errorf("/talk/%s: %s, title %q shown: %v", e.Slug, res.Status, e.Title, strings.Contains(b, html.EscapeString(e.Title)))
		}
	}
	if n == 0 {
		t.Fatal("no FOSDEM slug ends in -: the test proves nothing")
	}
}
