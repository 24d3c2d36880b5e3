package share_test

import (
	"bytes"
	"net/url"
	"sort"
	"strings"
	"testing"

	"companion/app/catalog"
	"companion/app/share"
	"companion/data/export"
	"companion/data/fixtures"
	"companion/data/importer/build"
	"companion/data/importer/pentabarf"
	"companion/data/schedule"
)

func fosdem(t *testing.T) *schedule.Conference {
	t.Helper()
	c, err := pentabarf.Import("fosdem", bytes.NewReader(fixtures.Read(t, "fosdem-2025.pentabarf-schedule.xml")), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := export.JSON(c)
	if err != nil {
		t.Fatal(err)
	}
	conf, err := schedule.Parse("fosdem.json", string(doc))
	if err != nil {
		t.Fatal(err)
	}
	return conf
}

func keysOf(events []*schedule.Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, e.Key())
	}
	sort.Strings(out)
	return out
}

// Fifty FOSDEM talks fit a link a phone's camera reads off a screen.
func TestShareRoundTripAtFOSDEMSize(t *testing.T) {
	c := fosdem(t)
	var picked []*schedule.Event
	for i := 0; i < len(c.Events) && len(picked) < 50; i += 17 {
		picked = append(picked, c.Events[i])
	}
	link := share.Link("https://companion.example", c, keysOf(picked))
	u, err := url.Parse(link)
	if err != nil || u.Path != share.Path || u.Query().Get(share.ParamConf) != c.Acronym {
		t.Fatalf("link %q", link)
	}
	found, missing, err := share.Decode(c, u.Query().Get(share.ParamTalks))
	if err != nil || missing != 0 {
		t.Fatalf("decode: %v, %d missing", err, missing)
	}
	if got, want := strings.Join(keysOf(found), " "), strings.Join(keysOf(picked), " "); got != want {
		t.Fatalf("shared %d talks, got back %d:\n%s\nwant\n%s", len(picked), len(found), got, want)
	}
	// 50 talks × 3 bytes: a link of about 250 characters, a QR code of
	// version 13 or less (69 modules) at level M.
	if len(link) > 260 {
		t.Errorf("link of %d characters for 50 talks: %s", len(link), link)
	}
	q, err := share.NewQR(link)
	if err != nil {
		t.Fatal(err)
	}
	if q.Size > 69 {
		t.Errorf("QR code of %d modules for 50 talks", q.Size)
	}
	t.Logf("50 FOSDEM talks: link %d characters, QR %d modules", len(link), q.Size)
}

func TestShareAgainstAnotherVersion(t *testing.T) {
	c, err := catalog.Get(catalog.Default())
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{c.Events[1].Key(), c.Events[3].Key(), "a-guid-the-receiver-never-had"}
	payload := share.Encode(c, keys)
	found, missing, err := share.Decode(c, payload)
	if err != nil || len(found) != 2 || missing != 1 {
		t.Fatalf("found %d, missing %d, %v", len(found), missing, err)
	}
	if found[0] != c.Events[1] || found[1] != c.Events[3] {
		t.Fatalf("found %s, %s", found[0].Title, found[1].Title)
	}
	if _, _, err := share.Decode(c, share.Encode(c, nil)); err != nil {
		t.Fatalf("empty selection: %v", err)
	}
}

func TestDamagedLinks(t *testing.T) {
	c, _ := catalog.Get(catalog.Default())
	good := share.Encode(c, []string{c.Events[1].Key(), c.Events[2].Key()})
	for _, bad := range []string{"", "!!", good[:len(good)-2], "AgM", "AQI" + good[3:], strings.Repeat("A", 40)} {
		if found, _, err := share.Decode(c, bad); err == nil && len(found) > 0 {
			t.Errorf("%q decoded to %d talks", bad, len(found))
		} else if err != nil && err != share.ErrBadLink {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// The drawing is the code: the path's squares are exactly the dark
// modules, and the three finder patterns sit in their corners.
func TestQRDrawing(t *testing.T) {
	q, err := share.NewQR("https://companion.example/share?c=kcdfrance2023&t=AQMabcdefgh")
	if err != nil {
		t.Fatal(err)
	}
	if (q.Size-17)%4 != 0 || q.Size < 21 {
		t.Fatalf("size %d", q.Size)
	}
	finder := func(x0, y0 int) {
		for y := 0; y < 7; y++ {
			for x := 0; x < 7; x++ {
				ring := x == 0 || x == 6 || y == 0 || y == 6
				core := x >= 2 && x <= 4 && y >= 2 && y <= 4
				if q.Dark(x0+x, y0+y) != (ring || core) {
					t.Fatalf("finder at %d,%d broken at %d,%d", x0, y0, x, y)
				}
			}
		}
	}
	finder(0, 0)
	finder(q.Size-7, 0)
	finder(0, q.Size-7)
	for i := 8; i < q.Size-8; i++ {
		if q.Dark(i, 6) != (i%2 == 0) || q.Dark(6, i) != (i%2 == 0) {
			t.Fatalf("timing pattern broken at %d", i)
		}
	}
	dark := map[[2]int]bool{}
	path := q.SVGPath()
	for _, cmd := range strings.Split(strings.TrimSuffix(path, "z"), "z") {
		var x, y, n, m int
		if _, err := fmtSscanf(cmd, &x, &y, &n, &m); err != nil || n != m {
			t.Fatalf("path command %q: %v", cmd, err)
		}
		for i := 0; i < n; i++ {
			dark[[2]int{x - share.Quiet + i, y - share.Quiet}] = true
		}
	}
	for y := 0; y < q.Size; y++ {
		for x := 0; x < q.Size; x++ {
			if dark[[2]int{x, y}] != q.Dark(x, y) {
				t.Fatalf("module %d,%d drawn %v", x, y, dark[[2]int{x, y}])
			}
		}
	}
	if q.ViewBox() != "0 0 "+itoa(q.Size+8)+" "+itoa(q.Size+8) {
		t.Fatalf("viewBox %q", q.ViewBox())
	}
	if _, err := share.NewQR(strings.Repeat("x", 3000)); err != share.ErrTooLong {
		t.Fatalf("3000 bytes: %v", err)
	}
}
