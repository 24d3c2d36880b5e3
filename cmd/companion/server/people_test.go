package server_test

import (
	"net/http"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The speaker and venue pages are prerendered with their data as text:
// readable before the app has loaded, and by anything that reads HTML.
func TestSpeakerAndVenuePagesPrerendered(t *testing.T) {
	srv := newSite(t)

	// Unknown speakers are 404s, like unknown talks; a speaker of another
	// conference needs its c=.
	for _, p := range []string{"/speakers/unknown", "/speakers/dan-kohn", "/speakers/solomon-hykes?c=kubeconeu2019"} {
		if res := get(t, srv.URL+p); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %s, want 404", p, res.Status)
		}
	}

	// The list: every speaker with their organisation and talk count.
	n := parse(t, srv.URL, "/speakers")
	list := find(n, "ul.speaker-list")
	var names []string
	walkHTML(list, func(e *html.Node) {
		if e.Data == "span" && attr(e, "class") == "speaker-name" {
			names = append(names, text(e))
		}
	})
	if len(names) != 24 || names[0] != "Alexandre Buisine" || !contains(names, "Jérôme Petazzoni") || !contains(names, "Rémi Verchère") {
		t.Errorf("%d speakers listed: %q", len(names), names)
	}
	if a := findHref(n, "/speakers/solomon-hykes"); a == nil || !strings.Contains(text(a), "Solomon Hykes") || !strings.Contains(text(a), "Dagger") {
		t.Errorf("Solomon Hykes is not listed with Dagger: %v", a)
	}
	if got := text(find(n, "title")); got != "Speakers – KCD France 2023" {
		t.Errorf("<title> %q", got)
	}
	if input := findAttr(n, "input", "type", ""); input == nil || attr(input, "id") != "speaker-filter" {
		t.Error("no filter box")
	}

	// A speaker: name, role, initials, the talk with its time and rooms.
	n = parse(t, srv.URL, "/speakers/solomon-hykes")
	if got := text(find(n, "h1")); got != "Solomon Hykes" {
		t.Errorf("h1 %q", got)
	}
	if got := text(find(n, "p.role")); got != "Dagger" {
		t.Errorf("role %q", got)
	}
	if got := text(find(n, "div.portrait")); got != "SH" || find(find(n, "main"), "img") != nil {
		t.Errorf("portrait %q: want the initials and no image", got)
	}
	card := find(n, "li.card")
	for _, want := range []string{"Keynote d'ouverture", "09:15–10:30", "Bleu", "Blanc", "Rouge", "Daniel Maher"} {
		if !strings.Contains(text(card), want) {
			t.Errorf("the talk card %q lacks %q", text(card), want)
		}
	}
	if !strings.Contains(text(find(n, "section.place-day")), "Tuesday 7 March 2023") {
		t.Error("the talk's day is not named")
	}
	if findHref(n, "/talk/keynote-ouverture") == nil || findHref(n, "/speakers") == nil {
		t.Error("the speaker page does not link to the talk and to the list")
	}
	// Its guid is a link that works too.
	if res := get(t, srv.URL+"/speakers/3b3b54c2-fdb4-574d-aa46-926db49ad095"); res.StatusCode != http.StatusOK {
		t.Errorf("by guid: %s", res.Status)
	}

	// A biography that says more than the role is shown.
	n = parse(t, srv.URL, "/speakers/jerome-petazzoni")
	if got := text(find(n, "p.role")); got != "Animateur" || find(n, "section.bio") != nil {
		t.Errorf("Jérôme Petazzoni: role %q; a biography that repeats it is not shown", got)
	}

	// Every speaker of a talk links to their page.
	n = parse(t, srv.URL, "/talk/keynote-ouverture")
	for _, slug := range []string{"jerome-petazzoni", "solomon-hykes", "daniel-maher"} {
		if findHref(n, "/speakers/"+slug) == nil {
			t.Errorf("the keynote does not link to /speakers/%s", slug)
		}
	}
	n = parse(t, srv.URL, "/talk/diversity-scholarships?c=kubeconeu2019")
	if a := findHref(n, "/speakers/nikhita-raghunath?c=kubeconeu2019"); a == nil || text(a) != "Nikhita Raghunath" {
		t.Error("another conference's talk does not link to its speaker with c=")
	}
	n = parse(t, srv.URL, "/speakers/nikhita-raghunath?c=kubeconeu2019")
	if findHref(n, "/talk/diversity-scholarships?c=kubeconeu2019") == nil || findHref(n, "/talk/contributors-panel?c=kubeconeu2019") == nil {
		t.Error("Nikhita Raghunath's page lacks one of her two sessions")
	}

	// The venue of KCD France: the museum, the map links, the three rooms
	// and the hall, the keynote shown in all three, the sponsor hall, lunch.
	n = parse(t, srv.URL, "/venue")
	if got := text(find(n, "h1")); got != "Centre Pompidou" {
		t.Errorf("venue h1 %q", got)
	}
	if got := text(find(n, "p.address")); got != "Place Georges-Pompidou, 75004 Paris" {
		t.Errorf("address %q", got)
	}
	// The venue's texts are in English (meta.venue.lang), whatever the
	// interface's language.
	if p := find(n, "p.venue-about"); p == nil || attr(p, "lang") != "en" || !strings.Contains(text(p), "contemporary art museum") {
		t.Errorf("the venue's description is not marked as English: %v", p)
	}
	if findHref(n, "geo:0,0?q=Centre%20Pompidou%2C%20Place%20Georges-Pompidou%2C%2075004%20Paris") == nil {
		t.Error("no geo: link for the phone's map app")
	}
	var rooms []string
	walkHTML(find(n, "section.venue-rooms"), func(e *html.Node) {
		if e.Data == "span" && strings.Contains(attr(e, "class"), "place-name") {
			rooms = append(rooms, text(e))
		}
	})
	if strings.Join(rooms, ",") != "Bleu,Blanc,Rouge,Hall partenaires" {
		t.Errorf("rooms %q", rooms)
	}
	simulcast := text(find(n, "section.venue-simulcast"))
	for _, want := range []string{"simulcast", "Keynote d'ouverture", "rooms Bleu, Blanc and Rouge"} {
		if !strings.Contains(simulcast, want) {
			t.Errorf("the simulcast section %q lacks %q", simulcast, want)
		}
	}
	if got := text(find(n, "section.venue-spaces")); !strings.Contains(got, "Sponsor hall") || !strings.Contains(got, "towards the front") {
		t.Errorf("spaces %q", got)
	}
	if got := text(find(n, "section.venue-meals")); !strings.Contains(got, "Déjeuner et stands des partenaires") || !strings.Contains(got, "12:15") {
		t.Errorf("meals %q", got)
	}
	// Nothing from elsewhere: no map tiles, no remote image, no frame.
	walkHTML(n, func(e *html.Node) {
		if (e.Data == "img" || e.Data == "iframe") && !strings.HasPrefix(attr(e, "src"), "/web/") {
			t.Errorf("the venue page loads <%s src=%q>", e.Data, attr(e, "src"))
		}
	})

	// KubeCon Europe 2019: the children's room and the Diversity Lunch.
	n = parse(t, srv.URL, "/venue?c=kubeconeu2019")
	spaces := text(find(n, "section.venue-spaces"))
	for _, want := range []string{"Children's room", "looked after for free", "Diversity Lunch", "round tables"} {
		if !strings.Contains(spaces, want) {
			t.Errorf("KubeCon 2019 spaces %q lack %q", spaces, want)
		}
	}
	if findHref(n, "/room/childrens-room?c=kubeconeu2019") == nil {
		t.Error("the children's room does not link to what is on there")
	}
}
