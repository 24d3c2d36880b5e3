// Command companion is the conference companion's server and tools:
//
//	companion serve [-addr :8080] [-conference FILE]... [-only ACRONYM,...] [-schedules DIR] [-grace 30s]
//	                                                  serve the app (PORT is honoured)
//	companion import [flags] [FILE|-]                 convert a schedule to schedule.json
//	companion check [-strict] FILE...                 validate schedule.json files
//	companion export DIR                              write the site as static files
//
// The binary is self-contained: the browser app, icons and conference
// data are embedded in it.
package main

import (
	"fmt"
	"io"
	"os"
	_ "time/tzdata" // import and check name zones on machines without a tz database
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdin, stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "export":
		return runExport(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return 0
	}
	fmt.Fprintf(stderr, "companion: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Usage: companion <command> [flags]

Commands:
  serve    serve the app (flags: -addr, default :8080 or $PORT;
           -conference FILE, a schedule.json served beside the app, repeatable;
           -only ACRONYM,..., the conferences shown, the first the default;
           -schedules DIR, newer <acronym>.json schedules for live updates;
           -grace 30s, how long requests in flight may finish on SIGTERM)
  import   convert a schedule (schedule.xml, frab/pretalx schedule.json,
           Sessionize, sessions CSV, sched) to the schedule.json the app
           embeds: companion import -o data/NAME.json FILE
  check    validate schedule.json files: companion check FILE...
  export   write the whole site as static files for any static host:
           companion export DIR (see DIR/HOSTING.md)

Run "companion <command> -h" for a command's flags.
`)
}
