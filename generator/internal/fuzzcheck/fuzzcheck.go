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
	"html"
	"strings"
	"unicode/utf8"

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

// Tags returns the start tags of an HTML text as a browser reads them:
// comments are skipped, the contents of script and style elements are not
// read as tags, and attribute values are unescaped.
func Tags(s string) []Tag {
	var tags []Tag
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		if strings.HasPrefix(s[i:], "<!--") {
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		if i+1 >= len(s) || !isLetter(s[i+1]) {
			i++
			continue
		}
		tag, next := readTag(s, i)
		tags = append(tags, tag)
		i = next
		if tag.Name == "script" || tag.Name == "style" {
			end := strings.Index(strings.ToLower(s[i:]), "</"+tag.Name)
			if end < 0 {
				break
			}
			i += end
		}
	}
	return tags
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// readTag reads the start tag at s[i] ('<') and returns it and the offset
// after it.
func readTag(s string, i int) (Tag, int) {
	start := i
	i++
	j := i
	for j < len(s) && !isSpace(s[j]) && s[j] != '>' && s[j] != '/' {
		j++
	}
	tag := Tag{Name: strings.ToLower(s[i:j])}
	i = j
	for i < len(s) && s[i] != '>' {
		if isSpace(s[i]) || s[i] == '/' {
			i++
			continue
		}
		j := i
		for j < len(s) && !isSpace(s[j]) && s[j] != '>' && s[j] != '=' && !(s[j] == '/' && j > i) {
			j++
		}
		if j == i {
			j++ // a lone "=": a browser takes it as a name
		}
		a := Attr{Name: strings.ToLower(s[i:j])}
		i = j
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && isSpace(s[i]) {
				i++
			}
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				q := s[i]
				end := strings.IndexByte(s[i+1:], q)
				if end < 0 {
					end = len(s) - i - 1
				}
				a.Value = html.UnescapeString(s[i+1 : i+1+end])
				i += end + 2
			} else {
				j := i
				for j < len(s) && !isSpace(s[j]) && s[j] != '>' {
					j++
				}
				a.Value = html.UnescapeString(s[i:j])
				i = j
			}
		}
		tag.Attrs = append(tag.Attrs, a)
	}
	end := min(i+1, len(s))
	tag.Raw = s[start:end]
	return tag, end
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
// image, section and block must lie on a line of the source (blocks and
// sections may say 0 for "unknown"), with a column of at least 1.
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
	return problems
}
