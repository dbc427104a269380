package rawhtml

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/handout-health/handout/generator/internal/htmlattr"
)

// removedElements are the elements whose tags the sanitizer removes, and
// why.
var removedElements = map[string]string{
	"script":    "content cannot run script (a script that consent gates, <script type=\"text/plain\" data-consent=\"CATEGORY\">, is kept)",
	"base":      "it would move every address of the page, the theme's own included",
	"meta":      "a page's metadata comes from its front matter and the theme",
	"link":      "stylesheets and other files a page loads belong in the theme",
	"object":    "plug-in content can run script: use an image or a video",
	"embed":     "plug-in content can run script: use an image or a video",
	"applet":    "plug-in content can run script: use an image or a video",
	"frame":     "frames belong in an <iframe>",
	"frameset":  "frames belong in an <iframe>",
	"portal":    "it loads another page into this one",
	"plaintext": "it would turn the rest of the page into text",
	"svg":       "inside <svg> the browser reads markup by other rules: save the drawing as an .svg file and show it as an image",
	"math":      "inside <math> the browser reads markup by other rules: write the formula in words, or show it as an image",
}

// sanitize returns the raw HTML of pieces with what could run script
// removed, and whether anything changed.
func (s *sanitizer) sanitize(pieces []piece) ([]byte, bool) {
	var src []byte
	starts := make([]int, len(pieces))
	for i, p := range pieces {
		starts[i] = len(src)
		src = append(src, p.text...)
	}
	// at maps an offset of src to the Markdown source.
	at := func(off int) int {
		if len(pieces) == 0 {
			return 0
		}
		i := max(0, sortSearch(starts, off)-1)
		return pieces[i].at + off - starts[i]
	}
	// A piece read while an element holds text starts as its content: the
	// tokenizer is put in that state by the element's start tag, which is
	// then not copied.
	prefix := 0
	if s.open != "" {
		open := "<" + s.open + ">"
		src = append([]byte(open), src...)
		prefix = len(open)
		for i := range starts {
			starts[i] += prefix
		}
	}
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	var out bytes.Buffer
	changed := false
	skip := "" // a removed element whose content is dropped too
	off := 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		start := off
		off += len(z.Raw())
		raw := src[start:off]
		if start < prefix {
			continue
		}
		switch tt {
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, tag, ok := s.startTag(z, raw, at(start), tt == xhtml.SelfClosingTagToken)
			if !ok {
				changed = true
				if htmlattr.HoldsText(name) {
					skip = name
				}
				continue
			}
			if !bytes.Equal(tag, raw) {
				changed = true
			}
			out.Write(tag)
			if htmlattr.HoldsText(name) {
				s.open = name
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			switch _, removed := removedElements[string(name)]; {
			case string(name) == skip:
				// The end of a removed element's content.
				skip = ""
				changed = true
			case string(name) == s.open:
				s.open = ""
				out.Write(raw)
			case removed:
				changed = true
			default:
				out.Write(raw)
			}
		case xhtml.TextToken:
			if skip != "" {
				continue
			}
			out.Write(raw)
		case xhtml.CommentToken, xhtml.DoctypeToken:
			if !bytes.HasSuffix(raw, []byte(">")) {
				s.remove(at(start), "this comment is never closed, so it would hide the rest of the page: it is removed (close it with -->)")
				changed = true
				continue
			}
			out.Write(raw)
		}
	}
	if skip == "" && off < len(src) && off >= prefix {
		s.remove(at(off), "this tag is not finished (a > or a closing quote is missing), so it would swallow what follows it on the page: it is removed")
		changed = true
	}
	if skip != "" {
		// A removed element never closed: it held the rest, dropped too.
		s.open = ""
	}
	return bytes.ReplaceAll(out.Bytes(), []byte{0}, []byte("\uFFFD")), changed
}

// sortSearch returns the number of starts at or before off.
func sortSearch(starts []int, off int) int {
	n := 0
	for n < len(starts) && starts[n] <= off {
		n++
	}
	return n
}

