// Package served holds the schedules served beside the browser app rather
// than embedded in it (see README.md). Only the server imports it.
package served

import (
	"embed"
	"io/fs"
	"sort"

	"companion/data"
)

//go:embed *
var files embed.FS

// Files returns the served schedules, by name.
func Files() []data.File {
	names, _ := fs.Glob(files, "*.json")
	sort.Strings(names)
	var out []data.File
	for _, n := range names {
		if b, err := files.ReadFile(n); err == nil {
			out = append(out, data.File{Name: "served/" + n, JSON: string(b)})
		}
	}
	return out
}
