// Package glossterm is a goldmark extension that links the first mention
// of each glossary entry in a document to the entry, carrying its short
// definition:
//
//	<a class="gloss" href="/glossary/reuptake/" data-definition="...">reuptake</a>
//
// Without JavaScript this is a plain link to the glossary entry; the
// theme's script turns data-definition into an accessible tooltip.
//
// The transformer asks a Matcher (package glossary implements one) for
// the mentions in each text node, in one pass for all entries. It never
// links inside headings (a callout's title included), links, wiki links, autolinks, code, images or raw
// HTML, nor an entry on its own page. What to match, and which document
// is being converted, travel in the parser context (see WithEnv), so one
// goldmark instance serves every document and goroutine.
package glossterm

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handout-health/handout/generator/markdown/callout"
	"github.com/handout-health/handout/generator/markdown/wikilink"
)

// Entry is something a mention can link to.
type Entry struct {
	// ID identifies the entry (its file path).
	ID string
	// URL is the entry's address, including the base path.
	URL string
	// Definition is the short plain-text definition.
	Definition string
}

// Matcher finds mentions of entries in text.
type Matcher interface {
	// Match calls fn for each mention in text, left to right, longest
	// first, never overlapping; start and end are byte offsets.
	Match(text []byte, fn func(start, end int, e *Entry))
}

// Env is the per-document input of the transformer.
type Env struct {
	Matcher Matcher
	// Self is the ID of the document being converted; it is never linked.
	Self string
	// Linked receives the IDs of the entries linked, in order.
	Linked *[]string
}

var envKey = parser.NewContextKey()

// WithEnv stores a document's Env in a parser context.
func WithEnv(pc parser.Context, env *Env) { pc.Set(envKey, env) }

// Transformer links glossary mentions.
type Transformer struct{}

var _ parser.ASTTransformer = Transformer{}

// Transform implements parser.ASTTransformer.
func (Transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	env, _ := pc.Get(envKey).(*Env)
	if env == nil || env.Matcher == nil {
		return
	}
	source := reader.Source()
	linked := map[string]bool{env.Self: true}
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHeading, ast.KindLink, ast.KindAutoLink, ast.KindImage, ast.KindCodeSpan,
			ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML,
			wikilink.KindWikilink, KindTerm, callout.KindTitle:
			return ast.WalkSkipChildren, nil
		case ast.KindText:
			texts = append(texts, n.(*ast.Text))
		}
		return ast.WalkContinue, nil
	})
	// Texts are collected first and changed afterwards, so the walk never
	// sees a tree it is changing.
	for _, run := range runs(texts, source) {
		link(run, source, env, linked)
	}
}

// runs groups text nodes that read as one text: siblings next to each
// other in the source, or separated only by a soft line break. Goldmark
// splits a paragraph's text at many places (every line, and wherever an
// inline parser looked and found nothing), and a name such as "REM sleep"
// must still be found across such a split.
func runs(texts []*ast.Text, source []byte) [][]*ast.Text {
	var out [][]*ast.Text
	for i, t := range texts {
		if i > 0 {
			prev := texts[i-1]
			if prev.NextSibling() == ast.Node(t) && !prev.HardLineBreak() &&
				isSpace(source[prev.Segment.Stop:t.Segment.Start]) && (prev.Segment.Stop == t.Segment.Start || prev.SoftLineBreak()) {
				out[len(out)-1] = append(out[len(out)-1], t)
				continue
			}
		}
		out = append(out, []*ast.Text{t})
	}
	return out
}

func isSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// link replaces a run of text nodes with text and the first mention of
// each entry not linked yet. The run is contiguous in the source (line
// breaks aside), so new text nodes point into it directly; a line break
// inside a piece is kept as the newline it is in the source.
func link(run []*ast.Text, source []byte, env *Env, linked map[string]bool) {
	first, last := run[0], run[len(run)-1]
	start, stop := first.Segment.Start, last.Segment.Stop
	type mention struct {
		start, end int
		e          *Entry
	}
	var found []mention
	env.Matcher.Match(source[start:stop], func(s, e int, entry *Entry) {
		if !linked[entry.ID] {
			linked[entry.ID] = true
			found = append(found, mention{start + s, start + e, entry})
		}
	})
	if len(found) == 0 {
		return
	}
	parent := first.Parent()
	var prev ast.Node = first.PreviousSibling()
	insert := func(n ast.Node) {
		if prev == nil {
			if parent.FirstChild() == nil {
				parent.AppendChild(parent, n)
			} else {
				parent.InsertBefore(parent, parent.FirstChild(), n)
			}
		} else {
			parent.InsertAfter(parent, prev, n)
		}
		prev = n
	}
	for _, t := range run {
		parent.RemoveChild(parent, t)
	}
	pos := start
	for _, m := range found {
		if m.start > pos {
			insert(ast.NewTextSegment(text.NewSegment(pos, m.start)))
		}
		node := &Node{Entry: m.e}
		node.AppendChild(node, ast.NewTextSegment(text.NewSegment(m.start, m.end)))
		insert(node)
		*env.Linked = append(*env.Linked, m.e.ID)
		pos = m.end
	}
	rest := ast.NewTextSegment(text.NewSegment(pos, stop))
	rest.SetSoftLineBreak(last.SoftLineBreak())
	rest.SetHardLineBreak(last.HardLineBreak())
	insert(rest)
}

// Renderer renders Term nodes as links with the definition.
type Renderer struct{}

var _ renderer.NodeRenderer = Renderer{}

// RegisterFuncs implements renderer.NodeRenderer.
func (r Renderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTerm, r.render)
}

func (Renderer) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	n := node.(*Node)
	_, _ = w.WriteString(`<a class="gloss" href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(n.Entry.URL), true)))
	_, _ = w.WriteString(`" data-definition="`)
	_, _ = w.Write(util.EscapeHTML([]byte(n.Entry.Definition)))
	_, _ = w.WriteString(`">`)
	return ast.WalkContinue, nil
}

type extension struct{}

// Extension adds glossary linking to a goldmark instance.
var Extension goldmark.Extender = extension{}

// Extend implements goldmark.Extender.
func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		// After link resolution (1500) and sections (1000): it must see
		// the final links to stay out of them.
		util.Prioritized(Transformer{}, 2000),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(Renderer{}, 500)))
}
