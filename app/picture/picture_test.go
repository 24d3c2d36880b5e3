package picture

import (
	"fmt"
	"hash/fnv"
	"testing"
)

// Key is FNV-1a 64, as hash/fnv computes it, in 16 hex digits; Path
// escapes the acronym and names no picture for no avatar.
func TestKeyAndPath(t *testing.T) {
	for _, s := range []string{"", "a", "https://pretalx.example/media/avatars/ada.png", "https://x.example/é?q=1#f"} {
		h := fnv.New64a()
		h.Write([]byte(s))
		if got, want := Key(s), fmt.Sprintf("%016x", h.Sum64()); got != want {
			t.Errorf("Key(%q) = %s, want %s", s, got, want)
		}
	}
	if got := Key("a"); got != "af63dc4c8601ec8c" {
		t.Errorf(`Key("a") = %s`, got) // FNV-1a 64's published value for "a"
	}
	if got := Path("kcd 2023/x", "https://a.example/p.png"); got != "/api/pictures/kcd%202023%2Fx/"+Key("https://a.example/p.png") {
		t.Errorf("Path %q", got)
	}
	if got := Path("kcd", ""); got != "" {
		t.Errorf("Path without an avatar: %q", got)
	}
}
