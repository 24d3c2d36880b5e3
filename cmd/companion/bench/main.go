// Command bench measures the app as an attendee meets it on venue wifi: a
// real headless Chromium (phone viewport, 4× CPU slowdown, slow 4G: 150 ms
// round trip, 1.6 Mbit/s down, 750 kbit/s up) opens KCD France (embedded)
// and FOSDEM 2025 (943 events, served beside the app) cold, warm (service
// worker) and offline, and reports when the first talk is readable, when
// the stars work, the bytes the page fetched and its memory (JS heap and
// the wasm's memory), beside the floor measured in the same run: the same
// prerendered page with its scripts stripped, served gzip'd by a plain
// static server. It also checks that a star tapped before the app started
// is kept. Each figure is the median of -runs runs; it prints a table and
// writes JSON.
//
//	go run ./cmd/companion/bench -out bin/bench.json
//
// `make bench` runs it after the Go benchmarks (those of rendering and
// loading, and the browser ones in cmd/companion/server: FOSDEM day switch,
// search keystroke, filter change, grid first paint).
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"companion/cmd/companion/server"
	"companion/data"
	"companion/data/export"
	"companion/data/importer/build"
	"companion/data/importer/pentabarf"
	"companion/web"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

const fixtureName = "fosdem-2025.pentabarf-schedule.xml"

