// Package share carries a selection of talks in a link short enough for
// a QR code at FOSDEM size (tens of talks), and draws that QR code.
//
// The link names the conference and, for each talk, the first bytes of a
// hash of its guid: guids are 36 characters, these are 3 or 4 bytes. The
// sender uses the fewest bytes (at least 3) that tell each shared talk
// apart from every other event of its schedule, so that the receiver,
// holding the same or a nearby version of the schedule, finds them by
// guid; a talk the receiver's schedule lacks is counted, never guessed.
package share

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/url"
	"sort"

	"companion/data/schedule"
)

// Path is the app's route for a shared selection.
const Path = "/share"

// Parameters of the link.
const (
	ParamConf  = "c"
	ParamTalks = "t"
)

const (
	format   = 1 // first byte: the payload's format
	minWidth = 3
	maxWidth = 8
)

var enc = base64.RawURLEncoding

func hash(key string) [sha256.Size]byte { return sha256.Sum256([]byte(key)) }

// Encode writes the selection of a conference's events (keys) as the
// link's payload. Keys not in the schedule are hashed all the same.
func Encode(c *schedule.Conference, keys []string) string {
	sel := map[string]bool{}
	for _, k := range keys {
		sel[k] = true
	}
	all := make([][sha256.Size]byte, 0, len(c.Events)+len(keys))
	mine := make([][sha256.Size]byte, 0, len(sel))
	for _, e := range c.Events {
		if k := e.Key(); k != "" && !sel[k] {
			all = append(all, hash(k))
		}
	}
	for k := range sel {
		mine = append(mine, hash(k))
	}
	width := minWidth
	for ; width < maxWidth; width++ {
		if distinct(mine, all, width) {
			break
		}
	}
	out := make([]byte, 0, 2+len(mine)*width)
	out = append(out, format, byte(width))
	prefixes := make([]string, len(mine))
	for i, h := range mine {
		prefixes[i] = string(h[:width])
	}
	sort.Strings(prefixes)
	for _, p := range prefixes {
		out = append(out, p...)
	}
	return enc.EncodeToString(out)
}

// distinct reports whether each selected hash's prefix differs from every
// other event's (and every other selected one's).
func distinct(mine, others [][sha256.Size]byte, width int) bool {
	seen := map[string]bool{}
	for _, h := range others {
		seen[string(h[:width])] = true
	}
	for _, h := range mine {
		p := string(h[:width])
		if seen[p] {
			return false
		}
		seen[p] = true
	}
	return true
}

// ErrBadLink means the link was cut or altered.
var ErrBadLink = errors.New("this share link is damaged: ask for it again")

// Decode reads a payload against the receiver's schedule: the shared
// events found (in schedule order) and how many it does not hold.
func Decode(c *schedule.Conference, payload string) (found []*schedule.Event, missing int, err error) {
	b, err := enc.DecodeString(payload)
	if err != nil || len(b) < 2 || b[0] != format {
		return nil, 0, ErrBadLink
	}
	width := int(b[1])
	body := b[2:]
	if width < minWidth || width > maxWidth || len(body)%width != 0 {
		return nil, 0, ErrBadLink
	}
	want := map[string]int{} // prefix → events of the schedule with it
	for i := 0; i < len(body); i += width {
		want[string(body[i:i+width])] = 0
	}
	var matches []*schedule.Event
	for _, e := range c.Events {
		k := e.Key()
		if k == "" {
			continue
		}
		h := hash(k)
		p := string(h[:width])
		if n, ok := want[p]; ok {
			want[p] = n + 1
			matches = append(matches, e)
		}
	}
	for _, e := range matches {
		h := hash(e.Key())
		if want[string(h[:width])] == 1 { // an ambiguous prefix is not guessed
			found = append(found, e)
		}
	}
	for _, n := range want {
		if n != 1 {
			missing++
		}
	}
	return found, missing, nil
}

// Link is the absolute link to share: origin (https://host) and path.
func Link(origin string, c *schedule.Conference, keys []string) string {
	q := url.Values{ParamConf: {c.Acronym}, ParamTalks: {Encode(c, keys)}}
	return origin + Path + "?" + q.Encode()
}
