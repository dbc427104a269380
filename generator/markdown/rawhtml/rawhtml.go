// Package rawhtml is the goldmark extension that keeps a document's raw
// HTML, when a site lets it through (markdown.unsafe: true), but removes
// what could run script, and says what it removed and where.
//
// Raw HTML is read with golang.org/x/net/html's tokenizer, the HTML
// standard's, so it is read as the browser will read it. Removed, each
// with a warning at its line and column:
//
//   - <script>, unless consent gates it (type="text/plain" with
//     data-consent: the banner runs it once its category is allowed), and
//     its code;
//   - <base>, <meta>, <link>, <object>, <embed>, <applet>, <frame>,
//     <frameset>, <portal> and <plaintext> (their tags; what they hold
//     stays as plain HTML);
//   - <svg> and <math> tags (what they hold stays, as plain HTML): inside
//     them the browser reads markup by other rules, so an SVG drawing goes
//     in a file, shown as an image;
//   - event handler attributes (onerror, onload, ...), srcdoc, and any
//     address that runs script: javascript: and vbscript: addresses, and
//     data: addresses anywhere but an image (package htmlattr);
//   - attributes whose names hold characters no HTML attribute has;
//   - an unfinished tag or comment at the end of a block, which would
//     swallow what follows it on the page.
//
// A <textarea>, <title>, <style> and the like opened in one piece of raw
// HTML hold everything up to their end tag as text, even across the
// document's Markdown, as in the browser: the sanitizer reads each piece
// in that state, and closes such an element left open at the end of the
// document. The same rules hold for Markdown links and images: one whose
// address runs script becomes its text.
//
// Everything else is copied byte for byte, so raw HTML that needs no
// change renders exactly as written. The consent check (package consent)
// then judges what the HTML fetches.
package rawhtml

import (
	"fmt"
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Removal is something the sanitizer took out of a document.
type Removal struct {
	// Offset is where it was written in the Markdown source.
	Offset int
	// What says what was removed and why, in an editor's words.
	What string
	// ScriptSrc is the address of a removed <script src>, which the
	// consent check judges too: a tracker pasted into content is a
	// consent error, not only a removal.
	ScriptSrc string
}

var removalsKey = parser.NewContextKey()

// Removals returns what the sanitizer removed from the document parsed
// with pc, in document order.
func Removals(pc parser.Context) []Removal {
	r, _ := pc.Get(removalsKey).([]Removal)
	return r
}

// Extension sanitizes raw HTML and links. Use it with goldmark's
// html.WithUnsafe renderer option: without it goldmark drops raw HTML.
var Extension goldmark.Extender = extension{}

type extension struct{}

// Extend implements goldmark.Extender.
func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		// Before the link transformer (1500): a link removed here is never
		// resolved or recorded.
		util.Prioritized(transformer{}, 1000),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 500)))
}

type transformer struct{}

var _ parser.ASTTransformer = transformer{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	s := &sanitizer{src: reader.Source()}
	var raw, links []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n.(type) {
			case *ast.HTMLBlock, *ast.RawHTML:
				raw = append(raw, n)
			case *ast.Link, *ast.Image, *ast.AutoLink:
				links = append(links, n)
			}
		}
		return ast.WalkContinue, nil
	})
	var last ast.Node
	for _, n := range raw {
		last = s.node(n)
	}
	if s.open != "" && last != nil {
		s.closeOpen(last)
	}
	for _, n := range links {
		s.link(n)
	}
	sort.SliceStable(s.removals, func(i, j int) bool { return s.removals[i].Offset < s.removals[j].Offset })
	pc.Set(removalsKey, s.removals)
}

// sanitizer carries, from one piece of raw HTML to the next, the element
// whose content the browser reads as text.
type sanitizer struct {
	src      []byte
	removals []Removal
	// open is the element (textarea, style...) whose content the browser
	// reads as text up to its end tag, left open by the last piece.
	open string
}

func (s *sanitizer) remove(offset int, format string, args ...any) {
	s.removals = append(s.removals, Removal{Offset: offset, What: fmt.Sprintf(format, args...)})
}

// piece is a run of raw HTML and where it starts in the source.
type piece struct {
	text []byte
	at   int
}

// pieces returns the raw HTML of an HTMLBlock or RawHTML node.
func (s *sanitizer) pieces(n ast.Node) []piece {
	var out []piece
	add := func(seg text.Segment) { out = append(out, piece{seg.Value(s.src), seg.Start}) }
	switch n := n.(type) {
	case *ast.HTMLBlock:
		for i := range n.Lines().Len() {
			add(n.Lines().At(i))
		}
		if n.HasClosure() {
			add(n.ClosureLine)
		}
	case *ast.RawHTML:
		for i := range n.Segments.Len() {
			add(n.Segments.At(i))
		}
	}
	return out
}

// node sanitizes one raw HTML node, replacing it when anything changed,
// and returns the node that stands in its place.
func (s *sanitizer) node(n ast.Node) ast.Node {
	out, changed := s.sanitize(s.pieces(n))
	if !changed {
		return n
	}
	return s.replace(n, out)
}

// replace puts sanitized HTML in the place of a raw HTML node.
func (s *sanitizer) replace(n ast.Node, html []byte) ast.Node {
	at := s.startOf(n)
	var safe ast.Node = &Inline{HTML: html, Offset: at}
	if _, ok := n.(*ast.HTMLBlock); ok {
		safe = &Block{HTML: html, Offset: at}
	}
	n.Parent().ReplaceChild(n.Parent(), n, safe)
	return safe
}

// closeOpen ends, after the last piece of raw HTML, the element left open
// at the end of the document, which would otherwise hold the rest of the
// page (the theme's footer and scripts) as text.
func (s *sanitizer) closeOpen(last ast.Node) {
	end := "</" + s.open + ">"
	switch n := last.(type) {
	case *Block:
		n.HTML = append(n.HTML, end...)
	case *Inline:
		n.HTML = append(n.HTML, end...)
	default:
		var html []byte
		for _, p := range s.pieces(n) {
			html = append(html, p.text...)
		}
		s.replace(n, append(html, end...))
	}
	s.remove(s.startOf(last), "<%s> is never closed, so it would hold the rest of the page as text: it is closed after the last HTML of the document", s.open)
	s.open = ""
}

// nodeRenderer writes sanitized raw HTML as it is.
type nodeRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(n.(*Block).HTML)
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(KindInline, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(n.(*Inline).HTML)
		}
		return ast.WalkSkipChildren, nil
	})
}