func main() {
	runs := flag.Int("runs", 3, "runs per measure (the median is reported)")
	out := flag.String("out", "bin/bench.json", "where to write the results as JSON")
	fixture := flag.String("fixture", "", "FOSDEM 2025 Pentabarf XML (found in data/fixtures/testdata by default)")
	flag.Parse()
	if *fixture == "" {
		*fixture = filepath.Join("data", "fixtures", "testdata", fixtureName)
	}
	res, err := bench(*fixture, *runs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	printTable(os.Stdout, res)
	b, _ := json.MarshalIndent(res, "", "  ")
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err == nil {
		err = os.WriteFile(*out, append(b, '\n'), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	fmt.Println("\nwritten to", *out)
}

// Results are every measure, per conference.
type Results struct {
	When        time.Time    `json:"when"`
	Runs        int          `json:"runs"`
	Conditions  string       `json:"conditions"`
	Conferences []Conference `json:"conferences"`
}

// Conference is one conference's medians (milliseconds, bytes, MB).
type Conference struct {
	Name string `json:"name"`
	Path string `json:"path"`

	FloorReadableMs float64 `json:"floor_readable_ms"`
	FloorBytes      float64 `json:"floor_bytes"`

	ColdReadableMs float64 `json:"cold_readable_ms"`
	ColdStarsMs    float64 `json:"cold_stars_work_ms"`
	ColdBytes      float64 `json:"cold_bytes"`
	WarmReadableMs float64 `json:"warm_readable_ms"`
	WarmStarsMs    float64 `json:"warm_stars_work_ms"`
	WarmBytes      float64 `json:"warm_bytes"`
	OfflineBytes   float64 `json:"offline_bytes"`
	// FirstVisitBytes is all the server sent for a first visit, the
	// service worker's precache included (which the page's own network
	// log does not see), until the worker is ready.
	FirstVisitBytes   float64 `json:"first_visit_bytes"`
	OfflineReadableMs float64 `json:"offline_readable_ms"`
	OfflineStarsMs    float64 `json:"offline_stars_work_ms"`
	GoneAfterShown    int     `json:"schedule_gone_after_shown"`
	JSHeapMB          float64 `json:"js_heap_mb"`
	WasmMemoryMB      float64 `json:"wasm_memory_mb"`
	EarlyTapKept      bool    `json:"early_tap_kept"`

	Samples map[string][]float64 `json:"samples"`
}

func bench(fixture string, runs int) (*Results, error) {
	fosdem, err := importFOSDEM(fixture)
	if err != nil {
		return nil, err
	}
	h, _, err := server.New(server.Assets{Static: web.Static(), Build: web.Build(), Worker: web.WorkerTemplate, Served: []data.File{fosdem}})
	if err != nil {
		return nil, err
	}
	site, err := serve(sent.count(h))
	if err != nil {
		return nil, err
	}
	res := &Results{When: time.Now().UTC(), Runs: runs,
		Conditions: "headless Chromium, 390×844 phone viewport, 4× CPU slowdown, 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up"}
	for _, c := range []struct{ name, path string }{
		{"KCD France 2023 (embedded, 19 events)", "/"},
		{"FOSDEM 2025 (served, 943 events, day 1)", "/?c=fosdem2025&day=1"},
	} {
		fmt.Fprintf(os.Stderr, "bench: %s\n", c.name)
		conf, err := measure(site, c.name, c.path, runs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.name, err)
		}
		res.Conferences = append(res.Conferences, *conf)
	}
	return res, nil
}

func importFOSDEM(path string) (data.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return data.File{}, fmt.Errorf("%v (pass -fixture FILE)", err)
	}
	defer f.Close()
	c, err := pentabarf.Import("fosdem", f, build.Options{})
	if err != nil {
		return data.File{}, err
	}
	doc, err := export.JSON(c)
	return data.File{Name: "fosdem2025.json", JSON: string(doc)}, err
}

// serve serves h on a loopback port and returns its URL.
func serve(h http.Handler) (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go http.Serve(l, h)
	return "http://" + l.Addr().String(), nil
}

func measure(site, name, path string, runs int) (*Conference, error) {
	floor, err := floorSite(site, path)
	if err != nil {
		return nil, err
	}
	samples := map[string][]float64{}
	add := func(k string, v float64) { samples[k] = append(samples[k], v) }
	gone := 0
	for i := 0; i < runs; i++ {
		// The floor: the same page, no script, gzip'd, cold.
		if err := withBrowser(func(ctx context.Context) error {
			m, err := load(ctx, floor+path, false)
			if err != nil {
				return fmt.Errorf("floor: %w", err)
			}
			add("floor_readable", m.Readable)
			add("floor_bytes", m.Bytes)
			return nil
		}); err != nil {
			return nil, err
		}
		// The app: cold, then warm, then offline, in one profile.
		if err := withBrowser(func(ctx context.Context) error {
			sent.take()
			cold, err := load(ctx, site+path, true)
			if err != nil {
				return fmt.Errorf("cold: %w", err)
			}
			add("cold_readable", cold.Readable)
			add("cold_stars", cold.Ready)
			add("cold_bytes", cold.Bytes)
			add("js_heap_mb", cold.JSHeap/1e6)
			add("wasm_mb", cold.Wasm/1e6)
			if err := chromedp.Run(ctx, workerReady()); err != nil {
				return fmt.Errorf("service worker: %w", err)
			}
			add("first_visit_bytes", sent.take())
			warm, err := load(ctx, site+path, true)
			if err != nil {
				return fmt.Errorf("warm: %w", err)
			}
			add("warm_readable", warm.Readable)
			add("warm_stars", warm.Ready)
			add("warm_bytes", warm.Bytes)
			if err := chromedp.Run(ctx, network.EmulateNetworkConditions(true, 0, 0, 0)); err != nil {
				return err
			}
			off, err := load(ctx, site+path, true)
			if err != nil {
				return fmt.Errorf("offline: %w", err)
			}
			add("offline_readable", off.Readable)
			add("offline_stars", off.Ready)
			add("offline_bytes", off.Bytes)
			gone += cold.Gone + warm.Gone + off.Gone
			return nil
		}); err != nil {
			return nil, err
		}
	}
	var kept bool
	if err := withBrowser(func(ctx context.Context) error {
		var err error
		kept, err = earlyTap(ctx, site+path)
		return err
	}); err != nil {
		return nil, fmt.Errorf("early tap: %w", err)
	}
	return &Conference{
		Name: name, Path: path,
		FloorReadableMs: median(samples["floor_readable"]), FloorBytes: median(samples["floor_bytes"]),
		ColdReadableMs: median(samples["cold_readable"]), ColdStarsMs: median(samples["cold_stars"]), ColdBytes: median(samples["cold_bytes"]),
		WarmReadableMs: median(samples["warm_readable"]), WarmStarsMs: median(samples["warm_stars"]), WarmBytes: median(samples["warm_bytes"]),
		OfflineBytes: median(samples["offline_bytes"]), FirstVisitBytes: median(samples["first_visit_bytes"]),
		OfflineReadableMs: median(samples["offline_readable"]), OfflineStarsMs: median(samples["offline_stars"]),
		GoneAfterShown: gone,
		JSHeapMB:       median(samples["js_heap_mb"]), WasmMemoryMB: median(samples["wasm_mb"]),
		EarlyTapKept: kept,
		Samples:      samples,
	}, nil
}

// floorSite serves the page at path as the app server renders it, its
// scripts stripped, and the files it links to, all gzip'd, from a plain
// static server: what any CDN would do with a static page.
func floorSite(site, path string) (string, error) {
	get := func(p string) ([]byte, string, error) {
		req, _ := http.NewRequest(http.MethodGet, site+p, nil)
		req.Header.Set("Accept-Encoding", "identity")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, "", err
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK {
			return nil, "", fmt.Errorf("%s: %s", p, res.Status)
		}
		return b, res.Header.Get("Content-Type"), err
	}
	html, _, err := get(path)
	if err != nil {
		return "", err
	}
	html = regexp.MustCompile(`(?s)<script[^>]*>.*?</script>`).ReplaceAll(html, nil)
	html = regexp.MustCompile(`(?s)<aside id="app-wasm-loader".*?</aside>`).ReplaceAll(html, nil)
	files := map[string][]byte{}
	types := map[string]string{}
	pagePath, _, _ := strings.Cut(path, "?")
	files[pagePath], types[pagePath] = gz(html), "text/html; charset=utf-8"
	for _, m := range regexp.MustCompile(`(?:href|src)="(/web/[^"]+)"`).FindAllSubmatch(html, -1) {
		p := string(m[1])
		b, ct, err := get(p)
		if err != nil {
			return "", err
		}
		files[p], types[p] = gz(b), ct
	}
	return serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", types[r.URL.Path])
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(b)
	}))
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// withBrowser runs f in a fresh phone-sized Chromium, throttled.
func withBrowser(f func(ctx context.Context) error) error {
	profile, err := os.MkdirTemp("", "companion-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	chrome := os.Getenv("CHROME")
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if chrome == "" {
			chrome, _ = exec.LookPath(name)
		}
	}
	if chrome == "" {
		return fmt.Errorf("Chromium not found: `make chromium` installs it (or set CHROME)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("enable-precise-memory-info", true),
		chromedp.UserDataDir(profile), chromedp.WindowSize(390, 844))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelT()
	if err := chromedp.Run(ctx,
		network.Enable(),
		emulation.SetDeviceMetricsOverride(390, 844, 3, true),
		emulation.SetCPUThrottlingRate(4),
		network.EmulateNetworkConditions(false, 150, 1.6e6/8, 750e3/8),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(watcher).Do(ctx)
			return err
		}),
	); err != nil {
		return err
	}
	defer chromedp.Cancel(ctx)
	w := &wire{}
	w.listen(ctx)
	return f(context.WithValue(ctx, wireKey{}, w))
}

