package build

import (
	"strings"
	"unicode"

	"companion/data/schedule"
)

// Report collects an import's problems (which stop it) and warnings
// (which do not), each with the file, the place and the reason.
type Report struct {
	File     string
	Problems []schedule.Problem
	Warnings []schedule.Problem
}

// Fail records a problem that makes the input unusable.
func (r *Report) Fail(path, place, field, reason string) {
	r.Problems = append(r.Problems, schedule.Problem{File: r.File, Path: path, Place: place, Field: field, Reason: reason})
}

// Warn records something read despite being wrong.
func (r *Report) Warn(path, place, field, reason string) {
	r.Warnings = append(r.Warnings, schedule.Problem{File: r.File, Path: path, Place: place, Field: field, Reason: reason})
}

// Err is the problems as a *schedule.Error, or nil when there are none.
func (r *Report) Err() error {
	if len(r.Problems) == 0 {
		return nil
	}
	return &schedule.Error{Problems: r.Problems}
}

// NameFromFile suggests a conference name from an input file's name:
// "scottish-summit-2026.sessionize-all.json" → "scottish-summit-2026".
func NameFromFile(file string) string {
	for i := len(file) - 1; i >= 0; i-- {
		if file[i] == '/' || file[i] == '\\' {
			file = file[i+1:]
			break
		}
	}
	for i, c := range file {
		if c == '.' {
			return file[:i]
		}
	}
	return file
}

// TitleFromName turns a file name into a title: "scottish-summit-2026" →
// "Scottish Summit 2026".
func TitleFromName(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// FirstNonEmpty returns the first of its arguments that is not blank,
// trimmed.
func FirstNonEmpty(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}
