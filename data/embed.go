// Package data holds the conferences embedded in the build, as
// schedule.json documents (see README: "Add your conference").
package data

import (
	"embed"
	"slices"
	"strings"
)

//go:embed *.json
var files embed.FS

// DefaultFile is the conference shown to someone who has not chosen one.
const DefaultFile = "kcd-france-2023.json"

// File is one embedded schedule.json document.
type File struct {
	Name string
	JSON string
}

// Files returns the embedded schedules, the default first, then by name.
func Files() []File {
	// ReadDir rather than fs.Glob: the pattern matcher would be linked
	// into the browser app for one suffix test.
	entries, _ := files.ReadDir(".")
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") {
			names = append(names, e.Name())
		}
	}
	slices.SortStableFunc(names, func(a, b string) int {
		if (a == DefaultFile) != (b == DefaultFile) {
			if a == DefaultFile {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	out := make([]File, 0, len(names))
	for _, n := range names {
		b, err := files.ReadFile(n)
		if err != nil {
			continue
		}
		out = append(out, File{Name: n, JSON: string(b)})
	}
	return out
}
