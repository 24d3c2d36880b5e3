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
	// A new item, swapped in whole: a Get running meanwhile (the server
	// renders pages concurrently) keeps the schedule it started with.
	next := &item{Entry: it.Entry, doc: doc, conf: conf}
	next.Title = conf.Title
	next.once.Do(func() {}) // parsed already
	mu.Lock()
	defer mu.Unlock()
	if byID[acronym] != it {
		return false, fmt.Errorf("conference %q changed during the update", acronym)
	}
	put(next)
	return true, nil
}
