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
var securityHeaders = map[string]string{
	"Content-Security-Policy":    ContentSecurityPolicy,
	"X-Content-Type-Options":     "nosniff",
	"Referrer-Policy":            "strict-origin-when-cross-origin",
	"Permissions-Policy":         "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
	"X-Frame-Options":            "DENY",
	"Cross-Origin-Opener-Policy": "same-origin",
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
