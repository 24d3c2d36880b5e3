package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"companion/app/catalog"
	"companion/cmd/companion/server"
	"companion/data"
	"companion/data/importer"
	"companion/data/schedule"
	"companion/data/served"
	"companion/web"

	"github.com/tidwall/gjson"
)

// Timeouts of the HTTP server. The largest response is the browser app:
// 1.8 MB in brotli, 10.8 MB raw for a client that takes no compression. A
// phone on a poor 3G or EDGE link (50 kB/s, worse in a crowded hall)
// needs about 40 s for the first and about 3.5 minutes for the second: the
// write timeout leaves room for both, and only cuts clients that have
// stopped reading.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second // requests are GETs: headers, no body
	defaultWrite      = 5 * time.Minute
	idleTimeout       = 2 * time.Minute // keep-alive between a page's requests
	defaultGrace      = 30 * time.Second
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	defaultAddr := ":8080"
	if port := os.Getenv("PORT"); port != "" {
		defaultAddr = ":" + port
	}
	addr := fs.String("addr", defaultAddr, "address to listen on (default :8080, or :$PORT when PORT is set)")
	dir := fs.String("schedules", "", "directory of newer schedules, <acronym>.json, served to the app as live updates")
	var conferences fileList
	fs.Var(&conferences, "conference", "a schedule.json to serve beside the app, with no rebuild (repeatable; `companion import` converts other formats)")
	only := fs.String("only", "", "the conferences the site shows, by acronym, comma-separated, the first the default (default: all): an organiser's site shows their own alone, under its name")
	grace := fs.Duration("grace", defaultGrace, "on SIGTERM or SIGINT, how long requests in flight may take to finish before the server exits")
	baseURL := fs.String("base-url", os.Getenv("BASE_URL"), "the site's public address, e.g. https://companion.example.org (default $BASE_URL): link previews and canonical links need it")
	maxSchedule := fs.Int64("schedules-max-bytes", server.DefaultMaxScheduleBytes, "largest file read from -schedules")
	writeTimeout := fs.Duration("write-timeout", defaultWrite, "longest time to send one response (the app is 1.8 MB compressed; a slow phone takes minutes)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: companion serve [flags]\n\nServes the app, its embedded conferences and those given with -conference. Flags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "companion serve: unexpected argument %q (a schedule is given with -conference FILE)\n", fs.Arg(0))
		return 2
	}
	if *grace < 0 || *writeTimeout <= 0 {
		fmt.Fprintln(stderr, "companion serve: -grace must not be negative and -write-timeout must be positive")
		return 2
	}

	extra, ok := loadConferences("serve", conferences, stderr)
	if !ok {
		return 1
	}
	handler, version, err := server.New(server.Assets{Static: web.Static(), Build: web.Build(), Worker: web.WorkerTemplate, ScheduleDir: *dir, MaxScheduleBytes: *maxSchedule, Served: extra, BaseURL: *baseURL, Only: catalog.OnlyList(*only)})
	if err != nil {
		fmt.Fprintln(stderr, "companion:", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "companion:", err)
		return 1
	}
	var active activeConns
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      *writeTimeout,
		IdleTimeout:       idleTimeout,
		ConnState:         active.track,
	}
	for _, f := range extra {
		fmt.Fprintf(stdout, "Serving %s beside the app\n", f.Name)
	}
	fmt.Fprintf(stdout, "Serving %s (version %s) on %s\n", defaultTitle(), version, displayURL(ln.Addr()))

	// A signal starts the shutdown: the listener is closed at once (new
	// connections are refused), idle connections are closed, and requests
	// in flight (a phone halfway through the app) have up to -grace to
	// finish. A second signal cuts them.
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(signals)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	var sig os.Signal
	select {
	case err := <-served:
		fmt.Fprintln(stderr, "companion:", err)
		return 1
	case sig = <-signals:
	}
	fmt.Fprintf(stdout, "%v: refusing new connections; %d in flight get up to %v to finish\n", sig, active.count(), *grace)
	ctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- srv.Shutdown(ctx) }()
	select {
	case err = <-done:
	case sig = <-signals:
		n := active.count()
		srv.Close()
		fmt.Fprintf(stdout, "Stopped by a second %v: %d requests cut\n", sig, n)
		return 1
	}
	if err != nil {
		n := active.count()
		srv.Close()
		fmt.Fprintf(stdout, "Stopped: the grace period is over (%v), %d requests cut\n", err, n)
		return 0
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "companion:", err)
		return 1
	}
	fmt.Fprintln(stdout, "Stopped: every request finished")
	return 0
}

