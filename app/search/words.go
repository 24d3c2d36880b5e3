package search

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isWordRune is what words are made of: letters, digits, and the marks
// that accent them.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// nextWord finds the first word of s at or after byte from and returns its
// bounds, or start < 0 when there is none. Everything else separates
// words: spaces, punctuation, apostrophes ("l'observabilité" is "l" and
// "observabilité", so either is found), hyphens. A run of '+' or '#'
// ending a word belongs to it ("C++", "C#") unless a letter follows.
func nextWord(s string, from int) (start, end int) {
	start = -1
	i := from
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf { // the common case, inlined
			if asciiWord[c] {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				return start, suffixEnd(s, i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return start, suffixEnd(s, i)
		}
		i += size
	}
	if start < 0 {
		return -1, -1
	}
	return start, len(s)
}

// suffixEnd extends a word ending at i over a "++" or "#" suffix.
func suffixEnd(s string, i int) int {
	j := i
	for j < len(s) && (s[j] == '+' || s[j] == '#') {
		j++
	}
	if j == i {
		return i
	}
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); isWordRune(r) {
			return i
		}
	}
	return j
}

// plainText makes an abstract written in HTML (FOSDEM's are) searchable:
// tags become spaces and entities their characters, so that neither "p"
// nor "amp" is a word of the talk. Text without markup is returned as is.
func plainText(s string) string {
	if !strings.Contains(s, "</") && !strings.Contains(s, "<br") && !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteByte(' ')
		s = s[i+j+1:]
	}
	return html.UnescapeString(b.String())
}
