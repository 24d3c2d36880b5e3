package wasmfile

import (
	"bytes"
	"testing"
)

func TestPackageOf(t *testing.T) {
	for sym, want := range map[string]string{
		"runtime.mallocgc":                                    "runtime",
		"companion_app_ui.__schedulePage_.Render":             "companion_app_ui",
		"github.com_tidwall_gjson.Get":                        "github.com_tidwall_gjson",
		"github.com_maxence_charriere_go_app_v10_pkg_app.Div": "github.com_maxence_charriere_go_app_v10_pkg_app",
		"rsc.io_qr_coding.__Bits_.Bits":                       "rsc.io_qr_coding",
		"slices.pdqsortCmpFunc_go.shape.struct_":              "slices",
		"type_.eq.companion_app_markdown.token":               "type_",
		"net_url.__URL_.String":                               "net_url",
		"":                                                    "(unnamed)",
		"main.main":                                           "main",
	} {
		if got := PackageOf(sym); got != want {
			t.Errorf("PackageOf(%q) = %q, want %q", sym, got, want)
		}
	}
}

// A hand-made binary: one imported function, two defined ones named by
// the name section.
func TestParse(t *testing.T) {
	name := func(s string) []byte { return append([]byte{byte(len(s))}, s...) }
	section := func(id byte, body []byte) []byte { return append([]byte{id, byte(len(body))}, body...) }
	imports := append([]byte{1}, name("go")...)
	imports = append(imports, name("debug")...)
	imports = append(imports, 0, 0) // a function of type 0
	code := []byte{2, 3, 0, 0x01, 0x0b, 2, 0, 0x0b}
	names := []byte{2, 1}
	names = append(names, name("pkg_a.f")...)
	names = append(names, 2)
	names = append(names, name("pkg_b.g")...)
	sub := append([]byte{1, byte(len(names))}, names...)
	custom := append(name("name"), sub...)
	b := []byte("\x00asm\x01\x00\x00\x00")
	b = append(b, section(2, imports)...)
	b = append(b, section(10, code)...)
	b = append(b, section(0, custom)...)
	f, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Funcs) != 2 || f.Funcs[0].Name != "pkg_a.f" || len(f.Funcs[0].Body) != 3 || f.Funcs[1].Name != "pkg_b.g" || len(f.Funcs[1].Body) != 2 {
		t.Fatalf("functions %+v", f.Funcs)
	}
	pkgs := f.Packages()
	if len(pkgs) != 2 || pkgs[0].Name != "pkg_a" || pkgs[0].Code != 3 || pkgs[1].Name != "pkg_b" || pkgs[1].Code != 2 {
		t.Errorf("packages %+v", pkgs)
	}
	if _, err := Parse([]byte("\x00asm\x01\x00\x00\x00")); err == nil {
		t.Error("a binary without a name section was read")
	}
	if _, err := Parse([]byte("hello")); err == nil {
		t.Error("not a wasm, read")
	}
}

func TestDataSegments(t *testing.T) {
	// A type section to skip, then two active segments: "hi" at 16 and
	// "abc" at 64, whose signed LEB128 takes two bytes (0xc0 0x00: one
	// byte, 0x40, would be -64).
	b := []byte("\x00asm\x01\x00\x00\x00" +
		"\x01\x01\x00" +
		"\x0b\x11\x02" +
		"\x00\x41\x10\x0b\x02hi" +
		"\x00\x41\xc0\x00\x0b\x03abc")
	segs, err := DataSegments(b)
	if err != nil {
		t.Fatal(err)
	}
	want := []Segment{{Addr: 16, Pos: 19, Size: 2}, {Addr: 64, Pos: 27, Size: 3}}
	if len(segs) != 2 || segs[0] != want[0] || segs[1] != want[1] {
		t.Fatalf("got %+v, want %+v", segs, want)
	}
	if got := string(b[segs[1].Pos : segs[1].Pos+segs[1].Size]); got != "abc" {
		t.Fatalf("second segment's bytes: %q", got)
	}
}

func TestMemoryAndReplaceData(t *testing.T) {
	b := []byte("\x00asm\x01\x00\x00\x00" +
		"\x01\x01\x00" +
		"\x0b\x11\x02" +
		"\x00\x41\x10\x0b\x02hi" +
		"\x00\x41\xc0\x00\x0b\x03abc" +
		"\x00\x03\x01z!") // a custom section after the data
	segs, err := DataSegments(b)
	if err != nil {
		t.Fatal(err)
	}
	mem := Memory(b, segs)
	if len(mem) != 67 || string(mem[16:18]) != "hi" || string(mem[64:]) != "abc" || bytes.Count(mem, []byte{0}) != 62 {
		t.Fatalf("memory: %q", mem)
	}

	// One segment over both, the zeros between them included.
	out, err := ReplaceData(b, []Chunk{{16, mem[16:]}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, b[:11]) || !bytes.HasSuffix(out, []byte("\x00\x03\x01z!")) {
		t.Fatalf("the other sections changed: %q", out)
	}
	got, err := DataSegments(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Addr != 16 || got[0].Size != 51 || !bytes.Equal(Memory(out, got), mem) {
		t.Fatalf("segments written: %+v in %q", got, out)
	}

	// An offset DataSegments would read as negative is refused.
	if _, err := ReplaceData(b, []Chunk{{1 << 31, []byte("x")}}); err == nil {
		t.Error("a segment at 2^31 was written")
	}
	if _, err := ReplaceData([]byte("\x00asm\x01\x00\x00\x00"), nil); err == nil {
		t.Error("a binary without a data section was given one")
	}
}
