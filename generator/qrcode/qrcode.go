// Package qrcode draws QR codes as inline SVG, for the address printed on
// an article's handout: a reader with the paper scans it to find the page
// as it is now. The code is made by github.com/skip2/go-qrcode at the
// medium error correction level (15% of the code may be smudged or
// folded and it still scans), and drawn from its module matrix as one SVG
// path, black on white with the four-module quiet zone scanners need.
package qrcode

import (
	"fmt"
	"html"
	"strings"

	qr "github.com/skip2/go-qrcode"
)

// SVG returns an <svg> element that shows text as a QR code, labelled
// label for assistive technology. The element has a viewBox of one unit
// per module and no size: the stylesheet sizes it. text and label may hold
// any characters: the label is escaped, and text is only in the drawing.
func SVG(text, label string) (string, error) {
	code, err := qr.New(text, qr.Medium)
	if err != nil {
		return "", fmt.Errorf("qrcode: %q: %w", text, err)
	}
	matrix := code.Bitmap() // with the quiet zone
	var b strings.Builder
	n := len(matrix)
	fmt.Fprintf(&b, `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s" shape-rendering="crispEdges">`, n, n, html.EscapeString(label))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n, n)
	for y, row := range matrix {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			run := 1
			for x+run < len(row) && row[x+run] {
				run++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", x, y, run, run)
			x += run
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String(), nil
}
