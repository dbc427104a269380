package qrcode

import (
	"fmt"
	"image"
	"image/color"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
	qr "github.com/piglig/go-qr"
)

// TestSVGDecodes draws addresses as SVG, paints the SVG's path onto an
// image as a browser would, and decodes it with an independent reader
// (gozxing, a port of ZXing): what scans is the address, whole, at the
// medium error correction level, even for a short address that the
// library's standard encoding would raise to a higher level.
func TestSVGDecodes(t *testing.T) {
	for _, address := range []string{
		"https://c.example/",
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

// TestSVGDrawsTheMatrix holds the compact code and its drawing to the
// module matrix go-qr makes, in a quiet zone of four modules: a rectangle
// for each run of dark modules of a row, left to right and top to
// bottom, and nothing else.
func TestSVGDrawsTheMatrix(t *testing.T) {
	for _, text := range []string{"a", "https://clinic.example/articles/sleep/", strings.Repeat("https://clinic.example/x/", 12)} {
		segments, err := qr.MakeSegments(text)
		if err != nil {
			t.Fatal(err)
		}
		code, err := qr.EncodeSegments(segments, qr.Medium, qr.MinVersion, qr.MaxVersion, -1, false)
		if err != nil {
			t.Fatal(err)
		}
		n := code.Size() + 8
		matrix := make([][]bool, n)
		for y := range matrix {
			matrix[y] = make([]bool, n)
			for x := range matrix[y] {
				matrix[y][x] = code.Module(x-4, y-4)
			}
		}
		want := fmt.Sprintf(`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="Q &amp; R" shape-rendering="crispEdges"><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n, n, n, n)
		for y, row := range matrix {
			for x := 0; x < n; x++ {
				if row[x] && (x == 0 || !row[x-1]) {
					end := x
					for end < n && row[end] {
						end++
					}
					want += fmt.Sprintf("M%d %dh%dv1h-%dz", x, y, end-x, end-x)
				}
			}
		}
		want += `"/></svg>`
		got, err := SVG(text, "Q & R")
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%q:\n got %.300s\nwant %.300s", text, got, want)
		}
	}
}

// TestCacheEncodesOnce draws the same addresses many times, with two
// labels and on every core, from a Cache: once an address is drawn, no
// drawing of it encodes it again, whatever the label, and each drawing is
// the one SVG makes.
func TestCacheEncodesOnce(t *testing.T) {
	c := NewCache()
	var mu sync.Mutex
	encoded := map[string]int{}
	c.encode = func(text string) (Code, error) {
		mu.Lock()
		encoded[text]++
		mu.Unlock()
		return Encode(text)
	}
	addresses := []string{"https://clinic.example/a/", "https://clinic.example/b/", "https://clinic.example/c/"}
	var wg sync.WaitGroup
	for i := range 4 {
		// Let the goroutines race for the first encoding too; the test
		// asserts what is kept after it.
		wg.Go(func() {
			for _, a := range addresses {
				label := []string{"QR code", "Código QR"}[i%2]
				got, err := c.SVG(a, label)
				want, _ := SVG(a, label)
				if err != nil || got != want {
					t.Errorf("%s: Cache.SVG differs from SVG (err %v)", a, err)
				}
			}
		})
	}
	wg.Wait()
	before := maps.Clone(encoded)
	for _, a := range addresses {
		if _, err := c.SVG(a, "another label"); err != nil {
			t.Fatal(err)
		}
	}
	if !maps.Equal(before, encoded) {
		t.Errorf("a second drawing encoded again: %v, then %v", before, encoded)
	}
	var nilCache *Cache
	if got, _ := nilCache.SVG(addresses[0], "QR code"); !strings.HasPrefix(got, `<svg class="qr"`) {
		t.Errorf("a nil Cache draws %.60q", got)
	}
}
