// Package markdown reads the text of an abstract into a small tree of
// blocks and inlines that the app renders as its own elements, never as
// markup: a safe subset of Markdown (paragraphs, emphasis, lists, links,
// code, and headings and quotes shown plainly), and the same subset of
// HTML for the exports that write abstracts in HTML (FOSDEM's).
//
// Links are kept only for http, https and mailto; anything else (a
// relative path, javascript:) is shown as its text. Images are their alt
// text: nothing is loaded from elsewhere.
//
// Pure Go, no dependency: the package is in the browser app, downloaded on
// venue wifi.
package markdown

import (
	"strings"
)

// BlockKind is what a block is.
type BlockKind uint8

const (
	Paragraph BlockKind = iota // Inlines
	Heading                    // Inlines, Level
	List                       // Items, Ordered, Start
	Quote                      // Blocks
	Code                       // Text, verbatim
)

// Block is a paragraph, a heading, a list, a quote or a code block.
type Block struct {
	Kind    BlockKind
	Inlines []Inline
	Level   int       // Heading: 1 to 6
	Ordered bool      // List
	Start   int       // List, ordered: the first item's number
	Items   [][]Block // List: each item's blocks
	Blocks  []Block   // Quote
	Text    string    // Code
}

// InlineKind is what an inline is.
type InlineKind uint8

const (
	Text     InlineKind = iota // Text
	Emphasis                   // Children
	Strong                     // Children
	CodeSpan                   // Text
	Link                       // URL, Children
	Break                      // a hard line break
)

// Inline is a run of text, emphasis, code, a link or a line break.
type Inline struct {
	Kind     InlineKind
	Text     string
	URL      string // Link: http, https or mailto
	Children []Inline
}

// Format is how an abstract is written.
type Format uint8

const (
	FormatMarkdown Format = iota // Markdown, or plain text (which reads the same)
	FormatHTML
)

// Detect says how an abstract is written. It is HTML when it holds a tag
// of the HTML that exports write (<p>, <br>, </li>, <a href=…>, <em>, …):
// an element name after "<" (or "</") followed by ">", " " or "/". Any
// other text is Markdown, plain text included: "a < b", "<3" and
// "<https://…>" (a Markdown autolink) are not tags.
func Detect(s string) Format {
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		j := i + 1
		if j < len(s) && s[j] == '/' {
			j++
		}
		k := j
		for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '1' && s[k] <= '6') {
			k++
		}
		if k == j || k >= len(s) || !htmlTags[strings.ToLower(s[j:k])] {
			continue
		}
		if c := s[k]; c == '>' || c == ' ' || c == '/' || c == '\n' || c == '\t' {
			return FormatHTML
		}
	}
	return FormatMarkdown
}

var htmlTags = map[string]bool{
	"p": true, "br": true, "div": true, "span": true, "ul": true, "ol": true, "li": true,
	"a": true, "b": true, "i": true, "em": true, "strong": true, "u": true, "s": true,
	"code": true, "pre": true, "blockquote": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "hr": true, "img": true, "script": true, "style": true,
	"table": true, "tr": true, "td": true, "th": true, "sup": true, "sub": true, "small": true,
}

// Read parses an abstract in the format Detect gives it.
func Read(s string) (Format, []Block) {
	if f := Detect(s); f == FormatHTML {
		return f, ParseHTML(s)
	}
	return FormatMarkdown, Parse(s)
}

// safeURL returns u when it is an http, https or mailto URL, else "".
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	scheme, _, ok := strings.Cut(u, ":")
	if !ok {
		return ""
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
		if strings.HasPrefix(u[len(scheme)+1:], "//") && len(u) > len(scheme)+3 {
			return u
		}
	case "mailto":
		if len(u) > len("mailto:") {
			return u
		}
	}
	return ""
}

// text appends a text run, merged with the run before it.
func appendText(out []Inline, s string) []Inline {
	if s == "" {
		return out
	}
	if n := len(out); n > 0 && out[n-1].Kind == Text {
		out[n-1].Text += s
		return out
	}
	return append(out, Inline{Kind: Text, Text: s})
}

// appendInlines appends inlines, merging text runs.
func appendInlines(out, in []Inline) []Inline {
	for _, x := range in {
		if x.Kind == Text {
			out = appendText(out, x.Text)
		} else {
			out = append(out, x)
		}
	}
	return out
}

// PlainText is the text of inlines, without their markup.
func PlainText(in []Inline) string {
	var b strings.Builder
	for _, x := range in {
		switch x.Kind {
		case Text, CodeSpan:
			b.WriteString(x.Text)
		case Break:
			b.WriteByte('\n')
		default:
			b.WriteString(PlainText(x.Children))
		}
	}
	return b.String()
}
