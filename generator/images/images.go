// Package images reads the images of a site's static/ folder as pages
// show them: their format and size, read from the file's header, and the
// smaller copies in WebP ("variants") that let a phone download a picture
// of its own width instead of the original.
//
// # What is read
//
// PNG, JPEG, GIF and WebP by their first bytes, whatever the file's name,
// and SVG (a file named .svg, or one that starts like XML). Probe reads
// the header only (image.DecodeConfig, or the SVG's root element), so a
// build that finds every variant in its cache never decodes a picture:
//
//   - A raster image's size is the header's; a JPEG turned by its EXIF
//     orientation (phone photos) is measured as browsers show it, upright.
//   - An SVG's size is its width and height attributes when they are in
//     pixels (or in, cm, mm, pt, pc), else its viewBox's; one with neither
//     is refused, since the page could not reserve its space. Only the root
//     element's attributes are read (encoding/xml); the drawing is never
//     rendered, and the file is published as it is.
//   - A GIF or WebP of more than one frame is Animated: it has no variants,
//     since a still copy would lose what it shows.
//
// Refused, with a message an editor can act on: a file that is no image
// of these formats, a header that cannot be read, and an image of more
// than MaxPixels (a 50-megapixel camera original): decoding one takes
// hundreds of megabytes, and no page needs it.
//
// # Variants
//
// Widths says which widths an image gets: each of VariantWidths narrower
// than the image, and the image's own width when it is narrower than the
// widest (a WebP original is not copied at its own width). Make decodes
// the image once, turns a JPEG upright, scales it with Catmull-Rom
// (golang.org/x/image/draw: sharp text and edges at a cost that the
// cache pays once) to the widest variant, the narrower ones from that,
// and encodes each as lossy WebP (github.com/gen2brain/webp: libwebp
// compiled to WebAssembly, quality Quality, method Method). The decoded
// pictures in memory at once are bounded by DecodeBudget.
//
// A variant is a pure function of the image's bytes and the encoding
// settings (Settings names them): the encoder is deterministic, so two
// builds make the same bytes, and a Cache keeps each variant under the
// hash of what made it (Key), so that a rebuild never encodes an image
// again.
package images

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"path"
	"strings"

	"golang.org/x/image/webp"
)

// Format is an image's file format.
type Format string

// The formats Probe reads.
const (
	PNG  Format = "PNG"
	JPEG Format = "JPEG"
	GIF  Format = "GIF"
	WebP Format = "WebP"
	SVG  Format = "SVG"
)

// MaxPixels is the largest image Probe accepts: more than any phone
// photo at its usual setting (12 to 24 megapixels), less than a
// 50-megapixel camera original, which would take 200 MB or more to decode.
const MaxPixels = 40_000_000

// MaxFileBytes is the largest image file a site should hand to Probe: a
// 40-megapixel PNG photo stays below it.
const MaxFileBytes = 100 << 20

// maxSide is the longest side WebP can hold.
const maxSide = 16383

// Info is what an image's header says.
type Info struct {
	Format Format
	// Width and Height are the image's size in pixels as a browser shows
	// it (a JPEG's EXIF orientation applied); an SVG's in CSS pixels,
	// rounded.
	Width, Height int
	// Animated is set for a GIF or WebP of more than one frame.
	Animated bool
	// orientation is a JPEG's EXIF orientation, 1 (upright) to 8.
	orientation int
}

// ErrNotImage is wrapped by Probe's error for a file of no format it
// reads.
var ErrNotImage = errors.New("not an image")

// Probe reads the format and size of an image file named name (its
// extension tells an SVG) from its bytes, without decoding its pixels.
func Probe(name string, data []byte) (Info, error) {
	format, ok := sniff(data)
	if !ok {
		if strings.EqualFold(path.Ext(name), ".svg") || looksLikeXML(data) {
			return probeSVG(data)
		}
		return Info{}, fmt.Errorf("%w: handout reads PNG, JPEG, GIF, WebP and SVG files, and this one is none of them", ErrNotImage)
	}
	var cfg image.Config
	var err error
	r := bytes.NewReader(data)
	switch format {
	case PNG:
		cfg, err = png.DecodeConfig(r)
	case JPEG:
		cfg, err = jpeg.DecodeConfig(r)
	case GIF:
		cfg, err = gif.DecodeConfig(r)
	case WebP:
		cfg, err = webp.DecodeConfig(r)
	}
	if err != nil {
		return Info{}, fmt.Errorf("this %s file is damaged (%v): export it again from the program that made it", format, err)
	}
	info := Info{Format: format, Width: cfg.Width, Height: cfg.Height, orientation: 1}
	switch format {
	case JPEG:
		info.orientation = jpegOrientation(data)
		if info.orientation >= 5 {
			info.Width, info.Height = info.Height, info.Width
		}
	case GIF:
		info.Animated = gifFrames(data) > 1
	case WebP:
		info.Animated = webpAnimated(data)
	}
	if err := checkSize(info); err != nil {
		return Info{}, err
	}
	return info, nil
}

// checkSize refuses an image with no pixels or too many.
func checkSize(info Info) error {
	if info.Width <= 0 || info.Height <= 0 {
		return fmt.Errorf("this %s file says it is %d×%d pixels: export it again from the program that made it", info.Format, info.Width, info.Height)
	}
	if pixels := int64(info.Width) * int64(info.Height); pixels > MaxPixels {
		return fmt.Errorf("this image is %d×%d pixels (%.0f megapixels), and handout takes at most %d megapixels: save a smaller copy (2,400 pixels wide is plenty for a page)",
			info.Width, info.Height, float64(pixels)/1e6, MaxPixels/1_000_000)
	}
	return nil
}

// sniff tells a raster format by its first bytes, as browsers do.
func sniff(data []byte) (Format, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG, true
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		return JPEG, true
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF, true
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP, true
	}
	return "", false
}

// looksLikeXML reports whether data starts, after white space and a byte
// order mark, with "<".
func looksLikeXML(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '<'
}
