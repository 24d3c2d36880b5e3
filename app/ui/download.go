package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// download hands the attendee a file made in the browser (a Blob URL:
// nothing leaves the device, it works offline, and no inline script or
// data URL is needed).
func download(name, mime, content string) {
	if app.IsServer {
		return
	}
	w := app.Window()
	blob := w.Get("Blob").New([]any{content}, map[string]any{"type": mime})
	href := w.Get("URL").Call("createObjectURL", blob)
	doc := w.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", name)
	a.Set("hidden", true)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	time.AfterFunc(time.Minute, func() { w.Get("URL").Call("revokeObjectURL", href) })
}

// fileStamp names downloads by the moment they were made.
func fileStamp() string { return time.Now().Format("2006-01-02-1504") }

func timeNow() time.Time { return time.Now().UTC() }
