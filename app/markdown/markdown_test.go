package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// dump writes a tree compactly: P(…) H2(…) UL[…|…] OL3[…] Q(…) CODE"…";
// inlines: "text" *em* **strong** `code` [children](url) / for a break.
func dump(bs []Block) string {
	var parts []string
	for _, b := range bs {
		switch b.Kind {
		case Paragraph:
			parts = append(parts, "P("+dumpInline(b.Inlines)+")")
		case Heading:
			parts = append(parts, fmt.Sprintf("H%d(%s)", b.Level, dumpInline(b.Inlines)))
		case List:
			var items []string
			for _, it := range b.Items {
				items = append(items, dump(it))
			}
			kind := "UL"
			if b.Ordered {
				kind = fmt.Sprintf("OL%d", b.Start)
			}
			parts = append(parts, kind+"["+strings.Join(items, "|")+"]")
		case Quote:
			parts = append(parts, "Q("+dump(b.Blocks)+")")
		case Code:
			parts = append(parts, fmt.Sprintf("CODE%q", b.Text))
		}
	}
	return strings.Join(parts, " ")
}

func dumpInline(in []Inline) string {
	var b strings.Builder
	for _, x := range in {
		switch x.Kind {
		case Text:
			fmt.Fprintf(&b, "%q", x.Text)
		case Emphasis:
			b.WriteString("*" + dumpInline(x.Children) + "*")
		case Strong:
			b.WriteString("**" + dumpInline(x.Children) + "**")
		case CodeSpan:
			b.WriteString("`" + x.Text + "`")
		case Link:
			b.WriteString("[" + dumpInline(x.Children) + "](" + x.URL + ")")
		case Break:
			b.WriteString("/")
		}
	}
	return b.String()
}

func TestMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Plain text.", `P("Plain text.")`},
		{"One\ntwo\n\nThree", `P("One two") P("Three")`},
		{"Hard  \nbreak\\\nagain", `P("Hard"/"break"/"again")`},
		{"**bold** and *em* and __b__ and _e_", `P(**"bold"**" and "*"em"*" and "**"b"**" and "*"e"*)`},
		{"***both***", `P(***"both"***)`},
		{"snake_case_name and 2*3*4", `P("snake_case_name and 2"*"3"*"4")`},
		{"a * b * c", `P("a * b * c")`},
		{"**unclosed", `P("**unclosed")`},
		{"`code *not em*` and ``a ` b``", "P(`code *not em*`\" and \"`a ` b`)"},
		{"\\*not em\\* &amp; &#39;q&#39; &nosuch;", `P("*not em* & 'q' &nosuch;")`},
		{"[pretalx](https://pretalx.com/p/ \"title\") [rel](/talk/1) [js](javascript:alert(1))",
			`P(["pretalx"](https://pretalx.com/p/)" rel js")`},
		{"mail <talks@example.org> or <https://example.org/a_b>", `P("mail "["talks@example.org"](mailto:talks@example.org)" or "["https://example.org/a_b"](https://example.org/a_b))`},
		{"See https://example.org/x_(y). And www.example.org, too", `P("See "["https://example.org/x_(y)"](https://example.org/x_(y))". And "["www.example.org"](https://www.example.org)", too")`},
		{"![logo](https://example.org/l.png) [**b** [in](https://a.org)](https://b.org)", `P("logo "[**"b"**" in"](https://b.org))`},
		{"# Title #\n## Sub\nText\nSetext\n===", `H1("Title") H2("Sub") H1("Text Setext")`},
		{"Intro:\n- one\n- two *em*\n\n- three\n\nAfter", `P("Intro:") UL[P("one")|P("two "*"em"*)|P("three")] P("After")`},
		{"3. c\n4. d\n\n* x\n  * nested\n* y", `OL3[P("c")|P("d")] UL[P("x") UL[P("nested")]|P("y")]`},
		{"- item\ncontinued lazily", `UL[P("item continued lazily")]`},
		{"> quoted **b**\n> more\n\nout", `Q(P("quoted "**"b"**" more")) P("out")`},
		{"```go\nfunc main() {\n\t*x*\n}\n```\nafter", `CODE"func main() {\n    *x*\n}" P("after")`},
		{"---\n***", ``},
		{"In 2019. it rained", `P("In 2019. it rained")`},
		// 39C3's schedule.xml indents every line after the first by 20 spaces.
		{"First line.\n\n                    Second paragraph\n                    - a list\n                    - of two", `P("First line.") P("Second paragraph") UL[P("a list")|P("of two")]`},
		{"", ``},
	} {
		if got := dump(Parse(tc.in)); got != tc.want {
			t.Errorf("Parse(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

func TestHTML(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// FOSDEM 2025's abstracts look like this.
		{"<p>Currently LLVM saves <b>callee-saved</b> registers.</p>\n<p>Q&amp;A<br>after</p>", `P("Currently LLVM saves "**"callee-saved"**" registers.") P("Q&A"/"after")`},
		{"<script>alert(1)</script><p>kept</p><style>p{}</style><img src=x onerror=alert(2)>", `P("kept")`},
		{"<ul>\n <li>one <em>1</em></li>\n <li>two<ul><li>nested</li></ul></li>\n</ul>", `UL[P("one "*"1"*)|P("two") UL[P("nested")]]`},
		{"<ol start=\"4\"><li>four<li>five</ol>", `OL4[P("four")|P("five")]`},
		{`<a href="https://fosdem.org/2025/">FOSDEM</a> <a href="javascript:alert(1)">js</a> <a href='/rel'>rel</a> <a href="mailto:a@b.org">mail</a>`,
			`P(["FOSDEM"](https://fosdem.org/2025/)" js rel "["mail"](mailto:a@b.org))`},
		{"<h3>Agenda</h3><pre>  line 1\n  line &lt;2&gt;</pre><blockquote><p>q</p></blockquote>", `H3("Agenda") CODE"  line 1\n  line <2>" Q(P("q"))`},
		{"Text   with\n\n  spaces<!-- hidden --> <code>x &lt; y</code><div>block</div>tail", "P(\"Text with spaces \"`x < y`) P(\"block\") P(\"tail\")"},
		{"<p><b>bold then<p>next", `P(**"bold then"**) P("next")`},
		{"a < b and <3", `P("a < b and <3")`},
	} {
		if got := dump(ParseHTML(tc.in)); got != tc.want {
			t.Errorf("ParseHTML(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// Each abstract is read as HTML when it holds an HTML tag, else as
// Markdown (plain text reads the same either way).
func TestDetect(t *testing.T) {
	for in, want := range map[string]Format{
		"<p>FOSDEM</p>":                  FormatHTML,
		"line<br>break":                  FormatHTML,
		"see <a href=\"x\">this</a>":     FormatHTML,
		"**bold** and a list\n- one":     FormatMarkdown,
		"10 PB < 1 EB, <3":               FormatMarkdown,
		"<https://example.org> autolink": FormatMarkdown,
		"Vec<T> and <T: Clone>":          FormatMarkdown,
		"":                               FormatMarkdown,
	} {
		if got := Detect(in); got != want {
			t.Errorf("Detect(%q) = %d, want %d", in, got, want)
		}
	}
}

// Whatever the input, parsing ends and links are only http, https or mailto.
func FuzzRead(f *testing.F) {
	for _, s := range []string{"**a *b** c*", "[x](https://a.org) <b>y</b>", "- a\n  - b\n\n1. c", "```\ncode", "<ul><li><ol><li>x</ul>", "> q\n>> qq", "*_*_*_", "[[[]]](", "<a href=\"javascript:x\">"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, blocks := Read(s)
		var check func([]Block)
		var checkIn func([]Inline)
		checkIn = func(in []Inline) {
			for _, x := range in {
				if x.Kind == Link && safeURL(x.URL) != x.URL {
					t.Fatalf("link to %q from %q", x.URL, s)
				}
				checkIn(x.Children)
			}
		}
		check = func(bs []Block) {
			for _, b := range bs {
				checkIn(b.Inlines)
				check(b.Blocks)
				for _, it := range b.Items {
					check(it)
				}
			}
		}
		check(blocks)
	})
}
