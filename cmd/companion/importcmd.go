package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"companion/data/importer"
	"companion/data/importer/build"
	"companion/data/schedule"
)

// runImport converts a schedule into the embedded format:
//
//	companion import [-format F] [-speakers FILE] [-acronym A] [-title T] [-tz ZONE] [-o OUT] [FILE|-]
func runImport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "", "input format (default: detected): "+formatList())
	speakers := fs.String("speakers", "", "speakers CSV, for the sessions-csv format")
	out := fs.String("o", "-", "output file (- for standard output)")
	var opt build.Options
	fs.StringVar(&opt.Acronym, "acronym", "", "conference acronym (default: the source's); names the file in data/ and the agenda's storage")
	fs.StringVar(&opt.Title, "title", "", "conference title (default: the source's)")
	fs.StringVar(&opt.TimeZone, "tz", "", "the conference's IANA time zone, e.g. Europe/Brussels (needed when the source writes times without one)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: companion import [flags] [FILE|-]\n\nConverts a schedule to the schedule.json the app embeds. Flags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	in := importer.Input{Name: "stdin", Format: importer.Format(*format), Options: opt}
	var err error
	if name := fs.Arg(0); name != "" && name != "-" {
		in.Name = name
		in.Data, err = os.ReadFile(name)
	} else {
		in.Data, err = io.ReadAll(stdin)
	}
	if err != nil {
		fmt.Fprintln(stderr, "companion import:", err)
		return 1
	}
	if *speakers != "" {
		in.SpeakersName = *speakers
		if in.Speakers, err = os.ReadFile(*speakers); err != nil {
			fmt.Fprintln(stderr, "companion import:", err)
			return 1
		}
	}
	res, err := importer.Import(in)
	if err != nil {
		printProblems(stderr, "companion import", err)
		return 1
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if len(res.Warnings) > 0 {
		fmt.Fprintf(stderr, "%s: %s\n", in.Name, warningCount(res.Warnings))
	}
	if *out == "-" {
		_, err = stdout.Write(res.JSON)
	} else {
		err = os.WriteFile(*out, res.JSON, 0o644)
	}
	if err != nil {
		fmt.Fprintln(stderr, "companion import:", err)
		return 1
	}
	fmt.Fprintf(stderr, "%s (%s): %s\n", in.Name, res.Format, summary(res.Conference))
	return 0
}

// warningCount says how many warnings there are, by field: "3 warnings
// (duration 2, persons 1)", so that what was estimated or left out is
// counted even when the lines scroll by.
func warningCount(ws []schedule.Problem) string {
	by := map[string]int{}
	for _, w := range ws {
		f := w.Field
		if f == "" {
			f = "other"
		}
		by[f]++
	}
	fields := make([]string, 0, len(by))
	for f := range by {
		fields = append(fields, f)
	}
	sort.Slice(fields, func(i, j int) bool {
		if by[fields[i]] != by[fields[j]] {
			return by[fields[i]] > by[fields[j]]
		}
		return fields[i] < fields[j]
	})
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = fmt.Sprintf("%s %d", f, by[f])
	}
	return fmt.Sprintf("%d %s (%s)", len(ws), plural(len(ws), "warning", "warnings"), strings.Join(parts, ", "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func formatList() string {
	var s []string
	for _, f := range importer.Formats() {
		s = append(s, string(f))
	}
	return strings.Join(s, ", ")
}

// printProblems prints every problem of a schedule error, one per line.
func printProblems(w io.Writer, prefix string, err error) {
	if se, ok := err.(*schedule.Error); ok && len(se.Problems) > 0 {
		for _, p := range se.Problems {
			fmt.Fprintln(w, "error:", p)
		}
		fmt.Fprintf(w, "%s: %d problems\n", prefix, len(se.Problems))
		return
	}
	fmt.Fprintf(w, "%s: %v\n", prefix, err)
}

func summary(c *schedule.Conference) string {
	return fmt.Sprintf("%s %q: %d days, %d rooms, %d events, %d persons", c.Acronym, c.Title, len(c.Days), len(c.Rooms), len(c.Events), len(c.Persons()))
}
