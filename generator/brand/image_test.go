package brand

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

// testImage draws a w×h picture: a coloured square on transparency.
func testImage(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := h / 4; y < h*3/4; y++ {
		for x := w / 4; x < w*3/4; x++ {
			img.Set(x, y, color.NRGBA{0x0b, 0x6e, 0x4f, 0xff})
		}
	}
	return img
}

func pngOf(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestInspect(t *testing.T) {
	var jpg, gf bytes.Buffer
	if err := jpeg.Encode(&jpg, testImage(120, 40), nil); err != nil {
		t.Fatal(err)
	}
	if err := gif.Encode(&gf, testImage(30, 30), nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		// want is "format ext WxH", or the start of the error.
		want string
	}{
		{"png", pngOf(t, testImage(64, 32)), "png .png 64x32"},
		{"jpeg", jpg.Bytes(), "jpeg .jpg 120x40"},
		{"gif", gf.Bytes(), "gif .gif 30x30"},
		{"svg with viewBox", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60"><rect width="10" height="10"/></svg>`), "svg .svg 200x60"},
		{"svg with size", []byte("\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- logo -->\n<svg width=\"48px\" height=\"24\" viewBox=\"0 0 2 1\"></svg>"), "svg .svg 48x24"},
		{"svg in percent", []byte(`<svg width="100%" height="100%" viewBox="0,0,300,100"/>`), "svg .svg 300x100"},
		{"svg without size", []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`), "is an SVG without a viewBox"},
		{"html", []byte("<!DOCTYPE html><html><body>logo</body></html>"), "is not an image: it is XML whose root is <html>"},
		{"xml", []byte(`<logo><svg/></logo>`), "is not an image: it is XML whose root is <logo>"},
		{"text", []byte("our logo goes here\n"), "is not an image: it is not SVG, PNG, JPEG, GIF or WebP"},
		{"truncated png", pngOf(t, testImage(8, 8))[:20], "is not an image"},
		{"empty", nil, "is not an image"},
		{"too large", pngHeader(5000, 10), "is 5000×10 pixels: make it at most 4096"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Inspect(tt.data)
			got := ""
			if err != nil {
				got = err.Error()
			} else {
				got = fmt.Sprintf("%s %s %dx%d", img.Format, img.Ext, img.Width, img.Height)
			}
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("Inspect = %q, want %q", got, tt.want)
			}
		})
	}
}

// pngHeader is the start of a PNG of w×h pixels: all DecodeConfig reads.
func pngHeader(w, h int) []byte {
	var b bytes.Buffer
	_ = png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1)))
	data := b.Bytes()
	binary.BigEndian.PutUint32(data[16:], uint32(w))
	binary.BigEndian.PutUint32(data[20:], uint32(h))
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data[:33]
}
