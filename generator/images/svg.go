package images

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// maxSVGSide is the longest side an SVG may say it has, in CSS pixels: a
// number past it is a mistake, and would not fit the attributes.
const maxSVGSide = 100_000

// probeSVG reads an SVG's size from its root element's attributes: width
// and height in absolute units, else the viewBox (see the package doc).
func probeSVG(data []byte) (Info, error) {
	root, err := svgRoot(data)
	if err != nil {
		return Info{}, err
	}
	var width, height, boxW, boxH float64
	box := false
	for _, a := range root.Attr {
		if a.Name.Space != "" {
			continue
		}
		switch a.Name.Local {
		case "width":
			width = cssPixels(a.Value)
		case "height":
			height = cssPixels(a.Value)
		case "viewBox":
			boxW, boxH, box = viewBox(a.Value)
		}
	}
	switch {
	case width > 0 && height > 0:
	case box && width > 0:
		height = width * boxH / boxW
	case box && height > 0:
		width = height * boxW / boxH
	case box:
		width, height = boxW, boxH
	default:
		return Info{}, errors.New(`this SVG has no size: give its <svg> element a viewBox (such as viewBox="0 0 640 360"), or a width and height in pixels, so that the page can keep its space while it loads`)
	}
	if width > maxSVGSide || height > maxSVGSide {
		return Info{}, fmt.Errorf("this SVG says it is %.0f×%.0f pixels: give it a viewBox of its real size, such as viewBox=\"0 0 640 360\"", width, height)
	}
	return Info{Format: SVG, Width: max(1, int(math.Round(width))), Height: max(1, int(math.Round(height))), orientation: 1}, nil
}

// svgRoot returns the root element of an SVG file.
func svgRoot(data []byte) (xml.StartElement, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false // HTML entities such as &nbsp; in an editor's SVG
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return xml.StartElement{}, errors.New("this SVG file has no <svg> element: export it again from the drawing program")
		}
		if err != nil {
			return xml.StartElement{}, fmt.Errorf("this SVG file cannot be read as XML (%v): export it again from the drawing program", err)
		}
		if el, ok := tok.(xml.StartElement); ok {
			if el.Name.Local != "svg" {
				return xml.StartElement{}, fmt.Errorf("this file starts with a <%s> element, not <svg>: handout reads PNG, JPEG, GIF, WebP and SVG files", el.Name.Local)
			}
			return el, nil
		}
	}
}

// units are the absolute CSS units, in CSS pixels.
var units = map[string]float64{"": 1, "px": 1, "in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6, "pt": 96.0 / 72, "pc": 16}

// cssPixels reads a length such as "640", "640px" or "10cm" in CSS
// pixels; 0 for a relative length (50%, 2em) or one it cannot read.
func cssPixels(s string) float64 {
	s = strings.ToLower(strings.TrimSpace(s))
	end := len(s)
	for end > 0 && (s[end-1] >= 'a' && s[end-1] <= 'z') {
		end--
	}
	factor, ok := units[s[end:]]
	if !ok {
		return 0
	}
	return positive(s[:end]) * factor
}

// viewBox reads the width and height of a viewBox "min-x min-y width
// height" (spaces or commas between).
func viewBox(s string) (w, h float64, ok bool) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if len(f) != 4 {
		return 0, 0, false
	}
	w, h = positive(f[2]), positive(f[3])
	return w, h, w > 0 && h > 0
}

// positive reads a finite number above 0, or returns 0.
func positive(s string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || v <= 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0
	}
	return v
}
