package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"companion/cmd/companion/server"
	"companion/data"
	"companion/web"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The browser tests run the real server and a real headless Chromium.
// They never skip: without Chromium or a built app they fail and say how
// to get them.

func newSite(t testing.TB, served ...data.File) *httptest.Server {
	t.Helper()
	return startSite(t, server.Assets{Served: served})
}

// startSite serves the app with these assets (the built app by default).
// A live schedules directory is looked at on every request, and what it
// changes in the catalog (the process's) is undone when the test ends.
func startSite(t testing.TB, a server.Assets) *httptest.Server {
	t.Helper()
	return startWrappedSite(t, a, func(h http.Handler) http.Handler { return h })
}

// startWrappedSite is startSite with the handler wrapped, to change what
// the network does (a request that hangs).
func startWrappedSite(t testing.TB, a server.Assets, wrap func(http.Handler) http.Handler) *httptest.Server {
	t.Helper()
	a.Static, a.Build, a.Worker = web.Static(), web.Build(), web.WorkerTemplate
	if a.ScheduleDir != "" {
		restoreCatalog(t)
		if a.ScheduleRecheck == 0 {
			a.ScheduleRecheck = time.Nanosecond
		}
	}
	h, _, err := server.New(a)
	if err != nil {
		t.Fatalf("%v (the browser tests need the built app: run `make test`, which builds it)", err)
	}
	srv := httptest.NewServer(wrap(h))
	t.Cleanup(srv.Close)
	return srv
}

func chromiumPath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("Chromium not found: run `sudo apt-get install -y chromium` (or set CHROME=/path/to/chromium); `make test` installs it when run as root")
	return ""
}

// newBrowser starts a phone-sized headless Chromium with a fresh profile
// (and the extra options a test needs).
func newBrowser(t testing.TB, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	// Not t.TempDir: Chromium may still be writing its profile while the
	// test ends, and a failed clean-up must not fail the test.
	profile, err := os.MkdirTemp("", "companion-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(390, 844),
	)
	opts = append(opts, extra...)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		chromedp.Cancel(ctx) // closes the browser and waits for it
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	})
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	key := chromedp.FromContext(ctx)
	logs.Store(key, listenPage(ctx))
	t.Cleanup(func() { logs.Delete(key) })
	return ctx
}

// logs holds each browser's pageLog, by its chromedp context.
var logs sync.Map

// pageLog keeps the last lines a page printed (the Go app's panics among
// them), its uncaught exceptions and its navigations, for a failure to show.
type pageLog struct {
	mu    sync.Mutex
	start time.Time
	lines []string
}

