package server

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"log"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"companion/app/catalog"
	"companion/app/i18n"
	"companion/app/ui"
	"companion/cmd/companion/server/htmlattr"

	"github.com/andybalholm/brotli"
)

// goAppFiles are the files go-app's handler makes (its script, the
// worker, the manifest…), besides the pages.
var goAppFiles = map[string]bool{
	"/app.js": true, "/goapp.js": true, "/wasm_exec.js": true, "/app-worker.js": true,
	"/manifest.webmanifest": true, "/manifest.json": true, "/app.css": true,
}

// pages serves what go-app's handler makes, each rendered once per app
// version, catalog generation (a live schedule update makes a new one),
// language (from Accept-Language: the interface is French or English) and
// page URL: attribute values repaired (see htmlattr), compressed with
// brotli and gzip, and served with a content ETag. Rendering a FOSDEM day
// costs about a second; serving it again costs a map look-up.
type pages struct {
	goApp   http.Handler
	version string
	baseURL string               // the site's public URL, without a trailing slash
	refresh func(acronym string) // brings in live schedule updates, if any

	mu      sync.Mutex
	gen     uint64                   // the catalog generation cached
	entries map[string]*list.Element // of *page
	order   *list.List               // most recently used first
	bytes   int
}

// The cache holds at most this many pages and bytes (body plus its two
// compressed forms); the least recently used go first.
const (
	maxPages     = 1024
	maxPageBytes = 256 << 20
)

type page struct {
	gen  uint64
	key  string
	once sync.Once
	body []byte // nil when it could not be rendered
	ct   string
	etag string
	br   []byte
	gz   []byte
}

func newPages(goApp http.Handler, version string) *pages {
	return &pages{goApp: goApp, version: version, entries: map[string]*list.Element{}, order: list.New()}
}

func (s *pages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	lang := i18n.FromAcceptLanguage(r.Header.Get("Accept-Language"))
	if s.refresh != nil {
		// Before the page is looked up: an update may add the talk asked
		// for. The page's conference is the one its URL names.
		acronym := r.URL.Query().Get("c")
		if acronym == "" {
			acronym = catalog.Default()
		}
		s.refresh(acronym)
	}
	var key string
	switch {
	case goAppFiles[r.URL.Path]:
		key = r.URL.Path
	default:
		k, ok := ui.PageKey(r.URL)
		if !ok {
			notFound(w, r, lang)
			return
		}
		key = k
	}
	// The language is part of the key (pages, and app.js's loading label),
	// and caches are told the answer depends on it. The attendee's own
	// choice lives in the browser: the app renders in it once started.
	key = string(lang) + " " + key
	w.Header().Set("Vary", "Accept-Language")
	p := s.get(catalog.Generation(), key)
	p.once.Do(func() { s.render(p, key) })
	if p.body == nil {
		s.forget(p) // tried again by the next request
		http.Error(w, "This page could not be rendered.", http.StatusInternalServerError)
		return
	}
	serveBytes(w, r, p.ct, p.etag, p.body, p.br, p.gz)
}

// get returns the cache entry for key, making it if needed. Pages of an
// older catalog generation are all dropped: their schedule is gone.
func (s *pages) get(gen uint64, key string) *page {
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen != s.gen {
		s.gen, s.entries, s.bytes = gen, map[string]*list.Element{}, 0
		s.order.Init()
	}
	if el, ok := s.entries[key]; ok {
		s.order.MoveToFront(el)
		return el.Value.(*page)
	}
	p := &page{gen: gen, key: key}
	s.entries[key] = s.order.PushFront(p)
	for s.order.Len() > maxPages || s.bytes > maxPageBytes {
		last := s.order.Back()
		old := last.Value.(*page)
		s.order.Remove(last)
		delete(s.entries, old.key)
		s.bytes -= len(old.body) + len(old.br) + len(old.gz)
	}
	return p
}

func (s *pages) forget(p *page) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.entries[p.key]; ok && el.Value == p {
		s.order.Remove(el)
		delete(s.entries, p.key)
	}
}

// render asks go-app for the page at key (a language, a space, and a path
// with its parameters).
func (s *pages) render(p *page, key string) {
	l, key, _ := strings.Cut(key, " ")
	lang := i18n.Lang(l)
	u, err := url.Parse(key)
	if err != nil {
		return
	}
	req, _ := http.NewRequest(http.MethodGet, u.String(), nil)
	rec := &recorder{header: http.Header{}}
	ui.RenderIn(lang, func() { s.goApp.ServeHTTP(rec, req) })
	if rec.status != 0 && rec.status != http.StatusOK {
		log.Printf("rendering %s: go-app answered %d", key, rec.status)
		return
	}
	ct := rec.header.Get("Content-Type")
	body := rec.body.Bytes()
	if lang != i18n.English {
		// go-app's loading label, in the page and in app.js; and the
		// page's language where no page set it (a schedule that could not
		// be read).
		body = bytes.ReplaceAll(body, []byte(loadingLabel), []byte(lang.T(loadingLabel)))
		body = bytes.Replace(body, []byte(`<html lang="en">`), []byte(`<html lang="`+string(lang)+`">`), 1)
	}
	if strings.HasPrefix(ct, "text/html") {
		if body, err = htmlattr.Rewrite(body); err != nil {
			log.Printf("rendering %s: %v", key, err)
			return
		}
		body = fixHead(body, s.baseURL, key)
		ct = "text/html; charset=utf-8"
	}
	if strings.HasPrefix(key, "/manifest.") {
		body = fixManifest(body)
	}
	sum := sha256.Sum256(body)
	p.ct, p.body, p.etag = ct, body, `"`+hex.EncodeToString(sum[:8])+`"`
	p.br, p.gz = compress(body)
	s.mu.Lock()
	if p.gen == s.gen {
		s.bytes += len(p.body) + len(p.br) + len(p.gz)
	}
	s.mu.Unlock()
}

