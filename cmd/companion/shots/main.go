// Command shots takes phone screenshots of every page of the app, so that
// a person can look at them: the tests check what can be measured (axe-core,
// no sideways scroll, 44 px targets), not whether a page looks right on a
// 320 px phone in the dark, in French. It serves the built app in-process,
// opens each page in a headless Chromium emulating a phone (touch, device
// scale 2) at each width, theme (the footer's switch, localStorage
// companion/theme) and language (companion/lang), waits until the app has
// taken over the page, and writes a full-page PNG per page and mode:
//
//	go run ./cmd/companion/shots -out bin/shots   # or: make screenshots
//
// Files are named page-width-theme-lang.png. The page's clock is set to the
// conference's first morning (-at), so now/next and the schedule's "on now"
// strip have something to show; a few talks are starred first, so My agenda
// is not empty. What sticks out sideways is printed as it is found. It is
// a tool for looking, not a test: it asserts nothing.
package main

import (
	"context"
	"flag"
	"fmt"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"companion/cmd/companion/browserclock"
	"companion/cmd/companion/server"
	"companion/data"
	"companion/data/export"
	"companion/data/importer/build"
	"companion/data/importer/pentabarf"
	"companion/web"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// shot is a page to take: its file name, its address, and whether only
// its first screen is taken (a FOSDEM day is tens of thousands of pixels
// long).
type shot struct {
	name, path string
	screen     bool
	then       string // JavaScript run once the page is ready
	keys       int    // Tab presses after it, to show the focus ring
}

var pages = []shot{
	{name: "schedule", path: "/"},
	{name: "schedule-focus", path: "/", screen: true, keys: 8},
	{name: "filters", path: "/?day=1&track=reseau-ebpf", then: `document.querySelector("details.filter-panel").open = true`},
	{name: "talk", path: "/talk/keynote-ouverture"},
	{name: "grid", path: "/?view=grid"},
	{name: "search", path: "/?q=kube"},
	{name: "now", path: "/now"},
	{name: "tracks", path: "/tracks"},
	{name: "track", path: "/track/reseau-ebpf"},
	{name: "rooms", path: "/rooms"},
	{name: "room", path: "/room/bleu"},
	{name: "speakers", path: "/speakers"},
	{name: "speaker", path: "/speakers/solomon-hykes"},
	{name: "venue", path: "/venue"},
	{name: "agenda", path: "/agenda"},
	{name: "events", path: "/events"},
	{name: "changes", path: "/changes"},
	{name: "kubecon2019", path: "/?c=kubeconeu2019"},
	{name: "kubecon2019-grid", path: "/?c=kubeconeu2019&view=grid", screen: true},
	{name: "kubecon2019-talk", path: "/talk/diversity-lunch?c=kubeconeu2019"},
}

// fosdemPages are taken when the FOSDEM fixture is there.
var fosdemPages = []shot{
	{name: "fosdem", path: "/?c=fosdem2025&day=1", screen: true},
	{name: "fosdem-grid", path: "/?c=fosdem2025&day=1&view=grid", screen: true},
}

// starred are the talks starred before the tour, two of them at the same
// time, so that My agenda shows cards, a conflict and a gap.
var starred = []string{"observabilite-cout", "ingress-multi-clusters-numberly", "kubernetes-veepee-way"}

func main() {
	out := flag.String("out", "bin/shots", "directory the PNGs are written to")
	widths := flag.String("widths", "320,390", "viewport widths in CSS pixels, comma-separated")
	themes := flag.String("themes", "light,dark", "themes, comma-separated")
	langs := flag.String("langs", "en,fr", "languages, comma-separated")
	only := flag.String("only", "", "take only the pages whose name contains one of these, comma-separated (talk,grid)")
	at := flag.String("at", "2023-03-07T10:00:00+01:00", "the time the page's clock reads (RFC 3339); empty for the real clock")
	fixture := flag.String("fosdem", filepath.Join("data", "fixtures", "testdata", "fosdem-2025.pentabarf-schedule.xml"), "FOSDEM 2025 Pentabarf XML, served beside the app for the big-conference shots (skipped when missing)")
	maxHeight := flag.Int64("max-height", 8000, "tallest page taken, in CSS pixels (longer pages are cut)")
	flag.Parse()

	err := take(config{
		out: *out, widths: splitInts(*widths), themes: split(*themes), langs: split(*langs),
		only: *only, at: *at, fixture: *fixture, maxHeight: *maxHeight,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "shots:", err)
		os.Exit(1)
	}
}

type config struct {
	out               string
	widths            []int64
	themes, langs     []string
	only, at, fixture string
	maxHeight         int64
}

func take(cfg config) error {
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return err
	}
	assets := server.Assets{Static: web.Static(), Build: web.Build(), Worker: web.WorkerTemplate}
	todo := pages
	if f, err := importFOSDEM(cfg.fixture); err == nil {
		assets.Served = []data.File{f}
		todo = append(todo, fosdemPages...)
	} else {
		fmt.Fprintln(os.Stderr, "shots: no FOSDEM shots:", err)
	}
	h, _, err := server.New(assets)
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go http.Serve(l, h)
	site := "http://" + l.Addr().String()

	ctx, stop, err := browser()
	if err != nil {
		return err
	}
	defer stop()

	if cfg.at != "" {
		if _, err := time.Parse(time.RFC3339, cfg.at); err != nil {
			return fmt.Errorf("-at: %v", err)
		}
		if err := chromedp.Run(ctx, setClock(cfg.at)); err != nil {
			return err
		}
	}
	// A first visit: the origin's storage, then a few stars.
	if err := chromedp.Run(ctx, metrics(390, 844), chromedp.Navigate(site+"/"), ready(true)); err != nil {
		return fmt.Errorf("first visit: %w", err)
	}
	for _, slug := range starred {
		if err := chromedp.Run(ctx, star(slug)); err != nil {
			return fmt.Errorf("starring %s: %w", slug, err)
		}
	}

	n := 0
	for _, lang := range cfg.langs {
		for _, theme := range cfg.themes {
			for _, w := range cfg.widths {
				if err := chromedp.Run(ctx,
					network.SetExtraHTTPHeaders(network.Headers{"Accept-Language": lang}),
					chromedp.Evaluate(`localStorage.setItem("companion/theme", `+strconv.Quote(theme)+`); localStorage.setItem("companion/lang", `+strconv.Quote(lang)+`)`, nil),
				); err != nil {
					return err
				}
				for _, p := range todo {
					if !wanted(p.name, cfg.only) {
						continue
					}
					file := filepath.Join(cfg.out, fmt.Sprintf("%s-%d-%s-%s.png", p.name, w, theme, lang))
					if err := shoot(ctx, site, p, w, cfg.maxHeight, file); err != nil {
						return fmt.Errorf("%s: %w", file, err)
					}
					n++
				}
			}
		}
	}
	fmt.Printf("%d screenshots in %s\n", n, cfg.out)
	return nil
}

