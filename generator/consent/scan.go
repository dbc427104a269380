package consent

import (
	"bytes"
	"html"
)

// element is one start tag found in an HTML text.
type element struct {
	// name is the tag name in lower case.
	name string
	// start and end are the offsets of the tag's "<" and just after its ">".
	start, end int
	attrs      []attr
}

// attr is one attribute of a start tag.
type attr struct {
	// name is in lower case; value has its character references decoded.
	name, value string
	// pos is the offset of the value as written (of the name when the
	// attribute has no value).
	pos int
	// dynamic is true when a template action wrote part of the value, so
	// that it cannot be judged from the template text.
	dynamic bool
}

// get returns the value of the attribute name and whether it is present.
func (e *element) get(name string) (attr, bool) {
	for _, a := range e.attrs {
		if a.name == name {
			return a, true
		}
	}
	return attr{}, false
}

// actionMark replaces the bytes of a template action before scanning.
const actionMark = 0

// rawText are the elements whose content is text, not markup.
var rawText = map[string]bool{"script": true, "style": true, "textarea": true, "title": true, "xmp": true}

// scanTags returns the start tags of src whose lower-case name want
// accepts, in order. It is a tolerant tokenizer, not a validator:
// comments, end tags, declarations and the content of script and style
// elements are skipped, and malformed markup never stops the scan. Tags
// that want refuses are read past without being taken apart.
func scanTags(src []byte, want func(name []byte) bool) []element {
	var out []element
	i := 0
	for i < len(src) {
		lt := bytes.IndexByte(src[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		rest := src[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			i = skipPast(src, i+4, "-->")
			continue
		case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?' || rest[1] == '/'):
			i = skipPast(src, i+1, ">")
			continue
		case len(rest) < 2 || !isLetter(rest[1]):
			i++
			continue
		}
		el, kept, next := scanTag(src, i, want)
		if kept {
			out = append(out, el)
		}
		i = next
		if el.name != "" && rawText[el.name] {
			i = skipRawText(src, i, el.name)
		}
	}
	return out
}

// scanTag reads the start tag at src[start] == '<', and takes its
// attributes apart when want accepts its name. The element's name is set
// when it is kept or is a raw-text element.
func scanTag(src []byte, start int, want func(name []byte) bool) (el element, kept bool, next int) {
	i := start + 1
	n := i
	for n < len(src) && (isLetter(src[n]) || isDigit(src[n]) || src[n] == '-' || src[n] == ':') {
		n++
	}
	var buf [16]byte
	lower := buf[:0]
	if n-i > len(buf) {
		lower = make([]byte, 0, n-i)
	}
	for _, c := range src[i:n] {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = append(lower, c)
	}
	kept = want(lower)
	if kept || rawText[string(lower)] {
		el.name = string(lower)
	}
	el.start = start
	i = n
	for {
		for i < len(src) && (isSpace(src[i]) || src[i] == '/' || src[i] == actionMark) {
			i++
		}
		if i >= len(src) {
			el.end = i
			return el, kept, i
		}
		if src[i] == '>' {
			el.end = i + 1
			return el, kept, i + 1
		}
		nameStart := i
		for i < len(src) && !isSpace(src[i]) && src[i] != '=' && src[i] != '>' && src[i] != '/' && src[i] != actionMark {
			i++
		}
		nameEnd := i
		j := i
		for j < len(src) && isSpace(src[j]) {
			j++
		}
		valueAt, hasValue := nameStart, false
		var raw []byte
		if j < len(src) && src[j] == '=' {
			hasValue = true
			j++
			for j < len(src) && isSpace(src[j]) {
				j++
			}
			switch {
			case j < len(src) && (src[j] == '"' || src[j] == '\''):
				end := bytes.IndexByte(src[j+1:], src[j])
				if end < 0 {
					end = len(src) - j - 1
				}
				valueAt = j + 1
				raw = src[j+1 : j+1+end]
				i = min(j+2+end, len(src))
			default:
				k := j
				for k < len(src) && !isSpace(src[k]) && src[k] != '>' {
					k++
				}
				valueAt = j
				raw = src[j:k]
				i = k
			}
		}
		if !kept || nameEnd == nameStart {
			continue
		}
		a := attr{name: string(bytes.ToLower(src[nameStart:nameEnd])), pos: valueAt}
		if hasValue {
			a.dynamic = bytes.IndexByte(raw, actionMark) >= 0
			a.value = html.UnescapeString(string(raw))
		}
		el.attrs = append(el.attrs, a)
	}
}

// skipPast returns the offset just after the first end at or after i, or
// the end of src.
func skipPast(src []byte, i int, end string) int {
	if i > len(src) {
		return len(src)
	}
	k := bytes.Index(src[i:], []byte(end))
	if k < 0 {
		return len(src)
	}
	return i + k + len(end)
}

// skipRawText returns the offset of the end tag that closes a raw-text
// element, such as </script>, or the end of src.
func skipRawText(src []byte, i int, name string) int {
	closing := []byte("</" + name)
	for i < len(src) {
		k := bytes.Index(src[i:], []byte("</"))
		if k < 0 {
			return len(src)
		}
		i += k
		if len(src)-i >= len(closing) && bytes.EqualFold(src[i:i+len(closing)], closing) {
			return i
		}
		i += 2
	}
	return len(src)
}

// blankActions returns a copy of a Go template with every {{action}}
// replaced by actionMark bytes (line breaks kept), so that offsets, lines
// and columns still match the file while the markup can be scanned.
func blankActions(src []byte) []byte {
	out := bytes.Clone(src)
	i := 0
	for {
		open := bytes.Index(out[i:], []byte("{{"))
		if open < 0 {
			return out
		}
		open += i
		end := bytes.Index(out[open+2:], []byte("}}"))
		if end < 0 {
			end = len(out)
		} else {
			end = open + 2 + end + 2
		}
		for k := open; k < end; k++ {
			if out[k] != '\n' {
				out[k] = actionMark
			}
		}
		i = end
		if i >= len(out) {
			return out
		}
	}
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
