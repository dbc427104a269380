// Package sharecard draws the picture a page shows when it is shared on a
// social network or in a messaging app, for pages that name no picture of
// their own: a 1200 by 630 PNG (the size Facebook, LinkedIn and X ask for
// in large cards, 1.91:1) with the page's title in large bold letters on
// the site's colour, and the site's title above it.
//
// The letters are the Go fonts (golang.org/x/image/font/gofont: Go Bold
// for the title, Go Regular for the site), compiled into the binary, so
// drawing needs no font on the machine and no network. They cover Latin,
// Greek and Cyrillic scripts; a letter outside them is drawn as an empty
// box.
//
// The title is wrapped at spaces (a word too long for a line is broken
// where it must) and drawn at the largest size, from 84 down to 44
// pixels, at which it fits in four lines; at the smallest size, what does
// not fit ends in an ellipsis. The text is white, or near-black when white
// would not stand out from the colour (WCAG contrast below 4.5:1).
//
// Drawing is deterministic: the same Card gives the same bytes on every
// machine, and Card.Name, a hash of everything drawn, names the file, so
// that a build finds a card it drew before by its name instead of drawing
// it again, and a changed title makes a new address, which the platforms,
// which keep a picture by its address, fetch anew.
package sharecard

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"sync"

	"github.com/handout-health/handout/generator/brand"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The card's size in pixels.
const (
	Width  = 1200
	Height = 630
)

// Layout, in pixels.
const (
	margin       = 80
	siteSize     = 36
	maxTitleSize = 84
	minTitleSize = 44
	titleLines   = 4
	// titleTop is where the title's box starts, under the site's title
	// and the rule beneath it.
	titleTop = margin + siteSize + 56
	// lineSpacing is the distance between lines of the title, as a share
	// of the letters' size.
	lineSpacing = 1.2
)

// version is part of every card's name: raise it when the drawing
// changes, so that no build keeps a card drawn the old way.
const version = "1"

// Card is what one card shows.
type Card struct {
	// Title is the page's title; Site the site's title.
	Title, Site string
	// Colour is the background.
	Colour color.RGBA
}

// Name is a name for the card's file, made of a hash of everything
// drawn: the same card has the same name, and any change a new one.
func (c Card) Name() string {
	sum := sha256.Sum256(fmt.Appendf(nil, "sharecard %s\x00%s\x00%s\x00%02x%02x%02x", version, c.Title, c.Site, c.Colour.R, c.Colour.G, c.Colour.B))
	return hex.EncodeToString(sum[:10]) + ".png"
}

// Alt is the card's text alternative: the words it shows.
func (c Card) Alt() string {
	if c.Site == "" || c.Site == c.Title {
		return c.Title
	}
	return c.Title + " – " + c.Site
}

// fonts are the two typefaces, parsed once.
var fonts = sync.OnceValues(func() (*fontPair, error) {
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, err
	}
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, err
	}
	return &fontPair{bold: bold, regular: regular}, nil
})

type fontPair struct{ bold, regular *opentype.Font }

// Draw draws the card as a PNG.
func Draw(c Card) ([]byte, error) {
	f, err := fonts()
	if err != nil {
		return nil, fmt.Errorf("share card: %w", err)
	}
	// The text is drawn as coverage, 0 (the background) to 255 (the
	// text's colour), which is then the index into a palette of the 256
	// blends of the two: the card is exactly the two colours and their
	// blends, in a quarter of the bytes of RGBA.
	img := image.NewAlpha(image.Rect(0, 0, Width, Height))
	ink := color.Opaque

	site, err := face(f.regular, siteSize)
	if err != nil {
		return nil, err
	}
	defer site.Close()
	siteLine := fit(site, c.Site, Width-2*margin)
	drawText(img, site, ink, margin, margin+siteSize, siteLine)
	// A rule under the site's title, a third of the way across.
	draw.Draw(img, image.Rect(margin, margin+siteSize+22, margin+Width/3, margin+siteSize+28), image.NewUniform(ink), image.Point{}, draw.Src)

	size, lines, err := layoutTitle(f.bold, c.Title)
	if err != nil {
		return nil, err
	}
	title, err := face(f.bold, size)
	if err != nil {
		return nil, err
	}
	defer title.Close()
	step := int(float64(size) * lineSpacing)
	for i, line := range lines {
		drawText(img, title, ink, margin, titleTop+size+i*step, line)
	}
	bg := c.Colour
	bg.A = 255
	card := &image.Paletted{Pix: img.Pix, Stride: img.Stride, Rect: img.Rect, Palette: blends(bg, textColour(bg))}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, card); err != nil {
		return nil, fmt.Errorf("share card: %w", err)
	}
	return buf.Bytes(), nil
}

