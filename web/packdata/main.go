// Command packdata rewrites, in place, the data section of a Go
// WebAssembly binary as a few large segments. The Go linker cuts its data
// into a new segment at every run of eight zero bytes or more, up to
// 100,000 segments: the fewest raw bytes, but every segment starts with
// its address and length, a few bytes compression cannot predict, while
// zeros kept inside a segment compress to almost nothing. For the app
// that is 118 KB of the brotli download on venue wifi (and 176 KB of the
// gzip one), for 630 KB more raw bytes (see the README's "What app.wasm
// is made of").
//
//	go run ./web/packdata web/build/app.wasm
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	gap := flag.Int("gap", DefaultGap, "cut segments only at runs of at least this many zero bytes")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: packdata [-gap BYTES] FILE.wasm")
		os.Exit(2)
	}
	if err := packFile(flag.Arg(0), *gap); err != nil {
		fmt.Fprintln(os.Stderr, "packdata:", err)
		os.Exit(1)
	}
}

func packFile(name string, gap int) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	out, st, err := Pack(b, gap)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := os.WriteFile(name, out, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d data segments → %d, %d → %d bytes\n", name, st.Before, st.After, len(b), len(out))
	return nil
}
