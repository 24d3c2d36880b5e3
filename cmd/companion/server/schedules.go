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
// schedule, or a file <acronym>.json in the organiser's directory. The
// directory is looked at, at most once a second, by a request; a file whose
// size or time changed is read and parsed once per change, off the request
// path, each file apart. A request waits only for its own conference's
// reading, so that it sees the organiser's edit at once, never for another
// conference's: a 30 MB broken file of one conference does not hold up the
// others. A file that does not load (not a regular file, too large, not a
// schedule of that conference) is reported once and the last good schedule
// is served. A good one also replaces the schedule the pages are rendered
// from.
type schedules struct {
	dir      string
	maxBytes int64
	recheck  time.Duration // how often the directory is looked at

	// beforeParse, when set (by tests), is called before a file that was
	// read is parsed.
	beforeParse func(acronym string)

	mu        sync.Mutex
	lastCheck time.Time
	files     map[string]*liveFile // by acronym
	current   map[string]*version  // by acronym: what is served
	scanning  sync.Mutex           // one look at the directory at a time
}

// version is a schedule as served: its bytes, ETag and compressed forms,
// made once. Only the current version of each conference is kept.
type version struct {
	body   []byte
	etag   string
	once   sync.Once
	br, gz []byte
}

// liveFile is the last file seen for a conference, good or bad, so that a
// broken file is read once per change, not once per request.
type liveFile struct {
	modTime time.Time
	size    int64
	done    chan struct{} // closed when this change has been taken or rejected
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
	s.refresh(acronym)
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

// refresh brings in live updates for a request about a conference (the
// acronym; "" or an unknown one waits for none): it looks at the directory
// when due, then waits for the reading of that conference's file, if one
// is under way, and for no other.
func (s *schedules) refresh(acronym string) {
	if s.dir == "" {
		return
	}
	s.scan()
	s.mu.Lock()
	f := s.files[acronym]
	s.mu.Unlock()
	if f != nil {
		<-f.done
	}
}

// scan looks at the directory, at most once per recheck interval, and
// starts reading each conference's file that changed since it was last
// seen. Looking is a few Lstat calls; reading and parsing happen in the
// background.
func (s *schedules) scan() {
	s.mu.Lock()
	due := time.Since(s.lastCheck) >= s.recheck
	if due {
		s.lastCheck = time.Now()
	}
	s.mu.Unlock()
	if !due || !s.scanning.TryLock() {
		return // another request is looking: serve what is current
	}
	defer s.scanning.Unlock()
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		log.Printf("schedule updates: %v", err)
		return
	}
	defer root.Close()
	for _, e := range catalog.List() {
		st, err := root.Lstat(e.Acronym + ".json")
		if err != nil {
			continue // no update for this conference
		}
		s.mu.Lock()
		seen := s.files[e.Acronym]
		changed := seen == nil || !st.ModTime().Equal(seen.modTime) || st.Size() != seen.size
		if changed {
			next := &liveFile{modTime: st.ModTime(), size: st.Size(), done: make(chan struct{})}
			s.files[e.Acronym] = next
			go s.reload(e.Acronym, st, seen, next)
		}
		s.mu.Unlock()
	}
}

// reload reads DIR/<acronym>.json for the change next, after the reading
// of the previous change, prev, so that an older file never replaces a
// newer one.
func (s *schedules) reload(acronym string, st fs.FileInfo, prev, next *liveFile) {
	defer close(next.done)
	if prev != nil {
		<-prev.done
	}
	name := acronym + ".json"
	path := s.dir + string(os.PathSeparator) + name
	body, err := s.read(name, st)
	if err == nil {
		if s.beforeParse != nil {
			s.beforeParse(acronym)
		}
		_, err = catalog.Replace(acronym, string(body))
	}
	if err != nil {
		log.Printf("schedule update %s rejected (the last good schedule stays): %v", path, err)
	}
}

// read returns a regular file's bytes within the size limit: no symbolic
// link (os.Root keeps reads inside the directory anyway), FIFO or device.
func (s *schedules) read(name string, st fs.FileInfo) ([]byte, error) {
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", st.Mode().Type())
	}
	if st.Size() > s.maxBytes {
		return nil, fmt.Errorf("%d bytes, over the limit of %d", st.Size(), s.maxBytes)
	}
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
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
