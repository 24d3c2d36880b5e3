package server_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"

	"companion/cmd/companion/server"

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
				case src == server.ThemeScriptSource && name == "script-src": // theme.js inline, by its hash
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

// The security headers are on every answer, not only on pages that were
// found: a 404 (a page, a talk, a file, a schedule), a 405 (which says
// what is allowed), a HEAD, a 304 and a redirect carry the same ones as the
// home page, the policy the server declares.
func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	srv := newSite(t)
	do := func(method, path string, header ...string) *http.Response {
		t.Helper()
		req, err := http.NewRequest(method, srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := http.DefaultTransport.RoundTrip(req) // redirects not followed
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res
	}
	home := do(http.MethodGet, "/")
	names := []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"}
	if got := home.Header.Get("Content-Security-Policy"); got != server.ContentSecurityPolicy {
		t.Fatalf("GET /: CSP %q, want %q", got, server.ContentSecurityPolicy)
	}
	for _, name := range names {
		if home.Header.Get(name) == "" {
			t.Fatalf("GET /: no %s", name)
		}
	}
	check := func(what string, res *http.Response, status int) {
		t.Helper()
		if res.StatusCode != status {
			t.Errorf("%s: %s, want %d", what, res.Status, status)
		}
		for _, name := range names {
			if got, want := res.Header.Values(name), home.Header.Values(name); len(got) != 1 || got[0] != want[0] {
				t.Errorf("%s: %s %q, want %q", what, name, got, want)
			}
		}
	}

	notFound := []string{"/no-such-page", "/talk/no-such-talk", "/speakers/unknown", "/track/nope", "/room/nope",
		"/web/nope.css", "/api/schedules/nope", "/robots.txt"}
	found := []string{"/", "/talk/keynote-ouverture", "/speakers/solomon-hykes", "/app.js", "/web/app.css", "/api/schedules/kcdfrance2023", "/healthz"}
	for _, path := range notFound {
		check("GET "+path, do(http.MethodGet, path), http.StatusNotFound)
		check("HEAD "+path, do(http.MethodHead, path), http.StatusNotFound)
	}
	for _, path := range found {
		check("HEAD "+path, do(http.MethodHead, path), http.StatusOK)
		if etag := do(http.MethodGet, path).Header.Get("ETag"); etag != "" {
			check("GET "+path+" If-None-Match", do(http.MethodGet, path, "If-None-Match", etag), http.StatusNotModified)
		}
	}
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodOptions, "PROPFIND"} {
		for _, path := range append(found[:3:3], notFound[:2]...) {
			res := do(m, path)
			check(m+" "+path, res, http.StatusMethodNotAllowed)
			if got := res.Header.Get("Allow"); got != "GET, HEAD" {
				t.Errorf("%s %s: Allow %q, want \"GET, HEAD\"", m, path, got)
			}
		}
	}
	// Go's ServeMux cleans a path by redirecting.
	check("GET /web/../healthz", do(http.MethodGet, "/web/../healthz"), http.StatusTemporaryRedirect)
}
