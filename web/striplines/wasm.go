package main

import (
	"bytes"
	"errors"
	"fmt"
)

// segment is one active data segment: where its bytes land in linear
// memory and where they sit in the file.
type segment struct{ addr, pos, size int }

const dataSection = 11

// dataSegments lists the data section's segments. The Go linker writes
// active segments for memory 0 with an i32.const offset; anything else is
// refused.
func dataSegments(b []byte) ([]segment, error) {
	if len(b) < 8 || !bytes.Equal(b[:8], []byte("\x00asm\x01\x00\x00\x00")) {
		return nil, errors.New("not a WebAssembly binary (version 1)")
	}
	for i := 8; i < len(b); {
		id := b[i]
		size, n, err := uleb(b, i+1)
		if err != nil {
			return nil, err
		}
		body := i + 1 + n
		if body+size > len(b) {
			return nil, fmt.Errorf("section %d at %#x runs past the end", id, i)
		}
		if id == dataSection {
			return readSegments(b[:body+size], body)
		}
		i = body + size
	}
	return nil, errors.New("no data section")
}

func readSegments(b []byte, i int) ([]segment, error) {
	count, n, err := uleb(b, i)
	if err != nil {
		return nil, err
	}
	i += n
	segs := make([]segment, 0, count)
	for range count {
		at := i
		flags, n, err := uleb(b, i)
		if err != nil {
			return nil, err
		}
		i += n
		if flags != 0 || i >= len(b) || b[i] != 0x41 { // active, memory 0, i32.const
			return nil, fmt.Errorf("data segment at %#x is not an active segment with a constant offset", at)
		}
		addr, n, err := sleb(b, i+1)
		if err != nil {
			return nil, err
		}
		i += 1 + n
		if i >= len(b) || b[i] != 0x0b { // end
			return nil, fmt.Errorf("data segment at %#x: offset is not a lone i32.const", at)
		}
		size, n, err := uleb(b, i+1)
		if err != nil {
			return nil, err
		}
		i += 1 + n
		if addr < 0 || i+size > len(b) {
			return nil, fmt.Errorf("data segment at %#x runs past the section", at)
		}
		segs = append(segs, segment{addr: addr, pos: i, size: size})
		i += size
	}
	return segs, nil
}

// image is linear memory as the segments initialise it (zero between them).
func image(b []byte, segs []segment) []byte {
	top := 0
	for _, s := range segs {
		top = max(top, s.addr+s.size)
	}
	mem := make([]byte, top)
	for _, s := range segs {
		copy(mem[s.addr:], b[s.pos:s.pos+s.size])
	}
	return mem
}

// writeBack copies memory into the segments of a copy of b. Strip only
// ever writes zeros, so bytes between segments need no segment of their own.
func writeBack(b []byte, segs []segment, mem []byte) []byte {
	out := bytes.Clone(b)
	for _, s := range segs {
		copy(out[s.pos:s.pos+s.size], mem[s.addr:])
	}
	return out
}

func uleb(b []byte, i int) (v, n int, err error) {
	for shift := 0; shift < 35; shift += 7 {
		if i+n >= len(b) {
			break
		}
		c := b[i+n]
		n++
		v |= int(c&0x7f) << shift
		if c < 0x80 {
			return v, n, nil
		}
	}
	return 0, 0, fmt.Errorf("bad LEB128 number at %#x", i)
}

func sleb(b []byte, i int) (v, n int, err error) {
	shift := 0
	for shift < 35 {
		if i+n >= len(b) {
			break
		}
		c := b[i+n]
		n++
		v |= int(c&0x7f) << shift
		shift += 7
		if c < 0x80 {
			if c&0x40 != 0 {
				v |= -1 << shift
			}
			return v, n, nil
		}
	}
	return 0, 0, fmt.Errorf("bad LEB128 number at %#x", i)
}
