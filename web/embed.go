// Package web holds what the server ships to browsers under /web/: the
// styles and icons kept in static/, and the browser app that `make build`
// compiles into build/ (app.wasm and its precompressed .br and .gz).
package web

import (
	"embed"
	"io/fs"
)

//go:embed static
var static embed.FS

//go:embed all:build
var build embed.FS

//go:embed templates/app-worker.js
var WorkerTemplate string

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
