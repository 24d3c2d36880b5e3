// Package wasmfile reads the parts of a WebAssembly binary that say where
// its bytes go: the code section's function bodies, named by the custom
// "name" section, and the data section's segments, which it can also
// write anew.
package wasmfile

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/andybalholm/brotli"
)

// File is one binary, measured.
type File struct {
	Name                    string
	Size, Code, Data, Names int
	// Funcs are the defined functions, in index order.
	Funcs []Func
}

// Func is one function body.
type Func struct {
	Name string
	Body []byte
}

// Package is the functions of one Go package, summed.
type Package struct {
	Name   string
	Code   int // bytes of function bodies
	Brotli int // those bodies brotli-compressed on their own
	Funcs  int
}

// Read reads and measures the binary at path.
func Read(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f.Name = path
	return f, nil
}

// Parse measures a binary held in memory.
func Parse(b []byte) (*File, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a WebAssembly binary")
	}
	f := &File{Size: len(b)}
	r := &reader{b: b, p: 8}
	imported := 0
	var bodies [][]byte
	names := map[int]string{}
	for r.p < len(b) {
		id := r.byte()
		size := r.uleb()
		start := r.p
		end := start + size
		if r.err != nil || end > len(b) {
			return nil, errors.New("truncated section")
		}
		sec := &reader{b: b[:end], p: start}
		switch id {
		case 2: // imports: they take the first function indices
			n := sec.uleb()
			for i := 0; i < n && sec.err == nil; i++ {
				sec.name()
				sec.name()
				kind := sec.byte()
				switch kind {
				case 0:
					sec.uleb()
					imported++
				case 1:
					sec.byte()
					sec.limits()
				case 2:
					sec.limits()
				case 3:
					sec.byte()
					sec.byte()
				}
			}
		case 10:
			f.Code = size
			n := sec.uleb()
			for i := 0; i < n && sec.err == nil; i++ {
				l := sec.uleb()
				if sec.p+l > end {
					return nil, errors.New("truncated function body")
				}
				bodies = append(bodies, b[sec.p:sec.p+l])
				sec.p += l
			}
		case 11:
			f.Data = size
		case 0:
			if sec.name() == "name" {
				f.Names = size
				for sec.p < end && sec.err == nil {
					sub := sec.byte()
					l := sec.uleb()
					if sub != 1 {
						sec.p += l
						continue
					}
					n := sec.uleb()
					for i := 0; i < n && sec.err == nil; i++ {
						idx := sec.uleb()
						names[idx] = sec.name()
					}
				}
			}
		}
		if sec.err != nil {
			return nil, fmt.Errorf("section %d: %w", id, sec.err)
		}
		r.p = end
	}
	if len(names) == 0 {
		return nil, errors.New("no name section: build without -ldflags=-s")
	}
	for i, body := range bodies {
		f.Funcs = append(f.Funcs, Func{Name: names[imported+i], Body: body})
	}
	return f, nil
}

// Segment is one active data segment: where its bytes land in linear
// memory (Addr) and where they sit in the file (Pos, Size).
type Segment struct{ Addr, Pos, Size int }

// DataSegments lists the data section's segments. The Go linker writes
// active segments for memory 0 at an i32.const offset; anything else is
// refused, as is a binary that is not WebAssembly version 1.
func DataSegments(b []byte) ([]Segment, error) {
	secs, err := Sections(b)
	if err != nil {
		return nil, err
	}
	for _, s := range secs {
		if s.ID != 11 {
			continue
		}
		end := s.End
		sec := &reader{b: b[:end], p: s.Body}
		n := sec.uleb()
		segs := make([]Segment, 0, n)
		for i := 0; i < n && sec.err == nil; i++ {
			at := sec.p
			if sec.uleb() != 0 || sec.byte() != 0x41 { // active, memory 0, i32.const
				return nil, fmt.Errorf("data segment at %#x is not an active segment with a constant offset", at)
			}
			addr := sec.sleb()
			if sec.byte() != 0x0b { // end
				return nil, fmt.Errorf("data segment at %#x: offset is not a lone i32.const", at)
			}
			size := sec.uleb()
			if sec.err != nil || addr < 0 || sec.p+size > end {
				return nil, fmt.Errorf("data segment at %#x runs past the section", at)
			}
			segs = append(segs, Segment{Addr: addr, Pos: sec.p, Size: size})
			sec.p += size
		}
		if sec.err != nil {
			return nil, fmt.Errorf("data section: %w", sec.err)
		}
		return segs, nil
	}
	return nil, errors.New("no data section")
}

// Section is one section of a binary: its id, where it starts (its id
// byte), where its contents start and where it ends.
type Section struct{ ID, Start, Body, End int }

// Sections lists a binary's sections in order, refusing one that is not
// WebAssembly version 1 or whose sections run past its end.
func Sections(b []byte) ([]Section, error) {
	if len(b) < 8 || string(b[:8]) != "\x00asm\x01\x00\x00\x00" {
		return nil, errors.New("not a WebAssembly binary (version 1)")
	}
	var secs []Section
	r := &reader{b: b, p: 8}
	for r.p < len(b) {
		at := r.p
		id := int(r.byte())
		size := r.uleb()
		end := r.p + size
		if r.err != nil || end > len(b) {
			return nil, fmt.Errorf("section %d at %#x runs past the end", id, at)
		}
		secs = append(secs, Section{ID: id, Start: at, Body: r.p, End: end})
		r.p = end
	}
	return secs, nil
}

