package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"companion/app/catalog"
)

// SchedulePath is where the app finds each conference's current schedule:
// SchedulePath + acronym.
const SchedulePath = "/api/schedules/"

// DefaultMaxScheduleBytes bounds a live schedule file: FOSDEM's whole
// schedule.json is 2 MB.
const DefaultMaxScheduleBytes = 32 << 20

// schedules serves each conference's current schedule.json with an ETag,
// so that a change reaches attendees without a new app: the built-in
// schedule, or a file <acronym>.json in the organiser's directory. A file
// is read again when its size or time changes, at most once a second; one
// that does not load (not a regular file, too large, not a schedule of
// that conference) is reported once and the last good schedule is served.
// A good one also replaces the schedule the pages are rendered from.
type schedules struct {
	dir      string
	maxBytes int64
	recheck  time.Duration // how often the directory is looked at

	mu        sync.Mutex
	lastCheck time.Time
	files     map[string]*liveFile // by acronym
	current   map[string]*version  // by acronym: what is served
	loading   sync.Mutex           // one reading of the directory at a time
}

// version is a schedule as served: its bytes, ETag and compressed forms,
// made once. Only the current version of each conference is kept.
type version struct {
	body   []byte
	etag   string
	once   sync.Once
	br, gz []byte
}

// liveFile remembers the last file seen for a conference, good or bad, so
// that a broken file is read once per change, not once per request.
type liveFile struct {
	modTime time.Time
	size    int64
}

func newSchedules(dir string, maxBytes int64) *schedules {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxScheduleBytes
	}
	return &schedules{dir: dir, maxBytes: maxBytes, recheck: time.Second,
		files: map[string]*liveFile{}, current: map[string]*version{}}
}

func (s *schedules) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	acronym := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, SchedulePath), ".json")
	s.refresh()
	v := s.version(acronym)
	if v == nil {
		http.NotFound(w, r)
		return
	}
	v.once.Do(func() { v.br, v.gz = compress(v.body) })
	serveBytes(w, r, "application/json; charset=utf-8", v.etag, v.body, v.br, v.gz)
}

// version is the schedule served for a conference: the catalog's, which a
// good live file has replaced.
func (s *schedules) version(acronym string) *version {
	doc, ok := catalog.Document(acronym)
	if !ok {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v := s.current[acronym]; v != nil && len(v.body) == len(doc) && string(v.body) == doc {
		return v
	}
	v := &version{body: []byte(doc), etag: etagOf([]byte(doc))}
	s.current[acronym] = v // the previous version, and its compressed forms, go
	return v
}

// refresh looks at the directory, at most once per recheck interval, and
// swaps in every conference's changed file that loads.
func (s *schedules) refresh() {
	if s.dir == "" {
		return
	}
	s.mu.Lock()
	due := time.Since(s.lastCheck) >= s.recheck
	if due {
		s.lastCheck = time.Now()
	}
	s.mu.Unlock()
	if !due || !s.loading.TryLock() {
		return // another request is reading it: serve what is current
	}
	defer s.loading.Unlock()
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		log.Printf("schedule updates: %v", err)
		return
	}
	defer root.Close()
	for _, e := range catalog.List() {
		s.reload(root, e.Acronym)
	}
}

// reload reads DIR/<acronym>.json when it changed since it was last seen.
func (s *schedules) reload(root *os.Root, acronym string) {
	name := acronym + ".json"
	st, err := root.Lstat(name)
	if err != nil {
		return // no update for this conference
	}
	seen := s.files[acronym]
	if seen != nil && st.ModTime().Equal(seen.modTime) && st.Size() == seen.size {
		return
	}
	s.files[acronym] = &liveFile{modTime: st.ModTime(), size: st.Size()}
	path := s.dir + string(os.PathSeparator) + name
	body, err := s.read(root, name, st)
	if err == nil {
		_, err = catalog.Replace(acronym, string(body))
	}
	if err != nil {
		log.Printf("schedule update %s rejected (the last good schedule stays): %v", path, err)
	}
}

// read returns a regular file's bytes within the size limit: no symbolic
// link (os.Root keeps reads inside the directory anyway), FIFO or device.
func (s *schedules) read(root *os.Root, name string, st fs.FileInfo) ([]byte, error) {
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", st.Mode().Type())
	}
	if st.Size() > s.maxBytes {
		return nil, fmt.Errorf("%d bytes, over the limit of %d", st.Size(), s.maxBytes)
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if now, err := f.Stat(); err != nil || !os.SameFile(now, st) {
		return nil, fmt.Errorf("the file changed while it was opened")
	}
	body, err := io.ReadAll(io.LimitReader(f, s.maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > s.maxBytes {
		return nil, fmt.Errorf("over the limit of %d bytes", s.maxBytes)
	}
	return body, nil
}

func etagOf(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:8]) + `"`
}
