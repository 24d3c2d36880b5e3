package ui

import (
	"strings"
	"testing"

	"companion/app/search"
)

// A field's text cannot end the field or the record early: the
// separators cards.js splits on become spaces.
func TestFieldsKeepSeparatorsOut(t *testing.T) {
	var b strings.Builder
	fields(&b, "C", "a\x1fb\x1ec", "")
	fields(&b, "S", "\x1e")
	if got, want := b.String(), "C\x1fa b c\x1f\x1eS\x1f "; got != want {
		t.Errorf("fields wrote %q, want %q", got, want)
	}
}

// A field that can hold marks alternates text and marked text, each
// match its own part (two in a row stay two), the first part never
// marked; a GS in the text itself becomes a space.
func TestMarkedField(t *testing.T) {
	q := search.Parse("rust go")
	for _, c := range []struct{ text, want string }{
		{"Rust in Go", "\x1dRust\x1d in \x1dGo"},
		{"Intro to Rust", "Intro to \x1dRust"},
		{"Nothing here", "Nothing here"},
		{"Go\x1dRust", "\x1dGo\x1d \x1dRust"},
	} {
		if got := markedField(q, c.text); got != c.want {
			t.Errorf("markedField(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	if got := markedField(search.Query{}, "a\x1db"); got != "a b" {
		t.Errorf("without a query: %q", got)
	}
}
