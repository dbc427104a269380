package images

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"slices"
	"strings"
	"testing"

	"github.com/gen2brain/webp"
)

// picture is a w×h image, red on its left half and blue on its right.
func picture(w, h int) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{R: 220, G: 30, B: 30, A: 255}
			if x >= w/2 {
				c = color.NRGBA{R: 30, G: 30, B: 220, A: 255}
			}
			m.SetNRGBA(x, y, c)
		}
	}
	return m
}

func encodePNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withOrientation puts an EXIF block with the given orientation after a
// JPEG's start marker, as a phone writes it (big-endian TIFF).
func withOrientation(jpg []byte, o uint16) []byte {
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08")
	tiff = binary.BigEndian.AppendUint16(tiff, 1)
	tiff = binary.BigEndian.AppendUint16(tiff, 0x0112)
	tiff = binary.BigEndian.AppendUint16(tiff, 3) // SHORT
	tiff = binary.BigEndian.AppendUint32(tiff, 1)
	tiff = binary.BigEndian.AppendUint16(tiff, o)
	tiff = append(tiff, 0, 0, 0, 0, 0, 0) // padding, next IFD
	segment := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xff, 0xe1}, binary.BigEndian.AppendUint16(nil, uint16(len(segment)+2))...)
	app1 = append(app1, segment...)
	return slices.Concat(jpg[:2], app1, jpg[2:])
}

func encodeGIF(t testing.TB, frames int) []byte {
	t.Helper()
	palette := color.Palette{color.Black, color.White}
	all := &gif.GIF{}
	for range frames {
		all.Image = append(all.Image, image.NewPaletted(image.Rect(0, 0, 30, 20), palette))
		all.Delay = append(all.Delay, 10)
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, all); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeWebP(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := webp.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pngHeader is the start of a PNG that says it is w×h: enough for
// DecodeConfig, with no pixels.
func pngHeader(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0) // 8-bit RGBA
	chunk := append([]byte("IHDR"), ihdr...)
	out := append([]byte("\x89PNG\r\n\x1a\n"), binary.BigEndian.AppendUint32(nil, uint32(len(ihdr)))...)
	out = append(out, chunk...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(chunk))
}

// animatedWebPHeader is a WebP extended header (VP8X) with the animation
// flag, 300×200.
func animatedWebPHeader() []byte {
	vp8x := []byte{0x02, 0, 0, 0, 43, 1, 0, 199, 0, 0}
	body := append([]byte("WEBPVP8X\x0a\x00\x00\x00"), vp8x...)
	return append(append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...), body...)
}

