package server

import (
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"companion/app/catalog"
	"companion/app/i18n"
	"companion/app/people"
	"companion/app/picture"
	"companion/app/ui"
)

// Export writes the whole site into dir as static files, for any static
// host or CDN: every page prerendered (each talk at talk/<slug>.html and
// each speaker at speakers/<slug>.html, for hosts that serve /talk/x from
// talk/x.html), go-app's files, the assets,
// each conference's schedule at api/schedules/<acronym>, a .br and .gz
// beside every file that gains from it, a 404.html, and the security
// headers in _headers (Netlify and Cloudflare Pages read it; HOSTING.md
// says how to set them elsewhere). Speakers' pictures are fetched now and
// written where the app asks for them (api/pictures/...); one that cannot
// be fetched is left out, said on a.Warnings, and its speaker's initials
// are shown. It returns the number of files written.
func Export(a Assets, dir string) (int, error) {
	h, pics, _, err := build(a)
	if err != nil {
		return 0, err
	}
	pics.logf = func(string, ...any) {} // said below, on a.Warnings
	written := 0
	save := func(urlPath, file string) error {
		for _, enc := range []string{"identity", "br", "gzip"} {
			req, _ := http.NewRequest(http.MethodGet, urlPath, nil)
			req.Header.Set("Accept-Encoding", enc)
			rec := &recorder{header: http.Header{}}
			h.ServeHTTP(rec, req)
			if rec.status != http.StatusOK {
				return fmt.Errorf("export %s: %d", urlPath, rec.status)
			}
			got := rec.header.Get("Content-Encoding")
			name := file
			switch {
			case enc == "identity":
			case got == "br":
				name += ".br"
			case got == "gzip":
				name += ".gz"
			default:
				continue // not worth compressing
			}
			if err := writeFile(filepath.Join(dir, filepath.FromSlash(name)), rec.body.Bytes()); err != nil {
				return err
			}
			written++
		}
		return nil
	}

	for _, p := range exportPaths(a) {
		if err := save(p.url, p.file); err != nil {
			return written, err
		}
	}
	warnings := a.Warnings
	if warnings == nil {
		warnings = os.Stderr
	}
	n, pictureHeaders, err := exportPictures(pics, dir, warnings)
	written += n
	if err != nil {
		return written, err
	}
	rec := &recorder{header: http.Header{}}
	notFound(rec, &http.Request{Method: http.MethodGet}, i18n.English)
	if err := writeFile(filepath.Join(dir, "404.html"), rec.body.Bytes()); err != nil {
		return written, err
	}
	if err := writeFile(filepath.Join(dir, "_headers"), []byte(headersFile()+pictureHeaders)); err != nil {
		return written, err
	}
	if err := writeFile(filepath.Join(dir, "HOSTING.md"), []byte(hostingNotes)); err != nil {
		return written, err
	}
	return written + 3, nil
}

type exportPath struct{ url, file string }

