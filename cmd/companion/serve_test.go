package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"companion/data/fixtures"
)

// The real binary, built once for the tests that run it as a subprocess
// (signals, exit codes and listening sockets are the point).
var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

func companionBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		if _, err := os.Stat(appWasm); err != nil {
			binErr = fmt.Errorf("the browser app is not built (%v): run `make build` first, the binary embeds it", err)
			return
		}
		binDir, binErr = os.MkdirTemp("", "companion-bin-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "companion")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

var appWasm = filepath.Join("..", "..", "web", "build", "app.wasm")

// companionProc is a companion serving on a loopback port.
type companionProc struct {
	cmd    *exec.Cmd
	addr   string // 127.0.0.1:port
	out    *lockedBuffer
	exited chan struct{}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var listening = regexp.MustCompile(`on http://localhost:([0-9]+)/`)

// startServer runs `companion serve -addr 127.0.0.1:0 args...` and waits
// until it listens.
func startServer(t *testing.T, args ...string) *companionProc {
	t.Helper()
	cmd := exec.Command(companionBinary(t), append([]string{"serve", "-addr", "127.0.0.1:0"}, args...)...)
	s := &companionProc{cmd: cmd, out: &lockedBuffer{}, exited: make(chan struct{})}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = s.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	port := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			fmt.Fprintln(s.out, sc.Text())
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				port <- m[1]
			}
		}
		cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			cmd.Process.Kill()
			<-s.exited
		}
		if t.Failed() {
			t.Logf("server output:\n%s", s.out)
		}
	})
	select {
	case p := <-port:
		s.addr = "127.0.0.1:" + p
	case <-s.exited:
		t.Fatalf("the server exited before listening:\n%s", s.out)
	case <-time.After(60 * time.Second):
		t.Fatalf("the server did not listen within a minute:\n%s", s.out)
	}
	return s
}

// wait returns the exit code, or fails after limit.
func (s *companionProc) wait(t *testing.T, limit time.Duration) int {
	t.Helper()
	select {
	case <-s.exited:
		return s.cmd.ProcessState.ExitCode()
	case <-time.After(limit):
		t.Fatalf("the server has not exited %v after the signal", limit)
		return -1
	}
}

// download is a slow client fetching the uncompressed app (10.8 MB) over
// one connection with a small receive buffer: the server is still writing
// long after the request started.
type download struct {
	conn   *net.TCPConn
	resp   *http.Response
	got    atomic.Int64
	paused atomic.Bool
	done   chan struct{}
	sum    [32]byte
	err    error
}

func startDownload(t *testing.T, addr string, bytesPerSecond int) *download {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	conn := c.(*net.TCPConn)
	conn.SetReadBuffer(16 << 10)
	t.Cleanup(func() { conn.Close() })
	// No Accept-Encoding: the raw app, the longest response there is.
	fmt.Fprintf(conn, "GET /web/app.wasm HTTP/1.1\r\nHost: %s\r\nUser-Agent: slow-phone\r\n\r\n", addr)
	br := bufio.NewReaderSize(conn, 4<<10)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.ContentLength < 1<<20 {
		t.Fatalf("GET /web/app.wasm: %s, %d bytes", resp.Status, resp.ContentLength)
	}
	d := &download{conn: conn, resp: resp, done: make(chan struct{})}
	go func() {
		defer close(d.done)
		h := sha256.New()
		buf := make([]byte, 16<<10)
		tick := time.Duration(float64(time.Second) * float64(len(buf)) / float64(bytesPerSecond))
		for {
			for d.paused.Load() {
				time.Sleep(10 * time.Millisecond)
			}
			n, err := io.ReadFull(resp.Body, buf)
			h.Write(buf[:n])
			d.got.Add(int64(n))
			if err == io.EOF || err == io.ErrUnexpectedEOF && d.got.Load() == resp.ContentLength {
				break
			}
			if err != nil {
				d.err = err
				break
			}
			time.Sleep(tick)
		}
		copy(d.sum[:], h.Sum(nil))
	}()
	return d
}

