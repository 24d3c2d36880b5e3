// A program for packdata's test. It reads data the linker spreads over
// many segments (type descriptors through reflect and fmt, the Unicode
// tables, names of months, a map literal, the runtime's own tables when
// it grows stacks and collects) and prints it and its digest, so a
// binary whose memory started a byte different would print otherwise.
package main

import (
	"crypto/sha256"
	"fmt"
	"runtime"
	"strings"
	"time"
	"unicode"
)

type room struct {
	Name  string
	Seats int
	Tags  []string
	Next  *room
}

var rooms = map[string]room{
	"Bleu":  {Name: "Bleu", Seats: 400, Tags: []string{"keynote", "cloud"}},
	"Blanc": {Name: "Blanc", Seats: 200, Tags: []string{"security"}},
	"Rouge": {Name: "Rouge", Seats: 150},
}

func deep(n int) int {
	if n == 0 {
		runtime.GC()
		return 0
	}
	var pad [16]int
	pad[n%16] = n
	return deep(n-1) + pad[n%16]
}

func main() {
	h := sha256.New()
	for _, name := range []string{"Blanc", "Bleu", "Rouge"} {
		fmt.Fprintf(h, "%#v\n", rooms[name])
	}
	upper := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	for m := time.January; m <= time.December; m++ {
		fmt.Fprint(h, m.String(), time.Weekday(int(m)%7).String())
	}
	fmt.Fprint(h, strings.ToUpper("centre pompidou, ÉTÉ, straße"))
	fmt.Printf("%#v\n", rooms["Bleu"])
	fmt.Println("upper", upper, "deep", deep(3000))
	fmt.Printf("digest %x\n", h.Sum(nil))
}
