package brand

import (
	"math"
	"testing"
)

func TestContrast(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#FFF", "#fff", 1},
		{"#777777", "#ffffff", 4.48}, // the grey that just fails AA
		{"#767676", "#ffffff", 4.54}, // the lightest grey that passes
		{"#005a8c", "#ffffff", 7.39}, // the default theme's header
		{"#ffbf47", "#0b0c0c", 11.94},
	}
	for _, tt := range tests {
		got := Contrast(mustColour(tt.a), mustColour(tt.b))
		if math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestParseColour(t *testing.T) {
	for in, want := range map[string]string{"#0B6E4F": "#0b6e4f", "#abc": "#aabbcc", "#000000": "#000000"} {
		c, err := ParseColour(in)
		if err != nil || c.String() != want {
			t.Errorf("ParseColour(%q) = %v, %v; want %s", in, c, err, want)
		}
	}
	for _, bad := range []string{"teal", "0b6e4f", "#0b6e4", "#0b6e4fff", "#ggg", "#+12345", ""} {
		if _, err := ParseColour(bad); err == nil {
			t.Errorf("ParseColour(%q) accepted it", bad)
		}
	}
}

// A shade keeps its hue; its lightness is what it is asked to be.
func TestLightness(t *testing.T) {
	c := mustColour("#0b6e4f")
	h, s, _ := c.hsl()
	for _, l := range []float64{0, 0.1, 0.35, 0.8, 1} {
		shade := c.Lightness(l)
		h2, s2, l2 := shade.hsl()
		if math.Abs(l2-l) > 0.005 {
			t.Errorf("Lightness(%.2f) = %s, whose lightness is %.3f", l, shade, l2)
		}
		if l > 0.05 && l < 0.95 && (math.Abs(h2-h) > 2 || math.Abs(s2-s) > 0.02) {
			t.Errorf("Lightness(%.2f) = %s: hue %.1f and saturation %.2f, want %.1f and %.2f", l, shade, h2, s2, h, s)
		}
	}
	if got := mustColour("#808080").Lightness(1); got != (Colour{255, 255, 255}) {
		t.Errorf("a grey at lightness 1 is %s, want white", got)
	}
}

func TestNearest(t *testing.T) {
	white := Colour{255, 255, 255}
	passes := func(c Colour) bool { return Contrast(c, white) >= 4.5 }
	got, ok := mustColour("#3fa9f5").Nearest(passes)
	if !ok || !passes(got) {
		t.Fatalf("Nearest = %s, %v: want a shade that passes", got, ok)
	}
	// One step lighter fails: it is the nearest.
	_, _, l := got.hsl()
	if lighter := got.Lightness(l + 0.004); passes(lighter) {
		t.Errorf("Nearest = %s, but the lighter %s passes too", got, lighter)
	}
	if c := mustColour("#004468"); !passes(c) {
		t.Fatal("#004468 should pass")
	} else if got, _ := c.Nearest(passes); got != c {
		t.Errorf("Nearest of a passing colour = %s, want itself", got)
	}
}
