package server

import (
	"log"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
	"weak"

	"companion/app/catalog"
)

// However many updates, one version of each schedule is kept, with its
// compressed forms: older ones are not held in memory. Each version's
// brotli and gzip copies are watched through weak pointers; after a
// collection, only the last version's may still be there.
func TestOnlyTheCurrentVersionIsKept(t *testing.T) {
	dir := t.TempDir()
	s := newSchedules(dir, 0)
	s.recheck = 0
	acronym := catalog.Default()
	doc, _ := catalog.Document(acronym)
	t.Cleanup(func() { catalog.Replace(acronym, doc) })
	type copies struct{ br, gz weak.Pointer[byte] }
	var served []copies
	for i := range 20 {
		update := strings.Replace(doc, `"version": "`, `"version": "update `+string(rune('a'+i))+` `, 1)
		if update == doc {
			t.Fatal("no version field to change")
		}
		os.WriteFile(filepath.Join(dir, acronym+".json"), []byte(update), 0o644)
		os.Chtimes(filepath.Join(dir, acronym+".json"), time.Now(), time.Now().Add(time.Duration(i)*time.Second))
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", SchedulePath+acronym, nil)
		req.Header.Set("Accept-Encoding", "br")
		s.ServeHTTP(rec, req)
		if rec.Code != 200 || rec.Header().Get("Content-Encoding") != "br" {
			t.Fatalf("update %d: %d %v", i, rec.Code, rec.Header())
		}
		if got, _ := catalog.Document(acronym); got != update {
			t.Fatalf("update %d not taken", i)
		}
		served = append(served, func() copies {
			s.mu.Lock()
			defer s.mu.Unlock()
			v := s.current[acronym]
			if v == nil || len(v.br) == 0 || len(v.gz) == 0 {
				t.Fatalf("update %d: no compressed version kept", i)
			}
			return copies{weak.Make(&v.br[0]), weak.Make(&v.gz[0])}
		}())
	}
	if len(s.current) != 1 {
		t.Errorf("%d versions kept, want the current one only", len(s.current))
	}
	runtime.GC()
	for i, c := range served[:len(served)-1] {
		if c.br.Value() != nil || c.gz.Value() != nil {
			t.Errorf("the compressed copies of version %d are still held after %d updates", i, len(served)-1-i)
		}
	}
	if last := served[len(served)-1]; last.br.Value() == nil || last.gz.Value() == nil {
		t.Error("the current version's compressed copies were dropped")
	}
	runtime.KeepAlive(s)
}

// A conference's update is served while another conference's file is still
// being parsed: the parse of A's broken file is held in the test hook, and
// the request for B is answered before it is let go. synctest.Wait returns
// once every goroutine but the test's is blocked: B's answer is there by
// then, or B's request waits for A.
func TestOneFileDoesNotHoldUpAnother(t *testing.T) {
	list := catalog.List()
	if len(list) < 2 {
		t.Fatalf("%d conferences in the build, want two", len(list))
	}
	a, b := list[0].Acronym, list[1].Acronym // A is looked at first
	docA, _ := catalog.Document(a)
	docB, _ := catalog.Document(b)
	t.Cleanup(func() { catalog.Replace(a, docA); catalog.Replace(b, docB) })
	updateB := strings.Replace(docB, `"version": "`, `"version": "update `, 1)
	if updateB == docB {
		t.Fatal("no version field to change")
	}
	dir := t.TempDir()
	for name, body := range map[string]string{a: docA[:len(docA)/2], b: updateB} {
		if err := os.WriteFile(filepath.Join(dir, name+".json"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	logs := &lockedBuilder{}
	log.SetOutput(logs)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })

	synctest.Test(t, func(t *testing.T) {
		s := newSchedules(dir, 0)
		s.recheck = 0
		parsingA, release := make(chan struct{}), make(chan struct{})
		s.beforeParse = func(acronym string) {
			if acronym == a {
				close(parsingA)
				<-release
			}
		}
		answered := make(chan *httptest.ResponseRecorder, 1)
		go func() {
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest("GET", SchedulePath+b, nil))
			answered <- rec
		}()
		<-parsingA
		synctest.Wait()
		waiting := answered
		select {
		case rec := <-answered:
			waiting = nil
			if rec.Code != 200 || rec.Body.String() != updateB {
				t.Errorf("B while A is parsed: %d, %d bytes, want B's update (%d bytes)", rec.Code, rec.Body.Len(), len(updateB))
			}
		default:
			t.Error("the request for B waits for A's file to be parsed")
		}
		close(release)
		// A's request waits for A's reading and gets the last good
		// schedule; the broken file was parsed once, whatever the
		// requests.
		for range 3 {
			for _, c := range []string{a, b} {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, httptest.NewRequest("GET", SchedulePath+c, nil))
				if want := map[string]string{a: docA, b: updateB}[c]; rec.Code != 200 || rec.Body.String() != want {
					t.Errorf("%s after A's parse: %d, %d bytes, want %d", c, rec.Code, rec.Body.Len(), len(want))
				}
			}
		}
		if waiting != nil {
			<-waiting
		}
	})
	if n := strings.Count(logs.String(), "rejected"); n != 1 {
		t.Errorf("A's broken file was reported %d times, want once:\n%s", n, logs)
	}
}

// lockedBuilder is a log output that goroutines share.
type lockedBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuilder) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuilder) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
