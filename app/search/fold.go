// Package search finds talks in a conference's schedule as the attendee
// types: over titles, subtitles, abstracts, speakers, their organisations,
// tracks and rooms, whatever the case or the accents ("pole emploi" finds
// "Pôle Emploi", "ebpf" finds "eBPF"), each word of the query a prefix of a
// word of the talk. Hits are ranked (a title or a speaker first), grouped
// by day, and the matched part of each word can be marked.
//
// It is pure Go and small on purpose: it runs in the browser, offline, and
// everything it imports is downloaded on venue wifi. Accents are removed
// with a generated table (fold_table.go) instead of golang.org/x/text's
// normalisation, which costs 44 KB of brotli in the app; a test checks the
// table against that normalisation.
package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold returns s as the index compares it: lower case, accents and other
// marks removed, ligatures and letters such as ß, æ or ø spelled out in
// plain letters ("Pôle Emploi" → "pole emploi", "Œuvre" → "oeuvre").
func Fold(s string) string {
	// Plain lower-case ASCII, the common case, needs no copy.
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = appendFold(b, r)
	}
	return string(b)
}

// appendFold appends the folded form of one rune (possibly nothing, for a
// combining mark, or several letters, for a ligature).
func appendFold(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	if s, ok := foldRune(r); ok {
		return append(b, s...)
	}
	return utf8.AppendRune(b, r)
}

// foldRune returns what r folds to when that differs from r itself.
func foldRune(r rune) (string, bool) {
	if unicode.Is(unicode.Mn, r) {
		return "", true // a combining accent: 'e' + U+0301 is 'e'
	}
	if s, ok := extraFolds[r]; ok {
		return s, true
	}
	l := unicode.ToLower(r)
	if l <= 0xFFFF {
		k := uint16(l)
		i := sort.Search(len(foldFrom), func(i int) bool { return foldFrom[i] >= k })
		if i < len(foldFrom) && foldFrom[i] == k {
			return foldTo[foldStart[i]:foldStart[i+1]], true
		}
	}
	if l != r {
		return string(l), true
	}
	return "", false
}

// extraFolds are letters Unicode does not decompose but that readers treat
// as accented forms of plain letters (someone typing "lodz" wants "Łódź").
var extraFolds = map[rune]string{
	'ß': "ss", 'ẞ': "ss",
	'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l",
	'đ': "d", 'Đ': "d",
	'ð': "d", 'Ð': "d",
	'þ': "th", 'Þ': "th",
	'ħ': "h", 'Ħ': "h",
	'ı': "i",
	'ŧ': "t", 'Ŧ': "t",
	'ƒ': "f",
}

// prefixLen reports whether the folded form of word starts with folded, a
// folded prefix, and how many bytes of word that prefix covers: what to
// mark when "pol" matches "Pôle" is "Pôl".
func prefixLen(word, folded string) (int, bool) {
	if folded == "" {
		return 0, false
	}
	var buf [16]byte
	rest := folded
	for i, r := range word {
		f := appendFold(buf[:0], r)
		n := len(f)
		switch {
		case n == 0:
			continue
		case n <= len(rest):
			if string(f) != rest[:n] {
				return 0, false
			}
			rest = rest[n:]
		default: // the prefix ends inside a ligature ("o" against "œ")
			if !strings.HasPrefix(string(f), rest) {
				return 0, false
			}
			rest = ""
		}
		if rest == "" {
			end := i + utf8.RuneLen(r)
			// Marks that follow belong to the letter they accent.
			for end < len(word) {
				m, size := utf8.DecodeRuneInString(word[end:])
				if !unicode.Is(unicode.Mn, m) {
					break
				}
				end += size
			}
			return end, true
		}
	}
	return 0, false
}
