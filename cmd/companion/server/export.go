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
	"companion/app/find"
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
	// The 404 page holds its text in every language (theme.js shows the
	// attendee's); hosts that serve precompressed files find it beside.
	p := notFoundPageIn(i18n.English)
	for name, b := range map[string][]byte{"404.html": p.body, "404.html.br": p.br, "404.html.gz": p.gz, "_headers": []byte(headersFile() + pictureHeaders), "HOSTING.md": []byte(hostingNotes())} {
		if err := writeFile(filepath.Join(dir, name), b); err != nil {
			return written, err
		}
		written++
	}
	return written, nil
}

type exportPath struct{ url, file string }

// exportPaths lists what the site serves, with the file each goes to.
func exportPaths(a Assets) []exportPath {
	var out []exportPath
	// Not go-app's /app.css: no page links it, no worker precaches it.
	for _, f := range []string{"/app.js", "/wasm_exec.js", "/app-worker.js", "/manifest.webmanifest"} {
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
	// The pages of the default conference; another's are the same files,
	// which the app draws for the conference its link names (?c=).
	for _, p := range []string{ui.PathAgenda, ui.PathEvents, ui.PathChanges, ui.PathShare, ui.PathNow,
		ui.PathTracks, ui.PathRooms, ui.PathSpeakers, ui.PathVenue} {
		out = append(out, exportPath{p, p[1:] + ".html"})
	}
	out = append(out, exportPath{ui.PathSchedule, "index.html"})
	// One file per talk, speaker, track and room: a static host has one
	// file per path, so a slug two conferences share is the first's.
	taken := map[string]bool{}
	add := func(i int, acronym, route, slug, dir string) {
		if slug == "" || strings.ContainsAny(slug, `/\`) || slug == "." || slug == ".." || taken[dir+slug] {
			return
		}
		taken[dir+slug] = true
		u := route + url.PathEscape(slug)
		if i > 0 {
			u += "?c=" + url.QueryEscape(acronym)
		}
		out = append(out, exportPath{u, dir + slug + ".html"})
	}
	for i, e := range catalog.List() {
		out = append(out, exportPath{SchedulePath + e.Acronym, "api/schedules/" + e.Acronym})
		c, err := catalog.Get(e.Acronym)
		if err != nil {
			continue
		}
		var slugs []string
		for _, ev := range c.Events {
			slugs = append(slugs, ev.Slug)
		}
		sort.Strings(slugs)
		for _, s := range slugs {
			add(i, e.Acronym, ui.PathTalk, s, "talk/")
		}
		for _, sp := range people.Of(c).List {
			add(i, e.Acronym, ui.PathSpeaker, sp.Slug, "speakers/")
		}
		for _, t := range find.Tracks(c) {
			add(i, e.Acronym, ui.PathTrack, t.Slug, "track/")
		}
		for _, r := range find.Rooms(c) {
			add(i, e.Acronym, ui.PathRoom, r.Slug, "room/")
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

// hostingNotes is HOSTING.md: what a static host needs, with nginx and
// Caddy configurations carrying the same headers as _headers.
func hostingNotes() string {
	names := make([]string, 0, len(securityHeaders))
	for k := range securityHeaders {
		names = append(names, k)
	}
	sort.Strings(names)
	var nginx, caddy strings.Builder
	for _, k := range names {
		fmt.Fprintf(&nginx, "        add_header %s \"%s\" always;\n", k, securityHeaders[k])
		fmt.Fprintf(&caddy, "            %s \"%s\"\n", k, securityHeaders[k])
	}
	return fmt.Sprintf(hostingTemplate, nginx.String(), caddy.String())
}

// hostingTemplate takes the headers as nginx add_header lines, then as
// lines of a Caddy header block.
const hostingTemplate = `# Hosting this export

Any static host works. It needs three things:

1. Clean URLs: /talk/x is served from talk/x.html (GitHub Pages, Netlify, Cloudflare
   Pages and Vercel with "cleanUrls" do it; nginx and Caddy below).
2. Types: .wasm as application/wasm, .webmanifest as application/manifest+json, the
   extension-less api/schedules/* as application/json, and the speakers' pictures in
   api/pictures/ (no extension either) each as _headers says (image/png, image/jpeg,
   image/gif or image/webp; browsers draw an image whatever type it comes with, so a
   host that cannot set them still works).
3. Revalidation and the security headers of _headers (Netlify and Cloudflare Pages read
   that file as it is; elsewhere set them in the server's configuration): every file
   with Cache-Control: no-cache, so a new export reaches phones on their next visit.

Precompressed .br and .gz files sit beside the others: serve them where the host can;
hosts that compress on their own can ignore them. 404.html is the page for unknown
paths.

The service worker keeps the site working offline after the first visit, deep links
included; HTTPS is required (or localhost).

## nginx

In the http block's server, the export in /srv/companion (brotli_static needs the
brotli module: Debian's libnginx-mod-http-brotli-static; without it, drop that line and
gzip_static serves the .gz files). nginx drops a parent's add_header lines in a location
that has its own, so each location repeats them (an include file saves the typing).

    root /srv/companion;
    charset utf-8;
    brotli_static on;
    gzip_static on;
    gzip_vary on;
    types {
        text/html html;
        text/css css;
        text/javascript js;
        application/json json;
        application/wasm wasm;
        application/manifest+json webmanifest;
        image/png png;
        image/svg+xml svg;
    }
    error_page 404 /404.html;

    location / {
        try_files $uri $uri.html $uri/ =404;
%[1]s        add_header Cache-Control "no-cache" always;
    }
    location /api/schedules/ {
        default_type "application/json; charset=utf-8";
%[1]s        add_header Cache-Control "no-cache" always;
    }

## Caddy

A site block of the Caddyfile (Caddy 2.6 or newer):

    companion.example.org {
        root * /srv/companion
        try_files {path} {path}.html
        file_server {
            precompressed br gzip
        }
        header {
%[2]s            Cache-Control "no-cache"
        }
        @schedules path /api/schedules/*
        header @schedules Content-Type "application/json; charset=utf-8"
        @manifest path /manifest.webmanifest
        header @manifest Content-Type "application/manifest+json"
        handle_errors {
            @missing expression {err.status_code} == 404
            rewrite @missing /404.html
            file_server
        }
    }
`
