package ui

import (
	"strings"

	"companion/app/markdown"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// richText shows an abstract with its structure: paragraphs, lists,
// emphasis, links, code. Each abstract is read as HTML when it holds HTML
// tags (FOSDEM's do), else as Markdown (pretalx and c3voc write Markdown;
// plain text reads the same); see markdown.Detect. Either way it becomes
// the app's own elements with the text as text: schedule data is not
// trusted markup, and nothing of it is ever given to the browser as HTML
// (no app.Raw).
func richText(s string) []app.UI {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, blocks := markdown.Read(s)
	return renderBlocks(blocks)
}

func renderBlocks(blocks []markdown.Block) []app.UI {
	out := make([]app.UI, 0, len(blocks))
	for _, b := range blocks {
		switch b.Kind {
		case markdown.Paragraph:
			out = append(out, app.P().Body(renderInlines(b.Inlines)...))
		case markdown.Heading:
			// Under the page's "About" heading: one level down, at most two.
			if b.Level <= 2 {
				out = append(out, app.H3().Body(renderInlines(b.Inlines)...))
			} else {
				out = append(out, app.H4().Body(renderInlines(b.Inlines)...))
			}
		case markdown.List:
			items := make([]app.UI, len(b.Items))
			for i, it := range b.Items {
				items[i] = app.Li().Body(renderBlocks(it)...)
			}
			if b.Ordered {
				ol := app.Ol().Body(items...)
				if b.Start != 1 {
					ol = ol.Start(b.Start)
				}
				out = append(out, ol)
			} else {
				out = append(out, app.Ul().Body(items...))
			}
		case markdown.Quote:
			out = append(out, app.Blockquote().Body(renderBlocks(b.Blocks)...))
		case markdown.Code:
			out = append(out, app.Pre().Body(app.Code().Text(b.Text)))
		}
	}
	return out
}

func renderInlines(in []markdown.Inline) []app.UI {
	out := make([]app.UI, 0, len(in))
	for _, x := range in {
		switch x.Kind {
		case markdown.Text:
			out = append(out, app.Text(x.Text))
		case markdown.Emphasis:
			out = append(out, app.Em().Body(renderInlines(x.Children)...))
		case markdown.Strong:
			out = append(out, app.Strong().Body(renderInlines(x.Children)...))
		case markdown.CodeSpan:
			out = append(out, app.Code().Text(x.Text))
		case markdown.Link:
			out = append(out, aHref(x.URL).Rel("noopener nofollow").Target("_blank").Body(renderInlines(x.Children)...))
		case markdown.Break:
			out = append(out, app.Br())
		}
	}
	return out
}

// paragraphs is an abstract as plain-text paragraphs, for where no markup
// can go (a page's description, the calendar file): read as richText
// reads it, the markup gone, list items on their own lines.
func paragraphs(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, blocks := markdown.Read(s)
	return plainBlocks(blocks)
}

func plainBlocks(blocks []markdown.Block) []string {
	var out []string
	for _, b := range blocks {
		switch b.Kind {
		case markdown.Paragraph, markdown.Heading:
			if t := strings.TrimSpace(markdown.PlainText(b.Inlines)); t != "" {
				out = append(out, t)
			}
		case markdown.List:
			lines := make([]string, 0, len(b.Items))
			for i, it := range b.Items {
				mark := "• "
				if b.Ordered {
					mark = itoa(b.Start+i) + ". "
				}
				lines = append(lines, mark+strings.Join(plainBlocks(it), " "))
			}
			out = append(out, strings.Join(lines, "\n"))
		case markdown.Quote:
			out = append(out, plainBlocks(b.Blocks)...)
		case markdown.Code:
			if strings.TrimSpace(b.Text) != "" {
				out = append(out, b.Text)
			}
		}
	}
	return out
}
