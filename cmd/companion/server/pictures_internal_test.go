package server

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
)

// roundTrip answers every request with a small PNG, counting them.
type roundTrip struct{ asked map[string]int }

func (rt *roundTrip) RoundTrip(r *http.Request) (*http.Response, error) {
	rt.asked[r.URL.String()]++
	body := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 92)...)
	return &http.Response{StatusCode: http.StatusOK, Status: "200 OK", Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body)), Request: r}, nil
}

// The cache keeps within its bounds, the oldest picture going first, and
// counts only what it holds; a picture evicted is fetched again.
func TestPictureCacheBounded(t *testing.T) {
	rt := &roundTrip{asked: map[string]int{}}
	p := newPictures(rt)
	p.maxEntries, p.maxBytes = 3, 250 // two pictures of 100 bytes by size, three by count
	get := func(name string) {
		t.Helper()
		if e := p.get("https://pictures.example/" + name); e.err != nil || len(e.body) != 100 || e.ctype != "image/png" {
			t.Fatalf("%s: %v, %d bytes, %q", name, e.err, len(e.body), e.ctype)
		}
	}
	for _, n := range []string{"a", "b", "a", "c", "b"} {
		get(n)
	}
	if len(p.cache) != 2 || p.bytes != 200 || p.cache["https://pictures.example/a"] != nil {
		t.Errorf("after a, b, a, c, b: %d kept (%d bytes), a kept: %v", len(p.cache), p.bytes, p.cache["https://pictures.example/a"] != nil)
	}
	get("a")
	if got := rt.asked["https://pictures.example/a"]; got != 2 {
		t.Errorf("a was fetched %d times, want twice (once again after it went)", got)
	}
	var names []string
	for _, e := range p.order {
		names = append(names, strings.TrimPrefix(e.url, "https://pictures.example/"))
	}
	if strings.Join(names, " ") != "c a" || p.bytes != 200 {
		t.Errorf("the cache holds %q, %d bytes; want c a, 200", names, p.bytes)
	}
}
