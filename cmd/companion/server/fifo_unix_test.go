//go:build unix

package server_test

import "syscall"

// mkfifo makes a named pipe, which the live schedules directory must not
// read (a read would block).
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }
