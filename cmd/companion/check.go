package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"companion/data/importer"
	"companion/data/schedule"
	"companion/data/validate"
)

// runCheck validates a schedule.json: every problem with its place and
// reason. Exit status 0: the app can use it; 1: it cannot (or, with
// -strict, it does not conform to the schema); 2: usage.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	strict := fs.Bool("strict", false, "fail on schema violations the app tolerates")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: companion check [-strict] FILE...\n\nValidates schedule.json files against the format's schema and the app's loader.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	status := 0
	for _, name := range fs.Args() {
		if s := checkFile(name, *strict, stdout); s > status {
			status = s
		}
	}
	return status
}

func checkFile(name string, strict bool, w io.Writer) int {
	data, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(w, "error:", err)
		return 1
	}
	if f, err := importer.Detect(name, data); err == nil && f != importer.ScheduleJSON {
		fmt.Fprintf(w, "error: %s is %s, not schedule.json: convert it with\n  companion import -o %s.json %s\n", name, f, "OUT", name)
		return 1
	}
	schemaProblems := validate.Document(name, data)
	for _, p := range schemaProblems {
		fmt.Fprintln(w, "schema:", p)
	}
	c, err := schedule.Parse(name, string(data))
	if err != nil {
		printProblems(w, name, err)
		fmt.Fprintf(w, "%s: unusable: the app cannot load it\n", name)
		return 1
	}
	for _, p := range c.Warnings {
		fmt.Fprintln(w, "warning:", p)
	}
	verdict := "usable"
	status := 0
	if len(schemaProblems) > 0 {
		verdict = fmt.Sprintf("usable, but %d schema problems", len(schemaProblems))
		if strict {
			status = 1
		}
	}
	fmt.Fprintf(w, "%s: %s: %s\n", name, summary(c), verdict)
	return status
}
