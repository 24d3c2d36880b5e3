package server

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"

	"companion/web"
)

// ContentSecurityPolicy allows what the app needs and nothing else: its
// own scripts (go-app's loader, wasm_exec.js), the one inline script of
// its pages (web.ThemeScript, by its hash: no other inline script runs)
// and the compiling of its WebAssembly ('wasm-unsafe-eval', not
// 'unsafe-eval'), its own styles and
// the style attributes go-app sets (room colours), its own images (the
// speakers' pictures too: the server fetches them and serves them at
// PicturePath), the service worker and the schedule API. No remote
// origin at all, no framing.
var ContentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval' " + ThemeScriptSource + "; " +
	"style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; " +
	"font-src 'self'; " +
	"connect-src 'self'; " +
	"worker-src 'self'; " +
	"manifest-src 'self'; " +
	"media-src 'none'; " +
	"object-src 'none'; " +
	"base-uri 'none'; " +
	"form-action 'self'; " +
	"frame-ancestors 'none'" // last: the page's <meta> copy leaves it out

// ThemeScriptSource is the policy's source for web.ThemeScript.
var ThemeScriptSource = func() string {
	sum := sha256.Sum256([]byte(web.ThemeScript))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

// securityHeaders are set on every response.
//
// Cross-Origin-Opener-Policy is not sent. It would cut the link between
// our window and a cross-origin one that opened it or that it opens; the
// app opens every outside link with target=_blank and rel=noopener (a
// test checks every page), cannot be framed, listens to no messages and
// holds nothing another origin could read through a window handle. And
// it costs the first visit: Chromium then moves the page out of the new
// tab's browsing context group into a process of its own, which put the
// first talk on screen 250–300 ms later on a cold load (FOSDEM in make
// bench: 1,239 ms median with it, 940 without, 12 interleaved loads
// each; same-origin-allow-popups costs the same) — the attendee who
// scans the conference's QR code at the door opens exactly such a tab.
var securityHeaders = map[string]string{
	"Content-Security-Policy": ContentSecurityPolicy,
	"X-Content-Type-Options":  "nosniff",
	"Referrer-Policy":         "strict-origin-when-cross-origin",
	"Permissions-Policy":      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
	"X-Frame-Options":         "DENY",
}

// guard answers only GET and HEAD (405 with Allow otherwise) and sets the
// security headers on every response.
func guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range securityHeaders {
			h.Set(k, v)
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "Only GET and HEAD are served here.", http.StatusMethodNotAllowed)
			return
		}
		next.ServeHTTP(w, r)
	})
}
