// Package people is who speaks at a conference: the persons of its events
// grouped into speakers, each with a stable page address (a slug), what
// the data says of them and their talks; and the list's filter as the
// attendee types. It is pure Go, tested on the host, and small: it runs in
// the browser.
package people

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"companion/app/find"
	"companion/app/search"
	"companion/data/schedule"
)

// Speaker is one person across the conference's events.
type Speaker struct {
	// Slug is the speaker's page address: the name made fit for a URL
	// ("jerome-petazzoni"), unique within the conference. Two people of
	// the same name each get theirs from their identity, which no other
	// speaker, order or update changes ("jane-doe-3f9a1c").
	Slug string
	Name string

	// What the data says, the first value any of their events gives.
	// Biography is left empty when it only repeats the role.
	Organization string
	Position     string
	Biography    string
	Avatar       string // an https URL, or "": shown from the site's copy (package picture)

	// Keys are the identities (schedule.Person.Key) grouped here.
	Keys []string
	// Events are theirs, by day (as the data lists them), then start
	// time; a plenary counts once.
	Events []*schedule.Event

	words []string // folded words of the name, organisation and position
}

// Role says what they do and where: "Backend Engineer, Back Market".
func (s *Speaker) Role() string {
	switch {
	case s.Position == "":
		return s.Organization
	case s.Organization == "" || strings.Contains(search.Fold(s.Position), search.Fold(s.Organization)):
		return s.Position
	}
	return s.Position + ", " + s.Organization
}

// Speakers is a conference's speakers, by name.
type Speakers struct {
	List   []*Speaker
	bySlug map[string]*Speaker
	byKey  map[string]*Speaker
}

// Of returns the conference's speakers, made once per schedule (a live
// update is a new *Conference); callers must not change them.
func Of(c *schedule.Conference) *Speakers {
	mu.Lock()
	defer mu.Unlock()
	if s, ok := cache[c]; ok {
		return s
	}
	if len(cache) >= 8 {
		clear(cache)
	}
	s := build(c)
	cache[c] = s
	return s
}

var (
	mu    sync.Mutex
	cache = map[*schedule.Conference]*Speakers{}
)

// BySlug finds a speaker by the slug of their page, or by one of their
// identities (a guid or pretalx code works too, as it does for talks).
func (s *Speakers) BySlug(slug string) *Speaker {
	if sp := s.bySlug[slug]; sp != nil {
		return sp
	}
	if sp := s.bySlug[strings.ToLower(strings.Trim(slug, "-"))]; sp != nil {
		return sp
	}
	if slug != "" && !strings.HasPrefix(slug, "name:") {
		return s.byKey[slug]
	}
	return nil
}

// Of returns the speaker a person of an event is grouped in, or nil when
// that person is not one of this conference's.
func (s *Speakers) Of(p schedule.Person) *Speaker {
	if sp := s.byKey[p.Key()]; sp != nil {
		return sp
	}
	return s.byKey[nameKey(p.Name)]
}

// build groups the persons of every event. A person is known by their
// identity (guid, pretalx code, id); one the data names without any is
// the identified person of that name when there is exactly one, else
// everybody named so without an identity is one speaker (the data cannot
// tell them apart).
func build(c *schedule.Conference) *Speakers {
	out := &Speakers{bySlug: map[string]*Speaker{}, byKey: map[string]*Speaker{}}
	identified := map[string][]*Speaker{} // by folded name
	var nameOnly []schedule.Person
	var nameOnlyEvents []*schedule.Event

	add := func(sp *Speaker, p schedule.Person, e *schedule.Event) {
		if n := len(sp.Events); n == 0 || sp.Events[n-1] != e {
			sp.Events = append(sp.Events, e)
		}
		fill(&sp.Organization, p.Organization)
		fill(&sp.Position, p.Position)
		fill(&sp.Avatar, p.Avatar)
		if sp.Biography == "" && !restates(p.Biography, p) {
			sp.Biography = p.Biography
		}
	}
	for _, e := range c.Events {
		for _, p := range e.Persons {
			if strings.TrimSpace(p.Name) == "" {
				continue
			}
			key := p.Key()
			if strings.HasPrefix(key, "name:") {
				nameOnly = append(nameOnly, p)
				nameOnlyEvents = append(nameOnlyEvents, e)
				continue
			}
			sp := out.byKey[key]
			if sp == nil {
				sp = &Speaker{Name: p.Name, Keys: []string{key}}
				out.byKey[key] = sp
				out.List = append(out.List, sp)
				f := search.Fold(p.Name)
				identified[f] = append(identified[f], sp)
			}
			add(sp, p, e)
		}
	}
	for i, p := range nameOnly {
		key := nameKey(p.Name)
		sp := out.byKey[key]
		if sp == nil {
			if same := identified[search.Fold(p.Name)]; len(same) == 1 {
				sp = same[0]
			} else {
				sp = &Speaker{Name: p.Name}
				out.List = append(out.List, sp)
			}
			sp.Keys = append(sp.Keys, key)
			out.byKey[key] = sp
		}
		add(sp, p, nameOnlyEvents[i])
	}
	for _, sp := range out.List {
		sort.SliceStable(sp.Events, func(i, j int) bool {
			a, b := sp.Events[i], sp.Events[j]
			if a.Day != b.Day {
				return a.Day < b.Day
			}
			return a.Start.Before(b.Start)
		})
		sp.words = words(sp.Name + " " + sp.Organization + " " + sp.Position)
	}
	sort.SliceStable(out.List, func(i, j int) bool {
		a, b := search.Fold(out.List[i].Name), search.Fold(out.List[j].Name)
		if a != b {
			return a < b
		}
		return out.List[i].Keys[0] < out.List[j].Keys[0]
	})
	slugs(out)
	return out
}

