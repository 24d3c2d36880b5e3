package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"companion/app/catalog"
	"companion/cmd/companion/server"
	"companion/web"
)

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: companion export [flags] DIR\n\nWrites the site as static files into DIR (created if needed); DIR/HOSTING.md says how to host them. Flags:")
		fs.PrintDefaults()
	}
	baseURL := fs.String("base-url", os.Getenv("BASE_URL"), "the site's public address (default $BASE_URL): link previews and canonical links need it")
	var conferences fileList
	fs.Var(&conferences, "conference", "a schedule.json to export beside the app's conferences (repeatable; `companion import` converts other formats)")
	only := fs.String("only", "", "the conferences the site shows, by acronym, comma-separated, the first the default (default: all)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	dir := fs.Arg(0)
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "companion: %s is not empty: export into a new or empty directory\n", dir)
		return 1
	}
	extra, ok := loadConferences("export", conferences, stderr)
	if !ok {
		return 1
	}
	n, err := server.Export(server.Assets{Static: web.Static(), Build: web.Build(), Worker: web.WorkerTemplate, BaseURL: *baseURL, Served: extra, Only: catalog.OnlyList(*only), Warnings: stderr}, dir)
	if err != nil {
		fmt.Fprintln(stderr, "companion:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Wrote %d files to %s (see %s/HOSTING.md)\n", n, dir, dir)
	return 0
}
