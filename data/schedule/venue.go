package schedule

import (
	"fmt"
	"math"
	"runtime"
	"sort"
	"strings"

	"github.com/tidwall/gjson"
)

// What the schedule format cannot say about the venue goes in
// conference.meta.venue (see README, "Add your conference"): a string (the
// venue's name) or an object with the fields below. Each is checked like
// room_colors: a value that is not what the field holds is dropped with a
// warning naming the file, the place and the reason; an unknown field is
// named in a warning (a typo would otherwise be silently lost).

// checking is whether the loader makes its warnings (the venue's and every
// other): not in the browser, which never shows them (the server and the
// command line do) and so carries only the reading, which is the same
// everywhere.
const checking = runtime.GOOS != "js"

// venueFields and spaceFields are the fields the conventions know.
var (
	venueFields = []string{"name", "address", "description", "simulcast", "spaces", "lang"}
	spaceFields = []string{"name", "room", "description"}
)

const venuePath = "schedule.conference.meta.venue"

// venue reads conference.meta.venue once the rooms are all known.
func (l *loader) venue(v gjson.Result) Venue {
	var out Venue
	switch {
	case !v.Exists() || v.Type == gjson.Null:
		return out
	case v.Type == gjson.String:
		out.Name = l.text(v.Str)
		return out
	case !v.IsObject():
		if checking {
			l.warn(venuePath, "venue", "venue", "not a name or an object (name, address, description, simulcast, spaces, lang): ignored")
		}
		return out
	}
	l.unknownFields(v, venuePath, "venue", venueFields)
	out.Name = l.venueText(v, "name", venuePath, "venue")
	out.Address = l.venueText(v, "address", venuePath, "venue")
	out.Description = l.venueText(v, "description", venuePath, "venue")
	out.Simulcast = l.venueText(v, "simulcast", venuePath, "venue")
	if out.Lang = l.venueText(v, "lang", venuePath, "venue"); !langTag(out.Lang) {
		if checking {
			l.warn(venuePath+".lang", "venue", "lang", fmt.Sprintf("%q is not a language tag (such as en, fr or pt-BR): dropped", out.Lang))
		}
		out.Lang = ""
	}

	spaces := v.Get("spaces")
	switch {
	case !spaces.Exists() || spaces.Type == gjson.Null:
	case !spaces.IsArray():
		if checking {
			l.warn(venuePath+".spaces", "venue", "spaces", "not a list of spaces ({name, room, description}): ignored")
		}
	default:
		i := 0
		spaces.ForEach(func(_, s gjson.Result) bool {
			path := ""
			if checking {
				path = fmt.Sprintf("%s.spaces.%d", venuePath, i)
			}
			if sp, ok := l.space(path, s); ok {
				out.Spaces = append(out.Spaces, sp)
			}
			i++
			return true
		})
	}
	return out
}

func (l *loader) space(path string, s gjson.Result) (Space, bool) {
	if !s.IsObject() {
		if checking {
			l.warn(path, "venue", "spaces", "a space must be an object ({name, room, description}): left out")
		}
		return Space{}, false
	}
	place := "venue space"
	if n := strings.TrimSpace(s.Get("name").String()); n != "" && checking {
		place += fmt.Sprintf(" %q", n)
	}
	l.unknownFields(s, path, place, spaceFields)
	sp := Space{
		Name:        l.venueText(s, "name", path, place),
		Room:        l.venueText(s, "room", path, place),
		Description: l.venueText(s, "description", path, place),
	}
	if sp.Room != "" {
		if _, ok := l.conf.rooms[sp.Room]; !ok {
			if checking {
				l.warn(path+".room", place, "room", fmt.Sprintf("%q is not one of the conference's rooms: the space is shown without it", sp.Room))
			}
			sp.Room = ""
		}
	}
	if sp.Name == "" {
		sp.Name = sp.Room // a room is named enough
	}
	if sp.Name == "" {
		if checking {
			l.warn(path+".name", place, "name", "missing (and no room): left out")
		}
		return Space{}, false
	}
	return sp, true
}

