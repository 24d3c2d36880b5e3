// Package i18n is the interface's two languages, French and English: which
// one a browser asks for, the messages, plural rules and dates written each
// language's way. It is a small hand-made table on purpose: the browser
// downloads every byte of it on venue wifi, and a general i18n library
// would cost hundreds of kilobytes for two languages.
//
// Messages are keyed by their English text (as gettext does): English needs
// no table, French has one entry per message, and a test fails when a
// message the interface uses has no French.
package i18n

import (
	"fmt"
	"strconv"
	"strings"
)

// Lang is a language of the interface, named by its BCP 47 code.
type Lang string

const (
	English Lang = "en"
	French  Lang = "fr"
)

// Langs are the interface's languages, in the order the switch lists them.
var Langs = []Lang{French, English}

// Default is the language of browsers that ask for neither.
const Default = English

// Match reads a language tag ("fr", "fr-CA", "en_GB") as one of the
// interface's languages.
func Match(tag string) (Lang, bool) {
	tag = strings.ToLower(strings.TrimSpace(tag))
	primary, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	switch Lang(primary) {
	case English:
		return English, true
	case French:
		return French, true
	}
	return "", false
}

// Negotiate is the first of the browser's languages (navigator.languages,
// most wanted first) that the interface speaks, else Default.
func Negotiate(tags ...string) Lang {
	for _, t := range tags {
		if l, ok := Match(t); ok {
			return l
		}
	}
	return Default
}

// FromAcceptLanguage picks the language from an Accept-Language header, by
// its q-values ("fr-FR,fr;q=0.9,en;q=0.8"); a language refused with q=0
// is never picked.
func FromAcceptLanguage(header string) Lang {
	best, bestQ := Default, -1.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(part, ";")
		l, ok := Match(tag)
		if !ok {
			continue
		}
		q := 1.0
		if v, found := strings.CutPrefix(strings.TrimSpace(params), "q="); found {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				continue
			}
			q = f
		}
		if q > 0 && q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}

// Name is the language's name in itself, as a switch shows it.
func (l Lang) Name() string {
	if l == French {
		return "Français"
	}
	return "English"
}

// T is the message in the language; a message with no translation is shown
// in English (the tests keep that from happening). Not inlined: it is
// called from hundreds of places, and each inlined copy of a map look-up
// costs the downloaded app bytes.
//
//go:noinline
func (l Lang) T(msg string) string {
	if l == French {
		if s, ok := french[msg]; ok {
			return s
		}
	}
	return msg
}

// F is the message with its %-verbs filled in (fmt.Sprintf).
func (l Lang) F(msg string, args ...any) string {
	return fmt.Sprintf(l.T(msg), args...)
}

// One reports whether n takes the singular: in English only 1, in French
// 0 and 1 ("0 exposé", "1 exposé", "2 exposés").
func (l Lang) One(n int) bool {
	if l == French {
		return n == 0 || n == 1
	}
	return n == 1
}

// N is the singular or plural message for n, filled in with args (n is not
// added: write it among them when the message shows it).
func (l Lang) N(n int, one, other string, args ...any) string {
	msg := other
	if l.One(n) {
		msg = one
	}
	if len(args) == 0 {
		return l.T(msg)
	}
	return l.F(msg, args...)
}

var languageNames = map[string][2]string{ // English, French
	"fr": {"French", "français"}, "en": {"English", "anglais"}, "de": {"German", "allemand"},
	"es": {"Spanish", "espagnol"}, "it": {"Italian", "italien"}, "nl": {"Dutch", "néerlandais"},
	"pt": {"Portuguese", "portugais"}, "cs": {"Czech", "tchèque"},
}

// LanguageName names a content language ("fr") in l: "French", "français";
// an unknown code is given back as it is.
func (l Lang) LanguageName(code string) string {
	n, ok := languageNames[strings.ToLower(code)]
	switch {
	case !ok:
		return code
	case l == French:
		return n[1]
	}
	return n[0]
}

// Messages lists every message the table translates, by its English (for
// tests that look for English left in a French page).
func Messages() []string {
	out := make([]string, 0, len(french))
	for m := range french {
		out = append(out, m)
	}
	return out
}
