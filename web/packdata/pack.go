package main

import (
	"errors"

	"companion/web/wasmsize/wasmfile"
)

// DefaultGap is the shortest run of zeros worth a segment of its own
// once the binary is compressed. Measured on app.wasm (brotli, quality
// 11): the linker's 8 gives 1,664 KB, 256 gives 1,555 KB, 1,024 to
// 8,192 give 1,545–1,547 KB, and one segment for everything 1,552 KB
// (its long zero runs then cost more than a few headers would).
const DefaultGap = 1024

// Stats counts the data segments before and after.
type Stats struct{ Before, After int }

// Pack returns a copy of wasm whose data section sets linear memory
// exactly as before, in segments cut only at runs of at least gap zero
// bytes; no segment starts or ends with a zero.
func Pack(wasm []byte, gap int) ([]byte, Stats, error) {
	var st Stats
	if gap < 1 {
		return nil, st, errors.New("the gap must be at least one byte")
	}
	segs, err := wasmfile.DataSegments(wasm)
	if err != nil {
		return nil, st, err
	}
	st.Before = len(segs)
	chunks := cut(wasmfile.Memory(wasm, segs), gap)
	st.After = len(chunks)
	out, err := wasmfile.ReplaceData(wasm, chunks)
	return out, st, err
}

// cut splits mem into its non-zero stretches, joining two when fewer than
// gap zeros lie between them.
func cut(mem []byte, gap int) []wasmfile.Chunk {
	var chunks []wasmfile.Chunk
	i := 0
	for {
		for i < len(mem) && mem[i] == 0 {
			i++
		}
		if i == len(mem) {
			return chunks
		}
		start, end := i, i
		for {
			for end < len(mem) && mem[end] != 0 {
				end++
			}
			zeros := end
			for zeros < len(mem) && mem[zeros] == 0 {
				zeros++
			}
			if zeros-end >= gap || zeros == len(mem) {
				break
			}
			end = zeros
		}
		chunks = append(chunks, wasmfile.Chunk{Addr: start, Bytes: mem[start:end]})
		i = end
	}
}
