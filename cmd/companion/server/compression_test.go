package server_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"

	"companion/data"
	"companion/data/fixtures"

	"github.com/andybalholm/brotli"
)

// Every kind of response comes compressed, brotli or gzip as the client
// takes them, with Vary and a content ETag per encoding, answers a
// revalidation with 304, and decompresses to the very bytes sent raw.
func TestEveryResponseIsCompressed(t *testing.T) {
	camp := fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json")
	srv := newSite(t, data.File{Name: "camp2019.json", JSON: string(camp)})
	kinds := []struct {
		name, path, contentType string
		status                  int
	}{
		{"page", "/", "text/html", 200},
		{"page of a served conference", "/?c=Camp2019", "text/html", 200},
		{"talk page", "/talk/" + firstTalkSlug(t, srv.URL), "text/html", 200},
		{"manifest", "/manifest.webmanifest", "application/manifest+json", 200},
		{"service worker", "/app-worker.js", "javascript", 200},
		{"go-app's script", "/app.js", "javascript", 200},
		{"wasm_exec.js", "/wasm_exec.js", "javascript", 200},
		{"tap queue script", "/web/taps.js", "javascript", 200},
		{"styles", "/web/app.css", "text/css", 200},
		{"icon (SVG)", "/web/icons/icon.svg", "image/svg+xml", 200},
		{"the app", "/web/app.wasm", "application/wasm", 200},
		{"schedules API", "/api/schedules/Camp2019", "application/json", 200},
		{"404 page", "/no/such/page", "text/html", 404},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			// (Go's transport asks for gzip itself unless told otherwise.)
			raw := get(t, srv.URL+k.path, "Accept-Encoding", "identity")
			if raw.StatusCode != k.status {
				t.Fatalf("%s: %s, want %d", k.path, raw.Status, k.status)
			}
			if enc := raw.Header.Get("Content-Encoding"); enc != "" {
				t.Fatalf("%s asked for identity came as %q", k.path, enc)
			}
			want := []byte(body(t, raw))
			etags := map[string]string{"": raw.Header.Get("ETag")}
			for _, enc := range []string{"br", "gzip"} {
				res := get(t, srv.URL+k.path, "Accept-Encoding", enc)
				h := res.Header
				if res.StatusCode != k.status || h.Get("Content-Encoding") != enc {
					t.Fatalf("%s with Accept-Encoding %s: %s, Content-Encoding %q", k.path, enc, res.Status, h.Get("Content-Encoding"))
				}
				if !strings.Contains(h.Get("Content-Type"), k.contentType) {
					t.Errorf("%s: Content-Type %q, want %s", k.path, h.Get("Content-Type"), k.contentType)
				}
				if !strings.Contains(h.Get("Vary"), "Accept-Encoding") {
					t.Errorf("%s (%s): Vary %q", k.path, enc, h.Get("Vary"))
				}
				etag := h.Get("ETag")
				if !strings.HasPrefix(etag, `"`) || !strings.HasSuffix(etag, `"`) || len(etag) < 10 {
					t.Errorf("%s (%s): ETag %q is no content tag", k.path, enc, etag)
				}
				etags[enc] = etag
				sent := []byte(body(t, res))
				got := decode(t, enc, sent)
				if !bytes.Equal(got, want) {
					t.Errorf("%s (%s) decompresses to %d bytes that differ from the %d sent raw", k.path, enc, len(got), len(want))
				}
				if len(sent) >= len(want) {
					t.Errorf("%s (%s): %d bytes compressed for %d raw", k.path, enc, len(sent), len(want))
				}
				if k.status == 200 {
					if again := get(t, srv.URL+k.path, "Accept-Encoding", enc, "If-None-Match", etag); again.StatusCode != http.StatusNotModified {
						t.Errorf("%s (%s): revalidating with %s got %s", k.path, enc, etag, again.Status)
					}
				}
			}
			if etags[""] == etags["br"] || etags["br"] == etags["gzip"] || etags[""] == etags["gzip"] {
				t.Errorf("%s: one ETag for different bytes: %v", k.path, etags)
			}
		})
	}
}

func decode(t *testing.T, enc string, b []byte) []byte {
	t.Helper()
	var r io.Reader
	switch enc {
	case "br":
		r = brotli.NewReader(bytes.NewReader(b))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", enc, err)
	}
	return out
}

// firstTalkSlug is the address of a talk the home page links to.
func firstTalkSlug(t *testing.T, site string) string {
	t.Helper()
	page := string(body(t, get(t, site+"/")))
	_, rest, ok := strings.Cut(page, `href="/talk/`)
	if !ok {
		t.Fatal("the home page links to no talk")
	}
	slug, _, _ := strings.Cut(rest, `"`)
	return strings.ReplaceAll(slug, "&amp;", "&")
}
