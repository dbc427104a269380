package brand

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// decodePNG decodes a PNG and fails the test when it is not one.
func decodePNG(t *testing.T, what string, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s is not a PNG: %v", what, err)
	}
	return img
}

// TestMakeIcons decodes every icon made and checks its size: favicon.ico
// holds 16 and 32 pixel PNGs, and the touch and manifest icons are 180,
// 192 and 512 pixels; the touch icon is opaque, the others keep the
// source's transparency; the same source makes the same bytes.
func TestMakeIcons(t *testing.T) {
	source := pngOf(t, testImage(600, 600))
	icons, err := MakeIcons(source)
	if err != nil {
		t.Fatal(err)
	}
	ico := icons.Favicon
	le := binary.LittleEndian
	if len(ico) < 6 || le.Uint16(ico[0:]) != 0 || le.Uint16(ico[2:]) != 1 || le.Uint16(ico[4:]) != 2 {
		t.Fatalf("favicon.ico header % x: want an icon of two images", ico[:min(6, len(ico))])
	}
	for i, want := range []int{16, 32} {
		entry := ico[6+16*i:]
		if int(entry[0]) != want || int(entry[1]) != want || le.Uint16(entry[6:]) != 32 {
			t.Errorf("entry %d says %dx%d at %d bits, want %dx%d at 32", i, entry[0], entry[1], le.Uint16(entry[6:]), want, want)
		}
		size, offset := le.Uint32(entry[8:]), le.Uint32(entry[12:])
		if int(offset+size) > len(ico) {
			t.Fatalf("entry %d points past the file", i)
		}
		img := decodePNG(t, "favicon.ico's image", ico[offset:offset+size])
		if b := img.Bounds(); b.Dx() != want || b.Dy() != want {
			t.Errorf("favicon.ico's image %d is %dx%d, want %dx%d", i, b.Dx(), b.Dy(), want, want)
		}
	}
	for _, size := range []int{180, 192, 512} {
		img := decodePNG(t, "an icon", icons.PNG[size])
		if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
			t.Errorf("icon %d is %dx%d", size, b.Dx(), b.Dy())
		}
		_, _, _, corner := img.At(0, 0).RGBA()
		_, _, _, middle := img.At(size/2, size/2).RGBA()
		if middle != 0xffff {
			t.Errorf("icon %d: the middle of the square is not opaque", size)
		}
		if opaque := corner == 0xffff; opaque != (size == TouchIcon) {
			t.Errorf("icon %d: the transparent corner's alpha is %#x", size, corner)
		}
	}
	if c := color.NRGBAModel.Convert(decodePNG(t, "touch", icons.PNG[TouchIcon]).At(0, 0)).(color.NRGBA); c != (color.NRGBA{255, 255, 255, 255}) {
		t.Errorf("the touch icon's corner is %v, want white", c)
	}
	again, _ := MakeIcons(source)
	if !bytes.Equal(again.Favicon, icons.Favicon) || !bytes.Equal(again.PNG[512], icons.PNG[512]) {
		t.Error("the same source made different bytes")
	}
	if _, err := MakeIcons([]byte("not an image")); err == nil {
		t.Error("MakeIcons accepted text")
	}
}

func TestManifest(t *testing.T) {
	m := Manifest{Name: "Clinic", Lang: "en", StartURL: "/library/", Scope: "/library/", Display: "standalone",
		ThemeColor: "#0b6e4f", BackgroundColor: "#ffffff",
		Icons: []ManifestIcon{{Src: "/library/assets/icon-192.png", Sizes: "192x192", Type: "image/png"}}}
	var back map[string]any
	if err := json.Unmarshal(m.JSON(), &back); err != nil {
		t.Fatal(err)
	}
	if back["start_url"] != "/library/" || back["theme_color"] != "#0b6e4f" || len(back["icons"].([]any)) != 1 {
		t.Errorf("manifest %s", m.JSON())
	}
	if _, ok := back["description"]; ok {
		t.Error("an empty description is written")
	}
}