// shoot opens p at width w and writes its picture to file.
func shoot(ctx context.Context, site string, p shot, w, maxHeight int64, file string) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	const screenHeight = 720
	err := chromedp.Run(ctx,
		metrics(w, screenHeight),
		// Each page is what its address says: forget the conference and
		// the view (list or grid) the app remembers.
		chromedp.Evaluate(`localStorage.removeItem("companion/conference"); localStorage.removeItem("companion/view")`, nil),
		chromedp.Navigate(site+p.path),
		ready(false),
	)
	if err != nil {
		return err
	}
	if p.then != "" {
		if err := chromedp.Run(ctx, chromedp.Evaluate(p.then, nil), settle()); err != nil {
			return err
		}
	}
	for i := 0; i < p.keys; i++ {
		if err := chromedp.Run(ctx, chromedp.KeyEvent("\t")); err != nil {
			return err
		}
	}
	var wide string
	if err := chromedp.Run(ctx, chromedp.Evaluate(overflow(w), &wide)); err != nil {
		return err
	}
	if wide != "" {
		fmt.Printf("%s: wider than %d px: %s\n", filepath.Base(file), w, wide)
	}
	height := int64(screenHeight)
	if !p.screen {
		// The whole page: the viewport made as tall as the page, so that
		// what is drawn only near the screen (cards, grid blocks) is drawn.
		for i := 0; i < 5; i++ {
			var h float64
			if err := chromedp.Run(ctx, chromedp.Evaluate(`document.documentElement.scrollHeight`, &h)); err != nil {
				return err
			}
			next := int64(math.Ceil(h))
			if next > maxHeight {
				fmt.Printf("%s: %d px tall, cut at %d\n", filepath.Base(file), next, maxHeight)
				next = maxHeight
			}
			if next == height {
				break
			}
			height = next
			if err := chromedp.Run(ctx, metrics(w, height), settle()); err != nil {
				return err
			}
		}
	}
	var png []byte
	if err := chromedp.Run(ctx, chromedp.CaptureScreenshot(&png)); err != nil {
		return err
	}
	return os.WriteFile(file, png, 0o644)
}

