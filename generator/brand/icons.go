package brand

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"

	"golang.org/x/image/draw"
)

// The icon sizes, in pixels, that browsers and phones ask for.
const (
	// FaviconSmall and FaviconLarge are the two sizes of favicon.ico: a
	// tab's icon, on ordinary and high-density screens.
	FaviconSmall = 16
	FaviconLarge = 32
	// TouchIcon is Apple's home-screen icon (apple-touch-icon), opaque.
	TouchIcon = 180
	// AppIcon and AppIconLarge are the web app manifest's icons, the
	// sizes Android and Chromium ask for to install a site.
	AppIcon      = 192
	AppIconLarge = 512
)

// IconSizes are the PNG icons MakeIcons makes besides favicon.ico.
var IconSizes = []int{TouchIcon, AppIcon, AppIconLarge}

// Icons are the icons made from a site's one source image.
type Icons struct {
	// Favicon is favicon.ico, holding PNGs of FaviconSmall and
	// FaviconLarge pixels.
	Favicon []byte
	// PNG are the icons of IconSizes, by size.
	PNG map[int][]byte
}

// MakeIcons decodes a square PNG or JPEG and makes every icon of it,
// scaled with Catmull-Rom (sharp, without the rings of Lanczos on flat
// logos). The bytes depend on the source's bytes alone. The touch icon is
// drawn on white, since iOS fills what is transparent with black.
func MakeIcons(source []byte) (Icons, error) {
	img, _, err := image.Decode(bytes.NewReader(source))
	if err != nil {
		return Icons{}, fmt.Errorf("cannot be read as an image: %v", err)
	}
	out := Icons{PNG: map[int][]byte{}}
	var favicons [][]byte
	for _, size := range []int{FaviconSmall, FaviconLarge} {
		data, err := encodePNG(scale(img, size, false))
		if err != nil {
			return Icons{}, err
		}
		favicons = append(favicons, data)
	}
	out.Favicon = ico(favicons, []int{FaviconSmall, FaviconLarge})
	for _, size := range IconSizes {
		data, err := encodePNG(scale(img, size, size == TouchIcon))
		if err != nil {
			return Icons{}, err
		}
		out.PNG[size] = data
	}
	return out, nil
}

// scale draws src into a square of size pixels, on white when opaque.
func scale(src image.Image, size int, opaque bool) *image.NRGBA {
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	op := draw.Src
	if opaque {
		draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		op = draw.Over
	}
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), op, nil)
	return dst
}

func encodePNG(img image.Image) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ico writes an ICO file that holds PNG images (as every browser since
// Internet Explorer 9 reads them), of the given square sizes.
func ico(images [][]byte, sizes []int) []byte {
	const dirSize, entrySize = 6, 16
	var b bytes.Buffer
	le := binary.LittleEndian
	b.Write(le.AppendUint16(nil, 0))                   // reserved
	b.Write(le.AppendUint16(nil, 1))                   // type: icon
	b.Write(le.AppendUint16(nil, uint16(len(images)))) // count
	offset := dirSize + entrySize*len(images)
	for i, data := range images {
		side := byte(sizes[i] % 256) // 0 means 256
		b.Write([]byte{side, side, 0, 0})
		b.Write(le.AppendUint16(nil, 1))  // colour planes
		b.Write(le.AppendUint16(nil, 32)) // bits a pixel
		b.Write(le.AppendUint32(nil, uint32(len(data))))
		b.Write(le.AppendUint32(nil, uint32(offset)))
		offset += len(data)
	}
	for _, data := range images {
		b.Write(data)
	}
	return b.Bytes()
}

// Manifest is a web app manifest (W3C Web Application Manifest): what a
// phone shows when a reader adds the library to their home screen.
type Manifest struct {
	Name            string         `json:"name"`
	Description     string         `json:"description,omitempty"`
	Lang            string         `json:"lang"`
	StartURL        string         `json:"start_url"`
	Scope           string         `json:"scope"`
	Display         string         `json:"display"`
	ThemeColor      string         `json:"theme_color"`
	BackgroundColor string         `json:"background_color"`
	Icons           []ManifestIcon `json:"icons"`
}

// ManifestIcon is one icon of a manifest.
type ManifestIcon struct {
	Src   string `json:"src"`
	Sizes string `json:"sizes"`
	Type  string `json:"type"`
}

// JSON writes the manifest, indented.
func (m Manifest) JSON() []byte {
	data, _ := json.MarshalIndent(m, "", "  ")
	return append(data, '\n')
}
