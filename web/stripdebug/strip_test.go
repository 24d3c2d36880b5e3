package main

import (
	"bytes"
	"strings"
	"testing"

	"companion/web/internal/gowasm"
	"companion/web/wasmsize/wasmfile"
)

func TestStrippedProgramRunsTheSame(t *testing.T) {
	orig := gowasm.Build(t, "./testdata/prog")
	before, errs, code := gowasm.Run(t, orig)
	if code != 0 || !strings.Contains(before, "caller true main.go ") || !strings.Contains(before, "makefunc ") {
		t.Fatalf("the unstripped program (exit %d) should know its file and call through MakeFunc:\n%s%s", code, before, errs)
	}
	for _, c := range []struct {
		keep []string
		name string // what runtime.FuncForPC says of main.main
	}{
		{[]string{"all"}, "main.main"},
		{[]string{"companion/", "main."}, "main.main"},
		{nil, ""},
	} {
		stripped, st, err := Strip(orig, Options{KeepNames: c.keep})
		if err != nil {
			t.Fatal(err)
		}
		if st.Funcs < 1000 || st.Tables < 1000 || st.Zeroed < 50_000 {
			t.Fatalf("%q: stripped too little to be the line tables: %+v", c.keep, st)
		}
		if len(stripped) != len(orig) {
			t.Fatalf("%q: size changed: %d → %d (only bytes are zeroed)", c.keep, len(orig), len(stripped))
		}
		after, errs, code := gowasm.Run(t, stripped)
		if code != 0 {
			t.Fatalf("%q: stripped program exited %d:\n%s%s", c.keep, code, after, errs)
		}
		// The same run: deep stacks grown and scanned by the collector from
		// four goroutines, a recovered panic, frames of a MakeFunc stub
		// scanned, a lot of allocation; only the caller's file and line
		// differ, and its name where names are dropped.
		at := strings.Index(before, "caller")
		want := before[:at] + "caller true ? 0 " + c.name + before[strings.Index(before[at:], "\n")+at:]
		if after != want {
			t.Fatalf("%q: stripped program printed\n%s\nwant\n%s", c.keep, after, want)
		}

		// A panic names the functions whose names were kept, with no file
		// or line; the others drop out of the traceback.
		_, trace, code := gowasm.Run(t, stripped, "panic")
		if code != 2 || !strings.Contains(trace, "panic: boom") || !strings.Contains(trace, "goroutine 1 [running]:") {
			t.Fatalf("%q: panic (exit %d) printed:\n%s", c.keep, code, trace)
		}
		if named := strings.Contains(trace, "main.main()\n\t?:0"); named != (c.name != "") {
			t.Fatalf("%q: panic names main.main: %v; printed:\n%s", c.keep, named, trace)
		}
	}
}

// cstring is the NUL-terminated string at a.
func cstring(m []byte, a int) string {
	return string(m[a : a+bytes.IndexByte(m[a:], 0)])
}

func TestStripKeepsWhatTheRuntimeReads(t *testing.T) {
	orig := gowasm.Build(t, "./testdata/prog")
	opt := Options{KeepNames: []string{"main.", "runtime.gc"}}
	stripped, st, err := Strip(orig, opt)
	if err != nil {
		t.Fatal(err)
	}
	segs, err := wasmfile.DataSegments(orig)
	if err != nil {
		t.Fatal(err)
	}
	was, now := wasmfile.Memory(orig, segs), wasmfile.Memory(stripped, segs)
	pc, err := findPCHeader(was)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(was[:pc.funcnames], now[:pc.funcnames]) {
		t.Error("bytes before the function names (the header among them) changed")
	}
	kept := map[string]bool{}
	for _, f := range pc.funcs {
		name := cstring(was, pc.funcnames+int(le32(was, f+funcNameOff)))
		off := le32(now, f+funcNameOff)
		switch {
		case opt.keeps(name):
			if off != le32(was, f+funcNameOff) || cstring(now, pc.funcnames+int(off)) != name {
				t.Fatalf("%s lost its name", name)
			}
			kept[name] = true
		case off != 0 || cstring(now, pc.funcnames) != "":
			t.Fatalf("%s kept its name (offset %d)", name, off)
		}

		// Every other field the runtime reads is as it was; the stack
		// and pcdata tables are byte for byte the same.
		n := int(le32(was, f+funcNpcdata))
		rec := func(m []byte) []byte {
			r := bytes.Clone(m[f : f+funcSize+4*n])
			for _, field := range []int{funcNameOff, funcPcfile, funcPcln, funcCuOffset, funcStartLine} {
				put32(r, field, 0)
			}
			return r
		}
		if !bytes.Equal(rec(was), rec(now)) {
			t.Fatalf("function record of %s changed beyond its line tables and name", name)
		}
		for _, field := range []int{funcPcfile, funcPcln, funcCuOffset, funcStartLine} {
			if le32(now, f+field) != 0 {
				t.Fatalf("function record of %s still has field %d", name, field)
			}
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
	for _, name := range append([]string{"reflect.makeFuncStub", "reflect.methodValueCall"}, "main.main", "main.deep", "runtime.gcStart") {
		if !kept[name] {
			t.Errorf("%s lost its name (kept: %d names)", name, len(kept))
		}
	}
	if st.Names < 1000 || len(kept) > 200 {
		t.Errorf("%d names dropped, %d kept", st.Names, len(kept))
	}

	// Stripping again finds nothing left.
	again, st, err := Strip(stripped, opt)
	if err != nil {
		t.Fatal(err)
	}
	if st.Tables != 0 || st.Names != 0 || st.Zeroed != 0 || !bytes.Equal(again, stripped) {
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
		_, _, err := Strip(c.in, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error saying %q", c.name, err, c.want)
		}
	}
}