// startTag judges a start tag: it returns the element's name, the tag to
// write (raw when nothing changes), and false when the whole element is
// removed.
func (s *sanitizer) startTag(z *xhtml.Tokenizer, raw []byte, offset int, selfClosing bool) (string, []byte, bool) {
	nameBytes, more := z.TagName()
	name := string(nameBytes)
	if a := atom.Lookup(nameBytes); a != 0 {
		name = a.String()
	}
	type kv struct{ key, val string }
	var attrs []kv
	for more {
		var key, val []byte
		key, val, more = z.TagAttr()
		attrs = append(attrs, kv{string(key), string(val)})
	}
	get := func(key string) string {
		for _, a := range attrs {
			if a.key == key {
				return a.val
			}
		}
		return ""
	}
	if why, removed := removedElements[name]; removed && !(name == "script" && gated(get)) {
		s.remove(offset, "<%s> removed: %s", name, why)
		if name == "script" {
			s.removals[len(s.removals)-1].ScriptSrc = get("src")
		}
		return name, nil, false
	}
	var kept []kv
	for _, a := range attrs {
		if why, drop := dropAttr(name, a.key, a.val); drop {
			s.remove(offset+attrOffset(raw, a.key), "%s removed from <%s>: %s", a.key, name, why)
			continue
		}
		kept = append(kept, a)
	}
	if len(kept) == len(attrs) {
		return name, raw, true
	}
	var b bytes.Buffer
	b.WriteString("<" + name)
	for _, a := range kept {
		b.WriteString(" " + a.key + `="` + html.EscapeString(a.val) + `"`)
	}
	if selfClosing {
		b.WriteString(" /")
	}
	b.WriteString(">")
	return name, b.Bytes(), true
}

// gated reports whether a script waits for consent: type="text/plain"
// with data-consent, which the banner turns into a script once its
// category is allowed.
func gated(get func(string) string) bool {
	return strings.EqualFold(strings.TrimSpace(get("type")), "text/plain") && get("data-consent") != ""
}

// dropAttr says whether an attribute of an element goes, and why.
func dropAttr(element, key, val string) (string, bool) {
	switch {
	case htmlattr.IsHandler(key):
		return "event handlers run script", true
	case key == "srcdoc":
		return "it holds a whole page, which could run script", true
	case !plainName(key):
		return "no HTML attribute has such a name", true
	case htmlattr.IsAddress(key):
		if u, why, bad := htmlattr.RunsScript(element, key, val); bad {
			return "its address " + quoteShort(u) + " " + why, true
		}
	}
	return "", false
}

// plainName reports whether an attribute name is made of the characters
// HTML's own attribute names use.
func plainName(key string) bool {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.') {
			return false
		}
	}
	return key != ""
}

// attrOffset returns the offset of an attribute's name in its tag, or 0.
func attrOffset(raw []byte, key string) int {
	lower := bytes.ToLower(raw)
	for from := 1; ; {
		k := bytes.Index(lower[from:], []byte(key))
		if k < 0 {
			return 0
		}
		at := from + k
		if c := lower[at-1]; c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '"' || c == '\'' {
			return at
		}
		from = at + 1
	}
}

// quoteShort quotes an address, shortened to what an editor needs to find
// it.
func quoteShort(u string) string {
	if len(u) > 40 {
		u = u[:40] + "…"
	}
	return `"` + u + `"`
}

// link removes a Markdown link, image or autolink whose address runs
// script: a link or autolink becomes its text, an image goes.
func (s *sanitizer) link(n ast.Node) {
	var dest, element string
	switch n := n.(type) {
	case *ast.Link:
		dest, element = string(n.Destination), "a"
	case *ast.Image:
		dest, element = string(n.Destination), "img"
	case *ast.AutoLink:
		dest, element = string(n.URL(s.src)), "a"
	}
	key := "href"
	if element == "img" {
		key = "src"
	}
	u, why, bad := htmlattr.RunsScript(element, key, dest)
	if !bad {
		return
	}
	parent := n.Parent()
	switch n := n.(type) {
	case *ast.AutoLink:
		s.remove(s.startOf(n), "the link %s was removed: its address %s", quoteShort(u), why)
		parent.ReplaceChild(parent, n, ast.NewString(n.Label(s.src)))
	case *ast.Image:
		s.remove(s.startOf(n), "the image %s was removed: its address %s", quoteShort(u), why)
		parent.RemoveChild(parent, n)
	default:
		s.remove(s.startOf(n), "the link to %s was removed, its text kept: its address %s", quoteShort(u), why)
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// startOf returns where a node was written in the source: the first raw
// segment or text inside it, else the first line of its block.
func (s *sanitizer) startOf(n ast.Node) int {
	switch n := n.(type) {
	case *Block:
		return n.Offset
	case *Inline:
		return n.Offset
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			return n.Segments.At(0).Start
		}
	case *ast.AutoLink:
		// An autolink keeps no segment: find it after its block's start.
		from := blockStart(n)
		if k := bytes.Index(s.src[from:], append([]byte("<"), n.Label(s.src)...)); k >= 0 {
			return from + k
		}
		return from
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return blockStart(n)
}

// blockStart returns where the block holding n starts.
func blockStart(n ast.Node) int {
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
