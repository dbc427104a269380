// Package fuzzcheck holds the properties that the Markdown fuzz targets
// (sections, wiki links, glossary terms) check on converted HTML, so that
// each target states them once: the HTML is UTF-8 when the source is, no
// script element or event-handler attribute appears, no link or image
// address uses a scheme that runs code, and every position reported lies
// inside the source. The robustness tests scan whole built sites with the
// same SafeHTML and Tags.
package fuzzcheck

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/handout-health/handout/generator/markdown"
)

// SafeHTML returns the problems of HTML converted (with raw HTML off) from
// source: invalid UTF-8, a <script> element, an on* attribute, or an
// address with the javascript:, vbscript: or a non-image data: scheme.
func SafeHTML(source, out []byte) []string {
	var problems []string
	if utf8.Valid(source) && !utf8.Valid(out) {
		problems = append(problems, "HTML is not UTF-8 though the source is")
	}
	for _, tag := range Tags(string(out)) {
		if tag.Name == "script" {
			problems = append(problems, "HTML has a <script> element")
		}
		for _, a := range tag.Attrs {
			switch {
			case strings.HasPrefix(a.Name, "on"):
				problems = append(problems, fmt.Sprintf("<%s> has an event handler %s=%q", tag.Name, a.Name, a.Value))
			case urlAttrs[a.Name] && DangerousURL(a.Value):
				problems = append(problems, fmt.Sprintf("<%s %s=%q> runs code", tag.Name, a.Name, a.Value))
			}
		}
	}
	return problems
}

// urlAttrs are the attributes whose value a browser loads or follows.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "data": true, "poster": true, "xlink:href": true, "data-src": true}

// Tag is a start tag of an HTML text.
type Tag struct {
	// Name is the element name, in lower case.
	Name string
	// Attrs are the attributes with their values unescaped.
	Attrs []Attr
	// Raw is the tag as written.
	Raw string
}

// Attr is an attribute of a start tag.
type Attr struct{ Name, Value string }

// Tags returns the start tags of an HTML text as a browser reads them,
// with the HTML standard's tokenizer (golang.org/x/net/html): comments
// and the text of script, style and other raw-text elements are no tags,
// and attribute values are unescaped.
func Tags(s string) []Tag {
	var tags []Tag
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return tags
		case html.StartTagToken, html.SelfClosingTagToken:
			raw := string(z.Raw())
			name, more := z.TagName()
			tag := Tag{Name: string(name), Raw: raw}
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				tag.Attrs = append(tag.Attrs, Attr{Name: string(key), Value: string(val)})
			}
			tags = append(tags, tag)
		}
	}
}

// DangerousURL reports whether a browser would run code for the address
// (after dropping the whitespace and control characters it ignores).
func DangerousURL(u string) bool {
	var b strings.Builder
	for _, r := range u {
		if r > ' ' && r != 0x7f {
			b.WriteRune(r)
		}
	}
	s := strings.ToLower(b.String())
	switch {
	case strings.HasPrefix(s, "javascript:"), strings.HasPrefix(s, "vbscript:"):
		return true
	case strings.HasPrefix(s, "data:"):
		return !strings.HasPrefix(s, "data:image/png") && !strings.HasPrefix(s, "data:image/gif") &&
			!strings.HasPrefix(s, "data:image/jpeg") && !strings.HasPrefix(s, "data:image/webp")
	}
	return false
}

// Positions returns the problems of a conversion's positions: every link,
// image, section, block, callout and warning must lie on a line of the
// source (blocks and sections may say 0 for "unknown"), with a column of
// at least 1.
func Positions(source []byte, res markdown.Result) []string {
	lines := strings.Count(string(source), "\n") + 1
	var problems []string
	check := func(what string, line, col int, zeroOK bool) {
		if line == 0 && zeroOK {
			return
		}
		if line < 1 || line > lines || col < 1 {
			problems = append(problems, fmt.Sprintf("%s at %d:%d, outside the %d lines", what, line, col, lines))
		}
	}
	for _, l := range res.Links {
		check("link "+l.Raw, l.Line, l.Col, false)
	}
	for _, i := range res.Images {
		check("image "+i.Src, i.Line, i.Col, false)
	}
	for _, s := range res.Sections {
		check("section "+s.ID, s.Line, 1, true)
	}
	for _, b := range res.Blocks {
		check("block", b.Line, 1, true)
	}
	for _, c := range res.Callouts {
		check("callout "+c.Kind, c.Line, c.Col, false)
	}
	for _, w := range res.Warnings {
		check("warning "+w.Message, w.Line, w.Col, false)
	}
	return problems
}
