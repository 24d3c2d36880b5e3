package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"companion/app/find"
	"companion/app/share"
)

// usedMessages reads the interface's sources for the messages they
// translate: the string literals given to tr, trf, trn and a place kind's
// say in app/ui, and to a language's T, F and N in app/agenda and the
// server (its 404 page and go-app's loading label); plus those
// made at run time (kinds of talk, the share link's error).
func usedMessages(t *testing.T) map[string]string {
	t.Helper()
	used := map[string]string{}
	fset := token.NewFileSet()
	for _, dir := range []string{"../ui", "../agenda", "../../cmd/companion/server"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no sources in %s: %v", dir, err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var fn string
				switch x := call.Fun.(type) {
				case *ast.Ident:
					fn = x.Name
				case *ast.SelectorExpr:
					fn = "." + x.Sel.Name
				}
				var idx []int
				switch fn {
				case "tr", "trf", ".T", ".F":
					idx = []int{0}
				case "trn", ".N":
					idx = []int{1, 2}
				case ".say":
					idx = []int{0, 1}
				}
				for _, i := range idx {
					if i >= len(call.Args) {
						continue
					}
					if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, err := strconv.Unquote(lit.Value)
						if err != nil {
							t.Fatal(err)
						}
						used[s] = fset.Position(lit.Pos()).String()
					}
				}
				return true
			})
		}
	}
	if len(used) < 100 {
		t.Fatalf("found only %d messages in the sources: is the scan still right?", len(used))
	}
	for _, k := range find.Kinds {
		used[k.Label()] = "find.Kind.Label"
	}
	used[share.ErrBadLink.Error()] = "share.ErrBadLink"
	used["Loading the app… "] = "server: loadingLabel"
	return used
}

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// Every message the interface shows exists in French, with the same
// blanks to fill in, and the table holds nothing the interface no longer
// says.
func TestEveryMessageInBothLanguages(t *testing.T) {
	used := usedMessages(t)
	var missing []string
	for msg, where := range used {
		fr, ok := french[msg]
		switch {
		case !ok || strings.TrimSpace(fr) == "":
			missing = append(missing, where+": "+strconv.Quote(msg))
		case strings.Join(verb.FindAllString(fr, -1), " ") != strings.Join(verb.FindAllString(msg, -1), " "):
			t.Errorf("%s: French %q fills in %v, English %q fills in %v", where, fr, verb.FindAllString(fr, -1), msg, verb.FindAllString(msg, -1))
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no French for %s", m)
	}
	for msg := range french {
		if _, ok := used[msg]; !ok {
			t.Errorf("French for %q, which the interface no longer says", msg)
		}
	}
}
