package catalog

import (
	"fmt"
	"strings"
)

// OnlyEnv is the go-app environment variable that tells the browser app
// which conferences the site shows (see Only): their acronyms, separated
// by commas; empty for all of them.
const OnlyEnv = "COMPANION_ONLY"

// only, when set, is the conferences shown, in order, the first the
// default: an organiser's site shows their conference, not the ones the
// build carries as examples. The others stay in the build, unseen.
var only []string

// Only limits the catalog to the conferences named, in that order, the
// first becoming the default; none shows every conference again. Naming a
// conference the catalog does not have is an error that lists those it
// has.
func Only(acronyms []string) error {
	loadOnce.Do(load)
	mu.Lock()
	defer mu.Unlock()
	var have []string
	for _, it := range items {
		have = append(have, it.Acronym)
	}
	seen := map[string]bool{}
	for _, a := range acronyms {
		if byID[a] == nil {
			return fmt.Errorf("no conference %q to show (there are: %s)", a, strings.Join(have, ", "))
		}
		if seen[a] {
			return fmt.Errorf("conference %q named twice", a)
		}
		seen[a] = true
	}
	only = append([]string(nil), acronyms...)
	generation++
	return nil
}

// OnlyList reads an OnlyEnv value or a flag's: acronyms separated by
// commas, spaces around them ignored.
func OnlyList(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// shown says whether a conference is shown; the caller holds mu.
func shown(acronym string) bool {
	if only == nil {
		return true
	}
	for _, a := range only {
		if a == acronym {
			return true
		}
	}
	return false
}
