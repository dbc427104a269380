package sharecard

import (
	"fmt"
	"image/color"
	"math"
	"strings"
)

// DefaultColour is the default theme's brand colour (--brand in
// templates/assets/style.css), the card's colour when the site names
// none.
var DefaultColour = color.RGBA{0x00, 0x5a, 0x8c, 0xff}

// ParseColour reads a colour written #rrggbb or #rgb.
func ParseColour(s string) (color.RGBA, error) {
	hex := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	var c color.RGBA
	if n, err := fmt.Sscanf(hex, "%02x%02x%02x", &c.R, &c.G, &c.B); err != nil || n != 3 || len(hex) != 6 {
		return color.RGBA{}, fmt.Errorf("colour %q: write it as #rrggbb, such as #005a8c", s)
	}
	c.A = 255
	return c, nil
}

// Contrast is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func Contrast(a, b color.RGBA) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is a colour's relative luminance (WCAG 2).
func luminance(c color.RGBA) float64 {
	channel := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(c.R) + 0.7152*channel(c.G) + 0.0722*channel(c.B)
}