// Memory is linear memory as segs initialise it, up to the end of the
// last segment: zero between segments, later segments over earlier ones,
// as instantiation writes them.
func Memory(b []byte, segs []Segment) []byte {
	top := 0
	for _, s := range segs {
		top = max(top, s.Addr+s.Size)
	}
	mem := make([]byte, top)
	for _, s := range segs {
		copy(mem[s.Addr:], b[s.Pos:s.Pos+s.Size])
	}
	return mem
}

// Chunk is the content of one data segment to write: Bytes land in
// linear memory at Addr.
type Chunk struct {
	Addr  int
	Bytes []byte
}

// ReplaceData returns a copy of b whose data section holds chunks, in
// order, as active segments of memory 0 at constant offsets (the form
// the Go linker writes and DataSegments reads); every other section is
// kept as it is.
func ReplaceData(b []byte, chunks []Chunk) ([]byte, error) {
	if _, err := DataSegments(b); err != nil {
		return nil, err
	}
	var sec []byte
	sec = appendULEB(sec, uint64(len(chunks)))
	for _, c := range chunks {
		// The offset is a signed i32: one at 2^31 or above would be read
		// back as negative (DataSegments refuses those).
		if c.Addr < 0 || c.Addr+len(c.Bytes) > math.MaxInt32 {
			return nil, fmt.Errorf("data segment at %d of %d bytes lies above 2 GB", c.Addr, len(c.Bytes))
		}
		sec = append(sec, 0, 0x41) // active, memory 0; i32.const
		sec = appendSLEB(sec, int64(c.Addr))
		sec = append(sec, 0x0b) // end
		sec = appendULEB(sec, uint64(len(c.Bytes)))
		sec = append(sec, c.Bytes...)
	}
	secs, _ := Sections(b) // read whole by DataSegments above
	i := slices.IndexFunc(secs, func(s Section) bool { return s.ID == 11 })
	data := secs[i]
	out := make([]byte, 0, len(b)-(data.End-data.Start)+len(sec)+11)
	out = append(out, b[:data.Start]...)
	out = append(out, 11)
	out = appendULEB(out, uint64(len(sec)))
	out = append(out, sec...)
	return append(out, b[data.End:]...), nil
}

func appendULEB(b []byte, v uint64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// appendSLEB writes v in signed LEB128: the last byte's bit 6 is the sign.
func appendSLEB(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// Packages sums the functions by Go package, largest first.
func (f *File) Packages() []Package {
	by := map[string]*Package{}
	bodies := map[string]*bytes.Buffer{}
	for _, fn := range f.Funcs {
		name := PackageOf(fn.Name)
		p := by[name]
		if p == nil {
			p = &Package{Name: name}
			by[name] = p
			bodies[name] = new(bytes.Buffer)
		}
		p.Code += len(fn.Body)
		p.Funcs++
		bodies[name].Write(fn.Body)
	}
	out := make([]Package, 0, len(by))
	for name, p := range by {
		p.Brotli = brotliSize(bodies[name].Bytes())
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Code != out[j].Code {
			return out[i].Code > out[j].Code
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// PackageOf is the Go package of a function's symbol name as the Go
// linker writes it in a wasm name section, where "/", "-" and "(*T)" are
// mangled to "_" and "__T_": the name up to the first dot that is not part
// of a module's domain ("github.com_tidwall_gjson.Get" is
// "github.com_tidwall_gjson"). Compiler-made symbols ("type_.eq.…") are
// grouped under their prefix.
func PackageOf(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	if strings.HasPrefix(sym, "type_.") || strings.HasPrefix(sym, "go_.") {
		return sym[:strings.IndexByte(sym, '.')]
	}
	s := sym
	skip := 0
	if i := strings.IndexByte(s, '.'); i > 0 && !strings.Contains(s[:i], "_") {
		if j := strings.IndexByte(s[i+1:], '_'); j > 0 && j <= 3 && strings.Trim(s[i+1:i+1+j], "abcdefghijklmnopqrstuvwxyz") == "" {
			skip = i + 1 // a domain: github.com_…, rsc.io_…
		}
	}
	if dot := strings.IndexByte(s[skip:], '.'); dot >= 0 {
		return s[:skip+dot]
	}
	return s
}

func brotliSize(b []byte) int {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, 9)
	w.Write(b)
	w.Close()
	return buf.Len()
}

type reader struct {
	b   []byte
	p   int
	err error
}

func (r *reader) byte() byte {
	if r.p >= len(r.b) {
		r.err = errors.New("unexpected end")
		return 0
	}
	c := r.b[r.p]
	r.p++
	return c
}

func (r *reader) uleb() int { return r.leb(false) }

// sleb reads a signed LEB128 number (an i32.const's operand).
func (r *reader) sleb() int { return r.leb(true) }

// leb reads a LEB128 number, sign-extended if signed.
func (r *reader) leb(signed bool) int {
	var n, shift int
	for {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		n |= int(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if signed && c&0x40 != 0 {
				n |= -1 << shift
			}
			return n
		}
		if shift > 63 {
			r.err = errors.New("bad LEB128")
			return 0
		}
	}
}

func (r *reader) name() string {
	l := r.uleb()
	if r.err != nil || r.p+l > len(r.b) {
		r.err = errors.New("bad name")
		return ""
	}
	s := string(r.b[r.p : r.p+l])
	r.p += l
	return s
}

func (r *reader) limits() {
	if r.byte()&1 == 1 {
		r.uleb()
	}
	r.uleb()
}
