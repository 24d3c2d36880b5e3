package server_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// Every kind of response carries the security headers, and the policy
// names no remote origin in any directive: not https:, not a host, not a
// wildcard. Speakers' pictures come from the site itself.
func TestSecurityHeaders(t *testing.T) {
	srv := newSite(t)
	for _, path := range []string{"/", "/talk/keynote-ouverture", "/agenda", "/speakers", "/speakers/solomon-hykes", "/venue", "/app.js", "/app-worker.js", "/manifest.webmanifest",
		"/wasm_exec.js", "/web/app.css", "/web/app.wasm", "/api/schedules/kcdfrance2023", "/api/pictures/kcdfrance2023/0123456789abcdef", "/healthz", "/no-such-page", "/robots.txt"} {
		res := get(t, srv.URL+path)
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "default-src 'self'", "img-src 'self' data: blob:;"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		for _, directive := range strings.Split(csp, ";") {
			name, sources, _ := strings.Cut(strings.TrimSpace(directive), " ")
			for _, src := range strings.Fields(sources) {
				switch {
				case src == "'self'" || src == "'none'":
				case src == "'wasm-unsafe-eval'" && name == "script-src":
				case src == "'unsafe-inline'" && name == "style-src":
				case (src == "data:" || src == "blob:") && name == "img-src":
				default:
					t.Errorf("%s: CSP %s allows %s (a remote origin, a scheme or eval): %q", path, name, src, csp)
				}
			}
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("Permissions-Policy") == "" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
}

func TestOnlyGetAndHead(t *testing.T) {
	srv := newSite(t)
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch, http.MethodOptions, "TRACE", "PROPFIND"} {
		for _, path := range []string{"/", "/web/app.wasm", "/api/schedules/kcdfrance2023", "/app-worker.js"} {
			req, _ := http.NewRequest(m, srv.URL+path, strings.NewReader("x"))
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: %s, Allow %q", m, path, res.Status, res.Header.Get("Allow"))
			}
		}
	}
	req, _ := http.NewRequest(http.MethodHead, srv.URL+"/talk/keynote-ouverture", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(res.Body); res.StatusCode != http.StatusOK || len(b) != 0 || res.ContentLength <= 0 {
		t.Errorf("HEAD: %s, %d bytes of body, length %d", res.Status, len(b), res.ContentLength)
	}
}

// What crawlers and scanners ask for is a 404, never a 500.
func TestStrayPathsAre404(t *testing.T) {
	srv := newSite(t)
	for _, path := range []string{"/robots.txt", "/favicon.ico", "/sitemap.xml", "/.env", "/.git/config", "/wp-login.php",
		"/web/", "/web/nope.css", "/web/../go.mod", "/api/", "/api/schedules/", "/api/schedules/nope", "/app.wasm", "/talk", "/agenda/x", "/%00", "/talk/%ff",
		"/speakers/", "/speakers/unknown", "/speakers/solomon-hykes/talks", "/speakers/%ff", "/speaker/solomon-hykes", "/venue/x"} {
		res := get(t, srv.URL+path)
		// Go's ServeMux redirects a path with ".." to its clean form.
		if res.StatusCode != http.StatusNotFound && !(res.StatusCode == http.StatusTemporaryRedirect && !strings.Contains(res.Header.Get("Location"), "//")) {
			t.Errorf("GET %s: %s, want 404", path, res.Status)
		}
	}
}

// Pages, go-app's files, the app's assets and schedules all come
// compressed as the browser asks, decompress to the same bytes, and
// carry Vary and an ETag per encoding that answers 304.
func TestEveryResponseCompressed(t *testing.T) {
	srv := newSite(t)
	for _, path := range []string{"/", "/talk/keynote-ouverture", "/agenda", "/events", "/app.js", "/app-worker.js", "/manifest.webmanifest",
		"/wasm_exec.js", "/app.css", "/web/app.css", "/web/app.wasm", "/api/schedules/kcdfrance2023"} {
		plain := get(t, srv.URL+path, "Accept-Encoding", "identity")
		want := body(t, plain)
		if plain.StatusCode != http.StatusOK || plain.Header.Get("Content-Encoding") != "" {
			t.Fatalf("%s plain: %s %q", path, plain.Status, plain.Header.Get("Content-Encoding"))
		}
		for _, enc := range []string{"br", "gzip"} {
			res := get(t, srv.URL+path, "Accept-Encoding", enc)
			if res.Header.Get("Content-Encoding") != enc || !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s %s: Content-Encoding %q, Vary %q", path, enc, res.Header.Get("Content-Encoding"), res.Header.Get("Vary"))
				continue
			}
			raw, _ := io.ReadAll(res.Body)
			var r io.Reader = brotli.NewReader(bytes.NewReader(raw))
			if enc == "gzip" {
				zr, err := gzip.NewReader(bytes.NewReader(raw))
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				r = zr
			}
			got, err := io.ReadAll(r)
			if err != nil || string(got) != want {
				t.Errorf("%s %s: decompresses to %d bytes (%v), want %d", path, enc, len(got), err, len(want))
			}
			etag := res.Header.Get("ETag")
			if etag == "" || etag == plain.Header.Get("ETag") {
				t.Errorf("%s %s: ETag %q (plain %q)", path, enc, etag, plain.Header.Get("ETag"))
			}
			if again := get(t, srv.URL+path, "Accept-Encoding", enc, "If-None-Match", etag); again.StatusCode != http.StatusNotModified {
				t.Errorf("%s %s: revalidation %s", path, enc, again.Status)
			}
		}
		if strings.HasPrefix(plain.Header.Get("Content-Type"), "text/html") && plain.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", path, plain.Header.Get("Content-Type"))
		}
	}
}
