// Package catalog gives the app its conferences: the schedules embedded in
// the build, each parsed once, on first use, and those served beside the
// app (see Add and Register).
package catalog

import (
	"fmt"
	"sync"

	"companion/data"
	"companion/data/schedule"

	"github.com/tidwall/gjson"
)

// Entry describes a conference without parsing its whole schedule.
type Entry struct {
	Acronym string
	Title   string
	Start   string
	End     string
	File    string
	Served  bool // served beside the app rather than embedded in it
}

type item struct {
	Entry
	doc  string
	once sync.Once
	conf *schedule.Conference
	err  error
}

var (
	mu         sync.Mutex // guards items, byID and generation after load
	loadOnce   sync.Once
	items      []*item
	byID       map[string]*item
	generation uint64
)

// Generation counts the changes to the catalog (a conference added or a
// schedule replaced): what was rendered from an older generation is stale.
func Generation() uint64 {
	loadOnce.Do(load)
	mu.Lock()
	defer mu.Unlock()
	return generation
}

func load() {
	byID = make(map[string]*item)
	for _, f := range data.Files() {
		c := gjson.Get(f.JSON, "schedule.conference")
		it := &item{doc: f.JSON, Entry: Entry{
			Acronym: c.Get("acronym").String(),
			Title:   c.Get("title").String(),
			Start:   c.Get("start").String(),
			End:     c.Get("end").String(),
			File:    f.Name,
		}}
		if it.Acronym == "" || byID[it.Acronym] != nil {
			continue // Get reports these files through the tests of data/
		}
		items = append(items, it)
		byID[it.Acronym] = it
	}
}

// List returns the conferences shown (see Only), the default first.
func List() []Entry {
	loadOnce.Do(load)
	mu.Lock()
	defer mu.Unlock()
	if only != nil {
		out := make([]Entry, len(only))
		for i, a := range only {
			out[i] = byID[a].Entry
		}
		return out
	}
	out := make([]Entry, len(items))
	for i, it := range items {
		out[i] = it.Entry
	}
	return out
}

// Default is the acronym of the conference shown when none is chosen.
func Default() string {
	loadOnce.Do(load)
	mu.Lock()
	defer mu.Unlock()
	if only != nil {
		return only[0]
	}
	if len(items) == 0 {
		return ""
	}
	return items[0].Acronym
}

// Has reports whether a conference with that acronym is known.
func Has(acronym string) bool { return lookup(acronym) != nil }

func lookup(acronym string) *item {
	loadOnce.Do(load)
	mu.Lock()
	defer mu.Unlock()
	if !shown(acronym) {
		return nil
	}
	return byID[acronym]
}

// Get returns the parsed schedule of a conference.
func Get(acronym string) (*schedule.Conference, error) {
	it := lookup(acronym)
	if it == nil {
		return nil, fmt.Errorf("no conference %q in this build", acronym)
	}
	if it.doc == "" {
		return nil, &NotLoadedError{it.Entry}
	}
	it.once.Do(func() { it.conf, it.err = schedule.Parse(it.File, it.doc) })
	return it.conf, it.err
}

// Document returns the schedule.json text a conference was loaded from.
func Document(acronym string) (string, bool) {
	it := lookup(acronym)
	if it == nil || it.doc == "" {
		return "", false
	}
	return it.doc, true
}
