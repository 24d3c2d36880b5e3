package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The commonest element shapes, as one call each. Every builder call
// written in a Render method is an interface call (and Class a slice of
// its arguments) that costs app.wasm a few hundred bytes of code where it
// is written; written once here, a page calls one plain function instead.

func pText(class string, text any) app.HTMLP       { return app.P().Class(class).Text(text) }
func spanText(class string, text any) app.HTMLSpan { return app.Span().Class(class).Text(text) }
func pClass(class string) app.HTMLP                { return app.P().Class(class) }
func spanClass(class string) app.HTMLSpan          { return app.Span().Class(class) }
func divClass(class string) app.HTMLDiv            { return app.Div().Class(class) }
func ulClass(class string) app.HTMLUl              { return app.Ul().Class(class) }
func liClass(class string) app.HTMLLi              { return app.Li().Class(class) }
func h1Class(class string) app.HTMLH1              { return app.H1().Class(class) }
func h2Class(class string) app.HTMLH2              { return app.H2().Class(class) }
func sectionClass(class string) app.HTMLSection    { return app.Section().Class(class) }
func navClass(class string) app.HTMLNav            { return app.Nav().Class(class) }

func aHref(href string) app.HTMLA           { return app.A().Href(href) }
func aText(href string, text any) app.HTMLA { return app.A().Href(href).Text(text) }
func typeButton() app.HTMLButton            { return app.Button().Type("button") }

// jsGlobal is app.Window().Get(name): the browser's global name.
func jsGlobal(name string) app.Value { return app.Window().Get(name) }
