package ui

import (
	"companion/app/theme"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// themeSwitch picks the colours: the system's, light or dark, remembered
// on the device. Three toggle buttons (aria-pressed), each a full touch
// target. web/theme.js applies the stored choice before the first
// paint; the switch applies a new one at once. Prerendered, no choice is
// known and the buttons wait for the app, as the stars do.
type themeSwitch struct {
	app.Compo
	choice theme.Choice
	live   bool
}

func (s *themeSwitch) OnMount(ctx app.Context) {
	v, _ := browserStorage{}.Get(theme.Key)
	s.choice = theme.Parse(v)
	s.live = true
}

func (s *themeSwitch) Render() app.UI {
	return divClass("setting-group theme-switch").Role("group").Aria("labelledby", "setting-theme").Body(
		app.Span().ID("setting-theme").Class("setting-title").Text(tr("Theme")),
		app.Range(theme.Choices).Slice(func(i int) app.UI {
			c := theme.Choices[i]
			b := typeButton().Class("setting theme-choice").
				DataSet("theme", c.Name()).
				Aria("pressed", s.live && c == s.choice).
				Text(themeLabel(c))
			if !s.live {
				return b.Disabled(true)
			}
			return b.OnClick(s.pick(c))
		}),
	)
}

// themeLabel names a choice in the interface's language.
func themeLabel(c theme.Choice) string {
	switch c {
	case theme.Light:
		return tr("Light")
	case theme.Dark:
		return tr("Dark")
	}
	return tr("System")
}

func (s *themeSwitch) pick(c theme.Choice) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		s.choice = c
		if c == theme.System {
			browserStorage{}.Remove(theme.Key)
		} else {
			browserStorage{}.Set(theme.Key, string(c))
		}
		applyTheme(c)
	}
}

// applyTheme does what theme.js does on load: the attribute the style
// sheet reads, and the browser bar's colour (the system's again, per
// scheme, when the choice is the system's).
func applyTheme(c theme.Choice) {
	doc := jsGlobal("document")
	root := doc.Get("documentElement")
	if c == theme.System {
		root.Call("removeAttribute", "data-theme")
	} else {
		root.Call("setAttribute", "data-theme", string(c))
	}
	metas := doc.Call("querySelectorAll", `meta[name="theme-color"]`)
	for i, n := 0, metas.Get("length").Int(); i < n; i++ {
		m := metas.Call("item", i)
		color := theme.LightColor
		switch {
		case c == theme.Dark, c == theme.System && m.Call("getAttribute", "media").String() == darkMedia:
			color = theme.DarkColor
		}
		m.Call("setAttribute", "content", color)
	}
}

// darkMedia is the media of the dark theme-color the server writes.
const darkMedia = "(prefers-color-scheme: dark)"
