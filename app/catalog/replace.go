package catalog

import (
	"fmt"

	"companion/data/schedule"
)

// Replace swaps in a newer schedule for a conference already in the build
// (a live update fetched from the server). The new document must load: a
// broken update never replaces a working schedule. It reports whether the
// schedule changed.
func Replace(acronym, doc string) (bool, error) {
	it := lookup(acronym)
	if it == nil {
		return false, fmt.Errorf("no conference %q in this build", acronym)
	}
	if doc == it.doc {
		return false, nil
	}
	conf, err := schedule.Parse(it.File+" (update)", doc)
	if err != nil {
		return false, err
	}
	if conf.Acronym != acronym {
		return false, fmt.Errorf("the update is for %q, not %q", conf.Acronym, acronym)
	}
	it.once.Do(func() {}) // a later Get must not parse the old document
	it.doc, it.conf, it.err = doc, conf, nil
	it.Title = conf.Title
	return true, nil
}
