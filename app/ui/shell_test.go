package ui

import (
	"errors"
	"fmt"
	"testing"

	"companion/app/catalog"
)

// notLoadedIn stands in for errors.As: it must find the error however it
// is wrapped, and nothing in any other error.
func TestNotLoadedInFindsWrappedErrors(t *testing.T) {
	nl := &catalog.NotLoadedError{Entry: catalog.Entry{Acronym: "fosdem25"}}
	for _, err := range []error{
		nl,
		fmt.Errorf("opening: %w", nl),
		fmt.Errorf("a: %w; b: %w", errors.New("other"), nl),
		errors.Join(errors.New("other"), fmt.Errorf("x: %w", nl)),
	} {
		if got := notLoadedIn(err); got != nl {
			t.Errorf("notLoadedIn(%q) = %v, want the NotLoadedError", err, got)
		}
	}
	for _, err := range []error{nil, errors.New("no"), fmt.Errorf("x: %w", catalog.ErrNotLoaded)} {
		if got := notLoadedIn(err); got != nil {
			t.Errorf("notLoadedIn(%v) = %v, want nil", err, got)
		}
	}
}
