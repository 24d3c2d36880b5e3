package server_test

import (
	"bytes"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"companion/app/catalog"
	"companion/cmd/companion/server"
	"companion/data"
	"companion/data/fixtures"

	"github.com/andybalholm/brotli"
)

// Each conference's current schedule: compressed, with an ETag that
// answers 304 when the app already has it; a served conference too.
func TestScheduleAPI(t *testing.T) {
	camp := fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json")
	srv := newSite(t, data.File{Name: "camp2019.json", JSON: string(camp)})
	kcd, _ := catalog.Document(catalog.Default())
	for path, want := range map[string][]byte{
		server.SchedulePath + catalog.Default(): []byte(kcd),
		server.SchedulePath + "Camp2019":        camp,
	} {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.Header.Set("Accept-Encoding", "br")
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(brotli.NewReader(res.Body))
		res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "br" || !bytes.Equal(body, want) {
			t.Fatalf("%s: %s, encoding %q, %d bytes decoded (want %d)", path, res.Status, res.Header.Get("Content-Encoding"), len(body), len(want))
		}
		etag := res.Header.Get("ETag")
		req.Header.Set("If-None-Match", etag)
		res, err = http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotModified {
			t.Errorf("%s with If-None-Match %s: %s, want 304", path, etag, res.Status)
		}
	}
	res, err := http.Get(srv.URL + server.SchedulePath + "nosuchconf")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown conference: %s", res.Status)
	}
}

// restoreCatalog puts every conference's schedule back after a test that
// makes the server take a live update (the catalog is the process's).
func restoreCatalog(t testing.TB) {
	saved := map[string]string{}
	for _, e := range catalog.List() {
		if doc, ok := catalog.Document(e.Acronym); ok {
			saved[e.Acronym] = doc
		}
	}
	t.Cleanup(func() {
		for acronym, doc := range saved {
			catalog.Replace(acronym, doc)
		}
	})
}

func newLiveSite(t *testing.T, dir string, maxBytes int64) *httptest.Server {
	t.Helper()
	return startSite(t, server.Assets{ScheduleDir: dir, MaxScheduleBytes: maxBytes})
}

// captureLog returns what the server logs during the test.
func captureLog(t *testing.T) *syncBuffer {
	b := &syncBuffer{}
	log.SetOutput(b)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	return b
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// A live update reaches the API and the prerendered pages; a broken file
// is read once per change and the last good schedule stays.
func TestLiveUpdateReachesPages(t *testing.T) {
	dir := t.TempDir()
	srv := newLiveSite(t, dir, 0)
	logs := captureLog(t)
	acronym := catalog.Default()
	doc, _ := catalog.Document(acronym)
	const slug = "portail-developpeur-back-market"
	page := func() string { return body(t, get(t, srv.URL+"/talk/"+slug)) }
	if !strings.Contains(page(), `datetime="2023-03-07T11:35:00+01:00"`) {
		t.Fatal("the talk is not at 11:35 to begin with")
	}
	moved := moveEvent(t, doc, slug, "T11:35", "T16:35")
	if err := os.WriteFile(filepath.Join(dir, acronym+".json"), moved, 0o644); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page(), `datetime="2023-03-07T16:35:00+01:00"`) {
		t.Error("the prerendered talk page keeps the old time after a live update")
	}
	if got := body(t, get(t, srv.URL+server.SchedulePath+acronym, "Accept-Encoding", "identity")); got != string(moved) {
		t.Error("the API does not serve the update")
	}

	// Broken: read once, whatever the number of requests; the update stays.
	broken := filepath.Join(dir, acronym+".json")
	if err := os.WriteFile(broken, []byte(`{"schedule": {"conference": `), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 5 {
		if !strings.Contains(page(), `datetime="2023-03-07T16:35:00+01:00"`) {
			t.Fatal("a broken file replaced the last good schedule")
		}
		get(t, srv.URL+server.SchedulePath+acronym)
	}
	if n := strings.Count(logs.String(), "rejected"); n != 1 {
		t.Errorf("the broken file was reported %d times, want once per change:\n%s", n, logs)
	}
	if !strings.Contains(logs.String(), broken) {
		t.Errorf("the report does not name the file: %s", logs)
	}
}

// Only regular files within the size limit are read: no symbolic link
// (even to a good schedule), no FIFO (which would block), nothing larger.
func TestLiveDirectoryLimits(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	srv := newLiveSite(t, dir, 64<<10)
	logs := captureLog(t)
	acronym := catalog.Default()
	doc, _ := catalog.Document(acronym)
	moved := moveEvent(t, doc, "portail-developpeur-back-market", "T11:35", "T16:35")
	api := func() string {
		return body(t, get(t, srv.URL+server.SchedulePath+acronym, "Accept-Encoding", "identity"))
	}
	file := filepath.Join(dir, acronym+".json")

	good := filepath.Join(outside, "good.json")
	os.WriteFile(good, moved, 0o644)
	if err := os.Symlink(good, file); err != nil {
		t.Fatal(err)
	}
	if api() != doc {
		t.Error("a symbolic link out of the directory was followed")
	}
	os.Remove(file)

	if err := mkfifo(file); err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 1)
	go func() { done <- api() }()
	select {
	case got := <-done:
		if got != doc {
			t.Error("a FIFO was read")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a FIFO in the directory blocks the API")
	}
	os.Remove(file)

	big := append([]byte(nil), moved...)
	big = append(big, bytes.Repeat([]byte(" "), 64<<10)...)
	os.WriteFile(file, big, 0o644)
	if api() != doc {
		t.Error("a file over the limit was read")
	}
	for _, want := range []string{"not a regular file", "over the limit"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("no %q in the log:\n%s", want, logs)
		}
	}
	// And then a good one is taken.
	os.WriteFile(file, moved, 0o644)
	if api() != string(moved) {
		t.Error("a good file after bad ones is not taken")
	}
}
