package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"syscall"
	"time"

	"companion/app/catalog"
	"companion/app/picture"
	"companion/data/schedule"
)

// PicturePath is where speakers' pictures are served, on the site's own
// origin: PicturePath + acronym + "/" + picture.Key(avatar).
const PicturePath = picture.Prefix

// Limits on fetching a picture: the policy allows no image from another
// origin, so the server fetches each one the data gives and serves it
// itself. A picture is small; a slow or huge answer is not one.
const (
	maxPictureBytes     = 1 << 20
	pictureTimeout      = 10 * time.Second
	maxPictureRedirects = 3
	// What is kept in memory, the oldest going first: a FOSDEM-size
	// conference's pictures, a few tens of kilobytes each.
	pictureCacheBytes   = 16 << 20
	pictureCacheEntries = 2048
	// A failure is remembered this long, so a picture that is gone is not
	// asked for again on every view of its speaker.
	pictureRetry = 10 * time.Minute
	// A picture's URL names it, so it may be kept a day without asking.
	pictureCacheControl = "max-age=86400"
)

// pictures serves the speakers' pictures the conferences' data gives. A
// request names a conference and the hash of one of its avatar URLs; any
// other name is a 404, so the server fetches only what the data holds
// (no open proxy). Each picture is fetched once, kept if it is a PNG,
// JPEG, GIF or WebP image (read from its bytes, whatever the remote server
// says) of at most maxPictureBytes; a failure is a 404, and the app shows
// the speaker's initials.
type pictures struct {
	client  *http.Client
	refresh func(acronym string) // looks for a newer schedule of the conference first

	logf func(format string, v ...any) // says why a picture is not served

	maxBytes, maxEntries int // the cache's bounds

	mu    sync.Mutex
	sets  map[string]*pictureSet   // by acronym
	cache map[string]*pictureEntry // by avatar URL
	order []*pictureEntry          // oldest first, for eviction
	bytes int                      // of the pictures in cache
}

// pictureSet is a conference's avatar URLs by key, for the schedule it
// was made from (a live update makes another).
type pictureSet struct {
	conf *schedule.Conference
	urls map[string]string
}

type pictureEntry struct {
	url   string
	ready chan struct{} // closed once fetched; the fields below are then set
	at    time.Time
	body  []byte
	ctype string
	etag  string
	err   error
	size  int // counted in pictures.bytes while cached
}

// newPictures fetches with transport; nil is the production one, which
// connects to public addresses only.
func newPictures(transport http.RoundTripper) *pictures {
	if transport == nil {
		transport = publicTransport()
	}
	client := &http.Client{
		Transport: transport,
		Timeout:   pictureTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxPictureRedirects {
				return fmt.Errorf("more than %d redirects", maxPictureRedirects)
			}
			if req.URL.Scheme != "https" && req.URL.Scheme != "http" {
				return fmt.Errorf("redirected to a %s URL", req.URL.Scheme)
			}
			return nil
		},
	}
	return &pictures{client: client, refresh: func(string) {}, logf: log.Printf, maxBytes: pictureCacheBytes, maxEntries: pictureCacheEntries,
		sets: map[string]*pictureSet{}, cache: map[string]*pictureEntry{}}
}

func (p *pictures) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, PicturePath)
	cut := strings.LastIndexByte(rest, '/')
	if cut < 0 {
		pictureNotFound(w, r)
		return
	}
	p.refresh(rest[:cut])
	avatar := p.lookup(rest[:cut], rest[cut+1:])
	if avatar == "" {
		pictureNotFound(w, r)
		return
	}
	e := p.get(avatar)
	select {
	case <-e.ready:
	case <-r.Context().Done():
		return
	}
	if e.err != nil {
		pictureNotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", e.ctype)
	h.Set("Cache-Control", pictureCacheControl)
	h.Set("ETag", e.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(e.body))
}

func pictureNotFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-cache")
	http.NotFound(w, r)
}

// lookup returns the avatar URL of that key in the conference's current
// data, or "".
func (p *pictures) lookup(acronym, key string) string {
	conf, err := catalog.Get(acronym)
	if err != nil {
		return ""
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	set := p.sets[acronym]
	if set == nil || set.conf != conf {
		set = &pictureSet{conf: conf, urls: map[string]string{}}
		for _, u := range avatars(conf) {
			set.urls[picture.Key(u)] = u
		}
		p.sets[acronym] = set
	}
	return set.urls[key]
}

// avatars lists the conference's avatar URLs, each once.
func avatars(c *schedule.Conference) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range c.Events {
		for _, who := range e.Persons {
			if who.Avatar != "" && !seen[who.Avatar] {
				seen[who.Avatar] = true
				out = append(out, who.Avatar)
			}
		}
	}
	return out
}

