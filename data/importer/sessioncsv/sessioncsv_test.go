package sessioncsv_test

import (
	"errors"
	"strings"
	"testing"

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
	_, err = sessioncsv.Import("s.csv", strings.NewReader("id,title,start_time,duration_min\nA1,T,tomorrow,30\n"), "", nil, build.Options{})
	if err == nil || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), "start_time") {
		t.Errorf("bad time: %v", err)
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