// watcher records, from the page's start: when the first talk's title is
// on screen, when the app's stars work (the page marked ready), whether
// the schedule went away after it was shown, and the wasm's memory.
const watcher = `(() => {
	const b = window.companionBench = { readable: 0, ready: 0, gone: 0, seen: false };
	const orig = WebAssembly.instantiateStreaming;
	if (orig) WebAssembly.instantiateStreaming = async (...a) => {
		const r = await orig(...a);
		b.mem = r.instance.exports.mem;
		return r;
	};
	const check = () => {
		const title = document.querySelector("main li.card .card-title");
		if (title) {
			b.seen = true;
			if (!b.readable) requestAnimationFrame(() => { if (!b.readable) b.readable = performance.now(); });
		} else if (b.seen && !document.querySelector("main li.card")) {
			b.gone++;
		}
		if (!b.ready && document.documentElement.dataset.app === "ready") b.ready = performance.now();
	};
	new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-app"] });
})()`

type wireKey struct{}

func wireOf(ctx context.Context) *wire { return ctx.Value(wireKey{}).(*wire) }

type loadMetrics struct {
	Readable, Ready, Bytes, JSHeap, Wasm float64
	Gone                                 int
}

// wire counts the bytes the page received over the network (encoded, as
// on the wire; answers from the service worker or the cache count nothing).
type wire struct {
	mu    sync.Mutex
	bytes float64
}

func (w *wire) listen(ctx context.Context) {
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*network.EventLoadingFinished); ok {
			w.mu.Lock()
			w.bytes += e.EncodedDataLength
			w.mu.Unlock()
		}
	})
}

func (w *wire) take() float64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := w.bytes
	w.bytes = 0
	return b
}

