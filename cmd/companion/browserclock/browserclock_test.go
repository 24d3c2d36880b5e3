package browserclock_test

import (
	"strings"
	"testing"

	"companion/cmd/companion/browserclock"
)

// The moment is written as a JavaScript string, quotes and all escaped.
func TestScriptQuotesTheMoment(t *testing.T) {
	s := browserclock.Script(`2023-03-07T10:00:00+01:00`)
	if !strings.Contains(s, `Date.parse("2023-03-07T10:00:00+01:00")`) {
		t.Errorf("script:\n%s", s)
	}
	if s := browserclock.Script(`")-alert(1)-("`); strings.Contains(s, `"")-alert`) {
		t.Errorf("a quote in the moment ends the string:\n%s", s)
	}
}
