package main

import (
	"strings"
	"testing"
	"time"
)

func TestLoopbackOnly(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:8080/", "http://127.5.6.7/x", "http://[::1]:80/"} {
		if err := loopbackOnly(u); err != nil {
			t.Errorf("%s refused: %v", u, err)
		}
	}
	for _, u := range []string{"http://10.0.0.1/", "http://192.168.1.1/", "http://example.org/", "http://localhost.example.org/", "https://127.0.0.1/", "http://0.0.0.0/"} {
		if err := loopbackOnly(u); err == nil {
			t.Errorf("%s accepted", u)
		}
	}
	if _, err := loopbackDialer(t.Context(), "tcp", "10.1.2.3:80"); err == nil || !strings.Contains(err.Error(), "not a loopback") {
		t.Errorf("dialing a private address: %v", err)
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 200; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	if p := percentile(d, 50); p != 100*time.Millisecond {
		t.Errorf("p50 %v", p)
	}
	if p := percentile(d, 99); p != 198*time.Millisecond {
		t.Errorf("p99 %v", p)
	}
	if p := percentile(d[:1], 99); p != time.Millisecond {
		t.Errorf("p99 of one %v", p)
	}
}

func TestParseStatus(t *testing.T) {
	m, err := parseStatus("Name:\tcompanion\nVmHWM:\t  81234 kB\nVmRSS:\t   70000 kB\nThreads:\t9\n")
	if err != nil || m.hwm != 81234<<10 || m.rss != 70000<<10 {
		t.Errorf("%+v, %v", m, err)
	}
	if _, err := parseStatus("Name:\tx\n"); err == nil {
		t.Error("a status without memory lines was accepted")
	}
}
