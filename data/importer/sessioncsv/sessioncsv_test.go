package sessioncsv_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/importer/sessioncsv"
	"companion/data/schedule"
)

func TestMissingColumn(t *testing.T) {
	_, err := sessioncsv.Import("s.csv", strings.NewReader("id,title,room\nA1,T,Monet\n"), "", nil, build.Options{})
	if err == nil || !strings.Contains(err.Error(), "s.csv") || !strings.Contains(err.Error(), `"start_time"`) {
		t.Errorf("missing column: %v", err)
	}
	// One bad field costs its session a warning, never the file.
	c, err := sessioncsv.Import("s.csv", strings.NewReader("id,title,room,start_time,duration_min\nA1,T,Monet,tomorrow,30\nA2,U,Monet,2026-02-03T09:00:00+01:00,half\nA3,V,Monet,2026-02-03T09:20:00+01:00,30\n"), "", nil, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	back := importertest.Check(t, "s.csv", c, importertest.Counts{Days: 1, Rooms: 1, Events: 2})
	if len(c.Warnings) != 2 || !strings.Contains(c.Warnings[0].String(), "line 2") || c.Warnings[0].Field != "start_time" || c.Warnings[1].Field != "duration_min" {
		t.Errorf("warnings %v", c.Warnings)
	}
	if back.Events[0].Title != "U" || back.Events[0].Duration() != 20*time.Minute {
		t.Errorf("a length that is no number: %q lasts %s, want until the next session (20 min)", back.Events[0].Title, back.Events[0].Duration())
	}
	// A broken quote: the line is named, and the speakers file's missing
	// column too, in one error.
	_, err = sessioncsv.Import("s.csv", strings.NewReader("id,title,start_time,duration_min\nA1,\"T\"x,2026-02-03T09:00:00+01:00,30\n"),
		"sp.csv", strings.NewReader("slug,bio\nx,y\n"), build.Options{})
	var se *schedule.Error
	if !errors.As(err, &se) || len(se.Problems) != 2 || !strings.Contains(se.Problems[0].String(), "s.csv: line 2") ||
		!strings.Contains(se.Problems[1].String(), `sp.csv: line 1: header: field "name"`) {
		t.Errorf("broken quote and missing speaker column: %v", se)
	}
}

func FuzzImport(f *testing.F) {
	head := string(readSample(f, sample))
	if i := strings.Index(head, "\nNB"); i > 0 {
		head = head[:i]
	}
	if len(head) > 4096 {
		head = head[:4096]
	}
	f.Add(head, "slug,name,company\npetazzoni,Jérôme,Enix\n")
	f.Add("id,title,start_time,duration_min,speakers\nA,T,2026-02-03T09:00:00+01:00,30,x\n", "")
	f.Add("id,title,start_time,duration_min,room,status\nA,\"T\nx\",2026-02-03T09:00:00,-1,R,cancelled\nB,\"bad\"q,x,y\n", "slug,name\n")
	f.Fuzz(func(t *testing.T, s, sp string) {
		c, err := sessioncsv.Import("fuzz.csv", strings.NewReader(s), "sp.csv", strings.NewReader(sp), build.Options{})
		if err == nil {
			importertest.NoPanic(t, c)
		}
	})
}
