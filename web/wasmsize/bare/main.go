// Command bare is the bare go-app client app.wasm is measured against
// (README: "What app.wasm is made of"): one component, one route. Build
// it with the Makefile's WASM_FLAGS (without -s for wasmsize's names):
//
//	GOOS=js GOARCH=wasm go build -trimpath -gcflags=all=-l -gcflags=runtime= -gcflags='internal/...=' -o /tmp/bare.wasm ./web/wasmsize/bare
//	go run ./web/wasmsize -base /tmp/bare.wasm APP.wasm
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello") }

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
}
