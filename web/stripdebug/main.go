// Command stripdebug drops from a Go WebAssembly binary, in place, what
// the runtime keeps only to print: the file and line tables (a panic or
// runtime.Caller then says "?" and line 0) and the names of the functions
// outside the prefixes given (their frames then drop out of a panic's
// traceback). Nothing else in the runtime reads them, and in the browser
// app they are 179 KB of the brotli download on venue wifi (see the
// README's "What app.wasm is made of").
//
//	go run ./web/stripdebug -keep-names companion/,main. web/build/app.wasm
//	go run ./web/stripdebug -keep-names all web/build/app.wasm
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	keep := flag.String("keep-names", "all", `comma-separated prefixes of the function names to keep, or "all"`)
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: stripdebug [-keep-names PREFIX,...] FILE.wasm")
		os.Exit(2)
	}
	opt := Options{KeepNames: strings.Split(*keep, ",")}
	if err := stripFile(flag.Arg(0), opt); err != nil {
		fmt.Fprintln(os.Stderr, "stripdebug:", err)
		os.Exit(1)
	}
}

func stripFile(name string, opt Options) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	out, st, err := Strip(b, opt)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := os.WriteFile(name, out, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: line tables of %d functions dropped (%d tables), %d names dropped, %d bytes zeroed\n", name, st.Funcs, st.Tables, st.Names, st.Zeroed)
	return nil
}
