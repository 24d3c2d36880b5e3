package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"companion/app/catalog"
	"companion/app/picture"
	"companion/cmd/companion/server"
	"companion/data"
	"companion/web"

	"github.com/chromedp/chromedp"
)

// pictureOrigin is a remote host of speakers' pictures, on loopback: a
// PNG, and what must never be served as a picture. It counts the requests
// for each path.
type pictureOrigin struct {
	*httptest.Server
	png  []byte
	mu   sync.Mutex
	hits map[string]int
}

func newPictureOrigin(t *testing.T) *pictureOrigin {
	o := &pictureOrigin{png: tinyPNG(t), hits: map[string]int{}}
	o.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o.mu.Lock()
		o.hits[r.URL.Path]++
		o.mu.Unlock()
		switch r.URL.Path {
		case "/ada.png", "/other.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write(o.png)
		case "/page.png": // HTML that says it is a PNG
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"))
		case "/drawing.svg":
			w.Header().Set("Content-Type", "image/svg+xml")
			w.Write([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`))
		case "/big.png": // a PNG's first bytes, then more than 1 MB, said
			b := append(append([]byte{}, o.png...), make([]byte, 1<<20)...)
			w.Header().Set("Content-Type", "image/png")
			w.Header().Set("Content-Length", strconv.Itoa(len(b)))
			w.Write(b)
		case "/big-unsized.png": // the same without a length: read to the limit only
			w.Header().Set("Content-Type", "image/png")
			w.Write(o.png)
			w.(http.Flusher).Flush()
			w.Write(make([]byte, 1<<20))
		case "/moved.png":
			http.Redirect(w, r, "/ada.png", http.StatusFound)
		case "/loop.png":
			http.Redirect(w, r, "/loop.png", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(o.Close)
	return o
}

func (o *pictureOrigin) count(path string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.hits[path]
}

func tinyPNG(t *testing.T) []byte {
	var buf bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The site serves a picture the conference's data gives from its own
// origin, fetched once, with its type, an ETag and the security headers;
// it refuses what is not a raster image or is too large, and any name
// that is not one of the data's avatars, without asking the origin.
func TestPictureProxy(t *testing.T) {
	o := newPictureOrigin(t)
	names := []string{"/ada.png", "/page.png", "/drawing.svg", "/big.png", "/big-unsized.png", "/moved.png", "/loop.png", "/gone.png"}
	var avatars []string
	for _, n := range names {
		avatars = append(avatars, o.URL+n)
	}
	srv := startSite(t, server.Assets{Served: []data.File{pictureSchedule(avatars...)}, PictureTransport: o.Client().Transport})
	at := func(avatar string) string { return srv.URL + picture.Path("pictures", avatar) }

	ada := at(o.URL + "/ada.png")
	res := get(t, ada)
	h := res.Header
	if got := body(t, res); res.StatusCode != http.StatusOK || got != string(o.png) {
		t.Fatalf("the picture: %s, %d bytes (want %d)", res.Status, len(got), len(o.png))
	}
	if h.Get("Content-Type") != "image/png" || h.Get("X-Content-Type-Options") != "nosniff" || h.Get("ETag") == "" ||
		h.Get("Cache-Control") != "max-age=86400" || h.Get("Content-Security-Policy") != server.ContentSecurityPolicy || h.Get("X-Frame-Options") != "DENY" {
		t.Errorf("the picture's headers: %v", h)
	}
	if again := get(t, ada, "If-None-Match", h.Get("ETag")); again.StatusCode != http.StatusNotModified {
		t.Errorf("revalidated: %s", again.Status)
	}
	if got := body(t, get(t, ada)); got != string(o.png) {
		t.Errorf("asked again: %d bytes", len(got))
	}
	head, _ := http.NewRequest(http.MethodHead, ada, nil)
	if res, err := http.DefaultClient.Do(head); err != nil || res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" {
		t.Errorf("HEAD: %v %v", res, err)
	}
	if n := o.count("/ada.png"); n != 1 {
		t.Errorf("the origin was asked %d times for the picture, want once", n)
	}
	// A redirect or two is followed.
	if res := get(t, at(o.URL+"/moved.png")); res.StatusCode != http.StatusOK || body(t, res) != string(o.png) {
		t.Errorf("a moved picture: %s", res.Status)
	}

	for _, n := range []string{"/page.png", "/drawing.svg", "/big.png", "/big-unsized.png", "/loop.png", "/gone.png"} {
		for range 2 {
			res := get(t, at(o.URL+n))
			if b := body(t, res); res.StatusCode != http.StatusNotFound || strings.HasPrefix(res.Header.Get("Content-Type"), "image/") || strings.Contains(b, "<") {
				t.Errorf("%s: %s, %q, %d bytes: want a plain 404", n, res.Status, res.Header.Get("Content-Type"), len(b))
			}
			if res.Header.Get("Content-Security-Policy") == "" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("%s: the 404's headers %v", n, res.Header)
			}
		}
	}
	if n := o.count("/page.png"); n != 1 {
		t.Errorf("a refused picture was asked for %d times, want once (the failure is remembered)", n)
	}
	if n := o.count("/loop.png"); n != 4 {
		t.Errorf("a redirect loop was followed %d times, want the first request and 3 redirects", n)
	}

	// No open proxy: a URL outside the data, a key the data does not
	// have, another conference, a path with no key.
	for _, p := range []string{
		picture.Path("pictures", o.URL+"/other.png"),
		picture.Path("pictures", "https://example.com/x.png"),
		"/api/pictures/pictures/0123456789abcdef",
		"/api/pictures/pictures/" + strings.ToUpper(picture.Key(o.URL+"/ada.png")),
		picture.Path("kcdfrance2023", o.URL+"/ada.png"),
		picture.Path("nosuchconf", o.URL+"/ada.png"),
		"/api/pictures/pictures",
		"/api/pictures/",
		"/api/pictures/pictures/" + picture.Key(o.URL+"/ada.png") + "/x",
	} {
		if res := get(t, srv.URL+p); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %s, want 404", p, res.Status)
		}
	}
	if n := o.count("/other.png"); n != 0 {
		t.Errorf("the origin was asked for a picture the data does not give")
	}
}

// The production transport connects to public addresses only: the data's
// URLs never reach the server's own network, loopback here, by its address
// or by a name that resolves to it. The connection is refused before any
// byte is sent (the log says why: not the test certificate).
func TestPictureProxyRefusesInsideAddresses(t *testing.T) {
	o := newPictureOrigin(t)
	byName := strings.Replace(o.URL, "127.0.0.1", "localhost", 1) + "/ada.png"
	srv := startSite(t, server.Assets{Served: []data.File{pictureSchedule(o.URL+"/ada.png", byName)}})
	logged := captureLog(t)
	for _, avatar := range []string{o.URL + "/ada.png", byName} {
		if res := get(t, srv.URL+picture.Path("pictures", avatar)); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %s, want 404", avatar, res.Status)
		}
	}
	if n := o.count("/ada.png"); n != 0 {
		t.Errorf("the loopback origin was asked %d times", n)
	}
	if got := logged.String(); strings.Count(got, "not a public address") != 2 {
		t.Errorf("the log says %q, want two pictures refused as not public", got)
	}
}

// pictureSchedule is a conference whose speakers have these avatars, in
// this order: Ada Lovelace (talk "engines"), Grace Hopper ("compilers"),
// then others.
func pictureSchedule(avatars ...string) data.File {
	speakers := []struct{ slug, name string }{
		{"engines", "Ada Lovelace"}, {"compilers", "Grace Hopper"}, {"machines", "Alan Turing"}, {"paths", "Edsger Dijkstra"},
		{"types", "Barbara Liskov"}, {"typesetting", "Donald Knuth"}, {"optimisers", "Frances Allen"}, {"languages", "Jean Sammet"},
	}
	var events []any
	for i, avatar := range avatars {
		s := speakers[i]
		events = append(events, map[string]any{
			"guid": fmt.Sprintf("00000000-0000-4000-8000-%012d", i+1), "date": fmt.Sprintf("2023-03-07T%02d:00:00+01:00", 9+i),
			"duration": "00:30", "room": "A", "slug": s.slug, "title": "Talk " + s.slug, "type": "talk",
			"persons": []any{map[string]any{"guid": fmt.Sprintf("10000000-0000-4000-8000-%012d", i+1), "name": s.name, "avatar": avatar}},
		})
	}
	doc := map[string]any{"schedule": map[string]any{"version": "1", "conference": map[string]any{
		"acronym": "pictures", "title": "Pictures", "start": "2023-03-07", "end": "2023-03-07", "daysCount": 1,
		"timeslot_duration": "00:15", "time_zone_name": "Europe/Paris", "rooms": []any{map[string]any{"name": "A"}},
		"days": []any{map[string]any{"index": 1, "date": "2023-03-07", "day_start": "2023-03-07T08:00:00+01:00", "day_end": "2023-03-07T19:00:00+01:00",
			"rooms": map[string]any{"A": events}}},
	}}}
	b, _ := json.Marshal(doc)
	return data.File{Name: "pictures.json", JSON: string(b)}
}

// The static export fetches the pictures once and writes them where the
// app asks for them, with their types in _headers; one that fails is left
// out and said, and its speaker shows the initials. No page or script of
// the export names the pictures' host (only the schedule's data does).
func TestBrowserExportPictures(t *testing.T) {
	t.Cleanup(func() { catalog.Only(nil) })
	o := newPictureOrigin(t)
	ada, page := o.URL+"/ada.png", o.URL+"/page.png"
	dir := t.TempDir()
	var warnings bytes.Buffer
	_, err := server.Export(server.Assets{Static: web.Static(), Build: web.Build(), Worker: web.WorkerTemplate,
		Served: []data.File{pictureSchedule(ada, page)}, Only: []string{"pictures"}, PictureTransport: o.Client().Transport, Warnings: &warnings}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(picture.Path("pictures", ada)))); err != nil || !bytes.Equal(b, o.png) {
		t.Errorf("Ada's picture in the export: %d bytes, %v", len(b), err)
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(picture.Path("pictures", page)))); err == nil {
		t.Error("the HTML that called itself a PNG was exported as Grace's picture")
	}
	if got := warnings.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, page) || !strings.Contains(got, "initials") {
		t.Errorf("the warnings %q: want Grace's picture left out", got)
	}
	headers, _ := os.ReadFile(filepath.Join(dir, "_headers"))
	if want := picture.Path("pictures", ada) + "\n  Content-Type: image/png\n"; !strings.Contains(string(headers), want) {
		t.Errorf("_headers lacks %q:\n%s", want, headers)
	}
	host := strings.TrimPrefix(o.URL, "https://")
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(filepath.ToSlash(p), "/api/schedules/") || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return err
		}
		if b, _ := os.ReadFile(p); bytes.Contains(b, []byte(host)) {
			t.Errorf("%s names the pictures' host", p)
		}
		return nil
	})
	if o.count("/ada.png") != 1 || o.count("/page.png") != 1 {
		t.Errorf("the origin was asked %d and %d times, want once each", o.count("/ada.png"), o.count("/page.png"))
	}

	o.Close() // the exported site stands alone
	srv := httptest.NewServer(staticHost(dir))
	t.Cleanup(srv.Close)
	ctx := newBrowser(t)
	run(t, ctx, "Ada", chromedp.Navigate(srv.URL+"/speakers/ada-lovelace"), appLoaded())
	eventually(t, ctx, "her picture from the export", `(() => { const i = document.querySelector(".portrait img"); return i && i.complete && i.naturalWidth === 8 && getComputedStyle(i).visibility === "visible" && i.src === location.origin + "`+picture.Path("pictures", ada)+`"; })()`)
	run(t, ctx, "Grace", chromedp.Navigate(srv.URL+"/speakers/grace-hopper"), appLoaded())
	eventually(t, ctx, "her initials", `(() => { const i = document.querySelector(".portrait img"); return i && i.complete && i.naturalWidth === 0 && getComputedStyle(i).visibility === "hidden" && document.querySelector(".portrait").textContent === "GH"; })()`)
}
