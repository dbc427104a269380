package images

import (
	"bytes"
	"image"
	"image/color"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	xwebp "golang.org/x/image/webp"
)

// photo is a w×h image with the detail of a photograph (noise over
// gradients), which no encoder can shortcut.
func photo(w, h int) *image.NRGBA {
	r := rand.New(rand.NewPCG(1, 2))
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			n := uint8(r.IntN(40))
			m.SetNRGBA(x, y, color.NRGBA{R: uint8(x*200/w) + n, G: uint8(y*200/h) + n, B: 120 + n, A: 255})
		}
	}
	return m
}

func decodeVariant(t *testing.T, data []byte) image.Image {
	t.Helper()
	m, err := xwebp.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("a variant is no WebP: %v", err)
	}
	return m
}

func TestMakeGivesEachWidth(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"PNG", encodePNG(t, picture(1000, 500))},
		{"JPEG", encodeJPEG(t, picture(1000, 500))},
		{"GIF", encodeGIF(t, 1)},
		{"WebP", encodeWebP(t, picture(1000, 500))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Probe("x", tc.data)
			if err != nil {
				t.Fatal(err)
			}
			widths := Widths(info)
			variants, err := Make(tc.data, info, widths)
			if err != nil {
				t.Fatal(err)
			}
			if len(variants) != len(widths) {
				t.Fatalf("%d variants for %d widths", len(variants), len(widths))
			}
			for i, w := range widths {
				b := decodeVariant(t, variants[i]).Bounds()
				if b.Dx() != w || b.Dy() != VariantHeight(info, w) {
					t.Errorf("variant %d is %v, want %d×%d", i, b, w, VariantHeight(info, w))
				}
			}
		})
	}
}

// TestMakeTurnsJPEGsUpright holds variants to what browsers show: a photo
// whose EXIF says "turn 90° clockwise" has its left side on top.
func TestMakeTurnsJPEGsUpright(t *testing.T) {
	data := withOrientation(encodeJPEG(t, picture(40, 20)), 6)
	info, err := Probe("x.jpg", data)
	if err != nil {
		t.Fatal(err)
	}
	variants, err := Make(data, info, []int{20})
	if err != nil {
		t.Fatal(err)
	}
	m := decodeVariant(t, variants[0])
	if b := m.Bounds(); b.Dx() != 20 || b.Dy() != 40 {
		t.Fatalf("the upright variant is %v, want 20×40", b)
	}
	top, bottom := m.At(10, 5), m.At(10, 35)
	if r, _, b, _ := top.RGBA(); r < b {
		t.Errorf("the top is %v, want the red of the photo's left side", top)
	}
	if r, _, b, _ := bottom.RGBA(); b < r {
		t.Errorf("the bottom is %v, want the blue of the photo's right side", bottom)
	}
}

// TestMakeRefusesDamagedPixels: a PNG whose header is whole but whose
// pixels are cut short passes Probe, and Make and Verify refuse it.
func TestMakeRefusesDamagedPixels(t *testing.T) {
	data := encodePNG(t, photo(200, 100))
	data = data[:len(data)/2]
	info, err := Probe("x.png", data)
	if err != nil {
		t.Fatalf("the header is whole, and Probe reads only it: %v", err)
	}
	if _, err := Make(data, info, Widths(info)); err == nil {
		t.Fatal("a PNG cut in half made variants")
	}
	if err := Verify(data, info); err == nil || !strings.Contains(err.Error(), "this PNG file is damaged") {
		t.Errorf("Verify of a PNG cut in half: %v, want Make's error", err)
	}
	whole := encodePNG(t, photo(200, 100))
	if err := Verify(whole, info); err != nil {
		t.Errorf("Verify of a whole PNG: %v", err)
	}
}

// TestMakeIsDeterministic holds the encoder to what a byte-identical
// rebuild needs: the same variant from the same image, every time and on
// every goroutine at once.
func TestMakeIsDeterministic(t *testing.T) {
	data := encodeJPEG(t, photo(1400, 900))
	info, err := Probe("x.jpg", data)
	if err != nil {
		t.Fatal(err)
	}
	first, err := Make(data, info, Widths(info))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			again, err := Make(data, info, Widths(info))
			if err != nil {
				t.Error(err)
				return
			}
			for i := range first {
				if !bytes.Equal(first[i], again[i]) {
					t.Errorf("variant %d differs between two encodings", i)
				}
			}
		})
	}
	wg.Wait()
}

func TestCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), ".handout-cache")
	variant := encodeWebP(t, picture(8, 8))
	c := NewCache(dir, false)
	c.Put("a-480", variant)
	c.Put("b-480", variant)
	if got, ok := NewCache(dir, false).Get("a-480"); !ok || !bytes.Equal(got, variant) {
		t.Fatal("a variant was not read back from the folder by another cache")
	}
	for _, name := range []string{".gitignore", "CACHEDIR.TAG"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("the cache folder has no %s: %v", name, err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "images", "c-480.webp"), variant[:len(variant)-3], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get("c-480"); ok {
		t.Error("a variant cut short was taken from the folder")
	}
	c.Prune(map[string]bool{"a-480": true})
	if _, ok := c.Get("b-480"); ok {
		t.Error("Prune left a variant not kept")
	}
	if _, ok := c.Get("a-480"); !ok {
		t.Error("Prune removed a variant kept")
	}
	memory := NewCache("", true)
	memory.Put("a-480", variant)
	if _, ok := memory.Get("a-480"); !ok {
		t.Error("a cache in memory forgot a variant")
	}
}

// BenchmarkMake measures making the variants of a 12-megapixel photo (a
// phone's, 4032×3024) and of a 1600-pixel drawing, by step.
func BenchmarkMake(b *testing.B) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"photo 4032x3024 JPEG", encodeJPEG(b, photo(4032, 3024))},
		{"drawing 1600x900 PNG", encodePNG(b, picture(1600, 900))},
	} {
		info, err := Probe("x", tc.data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name+"/decode", func(b *testing.B) {
			for b.Loop() {
				if _, err := decode(tc.data, info); err != nil {
					b.Fatal(err)
				}
			}
		})
		src, _ := decode(tc.data, info)
		widest := scale(src, 1200, VariantHeight(info, 1200))
		b.Run(tc.name+"/scale to 1200", func(b *testing.B) {
			for b.Loop() {
				scale(src, 1200, VariantHeight(info, 1200))
			}
		})
		for _, w := range VariantWidths {
			v := scale(widest, w, VariantHeight(info, w))
			b.Run(tc.name+"/encode "+strconv.Itoa(w), func(b *testing.B) {
				for b.Loop() {
					var buf bytes.Buffer
					if err := encodeVariant(&buf, v); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run(tc.name+"/all", func(b *testing.B) {
			for b.Loop() {
				if _, err := Make(tc.data, info, Widths(info)); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(tc.name+"/probe and hash (a cache hit)", func(b *testing.B) {
			for b.Loop() {
				if _, err := Probe("x", tc.data); err != nil {
					b.Fatal(err)
				}
				Hash(tc.data)
			}
		})
	}
}
