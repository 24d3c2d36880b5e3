package server

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"

	htmlparse "golang.org/x/net/html"

	"companion/app/catalog"
	"companion/app/theme"
	"companion/web"
)

// Theme colours for the browser's chrome, as the page's own background.
const (
	themeLight = theme.LightColor
	themeDark  = theme.DarkColor
)

// themeScriptElement is theme.js as the pages carry it, inline (the
// policy allows it by ThemeScriptSource).
var themeScriptElement = "<script>" + web.ThemeScript + "</script>"

// fixHead corrects what go-app writes in a page's head. Its og:url and
// og:image are built from an empty domain ("https:///talk/x", "https://")
// and its og:url drops the query that names a conference: with a public
// base URL they become that URL and the page's own (key) URL, else they
// go; the empty author goes; the theme colour is given for light and dark.
// It drops go-app's own style sheet (/app.css: web/static/app.css has
// the few rules of it the pages use), one render-blocking request less on
// a cold load. Deferred scripts (go-app's loader, cards.js) are fetched at
// low priority: they run after the page is parsed, and on a slow link
// they otherwise share it with the style sheet the first paint waits for.
// And it puts theme.js inline before the first style sheet: after the
// theme-colour metas and the title it changes, and before anything that
// would make it wait (a script after a pending style sheet waits for it).
// go-app writes one head element a line.
func fixHead(doc []byte, baseURL, key string) []byte {
	head, rest, ok := bytes.Cut(doc, []byte("</head>"))
	if !ok {
		return doc
	}
	var out bytes.Buffer
	out.Grow(len(doc) + len(themeScriptElement) + 256)
	themed := false
	for _, line := range bytes.SplitAfter(head, []byte("\n")) {
		indent := line[:len(line)-len(bytes.TrimLeft(line, " "))]
		tag, attrs := headTag(line)
		if !themed && tag == "link" && attrs["rel"] == "stylesheet" {
			out.Write(indent)
			out.WriteString(themeScriptElement + "\n")
			themed = true
		}
		switch {
		case tag == "link" && attrs["href"] == "/app.css":
			continue
		case tag == "script" && has(attrs, "defer") && !has(attrs, "fetchpriority"):
			out.Write(indent)
			out.WriteString(`<script fetchpriority="low"`)
			out.Write(bytes.TrimPrefix(bytes.TrimLeft(line, " "), []byte("<script")))
		case tag != "meta":
			out.Write(line)
		case attrs["property"] == "og:image", attrs["name"] == "author" && attrs["content"] == "":
			continue
		case attrs["name"] == "theme-color":
			out.Write(indent)
			out.WriteString(`<meta name="theme-color" media="(prefers-color-scheme: light)" content="` + themeLight + `">` + "\n")
			out.Write(indent)
			out.WriteString(`<meta name="theme-color" media="(prefers-color-scheme: dark)" content="` + themeDark + `">` + "\n")
		case attrs["property"] == "og:url":
			if baseURL == "" {
				continue
			}
			u := html.EscapeString(baseURL + key)
			out.Write(indent)
			out.WriteString(`<meta property="og:url" content="` + u + `">` + "\n")
			out.Write(indent)
			out.WriteString(`<link rel="canonical" href="` + u + `">` + "\n")
			out.Write(indent)
			out.WriteString(`<meta property="og:image" content="` + html.EscapeString(baseURL+"/web/icons/icon-512.png") + `">` + "\n")
		default:
			out.Write(line)
		}
	}
	if !themed {
		out.WriteString(themeScriptElement)
	}
	out.WriteString("</head>")
	out.Write(rest)
	return out.Bytes()
}

func has(attrs map[string]string, name string) bool {
	_, ok := attrs[name]
	return ok
}

// headTag reads the element a head line starts (go-app writes its
// attributes in no fixed order).
func headTag(line []byte) (string, map[string]string) {
	z := htmlparse.NewTokenizer(bytes.NewReader(bytes.TrimSpace(line)))
	if tt := z.Next(); tt != htmlparse.StartTagToken && tt != htmlparse.SelfClosingTagToken {
		return "", nil
	}
	tok := z.Token()
	attrs := map[string]string{}
	for _, a := range tok.Attr {
		attrs[a.Key] = a.Val
	}
	return tok.Data, attrs
}

// fixManifest gives go-app's manifest an id (so that the installed app
// keeps its identity across versions), the conference's own name when the
// server serves one conference, and the light theme colour.
func fixManifest(doc []byte) []byte {
	var m map[string]any
	if err := json.Unmarshal(doc, &m); err != nil {
		return doc
	}
	m["id"] = "/"
	m["theme_color"] = themeLight
	if list := catalog.List(); len(list) == 1 {
		m["name"] = list[0].Title
		m["short_name"] = shortName(list[0].Title)
	}
	b, err := json.Marshal(m)
	if err != nil {
		return doc
	}
	return b
}

// shortName fits a title under a home-screen icon (about 12 characters).
func shortName(title string) string {
	if r := []rune(title); len(r) <= 12 {
		return title
	}
	words := strings.Fields(title)
	s := ""
	for _, w := range words {
		if len([]rune(s+" "+w)) > 12 && s != "" {
			break
		}
		s = strings.TrimSpace(s + " " + w)
	}
	if r := []rune(s); len(r) > 12 {
		s = string(r[:12])
	}
	return s
}
