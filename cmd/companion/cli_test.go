package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"companion/data/fixtures"
)

func TestImportThenCheck(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "fosdem2025.json")
	src := filepath.Join(fixtures.Dir(t), "fosdem-2025.pentabarf-schedule.xml")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"import", "-o", out, src}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("import exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "943 events") {
		t.Errorf("import summary: %s", stderr.String())
	}
	stdout.Reset()
	if code := run([]string{"check", "-strict", out}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("check exit %d: %s", code, stdout.String())
	}
	if !strings.Contains(stdout.String(), "usable") {
		t.Errorf("check says %s", stdout.String())
	}
}

// From standard input to standard output, the format named.
func TestImportStdinStdout(t *testing.T) {
	src := fixtures.Read(t, "scottish-summit-2026.sessionize-all.json")
	var stdout, stderr bytes.Buffer
	code := run([]string{"import", "-format", "sessionize", "-tz", "Europe/London", "-acronym", "scotsum2026", "-title", "Scottish Summit 2026"}, bytes.NewReader(src), &stdout, &stderr)
	if code != 0 || !strings.Contains(stdout.String(), `"acronym": "scotsum2026"`) {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
}

// check prints each problem with its place and fails on unusable files; a
// bad field in one event is a warning with its place, not a refusal.
func TestCheckUnusable(t *testing.T) {
	doc := string(fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json"))
	doc = strings.Replace(doc, `"date": "2019-08-21T11:00:00+02:00"`, `"date": "Wednesday"`, 1)
	path := filepath.Join(t.TempDir(), "camp.json")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", path}, nil, &stdout, &stderr)
	if code != 0 || !strings.Contains(stdout.String(), `warning: `) || !strings.Contains(stdout.String(), `event "Opening Ceremony"`) || !strings.Contains(stdout.String(), `field "date"`) || !strings.Contains(stdout.String(), "79 events") {
		t.Errorf("one bad date: exit %d:\n%s", code, stdout.String())
	}
	// No acronym: nothing can name the conference.
	doc = strings.Replace(doc, `"acronym": "Camp2019"`, `"acronym": ""`, 1)
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	code = run([]string{"check", path}, nil, &stdout, &stderr)
	if code != 1 || !strings.Contains(stdout.String(), `field "acronym"`) || !strings.Contains(stdout.String(), "unusable") {
		t.Errorf("exit %d:\n%s", code, stdout.String())
	}
	// A file in another format is pointed at import.
	stdout.Reset()
	code = run([]string{"check", filepath.Join(fixtures.Dir(t), "fosdem-2025.pentabarf-schedule.xml")}, nil, &stdout, &stderr)
	if code != 1 || !strings.Contains(stdout.String(), "companion import") {
		t.Errorf("exit %d: %s", code, stdout.String())
	}
}

// Bad fields cost their events warnings, each printed, and their count is
// printed by field.
func TestImportCountsWarnings(t *testing.T) {
	doc := `<schedule><conference><acronym>test2025</acronym><title>T</title><time_zone_name>Europe/Brussels</time_zone_name></conference>
<day index="1" date="2025-02-01"><room name="K.1.105">
<event id="7"><start>25:99</start><duration>00:30</duration><title>Broken</title></event>
<event id="8"><start>10:00</start><duration></duration><title>No length</title></event>
<event id="9"><start>11:00</start><duration>00:30</duration><title>Fine</title><persons><person id="1"></person></persons></event>
</room></day></schedule>`
	var stdout, stderr bytes.Buffer
	code := run([]string{"import", "-"}, strings.NewReader(doc), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if got := strings.Count(stderr.String(), "warning: "); got != 3 {
		t.Errorf("%d warning lines, want 3:\n%s", got, stderr.String())
	}
	if !strings.Contains(stderr.String(), "stdin: 3 warnings (duration 1, persons 1, start 1)") || !strings.Contains(stderr.String(), "2 events") {
		t.Errorf("no count of the warnings:\n%s", stderr.String())
	}
}

// Old frab's schedule.json writes wall clocks and names no zone: import
// says so, and how to name it, unless -tz is given.
func TestImportWarnsOfTimesWithoutZone(t *testing.T) {
	src := filepath.Join("..", "..", "data", "importer", "testdata", "frab-0.8.schedule.json")
	out := filepath.Join(t.TempDir(), "ht2013.json")
	for _, tz := range []string{"", "Europe/Berlin"} {
		args := []string{"import", "-acronym", "ht2013", "-o", out}
		if tz != "" {
			args = append(args, "-tz", tz)
		}
		var stdout, stderr bytes.Buffer
		if code := run(append(args, src), nil, &stdout, &stderr); code != 0 {
			t.Fatalf("-tz %q: exit %d: %s", tz, code, stderr.String())
		}
		warned := strings.Contains(stderr.String(), `warning: `+src+`: field "time zone": `) && strings.Contains(stderr.String(), "companion import -tz")
		if warned != (tz == "") {
			t.Errorf("-tz %q: warned %v:\n%s", tz, warned, stderr.String())
		}
	}
}
