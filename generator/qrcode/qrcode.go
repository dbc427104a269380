// Package qrcode draws QR codes as inline SVG, for the address printed on
// an article's handout: a reader with the paper scans it to find the page
// as it is now. The code is made by github.com/piglig/go-qr (a port of
// Project Nayuki's QR Code generator, the reference implementation
// across languages, and six times as fast as skip2/go-qrcode with a
// fortieth of its garbage) at exactly the medium error correction level
// (15% of the code may be smudged or folded and it still scans), and
// drawn from its module matrix as one SVG path, black on white with the
// four-module quiet zone scanners need.
package qrcode

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"sync"

	qr "github.com/piglig/go-qr"
)

// SVG returns an <svg> element that shows text as a QR code, labelled
// label for assistive technology. The element has a viewBox of one unit
// per module and no size: the stylesheet sizes it. text and label may hold
// any characters: the label is escaped, and text is only in the drawing.
func SVG(text, label string) (string, error) {
	code, err := Encode(text)
	if err != nil {
		return "", err
	}
	return code.SVG(label), nil
}

// Code is the module matrix of a QR code, quiet zone included, held at a
// bit a module: a few hundred bytes for an article's address.
type Code struct {
	size int
	dark []uint64
}

// Encode makes the QR code of text: the smallest version that holds it
// at the medium level, not raised to a higher level where it would fit
// (the library's standard encoding would), so that every code is as the
// leaflet promises. Encoding is the costly part (about 0.1 ms for an
// address); drawing the code is a fraction of it.
func Encode(text string) (Code, error) {
	segments, err := qr.MakeSegments(text)
	if err != nil {
		return Code{}, fmt.Errorf("qrcode: %q: %w", text, err)
	}
	code, err := qr.EncodeSegments(segments, qr.Medium, qr.MinVersion, qr.MaxVersion, -1, false)
	if err != nil {
		return Code{}, fmt.Errorf("qrcode: %q: %w", text, err)
	}
	n := code.Size() + 2*quietZone
	c := Code{size: n, dark: make([]uint64, (n*n+63)/64)}
	for y := range n {
		for x := range n {
			// Module is false outside the symbol: the quiet zone.
			if code.Module(x-quietZone, y-quietZone) {
				i := y*n + x
				c.dark[i/64] |= 1 << (i % 64)
			}
		}
	}
	return c, nil
}

// quietZone is the light margin around a code, in modules, that the
// standard asks for.
const quietZone = 4

func (c Code) at(x, y int) bool {
	i := y*c.size + x
	return c.dark[i/64]&(1<<(i%64)) != 0
}

// SVG draws the code as an <svg> element labelled label (see SVG): a
// white square and, for each run of dark modules in a row, a rectangle of
// the one path.
func (c Code) SVG(label string) string {
	n := strconv.Itoa(c.size)
	// About twelve bytes a run, and a run for every three modules.
	b := make([]byte, 0, 256+len(label)+4*c.size*c.size)
	b = append(b, `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `+n+` `+n+`" role="img" aria-label="`...)
	// A NUL is written as the browser reads it, U+FFFD, so that the
	// label holds nothing but text (see consent's shapesOnlySVG).
	b = append(b, html.EscapeString(strings.ReplaceAll(label, "\x00", "\uFFFD"))...)
	b = append(b, `" shape-rendering="crispEdges"><rect width="`+n+`" height="`+n+`" fill="#fff"/><path fill="#000" d="`...)
	for y := range c.size {
		for x := 0; x < c.size; {
			if !c.at(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < c.size && c.at(x+run, y) {
				run++
			}
			// M<x> <y>h<run>v1h-<run>z
			b = append(b, 'M')
			b = strconv.AppendInt(b, int64(x), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(y), 10)
			b = append(b, 'h')
			b = strconv.AppendInt(b, int64(run), 10)
			b = append(b, "v1h-"...)
			b = strconv.AppendInt(b, int64(run), 10)
			b = append(b, 'z')
			x += run
		}
	}
	b = append(b, `"/></svg>`...)
	return string(b)
}

// Cache keeps the codes it made by text, so that a site built again and
// again (handout serve) encodes each address once. It keeps every code it
// made: an address a few hundred bytes, and a serve session's renamed
// articles a few more. It is safe for concurrent use; a nil Cache keeps
// nothing.
type Cache struct {
	mu    sync.RWMutex
	codes map[string]Code
	// encode is Encode; a test counts its calls.
	encode func(string) (Code, error)
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{codes: map[string]Code{}, encode: Encode} }

// SVG is the package's SVG, with the code of text taken from the cache
// when it has it.
func (c *Cache) SVG(text, label string) (string, error) {
	if c == nil {
		return SVG(text, label)
	}
	c.mu.RLock()
	code, ok := c.codes[text]
	c.mu.RUnlock()
	if !ok {
		var err error
		if code, err = c.encode(text); err != nil {
			return "", err
		}
		c.mu.Lock()
		c.codes[text] = code
		c.mu.Unlock()
	}
	return code.SVG(label), nil
}
