package share

import (
	"errors"
	"strconv"
	"strings"

	"rsc.io/qr/coding"
)

// The QR code is drawn from rsc.io/qr's coding package alone: its parent
// package would bring image and PNG encoding into the browser app, while
// the app draws the code as an SVG path.

// QR is a QR code: Size modules a side, Dark(x, y) for each.
type QR struct {
	code *coding.Code
	Size int
}

// Dark reports whether the module at (x, y) is dark.
func (q QR) Dark(x, y int) bool { return q.code.Black(x, y) }

// ErrTooLong means the text does not fit a QR code.
var ErrTooLong = errors.New("too long for a QR code")

// NewQR makes the QR code of text at error correction level M (a screen
// shown to a phone's camera), with the mask that scanners read best (the
// lowest penalty of ISO 18004).
func NewQR(text string) (QR, error) {
	enc := coding.String(text)
	l := coding.M
	v := coding.Version(coding.MinVersion)
	for ; enc.Bits(v) > v.DataBytes(l)*8; v++ {
		if v == coding.MaxVersion {
			return QR{}, ErrTooLong
		}
	}
	var best *coding.Code
	bestScore := -1
	for m := coding.Mask(0); m < 8; m++ {
		p, err := coding.NewPlan(v, l, m)
		if err != nil {
			return QR{}, err
		}
		c, err := p.Encode(enc)
		if err != nil {
			return QR{}, err
		}
		if s := penalty(c); bestScore < 0 || s < bestScore {
			best, bestScore = c, s
		}
	}
	return QR{code: best, Size: best.Size}, nil
}

// penalty scores a code by ISO 18004's four rules: long runs, 2×2
// blocks, finder-like patterns and an unbalanced share of dark modules.
func penalty(c *coding.Code) int {
	n := c.Size
	score, dark := 0, 0
	at := func(x, y int, vertical bool) bool {
		if vertical {
			return c.Black(y, x)
		}
		return c.Black(x, y)
	}
	for _, vertical := range []bool{false, true} {
		for y := 0; y < n; y++ {
			run := 1
			var bits uint
			for x := 0; x < n; x++ {
				b := at(x, y, vertical)
				if x > 0 && b == at(x-1, y, vertical) {
					run++
				} else {
					if run >= 5 {
						score += 3 + run - 5
					}
					run = 1
				}
				bits = bits << 1 & 0x7ff
				if b {
					bits |= 1
				}
				if x >= 10 && (bits == 0x5d0 || bits == 0x05d) {
					score += 40
				}
			}
			if run >= 5 {
				score += 3 + run - 5
			}
		}
	}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			b := c.Black(x, y)
			if b {
				dark++
			}
			if x+1 < n && y+1 < n && b == c.Black(x+1, y) && b == c.Black(x, y+1) && b == c.Black(x+1, y+1) {
				score += 3
			}
		}
	}
	k := dark * 20 / (n * n)
	if k >= 10 {
		k -= 10
	} else {
		k = 9 - k
	}
	return score + 10*k
}

// Quiet is the light margin around a code, in modules.
const Quiet = 4

// SVGPath draws the dark modules as one SVG path, runs of a row merged,
// inside a viewBox of Size+2·Quiet modules a side: only digits and path
// commands, nothing from the text.
func (q QR) SVGPath() string {
	var b strings.Builder
	for y := 0; y < q.Size; y++ {
		for x := 0; x < q.Size; {
			if !q.Dark(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < q.Size && q.Dark(x+run, y) {
				run++
			}
			b.WriteString("M" + strconv.Itoa(x+Quiet) + " " + strconv.Itoa(y+Quiet) + "h" + strconv.Itoa(run) + "v1h-" + strconv.Itoa(run) + "z")
			x += run
		}
	}
	return b.String()
}

// ViewBox is the SVG viewBox of SVGPath.
func (q QR) ViewBox() string {
	s := strconv.Itoa(q.Size + 2*Quiet)
	return "0 0 " + s + " " + s
}
