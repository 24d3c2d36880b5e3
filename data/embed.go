// Package data holds the conferences embedded in the build, as
// schedule.json documents (see README: "Add your conference").
package data

import (
	"embed"
	"io/fs"
	"sort"
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
	names, _ := fs.Glob(files, "*.json")
	sort.SliceStable(names, func(i, j int) bool {
		if (names[i] == DefaultFile) != (names[j] == DefaultFile) {
			return names[i] == DefaultFile
		}
		return names[i] < names[j]
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