// layoutTitle finds the largest size at which title fits the card, and
// its lines at that size.
func layoutTitle(f *opentype.Font, title string) (int, []string, error) {
	boxHeight := Height - margin - titleTop
	for size := maxTitleSize; ; size -= 4 {
		fc, err := face(f, size)
		if err != nil {
			return 0, nil, err
		}
		lines := wrap(fc, title, Width-2*margin)
		fits := len(lines) <= titleLines && len(lines)*int(float64(size)*lineSpacing) <= boxHeight
		if fits || size <= minTitleSize {
			if !fits {
				lines = lines[:titleLines]
				lines[titleLines-1] = fit(fc, lines[titleLines-1]+" …", Width-2*margin)
			}
			fc.Close()
			return size, lines, nil
		}
		fc.Close()
	}
}

func face(f *opentype.Font, size int) (font.Face, error) {
	fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, fmt.Errorf("share card: %w", err)
	}
	return fc, nil
}

// wrap breaks text into lines no wider than width, at spaces; a word
// wider than a line is broken between letters.
func wrap(fc font.Face, text string, width int) []string {
	limit := fixed.I(width)
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		candidate := word
		if line != "" {
			candidate = line + " " + word
		}
		if font.MeasureString(fc, candidate) <= limit {
			line = candidate
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = ""
		for font.MeasureString(fc, word) > limit {
			head := breakWord(fc, word, limit)
			lines = append(lines, head)
			word = word[len(head):]
		}
		line = word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// breakWord returns the longest start of word, of one letter at least,
// no wider than limit.
func breakWord(fc font.Face, word string, limit fixed.Int26_6) string {
	end := 0
	for i := range word {
		if i > 0 && font.MeasureString(fc, word[:i]) > limit {
			break
		}
		end = i
	}
	if end == 0 {
		_, size := firstRune(word)
		return word[:size]
	}
	return word[:end]
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// fit shortens text to width, ending it in an ellipsis when it is cut.
func fit(fc font.Face, text string, width int) string {
	limit := fixed.I(width)
	if font.MeasureString(fc, text) <= limit {
		return text
	}
	runes := []rune(strings.TrimSuffix(text, " …"))
	for len(runes) > 0 {
		runes = runes[:len(runes)-1]
		cut := strings.TrimRight(string(runes), " ") + "…"
		if font.MeasureString(fc, cut) <= limit {
			return cut
		}
	}
	return ""
}

func drawText(img draw.Image, fc font.Face, ink color.Color, x, baseline int, text string) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(ink), Face: fc, Dot: fixed.P(x, baseline)}
	d.DrawString(text)
}

// blends are the 256 colours from bg to ink, in steps of 1/255.
func blends(bg, ink color.RGBA) color.Palette {
	p := make(color.Palette, 256)
	mix := func(a, b uint8, i int) uint8 { return uint8((int(a)*(255-i) + int(b)*i + 127) / 255) }
	for i := range p {
		p[i] = color.RGBA{mix(bg.R, ink.R, i), mix(bg.G, ink.G, i), mix(bg.B, ink.B, i), 255}
	}
	return p
}

// DefaultColour is the default theme's brand colour (--brand in
// templates/assets/style.css), the card's colour when the site names
// none.
var DefaultColour = color.RGBA{0x00, 0x5a, 0x8c, 0xff}

// textColour is white, or near-black when white stands out less than
// 4.5:1 from bg (WCAG 2 contrast).
func textColour(bg color.RGBA) color.RGBA {
	white := color.RGBA{255, 255, 255, 255}
	if brand.Contrast(brand.Colour{R: 255, G: 255, B: 255}, brand.Colour{R: bg.R, G: bg.G, B: bg.B}) >= 4.5 {
		return white
	}
	return color.RGBA{0x1d, 0x1d, 0x1f, 255}
}
