package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"companion/web/wasmsize/wasmfile"
)

// buildProg builds testdata/prog for the browser as the Makefile builds
// the app, and returns its bytes.
func buildProg(t *testing.T) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "prog.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./testdata/prog")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building testdata/prog: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// run runs a js/wasm binary under Node with Go's own loader.
func run(t *testing.T, wasm []byte, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("this test runs a Go wasm binary under Node: install it with  sudo apt-get install -y nodejs  (make test's axe step installs npm, which brings it)")
	}
	name := filepath.Join(t.TempDir(), "prog.wasm")
	if err := os.WriteFile(name, wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	loader := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec_node.js")
	cmd := exec.Command(node, append([]string{loader, name}, args...)...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return o.String(), e.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), 0
}

func TestStrippedProgramRunsTheSame(t *testing.T) {
	orig := buildProg(t)
	stripped, st, err := Strip(orig)
	if err != nil {
		t.Fatal(err)
	}
	if st.Funcs < 1000 || st.Tables < 1000 || st.Zeroed < 50_000 {
		t.Fatalf("stripped too little to be the line tables: %+v", st)
	}
	if len(stripped) != len(orig) {
		t.Fatalf("size changed: %d → %d (only bytes are zeroed)", len(orig), len(stripped))
	}

	before, errs, code := run(t, orig)
	if code != 0 || !strings.Contains(before, "caller true main.go ") {
		t.Fatalf("the unstripped program (exit %d) should know its file:\n%s%s", code, before, errs)
	}
	after, errs, code := run(t, stripped)
	if code != 0 {
		t.Fatalf("stripped program exited %d:\n%s%s", code, after, errs)
	}
	// The same run: deep stacks grown and scanned by the collector from
	// four goroutines, a recovered panic, a lot of allocation; only the
	// caller's file and line differ, and its function keeps its name.
	want := strings.Replace(before, before[strings.Index(before, "caller"):strings.Index(before, "main.main")], "caller true ? 0 ", 1)
	if after != want {
		t.Fatalf("stripped program printed\n%s\nwant\n%s", after, want)
	}

	// A panic still names its functions, with no file or line.
	_, trace, code := run(t, stripped, "panic")
	if code != 2 || !strings.Contains(trace, "panic: boom") || !strings.Contains(trace, "main.main()\n\t?:0") {
		t.Fatalf("panic (exit %d) printed:\n%s", code, trace)
	}
}

func TestStripKeepsWhatTheRuntimeReads(t *testing.T) {
	orig := buildProg(t)
	stripped, _, err := Strip(orig)
	if err != nil {
		t.Fatal(err)
	}
	segs, err := wasmfile.DataSegments(orig)
	if err != nil {
		t.Fatal(err)
	}
	was, now := image(orig, segs), image(stripped, segs)
	pc, err := findPCHeader(was)
	if err != nil {
		t.Fatal(err)
	}
	// Names and every record's other fields are as they were; the stack
	// and pcdata tables are byte for byte the same.
	if !bytes.Equal(was[:pc.cutab], now[:pc.cutab]) {
		t.Error("bytes before the file lists (the header and function names) changed")
	}
	for _, f := range pc.funcs {
		n := int(le32(was, f+funcNpcdata))
		rec := func(m []byte) []byte {
			r := bytes.Clone(m[f : f+funcSize+4*n])
			put32(r, funcPcfile, 0)
			put32(r, funcPcln, 0)
			return r
		}
		if !bytes.Equal(rec(was), rec(now)) {
			t.Fatalf("function record at %#x changed beyond its line tables", f)
		}
		if le32(now, f+funcPcfile) != 0 || le32(now, f+funcPcln) != 0 {
			t.Fatalf("function record at %#x still points at line tables", f)
		}
		offs := []uint32{le32(was, f+funcPcsp)}
		for i := range n {
			offs = append(offs, le32(was, f+funcSize+4*i))
		}
		for _, off := range offs {
			if off == 0 {
				continue
			}
			a := pc.pctab + int(off)
			l, err := tableLen(was, a, pc.funcoff)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(was[a:a+l], now[a:a+l]) {
				t.Fatalf("table at %#x, read by the runtime, changed", a)
			}
		}
	}
	if bytes.Equal(was[pc.funcoff:], now[pc.funcoff:]) {
		t.Fatal("nothing changed in the function records")
	}

	// Stripping again finds nothing left.
	again, st, err := Strip(stripped)
	if err != nil {
		t.Fatal(err)
	}
	if st.Tables != 0 || st.Zeroed != 0 || !bytes.Equal(again, stripped) {
		t.Fatalf("a second strip changed something: %+v", st)
	}
}

func TestStripRefusesWhatItDoesNotKnow(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"text", []byte("hello, not wasm"), "not a WebAssembly binary"},
		{"no data", []byte("\x00asm\x01\x00\x00\x00"), "no data section"},
		{"cut short", []byte("\x00asm\x01\x00\x00\x00\x0b\x20\x01"), "runs past the end"},
		{"data without a Go table", []byte("\x00asm\x01\x00\x00\x00\x0b\x08\x01\x00\x41\x10\x0b\x02hi"), "no Go 1.20+ pclntab"},
		{"passive segment", []byte("\x00asm\x01\x00\x00\x00\x0b\x05\x01\x01\x02hi"), "not an active segment"},
	} {
		_, _, err := Strip(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error saying %q", c.name, err, c.want)
		}
	}
}
