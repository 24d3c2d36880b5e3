// Package theme is the attendee's choice of colours: the system's (light
// or dark as the phone is set), or always light, or always dark. The
// choice is kept in localStorage under Key as the bare name, so that
// web/theme.js can apply it before the page is first drawn,
// without waiting for the app.
package theme

// Key is where the choice is stored; web/theme.js reads the same.
const Key = "companion/theme"

// Choice is a theme the attendee can pick.
type Choice string

const (
	System Choice = "" // nothing stored: follow prefers-color-scheme
	Light  Choice = "light"
	Dark   Choice = "dark"
)

// Choices are offered in this order.
var Choices = []Choice{System, Light, Dark}

// Parse reads a stored value; anything unknown (a damaged or future value)
// is the system's.
func Parse(stored string) Choice {
	switch c := Choice(stored); c {
	case Light, Dark:
		return c
	}
	return System
}

// Name is the choice's name in the page (data-theme on the switch's
// buttons): "system", "light" or "dark".
func (c Choice) Name() string {
	if c == System {
		return "system"
	}
	return string(c)
}

// Browser colours (theme-color) of each theme: the page's own background,
// the same as web/static/app.css's --bg.
const (
	LightColor = "#f8fafc"
	DarkColor  = "#0b1120"
)
