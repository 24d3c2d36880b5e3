// Package htmlattr repairs the attribute values of go-app's prerendered
// HTML.
//
// go-app v10 (pkg/app/node.go, encodeHTMLAttribute) writes every attribute
// value with strconv.Quote, a Go string literal rather than an HTML one: a
// `"` in the value becomes `\"`, which HTML does not read as an escape, so
// the quote closes the attribute and the rest of the value becomes markup
// (a title, a link or the request path is enough to inject a script). The
// same quoting corrupts honest values: a backslash is doubled and runes Go
// does not call printable (U+202F, the narrow no-break space of French
// typography) appear as `\u202f`. Text nodes are escaped correctly; the
// browser app sets attributes through the DOM and needs no escaping.
//
// Rewrite takes go-app's document and writes each attribute value again,
// decoded from its Go quoting and escaped for HTML, so that the browser
// reads exactly the string the app set. See UPSTREAM.md for the write-up.
//
// go-app also writes a boolean attribute set to false as `open="false"`
// (in the browser it sets the element's property to false instead), and
// HTML reads any value of a boolean attribute as true: a closed <details>
// arrives open, an enabled button disabled. Rewrite drops those.
package htmlattr

import (
	"fmt"
	"html"
	"strconv"
)

// Rewrite returns doc with every attribute value re-encoded for HTML. doc
// must be what go-app's encoder writes: tags whose valued attributes are
// Go-quoted, and escaped text; anything else is an error (and served as
// nothing, never as is).
func Rewrite(doc []byte) ([]byte, error) {
	out := make([]byte, 0, len(doc)+len(doc)/32)
	i := 0
	for i < len(doc) {
		lt := indexByte(doc, i, '<')
		if lt < 0 {
			out = append(out, doc[i:]...)
			break
		}
		out = append(out, doc[i:lt]...)
		i = lt
		if i+1 < len(doc) && (doc[i+1] == '!' || doc[i+1] == '/') {
			// A doctype or an end tag: no attributes.
			gt := indexByte(doc, i, '>')
			if gt < 0 {
				return nil, fmt.Errorf("htmlattr: unterminated tag at byte %d", i)
			}
			out = append(out, doc[i:gt+1]...)
			i = gt + 1
			continue
		}
		var err error
		out, i, err = rewriteTag(out, doc, i)
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// rewriteTag copies the start tag at doc[i] ('<'), re-encoding its
// attribute values, and returns the position after its '>'.
func rewriteTag(out, doc []byte, i int) ([]byte, int, error) {
	start := i
	i++ // '<'
	for i < len(doc) && isNameByte(doc[i]) {
		i++
	}
	if i == start+1 {
		return nil, 0, fmt.Errorf("htmlattr: '<' without a tag name at byte %d", start)
	}
	out = append(out, doc[start:i]...)
	for {
		for i < len(doc) && doc[i] == ' ' {
			out = append(out, ' ')
			i++
		}
		if i >= len(doc) {
			return nil, 0, fmt.Errorf("htmlattr: unterminated tag at byte %d", start)
		}
		if doc[i] == '>' {
			return append(out, '>'), i + 1, nil
		}
		name := i
		for i < len(doc) && isNameByte(doc[i]) {
			i++
		}
		if i == name {
			return nil, 0, fmt.Errorf("htmlattr: unexpected %q in a tag at byte %d", doc[i], i)
		}
		attr := doc[name:i]
		if i >= len(doc) || doc[i] != '=' {
			out = append(out, attr...)
			continue // a boolean attribute
		}
		end, err := quotedEnd(doc, i+1)
		if err != nil {
			return nil, 0, err
		}
		value, err := strconv.Unquote(string(doc[i+1 : end]))
		if err != nil {
			return nil, 0, fmt.Errorf("htmlattr: attribute %s at byte %d: %v", attr, name, err)
		}
		if booleans[string(attr)] {
			if on, _ := strconv.ParseBool(value); !on {
				// Dropped with the space before it.
				for len(out) > 0 && out[len(out)-1] == ' ' {
					out = out[:len(out)-1]
				}
				i = end
				continue
			}
		}
		out = append(out, attr...)
		out = append(out, '=', '"')
		out = append(out, html.EscapeString(value)...)
		out = append(out, '"')
		i = end
	}
}

// booleans are the attributes go-app sets in the browser as boolean
// properties, from strconv.ParseBool of their value (pkg/app/attribute.go,
// setJSAttribute).
var booleans = map[string]bool{
	"async": true, "autofocus": true, "autoplay": true, "checked": true,
	"default": true, "defer": true, "disabled": true, "hidden": true,
	"ismap": true, "loop": true, "multiple": true, "muted": true, "open": true,
	"readonly": true, "required": true, "reversed": true, "selected": true,
}

// quotedEnd returns the position just after the Go string literal that
// starts at doc[i].
func quotedEnd(doc []byte, i int) (int, error) {
	if i >= len(doc) || doc[i] != '"' {
		return 0, fmt.Errorf("htmlattr: attribute value without a quote at byte %d", i)
	}
	for j := i + 1; j < len(doc); j++ {
		switch doc[j] {
		case '\\':
			j++
		case '"':
			return j + 1, nil
		case '\n':
			return 0, fmt.Errorf("htmlattr: newline in a quoted value at byte %d", j)
		}
	}
	return 0, fmt.Errorf("htmlattr: unterminated value at byte %d", i)
}

func isNameByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '-' || b == '_' || b == ':' || b == '.'
}

func indexByte(b []byte, from int, c byte) int {
	for j := from; j < len(b); j++ {
		if b[j] == c {
			return j
		}
	}
	return -1
}
