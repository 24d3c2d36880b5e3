// Command wasm is the browser app: the routes and go-app's start, nothing
// else. It is built with GOOS=js GOARCH=wasm into web/build/app.wasm and
// must not import the server: every package here is downloaded by phones
// on venue wifi.
package main

import (
	"companion/app/ui"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	ui.Routes()
	ui.Preload()
	app.RunWhenOnBrowser()
}
