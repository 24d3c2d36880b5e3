package schedule_test

import (
	"strings"
	"testing"

	"companion/data/schedule"
)

func TestCSSColor(t *testing.T) {
	for _, ok := range []string{"#fff", "#FFFA", "#1e40af", "#1e40af80", "rebeccapurple", "Red", "rgb(12, 34, 56)", "rgba(1,2,3,0.5)", "hsl(210deg 40% 50%)", "hsl(210 40% 50% / 0.3)"} {
		if !schedule.CSSColor(ok) {
			t.Errorf("%q refused", ok)
		}
	}
	for _, bad := range []string{"", "#ff", "#ggg", "red; background:url(//evil)", "url(x)", "expression(alert(1))", "rgb(1,2,3);x:y", "rgb(a,b,c)", "var(--x)", `"><script>`, "red !important", "rgb(1,2)", "notacolour"} {
		if schedule.CSSColor(bad) {
			t.Errorf("%q accepted", bad)
		}
	}
}

// A colour that is not one is dropped with a warning naming the room or
// track; the rest of the schedule loads.
func TestColorsFromDataAreChecked(t *testing.T) {
	doc := `{"schedule":{"version":"1","conference":{"acronym":"x","title":"X","start":"2023-03-07","end":"2023-03-07","daysCount":1,"timeslot_duration":"00:15","time_zone_name":"Europe/Paris",
	"meta":{"room_colors":{"Bleu":"#1e40af","Rouge":"red;background:url(https://evil.example/)"}},
	"rooms":[{"name":"Bleu"},{"name":"Rouge"}],
	"tracks":[{"name":"Cloud","color":"expression(alert(1))"},{"name":"Ops","color":"#0a0"}],
	"days":[{"index":1,"date":"2023-03-07","day_start":"2023-03-07T08:00:00+01:00","day_end":"2023-03-07T19:00:00+01:00","rooms":{"Bleu":[],"Rouge":[]}}]}}}`
	c, err := schedule.Parse("colors.json", doc)
	if err != nil {
		t.Fatal(err)
	}
	bleu, _ := c.Room("Bleu")
	rouge, _ := c.Room("Rouge")
	if bleu.Color != "#1e40af" || rouge.Color != "" || c.Tracks[0].Color != "" || c.Tracks[1].Color != "#0a0" {
		t.Errorf("colours: Bleu %q, Rouge %q, tracks %q %q", bleu.Color, rouge.Color, c.Tracks[0].Color, c.Tracks[1].Color)
	}
	var said []string
	for _, w := range c.Warnings {
		if w.Field == "color" {
			said = append(said, w.String())
		}
	}
	if len(said) != 2 || !strings.Contains(said[0], "Rouge") || !strings.Contains(said[1], "Cloud") {
		t.Errorf("warnings: %q", said)
	}
}
