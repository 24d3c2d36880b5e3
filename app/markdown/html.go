package markdown

import (
	"html"
	"strconv"
	"strings"
)

// ParseHTML reads an abstract written in HTML into the same tree as
// Markdown: <p>, <div> and the like are paragraphs; <ul>, <ol> and <li>
// lists; <h1>–<h6> headings; <blockquote> a quote; <pre> code; <em>, <i>,
// <strong>, <b>, <code> and <a href> inlines; <br> a line break. Other
// tags are dropped and their text kept; <script> and <style> are dropped
// with their content; comments vanish; character references are decoded;
// white space collapses as a browser collapses it. Nothing of it is ever
// markup again: it is text in the app's own elements.
func ParseHTML(src string) []Block {
	p := htmlParser{toks: tokenize(src)}
	return p.blocks("")
}

type tokKind uint8

const (
	tokText tokKind = iota
	tokStart
	tokEnd
)

type token struct {
	kind  tokKind
	name  string // lower case
	void  bool   // <br>, <img>, or written <x/>
	text  string // tokText: raw (entities not decoded)
	href  string // <a href>, decoded
	start int    // <ol start>
}

var voidTags = map[string]bool{"br": true, "hr": true, "img": true, "input": true, "meta": true, "link": true, "wbr": true, "source": true, "col": true, "area": true, "base": true, "embed": true}

func tokenize(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			out = append(out, token{kind: tokText, text: s[i:]})
			break
		}
		if lt > 0 {
			out = append(out, token{kind: tokText, text: s[i : i+lt]})
			i += lt
		}
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			e := strings.Index(rest[4:], "-->")
			if e < 0 {
				return out
			}
			i += 4 + e + 3
			continue
		case strings.HasPrefix(rest, "<!") || strings.HasPrefix(rest, "<?"):
			e := strings.IndexByte(rest, '>')
			if e < 0 {
				return out
			}
			i += e + 1
			continue
		}
		t, n := tag(rest)
		if n == 0 {
			out = append(out, token{kind: tokText, text: "<"})
			i++
			continue
		}
		i += n
		if t.kind == tokStart && (t.name == "script" || t.name == "style") && !t.void {
			// Dropped with everything up to its end tag.
			e := strings.Index(strings.ToLower(s[i:]), "</"+t.name)
			if e < 0 {
				return out
			}
			i += e
			if g := strings.IndexByte(s[i:], '>'); g >= 0 {
				i += g + 1
			} else {
				return out
			}
			continue
		}
		out = append(out, t)
	}
	return out
}

// tag reads a start or end tag at the start of s and its length; 0 when
// s does not start with one ("< 3", "<3").
func tag(s string) (token, int) {
	t := token{kind: tokStart}
	i := 1
	if i < len(s) && s[i] == '/' {
		t.kind = tokEnd
		i++
	}
	j := i
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || j > i && s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j == i {
		return t, 0
	}
	t.name = strings.ToLower(s[i:j])
	// Attributes up to ">", quotes respected.
	k := j
	var quote byte
	for ; k < len(s); k++ {
		c := s[k]
		if quote != 0 {
			if c == quote {
				quote = 0
			}
			continue
		}
		if c == '"' || c == '\'' {
			quote = c
		}
		if c == '>' {
			break
		}
	}
	if k >= len(s) {
		return t, 0
	}
	attrs := s[j:k]
	t.void = voidTags[t.name] || strings.HasSuffix(strings.TrimSpace(attrs), "/")
	if t.kind == tokStart {
		t.href = html.UnescapeString(attr(attrs, "href"))
		if n, err := strconv.Atoi(attr(attrs, "start")); err == nil {
			t.start = n
		}
	}
	return t, k + 1
}

// attr finds an attribute's value in a tag's attribute text.
func attr(attrs, name string) string {
	lower := strings.ToLower(attrs)
	for from := 0; ; {
		i := strings.Index(lower[from:], name)
		if i < 0 {
			return ""
		}
		i += from
		from = i + len(name)
		if i > 0 && lower[i-1] != ' ' && lower[i-1] != '\t' && lower[i-1] != '\n' {
			continue
		}
		k := from
		for k < len(attrs) && attrs[k] == ' ' {
			k++
		}
		if k >= len(attrs) || attrs[k] != '=' {
			continue
		}
		k++
		for k < len(attrs) && attrs[k] == ' ' {
			k++
		}
		if k < len(attrs) && (attrs[k] == '"' || attrs[k] == '\'') {
			if e := strings.IndexByte(attrs[k+1:], attrs[k]); e >= 0 {
				return attrs[k+1 : k+1+e]
			}
			return ""
		}
		e := k
		for e < len(attrs) && attrs[e] != ' ' && attrs[e] != '/' {
			e++
		}
		return attrs[k:e]
	}
}