// nameKey identifies a person the data names without an identity: by the
// name, whatever its case and accents.
func nameKey(name string) string { return "name:" + search.Fold(strings.TrimSpace(name)) }

func fill(field *string, v string) {
	if *field == "" {
		*field = strings.TrimSpace(v)
	}
}

// restates reports whether a biography says nothing the role does not
// ("Backend Engineer, Back Market" for that position and organisation):
// some exporters fill the biography with the tagline.
func restates(bio string, p schedule.Person) bool {
	b := strings.Join(words(bio), " ")
	if b == "" {
		return true
	}
	for _, s := range []string{p.Organization, p.Position, p.Position + " " + p.Organization, p.Organization + " " + p.Position} {
		if w := strings.Join(words(s), " "); w != "" && w == b {
			return true
		}
	}
	return false
}

// slugs gives every speaker a slug of their own: the name's when nobody
// else's name makes the same, else the name's and a short hash of the
// speaker's identity. Names with no letter a URL keeps get "speaker".
func slugs(s *Speakers) {
	base := make([]string, len(s.List))
	count := map[string]int{}
	for i, sp := range s.List {
		base[i] = find.Slug(sp.Name)
		if base[i] == "" {
			base[i] = "speaker"
		}
		count[base[i]]++
	}
	for i, sp := range s.List {
		slug := base[i]
		if count[slug] > 1 {
			slug += "-" + shortHash(sp.Keys[0])
		}
		for n := 2; s.bySlug[slug] != nil; n++ { // a hash that collides: never seen
			slug = base[i] + "-" + shortHash(sp.Keys[0]) + "-" + strconv.Itoa(n)
		}
		sp.Slug = slug
		s.bySlug[slug] = sp
	}
}

// shortHash is six base-36 digits of the 32-bit FNV-1a hash of s (written
// out: hash/fnv's interfaces cost the app more bytes than this loop).
func shortHash(s string) string {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	v := strconv.FormatUint(uint64(h), 36)
	for len(v) < 6 {
		v = "0" + v
	}
	return v[len(v)-6:]
}

// words are the folded words of s: runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(search.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Matches reports whether every word of the query starts a word of the
// speaker's name, organisation or position, whatever the case and
// accents ("pet" and "enix" match; "zet" does not).
func (sp *Speaker) Matches(q search.Query) bool {
	for _, t := range q.Terms {
		for _, tw := range words(t) {
			if !sp.startsAWord(tw) {
				return false
			}
		}
	}
	return true
}

func (sp *Speaker) startsAWord(prefix string) bool {
	for _, w := range sp.words {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// Filter returns the speakers the query matches, in the list's order;
// all of them for an empty query.
func (s *Speakers) Filter(q search.Query) []*Speaker {
	if q.Empty() {
		return s.List
	}
	var out []*Speaker
	for _, sp := range s.List {
		if sp.Matches(q) {
			out = append(out, sp)
		}
	}
	return out
}

// Initials are what stands for a speaker without a picture: the first
// letters of the first and last words of the name ("Jérôme Petazzoni" →
// "JP", "Hippie Hacker" → "HH", "madonna" → "M").
func Initials(name string) string {
	var first []rune
	for _, w := range strings.Fields(name) {
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				first = append(first, unicode.ToUpper(r))
				break
			}
		}
	}
	switch len(first) {
	case 0:
		return "?"
	case 1:
		return string(first)
	}
	return string([]rune{first[0], first[len(first)-1]})
}