// browser starts a headless Chromium with a fresh profile.
func browser() (context.Context, func(), error) {
	exe := os.Getenv("CHROME")
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if exe != "" {
			break
		}
		exe, _ = exec.LookPath(name)
	}
	if exe == "" {
		return nil, nil, fmt.Errorf("Chromium not found: `sudo apt-get install -y chromium`, or set CHROME=/path/to/chromium")
	}
	profile, err := os.MkdirTemp("", "companion-shots-")
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(390, 844),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	stop := func() {
		chromedp.Cancel(ctx)
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	if err := chromedp.Run(ctx, emulation.SetTouchEmulationEnabled(true).WithMaxTouchPoints(5)); err != nil {
		stop()
		return nil, nil, fmt.Errorf("starting Chromium: %w", err)
	}
	return ctx, stop, nil
}

// metrics emulates a phone's screen w × h CSS pixels wide, at device
// scale 2.
func metrics(w, h int64) chromedp.Action {
	return emulation.SetDeviceMetricsOverride(w, h, 2, true).WithScreenWidth(w).WithScreenHeight(h)
}

// ready waits until the app has taken over the page (and, when star is
// set, its stars work), then for the fonts and pictures and two frames.
func ready(star bool) chromedp.Action {
	cond := `document.getElementById("app-wasm-loader") === null && document.documentElement.dataset.app === "ready"`
	if star {
		cond += ` && document.querySelector("button.star") !== null`
	}
	return chromedp.ActionFunc(func(ctx context.Context) error {
		deadline := time.Now().Add(90 * time.Second)
		for {
			err := chromedp.Poll(cond, nil, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(time.Until(deadline))).Do(ctx)
			if err == nil {
				break
			}
			// The service worker taking over reloads the page under the poll.
			if time.Now().After(deadline) || !contextLost(err) {
				return err
			}
			time.Sleep(50 * time.Millisecond)
		}
		return settle().Do(ctx)
	})
}

// settle waits for the fonts, the pictures that are loading and two
// frames, then a little more for what is drawn after a paint.
func settle() chromedp.Action {
	return chromedp.Tasks{
		chromedp.Evaluate(`Promise.all([document.fonts.ready,
			...[...document.images].filter(i => !i.complete).map(i => new Promise(r => { i.onload = i.onerror = r; setTimeout(r, 3000) }))])
			.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))
			.then(() => true)`, nil, awaitPromise),
		chromedp.Sleep(300 * time.Millisecond),
	}
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

func contextLost(err error) bool {
	s := err.Error()
	return strings.Contains(s, "Cannot find context") || strings.Contains(s, "Execution context was destroyed") || strings.Contains(s, "Inspected target navigated")
}

// star stars a talk of the schedule shown.
func star(slug string) chromedp.Action {
	sel := `document.querySelector('main a[href="/talk/` + slug + `"]').closest("li").querySelector("button.star")`
	return chromedp.Tasks{
		chromedp.Evaluate(sel+`.scrollIntoView({block: "center"})`, nil),
		chromedp.Sleep(200 * time.Millisecond),
		chromedp.Evaluate(sel+`.click()`, nil),
		chromedp.Poll(sel+`.getAttribute("aria-pressed") === "true"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
	}
}

// setClock makes the page's clock read at from the next page on, as the
// browser tests of now and next do.
func setClock(at string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(browserclock.Script(at)).Do(ctx)
		return err
	})
}

// overflow is JavaScript naming what reaches past the right edge of a
// screen w pixels wide (outside the boxes that scroll sideways on
// purpose), or "" when nothing does.
func overflow(w int64) string {
	return fmt.Sprintf(`(() => {
		const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true; } return false; };
		const out = [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > %d + 0.5 && e.getClientRects().length > 0 && !scrolls(e))
			.map(e => e.tagName.toLowerCase() + (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).join(".") : "") + " right=" + Math.round(e.getBoundingClientRect().right));
		return out.slice(0, 6).join(", ");
	})()`, w)
}

func importFOSDEM(path string) (data.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return data.File{}, err
	}
	defer f.Close()
	c, err := pentabarf.Import("fosdem", f, build.Options{})
	if err != nil {
		return data.File{}, err
	}
	doc, err := export.JSON(c)
	return data.File{Name: "fosdem2025.json", JSON: string(doc)}, err
}

// wanted reports whether the page named name is among those -only asks
// for (all when it is empty).
func wanted(name, only string) bool {
	if only == "" {
		return true
	}
	for _, o := range split(only) {
		if strings.Contains(name, o) {
			return true
		}
	}
	return false
}

func split(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func splitInts(s string) []int64 {
	var out []int64
	for _, f := range split(s) {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "shots: -widths: %q is not a width\n", f)
			os.Exit(2)
		}
		out = append(out, n)
	}
	return out
}
