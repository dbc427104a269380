package consent

import (
	"bytes"
	"html"

	xhtml "golang.org/x/net/html"
)

// shapesOnlySVG returns the length of the <svg> element that src starts
// with when it is a drawing of shapes only, as the printed page's QR code
// is (package qrcode), else 0. Such a drawing is read by the tokenizer
// exactly as the tree builder reads it: it holds no text, no comment, no
// CDATA section and no element whose content is read by other rules
// (<style>, <script>, <foreignObject>), and its closing </svg> takes
// reading back to HTML. It fetches nothing and runs nothing: none of its
// attributes holds an address or a handler.
//
// The test is strict, not general: every tag must be written as
// qrcode.SVG writes it (lower-case names, each attribute once quoted with
// ", one space apart, no character reference but in aria-label, which is
// escaped as html.EscapeString escapes), so that its only "<" are where
// its tags start. That is what lets tagsThatMatter skip it whole: nothing
// the browser reads as a tag can start inside it, whatever the page
// around it. Anything else is foreign content, read by the tree builder.
func shapesOnlySVG(src []byte) int {
	if !bytes.HasPrefix(src, []byte("<svg ")) {
		return 0
	}
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	off := 0
	for first := true; ; first = false {
		tt := z.Next()
		raw := z.Raw()
		off += len(raw)
		name, _ := z.TagName()
		switch {
		case first:
			if tt != xhtml.StartTagToken || !shapeTag(z, "svg", raw, false) {
				return 0
			}
		case tt == xhtml.EndTagToken && string(raw) == "</svg>":
			return off
		case tt == xhtml.EndTagToken:
			if string(raw) != "</rect>" && string(raw) != "</path>" {
				return 0
			}
		case tt == xhtml.StartTagToken || tt == xhtml.SelfClosingTagToken:
			shape := string(name)
			if (shape != "rect" && shape != "path") || !shapeTag(z, shape, raw, tt == xhtml.SelfClosingTagToken) {
				return 0
			}
		default:
			// Text, a comment, a declaration, or the end of src before
			// </svg>.
			return 0
		}
	}
}

// shapeTag reports whether the start tag z has just read, written raw,
// is the element name written as qrcode.SVG writes it, with only
// attributes that hold neither an address nor script. It compares raw
// with that writing piece by piece, without writing it.
func shapeTag(z *xhtml.Tokenizer, name string, raw []byte, selfClosing bool) bool {
	rest, ok := bytes.CutPrefix(raw, []byte("<"+name))
	for more := ok; more; {
		var key, val []byte
		key, val, more = z.TagAttr()
		if key == nil {
			break
		}
		spelt, known := shapeAttrs[string(key)]
		if !known || !spelt.allows(val) {
			return false
		}
		if spelt.allowed == nil && spelt.exactly == "" {
			// Only the free text of a label may need escaping.
			val = []byte(html.EscapeString(string(val)))
		}
		if rest, ok = cutWritten(rest, spelt.name, val); !ok {
			return false
		}
	}
	end := ">"
	if selfClosing {
		end = "/>"
	}
	return ok && string(rest) == end
}

// cutWritten returns raw after ` key="val"`, if raw starts with it.
func cutWritten(raw []byte, key string, val []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(raw, []byte(" "+key+`="`))
	if ok {
		rest, ok = bytes.CutPrefix(rest, val)
	}
	if ok {
		rest, ok = bytes.CutPrefix(rest, []byte(`"`))
	}
	return rest, ok
}

// shapeAttr is an attribute a shapes-only drawing may have: its name as
// written, and the value it must have (exactly) or the characters its
// value may hold (allowed; nil for any: a value that is only text for
// assistive technology).
type shapeAttr struct {
	name    string
	allowed *[256]bool
	exactly string
}

func (a shapeAttr) allows(v []byte) bool {
	if a.exactly != "" {
		return string(v) == a.exactly
	}
	if a.allowed == nil {
		return true
	}
	for _, c := range v {
		if !a.allowed[c] {
			return false
		}
	}
	return true
}

// charset is the set of the bytes of s.
func charset(s string) *[256]bool {
	var set [256]bool
	for i := range len(s) {
		set[s[i]] = true
	}
	return &set
}

const (
	lowerLetters = "abcdefghijklmnopqrstuvwxyz"
	letters      = lowerLetters + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	numbers      = "0123456789 .-"
	// pathData is what an SVG path's d holds: commands and numbers.
	pathData = "MmLlHhVvCcSsQqTtAaZz0123456789 ,.-+eE"
)

// shapeAttrs are the attributes of a shapes-only drawing, by the name the
// tokenizer reads (in lower case). None holds an address: fill may be a
// colour by hex or name, never url(...).
var shapeAttrs = map[string]shapeAttr{
	"class":           {name: "class", allowed: charset(lowerLetters + "0123456789-_ ")},
	"xmlns":           {name: "xmlns", exactly: "http://www.w3.org/2000/svg"},
	"viewbox":         {name: "viewBox", allowed: charset(numbers)},
	"role":            {name: "role", allowed: charset(lowerLetters)},
	"aria-label":      {name: "aria-label"},
	"shape-rendering": {name: "shape-rendering", allowed: charset(letters + "-")},
	"width":           {name: "width", allowed: charset(numbers)},
	"height":          {name: "height", allowed: charset(numbers)},
	"fill":            {name: "fill", allowed: charset(letters + "0123456789#")},
	"d":               {name: "d", allowed: charset(pathData)},
}