// get returns the entry of a picture, fetching it when it is not cached
// (or failed long enough ago); requests for it meanwhile wait for the same
// fetch.
func (p *pictures) get(avatar string) *pictureEntry {
	p.mu.Lock()
	e := p.cache[avatar]
	if e != nil {
		select {
		case <-e.ready:
			if e.err == nil || time.Since(e.at) < pictureRetry {
				p.mu.Unlock()
				return e
			}
		default:
			p.mu.Unlock()
			return e
		}
	}
	e = &pictureEntry{url: avatar, ready: make(chan struct{})}
	p.cache[avatar] = e
	p.order = append(p.order, e)
	p.mu.Unlock()

	body, ctype, err := p.fetch(avatar)
	if err != nil {
		p.logf("speaker picture %s not served (the initials are shown): %v", avatar, err)
	}

	p.mu.Lock()
	defer p.mu.Unlock()
	e.at, e.body, e.ctype, e.err = time.Now(), body, ctype, err
	if err == nil {
		e.etag = etagOf(body)
		if p.cache[avatar] == e {
			e.size = len(body)
			p.bytes += e.size
		}
	}
	close(e.ready)
	p.evict()
	return e
}

// evict drops the oldest entries while the cache is over its bounds.
func (p *pictures) evict() {
	for len(p.order) > 0 && (p.bytes > p.maxBytes || len(p.order) > p.maxEntries) {
		old := p.order[0]
		p.order = p.order[1:]
		if p.cache[old.url] == old {
			delete(p.cache, old.url)
		}
		p.bytes -= old.size
		old.size = 0
	}
}

// fetch gets a picture and says what image it is.
func (p *pictures) fetch(avatar string) ([]byte, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), pictureTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, avatar, nil)
	if err != nil {
		return nil, "", err
	}
	if req.URL.Scheme != "https" && req.URL.Scheme != "http" {
		return nil, "", fmt.Errorf("not an http or https URL")
	}
	req.Header.Set("Accept", "image/png,image/jpeg,image/gif,image/webp")
	req.Header.Set("User-Agent", "companion (speaker pictures)")
	res, err := p.client.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("the server answered %s", res.Status)
	}
	if res.ContentLength > maxPictureBytes {
		return nil, "", fmt.Errorf("%d bytes, over the limit of %d", res.ContentLength, maxPictureBytes)
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, maxPictureBytes+1))
	if err != nil {
		return nil, "", err
	}
	if len(body) > maxPictureBytes {
		return nil, "", fmt.Errorf("over the limit of %d bytes", maxPictureBytes)
	}
	ctype := rasterType(body)
	if ctype == "" {
		return nil, "", fmt.Errorf("not a PNG, JPEG, GIF or WebP image (%s by its bytes)", http.DetectContentType(body))
	}
	return body, ctype, nil
}

// rasterType is the type of a PNG, JPEG, GIF or WebP image read from its
// bytes, or "": never SVG (it can hold script) or HTML, whatever the
// remote server calls it.
func rasterType(b []byte) string {
	switch t := http.DetectContentType(b); t {
	case "image/png", "image/jpeg", "image/gif", "image/webp":
		return t
	}
	return ""
}

// publicTransport connects to public addresses only, checked on each
// connection (after DNS, so a name that resolves to an inside address is
// refused too): the data's URLs must not reach the server's own network.
// No proxy from the environment, which would be connected to instead.
func publicTransport() *http.Transport {
	d := &net.Dialer{Timeout: 5 * time.Second, Control: publicOnly}
	return &http.Transport{
		DialContext:           d.DialContext,
		TLSHandshakeTimeout:   5 * time.Second,
		ResponseHeaderTimeout: 5 * time.Second,
		MaxIdleConns:          8,
		IdleConnTimeout:       30 * time.Second,
		ForceAttemptHTTP2:     true,
	}
}

var errNotPublic = errors.New("not a public address")

// notPublic are ranges IsGlobalUnicast and IsPrivate leave in: shared
// carrier NAT, "this network", benchmarking, IPv4 and NAT64 translation.
var notPublic = []netip.Prefix{
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

func publicOnly(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return err
	}
	a := ap.Addr().Unmap()
	if !a.IsGlobalUnicast() || a.IsPrivate() {
		return fmt.Errorf("%s: %w", a, errNotPublic)
	}
	for _, p := range notPublic {
		if p.Contains(a) {
			return fmt.Errorf("%s: %w", a, errNotPublic)
		}
	}
	return nil
}
