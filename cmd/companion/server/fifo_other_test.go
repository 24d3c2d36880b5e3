//go:build !unix

package server_test

import "errors"

// mkfifo: named pipes are a Unix file type; the limits test fails where
// it cannot make one rather than pass without checking it.
func mkfifo(path string) error {
	return errors.New("cannot make a FIFO on this system: " + path)
}
