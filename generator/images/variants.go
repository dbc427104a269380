package images

import (
	"bytes"
	"fmt"
	"image"
	stddraw "image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"sync"

	"github.com/gen2brain/webp"
	"golang.org/x/image/draw"
	xwebp "golang.org/x/image/webp"
)

// VariantWidths are the widths of the variants, in pixels: a phone's
// screen (480 for one 360 CSS pixels wide, or 800 for two device pixels
// to each), and the theme's text column on a computer (about 690 CSS
// pixels: 800 at one device pixel to each, 1200 at two, a little
// softened).
var VariantWidths = []int{480, 800, 1200}

// The WebP encoding: lossy, at a quality that keeps a photo's detail and a
// drawing's text clean, with libwebp's default trade-off of time and
// size. Settings names them, with the scaling, in every cache key:
// changing one makes every variant anew.
const (
	Quality = 80
	Method  = 4
)

// Settings names what a variant is made with, besides the image's bytes.
func Settings() string {
	encoder := "libwebp 1.4.0 in WebAssembly"
	if webp.Dynamic() == nil {
		// gen2brain/webp prefers a libwebp the system has, whose version
		// may make other bytes.
		encoder = "the system's libwebp"
	}
	return fmt.Sprintf("webp q%d m%d, Catmull-Rom, %s", Quality, Method, encoder)
}

// Widths returns the widths of an image's variants, narrowest first: none
// for an SVG or an animation; otherwise every VariantWidth narrower than
// the image, and its own width when that is narrower than the widest (but
// for a WebP, already as small as it gets), leaving out a width whose
// height WebP cannot hold.
func Widths(info Info) []int {
	if info.Format == SVG || info.Animated {
		return nil
	}
	var out []int
	for _, w := range VariantWidths {
		if w < info.Width && VariantHeight(info, w) <= maxSide {
			out = append(out, w)
		}
	}
	widest := VariantWidths[len(VariantWidths)-1]
	if info.Width < widest && info.Format != WebP && info.Height <= maxSide {
		out = append(out, info.Width)
	}
	return out
}

// VariantHeight is the height of an image's variant of the given width,
// rounded, at least 1.
func VariantHeight(info Info, width int) int {
	return max(1, (info.Height*width+info.Width/2)/info.Width)
}

// DecodeBudget bounds the bytes of decoded pictures that Make holds at
// once, over every goroutine: a build converts documents in parallel,
// and ten large photos decoded at once would take gigabytes.
const DecodeBudget = 512 << 20

// budget is the bytes of decoded pictures held now.
var budget = struct {
	sync.Mutex
	cond *sync.Cond
	used int64
}{}

func init() { budget.cond = sync.NewCond(&budget.Mutex) }

// reserve waits until n more bytes fit the budget (one image larger than
// the budget waits for it to be empty), and returns the release.
func reserve(n int64) func() {
	n = min(n, DecodeBudget)
	budget.Lock()
	for budget.used > 0 && budget.used+n > DecodeBudget {
		budget.cond.Wait()
	}
	budget.used += n
	budget.Unlock()
	return func() {
		budget.Lock()
		budget.used -= n
		budget.Unlock()
		budget.cond.Broadcast()
	}
}

// Make decodes an image (whose Info is Probe's) and returns its variants
// of the given widths, encoded as WebP, in the same order.
func Make(data []byte, info Info, widths []int) ([][]byte, error) {
	if len(widths) == 0 {
		return nil, nil
	}
	// The decoded picture, at up to 8 bytes a pixel (16-bit PNG), and the
	// widest variant, at 4.
	release := reserve(int64(info.Width)*int64(info.Height)*8 + int64(widths[len(widths)-1])*int64(VariantHeight(info, widths[len(widths)-1]))*4)
	defer release()
	src, err := decode(data, info)
	if err != nil {
		return nil, damaged(info, err)
	}
	widest := scale(src, widths[len(widths)-1], VariantHeight(info, widths[len(widths)-1]))
	out := make([][]byte, len(widths))
	for i, w := range widths {
		v := widest
		if i < len(widths)-1 {
			// From the widest variant, not the original: as sharp at
			// these widths, and a fraction of the work.
			v = scale(widest, w, VariantHeight(info, w))
		}
		var buf bytes.Buffer
		if err := encodeVariant(&buf, v); err != nil {
			return nil, fmt.Errorf("cannot make its %d-pixel WebP copy: %v", w, err)
		}
		out[i] = buf.Bytes()
	}
	return out, nil
}

