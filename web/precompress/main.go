// Command precompress writes the brotli (.br) and gzip (.gz) variants of
// the files it is given, for the server to send precompressed: the
// browser app is downloaded on venue wifi, and brotli makes it about five
// times smaller. Pure Go, so no system tool is needed.
//
//	go run ./web/precompress web/build/app.wasm
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/andybalholm/brotli"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: precompress FILE...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := compress(name); err != nil {
			fmt.Fprintln(os.Stderr, "precompress:", err)
			os.Exit(1)
		}
	}
}

func compress(name string) error {
	raw, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var br bytes.Buffer
	// The largest window the format allows (16 MB, every browser decodes
	// it): the whole app.wasm fits in it, so code repeated far apart is
	// still matched. With the default 4 MB window the size moved by tens of
	// kilobytes with the binary's layout alone (one small change: 1,836,075
	// → 1,874,692 bytes; with this window 1,839,918 → 1,842,337).
	bw := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	if _, err := bw.Write(raw); err != nil {
		return err
	}
	if err := bw.Close(); err != nil {
		return err
	}
	var gz bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if _, err := gw.Write(raw); err != nil {
		return err
	}
	if err := gw.Close(); err != nil {
		return err
	}
	// The server sends a variant only when this sum matches the file it
	// has, so a stale .br can never stand in for a newer app.
	sum := sha256.Sum256(raw)
	if err := os.WriteFile(name+".sha256", []byte(hex.EncodeToString(sum[:])+"\n"), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(name+".br", br.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(name+".gz", gz.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes, brotli %d, gzip %d\n", name, len(raw), br.Len(), gz.Len())
	return nil
}
