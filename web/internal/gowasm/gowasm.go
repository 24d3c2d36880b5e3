// Package gowasm builds Go programs for the browser (GOOS=js) and runs
// them under Node with Go's own loader, for the tests of the tools that
// rewrite app.wasm after the linker: a rewritten binary must run as the
// original did.
package gowasm

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Build builds the program in dir for the browser with the Makefile's
// -trimpath -s -w and returns its bytes.
func Build(t testing.TB, dir string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "prog.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, dir)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building %s: %v\n%s", dir, err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Run runs a js/wasm binary under Node and returns what it printed and
// its exit code. Without Node the test fails, saying how to install it.
func Run(t testing.TB, wasm []byte, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("this test runs a Go wasm binary under Node: install it with  sudo apt-get install -y nodejs  (make test's axe step installs npm, which brings it)")
	}
	name := filepath.Join(t.TempDir(), "prog.wasm")
	if err := os.WriteFile(name, wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	loader := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec_node.js")
	cmd := exec.Command(node, append([]string{loader, name}, args...)...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return o.String(), e.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), 0
}
