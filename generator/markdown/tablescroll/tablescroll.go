// Package tablescroll is the goldmark extension that puts each table in a
// region of its own, which scrolls sideways when the table is wider than
// the screen, instead of the page:
//
//	<div class="table-scroll" role="region" aria-label="Table: Sign, What to do" tabindex="0">
//	<table>...</table>
//	</div>
//
// WCAG 1.4.10 (reflow) lets a data table scroll in two directions, but the
// page around it must not: the theme gives .table-scroll overflow-x:
// auto. A region that scrolls must be reachable by keyboard to be
// scrolled (axe's scrollable-region-focusable), so it has tabindex="0"
// in the HTML, as Adrian Roselli's and GOV.UK's scrolling tables do: it
// then works without JavaScript. The theme's script takes the region out
// of the tab order while its table fits (assets/site.js), so a narrow
// table adds no stop for keyboard users. The region is named so that a
// screen reader says what it holds when focus lands on it: "Table" and
// the first column headings ("Table: Sign, What to do", at most
// maxColumns of them), or "Table" alone when the headings are empty.
// Markdown tables have no caption.
//
// The words come from Env.Text in the document's language: the keys
// table.label and table.columns ({0} the headings joined by ", ").
package tablescroll

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handout-health/handout/generator/markdown/sections"
)

// maxColumns is how many column headings name a region: enough to say
// what the table is about, few enough to hear before its cells.
const maxColumns = 3

// Env is the per-document input of the extension.
type Env struct {
	// Text returns the theme's words in the document's language; nil
	// leaves each key as it is.
	Text func(key string, args ...any) string
}

var envKey = parser.NewContextKey()

// WithEnv stores a document's Env in a parser context.
func WithEnv(pc parser.Context, env *Env) { pc.Set(envKey, env) }

// Extension wraps tables in scrolling regions.
var Extension goldmark.Extender = extension{}

type extension struct{}

// Extend implements goldmark.Extender.
func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		// After the glossary transformer (2000), so that a heading's
		// linked words still read as its text: the label is taken from
		// the finished cells.
		util.Prioritized(transformer{}, 2100),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 500)))
}

type transformer struct{}

var _ parser.ASTTransformer = transformer{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	words := func(key string, _ ...any) string { return key }
	if env, _ := pc.Get(envKey).(*Env); env != nil && env.Text != nil {
		words = env.Text
	}
	var tables []*east.Table
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering {
			tables = append(tables, t)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, t := range tables {
		region := &Region{Label: words("table.label")}
		if headings := columnHeadings(t, reader.Source()); headings != "" {
			region.Label = words("table.columns", headings)
		}
		t.Parent().ReplaceChild(t.Parent(), t, region)
		region.AppendChild(region, t)
	}
}

// columnHeadings returns the text of a table's first column headings,
// joined by ", ", without empty ones.
func columnHeadings(t *east.Table, source []byte) string {
	header, ok := t.FirstChild().(*east.TableHeader)
	if !ok {
		return ""
	}
	var cells []string
	for c := header.FirstChild(); c != nil && len(cells) < maxColumns; c = c.NextSibling() {
		if s := sections.PlainText(c, source); s != "" {
			cells = append(cells, s)
		}
	}
	return strings.Join(cells, ", ")
}

type nodeRenderer struct{}

var _ renderer.NodeRenderer = nodeRenderer{}

// RegisterFuncs implements renderer.NodeRenderer.
func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindRegion, renderRegion)
}

func renderRegion(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<div class="table-scroll" role="region" aria-label="`)
	_, _ = w.Write(util.EscapeHTML([]byte(node.(*Region).Label)))
	_, _ = w.WriteString("\" tabindex=\"0\">\n")
	return ast.WalkContinue, nil
}
