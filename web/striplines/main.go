// Command striplines drops the file and line tables from a Go WebAssembly
// binary, in place. Go keeps them for panics and runtime.Caller, which
// then say "?" and line 0 instead of a file and line; function names stay,
// so a panic still names its functions. Nothing else in the runtime reads
// them, and in the browser app they are about 100 KB of the brotli
// download on venue wifi (see the README's "What app.wasm is made of").
//
//	go run ./web/striplines web/build/app.wasm
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: striplines FILE.wasm")
		os.Exit(2)
	}
	if err := stripFile(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "striplines:", err)
		os.Exit(1)
	}
}

func stripFile(name string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	out, st, err := Strip(b)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := os.WriteFile(name, out, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: line tables of %d functions dropped (%d tables, %d bytes zeroed)\n", name, st.Funcs, st.Tables, st.Zeroed)
	return nil
}