var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "header": true, "footer": true, "main": true,
	"aside": true, "nav": true, "center": true, "figure": true, "figcaption": true, "address": true,
	"details": true, "summary": true, "dl": true, "dt": true, "dd": true, "table": true, "thead": true,
	"tbody": true, "tfoot": true, "tr": true, "td": true, "th": true, "caption": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "blockquote": true, "pre": true, "hr": true,
}

type htmlParser struct {
	toks []token
	i    int
	open []string // the elements being read, innermost last
}

func (p *htmlParser) isOpen(name string) bool {
	for _, o := range p.open {
		if o == name {
			return true
		}
	}
	return false
}

// blocks reads blocks until the end tag of end (or of an element around
// it, left for that one to read).
func (p *htmlParser) blocks(end string) []Block {
	if end != "" {
		p.open = append(p.open, end)
		defer func() { p.open = p.open[:len(p.open)-1] }()
	}
	var out []Block
	var para []Inline
	flush := func() {
		if in := trimInlines(para); len(in) > 0 {
			out = append(out, Block{Kind: Paragraph, Inlines: in})
		}
		para = nil
	}
	for p.i < len(p.toks) {
		t := p.toks[p.i]
		switch t.kind {
		case tokText:
			para = appendText(para, collapse(html.UnescapeString(t.text)))
			p.i++
		case tokEnd:
			if t.name == end {
				p.i++
				flush()
				return out
			}
			if p.isOpen(t.name) {
				flush()
				return out
			}
			p.i++ // a stray end tag
			if blockTags[t.name] {
				flush()
			}
		case tokStart:
			if end == "li" && t.name == "li" {
				flush() // <li> without </li>: the next item starts
				return out
			}
			switch {
			case t.name == "br":
				p.i++
				para = append(para, Inline{Kind: Break})
			case t.name == "hr" || t.name == "img" || t.void && !blockTags[t.name]:
				p.i++
			case len(t.name) == 2 && t.name[0] == 'h' && t.name[1] >= '1' && t.name[1] <= '6':
				flush()
				p.i++
				if in := trimInlines(p.inlines(t.name)); len(in) > 0 {
					out = append(out, Block{Kind: Heading, Level: int(t.name[1] - '0'), Inlines: in})
				}
			case t.name == "ul" || t.name == "ol":
				flush()
				p.i++
				if !t.void {
					out = append(out, p.list(t))
				}
			case t.name == "blockquote":
				flush()
				p.i++
				if !t.void {
					out = append(out, Block{Kind: Quote, Blocks: p.blocks("blockquote")})
				}
			case t.name == "pre":
				flush()
				p.i++
				if !t.void {
					out = append(out, Block{Kind: Code, Text: strings.Trim(p.raw("pre"), "\n")})
				}
			case blockTags[t.name]:
				flush()
				p.i++
				if !t.void {
					out = append(out, p.blocks(t.name)...)
				}
			default:
				para = appendInlines(para, p.inline())
			}
		}
	}
	flush()
	return out
}

func (p *htmlParser) list(t token) Block {
	b := Block{Kind: List, Ordered: t.name == "ol", Start: t.start}
	if b.Ordered && b.Start == 0 {
		b.Start = 1
	}
	p.open = append(p.open, t.name)
	defer func() { p.open = p.open[:len(p.open)-1] }()
	for p.i < len(p.toks) {
		t2 := p.toks[p.i]
		switch {
		case t2.kind == tokEnd && t2.name == t.name:
			p.i++
			return b
		case t2.kind == tokEnd && p.isOpen(t2.name):
			return b
		case t2.kind == tokEnd:
			p.i++
		case t2.kind == tokText && strings.TrimSpace(t2.text) == "":
			p.i++
		case t2.kind == tokStart && t2.name == "li":
			p.i++
			if item := p.blocks("li"); len(item) > 0 {
				b.Items = append(b.Items, item)
			}
		default:
			// Content outside any <li>: an item of its own.
			if item := p.blocks("li"); len(item) > 0 {
				b.Items = append(b.Items, item)
			}
		}
	}
	return b
}

