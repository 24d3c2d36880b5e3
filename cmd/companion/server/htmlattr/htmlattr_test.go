package htmlattr_test

import (
	"bytes"
	"strings"
	"testing"

	"companion/cmd/companion/server/htmlattr"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

// hostile are attribute values that go-app's quoting gets wrong: they must
// reach the browser exactly as set.
var hostile = []string{
	`a"><img src=x onerror=alert(1)>`,
	`back\slash \" and \\`,
	"narrow\u202fno-break and é, 日本, emoji 🎉",
	`<script>alert(1)</script>`,
	`&amp; stays &amp;`,
	`javascript:alert(1)`,
	"control\x01\x7f",
	"' single ' quotes",
	strings.Repeat("long ", 20000) + "end",
}

// The fault this package repairs is go-app's: if go-app ever writes HTML
// attributes itself, this test says so (and Rewrite must then go).
func TestGoAppStillQuotesWithGo(t *testing.T) {
	got := app.HTMLString(app.Div().Title(`a"b`))
	if !strings.Contains(got, `title="a\"b"`) {
		t.Fatalf("go-app's attribute encoding changed: %s", got)
	}
}

func TestRewriteRoundTrip(t *testing.T) {
	for _, v := range hostile {
		doc := app.HTMLString(app.Div().Body(
			app.A().Href(v).Title(v).Aria("label", v).Style("color", v).Text(v),
			app.Input().Type("checkbox").Checked(true).Value(v),
			app.Meta().Property("og:title").Content(v),
		))
		fixed, err := htmlattr.Rewrite([]byte(doc))
		if err != nil {
			t.Fatalf("%.40q: %v", v, err)
		}
		n, err := html.Parse(bytes.NewReader(fixed))
		if err != nil {
			t.Fatal(err)
		}
		var elems int
		walk(n, func(e *html.Node) {
			elems++
			for _, a := range e.Attr {
				want := v
				switch a.Key {
				case "style":
					want = "color:" + v
				case "type":
					want = "checkbox"
				case "property":
					want = "og:title"
				case "checked":
					want = ""
				}
				if a.Val != want {
					t.Errorf("<%s %s> = %.60q, want %.60q", e.Data, a.Key, a.Val, want)
				}
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("an event handler attribute appeared: %s", a.Key)
				}
			}
			if e.Data == "img" || e.Data == "script" {
				t.Errorf("injected element <%s>", e.Data)
			}
		})
		// html, head, body, div, a, input, meta
		if elems != 7 {
			t.Errorf("%.40q: %d elements, want 7", v, elems)
		}
	}
}

func TestRewriteKeepsTheRest(t *testing.T) {
	in := "<!DOCTYPE html>\n<html lang=\"fr\">\n  <body hidden>\n    <p>a &lt;b&gt; &amp; \"c\"</p>\n  </body>\n</html>"
	got, err := htmlattr.Rewrite([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != in {
		t.Errorf("got %s", got)
	}
}

func TestRewriteRefusesWhatGoAppDoesNotWrite(t *testing.T) {
	for _, in := range []string{
		`<a href='x'>`,  // not Go-quoted
		`<a href="x>`,   // unterminated
		`<a href="\q">`, // not a Go escape
		`<a`,            // unterminated tag
		`< a>`,          // no tag name
		"<a title=\"x\ny\">",
	} {
		if _, err := htmlattr.Rewrite([]byte(in)); err == nil {
			t.Errorf("%s: no error", in)
		}
	}
}

func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func FuzzRewrite(f *testing.F) {
	for _, v := range hostile[:8] {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		v = strings.TrimSpace(v) // as go-app sets it
		if v == "" {
			return // go-app leaves an empty title out
		}
		doc := app.HTMLString(app.A().Title(v).Text("x"))
		fixed, err := htmlattr.Rewrite([]byte(doc))
		if err != nil {
			t.Fatalf("%q: %v", v, err)
		}
		z := html.NewTokenizer(bytes.NewReader(fixed))
		z.Next()
		tok := z.Token()
		if tok.Data != "a" || len(tok.Attr) != 1 || tok.Attr[0].Key != "title" {
			t.Fatalf("%q: %v", v, tok)
		}
		// The tokenizer reads what the browser reads; NUL and CR are
		// normalised by HTML itself.
		if norm(tok.Attr[0].Val) != norm(v) {
			t.Fatalf("%q read back as %q", v, tok.Attr[0].Val)
		}
	})
}

// norm applies what HTML does to any attribute value: newlines made \n,
// NUL made U+FFFD.
func norm(s string) string {
	return strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x00", "\uFFFD").Replace(s)
}

// A boolean attribute set to false is left out, as go-app leaves it out of
// the page in the browser; set to true it stays; other attributes that
// read "false" (ARIA's, spellcheck) keep it.
func TestRewriteDropsFalseBooleans(t *testing.T) {
	doc := app.HTMLString(app.Div().Body(
		app.Details().Class("a").Open(false).Body(app.Summary().Text("closed")),
		app.Details().Open(true).Body(app.Summary().Text("open")),
		app.Button().Disabled(false).Aria("pressed", false).Text("on"),
		app.Input().Type("checkbox").Checked(false).Hidden(false).Spellcheck(false).ReadOnly(false),
	))
	if !strings.Contains(doc, `open="false"`) {
		t.Fatalf("go-app no longer writes open=\"false\" (then this fix can go): %s", doc)
	}
	out, err := htmlattr.Rewrite([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{`<details class="a">`, `<details open>`, `<button aria-pressed="false">`, `spellcheck="false"`} {
		if !strings.Contains(got, want) {
			t.Errorf("want %s in\n%s", want, got)
		}
	}
	for _, gone := range []string{`open="false"`, "disabled", "checked", "hidden", "readonly"} {
		if strings.Contains(got, gone) {
			t.Errorf("%s left in\n%s", gone, got)
		}
	}
	// As a browser reads it: one details open.
	root, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	open := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "details" {
			for _, a := range n.Attr {
				if a.Key == "open" {
					open++
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if open != 1 {
		t.Errorf("%d details open, want 1:\n%s", open, got)
	}
}
