// Command loadtest measures the companion server under a bounded loopback
// load: it imports FOSDEM 2025 (943 talks) into a temporary schedule,
// starts the real binary on 127.0.0.1 serving it beside the app, then for
// each URL keeps -conns connections busy for -duration and prints
// requests/s, latency percentiles, errors and the server's memory.
//
//	go run ./cmd/companion/loadtest [-bin bin/companion] [-duration 10s] [-conns 64]
//
// `make loadtest` builds the binary first. Every request goes to the
// server it started on 127.0.0.1; the run is bounded in time (-duration per
// URL, at most a minute) and in count (-max-requests per URL) and stops by
// itself.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"
)

const fixtureName = "fosdem-2025.pentabarf-schedule.xml"

func main() {
	bin := flag.String("bin", "bin/companion", "the companion binary to start (make build writes it)")
	duration := flag.Duration("duration", 10*time.Second, "how long each URL is loaded (at most 1m)")
	conns := flag.Int("conns", 64, "concurrent connections (at most 256)")
	maxRequests := flag.Int64("max-requests", 1_000_000, "at most this many requests per URL")
	fixture := flag.String("fixture", "", "the FOSDEM 2025 Pentabarf XML (default: data/fixtures/testdata, then the shared fixtures)")
	flag.Parse()
	if *duration <= 0 || *duration > time.Minute || *conns < 1 || *conns > 256 || *maxRequests < 1 {
		fatalf("-duration must be in (0, 1m], -conns in [1, 256], -max-requests positive")
	}
	if *fixture == "" {
		*fixture = findFixture()
	}
	if err := run(*bin, *fixture, *duration, *conns, *maxRequests, os.Stdout); err != nil {
		fatalf("%v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "loadtest: "+format+"\n", args...)
	os.Exit(1)
}

// findFixture looks in the repository first, then in the shared folder
// beside it (or $COMPANION_SHARED).
func findFixture() string {
	candidates := []string{filepath.Join("data", "fixtures", "testdata", fixtureName)}
	if s := os.Getenv("COMPANION_SHARED"); s != "" {
		candidates = append(candidates, filepath.Join(s, "fixtures", fixtureName))
	}
	candidates = append(candidates, filepath.Join("..", "shared", "fixtures", fixtureName))
	for _, c := range candidates {
		if _, err := os.Stat(c); err == nil {
			return c
		}
	}
	fatalf("%s not found in %s: pass -fixture FILE", fixtureName, strings.Join(candidates, ", "))
	return ""
}

// target is one URL under load.
type target struct {
	name, path, acceptEncoding string
}

func run(bin, fixture string, duration time.Duration, conns int, maxRequests int64, w io.Writer) error {
	tmp, err := os.MkdirTemp("", "companion-loadtest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	conf := filepath.Join(tmp, "fosdem2025.json")
	if out, err := exec.Command(bin, "import", "-o", conf, fixture).CombinedOutput(); err != nil {
		return fmt.Errorf("%s import %s: %v\n%s", bin, fixture, err, out)
	}
	acronym, slug, err := firstTalk(conf)
	if err != nil {
		return err
	}

	srv, err := startServer(bin, "-conference", conf)
	if err != nil {
		return err
	}
	defer srv.kill()

	targets := []target{
		{"home page (KCD France 2023)", "/", ""},
		{"FOSDEM day page (~470 talks)", "/?c=" + acronym + "&day=1", ""},
		{"FOSDEM talk page", "/talk/" + url.PathEscape(slug) + "?c=" + acronym, ""},
		{"app.wasm (brotli)", "/web/app.wasm", "br, gzip"},
		{"FOSDEM schedule API (brotli)", "/api/schedules/" + acronym, "br, gzip"},
	}
	fmt.Fprintf(w, "companion %s on %s, FOSDEM 2025 served beside the app; %d connections, %v per URL, %d cores (shared with the load generator)\n\n",
		bin, srv.addr, conns, duration, runtime.NumCPU())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "URL\t\tconns\telapsed\trequests\treq/s\tMB/s\tp50\tp99\terrors\tRSS now\tRSS peak\t")
	var errs []string
	for _, tg := range targets {
		fmt.Fprintf(os.Stderr, "loading %s for %v…\n", tg.path, duration)
		r, err := load(srv.addr, tg, conns, duration, maxRequests)
		if err != nil {
			return err
		}
		mem, err := readMemory(srv.cmd.Process.Pid)
		if err != nil {
			return err
		}
		path := tg.path
		if len(path) > 40 {
			path = path[:39] + "…"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%v\t%d\t%.0f\t%.1f\t%v\t%v\t%d\t%s\t%s\t\n",
			tg.name, path, conns, r.elapsed.Round(10*time.Millisecond), r.requests,
			float64(r.requests)/r.elapsed.Seconds(), float64(r.bytes)/r.elapsed.Seconds()/1e6,
			roundLatency(r.p50), roundLatency(r.p99), r.errors, mib(mem.rss), mib(mem.hwm))
		if r.errors > 0 {
			errs = append(errs, fmt.Sprintf("%s: %d errors, the first: %v", tg.path, r.errors, r.firstErr))
		}
	}
	tw.Flush()
	for _, e := range errs {
		fmt.Fprintln(w, e)
	}
	fmt.Fprintln(w, "\nelapsed: the run's duration plus the time the requests still in flight took to finish.")
	fmt.Fprintln(w, "RSS now: the server's resident memory after that URL; RSS peak: its high-water mark since it started.")

	code, took, err := srv.stop(30 * time.Second)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nSIGTERM: the server exited %d after %v\n", code, took.Round(time.Millisecond))
	if code != 0 {
		return fmt.Errorf("the server exited %d", code)
	}
	return nil
}

// firstTalk returns the conference's acronym and its first event's slug.
func firstTalk(path string) (acronym, slug string, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", "", err
	}
	var doc struct {
		Schedule struct {
			Conference struct {
				Acronym string
				Days    []struct {
					Rooms map[string][]struct{ Slug string }
				}
			}
		}
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return "", "", fmt.Errorf("%s: %v", path, err)
	}
	c := doc.Schedule.Conference
	var slugs []string
	for _, d := range c.Days {
		for _, events := range d.Rooms {
			for _, e := range events {
				slugs = append(slugs, e.Slug)
			}
		}
	}
	if c.Acronym == "" || len(slugs) == 0 {
		return "", "", fmt.Errorf("%s: no acronym or no talk", path)
	}
	sort.Strings(slugs) // the map's order varies: the same talk every run
	return c.Acronym, slugs[0], nil
}

// server is the companion under test.
type server struct {
	cmd    *exec.Cmd
	addr   string
	exited chan struct{}
}

var listening = regexp.MustCompile(`on http://localhost:([0-9]+)/`)

func startServer(bin string, args ...string) (*server, error) {
	cmd := exec.Command(bin, append([]string{"serve", "-addr", "127.0.0.1:0", "-grace", "10s"}, args...)...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, exited: make(chan struct{})}
	port := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				port <- m[1]
			}
		}
		cmd.Wait()
		close(s.exited)
	}()
	select {
	case p := <-port:
		s.addr = "127.0.0.1:" + p
		return s, nil
	case <-s.exited:
		return nil, fmt.Errorf("%s serve exited before listening", bin)
	case <-time.After(time.Minute):
		s.kill()
		return nil, fmt.Errorf("%s serve did not listen within a minute", bin)
	}
}

