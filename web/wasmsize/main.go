// Command wasmsize says what a Go WebAssembly binary is made of: it reads
// the binary's name section and code section (go tool nm does not read
// wasm) and sums function body sizes by Go package, with an estimate of
// each package's brotli share (its bodies compressed on their own). Given a
// second binary (a bare go-app client built the same way) it prints the
// difference per package, largest first.
//
//	go run ./web/wasmsize web/build/app.wasm
//	go run ./web/wasmsize -base /tmp/bare.wasm web/build/app.wasm
//
// The binary must keep its name section: build it without -ldflags=-s.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"

	"companion/web/wasmsize/wasmfile"
)

func main() {
	base := flag.String("base", "", "a second wasm to compare with (e.g. a bare go-app client)")
	top := flag.Int("n", 40, "packages to list")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-base BARE.wasm] [-n N] APP.wasm")
		os.Exit(2)
	}
	app, err := wasmfile.Read(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
	if *base == "" {
		print1(app, *top)
		return
	}
	bare, err := wasmfile.Read(*base)
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
	print2(app, bare, *top)
}

func print1(f *wasmfile.File, top int) {
	fmt.Printf("%s: %d bytes; code %d, data %d, names %d, other %d\n", f.Name, f.Size, f.Code, f.Data, f.Names, f.Size-f.Code-f.Data-f.Names)
	pkgs := f.Packages()
	fmt.Printf("%-60s %10s %10s %6s\n", "package", "code", "~brotli", "funcs")
	for i, p := range pkgs {
		if i == top {
			break
		}
		fmt.Printf("%-60s %10d %10d %6d\n", p.Name, p.Code, p.Brotli, p.Funcs)
	}
}

func print2(app, bare *wasmfile.File, top int) {
	fmt.Printf("%-24s %10s %10s %10s %10s\n", "", "raw", "code", "data", "names")
	fmt.Printf("%-24s %10d %10d %10d %10d\n", "app "+app.Name, app.Size, app.Code, app.Data, app.Names)
	fmt.Printf("%-24s %10d %10d %10d %10d\n", "base "+bare.Name, bare.Size, bare.Code, bare.Data, bare.Names)
	type row struct {
		name                 string
		code, dcode, br, dbr int
		funcs                int
	}
	bp := map[string]wasmfile.Package{}
	for _, p := range bare.Packages() {
		bp[p.Name] = p
	}
	seen := map[string]bool{}
	var rows []row
	for _, p := range app.Packages() {
		b := bp[p.Name]
		seen[p.Name] = true
		rows = append(rows, row{p.Name, p.Code, p.Code - b.Code, p.Brotli, p.Brotli - b.Brotli, p.Funcs})
	}
	for name, b := range bp {
		if !seen[name] {
			rows = append(rows, row{name, 0, -b.Code, 0, -b.Brotli, 0})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return abs(rows[i].dbr) > abs(rows[j].dbr) })
	fmt.Printf("\n%-56s %10s %10s %10s %10s\n", "package (app minus base)", "code", "+code", "~brotli", "+brotli")
	var sc, sb int
	for i, r := range rows {
		sc += r.dcode
		sb += r.dbr
		if i < top && r.dcode != 0 {
			fmt.Printf("%-56s %10d %+10d %10d %+10d\n", r.name, r.code, r.dcode, r.br, r.dbr)
		}
	}
	fmt.Printf("%-56s %10s %+10d %10s %+10d\n", "all packages", "", sc, "", sb)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
