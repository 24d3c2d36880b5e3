package catalog

import (
	"errors"
	"fmt"

	"github.com/tidwall/gjson"
)

// ErrNotLoaded is returned by Get for a conference served beside the app
// (too large to embed in it) whose schedule has not been fetched yet: the
// app fetches it from the server, or offline from the service worker's
// precache, and hands it to Replace.
var ErrNotLoaded = errors.New("schedule not loaded yet")

// NotLoadedError names the conference whose schedule is not loaded yet;
// it matches ErrNotLoaded.
type NotLoadedError struct{ Entry Entry }

func (e *NotLoadedError) Error() string { return e.Entry.Title + ": " + ErrNotLoaded.Error() }
func (e *NotLoadedError) Unwrap() error { return ErrNotLoaded }

// ServedEnv is the go-app environment variable that tells the browser app
// which conferences are served beside it: a JSON list of their acronym,
// title, start and end (see RegisterList).
const ServedEnv = "COMPANION_SERVED"

// RegisterList registers the conferences of a ServedEnv list.
func RegisterList(list string) {
	gjson.Parse(list).ForEach(func(_, e gjson.Result) bool {
		Register(Entry{
			Acronym: e.Get("acronym").String(),
			Title:   e.Get("title").String(),
			Start:   e.Get("start").String(),
			End:     e.Get("end").String(),
			File:    e.Get("acronym").String() + ".json",
		})
		return true
	})
}

// Add makes a conference whose document the program holds (the server's
// served schedules) available like an embedded one; adding the same
// acronym again replaces it.
func Add(file, doc string) (Entry, error) {
	loadOnce.Do(load)
	mu.Lock()
	defer mu.Unlock()
	c := gjson.Get(doc, "schedule.conference")
	e := Entry{
		Acronym: c.Get("acronym").String(),
		Title:   c.Get("title").String(),
		Start:   c.Get("start").String(),
		End:     c.Get("end").String(),
		File:    file,
		Served:  true,
	}
	if e.Acronym == "" {
		return e, fmt.Errorf("%s: no schedule.conference.acronym", file)
	}
	if old := byID[e.Acronym]; old != nil && !old.Served {
		return e, fmt.Errorf("%s: conference %q is already embedded in the app", file, e.Acronym)
	}
	put(&item{Entry: e, doc: doc})
	return e, nil
}

// Register lists a conference the program does not hold (in the browser:
// one served beside the app); Get returns ErrNotLoaded until Replace
// gives it its schedule. Embedded conferences are never overridden.
func Register(e Entry) {
	loadOnce.Do(load)
	mu.Lock()
	defer mu.Unlock()
	if e.Acronym == "" {
		return
	}
	if old := byID[e.Acronym]; old != nil {
		return
	}
	e.Served = true
	put(&item{Entry: e})
}

// put adds or replaces an item; the caller holds mu.
func put(it *item) {
	generation++
	if old := byID[it.Acronym]; old != nil {
		for i, x := range items {
			if x == old {
				items[i] = it
			}
		}
	} else {
		items = append(items, it)
	}
	byID[it.Acronym] = it
}
