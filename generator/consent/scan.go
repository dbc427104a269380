package consent

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/handout-health/handout/generator/internal/htmlattr"
)

// findings returns the problems of an HTML text in the order of their
// positions. template is true for a template whose actions blankActions
// replaced.
func (r *Rules) findings(src []byte, template bool) []finding {
	return r.findingsAt(0, src, template)
}

// findingsAt is findings for a text at a depth of nested srcdoc pages.
//
// The tokenizer alone reads markup as the browser does, provided no
// element switches to foreign content: only the tree builder knows that
// <style> in an SVG drawing holds markup, and that CDATA sections exist
// there. A text with <svg> or <math> is read by the tree builder instead,
// unless its only SVG is drawings of shapes only (shapesOnlySVG), which
// the tokenizer reads as the tree builder does.
// A text with <noscript> is read twice, as a browser that runs script
// reads it (its content is text) and as one that does not (markup).
func (r *Rules) findingsAt(depth int, src []byte, template bool) []finding {
	foreign, noscript := tagsThatMatter(src)
	read := func(src []byte, scripting, template bool, depth int, emit func(finding)) {
		r.tokens(src, scripting, template, depth, emit)
	}
	if foreign {
		read = r.tree
	}
	var out []finding
	emit := func(f finding) { out = append(out, f) }
	read(src, true, template, depth, emit)
	if noscript {
		read(src, false, template, depth, emit)
		slices.SortStableFunc(out, func(a, b finding) int { return cmp.Compare(a.pos, b.pos) })
		out = slices.CompactFunc(out, func(a, b finding) bool { return a.pos == b.pos && a.message == b.message })
	}
	return out
}

// tokens reads src with the HTML tokenizer, judging each start tag and
// the stylesheet of each <style>. It reports whether the text ends where
// text after it would be read afresh: after a whole token, outside the
// text of a <script>, <style> or the like, outside a comment, and not
// after a lone "<" (see endsAfresh).
func (r *Rules) tokens(src []byte, scripting, template bool, depth int, emit func(finding)) (clean bool) {
	z := html.NewTokenizer(bytes.NewReader(src))
	off := 0
	inStyle := false
	rawOpen := "" // the element whose text the tokenizer is reading
	clean = true
	var el element
	// Findings carry the tag as written, by which CheckDocument places them.
	judged := func(f finding) {
		f.tag = string(src[el.start:el.end])
		emit(f)
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			// The end of the text. A browser drops a tag cut off by the end
			// of a page, but in a piece of a page (a document, a template)
			// the rest of the page would finish it: it is judged as if it
			// ended there.
			if tail, ok := finishTag(src[off:]); ok {
				r.tokens(tail, scripting, template, depth, func(f finding) {
					f.pos += off
					emit(f)
				})
			}
			return clean && off == len(src) && rawOpen == ""
		}
		start := off
		off += len(z.Raw())
		clean = endsAfresh(tt, src[start:off])
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			el = element{name: tagName(name), start: start, end: off, attrs: el.attrs[:0]}
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				if a, ok := readAttr(key, val, template); ok {
					el.attrs = append(el.attrs, a)
				}
			}
			if el.name == "noscript" && !scripting {
				z.NextIsNotRawText()
			} else if htmlattr.HoldsText(el.name) {
				rawOpen = el.name
			}
			inStyle = el.name == "style"
			r.judge(&el, template, depth, judged)
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == rawOpen {
				rawOpen = ""
			}
			inStyle = false
		case html.TextToken:
			if inStyle {
				// Raw text: the source bytes are what the CSS parser gets,
				// but that a NUL is read as U+FFFD (which shifts the
				// columns after one, a little).
				css := src[start:off]
				if bytes.IndexByte(css, 0) >= 0 {
					css = bytes.ReplaceAll(css, []byte{0}, []byte(actionText))
				}
				r.checkStylesheet(css, start, template, emit)
			}
			inStyle = false
		default:
			inStyle = false
		}
	}
}

// endsAfresh reports whether text after a token of type tt, written raw,
// starts afresh: not after a comment or declaration cut off by the end
// ("<!-- a"), nor after a "<" or "</" that the end left as text but that
// text after it would make a tag.
func endsAfresh(tt html.TokenType, raw []byte) bool {
	switch tt {
	case html.CommentToken, html.DoctypeToken:
		return bytes.HasSuffix(raw, []byte(">"))
	case html.TextToken:
		return !bytes.HasSuffix(raw, []byte("<")) && !bytes.HasSuffix(raw, []byte("</"))
	}
	return true
}

