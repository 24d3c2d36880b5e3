// Package web holds what the server ships to browsers under /web/: the
// styles and icons kept in static/, and the browser app that `make build`
// compiles into build/ (app.wasm and its precompressed .br and .gz).
package web

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed static
var static embed.FS

//go:embed all:build
var build embed.FS

//go:embed templates/app-worker.js
var WorkerTemplate string

// ThemeScript is theme.js, which every page carries inline at the
// top of its head, before its style sheets: it applies the attendee's
// theme and language before the first paint. Loaded as a file it held
// the page's parsing for a round trip (KCD France cold in make bench:
// 1,186 ms as a file, 974 ms inline); inline, without its comment lines,
// it costs each page well under 1 KB compressed.
var ThemeScript = withoutCommentLines(themeJS)

//go:embed theme.js
var themeJS string

// withoutCommentLines drops the lines that hold only a // comment.
func withoutCommentLines(js string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(js, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "//") {
			b.WriteString(line)
		}
	}
	return b.String()
}

// Static returns the committed assets, rooted at static/.
func Static() fs.FS {
	sub, _ := fs.Sub(static, "static")
	return sub
}

// Build returns the build outputs, rooted at build/. It holds no app.wasm
// until the browser app has been built.
func Build() fs.FS {
	sub, _ := fs.Sub(build, "build")
	return sub
}