func (s *server) kill() {
	select {
	case <-s.exited:
	default:
		s.cmd.Process.Kill()
		<-s.exited
	}
}

func (s *server) stop(limit time.Duration) (int, time.Duration, error) {
	start := time.Now()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return 0, 0, err
	}
	select {
	case <-s.exited:
		return s.cmd.ProcessState.ExitCode(), time.Since(start), nil
	case <-time.After(limit):
		s.kill()
		return 0, 0, fmt.Errorf("the server had not exited %v after SIGTERM", limit)
	}
}

// result is one URL's measurements.
type result struct {
	requests, errors, bytes int64
	elapsed                 time.Duration
	p50, p99                time.Duration
	firstErr                error
}

// load keeps conns connections busy on one URL until duration is over or
// maxRequests have been sent, then lets the requests in flight finish:
// the elapsed time, and so requests/s, includes them.
func load(addr string, tg target, conns int, duration time.Duration, maxRequests int64) (result, error) {
	u := "http://" + addr + tg.path
	if err := loopbackOnly(u); err != nil {
		return result{}, err
	}
	transport := &http.Transport{
		DialContext:         loopbackDialer,
		MaxIdleConnsPerHost: conns,
		MaxConnsPerHost:     conns,
		DisableCompression:  true, // bodies counted as sent; no decoding on this side
	}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}

	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	var (
		sent     atomic.Int64
		mu       sync.Mutex
		res      result
		all      []time.Duration
		wg       sync.WaitGroup
		firstErr error
	)
	start := time.Now()
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			var errs, bytes int64
			var werr error
			for ctx.Err() == nil && sent.Add(1) <= maxRequests {
				t0 := time.Now()
				// A request started before the end runs to completion (the
				// client's timeout bounds it): cutting the slow ones would
				// count only the fast.
				n, err := fetch(context.Background(), client, u, tg.acceptEncoding)
				lat = append(lat, time.Since(t0))
				bytes += n
				if err != nil {
					errs++
					if werr == nil {
						werr = err
					}
				}
			}
			mu.Lock()
			all = append(all, lat...)
			res.errors += errs
			res.bytes += bytes
			if firstErr == nil {
				firstErr = werr
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.requests = int64(len(all))
	res.firstErr = firstErr
	if len(all) == 0 {
		return res, fmt.Errorf("%s: no request completed in %v", u, duration)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	res.p50 = percentile(all, 50)
	res.p99 = percentile(all, 99)
	return res, nil
}

// fetch sends one GET and reads the whole body; a status other than 200 or
// a body shorter than announced is an error.
func fetch(ctx context.Context, c *http.Client, u, acceptEncoding string) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		return n, err
	}
	if resp.StatusCode != http.StatusOK {
		return n, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return n, fmt.Errorf("GET %s: %d bytes of %d", u, n, resp.ContentLength)
	}
	return n, nil
}

