package brand

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Colour is an sRGB colour of 8 bits a channel, as CSS writes #RRGGBB.
type Colour struct{ R, G, B uint8 }

// ParseColour reads #RRGGBB or #RGB, in either case.
func ParseColour(s string) (Colour, error) {
	hex, ok := strings.CutPrefix(s, "#")
	if ok && len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	n, err := strconv.ParseUint(hex, 16, 32)
	if !ok || len(hex) != 6 || err != nil {
		return Colour{}, fmt.Errorf("%q is not a colour written #RRGGBB", s)
	}
	return Colour{uint8(n >> 16), uint8(n >> 8), uint8(n)}, nil
}

// mustColour parses a colour of the theme's own.
func mustColour(s string) Colour {
	c, err := ParseColour(s)
	if err != nil {
		panic(err)
	}
	return c
}

// String writes the colour as CSS does: #rrggbb.
func (c Colour) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Luminance is the colour's relative luminance, as WCAG 2.x defines it:
// 0 for black, 1 for white.
func (c Colour) Luminance() float64 {
	linear := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

// Contrast is the WCAG 2.x contrast ratio of two colours, from 1 (the
// same) to 21 (black and white), whichever is lighter.
func Contrast(a, b Colour) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// hsl returns the colour's hue (0 to 360), saturation and lightness (0
// to 1).
func (c Colour) hsl() (h, s, l float64) {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	hi, lo := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l = (hi + lo) / 2
	if hi == lo {
		return 0, 0, l
	}
	d := hi - lo
	if l > 0.5 {
		s = d / (2 - hi - lo)
	} else {
		s = d / (hi + lo)
	}
	switch hi {
	case r:
		h = math.Mod((g-b)/d+6, 6)
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h * 60, s, l
}

// fromHSL makes a colour from hue (degrees), saturation and lightness.
func fromHSL(h, s, l float64) Colour {
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g = c, x
	case h < 120:
		r, g = x, c
	case h < 180:
		g, b = c, x
	case h < 240:
		g, b = x, c
	case h < 300:
		r, b = x, c
	default:
		r, b = c, x
	}
	channel := func(v float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, v+m)) * 255)) }
	return Colour{channel(r), channel(g), channel(b)}
}

// Lightness returns the shade of c with the same hue and saturation and
// the given HSL lightness, from 0 (black) to 1 (white).
func (c Colour) Lightness(l float64) Colour {
	h, s, _ := c.hsl()
	return fromHSL(h, s, math.Max(0, math.Min(1, l)))
}

// Darker returns the shade of c whose lightness is factor times c's.
func (c Colour) Darker(factor float64) Colour {
	_, _, l := c.hsl()
	return c.Lightness(l * factor)
}

// Nearest returns the shade of c (same hue and saturation) nearest to it
// in lightness for which passes holds, and whether there is one. c
// itself is returned when it passes.
func (c Colour) Nearest(passes func(Colour) bool) (Colour, bool) {
	if passes(c) {
		return c, true
	}
	_, _, l := c.hsl()
	const steps = 1000
	for i := 1; i <= steps; i++ {
		d := float64(i) / steps
		for _, candidate := range []float64{l - d, l + d} {
			if candidate < 0 || candidate > 1 {
				continue
			}
			if shade := c.Lightness(candidate); passes(shade) {
				return shade, true
			}
		}
	}
	return Colour{}, false
}

// lighterUntil returns the darkest shade of c, no darker than c, for
// which passes holds, where passes holds of every shade lighter than one
// that passes (contrast against dark backgrounds): found by halving, as
// it is made for every page's palette. White is the last resort.
func (c Colour) lighterUntil(passes func(Colour) bool) Colour {
	if passes(c) {
		return c
	}
	_, _, lo := c.hsl()
	hi := 1.0
	for range 24 {
		mid := (lo + hi) / 2
		if passes(c.Lightness(mid)) {
			hi = mid
		} else {
			lo = mid
		}
	}
	if shade := c.Lightness(hi); passes(shade) {
		return shade
	}
	return Colour{255, 255, 255}
}
