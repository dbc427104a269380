package qrcode

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
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

// TestCacheOutlastsTheProgram writes a cache with Marshal and loads it
// into another: the codes drawn from it are those Encode makes, and none
// is encoded again; what the second one writes leaves out the addresses
// it did not draw, and is nothing new when it drew every one.
func TestCacheOutlastsTheProgram(t *testing.T) {
	addresses := []string{"https://clinic.example/a/", "https://clinic.example/b/", "https://clinic.example/es/art%C3%ADculos/sue%C3%B1o/"}
	first := NewCache()
	for _, a := range addresses {
		if _, err := first.SVG(a, "QR code"); err != nil {
			t.Fatal(err)
		}
	}
	data := first.Marshal()
	if data == nil {
		t.Fatal("a new cache that encoded three codes says nothing changed")
	}
	if again := first.Marshal(); again != nil {
		t.Error("a second Marshal with nothing drawn since says something changed")
	}
	second, encoded := Load(data), 0
	second.encode = func(text string) (Code, error) { encoded++; return Encode(text) }
	for _, a := range addresses {
		got, err := second.SVG(a, "Código QR")
		if want, _ := SVG(a, "Código QR"); err != nil || got != want {
			t.Errorf("%s: the loaded code draws differently from a new one (err %v)", a, err)
		}
	}
	if encoded != 0 {
		t.Errorf("a loaded cache encoded %d codes, want 0", encoded)
	}
	if made, reused := second.Counts(); made != 0 || reused != 3 {
		t.Errorf("Counts() = %d made, %d reused; want 0, 3", made, reused)
	}
	if again := second.Marshal(); again != nil {
		t.Errorf("a cache that drew what it loaded writes something new (%d bytes)", len(again))
	}
	if _, err := second.SVG("https://clinic.example/new/", "QR code"); err != nil {
		t.Fatal(err)
	}
	if again := second.Marshal(); again == nil || bytes.Equal(again, data) {
		t.Errorf("a cache that encoded a fourth code writes nothing new (%d bytes)", len(again))
	}

	third := Load(data)
	if _, err := third.SVG(addresses[0], "QR code"); err != nil {
		t.Fatal(err)
	}
	pruned := third.Marshal()
	if pruned == nil {
		t.Error("a cache that drew one of three loaded codes says nothing changed")
	}
	fourth, encoded := Load(pruned), 0
	fourth.encode = func(text string) (Code, error) { encoded++; return Encode(text) }
	for _, a := range addresses {
		if _, err := fourth.SVG(a, "QR code"); err != nil {
			t.Fatal(err)
		}
	}
	if encoded != 2 {
		t.Errorf("after a cache kept one address of three, %d were encoded again, want 2", encoded)
	}
}

// TestLoadRefuses: a cache written by another encoder, cut short or with
// any byte changed loads as an empty cache.
func TestLoadRefuses(t *testing.T) {
	c := NewCache()
	if _, err := c.SVG("https://clinic.example/a/", "QR code"); err != nil {
		t.Fatal(err)
	}
	data := c.Marshal()
	other := bytes.Replace(data, []byte(encoder()), []byte("github.com/piglig/go-qr v9.9.9 medium"), 1)
	other = binary.BigEndian.AppendUint32(other[:len(other)-4], crc32.ChecksumIEEE(other[:len(other)-4]))
	cases := map[string][]byte{"nothing": nil, "another encoder": other, "cut short": data[:len(data)-9]}
	for _, at := range []int{0, len(fileHeader) + 2, len(data) / 2, len(data) - 1} {
		changed := bytes.Clone(data)
		changed[at] ^= 0x10
		cases[fmt.Sprintf("byte %d changed", at)] = changed
	}
	for name, bad := range cases {
		if loaded := Load(bad); len(loaded.codes) != 0 {
			t.Errorf("%s: loaded %d codes, want none", name, len(loaded.codes))
		}
	}
	if loaded := Load(data); len(loaded.codes) != 1 {
		t.Errorf("the cache as written loaded %d codes, want 1", len(loaded.codes))
	}
}

// FuzzLoad reads any bytes as the body of a cache (with the header and a
// checksum that match, so that the fuzzer reaches the codes): Load never
// panics, and every code it loads is a whole symbol that draws.
func FuzzLoad(f *testing.F) {
	c := NewCache()
	for _, a := range []string{"https://c.example/", "https://clinic.example/library/articles/serotonin/"} {
		if _, err := c.SVG(a, "QR code"); err != nil {
			f.Fatal(err)
		}
	}
	data := c.Marshal()
	prefix := len(fileHeader) + 1 + len(encoder()) + 1
	f.Add(data[prefix : len(data)-4])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, body []byte) {
		data := append([]byte(fileHeader+"\n"+encoder()+"\n"), body...)
		data = binary.BigEndian.AppendUint32(data, crc32.ChecksumIEEE(data))
		for text, code := range Load(data).codes {
			if code.size < 21+2*quietZone || len(code.dark) != (code.size*code.size+63)/64 {
				t.Fatalf("%q: a code of size %d with %d words", text, code.size, len(code.dark))
			}
			if svg := code.SVG("QR code"); !strings.HasSuffix(svg, "</svg>") {
				t.Fatalf("%q: drew %.60q", text, svg)
			}
		}
	})
}