// compress returns body in brotli and gzip, at levels that take a few
// milliseconds on a FOSDEM day (done once per page and version).
func compress(body []byte) (br, gz []byte) {
	var b, g bytes.Buffer
	bw := brotli.NewWriterLevel(&b, 6)
	bw.Write(body)
	bw.Close()
	gw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
	gw.Write(body)
	gw.Close()
	return b.Bytes(), g.Bytes()
}

// serveBytes answers with body, or its brotli or gzip form when the client
// takes it, with the content ETag (suffixed per encoding) and 304s.
func serveBytes(w http.ResponseWriter, r *http.Request, contentType, etag string, body, br, gz []byte) {
	body, encoding := chooseEncoding(r, body, br, gz)
	etag = encodedETag(etag, encoding)
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag)
	if br != nil || gz != nil {
		// One Vary line: some caches read only the first.
		if v := h.Get("Vary"); v != "" {
			h.Set("Vary", v+", Accept-Encoding")
		} else {
			h.Set("Vary", "Accept-Encoding")
		}
	}
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if encoding != "" {
		h.Set("Content-Encoding", encoding)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// chooseEncoding picks the brotli or gzip form of body when the client
// takes it ("" for none).
func chooseEncoding(r *http.Request, body, br, gz []byte) ([]byte, string) {
	accept := r.Header.Get("Accept-Encoding")
	switch {
	case br != nil && acceptsEncoding(accept, "br"):
		return br, "br"
	case gz != nil && acceptsEncoding(accept, "gzip"):
		return gz, "gzip"
	}
	return body, ""
}

// encodedETag is the ETag of an encoded form: each encoding its own.
func encodedETag(etag, encoding string) string {
	if encoding == "" {
		return etag
	}
	return strings.TrimSuffix(etag, `"`) + "-" + encoding + `"`
}

// notFound answers 404 with a short page that leads back to the app; it
// says nothing of the request, which may be crafted. Like every page it is
// compressed once (per language) and sent with Vary and a content ETag.
func notFound(w http.ResponseWriter, r *http.Request, lang i18n.Lang) {
	p := notFoundPageIn(lang)
	body, encoding := chooseEncoding(r, p.body, p.br, p.gz)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("Vary", "Accept-Encoding, Accept-Language")
	h.Set("ETag", encodedETag(p.etag, encoding))
	if encoding != "" {
		h.Set("Content-Encoding", encoding)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// notFoundPages are the 404 page in each language, made once.
var notFoundPages sync.Map // i18n.Lang → *page

// notFoundPageIn is the 404 page in the browser's language, lang. It holds
// its text in every language of the interface, the others hidden by the
// style sheet: theme.js switches it to the language the attendee chose in
// the app, before it is drawn, as it does the theme (the page has no app).
func notFoundPageIn(lang i18n.Lang) *page {
	if p, ok := notFoundPages.Load(lang); ok {
		return p.(*page)
	}
	var titles, texts strings.Builder
	for _, l := range i18n.Langs {
		fmt.Fprintf(&titles, ` data-title-%s="%s"`, l, html.EscapeString(l.T("Not found")))
		fmt.Fprintf(&texts, `<div class="in-lang" lang="%s"><h1>%s</h1><p>%s <a href="/">%s</a>.</p></div>`,
			l, html.EscapeString(l.T("Not found")), html.EscapeString(l.T("There is no such page here.")), html.EscapeString(l.T("See the schedule")))
	}
	body := []byte(fmt.Sprintf(`<!DOCTYPE html><html lang="%s"%s><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title>%s<link rel="stylesheet" href="/web/app.css"></head><body><main id="main">%s</main></body></html>`,
		lang, titles.String(), html.EscapeString(lang.T("Not found")), themeScriptElement, texts.String()))
	sum := sha256.Sum256(body)
	p := &page{body: body, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
	p.br, p.gz = compress(body)
	notFoundPages.Store(lang, p)
	return p
}

// recorder keeps what go-app's handler writes.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}
func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

// loadingLabel is go-app's loading label before its figure; the French
// pages and app.js get it translated.
const loadingLabel = "Loading the app… "
