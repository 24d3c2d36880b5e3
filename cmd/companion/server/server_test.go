package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"companion/web"
)

func get(t *testing.T, url string, header ...string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Every resource the service worker precaches must exist: one missing
// file fails the worker's install, and the app then never works offline.
func TestPrecachedResourcesExist(t *testing.T) {
	srv := newSite(t)
	worker := body(t, get(t, srv.URL+"/app-worker.js"))
	m := regexp.MustCompile(`const resourcesToCache = (\[.*?\])`).FindStringSubmatch(worker)
	if m == nil {
		t.Fatalf("no resourcesToCache in the worker:\n%.500s", worker)
	}
	var resources []string
	if err := json.Unmarshal([]byte(m[1]), &resources); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/", "/web/app.wasm", "/web/app.css", "/web/icons/icon-192.png", "/web/icons/apple-touch-icon.png"} {
		if !contains(resources, want) {
			t.Errorf("the worker does not precache %s", want)
		}
	}
	for _, r := range resources {
		if strings.HasPrefix(r, "http") {
			t.Errorf("precached resource %s is remote: offline install would break", r)
			continue
		}
		if res := get(t, srv.URL+r); res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %s", r, res.Status)
		}
	}
}

// theme.js is in every page, inline: it is no file of the site's, which
// a page could load by mistake.
func TestThemeScriptIsNoFile(t *testing.T) {
	srv := newSite(t)
	if res := get(t, srv.URL+"/web/theme.js"); res.StatusCode != http.StatusNotFound {
		t.Errorf("GET /web/theme.js: %s, want 404", res.Status)
	}
	page := body(t, get(t, srv.URL+"/"))
	if !strings.Contains(page, web.ThemeScript) {
		t.Error("the schedule page does not carry theme.js inline")
	}
}

func TestManifestIsLocalAndStandalone(t *testing.T) {
	srv := newSite(t)
	var m struct {
		Name, ShortName, Display, StartURL, ThemeColor, BackgroundColor string
		Icons                                                           []struct{ Src, Sizes, Purpose string }
	}
	raw := body(t, get(t, srv.URL+"/manifest.webmanifest"))
	raw = strings.NewReplacer(`"short_name"`, `"ShortName"`, `"start_url"`, `"StartURL"`, `"theme_color"`, `"ThemeColor"`, `"background_color"`, `"BackgroundColor"`).Replace(raw)
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		t.Fatal(err)
	}
	if m.Name == "" || m.ShortName == "" || m.Display != "standalone" || m.ThemeColor == "" || m.BackgroundColor == "" {
		t.Errorf("manifest lacks name, colours or standalone display: %+v", m)
	}
	sizes := map[string]bool{}
	for _, i := range m.Icons {
		if !strings.HasPrefix(i.Src, "/web/icons/") {
			t.Errorf("icon %s is not local", i.Src)
		}
		if res := get(t, srv.URL+i.Src); res.StatusCode != http.StatusOK {
			t.Errorf("icon %s: %s", i.Src, res.Status)
		}
		sizes[i.Sizes+" "+i.Purpose] = true
	}
	for _, want := range []string{"192x192 ", "512x512 ", "512x512 maskable"} {
		if !sizes[want] {
			t.Errorf("manifest has no %q icon: %v", want, sizes)
		}
	}
}

func TestWasmIsServedPrecompressed(t *testing.T) {
	srv := newSite(t)
	plain := get(t, srv.URL+"/web/app.wasm")
	raw := len(body(t, plain))
	br := get(t, srv.URL+"/web/app.wasm", "Accept-Encoding", "gzip, deflate, br")
	if br.Header.Get("Content-Encoding") != "br" || br.Header.Get("Content-Type") != "application/wasm" {
		t.Fatalf("brotli request got Content-Encoding %q, Content-Type %q", br.Header.Get("Content-Encoding"), br.Header.Get("Content-Type"))
	}
	compressed := len(body(t, br))
	if compressed*3 > raw {
		t.Errorf("brotli wasm is %d bytes for %d raw: not compressed", compressed, raw)
	}
	gz := get(t, srv.URL+"/web/app.wasm", "Accept-Encoding", "gzip")
	if gz.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("gzip request got Content-Encoding %q", gz.Header.Get("Content-Encoding"))
	}
	etag := br.Header.Get("ETag")
	if res := get(t, srv.URL+"/web/app.wasm", "Accept-Encoding", "br", "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
		t.Errorf("revalidating with ETag %s: %s", etag, res.Status)
	}
	t.Logf("app.wasm: %d bytes raw, %d brotli", raw, compressed)
	// A budget, not a benchmark: every byte is downloaded on venue wifi.
	// Linking Go's HTTP client once added 5 MB raw; this catches that.
	// Built as the Makefile builds it (no inlining outside the runtime,
	// symbols stripped, the runtime's line tables and the names of
	// functions outside our packages dropped by web/stripdebug, the data
	// laid out in a few segments by web/packdata) the app measures
	// 11,484,866 bytes raw and 1,545,488 brotli (README: "What app.wasm is
	// made of"); the bare go-app v10 client in web/wasmsize/bare built the
	// same way is 7,238,933 and 1,389,654 brotli before the two rewrites
	// (go run ./web/wasmsize shows the difference by package). The brotli
	// budget is the 1.55 MB: a build that skipped packdata
	// (1,665,436), stripdebug, or kept every name fails here. Brotli's
	// total moves by up to ~10 KB with the binary's layout alone, so a
	// change that adds a few KB may need a cut elsewhere.
	const rawBudget, brotliBudget = 11_500_000, 1_550_000
	if raw > rawBudget || compressed > brotliBudget {
		t.Errorf("app.wasm is %d bytes raw and %d brotli, over the budget of %d and %d", raw, compressed, rawBudget, brotliBudget)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