// finishTag returns an unfinished start tag closed, with the quote it
// was cut off in, when tail is one.
func finishTag(tail []byte) ([]byte, bool) {
	if len(tail) < 2 || tail[0] != '<' || !isLetter(tail[1]) {
		return nil, false
	}
	for _, end := range []string{">", "\">", "'>"} {
		closed := append(bytes.Clone(tail), end...)
		z := html.NewTokenizer(bytes.NewReader(closed))
		if tt := z.Next(); (tt == html.StartTagToken || tt == html.SelfClosingTagToken) && len(z.Raw()) == len(closed) {
			return closed, true
		}
	}
	return nil, false
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tagName returns a tag name as a string, without a copy for the names
// HTML knows.
func tagName(name []byte) string {
	if a := atom.Lookup(name); a != 0 {
		return a.String()
	}
	return string(name)
}

// readAttr turns a tokenizer attribute into an attr, when the check looks
// at it. In a template, a template action that stood in the name is
// dropped from it (`{{if .X}}src="a"{{end}}` is src), and one in the value
// makes it dynamic.
func readAttr(key, val []byte, template bool) (attr, bool) {
	dynamic := false
	if template {
		key = bytes.TrimLeft(key, actionText)
		dynamic = bytes.Contains(val, []byte(actionText))
	}
	if !wanted(key) {
		return attr{}, false
	}
	return attr{key: string(key), val: string(val), dynamic: dynamic}, true
}

// tree reads src with the HTML tree builder, as a browser does, and judges
// each element and each <style>. The tree does not say where an element
// was written: a finding is placed where its address is first written,
// else at the element's first start tag, after the last finding placed.
func (r *Rules) tree(src []byte, scripting, template bool, depth int, emit func(finding)) {
	doc, err := html.ParseWithOptions(bytes.NewReader(src), html.ParseOptionEnableScripting(scripting))
	if err != nil {
		return // only a failing reader, which a byte slice is not
	}
	place := placer{src: src}
	var el element
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		el = element{name: asciiLower(n.Data), attrs: el.attrs[:0]}
		for _, a := range n.Attr {
			key := asciiLower(a.Key)
			if a.Namespace != "" {
				key = a.Namespace + ":" + key
			}
			if a, ok := readAttr([]byte(key), []byte(a.Val), template); ok {
				el.attrs = append(el.attrs, a)
			}
		}
		r.judge(&el, template, depth, func(f finding) {
			f.pos = place.find(f.url, el.name)
			emit(f)
		})
		if el.name == "style" {
			var css bytes.Buffer
			for c := range n.ChildNodes() {
				if c.Type == html.TextNode {
					css.WriteString(c.Data)
				}
			}
			r.checkStylesheet(css.Bytes(), 0, template, func(f finding) {
				f.pos = place.find(f.url, "style")
				emit(f)
			})
		}
	}
}

// asciiLower lowers ASCII letters only, as the tokenizer does: the tree
// keeps the case of some foreign names (foreignObject, viewBox).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// placer finds where the findings of a tree were written.
type placer struct {
	src  []byte
	from int
}

// find returns the offset of url in the text after the last place found,
// else that of the start tag of name, else the last place found.
func (p *placer) find(url, name string) int {
	for _, needle := range []string{url, "<" + name} {
		if needle == "" || needle == "<" {
			continue
		}
		if k := indexFold(p.src[p.from:], needle); k >= 0 {
			p.from += k
			return p.from
		}
	}
	return p.from
}

// indexFold is bytes.Index, ignoring ASCII case.
func indexFold(s []byte, needle string) int {
	n := len(needle)
	for i := 0; i+n <= len(s); i++ {
		if bytes.EqualFold(s[i:i+n], []byte(needle)) {
			return i
		}
	}
	return -1
}

// tagsThatMatter reports whether src holds a start tag of svg or math
// (foreign content), and of noscript, in any case. A drawing of shapes
// only (shapesOnlySVG), which the tokenizer reads as the tree builder
// does, is not foreign content here: it is skipped whole.
func tagsThatMatter(src []byte) (foreign, noscript bool) {
	for i := 0; ; {
		k := bytes.IndexByte(src[i:], '<')
		if k < 0 {
			return foreign, noscript
		}
		i += k + 1
		switch {
		case startsTag(src[i:], "svg"):
			if n := shapesOnlySVG(src[i-1:]); n > 0 {
				i += n - 1
			} else {
				foreign = true
			}
		case startsTag(src[i:], "math"):
			foreign = true
		case startsTag(src[i:], "noscript"):
			noscript = true
		}
	}
}

// startsTag reports whether s starts with name, in any case, followed by
// white space, "/", ">" or the end.
func startsTag(s []byte, name string) bool {
	if len(s) < len(name) || !bytes.EqualFold(s[:len(name)], []byte(name)) {
		return false
	}
	return len(s) == len(name) || strings.IndexByte(" \t\n\f\r/>", s[len(name)]) >= 0
}

// actionText stands for a template action in a value: blankActions writes
// NUL bytes, which the tokenizer reads as U+FFFD.
const actionText = "\uFFFD"

// blankActions returns a copy of a Go template with every {{action}}
// replaced by NUL bytes (line breaks kept), so that offsets, lines and
// columns still match the file while the markup can be read.
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
				out[k] = 0
			}
		}
		i = end
		if i >= len(out) {
			return out
		}
	}
}

// showActions writes each run of template actions of a value as {{…}}.
func showActions(v string) string {
	var b strings.Builder
	prev := false
	for _, r := range v {
		action := string(r) == actionText
		if !action {
			b.WriteRune(r)
		} else if !prev {
			b.WriteString("{{…}}")
		}
		prev = action
	}
	return b.String()
}
