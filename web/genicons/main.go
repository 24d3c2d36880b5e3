// Command genicons draws the app's icons into web/static/icons. They are
// generated rather than drawn by hand so that anyone can change and
// rebuild them with the Go toolchain alone.
//
//go:generate go run .
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
)

var (
	navy  = color.RGBA{0x0f, 0x17, 0x2a, 0xff}
	blue  = color.RGBA{0x1d, 0x4e, 0xd8, 0xff}
	white = color.RGBA{0xf8, 0xfa, 0xfc, 0xff}
	red   = color.RGBA{0xdc, 0x26, 0x26, 0xff}
)

// The mark: three rounded bars (the rooms Bleu, Blanc, Rouge) under a
// calendar's top rule, in a unit square.
type rect struct{ x0, y0, x1, y1, r float64 }

func mark(scale float64) []struct {
	rect
	c color.RGBA
} {
	// scale shrinks the mark around the centre (maskable icons keep it in
	// the middle 80%).
	s := func(v float64) float64 { return 0.5 + (v-0.5)*scale }
	shape := func(x0, y0, x1, y1, r float64, c color.RGBA) struct {
		rect
		c color.RGBA
	} {
		return struct {
			rect
			c color.RGBA
		}{rect{s(x0), s(y0), s(x1), s(y1), r * scale}, c}
	}
	return []struct {
		rect
		c color.RGBA
	}{
		shape(0.20, 0.22, 0.80, 0.30, 0.03, white),
		shape(0.20, 0.36, 0.37, 0.80, 0.04, blue),
		shape(0.415, 0.36, 0.585, 0.80, 0.04, white),
		shape(0.63, 0.36, 0.80, 0.80, 0.04, red),
	}
}

func inside(r rect, x, y float64) bool {
	if x < r.x0 || x > r.x1 || y < r.y0 || y > r.y1 {
		return false
	}
	cx := min(max(x, r.x0+r.r), r.x1-r.r)
	cy := min(max(y, r.y0+r.r), r.y1-r.r)
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r.r*r.r
}

// draw renders the icon at size×size with 4×4 supersampling. corner is
// the background's corner radius (0 for full bleed).
func draw(size int, scale, corner float64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	bg := rect{0, 0, 1, 1, corner}
	shapes := mark(scale)
	const ss = 4
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) / float64(size)
					y := (float64(py) + (float64(sy)+0.5)/ss) / float64(size)
					if !inside(bg, x, y) {
						continue
					}
					c := navy
					for _, sh := range shapes {
						if inside(sh.rect, x, y) {
							c = sh.c
						}
					}
					r += float64(c.R)
					g += float64(c.G)
					b += float64(c.B)
					a += 255
				}
			}
			n := float64(ss * ss)
			if a == 0 {
				continue
			}
			// Premultiplied: colour sums already weight by coverage.
			img.SetRGBA(px, py, color.RGBA{uint8(r / n), uint8(g / n), uint8(b / n), uint8(a / n)})
		}
	}
	return img
}

func save(dir, name string, img image.Image) error {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	defer f.Close()
	return png.Encode(f, img)
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<rect width="100" height="100" rx="18" fill="#0f172a"/>
<rect x="20" y="22" width="60" height="8" rx="3" fill="#f8fafc"/>
<rect x="20" y="36" width="17" height="44" rx="4" fill="#1d4ed8"/>
<rect x="41.5" y="36" width="17" height="44" rx="4" fill="#f8fafc"/>
<rect x="63" y="36" width="17" height="44" rx="4" fill="#dc2626"/>
</svg>
`

func main() {
	dir := "../static/icons"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	icons := []struct {
		name   string
		size   int
		scale  float64
		corner float64
	}{
		{"icon-192.png", 192, 1, 0.18},
		{"icon-512.png", 512, 1, 0.18},
		{"maskable-512.png", 512, 0.8, 0},
		{"apple-touch-icon.png", 180, 0.9, 0},
	}
	for _, i := range icons {
		if err := save(dir, i.name, draw(i.size, i.scale, i.corner)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "icon.svg"), []byte(svg), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
