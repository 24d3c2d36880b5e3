package ui

import (
	"strings"
	"testing"

	"companion/app/i18n"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// venueRooms is a day in two rooms that say their seats and where they
// are: Bleu in one language (the venue's texts are in English), Rouge in
// English and French.
const venueRooms = `{"schedule":{"version":"1","conference":{"acronym":"venuerooms","title":"Rooms","start":"2023-03-07","end":"2023-03-07","daysCount":1,"timeslot_duration":"00:15","time_zone_name":"Europe/Paris",
	"rooms":[{"name":"Bleu","capacity":300,"description":"Level -1, the big cinema"},{"name":"Rouge","capacity":120,"description":{"en":"At the back of the hall","fr":"Au fond du hall"}}],
	"meta":{"venue":{"name":"Centre Pompidou","address":"Place Georges-Pompidou, 75004 Paris","lang":"en"}},
	"days":[{"index":1,"date":"2023-03-07","day_start":"2023-03-07T08:00:00+01:00","day_end":"2023-03-07T19:00:00+01:00","rooms":{
	  "Bleu":[{"guid":"00000000-0000-4000-8000-000000000001","date":"2023-03-07T09:00:00+01:00","duration":"00:30","room":"Bleu","slug":"t","title":"T","type":"talk","persons":[]}],
	  "Rouge":[{"guid":"00000000-0000-4000-8000-000000000002","date":"2023-03-07T10:00:00+01:00","duration":"00:30","room":"Rouge","slug":"u","title":"U","type":"talk","persons":[]}]}}]}}}`

// The venue page gives each room its seats and where it is, in the
// interface's language where the data has it, marked with the language
// it is written in.
func TestVenueRoomsSeatsAndWhere(t *testing.T) {
	c, err := schedule.Parse("rooms.json", venueRooms)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { uiLang = i18n.Default }()
	type where struct{ lang, text string }
	for _, x := range []struct {
		lang   i18n.Lang
		counts []string
		wheres []where
	}{
		{i18n.English, []string{"300 seats", "120 seats"}, []where{{"en", "Level -1, the big cinema"}, {"en", "At the back of the hall"}}},
		{i18n.French, []string{"300 places", "120 places"}, []where{{"en", "Level -1, the big cinema"}, {"fr", "Au fond du hall"}}},
	} {
		uiLang = x.lang
		page := flat(app.HTMLString(&venuePage{conf: c}))
		if !strings.Contains(page, flat("Place Georges-Pompidou, 75004 Paris")) {
			t.Errorf("%s: no address", x.lang)
		}
		for _, want := range x.counts {
			if !strings.Contains(page, flat(`<span class="count">`+want)) {
				t.Errorf("%s: the venue page lacks %s", x.lang, want)
			}
		}
		for _, w := range x.wheres {
			// go-app writes attributes in no fixed order.
			a := flat(`<p class="room-where" lang="` + w.lang + `">` + w.text + `</p>`)
			b := flat(`<p lang="` + w.lang + `" class="room-where">` + w.text + `</p>`)
			if !strings.Contains(page, a) && !strings.Contains(page, b) {
				t.Errorf("%s: the venue page lacks %q in %s", x.lang, w.text, w.lang)
			}
		}
	}
}
