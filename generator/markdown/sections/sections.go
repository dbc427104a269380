// Package sections is a goldmark extension that splits an article at its
// `##` headings into Section nodes, matched against the site's section
// schema (SPEC "Article body").
//
// A heading that matches a schema entry (case-insensitively, any of its
// accepted headings) gets the schema id as its anchor (`#mechanism`) and,
// when the entry has a display title, that title as its text. Other `##`
// headings are kept, with an anchor made from their text. Blocks before the
// first `##` become the Lede. The output is
//
//	<div class="lede">...</div>
//	<section class="section section--mechanism" aria-labelledby="mechanism">
//	  <h2 id="mechanism">Mechanism</h2> ...
//	</section>
//
// and the risk section also gets the classes "callout callout--caution"
// and role="note", so that the theme shows it as a caution callout.
package sections

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Spec is one entry of the section schema.
type Spec struct {
	ID       string
	Title    string
	Headings []string
}

// CalloutID is the schema id rendered as a caution callout.
const CalloutID = "risk"

// Transformer groups a document's top-level blocks into sections.
type Transformer struct {
	byHeading map[string]Spec
}

var _ parser.ASTTransformer = (*Transformer)(nil)

// NewTransformer returns a transformer for the given schema.
func NewTransformer(schema []Spec) *Transformer {
	t := &Transformer{byHeading: map[string]Spec{}}
	for _, s := range schema {
		for _, h := range s.Headings {
			t.byHeading[strings.ToLower(strings.TrimSpace(h))] = s
		}
	}
	return t
}

// Match returns the schema entry a heading opens.
func (t *Transformer) Match(heading string) (Spec, bool) {
	s, ok := t.byHeading[strings.ToLower(strings.TrimSpace(heading))]
	return s, ok
}

// Transform implements parser.ASTTransformer.
func (t *Transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var current ast.Node      // the Section or Lede collecting blocks
	headed := false           // a heading has been seen: no lede after it
	seen := map[string]bool{} // schema ids already given to a section
	for child := doc.FirstChild(); child != nil; {
		next := child.NextSibling()
		heading, isHeading := child.(*ast.Heading)
		switch {
		case child.Kind() == east.KindFootnoteList:
			current = nil
		case isHeading && heading.Level == 1:
			current, headed = nil, true
		case isHeading && heading.Level == 2:
			section := t.newSection(heading, source, seen)
			doc.InsertBefore(doc, child, section)
			current, headed = section, true
		case current == nil && !headed:
			current = &Lede{}
			doc.InsertBefore(doc, child, current)
		}
		if current != nil {
			doc.RemoveChild(doc, child)
			current.AppendChild(current, child)
		}
		child = next
	}
}

// newSection makes the Section a `##` heading opens. A schema heading seen
// before in the document (a second "## Risks") opens an ordinary section
// with its own anchor, so that no id appears twice on the page.
func (t *Transformer) newSection(heading *ast.Heading, source []byte, seen map[string]bool) *Section {
	title := PlainText(heading, source)
	section := &Section{Title: title}
	if lines := heading.Lines(); lines.Len() > 0 {
		section.Offset = lines.At(0).Start
	}
	if spec, ok := t.Match(title); ok && !seen[spec.ID] {
		seen[spec.ID] = true
		section.ID, section.Schema = spec.ID, true
		heading.SetAttributeString("id", []byte(spec.ID))
		if spec.Title != "" && !strings.EqualFold(spec.Title, title) {
			section.Title = spec.Title
			heading.RemoveChildren(heading)
			heading.AppendChild(heading, ast.NewString([]byte(spec.Title)))
		}
	} else if id, ok := heading.AttributeString("id"); ok {
		section.ID = string(id.([]byte))
	}
	return section
}

// PlainText returns the text of a node's inline children, without markup.
func PlainText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(source))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// Renderer renders Section and Lede nodes.
type Renderer struct{}

var _ renderer.NodeRenderer = (*Renderer)(nil)

// RegisterFuncs implements renderer.NodeRenderer.
func (r *Renderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindSection, r.renderSection)
	reg.Register(KindLede, r.renderLede)
}

func (r *Renderer) renderSection(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</section>\n")
		return ast.WalkContinue, nil
	}
	n := node.(*Section)
	class := "section"
	if n.Schema {
		class += " section--" + n.ID
	}
	role := ""
	if n.ID == CalloutID && n.Schema {
		class += " callout callout--caution"
		role = ` role="note"`
	}
	_, _ = w.WriteString(`<section class="` + class + `"` + role)
	if n.ID != "" {
		_, _ = w.WriteString(` aria-labelledby="`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.ID)))
		_, _ = w.WriteString(`"`)
	}
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

func (r *Renderer) renderLede(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<div class=\"lede\">\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

// Extension splits documents into sections.
type Extension struct {
	Schema []Spec
}

// Extend implements goldmark.Extender.
func (e *Extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		// After the footnote transformer (999), which appends the footnote
		// list that must stay outside every section.
		util.Prioritized(NewTransformer(e.Schema), 1000),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&Renderer{}, 500)))
}

// IDs returns the schema's section ids.
func (t *Transformer) IDs() []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range t.byHeading {
		if !seen[s.ID] {
			seen[s.ID] = true
			out = append(out, s.ID)
		}
	}
	return out
}