func listenPage(ctx context.Context) *pageLog {
	l := &pageLog{start: time.Now()}
	chromedp.ListenTarget(ctx, func(ev any) {
		var line string
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range e.Args {
				if a.Value != nil {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			line = fmt.Sprintf("console.%s %s", e.Type, strings.Join(parts, " "))
		case *runtime.EventExceptionThrown:
			line = "exception " + e.ExceptionDetails.Error()
		case *page.EventFrameNavigated:
			if e.Frame.ParentID == "" {
				line = "navigated to " + e.Frame.URL
			}
		default:
			return
		}
		if line == "" {
			return
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		l.lines = append(l.lines, fmt.Sprintf("%6.1fs %.300s", time.Since(l.start).Seconds(), line))
		if len(l.lines) > 40 {
			l.lines = l.lines[1:]
		}
	})
	return l
}

func (l *pageLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// run runs a test step. It leaves a little of the browser's time for a
// failed step to show the page as it was: where it is, whether the app
// started, what it printed.
func run(t *testing.T, ctx context.Context, step string, actions ...chromedp.Action) {
	t.Helper()
	stepCtx := ctx
	if d, ok := ctx.Deadline(); ok && time.Until(d) > 30*time.Second {
		var cancel context.CancelFunc
		stepCtx, cancel = context.WithDeadline(ctx, d.Add(-15*time.Second))
		defer cancel()
	}
	if err := chromedp.Run(stepCtx, actions...); err != nil {
		var html, state string
		chromedp.Run(ctx,
			chromedp.Evaluate(`location.href + " " + document.readyState + ", app " + (document.documentElement.dataset.app || "not started") + (document.getElementById("app-wasm-loader") ? ", loader shown" : "")`, &state),
			chromedp.OuterHTML("main", &html, chromedp.ByQuery, chromedp.AtLeast(0)))
		var printed string
		if l, ok := logs.Load(chromedp.FromContext(ctx)); ok {
			printed = l.(*pageLog).String()
		}
		t.Fatalf("%s: %v\npage: %s\npage main: %.2000s\nthe page printed:\n%s", step, err, state, html, printed)
	}
}

// click taps an element as a person would: scrolled into view first, and
// once it has stopped moving. A card far off screen is not laid out
// (content-visibility in app.css): it has no box to click until it comes
// near the screen, and the cards drawn as the page scrolls move what is
// below them for a frame or two.
func click(sel string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Poll(`document.querySelector(`+jsString(sel)+`) !== null`, nil),
		chromedp.Evaluate(`new Promise((resolve) => {
			const el = document.querySelector(`+jsString(sel)+`);
			let last = null, still = 0, frames = 0;
			const step = () => {
				if (!el.isConnected) { resolve(false); return; }
				const top = el.getBoundingClientRect().top;
				if (top === last) { still++; } else { still = 0; el.scrollIntoView({block: "center"}); }
				last = el.getBoundingClientRect().top;
				if (still >= 2 || ++frames > 120) { resolve(true); return; }
				requestAnimationFrame(step);
			};
			requestAnimationFrame(step);
		})`, nil, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
		chromedp.Click(sel, chromedp.ByQuery),
	}
}

// appLoaded waits until the wasm app has started: the loader is gone, the
// app's own buttons are live and a star is on the page.
func appLoaded() chromedp.Action {
	return pollAcrossLoads(`document.getElementById("app-wasm-loader") === null && document.documentElement.dataset.app === "ready" && document.querySelector("button.star") !== null`)
}

// pollAcrossLoads waits up to a minute for js to hold. A page that loads
// again meanwhile (the service worker taking over, a redirect) destroys
// the context a poll runs in; the poll then starts again in the new one.
func pollAcrossLoads(js string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		deadline := time.Now().Add(60 * time.Second)
		for {
			err := chromedp.Poll(js, nil, chromedp.WithPollingTimeout(time.Until(deadline))).Do(ctx)
			if err == nil || time.Now().After(deadline) || !contextLost(err) {
				return err
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// contextLost reports whether err says the page's JavaScript context went
// away under an evaluation, as a navigation does.
func contextLost(err error) bool {
	s := err.Error()
	return strings.Contains(s, "Cannot find context") || strings.Contains(s, "Execution context was destroyed") || strings.Contains(s, "Inspected target navigated")
}

// eventually evaluates a condition until it holds, across page loads
// (which make a single evaluation fail).
func eventually(t *testing.T, ctx context.Context, step, js string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var ok bool
		err := chromedp.Run(ctx, chromedp.Evaluate(js, &ok))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %s never held (last error: %v)", step, js, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// workerReady waits until the service worker is active, which it becomes
// only once everything it precaches is stored.
func workerReady() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := chromedp.Evaluate(`navigator.serviceWorker.ready.then(() => { window.companionWorkerReady = true })`, nil).Do(ctx); err != nil {
			return err
		}
		return chromedp.Poll(`window.companionWorkerReady === true`, nil, chromedp.WithPollingTimeout(60*time.Second)).Do(ctx)
	})
}

func evalString(t *testing.T, ctx context.Context, step, js string) string {
	t.Helper()
	var s string
	run(t, ctx, step, chromedp.Evaluate(js, &s))
	return s
}

func TestBrowserStarAgendaOffline(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)

	// The prerendered schedule is readable before the app has loaded.
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("main h1", chromedp.ByQuery))
	run(t, ctx, "app loads", appLoaded())

	// Star the first session in the schedule.
	key := evalString(t, ctx, "find a talk", `document.querySelector("button.star").dataset.key`)
	title := evalString(t, ctx, "talk title", `document.querySelector("button.star").closest("li").querySelector(".card-title a").textContent`)
	href := evalString(t, ctx, "talk link", `document.querySelector("button.star").closest("li").querySelector(".card-title a").getAttribute("href")`)
	label := evalString(t, ctx, "star label", `document.querySelector("button.star").getAttribute("aria-label")`)
	if !strings.Contains(label, title) {
		t.Fatalf("the star button is named %q, not after its talk %q", label, title)
	}
	star := `button.star[data-key="` + key + `"]`
	run(t, ctx, "star it", click(star),
		chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))

	// It is in My agenda.
	run(t, ctx, "open My agenda", click(`nav[aria-label="Main"] a[href^="/agenda"]`),
		chromedp.WaitVisible(`.agenda-list `+star+`[aria-pressed="true"]`, chromedp.ByQuery))
	if got := evalString(t, ctx, "agenda title", `document.querySelector(".agenda-list .card-title").textContent`); got != title {
		t.Fatalf("My agenda lists %q, want %q", got, title)
	}

	run(t, ctx, "service worker ready", workerReady())

	// The worker holds the app, but not go-app's own /app.css, which no
	// page links.
	var cached []string
	run(t, ctx, "list the precache", chromedp.Evaluate(`(async () => {
		const name = (await caches.keys()).find((k) => k.startsWith("app-"));
		const keys = await (await caches.open(name)).keys();
		return keys.map((r) => new URL(r.url).pathname);
	})()`, &cached, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	if !contains(cached, "/web/app.wasm") || !contains(cached, "/web/app.css") {
		t.Errorf("the worker's cache lacks the app: %q", cached)
	}
	if contains(cached, "/app.css") {
		t.Errorf("the worker precaches go-app's unused /app.css: %q", cached)
	}

	// Offline: the server is gone and the network is down.
	srv.Close()
	run(t, ctx, "go offline", network.Enable(), network.EmulateNetworkConditions(true, 0, 0, 0))

	run(t, ctx, "reload / offline", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("main h1", chromedp.ByQuery), appLoaded(),
		chromedp.WaitVisible(star+`[aria-pressed="true"]`, chromedp.ByQuery))

	// A deep link never opened before still opens offline, star included.
	run(t, ctx, "deep link offline", chromedp.Navigate(srv.URL+href),
		chromedp.WaitVisible(`article.talk h1`, chromedp.ByQuery), appLoaded(),
		chromedp.WaitVisible(`article.talk `+star+`[aria-pressed="true"]`, chromedp.ByQuery))
	if got := evalString(t, ctx, "talk page title", `document.querySelector("article.talk h1").textContent`); got != title {
		t.Fatalf("offline deep link shows %q, want %q", got, title)
	}
}

// TestBrowserTimeZone shows the conference's wall-clock times to a phone
// set to another zone.
func TestBrowserTimeZone(t *testing.T) {
	srv := newSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "phone in Los Angeles", emulation.SetTimezoneOverride("America/Los_Angeles"))
	run(t, ctx, "open /", chromedp.Navigate(srv.URL+"/"), appLoaded())
	zone := evalString(t, ctx, "phone zone", `Intl.DateTimeFormat().resolvedOptions().timeZone`)
	if zone != "America/Los_Angeles" {
		t.Fatalf("the emulated zone is %q", zone)
	}
	first := evalString(t, ctx, "first slot", `document.querySelector(".slot-time time").textContent`)
	dt := evalString(t, ctx, "first slot datetime", `document.querySelector(".slot-time time").getAttribute("datetime")`)
	want := dt[11:16] // the wall clock the data writes, in its own offset
	if first != want {
		t.Fatalf("first slot shows %q, want the conference's %q (datetime %s)", first, want, dt)
	}
}