// load opens url and waits for the first talk (and the app, if app).
func load(ctx context.Context, url string, app bool) (*loadMetrics, error) {
	w := wireOf(ctx)
	w.take()
	if err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	cond := `window.companionBench && window.companionBench.readable > 0`
	if app {
		cond += ` && window.companionBench.ready > 0`
	}
	if err := chromedp.Run(ctx, chromedp.Poll(cond, nil, chromedp.WithPollingTimeout(3*time.Minute), chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		return nil, err
	}
	var m struct {
		Readable, Ready, Bytes, JSHeap, Wasm float64
		Gone                                 int
	}
	err := chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const b = window.companionBench;
		return { Readable: b.readable, Ready: b.ready, Gone: b.gone,
			JSHeap: performance.memory ? performance.memory.usedJSHeapSize : 0,
			Wasm: b.mem ? b.mem.buffer.byteLength : 0 };
	})()`, &m))
	lm := loadMetrics(m)
	lm.Bytes = w.take()
	return &lm, err
}

// earlyTap taps a star while the app's download is held back, lets the
// app start, reloads, and reports whether the star stayed.
func earlyTap(ctx context.Context, url string) (bool, error) {
	held := make(chan fetch.RequestID, 1)
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			select {
			case held <- e.RequestID:
			default:
			}
		}
	})
	if err := chromedp.Run(ctx,
		fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*/web/app.wasm*"}}),
		chromedp.Navigate(url),
		chromedp.Poll(`document.documentElement.dataset.taps === "queued" && document.querySelector("main li.card button.star") !== null`, nil, chromedp.WithPollingTimeout(2*time.Minute)),
		chromedp.Click("main li.card button.star", chromedp.ByQuery),
	); err != nil {
		return false, err
	}
	var key string
	var pressed bool
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelector("main li.card button.star").dataset.key`, &key),
		chromedp.Evaluate(`document.querySelector("main li.card button.star").getAttribute("aria-pressed") === "true"`, &pressed)); err != nil {
		return false, err
	}
	if !pressed {
		return false, nil
	}
	id := <-held
	star := `button.star[data-key="` + key + `"][aria-pressed="true"]`
	err := chromedp.Run(ctx,
		fetch.ContinueRequest(id), fetch.Disable(),
		chromedp.Poll(`document.documentElement.dataset.app === "ready"`, nil, chromedp.WithPollingTimeout(3*time.Minute)),
		chromedp.Reload(),
		chromedp.Poll(`document.documentElement.dataset.app === "ready" && document.querySelector('`+star+`') !== null`, nil, chromedp.WithPollingTimeout(3*time.Minute)))
	return err == nil, err
}

// workerReady waits until the service worker is active (everything it
// precaches is stored).
func workerReady() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := chromedp.Evaluate(`navigator.serviceWorker.ready.then(() => { window.companionWorkerReady = true })`, nil).Do(ctx); err != nil {
			return err
		}
		return chromedp.Poll(`window.companionWorkerReady === true`, nil, chromedp.WithPollingTimeout(3*time.Minute)).Do(ctx)
	})
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func printTable(w io.Writer, r *Results) {
	fmt.Fprintf(w, "%s; medians of %d\n\n", r.Conditions, r.Runs)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tfloor\tcold\twarm\toffline\t")
	for _, c := range r.Conferences {
		fmt.Fprintf(tw, "%s\t\t\t\t\t\n", c.Name)
		fmt.Fprintf(tw, "first talk readable (ms)\t%.0f\t%.0f (%.2f× floor)\t%.0f\t%.0f\t\n", c.FloorReadableMs, c.ColdReadableMs, c.ColdReadableMs/c.FloorReadableMs, c.WarmReadableMs, c.OfflineReadableMs)
		fmt.Fprintf(tw, "stars work (ms)\t\t%.0f\t%.0f\t%.0f\t\n", c.ColdStarsMs, c.WarmStarsMs, c.OfflineStarsMs)
		fmt.Fprintf(tw, "bytes on the wire (page, until stars work)\t%.0f\t%.0f\t%.0f\t%.0f\t\n", c.FloorBytes, c.ColdBytes, c.WarmBytes, c.OfflineBytes)
		fmt.Fprintf(tw, "bytes sent, first visit (page and service worker)\t\t%.0f\t\t\t\n", c.FirstVisitBytes)
		fmt.Fprintf(tw, "JS heap + wasm memory (MB)\t\t%.1f + %.1f\t\t\t\n", c.JSHeapMB, c.WasmMemoryMB)
		fmt.Fprintf(tw, "schedule gone after shown (times)\t\t%d\t\t\t\n", c.GoneAfterShown)
		fmt.Fprintf(tw, "star tapped before the app kept\t\t%v\t\t\t\n", c.EarlyTapKept)
	}
	tw.Flush()
}

// sent counts the body bytes the app's server sends (compressed, as on
// the wire), whoever asked: the page or its service worker.
var sent serverBytes

type serverBytes struct{ n atomic.Int64 }

// count wraps h so that what it writes is counted.
func (b *serverBytes) count(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&countingWriter{ResponseWriter: w, n: &b.n}, r)
	})
}

// take returns the bytes counted since the last take.
func (b *serverBytes) take() float64 { return float64(b.n.Swap(0)) }

type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (w *countingWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	w.n.Add(int64(n))
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *countingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
