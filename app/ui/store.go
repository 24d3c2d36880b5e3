package ui

import (
	"fmt"
	"strings"
	"time"

	"companion/app/agenda"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// browserStorage is the browser's localStorage.
type browserStorage struct{}

// localStorage is window.localStorage, read with a call to Reflect.get. A
// browser that refuses storage (cookies and site data blocked) throws a
// SecurityError on that very read; syscall/js turns the exception of a
// call into a panic, which the methods below recover, but lets that of a
// property read through, which stops the whole program.
func localStorage() app.Value {
	return jsGlobal("Reflect").Call("get", app.Window(), "localStorage")
}

// Get reads nothing from a storage the browser refuses: the app then runs
// without what it remembers, instead of stopping.
func (browserStorage) Get(key string) (value string, ok bool) {
	defer func() {
		if recover() != nil {
			value, ok = "", false
		}
	}()
	v := localStorage().Call("getItem", key)
	if v.IsNull() || v.IsUndefined() {
		return "", false
	}
	return v.String(), true
}

// Set reports a full or disabled storage as an error instead of letting the
// JavaScript exception crash the app; a full one is agenda.ErrQuota.
func (browserStorage) Set(key, value string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if msg := fmt.Sprint(r); strings.Contains(strings.ToLower(msg), "quota") {
				err = fmt.Errorf("%s: %w", msg, agenda.ErrQuota)
			} else {
				err = fmt.Errorf("the browser refused to save: %s", msg)
			}
		}
	}()
	localStorage().Call("setItem", key, value)
	return nil
}

// Keep saves value under key unless it is there already: the conference
// and the view are remembered on every page, and a write, even of the same
// value, costs a slow phone a few milliseconds a read does not.
func (s browserStorage) Keep(key, value string) error {
	if old, ok := s.Get(key); ok && old == value {
		return nil
	}
	return s.Set(key, value)
}

func (browserStorage) Remove(key string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the browser refused to delete: %v", r)
		}
	}()
	localStorage().Call("removeItem", key)
	return nil
}

// Keys lists nothing from a refused storage (see Get).
func (browserStorage) Keys(prefix string) (out []string) {
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	// key(i) is null past the last key: the length, a property, is not read.
	ls := localStorage()
	for i := 0; ; i++ {
		k := ls.Call("key", i)
		if k.IsNull() || k.IsUndefined() {
			return out
		}
		if strings.HasPrefix(k.String(), prefix) {
			out = append(out, k.String())
		}
	}
}

// memoryStorage backs the agenda while prerendering on the server, where
// nobody's stars are known.
type memoryStorage map[string]string

func (m memoryStorage) Get(k string) (string, bool) { v, ok := m[k]; return v, ok }
func (m memoryStorage) Set(k, v string) error       { m[k] = v; return nil }
func (m memoryStorage) Remove(k string) error       { delete(m, k); return nil }
func (m memoryStorage) Keys(string) []string        { return nil }

var (
	agendas        = map[string]*agenda.Agenda{}
	agendaNotices  = map[string]string{}
	askedToPersist bool
)

// agendaFor returns the attendee's agenda for a conference, opened once per
// page load; on the server an empty one.
func agendaFor(c *schedule.Conference) (*agenda.Agenda, string) {
	if app.IsServer {
		a, _ := agenda.Open(memoryStorage{}, c.Acronym)
		return a, ""
	}
	if a, ok := agendas[c.Acronym]; ok {
		return a, agendaNotices[c.Acronym]
	}
	a, notice := agenda.OpenIn(uiLang, browserStorage{}, c.Acronym)
	agendas[c.Acronym] = a
	agendaNotices[c.Acronym] = notice
	persistStorage()
	// The schedule as first seen is what later changes are told against.
	if _, seen := (browserStorage{}).Get(agenda.SeenKey(c.Acronym)); !seen {
		agenda.BaselineOf(c, time.Now().UTC()).Save(browserStorage{}, c.Acronym)
	}
	return a, notice
}

// persistStorage asks the browser not to evict the app's storage (Safari
// deletes script-written storage after seven days without a visit unless
// the app is installed or the storage is persisted).
func persistStorage() {
	if askedToPersist {
		return
	}
	askedToPersist = true
	storage := jsGlobal("navigator").Get("storage")
	if storage.Truthy() && storage.Get("persist").Truthy() {
		storage.Call("persist")
	}
}

func snapshot(e *schedule.Event) agenda.Star {
	var speakers []string
	for _, p := range e.Persons {
		speakers = append(speakers, p.Name)
	}
	return agenda.Star{Title: e.Title, Start: e.Start, End: e.End, Rooms: e.Rooms, Speakers: speakers}
}