func TestProbe(t *testing.T) {
	jpg := encodeJPEG(t, picture(40, 20))
	for _, tc := range []struct {
		name, file string
		data       []byte
		want       Info
		err        string
	}{
		{"PNG", "a.png", encodePNG(t, picture(64, 48)), Info{Format: PNG, Width: 64, Height: 48}, ""},
		{"JPEG", "a.jpg", jpg, Info{Format: JPEG, Width: 40, Height: 20}, ""},
		{"JPEG turned upright by its EXIF", "a.jpg", withOrientation(jpg, 6), Info{Format: JPEG, Width: 20, Height: 40, orientation: 6}, ""},
		{"JPEG mirrored by its EXIF", "a.jpg", withOrientation(jpg, 2), Info{Format: JPEG, Width: 40, Height: 20, orientation: 2}, ""},
		{"GIF", "a.gif", encodeGIF(t, 1), Info{Format: GIF, Width: 30, Height: 20}, ""},
		{"animated GIF", "a.gif", encodeGIF(t, 3), Info{Format: GIF, Width: 30, Height: 20, Animated: true}, ""},
		{"WebP", "a.webp", encodeWebP(t, picture(50, 10)), Info{Format: WebP, Width: 50, Height: 10}, ""},
		{"animated WebP", "a.webp", animatedWebPHeader(), Info{Format: WebP, Width: 300, Height: 200, Animated: true}, ""},
		{"format by content, not name", "photo.png", jpg, Info{Format: JPEG, Width: 40, Height: 20}, ""},
		{"SVG width and height", "a.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360px" viewBox="0 0 10 10"/>`), Info{Format: SVG, Width: 640, Height: 360}, ""},
		{"SVG viewBox", "a.svg", []byte(`<?xml version="1.0"?>` + "\n" + `<!-- drawn by hand --><svg viewBox="0,0 800.4 450"><text>&nbsp;</text></svg>`), Info{Format: SVG, Width: 800, Height: 450}, ""},
		{"SVG width and viewBox", "a.svg", []byte(`<svg width="320" viewBox="0 0 800 450"></svg>`), Info{Format: SVG, Width: 320, Height: 180}, ""},
		{"SVG in centimetres", "a.svg", []byte(`<svg width="2.54cm" height="1in"></svg>`), Info{Format: SVG, Width: 96, Height: 96}, ""},
		{"SVG in percent takes the viewBox", "a.svg", []byte(`<svg width="100%" height="100%" viewBox="0 0 300 100"></svg>`), Info{Format: SVG, Width: 300, Height: 100}, ""},
		{"SVG without a size", "a.svg", []byte(`<svg width="100%"></svg>`), Info{}, "has no size: give its <svg> element a viewBox"},
		{"SVG of another element", "a.svg", []byte(`<html><svg/></html>`), Info{}, "starts with a <html> element"},
		{"SVG that is not XML", "a.svg", []byte(`<svg width="1" <<`), Info{}, "cannot be read as XML"},
		{"SVG of absurd size", "a.svg", []byte(`<svg viewBox="0 0 1e9 10"/>`), Info{}, "give it a viewBox of its real size"},
		{"text", "notes.png", []byte("These are my notes."), Info{}, "none of them"},
		{"empty", "a.jpg", nil, Info{}, "none of them"},
		{"damaged PNG header", "a.png", encodePNG(t, picture(8, 8))[:20], Info{}, "this PNG file is damaged"},
		{"50 megapixels", "a.png", pngHeader(8660, 5774), Info{}, "8660×5774 pixels (50 megapixels), and handout takes at most 40 megapixels"},
		{"no pixels", "a.gif", []byte("GIF89a\x00\x00\x00\x00\x00\x00\x00;"), Info{}, "0×0 pixels"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Probe(tc.file, tc.data)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.want.orientation == 0 {
				tc.want.orientation = 1
			}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
	if _, err := Probe("a.txt", []byte("plain")); !errors.Is(err, ErrNotImage) {
		t.Errorf("a text file: %v, want ErrNotImage", err)
	}
}

func TestWidths(t *testing.T) {
	for _, tc := range []struct {
		info Info
		want []int
	}{
		{Info{Format: JPEG, Width: 4000, Height: 3000}, []int{480, 800, 1200}},
		{Info{Format: PNG, Width: 1200, Height: 800}, []int{480, 800}},
		{Info{Format: PNG, Width: 1000, Height: 800}, []int{480, 800, 1000}},
		{Info{Format: PNG, Width: 300, Height: 200}, []int{300}},
		{Info{Format: WebP, Width: 1000, Height: 800}, []int{480, 800}},
		{Info{Format: WebP, Width: 300, Height: 200}, nil},
		{Info{Format: GIF, Width: 600, Height: 400, Animated: true}, nil},
		{Info{Format: SVG, Width: 600, Height: 400}, nil},
		// A tall strip: WebP holds at most 16383 pixels a side.
		{Info{Format: PNG, Width: 1000, Height: 30000}, []int{480}},
	} {
		if got := Widths(tc.info); !slices.Equal(got, tc.want) {
			t.Errorf("%+v: got %v, want %v", tc.info, got, tc.want)
		}
	}
}
