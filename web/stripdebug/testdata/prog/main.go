// A program for stripdebug's test: it exercises what the kept tables are
// for (stack growth reads pcsp, the collector's stack scan reads pcdata,
// a recovered panic unwinds, a reflect.MakeFunc frame is scanned by the
// names the runtime knows it by) and prints what runtime.Caller says,
// which is the one thing the strip changes. With the argument "panic" it
// panics, for the traceback.
package main

import (
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
)

type node struct {
	next *node
	val  [8]int
}

// deep recurses with pointers live on every frame, so the stack is grown
// (copied, pointers adjusted) and scanned by the collector many times.
func deep(n int, keep *node) int {
	if n == 0 {
		runtime.GC()
		s := 0
		for p := keep; p != nil; p = p.next {
			s += p.val[0]
		}
		return s
	}
	return deep(n-1, &node{next: keep, val: [8]int{1}})
}

func recovered() (msg string) {
	defer func() { msg = fmt.Sprint(recover()) }()
	var m map[string]int
	m["x"] = 1
	return ""
}

// viaMakeFunc calls deep through a reflect.MakeFunc stub with pointers in
// its arguments, so the collector scans the stub's frame (whose argument
// map the runtime finds by the stub's function name) while it is live.
func viaMakeFunc() int {
	var f func(*node, *node) int
	impl := func(args []reflect.Value) []reflect.Value {
		a, b := args[0].Interface().(*node), args[1].Interface().(*node)
		return []reflect.Value{reflect.ValueOf(deep(500, a) + deep(500, b))}
	}
	reflect.ValueOf(&f).Elem().Set(reflect.MakeFunc(reflect.TypeOf(f), impl))
	sum := 0
	for i := range 20 {
		sum += f(&node{val: [8]int{i}}, &node{val: [8]int{2 * i}})
	}
	return sum
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "panic" {
		panic("boom")
	}
	done := make(chan int)
	for range 4 {
		go func() { done <- deep(2000, nil) }()
	}
	sum := 0
	for range 4 {
		sum += <-done
	}
	fmt.Println("sum", sum)
	fmt.Println("recovered", recovered())
	fmt.Println("makefunc", viaMakeFunc())
	pc, file, line, ok := runtime.Caller(0)
	name := runtime.FuncForPC(pc).Name()
	fmt.Println("caller", ok, file[strings.LastIndex(file, "/")+1:], line, name)
	var b strings.Builder
	for i := range 100000 {
		fmt.Fprint(&b, i)
	}
	fmt.Println("built", b.Len())
}