// inline reads the inline element starting at the current start tag.
func (p *htmlParser) inline() []Inline {
	t := p.toks[p.i]
	p.i++
	if t.void {
		return nil
	}
	children := p.inlines(t.name)
	switch t.name {
	case "em", "i", "cite", "dfn", "var":
		return []Inline{{Kind: Emphasis, Children: children}}
	case "strong", "b":
		return []Inline{{Kind: Strong, Children: children}}
	case "code", "kbd", "samp", "tt":
		return []Inline{{Kind: CodeSpan, Text: PlainText(children)}}
	case "a":
		u := safeURL(t.href)
		if u == "" {
			return children
		}
		children = unwrapLinks(children)
		if len(children) == 0 {
			children = []Inline{{Kind: Text, Text: u}}
		}
		return []Inline{{Kind: Link, URL: u, Children: children}}
	}
	return children // span, u, s, sup, font…: their text
}

// inlines reads inlines until the end tag of end; a block tag ends them
// too (an inline holds no block), left for the block reader.
func (p *htmlParser) inlines(end string) []Inline {
	p.open = append(p.open, end)
	defer func() { p.open = p.open[:len(p.open)-1] }()
	var out []Inline
	for p.i < len(p.toks) {
		t := p.toks[p.i]
		switch {
		case t.kind == tokEnd && t.name == end:
			p.i++
			return out
		case t.kind == tokEnd && p.isOpen(t.name):
			return out
		case t.kind == tokEnd:
			p.i++
		case t.kind == tokStart && blockTags[t.name]:
			return out
		case t.kind == tokStart && t.name == "br":
			p.i++
			out = append(out, Inline{Kind: Break})
		case t.kind == tokStart:
			out = appendInlines(out, p.inline())
		default:
			out = appendText(out, collapse(html.UnescapeString(t.text)))
			p.i++
		}
	}
	return out
}

// raw reads the text up to end's end tag as written, tags dropped (<pre>).
func (p *htmlParser) raw(end string) string {
	var b strings.Builder
	for p.i < len(p.toks) {
		t := p.toks[p.i]
		p.i++
		switch {
		case t.kind == tokEnd && t.name == end:
			return b.String()
		case t.kind == tokText:
			b.WriteString(html.UnescapeString(t.text))
		case t.kind == tokStart && t.name == "br":
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// collapse turns every run of white space into one space, as HTML shows it.
func collapse(s string) string {
	if strings.IndexAny(s, " \t\r\n\f") < 0 {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\r', '\n', '\f':
			if !space {
				b.WriteByte(' ')
			}
			space = true
		default:
			b.WriteRune(r)
			space = false
		}
	}
	return b.String()
}

// trimInlines drops the white space at the start and end of a block's
// inlines and around its line breaks, and runs left empty.
func trimInlines(in []Inline) []Inline {
	var out []Inline
	for i, x := range in {
		if x.Kind == Text {
			if i == 0 || in[i-1].Kind == Break {
				x.Text = strings.TrimLeft(x.Text, " ")
			}
			if i == len(in)-1 || in[i+1].Kind == Break {
				x.Text = strings.TrimRight(x.Text, " ")
			}
			if x.Text == "" {
				continue
			}
		}
		if (x.Kind == Emphasis || x.Kind == Strong || x.Kind == Link) && len(x.Children) > 0 {
			if i == 0 {
				x.Children = trimStart(x.Children)
			}
			if i == len(in)-1 {
				x.Children = trimEnd(x.Children)
			}
		}
		out = append(out, x)
	}
	// A block that is only line breaks is empty.
	for _, x := range out {
		if x.Kind != Break {
			return out
		}
	}
	return nil
}

func trimStart(in []Inline) []Inline {
	if len(in) > 0 && in[0].Kind == Text {
		c := append([]Inline(nil), in...)
		c[0].Text = strings.TrimLeft(c[0].Text, " ")
		return c
	}
	return in
}

func trimEnd(in []Inline) []Inline {
	if n := len(in); n > 0 && in[n-1].Kind == Text {
		c := append([]Inline(nil), in...)
		c[n-1].Text = strings.TrimRight(c[n-1].Text, " ")
		return c
	}
	return in
}
