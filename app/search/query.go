package search

import (
	"strings"
	"unicode/utf8"
)

// Query is what the attendee typed, as folded words.
type Query struct {
	Text  string   // as typed (trimmed)
	Terms []string // folded, distinct, none a prefix of another
}

// Limits on what a query costs: it comes from the URL as well as the
// keyboard.
const (
	maxQueryBytes = 200
	maxTerms      = 8
)

// Parse splits a query into folded words. A word that starts another one
// adds nothing ("kube kubernetes" is "kubernetes"); beyond eight words or
// 200 bytes the rest is ignored.
func Parse(s string) Query {
	s = strings.TrimSpace(s)
	if len(s) > maxQueryBytes {
		cut := maxQueryBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	q := Query{Text: s}
	for start, end := nextWord(s, 0); start >= 0 && len(q.Terms) < maxTerms; start, end = nextWord(s, end) {
		t := Fold(s[start:end])
		if t == "" {
			continue
		}
		q.Terms = addTerm(q.Terms, t)
	}
	return q
}

func addTerm(terms []string, t string) []string {
	for i, have := range terms {
		switch {
		case strings.HasPrefix(have, t):
			return terms
		case strings.HasPrefix(t, have):
			terms[i] = t
			return dropPrefixes(terms, i)
		}
	}
	return append(terms, t)
}

// dropPrefixes removes the terms that terms[keep] now starts with.
func dropPrefixes(terms []string, keep int) []string {
	out := terms[:0]
	for i, t := range terms {
		if i == keep || !strings.HasPrefix(terms[keep], t) {
			out = append(out, t)
		}
	}
	return out
}

// Empty reports whether the query has no word to look for.
func (q Query) Empty() bool { return len(q.Terms) == 0 }

// Span is a byte range of a text that a query matched.
type Span struct{ Start, End int }

// Spans returns where the query matches text: for each word of the text
// that starts with a query word, the part that matched ("Pôl" of "Pôle"
// for "pol"), in text order.
func (q Query) Spans(text string) []Span {
	if len(q.Terms) == 0 {
		return nil
	}
	var spans []Span
	var buf [64]byte
	for start, end := nextWord(text, 0); start >= 0; start, end = nextWord(text, end) {
		word := text[start:end]
		// Fold the word's beginning once to skip the words no term starts.
		f := buf[:0]
		for _, r := range word {
			if len(f) >= len(buf)-4 {
				break
			}
			f = appendFold(f, r)
		}
		longest := 0
		for _, t := range q.Terms {
			if len(f) > 0 && f[0] != t[0] {
				continue
			}
			if n, ok := prefixLen(word, t); ok && n > longest {
				longest = n
			}
		}
		if longest > 0 {
			spans = append(spans, Span{start, start + longest})
		}
	}
	return spans
}

// Segment is a piece of text, marked when the query matched it. Pieces
// are text, always: a page shows a marked one in a <mark> element whose
// content is that text.
type Segment struct {
	Text string
	Mark bool
}

// Segments cuts text into marked and unmarked pieces; with no match it is
// one unmarked piece.
func (q Query) Segments(text string) []Segment {
	spans := q.Spans(text)
	if len(spans) == 0 {
		return []Segment{{Text: text}}
	}
	segs := make([]Segment, 0, 2*len(spans)+1)
	at := 0
	for _, s := range spans {
		if s.Start > at {
			segs = append(segs, Segment{Text: text[at:s.Start]})
		}
		segs = append(segs, Segment{Text: text[s.Start:s.End], Mark: true})
		at = s.End
	}
	if at < len(text) {
		segs = append(segs, Segment{Text: text[at:]})
	}
	return segs
}

// Snippet is about max bytes of text around its first match, cut at word
// boundaries, with "…" where text was left out; "" when nothing matches.
// It shows why a talk found only in its abstract was found.
func (q Query) Snippet(text string, max int) string {
	spans := q.Spans(text)
	if len(spans) == 0 {
		return ""
	}
	first := spans[0]
	from := first.Start - max/3
	if from <= 0 {
		from = 0
	} else if i := strings.IndexAny(text[from:first.Start], " \n\t"); i >= 0 {
		from += i + 1 // begin with a whole word
	} else {
		from = first.Start
	}
	to := from + max
	if to >= len(text) {
		to = len(text)
	} else {
		for to > first.End && !isSpace(text[to]) {
			to--
		}
		if to <= first.End {
			to = first.End
		}
	}
	out := strings.TrimSpace(text[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(text) {
		out += "…"
	}
	return out
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }
