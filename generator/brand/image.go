package brand

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // GIF logos
	_ "image/jpeg" // JPEG logos and icons
	_ "image/png"  // PNG logos and icons
	"io"
	"math"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp" // WebP logos
)

// MaxSide is the widest and tallest image read: eight times the largest
// icon made, and more than any logo needs. A larger one would take
// hundreds of megabytes to decode.
const MaxSide = 4096

// Image is what a file of image data is, told from its bytes (not its
// name).
type Image struct {
	// Format is "svg", "png", "jpeg", "gif" or "webp"; Ext the file
	// name's ending for it (".svg", ".png", ".jpg", ...).
	Format, Ext string
	// Width and Height are its size in pixels; an SVG's in its own
	// units, from its width and height or its viewBox.
	Width, Height int
}

// exts are the file name endings of each format.
var exts = map[string]string{"svg": ".svg", "png": ".png", "jpeg": ".jpg", "gif": ".gif", "webp": ".webp"}

// Inspect tells what data is and its size, reading no more than the
// image's header (or an SVG's root element). The error says, in an
// editor's words, why data is not an image a page can show.
func Inspect(data []byte) (Image, error) {
	if looksLikeSVG(data) {
		w, h, err := svgSize(data)
		if err != nil {
			return Image{}, err
		}
		return Image{Format: "svg", Ext: ".svg", Width: w, Height: h}, nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Image{}, errors.New("is not an image: it is not SVG, PNG, JPEG, GIF or WebP (a file renamed, or damaged?)")
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxSide || cfg.Height > MaxSide {
		return Image{}, fmt.Errorf("is %d×%d pixels: make it at most %d pixels wide and tall", cfg.Width, cfg.Height, MaxSide)
	}
	return Image{Format: format, Ext: exts[format], Width: cfg.Width, Height: cfg.Height}, nil
}

// looksLikeSVG reports whether data starts as XML does (after a byte
// order mark and white space), where an SVG file would.
func looksLikeSVG(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return bytes.HasPrefix(data, []byte("<"))
}

// svgSize reads the root element of an SVG and returns the size it asks
// to be drawn at: its width and height in pixels, else its viewBox's.
func svgSize(data []byte) (w, h int, err error) {
	dec := xml.NewDecoder(io.LimitReader(bytes.NewReader(data), 1<<20))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0, errors.New("is not an image: it starts like XML, but has no <svg> element that could be read")
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if start.Name.Local != "svg" {
			return 0, 0, fmt.Errorf("is not an image: it is XML whose root is <%s>, not <svg>", start.Name.Local)
		}
		attr := map[string]string{}
		for _, a := range start.Attr {
			attr[a.Name.Local] = a.Value
		}
		w, wok := pixels(attr["width"])
		h, hok := pixels(attr["height"])
		if wok && hok {
			return w, h, nil
		}
		if vw, vh, ok := viewBoxSize(attr["viewBox"]); ok {
			return vw, vh, nil
		}
		return 0, 0, errors.New("is an SVG without a viewBox (or width and height in pixels): give its <svg> a viewBox, such as viewBox=\"0 0 200 60\", so that it keeps its proportions")
	}
}

// pixels reads an SVG length in pixels ("40" or "40px").
func pixels(s string) (int, bool) {
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
	if err != nil || f < 1 || f > MaxSide*4 {
		return 0, false
	}
	return int(math.Round(f)), true
}

// viewBoxSize reads the width and height of a viewBox "x y w h".
func viewBoxSize(s string) (w, h int, ok bool) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' })
	if len(fields) != 4 {
		return 0, 0, false
	}
	w, wok := pixels(fields[2])
	h, hok := pixels(fields[3])
	return w, h, wok && hok
}
