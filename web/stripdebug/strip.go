package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"

	"companion/web/wasmsize/wasmfile"
)

// Options says which function names Strip keeps.
type Options struct {
	// KeepNames are prefixes of the function names to keep ("companion/",
	// "main."), or "all". Other names are dropped: a panic's traceback
	// then shows only the frames that kept theirs.
	KeepNames []string
}

// Stats says what Strip dropped.
type Stats struct {
	Funcs  int // functions whose line tables were unlinked
	Tables int // line tables zeroed (the linker shares identical ones)
	Names  int // function names dropped
	Zeroed int // bytes of the data section set to zero
}

// runtimeReadsNames are the functions whose names the runtime itself
// reads, to scan their frames for the garbage collector
// (runtime/stkframe.go): they are kept whatever Options says.
var runtimeReadsNames = []string{"reflect.makeFuncStub", "reflect.methodValueCall"}

func (o Options) keeps(name string) bool {
	if slices.Contains(runtimeReadsNames, name) {
		return true
	}
	for _, p := range o.KeepNames {
		if p == "" {
			continue
		}
		if p == "all" || strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// pcHeaderMagic starts the runtime's pclntab since Go 1.20 (the runtime's
// pcHeader: magic, two pad bytes, minLC 1 and ptrSize 8 on wasm). A newer
// layout comes with a new magic, so an unknown toolchain is refused rather
// than misread.
var pcHeaderMagic = []byte{0xf1, 0xff, 0xff, 0xff, 0, 0, 1, 8}

// Offsets in the runtime's _func record (runtime/runtime2.go).
const (
	funcNameOff   = 4
	funcPcsp      = 16
	funcPcfile    = 20
	funcPcln      = 24
	funcNpcdata   = 28
	funcCuOffset  = 32
	funcStartLine = 36
	funcSize      = 44
)

// Strip unlinks every function's file and line tables (the runtime then
// reports "?" and line 0, its own answer for a function without them)
// and zeroes the tables, the file names, the compilation units' file
// lists and each function's first line, which nothing else reads; and it
// drops the names opt does not keep (the runtime then reports an empty
// name). The stack tables (pcsp) and the tables the garbage collector
// and the unwinder read (pcdata) are kept byte for byte. It returns the
// new binary.
func Strip(wasm []byte, opt Options) ([]byte, Stats, error) {
	var st Stats
	segs, err := wasmfile.DataSegments(wasm)
	if err != nil {
		return nil, st, err
	}
	mem := wasmfile.Memory(wasm, segs)
	pc, err := findPCHeader(mem)
	if err != nil {
		return nil, st, err
	}

	// Tables that must stay: every pcsp and pcdata table, whatever else
	// shares its bytes.
	keep := map[uint32]bool{}
	lines := map[uint32]bool{}
	for _, f := range pc.funcs {
		keep[le32(mem, f+funcPcsp)] = true
		n := int(le32(mem, f+funcNpcdata))
		for i := range n {
			keep[le32(mem, f+funcSize+4*i)] = true
		}
		for _, field := range []int{funcPcfile, funcPcln} {
			if off := le32(mem, f+field); off != 0 {
				lines[off] = true
				put32(mem, f+field, 0)
			}
		}
		// Read only with a file table, to name a file and the line a
		// function starts at.
		put32(mem, f+funcCuOffset, 0)
		put32(mem, f+funcStartLine, 0)
		st.Funcs++
	}
	names, err := dropNames(mem, pc, opt)
	if err != nil {
		return nil, st, err
	}
	st.Names = names
	delete(keep, 0)

	kept := make([]bool, len(mem))
	for off := range keep {
		n, err := tableLen(mem, pc.pctab+int(off), pc.funcoff)
		if err != nil {
			return nil, st, err
		}
		for a := range n {
			kept[pc.pctab+int(off)+a] = true
		}
	}
	zero := func(s span) {
		for a := s.lo; a < s.hi; a++ {
			if !kept[a] {
				mem[a] = 0
			}
		}
	}
	for off := range lines {
		if keep[off] {
			continue
		}
		n, err := tableLen(mem, pc.pctab+int(off), pc.funcoff)
		if err != nil {
			return nil, st, err
		}
		zero(span{pc.pctab + int(off), pc.pctab + int(off) + n})
		st.Tables++
	}
	// The compilation units' file lists and the file names: only the
	// symbolizer reads them, after a line table.
	zero(span{pc.cutab, pc.pctab})

	out := writeBack(wasm, segs, mem)
	for i := range out {
		if out[i] != wasm[i] {
			st.Zeroed++
		}
	}
	return out, st, nil
}

// dropNames zeroes the function names opt does not keep and points the
// records that used them at offset 0, which the runtime reads as no name
// (runtime.funcName). Inlined calls that named a dropped function read
// its zeroed bytes: an empty name too.
func dropNames(mem []byte, pc *pclntab, opt Options) (int, error) {
	dropped := map[uint32]bool{}
	for a := pc.funcnames; a < pc.cutab; {
		n := bytes.IndexByte(mem[a:pc.cutab], 0)
		if n < 0 {
			return 0, fmt.Errorf("function name at %#x has no end", a)
		}
		if n > 0 && !opt.keeps(string(mem[a:a+n])) {
			dropped[uint32(a-pc.funcnames)] = true
			clear(mem[a : a+n])
		}
		a += n + 1
	}
	for _, f := range pc.funcs {
		if off := le32(mem, f+funcNameOff); dropped[off] {
			put32(mem, f+funcNameOff, 0)
		}
	}
	return len(dropped), nil
}

type span struct{ lo, hi int }

// writeBack copies memory into the segments of a copy of b. Strip only
// ever writes zeros, so bytes between segments need no segment of their own.
func writeBack(b []byte, segs []wasmfile.Segment, mem []byte) []byte {
	out := bytes.Clone(b)
	for _, s := range segs {
		copy(out[s.Pos:s.Pos+s.Size], mem[s.Addr:])
	}
	return out
}

// pclntab is where the runtime's tables sit in linear memory.
type pclntab struct {
	funcnames    int   // start of the function names
	cutab, pctab int   // start of the CU file lists (then file names) and of the pc tables
	funcoff      int   // start of the function records: the pc tables end there
	funcs        []int // address of every _func record
}

// findPCHeader finds the one pcHeader in memory and the function records
// its function table points at, checking what the runtime checks at start
// (entries in order, records inside the table).
func findPCHeader(mem []byte) (*pclntab, error) {
	var found []*pclntab
	for i := 0; ; {
		j := bytes.Index(mem[i:], pcHeaderMagic)
		if j < 0 {
			break
		}
		if pc, ok := readPCHeader(mem, i+j); ok {
			found = append(found, pc)
		}
		i += j + 1
	}
	switch len(found) {
	case 0:
		return nil, errors.New("no Go 1.20+ pclntab in the data section (not a Go wasm binary, or a toolchain whose table layout this does not know)")
	case 1:
		return found[0], nil
	}
	return nil, fmt.Errorf("%d places look like a pclntab: refusing to guess", len(found))
}

func readPCHeader(mem []byte, at int) (*pclntab, bool) {
	if at+72 > len(mem) {
		return nil, false
	}
	nfunc := int(le64(mem, at+8))
	off := func(i int) int { return at + int(le64(mem, at+32+8*i)) }
	names, cu, file, pct, pcln := off(0), off(1), off(2), off(3), off(4)
	if nfunc <= 0 || !(at < names && names <= cu && cu <= file && file <= pct && pct <= pcln && pcln+8*(nfunc+1) <= len(mem)) {
		return nil, false
	}
	pc := &pclntab{funcnames: names, cutab: cu, pctab: pct, funcoff: pcln}
	prev := uint32(0)
	for i := range nfunc {
		entry, foff := le32(mem, pcln+8*i), le32(mem, pcln+8*i+4)
		f := pcln + int(foff)
		if entry < prev || f+funcSize > len(mem) || le32(mem, f) != entry {
			return nil, false
		}
		prev = entry
		pc.funcs = append(pc.funcs, f)
	}
	return pc, true
}

// tableLen is the length of the pc-value table at a: pairs of varints
// (value delta, pc delta) after the first, ended by a zero value delta,
// as the runtime's step reads them.
func tableLen(mem []byte, a, end int) (int, error) {
	i := a
	varint := func() (uint32, error) {
		var v uint32
		for shift := 0; i < end; shift += 7 {
			b := mem[i]
			i++
			v |= uint32(b&0x7f) << shift
			if b < 0x80 {
				return v, nil
			}
		}
		return 0, fmt.Errorf("pc table at %#x runs past the tables", a)
	}
	for first := true; ; first = false {
		if i >= end {
			return 0, fmt.Errorf("pc table at %#x runs past the tables", a)
		}
		if mem[i] == 0 && !first {
			return i + 1 - a, nil
		}
		if _, err := varint(); err != nil {
			return 0, err
		}
		if _, err := varint(); err != nil {
			return 0, err
		}
	}
}

func le32(b []byte, at int) uint32     { return binary.LittleEndian.Uint32(b[at:]) }
func le64(b []byte, at int) uint64     { return binary.LittleEndian.Uint64(b[at:]) }
func put32(b []byte, at int, v uint32) { binary.LittleEndian.PutUint32(b[at:], v) }
