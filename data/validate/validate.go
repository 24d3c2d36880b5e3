// Package validate checks schedule.json documents against the format's
// published JSON Schema (embedded, see NOTICE.md) and reports each
// violation where a person can find it: day, room, event and field.
//
// It is for the server and the command line; the browser app never links it.
package validate

import (
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"companion/data/schedule"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/tidwall/gjson"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

//go:embed schema.json
var schemaJSON []byte

// SchemaURL is the schema's $id.
const SchemaURL = "https://c3voc.de/schedule/schema.json"

var (
	compileOnce sync.Once
	compiled    *jsonschema.Schema
	compileErr  error
)

func schema() (*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
		if err != nil {
			compileErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource(SchemaURL, doc); err != nil {
			compileErr = err
			return
		}
		compiled, compileErr = c.Compile(SchemaURL)
	})
	return compiled, compileErr
}

// Schema returns the embedded schema's bytes.
func Schema() []byte { return schemaJSON }

// Document validates doc against the schema. It returns one problem per
// violated leaf rule, in document order; none means the document conforms.
// file names the document in the problems.
func Document(file string, doc []byte) []schedule.Problem {
	sch, err := schema()
	if err != nil {
		return []schedule.Problem{{File: file, Reason: "the embedded schema does not compile: " + err.Error()}}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return []schedule.Problem{{File: file, Reason: "not valid JSON: " + err.Error()}}
	}
	err = sch.Validate(inst)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []schedule.Problem{{File: file, Reason: err.Error()}}
	}
	var out []schedule.Problem
	seen := map[string]bool{}
	printer := message.NewPrinter(language.English)
	for _, leaf := range leaves(ve) {
		pointer := "/" + strings.Join(escapePointer(leaf.InstanceLocation), "/")
		reason := leaf.ErrorKind.LocalizedString(printer)
		key := pointer + "\x00" + reason
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, problemAt(file, string(doc), pointer, reason))
	}
	// The validator's order varies from run to run: sort for stable reports.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Reason < out[j].Reason
	})
	return out
}

// leaves are the errors that say what is wrong; the others only say that
// something below them is.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

func escapePointer(tokens []string) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1")
	}
	return out
}

// problemAt turns a JSON pointer into the gjson-style path and the place
// an organiser recognises: "day 1 (2023-03-07), room "Bleu", event "…" (guid)".
func problemAt(file, doc, pointer, reason string) schedule.Problem {
	tokens := splitPointer(pointer)
	p := schedule.Problem{File: file, Path: strings.Join(escapeAll(tokens), "."), Reason: reason}
	if len(tokens) > 0 {
		p.Field = tokens[len(tokens)-1]
		if _, err := strconv.Atoi(p.Field); err == nil {
			p.Field = "" // the whole element: the place names it
		}
	}
	p.Place = place(doc, tokens)
	return p
}

func place(doc string, t []string) string {
	// schedule conference days N rooms ROOM M ...
	if len(t) < 4 || t[0] != "schedule" || t[1] != "conference" || t[2] != "days" {
		if len(t) >= 2 && t[0] == "schedule" && t[1] == "conference" {
			return "conference"
		}
		return ""
	}
	dayPath := "schedule.conference.days." + t[3]
	day := gjson.Get(doc, dayPath)
	s := fmt.Sprintf("day %s (%s)", day.Get("index").String(), day.Get("date").String())
	if len(t) < 6 || t[4] != "rooms" {
		return s
	}
	s += fmt.Sprintf(", room %q", t[5])
	if len(t) < 7 {
		return s
	}
	ev := day.Get("rooms." + gjson.Escape(t[5]) + "." + t[6])
	s += fmt.Sprintf(", event %q", ev.Get("title").String())
	if g := ev.Get("guid").String(); g != "" {
		s += " (" + g + ")"
	}
	return s
}

func splitPointer(p string) []string {
	p = strings.TrimPrefix(p, "/")
	if p == "" {
		return nil
	}
	parts := strings.Split(p, "/")
	for i, s := range parts {
		s = strings.ReplaceAll(s, "~1", "/")
		parts[i] = strings.ReplaceAll(s, "~0", "~")
	}
	return parts
}

func escapeAll(tokens []string) []string {
	out := make([]string, len(tokens))
	for i, s := range tokens {
		out[i] = gjson.Escape(s)
	}
	return out
}
