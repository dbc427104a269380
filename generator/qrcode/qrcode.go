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
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"html"
	"runtime/debug"
	"slices"
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
// again (handout serve) encodes each address once, and, written to a file
// with Marshal and read back with Load, so that the next build does too.
// It keeps every code it made or was loaded with: an address a few hundred
// bytes, and a serve session's renamed articles a few more. It is safe for
// concurrent use; a nil Cache keeps nothing.
type Cache struct {
	mu    sync.Mutex
	codes map[string]Code
	// used are the texts drawn since the cache was made, drawn how many
	// of them have a code, and made how many codes were encoded since.
	// saved is how many codes the last Marshal wrote (or Load read), and
	// dirty says a code was encoded since.
	used               map[string]bool
	drawn, made, saved int
	dirty              bool
	// encode is Encode; a test counts its calls.
	encode func(string) (Code, error)
}

// NewCache returns an empty Cache.
func NewCache() *Cache {
	return &Cache{codes: map[string]Code{}, used: map[string]bool{}, encode: Encode}
}

// SVG is the package's SVG, with the code of text taken from the cache
// when it has it.
func (c *Cache) SVG(text, label string) (string, error) {
	if c == nil {
		return SVG(text, label)
	}
	c.mu.Lock()
	code, ok := c.codes[text]
	if ok && !c.used[text] {
		c.drawn++
	}
	c.used[text] = true
	c.mu.Unlock()
	if !ok {
		var err error
		if code, err = c.encode(text); err != nil {
			return "", err
		}
		c.mu.Lock()
		if _, raced := c.codes[text]; !raced {
			c.codes[text] = code
			c.drawn++
			c.made++
			c.dirty = true
		}
		c.mu.Unlock()
	}
	return code.SVG(label), nil
}

// Counts says how many codes the cache encoded since it was made, and how
// many of those Load gave it were drawn.
func (c *Cache) Counts() (made, reused int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.made, c.drawn - c.made
}

// The form Marshal writes and Load reads: fileHeader and the encoder's
// name on a line each, then each code as the length of its text
// (uvarint), the text, its size in modules (uvarint) and its modules as
// little-endian 64-bit words, and last the CRC-32 (IEEE) of everything
// before it, big-endian.
const fileHeader = "handout qr-codes 1"

// encoder names what makes the codes: the library at its version, and
// the level Encode asks for. Codes written by another encoder are not
// loaded, so that a build's output is the same with a cache or without.
var encoder = sync.OnceValue(func() string {
	version := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == "github.com/piglig/go-qr" {
				version = m.Version
				if m.Replace != nil {
					version = m.Replace.Path + "@" + m.Replace.Version
				}
			}
		}
	}
	return "github.com/piglig/go-qr " + version + " medium"
})

// Marshal returns the codes of the texts drawn since the cache was made
// (those of a build, without the addresses of pages since removed), or
// nil when they are what Load gave it or Marshal last returned: then
// there is nothing to write (a rebuild of handout serve asks after each
// edit).
func (c *Cache) Marshal() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.dirty && c.drawn == c.saved {
		return nil
	}
	texts := make([]string, 0, len(c.used))
	for text := range c.used {
		if _, ok := c.codes[text]; ok {
			texts = append(texts, text)
		}
	}
	slices.Sort(texts)
	data := append([]byte(fileHeader+"\n"), encoder()+"\n"...)
	for _, text := range texts {
		code := c.codes[text]
		data = binary.AppendUvarint(data, uint64(len(text)))
		data = append(data, text...)
		data = binary.AppendUvarint(data, uint64(code.size))
		for _, w := range code.dark {
			data = binary.LittleEndian.AppendUint64(data, w)
		}
	}
	data = binary.BigEndian.AppendUint32(data, crc32.ChecksumIEEE(data))
	c.dirty, c.saved = false, len(texts)
	return data
}

// Load returns a Cache holding the codes in data, as Marshal wrote them
// with the same encoder. Anything else (another encoder, a file cut short
// or changed, no file at all) gives an empty cache, which encodes again:
// a cache is only ever slower, never wrong.
func Load(data []byte) *Cache {
	c := NewCache()
	codes, ok := unmarshal(data)
	if ok {
		c.codes, c.saved = codes, len(codes)
	}
	return c
}

// unmarshal reads what Marshal wrote, and reports whether it was whole.
func unmarshal(data []byte) (map[string]Code, bool) {
	if len(data) < 4 || crc32.ChecksumIEEE(data[:len(data)-4]) != binary.BigEndian.Uint32(data[len(data)-4:]) {
		return nil, false
	}
	rest, ok := bytes.CutPrefix(data[:len(data)-4], []byte(fileHeader+"\n"+encoder()+"\n"))
	if !ok {
		return nil, false
	}
	codes := map[string]Code{}
	for len(rest) > 0 {
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			return nil, false
		}
		text := string(rest[k : k+int(n)])
		rest = rest[k+int(n):]
		size, k := binary.Uvarint(rest)
		symbol := int(size) - 2*quietZone
		// A symbol of version v is 17 + 4v modules wide, v from 1 to 40.
		if k <= 0 || symbol < 21 || symbol > 177 || (symbol-17)%4 != 0 {
			return nil, false
		}
		rest = rest[k:]
		code := Code{size: int(size), dark: make([]uint64, (size*size+63)/64)}
		if len(rest) < 8*len(code.dark) {
			return nil, false
		}
		for i := range code.dark {
			code.dark[i] = binary.LittleEndian.Uint64(rest[8*i:])
		}
		rest = rest[8*len(code.dark):]
		codes[text] = code
	}
	return codes, true
}
