package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The browser binary is downloaded on venue wifi: it must not link the
// server, the command line, the embedded web assets or test tooling.
func TestBrowserBinaryLeavesServerOut(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	forbidden := []string{
		"companion/cmd/companion",
		"companion/web",
		"companion/data/validate",
		"companion/data/importer",
		"companion/data/export",
		"github.com/santhosh-tekuri/jsonschema",
		"github.com/chromedp",
		"github.com/andybalholm/brotli",
		"text/template",
		"html/template",
	}
	for _, d := range deps {
		for _, f := range forbidden {
			if d == f || strings.HasPrefix(d, f+"/") {
				t.Errorf("the browser binary imports %s", d)
			}
		}
	}
	for _, want := range []string{"companion/app/ui", "github.com/maxence-charriere/go-app/v10/pkg/app"} {
		found := false
		for _, d := range deps {
			found = found || d == want
		}
		if !found {
			t.Errorf("the browser binary does not import %s: is this the right main?", want)
		}
	}
}