// Verify decodes an image (whose Info is Probe's) and returns Make's error
// for pixels it cannot decode, making no variant: for handout check,
// which writes no variants but must refuse the pictures build refuses.
func Verify(data []byte, info Info) error {
	defer reserve(int64(info.Width) * int64(info.Height) * 8)()
	if _, err := decode(data, info); err != nil {
		return damaged(info, err)
	}
	return nil
}

// damaged is the error of an image whose pixels cannot be decoded.
func damaged(info Info, err error) error {
	return fmt.Errorf("this %s file is damaged (%v): export it again from the program that made it", info.Format, err)
}

// encodeVariant writes m as WebP.
func encodeVariant(w io.Writer, m *image.RGBA) error {
	return webp.Encode(w, unpremultiply(m), webp.Options{Quality: Quality, Method: Method})
}

// decode decodes an image's first frame, upright, on a canvas of the
// image's size.
func decode(data []byte, info Info) (image.Image, error) {
	r := bytes.NewReader(data)
	var m image.Image
	var err error
	switch info.Format {
	case PNG:
		m, err = png.Decode(r)
	case JPEG:
		m, err = jpeg.Decode(r)
	case GIF:
		var first image.Image
		if first, err = gif.Decode(r); err == nil {
			// A GIF's first frame may cover part of its screen only.
			canvas := image.NewRGBA(image.Rect(0, 0, info.Width, info.Height))
			stddraw.Draw(canvas, first.Bounds(), first, first.Bounds().Min, stddraw.Src)
			m = canvas
		}
	case WebP:
		m, err = xwebp.Decode(r)
	default:
		return nil, fmt.Errorf("no variants of a %s", info.Format)
	}
	if err != nil {
		return nil, err
	}
	return orient(m, info.orientation), nil
}

// scale returns src scaled to w×h: halved (each pixel the mean of four)
// while it is at least twice as wide as w, then scaled with Catmull-Rom.
// Halving first gives the same picture at a fraction of the work:
// Catmull-Rom's cost grows with how many times it shrinks an image.
func scale(src image.Image, w, h int) *image.RGBA {
	for src.Bounds().Dx() >= 2*w && src.Bounds().Dy() >= 2*h {
		src = halve(src)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	return dst
}

// halve returns m at half its width and height (rounded down), each pixel
// the mean of the four it covers.
func halve(m image.Image) *image.RGBA {
	src, ok := m.(*image.RGBA)
	if !ok || src.Rect.Min != (image.Point{}) {
		src = image.NewRGBA(image.Rect(0, 0, m.Bounds().Dx(), m.Bounds().Dy()))
		stddraw.Draw(src, src.Rect, m, m.Bounds().Min, stddraw.Src)
	}
	w, h := src.Rect.Dx()/2, src.Rect.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		top, bottom := src.Pix[2*y*src.Stride:], src.Pix[(2*y+1)*src.Stride:]
		row := dst.Pix[y*dst.Stride:]
		for x := range w * 4 {
			i := (x/4)*8 + x%4
			row[x] = uint8((uint32(top[i]) + uint32(top[i+4]) + uint32(bottom[i]) + uint32(bottom[i+4]) + 2) / 4)
		}
	}
	return dst
}

// unpremultiply returns m with straight alpha, as libwebp reads it.
func unpremultiply(m *image.RGBA) *image.NRGBA {
	out := image.NewNRGBA(m.Rect)
	for i := 0; i < len(m.Pix); i += 4 {
		a := m.Pix[i+3]
		switch a {
		case 0xff:
			copy(out.Pix[i:i+4], m.Pix[i:i+4])
		case 0:
		default:
			for c := range 3 {
				out.Pix[i+c] = uint8((uint32(m.Pix[i+c])*0xff + uint32(a)/2) / uint32(a))
			}
			out.Pix[i+3] = a
		}
	}
	return out
}

// orient turns a decoded image upright by its EXIF orientation (1 to 8),
// as browsers show it.
func orient(m image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return m
	}
	b := m.Bounds()
	src := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	stddraw.Draw(src, src.Rect, m, b.Min, stddraw.Src)
	sw, sh := b.Dx(), b.Dy()
	w, h := sw, sh
	if o >= 5 {
		w, h = sh, sw
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = sw-1-x, y
			case 3:
				sx, sy = sw-1-x, sh-1-y
			case 4:
				sx, sy = x, sh-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, sh-1-x
			case 7:
				sx, sy = sw-1-y, sh-1-x
			case 8:
				sx, sy = sw-1-y, x
			}
			copy(dst.Pix[dst.PixOffset(x, y):][:4], src.Pix[src.PixOffset(sx, sy):][:4])
		}
	}
	return dst
}
