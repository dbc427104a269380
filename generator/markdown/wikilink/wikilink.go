// Package wikilink is a goldmark extension for `[[Target]]`,
// `[[Target|label]]` and `[[Target#Section]]` links.
//
// The parser only records what was written; resolving a target to a URL is
// site knowledge, done by a transformer of the caller's (see package
// markdown). The label is the text after '|', or the target as written, or
// "Target: Section" for a link to a section. A link the resolver could not resolve renders as
// `<span class="broken-link">label</span>`, so that a preview still reads.
package wikilink

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Parser parses `[[...]]` into Wikilink nodes.
type Parser struct{}

var _ parser.InlineParser = (*Parser)(nil)

// Trigger implements parser.InlineParser.
func (*Parser) Trigger() []byte { return []byte{'['} }

// Parse implements parser.InlineParser.
func (*Parser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("[[")) {
		return nil
	}
	// The target holds no bracket, so the first bracket after "[[" must
	// open "]]". Stopping there keeps a line of many "[[" linear.
	end := bytes.IndexAny(line[2:], "[]")
	if end < 0 || !bytes.HasPrefix(line[2+end:], []byte("]]")) {
		return nil
	}
	inner := line[2 : 2+end]
	if len(bytes.TrimSpace(inner)) == 0 {
		return nil
	}
	target, label, hasLabel := bytes.Cut(inner, []byte("|"))
	target, fragment, _ := bytes.Cut(target, []byte("#"))
	node := &Wikilink{
		Target:   bytes.TrimSpace(target),
		Fragment: bytes.TrimSpace(fragment),
		Offset:   segment.Start,
	}
	switch {
	case hasLabel:
		// The label is a text node pointing into the source, so that it
		// keeps its position for messages.
		start := segment.Start + 2 + len(inner) - len(label)
		trimmed := bytes.TrimSpace(label)
		start += bytes.Index(label, trimmed)
		node.AppendChild(node, ast.NewTextSegment(text.NewSegment(start, start+len(trimmed))))
	case len(node.Fragment) > 0:
		node.AppendChild(node, ast.NewString(append(append(bytes.Clone(node.Target), ": "...), node.Fragment...)))
	default:
		start := segment.Start + 2 + bytes.Index(inner, node.Target)
		node.AppendChild(node, ast.NewTextSegment(text.NewSegment(start, start+len(node.Target))))
	}
	block.Advance(end + 4)
	return node
}

// Renderer renders Wikilink nodes.
type Renderer struct{}

var _ renderer.NodeRenderer = (*Renderer)(nil)

// RegisterFuncs implements renderer.NodeRenderer.
func (r *Renderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindWikilink, r.render)
}

func (r *Renderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Wikilink)
	if len(n.Destination) == 0 {
		if entering {
			_, _ = w.WriteString(`<span class="broken-link">`)
		} else {
			_, _ = w.WriteString(`</span>`)
		}
		return ast.WalkContinue, nil
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(n.Destination, true)))
	_, _ = w.WriteString(`"`)
	_, _ = w.WriteString(">")
	return ast.WalkContinue, nil
}

type extension struct{}

// Extension adds wiki links to a goldmark instance.
var Extension goldmark.Extender = extension{}

// Extend implements goldmark.Extender.
func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		// Before goldmark's link parser (200), which would otherwise read
		// "[[x]]" as text around a bracketed label.
		util.Prioritized(&Parser{}, 199),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(&Renderer{}, 500),
	))
}