// percentile of sorted durations, nearest rank.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	if i < 1 {
		i = 1
	}
	return sorted[i-1]
}

func roundLatency(d time.Duration) time.Duration {
	switch {
	case d >= 100*time.Millisecond:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

// loopbackOnly refuses any URL whose host is not a loopback address: this
// program loads only the server it started on this machine.
func loopbackOnly(u string) error {
	p, err := url.Parse(u)
	if err != nil {
		return err
	}
	ip := net.ParseIP(p.Hostname())
	if p.Scheme != "http" || ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("refusing to load %s: only loopback addresses (127.0.0.0/8, ::1)", u)
	}
	return nil
}

// loopbackDialer dials loopback addresses only, whatever a redirect says.
func loopbackDialer(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return nil, errors.New("refusing to dial " + addr + ": not a loopback address")
	}
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}

// memory is the server's resident set, from /proc/PID/status.
type memory struct {
	rss, hwm int64 // bytes: now, and the peak since the process started
}

func readMemory(pid int) (memory, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memory{}, fmt.Errorf("the server's memory: %v", err)
	}
	return parseStatus(string(b))
}

func parseStatus(status string) (memory, error) {
	var m memory
	for _, line := range strings.Split(status, "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		var dst *int64
		switch key {
		case "VmRSS":
			dst = &m.rss
		case "VmHWM":
			dst = &m.hwm
		default:
			continue
		}
		f := strings.Fields(value)
		if len(f) != 2 || f[1] != "kB" {
			return m, fmt.Errorf("/proc status %s: %q", key, value)
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return m, err
		}
		*dst = kb << 10
	}
	if m.rss == 0 || m.hwm == 0 {
		return m, errors.New("/proc status without VmRSS and VmHWM")
	}
	return m, nil
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }
