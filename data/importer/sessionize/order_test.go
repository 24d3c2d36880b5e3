package sessionize_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"companion/data/importer/build"
	"companion/data/importer/sessionize"
)

// session is one session as Sessionize's API writes it, its keys in the
// API's own order (id, title, description, startsAt…), the description
// long enough that a room's first sessions fill the first 4 KB read to
// detect the view.
func session(id int, title, start, end string, room int, roomName, speaker string) string {
	return fmt.Sprintf(`{"id":"%d","title":%q,"description":%q,"startsAt":"%s","endsAt":"%s","isServiceSession":false,"isPlenumSession":false,`+
		`"speakers":[{"id":"0f6c-%d","name":%q}],"categories":[{"id":1,"name":"Track","categoryItems":[{"id":%d,"name":"Cloud"}],"sort":0}],`+
		`"roomId":%d,"room":%q,"liveUrl":null,"recordingUrl":null,"status":"Accepted","isInformed":true,"isConfirmed":true}`,
		id, title, strings.Repeat("A long abstract. ", 120), start, end, id, speaker, 100+id, room, roomName)
}

// TestViewsInTheAPIsKeyOrder reads GridSmart and Sessions views written as
// the API writes them (TestEveryView builds them from the All view with
// sorted keys and no time slots): each is detected from its first 4 KB,
// and both give the same two sessions.
func TestViewsInTheAPIsKeyOrder(t *testing.T) {
	a := session(501, "Opening", "2026-10-02T09:00:00", "2026-10-02T09:45:00", 11, "Main Hall", "Ada Lovelace")
	b := session(502, "Serverless", "2026-10-02T10:00:00", "2026-10-02T10:40:00", 12, "Room 2", "Alan Turing")
	grid := `[{"date":"2026-10-02T00:00:00","isDefault":true,"rooms":[` +
		`{"id":11,"name":"Main Hall","sessions":[` + a + `],"hasOnlyPlenumSessions":false},` +
		`{"id":12,"name":"Room 2","sessions":[` + b + `],"hasOnlyPlenumSessions":false}],` +
		`"timeSlots":[{"slotStart":"09:00:00","rooms":[{"id":11,"name":"Main Hall","session":` + a + `,"index":0}]},` +
		`{"slotStart":"10:00:00","rooms":[{"id":12,"name":"Room 2","session":` + b + `,"index":1}]}]}]`
	groups := `[{"groupId":null,"groupName":"All Sessions","sessions":[` + a + `,` + b + `],"isDefault":true}]`
	opt := build.Options{TimeZone: "Europe/London", Title: "Order Test 2026", Acronym: "order2026"}
	for _, tc := range []struct{ view, doc string }{{sessionize.ViewGridSmart, grid}, {sessionize.ViewSessions, groups}} {
		if len(tc.doc) < 4096 {
			t.Fatalf("%s is %d bytes: detection on 4 KB proves nothing", tc.view, len(tc.doc))
		}
		if got := sessionize.View([]byte(tc.doc[:4096])); got != tc.view {
			t.Errorf("%s detected as %q", tc.view, got)
		}
		c, err := sessionize.Import("order."+tc.view+".json", bytes.NewReader([]byte(tc.doc)), opt)
		if err != nil {
			t.Fatalf("%s: %v", tc.view, err)
		}
		var got []string
		for _, e := range c.Events {
			got = append(got, fmt.Sprintf("%s %s–%s %s %s %s", e.Title, c.Local(e.Start).Format("01-02 15:04"), c.Local(e.End).Format("15:04"), strings.Join(e.Rooms, ","), e.Persons[0].Name, e.Track))
		}
		want := "Opening 10-02 09:00–09:45 Main Hall Ada Lovelace Cloud|Serverless 10-02 10:00–10:40 Room 2 Alan Turing Cloud"
		if strings.Join(got, "|") != want {
			t.Errorf("%s read as\n%s\nwant\n%s", tc.view, strings.Join(got, "|"), want)
		}
	}
}
