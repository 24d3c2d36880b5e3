package ui

import (
	"strings"
	"testing"
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