// activeConns tracks the connections with a request in flight, for the
// shutdown's messages.
type activeConns struct {
	mu     sync.Mutex
	active map[net.Conn]bool
}

func (a *activeConns) track(c net.Conn, s http.ConnState) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.active == nil {
		a.active = map[net.Conn]bool{}
	}
	if s == http.StateActive {
		a.active[c] = true
	} else {
		delete(a.active, c)
	}
}

func (a *activeConns) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.active)
}

// fileList is a repeatable flag.
type fileList []string

func (l *fileList) String() string { return strings.Join(*l, ",") }
func (l *fileList) Set(v string) error {
	if v == "" {
		return errors.New("empty file name")
	}
	*l = append(*l, v)
	return nil
}

// maxProblems bounds what a broken schedule prints at startup; `companion
// check` lists everything.
const maxProblems = 10

// loadConferences reads and checks the schedules given with -conference:
// each must load in the app (schedule.Parse) and be a conference this
// build does not already carry. Every problem is printed with its file,
// place and reason.
func loadConferences(cmd string, names []string, stderr io.Writer) ([]data.File, bool) {
	var out []data.File
	have := map[string]string{} // acronym → where it comes from
	for _, f := range data.Files() {
		have[gjson.Get(f.JSON, "schedule.conference.acronym").String()] = "data/" + f.Name + ", embedded in the app"
	}
	for _, f := range served.Files() {
		have[gjson.Get(f.JSON, "schedule.conference.acronym").String()] = "data/" + f.Name + ", served by this build"
	}
	ok := true
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "companion %s: -conference %v\n", cmd, err)
			ok = false
			continue
		}
		if f, err := importer.Detect(name, b); err == nil && f != importer.ScheduleJSON {
			fmt.Fprintf(stderr, "companion %s: %s is %s, not schedule.json: convert it first with\n  companion import -o %s.json %s\n", cmd, name, f, strings.TrimSuffix(name, ".xml"), name)
			ok = false
			continue
		}
		c, err := schedule.Parse(name, string(b))
		if err != nil {
			var se *schedule.Error
			if errors.As(err, &se) && len(se.Problems) > 0 {
				for i, p := range se.Problems {
					if i == maxProblems {
						fmt.Fprintf(stderr, "error: … and %d more (companion check %s lists them all)\n", len(se.Problems)-i, name)
						break
					}
					fmt.Fprintln(stderr, "error:", p)
				}
			} else {
				fmt.Fprintf(stderr, "error: %s: %v\n", name, err)
			}
			fmt.Fprintf(stderr, "companion %s: %s cannot be served: the app cannot load it\n", cmd, name)
			ok = false
			continue
		}
		if where, dup := have[c.Acronym]; dup {
			fmt.Fprintf(stderr, "companion %s: %s: conference %q is already %s", cmd, name, c.Acronym, where)
			if !strings.HasPrefix(where, "given") {
				fmt.Fprintf(stderr, "; to update its schedule, use -schedules DIR with %s.json in it", c.Acronym)
			}
			fmt.Fprintln(stderr)
			ok = false
			continue
		}
		have[c.Acronym] = "given with -conference " + name
		for _, w := range c.Warnings {
			fmt.Fprintln(stderr, "warning:", w)
		}
		out = append(out, data.File{Name: name, JSON: string(b)})
	}
	return out, ok
}

func defaultTitle() string {
	for _, e := range catalog.List() {
		return e.Title
	}
	return "no conference"
}

// displayURL turns a listener's address into a URL a person can open.
func displayURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() || ip.IsLoopback() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
