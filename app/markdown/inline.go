package markdown

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// item is an inline being built, or a run of * or _ that may open or
// close emphasis (CommonMark's delimiter run).
type item struct {
	in                Inline
	delim             byte // '*' or '_' for a delimiter run
	n, orig           int  // characters left in the run, and at first
	canOpen, canClose bool
}

// parseInline reads Markdown inlines: *emphasis*, **strong** (and with
// _), `code`, [links](https://…), <https://…> and bare https:// and www.
// URLs, backslash escapes, character references, and line breaks (a soft
// one is a space; two spaces or a backslash before it make it hard).
// Emphasis follows CommonMark's delimiter rules, so 2*3*4 is emphasis but
// snake_case_name is not.
func parseInline(s string) []Inline {
	p := inlineParser{src: s}
	p.scan()
	p.emphasis()
	return flatten(p.items)
}

type inlineParser struct {
	src   string
	items []item
	buf   strings.Builder
}

func (p *inlineParser) flush() {
	if p.buf.Len() > 0 {
		p.items = append(p.items, item{in: Inline{Kind: Text, Text: p.buf.String()}})
		p.buf.Reset()
	}
}

func (p *inlineParser) push(in Inline) {
	p.flush()
	p.items = append(p.items, item{in: in})
}

func (p *inlineParser) scan() {
	s := p.src
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && s[i+1] == '\n':
			p.push(Inline{Kind: Break})
			i = skipSpaces(s, i+2)
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			p.buf.WriteByte(s[i+1])
			i += 2
		case c == '`':
			n := run(s, i, '`')
			if end := closingTicks(s, i+n, n); end >= 0 {
				p.push(Inline{Kind: CodeSpan, Text: codeText(s[i+n : end])})
				i = end + n
			} else {
				p.buf.WriteString(s[i : i+n])
				i += n
			}
		case c == '*' || c == '_':
			n := run(s, i, c)
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+n:])
			if i == 0 {
				before = ' '
			}
			if i+n >= len(s) {
				after = ' '
			}
			left := !unicode.IsSpace(after) && (!isPunct(after) || unicode.IsSpace(before) || isPunct(before))
			right := !unicode.IsSpace(before) && (!isPunct(before) || unicode.IsSpace(after) || isPunct(after))
			it := item{in: Inline{Kind: Text, Text: s[i : i+n]}, delim: c, n: n, orig: n}
			if c == '*' {
				it.canOpen, it.canClose = left, right
			} else {
				it.canOpen = left && (!right || isPunct(before))
				it.canClose = right && (!left || isPunct(after))
			}
			p.flush()
			p.items = append(p.items, it)
			i += n
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if text, _, end, ok := link(s, i+1); ok {
				// An image: its alt text; nothing is loaded.
				p.buf.WriteString(PlainText(parseInline(text)))
				i = end
			} else {
				p.buf.WriteByte(c)
				i++
			}
		case c == '[':
			if text, dest, end, ok := link(s, i); ok {
				children := unwrapLinks(parseInline(text))
				if u := safeURL(dest); u != "" {
					if len(children) == 0 {
						children = []Inline{{Kind: Text, Text: u}}
					}
					p.push(Inline{Kind: Link, URL: u, Children: children})
				} else {
					p.flush()
					for _, ch := range children {
						p.items = append(p.items, item{in: ch})
					}
				}
				i = end
			} else {
				p.buf.WriteByte(c)
				i++
			}
		case c == '<':
			if u, end, ok := autolink(s, i); ok {
				p.push(Inline{Kind: Link, URL: u, Children: []Inline{{Kind: Text, Text: strings.TrimPrefix(u, "mailto:")}}})
				i = end
			} else {
				p.buf.WriteByte(c)
				i++
			}
		case c == '&':
			if ref, n := entity(s[i:]); n > 0 {
				p.buf.WriteString(ref)
				i += n
			} else {
				p.buf.WriteByte(c)
				i++
			}
		case c == '\n':
			text := p.buf.String()
			trimmed := strings.TrimRight(text, " ")
			p.buf.Reset()
			p.buf.WriteString(trimmed)
			if len(text)-len(trimmed) >= 2 {
				p.push(Inline{Kind: Break})
			} else {
				p.buf.WriteByte(' ')
			}
			i = skipSpaces(s, i+1)
		case (c == 'h' || c == 'w') && wordStart(s, i):
			if u, visible, end, ok := bareURL(s, i); ok {
				p.push(Inline{Kind: Link, URL: u, Children: []Inline{{Kind: Text, Text: visible}}})
				i = end
			} else {
				p.buf.WriteByte(c)
				i++
			}
		default:
			p.buf.WriteByte(c)
			i++
		}
	}
	p.flush()
	if n := len(p.items); n > 0 && p.items[n-1].delim == 0 && p.items[n-1].in.Kind == Text {
		p.items[n-1].in.Text = strings.TrimRight(p.items[n-1].in.Text, " ")
	}
}

