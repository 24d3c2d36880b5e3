package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"companion/app/catalog"
	"companion/data/schedule"

	"github.com/andybalholm/brotli"
)

// SchedulePath is where the app finds each conference's current schedule:
// SchedulePath + acronym.
const SchedulePath = "/api/schedules/"

// schedules serves each conference's current schedule.json with an ETag,
// so that a change reaches attendees without a new app: the embedded
// schedule, or a file <acronym>.json in the organiser's directory, read
// again whenever it changes. A file that does not load is reported in the
// log and the last good schedule is served instead.
type schedules struct {
	dir        string
	mu         sync.Mutex
	files      map[string]scheduleFile
	compressed map[string]encodings // by etag
}

// encodings are a schedule's compressed forms: a FOSDEM-size schedule is
// 2 MB of JSON and 370 KB in brotli, on venue wifi.
type encodings struct{ br, gz []byte }

type scheduleFile struct {
	modTime time.Time
	size    int64
	body    []byte
	etag    string
}

func newSchedules(dir string) *schedules {
	return &schedules{dir: dir, files: map[string]scheduleFile{}, compressed: map[string]encodings{}}
}

func (s *schedules) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	acronym := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, SchedulePath), ".json")
	body, etag, ok := s.current(acronym)
	if !ok {
		http.NotFound(w, r)
		return
	}
	enc := s.encodings(etag, body)
	serveBytes(w, r, "application/json; charset=utf-8", etag, body, enc.br, enc.gz)
}

// encodings compresses a schedule once per version.
func (s *schedules) encodings(etag string, body []byte) encodings {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.compressed[etag]; ok {
		return e
	}
	var br, gz bytes.Buffer
	bw := brotli.NewWriterLevel(&br, 6)
	bw.Write(body)
	bw.Close()
	gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	gw.Write(body)
	gw.Close()
	e := encodings{br: br.Bytes(), gz: gz.Bytes()}
	s.compressed[etag] = e
	return e
}

func (s *schedules) current(acronym string) ([]byte, string, bool) {
	embedded, ok := catalog.Document(acronym)
	if !ok {
		return nil, "", false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dir != "" {
		if f, ok := s.fromDir(acronym); ok {
			return f.body, f.etag, true
		}
	}
	return []byte(embedded), etagOf([]byte(embedded)), true
}

// fromDir returns the organiser's file for a conference, reloaded when its
// size or time changes; a broken file keeps the last good one.
func (s *schedules) fromDir(acronym string) (scheduleFile, bool) {
	path := filepath.Join(s.dir, acronym+".json")
	last, had := s.files[acronym]
	st, err := os.Stat(path)
	if err != nil {
		return last, had
	}
	if had && st.ModTime().Equal(last.modTime) && st.Size() == last.size {
		return last, true
	}
	body, err := os.ReadFile(path)
	if err != nil {
		log.Printf("schedule update %s: %v", path, err)
		return last, had
	}
	conf, err := schedule.Parse(path, string(body))
	if err == nil && conf.Acronym != acronym {
		err = fmt.Errorf("%s: the file is for %q, not %q", path, conf.Acronym, acronym)
	}
	if err != nil {
		log.Printf("schedule update rejected: %v", err)
		return last, had
	}
	f := scheduleFile{modTime: st.ModTime(), size: st.Size(), body: body, etag: etagOf(body)}
	s.files[acronym] = f
	return f, true
}

func etagOf(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:8]) + `"`
}
