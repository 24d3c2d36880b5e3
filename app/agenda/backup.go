package agenda

import (
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"time"
)

// A backup is one file with everything the attendee keeps on the device:
// every conference's agenda (stars, notes, ratings, entries kept aside)
// and the copies of agendas that could not be read.

const backupApp = "conference-companion"

type backupFile struct {
	App        string                     `json:"app"`
	Kind       string                     `json:"kind"`
	Version    int                        `json:"version"`
	Created    time.Time                  `json:"created"`
	Agendas    map[string]json.RawMessage `json:"agendas"`
	Unreadable map[string]string          `json:"unreadable,omitempty"`
}

// Backup writes every conference's agenda in storage as one JSON file.
func Backup(s Storage, now time.Time) (string, error) {
	f := backupFile{App: backupApp, Kind: "backup", Version: 1, Created: now.UTC(),
		Agendas: map[string]json.RawMessage{}, Unreadable: map[string]string{}}
	keys := s.Keys(keyPrefix)
	sort.Strings(keys)
	for _, k := range keys {
		v, ok := s.Get(k)
		if !ok {
			continue
		}
		rest := strings.TrimPrefix(k, keyPrefix)
		if strings.Contains(rest, "/") {
			f.Unreadable[k] = v // a copy kept aside, or stars beside a held agenda
			continue
		}
		if json.Valid([]byte(v)) {
			f.Agendas[rest] = json.RawMessage(v)
		} else {
			f.Unreadable[k] = v
		}
	}
	b, err := json.MarshalIndent(f, "", " ")
	return string(b), err
}

// Restored says what a restore did.
type Restored struct {
	Conferences int // agendas merged
	Stars       int // stars added
	Notes       int // notes added or replaced by newer ones
}

// ErrNotBackup means the file is not one Backup wrote.
var ErrNotBackup = errors.New("this file is not a Conference Companion backup")

// Restore merges a backup into storage, conference by conference and
// talk by talk (by guid): a star missing here is added, a note is taken
// when it is newer than the one here; nothing here is removed.
func Restore(s Storage, file string) (Restored, error) {
	var f backupFile
	var r Restored
	if json.Unmarshal([]byte(file), &f) != nil || f.App != backupApp || f.Kind != "backup" || f.Agendas == nil {
		return r, ErrNotBackup
	}
	acronyms := make([]string, 0, len(f.Agendas))
	for k := range f.Agendas {
		acronyms = append(acronyms, k)
	}
	sort.Strings(acronyms)
	for _, acronym := range acronyms {
		if acronym == "" || strings.Contains(acronym, "/") {
			continue
		}
		in := &Agenda{}
		in.reset()
		if _, err := in.decode(string(f.Agendas[acronym])); err != nil {
			f.Unreadable[Key(acronym)+backupInfix+"restored"] = string(f.Agendas[acronym])
			continue
		}
		a, _ := Open(s, acronym)
		stars, notes := a.merge(in)
		if err := a.save(); err != nil {
			return r, err
		}
		r.Conferences++
		r.Stars += stars
		r.Notes += notes
	}
	for k, v := range f.Unreadable {
		if !strings.HasPrefix(k, keyPrefix) {
			continue
		}
		if _, ok := s.Get(k); !ok {
			if err := s.Set(k, v); err != nil {
				return r, err
			}
		}
	}
	return r, nil
}

// merge takes in's stars and notes this agenda lacks (notes: or has
// older), and its entries kept aside.
func (a *Agenda) merge(in *Agenda) (stars, notes int) {
	for k, s := range in.stars {
		if _, ok := a.stars[k]; !ok {
			a.stars[k] = s
			stars++
		}
	}
	for k, n := range in.notes {
		if mine, ok := a.notes[k]; !ok || n.Updated.After(mine.Updated) {
			a.notes[k] = n
			notes++
		}
	}
	for k, v := range in.aside {
		if _, ok := a.aside[k]; !ok {
			a.aside[k] = v
		}
	}
	seen := map[string]bool{}
	for _, x := range a.recovered {
		seen[x.Backup] = true
	}
	for _, x := range in.recovered {
		if !seen[x.Backup] {
			a.recovered = append(a.recovered, x)
		}
	}
	return stars, notes
}