// emphasis matches delimiter runs into emphasis and strong emphasis, as
// CommonMark's "process emphasis" does.
func (p *inlineParser) emphasis() {
	for c := 0; c < len(p.items); {
		closer := p.items[c]
		if closer.delim == 0 || !closer.canClose || closer.n == 0 {
			c++
			continue
		}
		o := -1
		for j := c - 1; j >= 0; j-- {
			op := p.items[j]
			if op.delim != closer.delim || !op.canOpen || op.n == 0 {
				continue
			}
			// The rule of 3: a run that can both open and close does not
			// match one whose lengths sum to a multiple of 3.
			if (op.canClose || closer.canOpen) && (op.orig+closer.orig)%3 == 0 && !(op.orig%3 == 0 && closer.orig%3 == 0) {
				continue
			}
			o = j
			break
		}
		if o < 0 {
			c++
			continue
		}
		use := 1
		if p.items[o].n >= 2 && closer.n >= 2 {
			use = 2
		}
		kind := Emphasis
		if use == 2 {
			kind = Strong
		}
		node := item{in: Inline{Kind: kind, Children: flatten(p.items[o+1 : c])}}
		p.items[o].n -= use
		p.items[c].n -= use
		rest := append([]item{node}, p.items[c:]...)
		p.items = append(p.items[:o+1], rest...)
		c = o + 2
		if p.items[o].n == 0 {
			p.items = append(p.items[:o], p.items[o+1:]...)
			c--
		}
		if p.items[c].n == 0 {
			p.items = append(p.items[:c], p.items[c+1:]...)
		}
	}
}

// flatten turns items into inlines: the runs left unmatched are text.
func flatten(items []item) []Inline {
	var out []Inline
	for _, it := range items {
		switch {
		case it.delim != 0:
			out = appendText(out, strings.Repeat(string(it.delim), it.n))
		case it.in.Kind == Text:
			out = appendText(out, it.in.Text)
		default:
			out = append(out, it.in)
		}
	}
	return out
}

// unwrapLinks replaces links inside a link's text by their text: a link
// holds no link.
func unwrapLinks(in []Inline) []Inline {
	var out []Inline
	for _, x := range in {
		switch x.Kind {
		case Link:
			for _, ch := range unwrapLinks(x.Children) {
				if ch.Kind == Text {
					out = appendText(out, ch.Text)
				} else {
					out = append(out, ch)
				}
			}
		case Emphasis, Strong:
			x.Children = unwrapLinks(x.Children)
			out = append(out, x)
		case Text:
			out = appendText(out, x.Text)
		default:
			out = append(out, x)
		}
	}
	return out
}

func run(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// closingTicks finds a run of exactly n backticks from i, or -1.
func closingTicks(s string, i, n int) int {
	for i < len(s) {
		j := strings.IndexByte(s[i:], '`')
		if j < 0 {
			return -1
		}
		j += i
		m := run(s, j, '`')
		if m == n {
			return j
		}
		i = j + m
	}
	return -1
}

// codeText is a code span's content: line breaks are spaces, and one
// space each side is dropped when both are there.
func codeText(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) >= 2 && s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "" {
		s = s[1 : len(s)-1]
	}
	return s
}

