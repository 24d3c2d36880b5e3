package theme

import (
	"os"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]Choice{"": System, "light": Light, "dark": Dark, "Dark": System, "sepia": System, `"dark"`: System} {
		if got := Parse(in); got != want {
			t.Errorf("Parse(%q) = %q, want %q", in, got, want)
		}
	}
}

// The script that applies the choice before the first paint reads the same
// key and values, and the style sheet has the same background colours.
func TestScriptAndStylesAgree(t *testing.T) {
	js, err := os.ReadFile("../../web/theme.js")
	if err != nil {
		t.Fatal(err)
	}
	css, err := os.ReadFile("../../web/static/app.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"` + Key + `"`, `"` + string(Light) + `"`, `"` + string(Dark) + `"`, LightColor, DarkColor} {
		if !strings.Contains(string(js), s) {
			t.Errorf("web/theme.js does not say %s", s)
		}
	}
	for _, s := range []string{"--bg: " + LightColor, "--bg: " + DarkColor, `[data-theme="dark"]`, `[data-theme="light"]`} {
		if !strings.Contains(string(css), s) {
			t.Errorf("web/static/app.css does not say %s", s)
		}
	}
}

// The dark colours the system asks for and those the switch forces are the
// same.
func TestDarkBlocksAgree(t *testing.T) {
	css, err := os.ReadFile("../../web/static/app.css")
	if err != nil {
		t.Fatal(err)
	}
	block := func(open string) []string {
		_, rest, ok := strings.Cut(string(css), open)
		if !ok {
			t.Fatalf("app.css has no %s", open)
		}
		body, _, _ := strings.Cut(rest, "}")
		var vars []string
		for _, l := range strings.Split(body, "\n") {
			if l = strings.TrimSpace(l); strings.HasPrefix(l, "--") {
				vars = append(vars, l)
			}
		}
		return vars
	}
	system, chosen := block(`:root:not([data-theme="light"]) {`), block(`:root[data-theme="dark"] {`)
	if strings.Join(system, " ") != strings.Join(chosen, " ") || len(system) < 8 {
		t.Errorf("dark colours differ:\nsystem: %q\nchosen: %q", system, chosen)
	}
}
