package server

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"companion/app/catalog"
)

// However many updates, one version of each schedule is kept, with its
// compressed forms: older ones are not held in memory.
func TestOnlyTheCurrentVersionIsKept(t *testing.T) {
	dir := t.TempDir()
	s := newSchedules(dir, 0)
	s.recheck = 0
	acronym := catalog.Default()
	doc, _ := catalog.Document(acronym)
	t.Cleanup(func() { catalog.Replace(acronym, doc) })
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
	}
	if len(s.current) != 1 {
		t.Errorf("%d versions kept, want the current one only", len(s.current))
	}
}
