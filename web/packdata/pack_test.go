package main

import (
	"bytes"
	"strings"
	"testing"

	"companion/web/internal/gowasm"
	"companion/web/wasmsize/wasmfile"
)

func TestPackedProgramRunsTheSame(t *testing.T) {
	orig := gowasm.Build(t, "./testdata/prog")
	packed, st, err := Pack(orig, DefaultGap)
	if err != nil {
		t.Fatal(err)
	}
	if st.Before < 1000 || st.After > st.Before/100 {
		t.Fatalf("segments %d → %d: the linker's many small segments should become a few", st.Before, st.After)
	}

	was, err := wasmfile.DataSegments(orig)
	if err != nil {
		t.Fatal(err)
	}
	now, err := wasmfile.DataSegments(packed)
	if err != nil {
		t.Fatal(err)
	}
	if len(now) != st.After {
		t.Fatalf("%d segments written, %d counted", len(now), st.After)
	}
	if !bytes.Equal(wasmfile.Memory(orig, was), wasmfile.Memory(packed, now)) {
		t.Fatal("packed segments set memory differently")
	}
	for _, s := range now {
		b := packed[s.Pos : s.Pos+s.Size]
		if b[0] == 0 || b[len(b)-1] == 0 || bytes.Contains(b, make([]byte, DefaultGap)) {
			t.Fatalf("segment at %#x (%d bytes) starts or ends with zero, or holds a run of %d zeros", s.Addr, s.Size, DefaultGap)
		}
	}
	// Everything but the data section is untouched.
	a, b := sections(t, orig), sections(t, packed)
	if len(a) != len(b) {
		t.Fatalf("%d sections, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i][0] != 11 && !bytes.Equal(a[i], b[i]) {
			t.Fatalf("section %d (id %d) changed", i, a[i][0])
		}
	}

	before, errs, code := gowasm.Run(t, orig)
	if code != 0 || !strings.Contains(before, "digest ") || !strings.Contains(before, `Name:"Bleu"`) {
		t.Fatalf("the original program (exit %d) printed:\n%s%s", code, before, errs)
	}
	after, errs, code := gowasm.Run(t, packed)
	if code != 0 || after != before {
		t.Fatalf("the packed program (exit %d) printed\n%s%s\nwant\n%s", code, after, errs, before)
	}
}

func TestPackJoinsShortGaps(t *testing.T) {
	// "hi" at 16 and "abc" at 64: 46 zeros apart.
	b := []byte("\x00asm\x01\x00\x00\x00" +
		"\x0b\x11\x02" +
		"\x00\x41\x10\x0b\x02hi" +
		"\x00\x41\xc0\x00\x0b\x03abc")
	for _, c := range []struct{ gap, segs int }{{8, 2}, {46, 2}, {47, 1}, {1 << 20, 1}} {
		out, st, err := Pack(b, c.gap)
		if err != nil {
			t.Fatal(err)
		}
		segs, err := wasmfile.DataSegments(out)
		if err != nil {
			t.Fatal(err)
		}
		if st.Before != 2 || st.After != c.segs || len(segs) != c.segs || segs[0].Addr != 16 {
			t.Errorf("gap %d: %+v, segments %+v", c.gap, st, segs)
		}
		mem := wasmfile.Memory(out, segs)
		if len(mem) != 67 || string(mem[16:18]) != "hi" || string(mem[64:]) != "abc" || bytes.Count(mem, []byte{0}) != 62 {
			t.Errorf("gap %d: memory %q", c.gap, mem)
		}
	}
	if _, _, err := Pack(b, 0); err == nil {
		t.Error("a gap of 0 was taken")
	}
	if _, _, err := Pack([]byte("not wasm"), DefaultGap); err == nil {
		t.Error("not wasm, packed")
	}
}

// sections splits a binary into its sections' bytes, each from its id.
func sections(t *testing.T, b []byte) [][]byte {
	secs, err := wasmfile.Sections(b)
	if err != nil {
		t.Fatal(err)
	}
	out := make([][]byte, len(secs))
	for i, s := range secs {
		out[i] = b[s.Start:s.End]
	}
	return out
}