// exportPaths lists what the site serves, with the file each goes to.
func exportPaths(a Assets) []exportPath {
	var out []exportPath
	for _, f := range []string{"/app.js", "/wasm_exec.js", "/app-worker.js", "/manifest.webmanifest", "/app.css"} {
		out = append(out, exportPath{f, f[1:]})
	}
	for _, layer := range []fs.FS{a.Static, a.Build} {
		fs.WalkDir(layer, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return err
			}
			switch path.Ext(p) {
			case ".br", ".gz", ".sha256":
				return nil
			}
			out = append(out, exportPath{"/web/" + p, "web/" + p})
			return nil
		})
	}
	out = append(out,
		exportPath{ui.PathSchedule, "index.html"},
		exportPath{ui.PathAgenda, "agenda.html"},
		exportPath{ui.PathEvents, "events.html"},
		exportPath{ui.PathSpeakers, "speakers.html"},
		exportPath{ui.PathVenue, "venue.html"},
	)
	talks, speakers := map[string]bool{}, map[string]bool{}
	for i, e := range catalog.List() {
		out = append(out, exportPath{SchedulePath + e.Acronym, "api/schedules/" + e.Acronym})
		c, err := catalog.Get(e.Acronym)
		if err != nil {
			continue
		}
		var slugs []string
		for _, ev := range c.Events {
			if ev.Slug != "" && !strings.ContainsAny(ev.Slug, `/\`) && ev.Slug != "." && ev.Slug != ".." {
				slugs = append(slugs, ev.Slug)
			}
		}
		sort.Strings(slugs)
		for _, s := range slugs {
			if talks[s] {
				continue // a static host has one file per path: the first conference's
			}
			talks[s] = true
			u := ui.PathTalk + url.PathEscape(s)
			if i > 0 {
				u += "?c=" + url.QueryEscape(e.Acronym)
			}
			out = append(out, exportPath{u, "talk/" + s + ".html"})
		}
		for _, sp := range people.Of(c).List {
			s := sp.Slug // letters, digits and dashes: a file name as it is
			if speakers[s] {
				continue
			}
			speakers[s] = true
			u := ui.PathSpeaker + url.PathEscape(s)
			if i > 0 {
				u += "?c=" + url.QueryEscape(e.Acronym)
			}
			out = append(out, exportPath{u, "speakers/" + s + ".html"})
		}
	}
	return out
}

// exportPictures writes every conference's speakers' pictures, fetched
// now, at the paths the app asks for; one that cannot be fetched (or is
// no raster image) is left out and said on w. It returns the number
// written and their types in the _headers format: the files have no
// extension to tell.
func exportPictures(p *pictures, dir string, w io.Writer) (int, string, error) {
	written := 0
	var headers strings.Builder
	for _, e := range catalog.List() {
		c, err := catalog.Get(e.Acronym)
		if err != nil || strings.ContainsAny(e.Acronym, `/\`) || e.Acronym == "." || e.Acronym == ".." {
			continue
		}
		for _, avatar := range avatars(c) {
			pic := p.get(avatar)
			if pic.err != nil {
				fmt.Fprintf(w, "companion: %s: the picture %s is left out (its speaker's initials are shown): %v\n", e.Acronym, avatar, pic.err)
				continue
			}
			if err := writeFile(filepath.Join(dir, "api", "pictures", e.Acronym, picture.Key(avatar)), pic.body); err != nil {
				return written, headers.String(), err
			}
			written++
			fmt.Fprintf(&headers, "%s\n  Content-Type: %s\n", picture.Path(e.Acronym, avatar), pic.ctype)
		}
	}
	return written, headers.String(), nil
}

func writeFile(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o644)
}

// headersFile is the security headers in the _headers format.
func headersFile() string {
	var b strings.Builder
	b.WriteString("/*\n")
	names := make([]string, 0, len(securityHeaders))
	for k := range securityHeaders {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(&b, "  %s: %s\n", k, securityHeaders[k])
	}
	b.WriteString("  Cache-Control: no-cache\n")
	b.WriteString("/web/app.wasm\n  Content-Type: application/wasm\n")
	b.WriteString("/api/schedules/*\n  Content-Type: application/json; charset=utf-8\n")
	b.WriteString("/manifest.webmanifest\n  Content-Type: application/manifest+json\n")
	return b.String()
}

const hostingNotes = `# Hosting this export

Any static host works. It needs three things:

1. Clean URLs: /talk/x is served from talk/x.html (GitHub Pages, Netlify, Cloudflare
   Pages and Vercel with "cleanUrls" do it; nginx: try_files $uri $uri.html $uri/ =404;
   Caddy: try_files {path} {path}.html).
2. Types: .wasm as application/wasm, .webmanifest as application/manifest+json, the
   extension-less api/schedules/* as application/json, and the speakers' pictures in
   api/pictures/ (no extension either) each as _headers says (image/png, image/jpeg,
   image/gif or image/webp).
3. Revalidation and the security headers of _headers (Netlify and Cloudflare Pages read
   that file as it is; elsewhere set them in the server's configuration): every file
   with Cache-Control: no-cache, so a new export reaches phones on their next visit.

Precompressed .br and .gz files sit beside the others: serve them where the host can
(nginx brotli_static / gzip_static, Caddy precompressed br gzip); hosts that compress on
their own can ignore them. 404.html is the page for unknown paths.

The service worker keeps the site working offline after the first visit, deep links
included; HTTPS is required (or localhost).
`