// venueText is a text field of the conventions: a string, trimmed.
func (l *loader) venueText(obj gjson.Result, field, path, place string) string {
	v := obj.Get(gjson.Escape(field))
	switch v.Type {
	case gjson.String:
		return l.text(v.Str)
	case gjson.Null:
		return ""
	}
	if v.Exists() {
		if checking {
			l.warn(path+"."+field, place, field, fmt.Sprintf("not text (%s): dropped", jsonKind(v)))
		}
	}
	return ""
}

// unknownFields warns of the fields a convention does not know.
func (l *loader) unknownFields(obj gjson.Result, path, place string, known []string) {
	if !checking {
		return
	}
	var unknown []string
	obj.ForEach(func(k, _ gjson.Result) bool {
		if !contains(known, k.String()) {
			unknown = append(unknown, k.String())
		}
		return true
	})
	sort.Strings(unknown)
	for _, k := range unknown {
		if checking {
			l.warn(path+"."+gjson.Escape(k), place, k, fmt.Sprintf("not a field of this convention (it has: %s): ignored", strings.Join(known, ", ")))
		}
	}
}

// langTag accepts "" and a language tag's letters, digits and dashes, as
// a lang attribute takes them ("en", "fr", "pt-BR", "zh-Hant").
func langTag(s string) bool {
	if len(s) > 35 || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func jsonKind(v gjson.Result) string {
	switch {
	case v.IsArray():
		return "a list"
	case v.IsObject():
		return "an object"
	case v.Type == gjson.Number:
		return "a number"
	case v.Type == gjson.True, v.Type == gjson.False:
		return "true or false"
	}
	return "not text"
}

// roomFacts reads what the schema lets a room say besides its name:
// capacity (seats) and description (a string, or one per language as
// {"en": …, "fr": …}: English is taken, else the first).
func (l *loader) roomFacts(path, name string, r gjson.Result) (capacity int, description string, descriptions map[string]string) {
	place := "room " + name
	switch c := r.Get("capacity"); c.Type {
	case gjson.Null:
	case gjson.Number:
		if c.Num >= 1 && c.Num <= 1e6 && c.Num == math.Trunc(c.Num) {
			capacity = int(c.Num)
		} else {
			if checking {
				l.warn(path+".capacity", place, "capacity", fmt.Sprintf("%v is not a number of seats: dropped", c.Num))
			}
		}
	default:
		if c.Exists() {
			if checking {
				l.warn(path+".capacity", place, "capacity", fmt.Sprintf("not a number (%s): dropped", jsonKind(c)))
			}
		}
	}
	d := r.Get("description")
	switch {
	case d.Type == gjson.String:
		description = l.text(d.Str)
	case d.IsObject():
		d.ForEach(func(k, v gjson.Result) bool {
			if t := l.text(v.Str); v.Type == gjson.String && t != "" && k.Str != "" {
				if descriptions == nil {
					descriptions = map[string]string{}
				}
				descriptions[k.Str] = t
				if description == "" {
					description = t
				}
			}
			return true
		})
		if en, ok := descriptions["en"]; ok {
			description = en
		}
	}
	return capacity, description, descriptions
}

// avatar is a person's picture: an https URL (a relative one is resolved
// against base_url). The app's pages load images from https only, so
// anything else is dropped with a warning; null or "" means none.
func (l *loader) avatar(path, place string, v gjson.Result) string {
	raw := strings.TrimSpace(v.String())
	if v.Type != gjson.String || raw == "" {
		return ""
	}
	u := LinkURL(raw, l.base)
	if !strings.HasPrefix(strings.ToLower(u), "https://") || strings.ContainsAny(u, "\"'<>\\ ") {
		if checking {
			l.warn(path, place, "avatar", fmt.Sprintf("%q is not an https URL: no picture, the speaker's initials are shown", raw))
		}
		return ""
	}
	return u
}
