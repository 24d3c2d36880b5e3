package schedule_test

import (
	"testing"

	"companion/data/schedule"
)

// Links are kept as the source wrote them: a bare host gets https://, only
// a true relative path is resolved, nothing is decoded or re-encoded.
func TestLinkURL(t *testing.T) {
	const base = "https://cfp.example.org/2024/schedule/"
	for _, tc := range []struct{ raw, base, want string }{
		{"example.org/page", "", "https://example.org/page"},
		{"example.org/page", base, "https://example.org/page"}, // not glued to the base
		{"www.example.org", "", "https://www.example.org"},
		{"zügli.app/x?a=1", "", "https://zügli.app/x?a=1"},
		{"https://zügli.app", "", "https://zügli.app"},                                           // not re-encoded
		{"https://x.org/wiki/A#Section%3A_x%2Fy", base, "https://x.org/wiki/A#Section%3A_x%2Fy"}, // fragment kept
		{"https://x.org/p?q=a%20b#%7Euser", "", "https://x.org/p?q=a%20b#%7Euser"},
		{"  https://x.org/a  ", "", "https://x.org/a"},
		{"mailto:talks@example.org", "", "mailto:talks@example.org"},
		{"//cdn.example.org/v.mp4", "", "https://cdn.example.org/v.mp4"},
		{"/talk/ABC/", base, "https://cfp.example.org/talk/ABC/"},
		{"slides.pdf", base, "https://cfp.example.org/2024/schedule/slides.pdf"},
		{"media/slides.pdf#page=2%2F3", base, "https://cfp.example.org/2024/schedule/media/slides.pdf#page=2%2F3"},
		{"../feedback/#a%2Fb", base, "https://cfp.example.org/2024/feedback/#a%2Fb"},
		{"#t=30", "https://cfp.example.org/talk?x=1#old", "https://cfp.example.org/talk?x=1#t=30"},
		{"https://x.org/100%", "", "https://x.org/100%25"}, // the one repair: a lone %
		{"slides.pdf", "", ""}, // relative, and nothing to resolve against
		{"", base, ""},
		{"not a link", "", ""},
	} {
		if got := schedule.LinkURL(tc.raw, tc.base); got != tc.want {
			t.Errorf("LinkURL(%q, %q) = %q, want %q", tc.raw, tc.base, got, tc.want)
		}
	}
}

func TestSplitNames(t *testing.T) {
	for in, want := range map[string]int{
		"Ada Lovelace":                                1,
		"Ada Lovelace, Alan Turing":                   2,
		"Ada Lovelace, Alan Turing and Grace Hopper":  3,
		"Ian Sollars, Sohel Sarder & Ramses de Norre": 3,
		"A; B; C, and D":                              4,
		"Simon & Garfunkel":                           1,
		"maya / 551724":                               1,
		"Jann Traschewski, DG8NGN":                    1,
		"":                                            0,
	} {
		if got := schedule.SplitNames(in); len(got) != want {
			t.Errorf("SplitNames(%q) = %q, want %d names", in, got, want)
		}
	}
}

func TestNightCut(t *testing.T) {
	m := func(h, min int) int { return h*60 + min }
	for _, tc := range []struct {
		clocks []int
		cut    int
		ok     bool
	}{
		{[]int{m(10, 0), m(14, 0), m(23, 30), m(1, 0)}, m(10, 0), true},
		{[]int{m(9, 0), m(22, 0)}, 0, false},                         // a long evening gap is not a night
		{[]int{m(6, 30), m(10, 0), m(18, 0)}, 0, false},              // an early start stays that morning
		{[]int{m(8, 0), m(20, 0), m(0, 0), m(2, 30)}, m(8, 0), true}, // a midnight party and a night talk
		{[]int{m(11, 0)}, 0, false},
	} {
		cut, ok := schedule.NightCut(tc.clocks)
		if cut != tc.cut || ok != tc.ok {
			t.Errorf("NightCut(%v) = %d, %v; want %d, %v", tc.clocks, cut, ok, tc.cut, tc.ok)
		}
	}
}
