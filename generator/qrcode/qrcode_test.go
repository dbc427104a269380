package qrcode

import (
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
)

// TestSVGDecodes draws addresses as SVG, paints the SVG's path onto an
// image as a browser would, and decodes it with an independent reader
// (gozxing, a port of ZXing): what scans is the address, whole, at the
// medium error correction level.
func TestSVGDecodes(t *testing.T) {
	for _, address := range []string{
		"https://library.riverside-clinic.example/articles/serotonin/",
		"https://clinic.example/library/es/articles/sue%C3%B1o-y-cerebro/",
		"https://clinic.example/" + strings.Repeat("a-long-slug-", 20) + "/",
	} {
		svg, err := SVG(address, `QR code of "the page" <online>`)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(svg, `aria-label="QR code of &#34;the page&#34; &lt;online&gt;"`) {
			t.Errorf("the label is not escaped: %.200s", svg)
		}
		img := paint(t, svg)
		bmp, err := gozxing.NewBinaryBitmapFromImage(img)
		if err != nil {
			t.Fatal(err)
		}
		res, err := zxqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
		if err != nil {
			t.Fatalf("%s: the drawn code does not decode: %v", address, err)
		}
		if res.GetText() != address {
			t.Errorf("decoded %q, want %q", res.GetText(), address)
		}
		if level := res.GetResultMetadata()[gozxing.ResultMetadataType_ERROR_CORRECTION_LEVEL]; level != "M" {
			t.Errorf("%s: error correction level %v, want M (medium)", address, level)
		}
	}
}

var (
	viewBox = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	run     = regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`)
)

// paint draws the SVG's rectangles at four pixels a module.
func paint(t *testing.T, svg string) image.Image {
	t.Helper()
	const scale = 4
	m := viewBox.FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("no viewBox in %.100s", svg)
	}
	n, _ := strconv.Atoi(m[1])
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	runs := run.FindAllStringSubmatch(svg, -1)
	if len(runs) == 0 {
		t.Fatal("the SVG draws no modules")
	}
	for _, r := range runs {
		x, _ := strconv.Atoi(r[1])
		y, _ := strconv.Atoi(r[2])
		w, _ := strconv.Atoi(r[3])
		for px := x * scale; px < (x+w)*scale; px++ {
			for py := y * scale; py < (y+1)*scale; py++ {
				img.SetGray(px, py, color.Gray{})
			}
		}
	}
	return img
}