// link reads "[text](destination "title")" at s[i] == '['.
func link(s string, i int) (text, dest string, end int, ok bool) {
	depth := 0
	j := i
	for ; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '`':
			n := run(s, j, '`')
			if e := closingTicks(s, j+n, n); e >= 0 {
				j = e + n - 1
			} else {
				j += n - 1
			}
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if j >= len(s) || j+1 >= len(s) || s[j+1] != '(' {
		return "", "", 0, false
	}
	text = s[i+1 : j]
	k := skipBlank(s, j+2)
	if k < len(s) && s[k] == '<' {
		e := strings.IndexAny(s[k+1:], ">\n")
		if e < 0 || s[k+1+e] != '>' {
			return "", "", 0, false
		}
		dest = s[k+1 : k+1+e]
		k += e + 2
	} else {
		start, parens := k, 0
		for k < len(s) && s[k] > ' ' {
			if s[k] == '\\' && k+1 < len(s) && isASCIIPunct(s[k+1]) {
				k += 2
				continue
			}
			if s[k] == '(' {
				parens++
			} else if s[k] == ')' {
				if parens == 0 {
					break
				}
				parens--
			}
			k++
		}
		dest = s[start:k]
	}
	k = skipBlank(s, k)
	if k < len(s) && (s[k] == '"' || s[k] == '\'' || s[k] == '(') {
		closeCh := s[k]
		if closeCh == '(' {
			closeCh = ')'
		}
		e := strings.IndexByte(s[k+1:], closeCh)
		if e < 0 {
			return "", "", 0, false
		}
		k = skipBlank(s, k+1+e+1)
	}
	if k >= len(s) || s[k] != ')' {
		return "", "", 0, false
	}
	return text, html.UnescapeString(unescapeBackslashes(dest)), k + 1, true
}

func skipBlank(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\n') {
		i++
	}
	return i
}

func unescapeBackslashes(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// autolink reads "<https://…>" or "<someone@example.org>" at s[i] == '<'.
func autolink(s string, i int) (string, int, bool) {
	e := strings.IndexByte(s[i+1:], '>')
	if e < 0 {
		return "", 0, false
	}
	body := s[i+1 : i+1+e]
	if strings.ContainsAny(body, " <\n") {
		return "", 0, false
	}
	if u := safeURL(body); u != "" {
		return u, i + e + 2, true
	}
	if at := strings.IndexByte(body, '@'); at > 0 && strings.IndexByte(body[at:], '.') > 0 && !strings.Contains(body, ":") {
		return "mailto:" + body, i + e + 2, true
	}
	return "", 0, false
}

// wordStart reports whether s[i] starts a word: a bare URL is one only
// at the start of the text or after a space or an opening bracket.
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	switch s[i-1] {
	case ' ', '\n', '(', '[', '"', '\'', '*', '_', '~':
		return true
	}
	return false
}

// bareURL reads a URL written without markup ("https://example.org/x",
// "www.example.org"), without the punctuation that ends its sentence.
func bareURL(s string, i int) (u, visible string, end int, ok bool) {
	rest := s[i:]
	switch {
	case strings.HasPrefix(rest, "https://"), strings.HasPrefix(rest, "http://"), strings.HasPrefix(rest, "www."):
	default:
		return "", "", 0, false
	}
	n := 0
	for n < len(rest) && rest[n] > ' ' && rest[n] != '<' {
		n++
	}
	for n > 0 {
		last := rest[n-1]
		if strings.IndexByte(".,:;!?\"'*_~", last) >= 0 {
			n--
			continue
		}
		if last == ')' && strings.Count(rest[:n], "(") < strings.Count(rest[:n], ")") {
			n--
			continue
		}
		break
	}
	visible = rest[:n]
	u = visible
	if strings.HasPrefix(visible, "www.") {
		if !strings.Contains(visible[4:], ".") {
			return "", "", 0, false
		}
		u = "https://" + visible
	}
	if safeURL(u) == "" {
		return "", "", 0, false
	}
	return u, visible, i + n, true
}

// entity decodes a character reference at the start of s ("&amp;",
// "&#39;", "&#x27;") and says how many bytes it took; 0 when there is none.
func entity(s string) (string, int) {
	e := strings.IndexByte(s, ';')
	if e < 2 || e > 32 {
		return "", 0
	}
	for _, r := range s[1:e] {
		if !(r == '#' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return "", 0
		}
	}
	dec := html.UnescapeString(s[:e+1])
	if dec == s[:e+1] {
		return "", 0
	}
	return dec, e + 1
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isPunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}
