package agenda_test

import (
	"encoding/json"
	"testing"

	"companion/data/schedule"
)

// ev is an event of a test schedule: day 1 or 2, start "HH:MM", duration
// "H:MM".
type ev struct {
	guid, id, slug, room, start, dur, title, track, typ string
	day                                                 int
	replay                                              string
}

// conference builds a two-day schedule in Paris (UTC+1 in March) from ev.
func conference(t *testing.T, events ...ev) *schedule.Conference {
	t.Helper()
	dates := []string{"2023-03-07", "2023-03-08"}
	days := []map[string]any{}
	for i, d := range dates {
		rooms := map[string][]map[string]any{}
		for _, e := range events {
			if max(e.day, 1) != i+1 {
				continue
			}
			typ := e.typ
			if typ == "" {
				typ = "talk"
			}
			m := map[string]any{
				"guid": e.guid, "id": e.id, "slug": e.slug, "room": e.room, "title": e.title,
				"date": d + "T" + e.start + ":00+01:00", "start": e.start, "duration": e.dur,
				"track": e.track, "type": typ, "persons": []map[string]any{{"name": "Ada " + e.guid}},
			}
			if e.replay != "" {
				m["links"] = []map[string]any{{"url": e.replay, "title": "Replay", "type": "media"}}
			}
			rooms[e.room] = append(rooms[e.room], m)
		}
		days = append(days, map[string]any{"index": i + 1, "date": d,
			"day_start": d + "T08:00:00+01:00", "day_end": d + "T20:00:00+01:00", "rooms": rooms})
	}
	doc := map[string]any{"schedule": map[string]any{"version": "1", "conference": map[string]any{
		"acronym": "test2023", "title": "Test", "start": dates[0], "end": dates[1], "daysCount": 2,
		"timeslot_duration": "00:05", "time_zone_name": "Europe/Paris",
		"rooms": []map[string]any{{"name": "Bleu"}, {"name": "Blanc"}, {"name": "Rouge"}, {"name": "Hall"}},
		"days":  days,
	}}}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	c, err := schedule.Parse("test.json", string(b))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func events(c *schedule.Conference, keys ...string) []*schedule.Event {
	var out []*schedule.Event
	for _, k := range keys {
		out = append(out, c.Event(k))
	}
	return out
}
