package sharecard

import (
	"bytes"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
)

func TestDraw(t *testing.T) {
	long := strings.Repeat("Neurotransmitter optimization and the evidence behind it ", 6)
	tests := []struct {
		name string
		card Card
		// ink is the colour the title is drawn in.
		ink color.RGBA
	}{
		{"short title", Card{Title: "Sleep", Site: "Riverside Clinic", Colour: DefaultColour}, color.RGBA{255, 255, 255, 255}},
		{"long title", Card{Title: long, Site: "Riverside Clinic", Colour: DefaultColour}, color.RGBA{255, 255, 255, 255}},
		{"one long word", Card{Title: strings.Repeat("x", 200), Site: "R", Colour: DefaultColour}, color.RGBA{255, 255, 255, 255}},
		{"accents and Greek", Card{Title: "Síndrome serotoninérgico (5-HT, α)", Site: "Biblioteca", Colour: DefaultColour}, color.RGBA{255, 255, 255, 255}},
		{"light colour: dark text", Card{Title: "Sleep", Site: "R", Colour: color.RGBA{0xff, 0xe0, 0x80, 0xff}}, color.RGBA{0x1d, 0x1d, 0x1f, 255}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Draw(tt.card)
			if err != nil {
				t.Fatal(err)
			}
			again, err := Draw(tt.card)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, again) {
				t.Error("two drawings of one card differ")
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height || Width != 1200 || Height != 630 {
				t.Errorf("size %v, want 1200x630", b)
			}
			colours := map[color.RGBA]int{}
			for y := 0; y < Height; y++ {
				for x := 0; x < Width; x++ {
					colours[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]++
				}
			}
			if colours[tt.card.Colour] < Width*Height/2 {
				t.Errorf("the background %v covers %d pixels, want most", tt.card.Colour, colours[tt.card.Colour])
			}
			if colours[tt.ink] == 0 {
				t.Errorf("no pixel in the text colour %v", tt.ink)
			}
			// Nothing is drawn in the margins but the background.
			for y := 0; y < Height; y++ {
				for _, x := range []int{0, margin / 2, Width - margin/2, Width - 1} {
					if c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA); c != tt.card.Colour {
						t.Fatalf("pixel (%d,%d) in the margin is %v", x, y, c)
					}
				}
			}
			if len(data) > 5<<20 {
				t.Errorf("%d bytes: X takes pictures of at most 5 MB", len(data))
			}
		})
	}
}

// TestLayoutTitle checks that a title is drawn as large as fits, in at
// most four lines, and that what does not fit at the smallest size ends
// in an ellipsis.
func TestLayoutTitle(t *testing.T) {
	f, err := opentype.Parse(gobold.TTF)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		title    string
		size     int
		lines    int
		ellipsis bool
	}{
		{"Sleep", maxTitleSize, 1, false},
		{"Neurotransmitter optimization", maxTitleSize, 2, false},
		{"Neurotransmitter optimization: what the evidence says", maxTitleSize, 3, false},
		{strings.Repeat("word ", 25), minTitleSize, 4, false},
		{strings.Repeat("word ", 200), minTitleSize, 4, true},
	}
	for _, tt := range tests {
		size, lines, err := layoutTitle(f, tt.title)
		if err != nil {
			t.Fatal(err)
		}
		if size != tt.size && !(tt.size == minTitleSize && size < maxTitleSize) {
			t.Errorf("%.30q: size %d, want %d", tt.title, size, tt.size)
		}
		if len(lines) > titleLines || tt.lines < titleLines && len(lines) != tt.lines {
			t.Errorf("%.30q: %d lines, want %d", tt.title, len(lines), tt.lines)
		}
		if got := strings.HasSuffix(lines[len(lines)-1], "…"); got != tt.ellipsis {
			t.Errorf("%.30q: last line %q, ellipsis %v, want %v", tt.title, lines[len(lines)-1], got, tt.ellipsis)
		}
	}
}

func TestName(t *testing.T) {
	base := Card{Title: "Sleep", Site: "Riverside", Colour: DefaultColour}
	name := base.Name()
	if !strings.HasSuffix(name, ".png") || len(name) != 24 || base.Name() != name {
		t.Fatalf("name %q", name)
	}
	for _, other := range []Card{
		{Title: "Sleep.", Site: "Riverside", Colour: DefaultColour},
		{Title: "Sleep", Site: "Riverside Clinic", Colour: DefaultColour},
		{Title: "Sleep", Site: "Riverside", Colour: color.RGBA{1, 2, 3, 255}},
		{Title: "SleepRiverside", Colour: DefaultColour},
	} {
		if other.Name() == name {
			t.Errorf("%+v has the name of %+v", other, base)
		}
	}
	if got := base.Alt(); got != "Sleep – Riverside" {
		t.Errorf("Alt = %q", got)
	}
}

func BenchmarkDraw(b *testing.B) {
	for b.Loop() {
		if _, err := Draw(Card{Title: "Serotonin syndrome and its many names", Site: "Riverside Clinic patient library", Colour: DefaultColour}); err != nil {
			b.Fatal(err)
		}
	}
}