func (d *download) waitFor(t *testing.T, n int64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for d.got.Load() < n {
		if time.Now().After(deadline) {
			t.Fatalf("downloaded %d bytes in 30 s, waiting for %d", d.got.Load(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// refused waits until a new connection to addr is refused.
func refused(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		switch {
		case errors.Is(err, syscall.ECONNREFUSED):
			return
		case errors.Is(err, syscall.ECONNRESET):
			// Caught in the listener's backlog as it closed: reset, not
			// served. The next try must be refused.
		case err != nil:
			t.Fatalf("a new connection failed, but not as refused: %v", err)
		default:
			c.Close()
		}
		if time.Now().After(deadline) {
			t.Fatal("new connections are still accepted 10 s after the signal")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// SIGTERM during a slow download: the listener closes at once, the
// download completes whole, then the server exits 0.
func TestServeShutdownFinishesDownloads(t *testing.T) {
	want, err := os.ReadFile(appWasm)
	if err != nil {
		t.Fatal(err)
	}
	s := startServer(t, "-grace", "60s")
	d := startDownload(t, s.addr, 2<<20) // 2 MB/s: about 4 s for the app
	if d.resp.ContentLength != int64(len(want)) {
		t.Fatalf("Content-Length %d, the built app is %d bytes", d.resp.ContentLength, len(want))
	}
	d.waitFor(t, 256<<10)

	signalled := time.Now()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	refused(t, s.addr)
	if at := d.got.Load(); at >= d.resp.ContentLength {
		t.Fatalf("the download finished (%d bytes) before new connections were refused: nothing was in flight", at)
	} else {
		t.Logf("new connections refused %v after SIGTERM, download at %d of %d bytes", time.Since(signalled).Round(time.Millisecond), at, d.resp.ContentLength)
	}

	select {
	case <-d.done:
	case <-time.After(60 * time.Second):
		t.Fatalf("download stuck at %d bytes", d.got.Load())
	}
	if d.err != nil {
		t.Fatalf("the download was cut at %d of %d bytes: %v", d.got.Load(), d.resp.ContentLength, d.err)
	}
	if d.got.Load() != int64(len(want)) || d.sum != sha256.Sum256(want) {
		t.Fatalf("downloaded %d bytes (sha256 %x), want the app's %d bytes", d.got.Load(), d.sum[:8], len(want))
	}
	if code := s.wait(t, 30*time.Second); code != 0 {
		t.Fatalf("exit code %d, want 0", code)
	}
	out := s.out.String()
	if !strings.Contains(out, "terminated: refusing new connections; 1 in flight get up to 1m0s to finish") || !strings.Contains(out, "every request finished") {
		t.Errorf("the server did not say it waited for the download and saw it finish:\n%s", out)
	}
	t.Logf("exited 0 %v after SIGTERM", time.Since(signalled).Round(time.Millisecond))
}

// A client that stops reading cannot hold the server past -grace: it exits
// 0 once the grace period is over, the stalled download cut. A second
// signal cuts at once (exit 1).
func TestServeGraceBoundsShutdown(t *testing.T) {
	const grace = 1500 * time.Millisecond
	t.Run("grace over", func(t *testing.T) {
		s := startServer(t, "-grace", grace.String())
		d := startDownload(t, s.addr, 4<<20)
		d.waitFor(t, 64<<10)
		d.paused.Store(true) // a phone that went into a tunnel
		signalled := time.Now()
		if err := s.cmd.Process.Signal(syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		code := s.wait(t, grace+20*time.Second)
		took := time.Since(signalled)
		if code != 0 {
			t.Errorf("exit code %d, want 0", code)
		}
		if took < grace || took > grace+5*time.Second {
			t.Errorf("exited %v after the signal, want just after the %v grace period", took, grace)
		}
		d.paused.Store(false)
		<-d.done
		if d.err == nil || d.got.Load() >= d.resp.ContentLength {
			t.Errorf("the stalled download was not cut: %d of %d bytes, %v", d.got.Load(), d.resp.ContentLength, d.err)
		}
		if out := s.out.String(); !strings.Contains(out, "interrupt: refusing new connections; 1 in flight get up to 1.5s") || !strings.Contains(out, "the grace period is over") || !strings.Contains(out, "1 requests cut") {
			t.Errorf("output:\n%s", out)
		}
		t.Logf("exited %d %v after SIGINT with -grace %v", code, took.Round(time.Millisecond), grace)
	})
	t.Run("second signal", func(t *testing.T) {
		s := startServer(t, "-grace", "60s")
		d := startDownload(t, s.addr, 4<<20)
		d.waitFor(t, 64<<10)
		d.paused.Store(true)
		s.cmd.Process.Signal(syscall.SIGTERM)
		refused(t, s.addr)
		signalled := time.Now()
		s.cmd.Process.Signal(syscall.SIGTERM)
		if code := s.wait(t, 10*time.Second); code != 1 {
			t.Errorf("exit code %d after a second signal, want 1", code)
		}
		if took := time.Since(signalled); took > 5*time.Second {
			t.Errorf("a second signal took %v to stop the server", took)
		}
		d.paused.Store(false)
		<-d.done
		if !strings.Contains(s.out.String(), "Stopped by a second terminated: 1 requests cut") {
			t.Errorf("output:\n%s", s.out)
		}
	})
}

// fixturePath finds a real schedule: in the repository's fixtures, or in
// the shared folder beside it.
func fixturePath(t *testing.T, name string) string {
	t.Helper()
	if p := filepath.Join("..", "..", "data", "fixtures", "testdata", name); fileExists(p) {
		return p
	}
	return filepath.Join(fixtures.Dir(t), name)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// An organiser's FOSDEM, imported and served beside the released binary:
// listed to the app, served by the schedules API, prerendered.
func TestServeConference(t *testing.T) {
	conf := filepath.Join(t.TempDir(), "fosdem2025.json")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"import", "-o", conf, fixturePath(t, "fosdem-2025.pentabarf-schedule.xml")}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("import exit %d: %s", code, stderr.String())
	}
	want, err := os.ReadFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	s := startServer(t, "-conference", conf)
	if !strings.Contains(s.out.String(), "Serving "+conf+" beside the app") {
		t.Errorf("startup output:\n%s", s.out)
	}

	get := func(path string) (*http.Response, []byte) {
		t.Helper()
		resp, b := s.get(t, path)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s", path, resp.Status)
		}
		return resp, b
	}
	resp, body := get("/api/schedules/fosdem2025")
	if !bytes.Equal(body, want) || resp.Header.Get("ETag") == "" {
		t.Errorf("the schedules API serves %d bytes (ETag %q), want the file's %d", len(body), resp.Header.Get("ETag"), len(want))
	}
	_, page := get("/?c=fosdem2025")
	if !bytes.Contains(page, []byte("FOSDEM 2025")) {
		t.Errorf("the page does not show FOSDEM 2025 (%d bytes)", len(page))
	}
	_, worker := get("/app-worker.js")
	if !bytes.Contains(worker, []byte("/api/schedules/fosdem2025")) {
		t.Error("the service worker does not precache the served schedule: it would not open offline")
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	if code := s.wait(t, 30*time.Second); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

// A schedule that cannot be served stops startup, naming the file, the
// place and the reason; nothing listens.
func TestServeConferenceRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name, doc string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	camp := string(readFixture(t, "cccamp2019-excerpt.frab-schedule.json"))
	// One bad event costs that event a warning; a file without days has
	// nothing to show and is refused.
	noDays := write("camp-no-days.json", strings.Replace(camp, `"days": [`, `"days": 3, "notdays": [`, 1))
	broken := write("camp-broken.json", camp[:len(camp)/2])
	good := write("camp.json", camp)
	again := write("camp-again.json", camp)
	kcd := filepath.Join("..", "..", "data", "kcd-france-2023.json")
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"no days", []string{"-conference", noDays}, []string{noDays + ": ", `field "days"`, "cannot be served"}},
		{"not JSON to the end", []string{"-conference", broken}, []string{broken + ": ", "line ", "cannot be served"}},
		{"another format", []string{"-conference", fixturePath(t, "fosdem-2025.pentabarf-schedule.xml")}, []string{"not schedule.json", "companion import -o"}},
		{"a missing file", []string{"-conference", filepath.Join(dir, "nope.json")}, []string{"nope.json", "no such file"}},
		{"an embedded conference", []string{"-conference", kcd}, []string{kcd + `: conference "kcdfrance2023" is already data/kcd-france-2023.json, embedded in the app`, "-schedules DIR"}},
		{"the same conference twice", []string{"-conference", good, "-conference", again}, []string{again + `: conference "Camp2019" is already given with -conference ` + good}},
		{"a stray argument", []string{good}, []string{"unexpected argument", "-conference FILE"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			go func() {
				done <- run(append([]string{"serve", "-addr", "127.0.0.1:0"}, c.args...), nil, &stdout, &stderr)
			}()
			var code int
			select {
			case code = <-done:
			case <-time.After(time.Minute):
				t.Fatalf("still running after a minute: it is serving, not refusing")
			}
			if code == 0 {
				t.Fatalf("served it: %s", stdout.String())
			}
			for _, w := range c.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("the error does not say %q:\n%s", w, stderr.String())
				}
			}
			if strings.Contains(stdout.String(), "Serving") {
				t.Errorf("it started serving: %s", stdout.String())
			}
			t.Logf("exit %d:\n%s", code, stderr.String())
		})
	}
}

// get fetches path from the running server, its body read whole.
func (s *companionProc) get(t *testing.T, path string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get("http://" + s.addr + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(fixturePath(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// An organiser's site shows their conference alone: with -only, the
// conference is the default, the installed app carries its name, and the
// conferences the build carries as examples are neither listed nor
// reachable. An acronym the site does not have stops startup, listing
// those it has.
func TestServeOnly(t *testing.T) {
	conf := filepath.Join(t.TempDir(), "camp.json")
	if err := os.WriteFile(conf, readFixture(t, "cccamp2019-excerpt.frab-schedule.json"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, "-conference", conf, "-only", "Camp2019")
	get := func(path string) (int, string) {
		t.Helper()
		resp, b := s.get(t, path)
		return resp.StatusCode, string(b)
	}
	if !strings.Contains(s.out.String(), "Serving Chaos Communication Camp 2019") {
		t.Errorf("startup output does not name the conference shown:\n%s", s.out)
	}
	code, manifest := get("/manifest.webmanifest")
	var m struct {
		Name      string `json:"name"`
		ShortName string `json:"short_name"`
	}
	if err := json.Unmarshal([]byte(manifest), &m); code != http.StatusOK || err != nil {
		t.Fatalf("manifest: %d %v", code, err)
	}
	if m.Name != "Chaos Communication Camp 2019" || m.ShortName == "" || m.ShortName == "Companion" {
		t.Errorf("manifest name %q, short name %q: want the conference's", m.Name, m.ShortName)
	}
	if code, home := get("/"); code != http.StatusOK || !strings.Contains(home, "Chaos Communication Camp 2019") || strings.Contains(home, "KCD France") {
		t.Errorf("home page (%d) does not show the camp alone", code)
	}
	if code, events := get("/events"); code != http.StatusOK || strings.Contains(events, "KCD France") || strings.Contains(events, "KubeCon") {
		t.Errorf("the events page (%d) lists conferences the site does not show", code)
	}
	if code, page := get("/?c=kcdfrance2023"); code != http.StatusOK || strings.Contains(page, "KCD France") {
		t.Errorf("a conference the site does not show (%d) is shown", code)
	}
	if code, _ := get("/talk/revolution-ebpf?c=kcdfrance2023"); code != http.StatusNotFound {
		t.Errorf("a talk of a conference the site does not show answers %d, want 404", code)
	}
	if code, worker := get("/app-worker.js"); code != http.StatusOK || strings.Contains(worker, "kcdfrance2023") {
		t.Errorf("the service worker (%d) precaches a conference the site does not show", code)
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	s.wait(t, 30*time.Second)

	var stdout, stderr bytes.Buffer
	if code := run([]string{"serve", "-addr", "127.0.0.1:0", "-only", "nope"}, nil, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), `no conference "nope" to show (there are: kcdfrance2023,`) {
		t.Errorf("an unknown -only: exit %d, %s", code, stderr.String())
	}
}

// TestExportConferenceOnly: an organiser exports the released binary's
// site with their own schedule alone: its pages, talks, tracks and rooms
// are written, the embedded conferences are not, and a broken file is
// refused with its name.
func TestExportConferenceOnly(t *testing.T) {
	conf := filepath.Join(t.TempDir(), "camp.json")
	if err := os.WriteFile(conf, readFixture(t, "cccamp2019-excerpt.frab-schedule.json"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	out, err := exec.Command(companionBinary(t), "export", "-conference", conf, "-only", "Camp2019", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	home, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(home), "Chaos Communication Camp 2019") || strings.Contains(string(home), "KCD France") {
		t.Errorf("the exported home page does not show the camp alone")
	}
	for _, pattern := range []string{"talk/*.html", "track/*.html", "room/*.html", "speakers/*.html", "api/schedules/Camp2019"} {
		if m, _ := filepath.Glob(filepath.Join(dir, pattern)); len(m) == 0 {
			t.Errorf("the export has no %s", pattern)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "api/schedules/kcdfrance2023")); err == nil {
		t.Errorf("the export carries a conference the site does not show")
	}
	if _, err := os.Stat(filepath.Join(dir, "talk/keynote-ouverture.html")); err == nil {
		t.Errorf("the export carries a KCD France talk")
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"schedule": {"conference": {"acronym": "x"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = exec.Command(companionBinary(t), "export", "-conference", bad, filepath.Join(t.TempDir(), "site")).CombinedOutput()
	if err == nil || !strings.Contains(string(out), bad) {
		t.Errorf("a broken schedule exported (%v):\n%s", err, out)
	}
}
