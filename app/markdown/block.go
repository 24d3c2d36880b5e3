package markdown

import "strings"

// Parse reads Markdown: paragraphs (separated by blank lines; a single
// line break inside one is a space, as in CommonMark), ATX and setext
// headings, bullet and ordered lists (nested by indentation), block
// quotes, fenced code blocks, and the inlines of parseInline. A line of
// dashes or stars is a separator and shows nothing. Indented code blocks
// are not read: exports indent abstracts for their own layout (39C3's
// schedule.xml indents every line after the first by 20 spaces), and
// that indentation is removed instead.
func Parse(src string) []Block {
	return parseBlocks(lines(src))
}

// lines splits src into lines with tabs expanded and the indentation that
// an export added (common to every line, or to every line after the
// first when that is at least 4 columns) removed.
func lines(src string) []string {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	ls := strings.Split(src, "\n")
	for i, l := range ls {
		if strings.IndexByte(l, '\t') >= 0 {
			ls[i] = expandTabs(l)
		}
	}
	common, rest := -1, -1
	for i, l := range ls {
		if blank(l) {
			continue
		}
		ind := indent(l)
		if common < 0 || ind < common {
			common = ind
		}
		if i > 0 && (rest < 0 || ind < rest) {
			rest = ind
		}
	}
	for i, l := range ls {
		if blank(l) {
			ls[i] = ""
			continue
		}
		cut := common
		if i > 0 && rest-common >= 4 && indent(ls[0])-common < rest-common {
			cut = rest
		}
		ls[i] = l[min(cut, indent(l)):]
	}
	return ls
}

func expandTabs(l string) string {
	var b strings.Builder
	col := 0
	for _, r := range l {
		if r == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

func blank(l string) bool { return strings.TrimSpace(l) == "" }

func indent(l string) int {
	n := 0
	for n < len(l) && l[n] == ' ' {
		n++
	}
	return n
}

func parseBlocks(ls []string) []Block {
	var out []Block
	for i := 0; i < len(ls); {
		l := ls[i]
		if blank(l) {
			i++
			continue
		}
		rest := strings.TrimLeft(l, " ")
		if ch, n, ok := fence(rest); ok {
			ind := indent(l)
			var body []string
			i++
			for ; i < len(ls); i++ {
				if c, m, ok := fence(strings.TrimLeft(ls[i], " ")); ok && c == ch && m >= n && strings.Trim(strings.TrimSpace(ls[i]), string(ch)) == "" {
					i++
					break
				}
				body = append(body, ls[i][min(ind, indent(ls[i])):])
			}
			out = append(out, Block{Kind: Code, Text: strings.Join(body, "\n")})
			continue
		}
		if level, text, ok := atxHeading(rest); ok {
			out = append(out, Block{Kind: Heading, Level: level, Inlines: parseInline(text)})
			i++
			continue
		}
		if thematicBreak(rest) {
			i++
			continue
		}
		if strings.HasPrefix(rest, ">") {
			var body []string
			for ; i < len(ls) && !blank(ls[i]); i++ {
				q := strings.TrimLeft(ls[i], " ")
				if strings.HasPrefix(q, ">") {
					q = strings.TrimPrefix(strings.TrimPrefix(q, ">"), " ")
				} else if startsBlock(q) {
					break
				}
				body = append(body, q)
			}
			out = append(out, Block{Kind: Quote, Blocks: parseBlocks(body)})
			continue
		}
		if _, ok := listMarker(rest); ok {
			var list Block
			list, i = parseList(ls, i)
			out = append(out, list)
			continue
		}
		// A paragraph: its lines until a blank one or another block; a
		// setext underline makes it a heading.
		var body []string
		for ; i < len(ls) && !blank(ls[i]); i++ {
			q := strings.TrimLeft(ls[i], " ")
			if len(body) > 0 {
				if lvl := setext(q); lvl > 0 {
					out = append(out, Block{Kind: Heading, Level: lvl, Inlines: parseInline(strings.Join(body, "\n"))})
					body = nil
					i++
					break
				}
				if startsBlock(q) {
					break
				}
			}
			body = append(body, q)
		}
		if len(body) > 0 {
			out = append(out, Block{Kind: Paragraph, Inlines: parseInline(strings.Join(body, "\n"))})
		}
	}
	return out
}

// startsBlock reports whether an unindented line starts a block that
// interrupts a paragraph.
func startsBlock(q string) bool {
	if _, _, ok := fence(q); ok {
		return true
	}
	if _, _, ok := atxHeading(q); ok {
		return true
	}
	if m, ok := listMarker(q); ok && (!m.ordered || m.start == 1) {
		return true
	}
	return strings.HasPrefix(q, ">") || thematicBreak(q)
}

func fence(q string) (byte, int, bool) {
	if len(q) < 3 || (q[0] != '`' && q[0] != '~') {
		return 0, 0, false
	}
	n := 0
	for n < len(q) && q[n] == q[0] {
		n++
	}
	if n < 3 || q[0] == '`' && strings.IndexByte(q[n:], '`') >= 0 {
		return 0, 0, false
	}
	return q[0], n, true
}

func atxHeading(q string) (int, string, bool) {
	n := 0
	for n < len(q) && q[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(q) && q[n] != ' ' {
		return 0, "", false
	}
	text := strings.TrimSpace(q[n:])
	// A closing run of #s, after a space, is not part of the heading.
	if t := strings.TrimRight(text, "#"); t != text && (t == "" || strings.HasSuffix(t, " ")) {
		text = strings.TrimSpace(t)
	}
	return n, text, true
}

func thematicBreak(q string) bool {
	q = strings.ReplaceAll(strings.TrimSpace(q), " ", "")
	if len(q) < 3 {
		return false
	}
	c := q[0]
	return (c == '-' || c == '*' || c == '_') && strings.Trim(q, string(c)) == ""
}

func setext(q string) int {
	q = strings.TrimSpace(q)
	switch {
	case len(q) >= 3 && strings.Trim(q, "=") == "":
		return 1
	case len(q) >= 3 && strings.Trim(q, "-") == "":
		return 2
	}
	return 0
}

type marker struct {
	ordered bool
	char    byte // '-', '*', '+', or the ordered delimiter '.' or ')'
	start   int
	width   int // the marker and the spaces after it: where content starts
}

// listMarker reads "- ", "* ", "+ ", "1. " or "1) " at the start of q.
func listMarker(q string) (marker, bool) {
	var m marker
	n := 0
	switch {
	case len(q) > 0 && (q[0] == '-' || q[0] == '*' || q[0] == '+'):
		m.char, n = q[0], 1
	default:
		for n < len(q) && n < 9 && q[n] >= '0' && q[n] <= '9' {
			m.start = m.start*10 + int(q[n]-'0')
			n++
		}
		if n == 0 || n >= len(q) || q[n] != '.' && q[n] != ')' {
			return m, false
		}
		m.ordered, m.char = true, q[n]
		n++
	}
	if n == len(q) {
		m.width = n + 1 // an empty item
		return m, true
	}
	if q[n] != ' ' {
		return m, false
	}
	sp := 0
	for n+sp < len(q) && q[n+sp] == ' ' {
		sp++
	}
	if sp > 4 || n+sp == len(q) {
		sp = 1
	}
	m.width = n + sp
	return m, true
}

// parseList reads the list starting at ls[i] and returns it with the
// index of the first line after it.
func parseList(ls []string, i int) (Block, int) {
	first, _ := listMarker(strings.TrimLeft(ls[i], " "))
	list := Block{Kind: List, Ordered: first.ordered, Start: first.start}
	for i < len(ls) {
		l := ls[i]
		ind := indent(l)
		m, ok := listMarker(l[ind:])
		if !ok || m.ordered != first.ordered || m.char != first.char {
			break
		}
		content := ind + m.width
		item := []string{l[min(content, len(l)):]}
		i++
		blankBefore := false
		for ; i < len(ls); i++ {
			next := ls[i]
			if blank(next) {
				item = append(item, "")
				blankBefore = true
				continue
			}
			nind := indent(next)
			if nind >= content {
				item = append(item, next[content:])
				blankBefore = false
				continue
			}
			q := next[nind:]
			if m2, ok := listMarker(q); ok && m2.ordered == first.ordered && m2.char == first.char {
				break // the next item
			}
			if blankBefore || startsBlock(q) {
				break // a sibling item, another block, or the end of the list
			}
			item = append(item, q) // a lazy continuation of the item's paragraph
		}
		for len(item) > 0 && item[len(item)-1] == "" {
			item = item[:len(item)-1]
		}
		list.Items = append(list.Items, parseBlocks(item))
		// Blank lines between items keep the list going; anything else ends it.
		j := i
		for j < len(ls) && blank(ls[j]) {
			j++
		}
		if j < len(ls) {
			if m2, ok := listMarker(strings.TrimLeft(ls[j], " ")); ok && m2.ordered == first.ordered && m2.char == first.char {
				i = j
				continue
			}
		}
		break
	}
	return list, i
}
