package markdown

import (
	"github.com/yuin/goldmark/ast"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown/sections"
)

// List is a Markdown list of a document, nested lists included.
type List struct {
	// Ordered is true for a numbered list, false for a bullet list.
	Ordered bool
	// Items is the number of the list's own items (not of nested lists).
	Items int
	// Section is the id of the section the list is in ("" for the lede).
	Section string
	// Line is the line of the list's first item.
	Line int
}

// lists finds every list of a converted document, in order, for the
// plain-language check of long lists.
func lists(doc ast.Node, lines *diag.Lines) []List {
	var out []List
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		l, ok := n.(*ast.List)
		if !ok {
			return ast.WalkContinue, nil
		}
		out = append(out, List{Ordered: l.IsOrdered(), Items: l.ChildCount(), Section: sectionOf(l), Line: firstLine(l, lines)})
		return ast.WalkContinue, nil
	})
	return out
}

// sectionOf returns the id of the section n is in, or "" for the lede.
func sectionOf(n ast.Node) string {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if s, ok := p.(*sections.Section); ok {
			return s.ID
		}
	}
	return ""
}

// firstLine returns the line of the first text inside n, or 0 when n holds
// no text (a list of empty items).
func firstLine(n ast.Node, lines *diag.Lines) int {
	line := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if l := c.Lines(); l.Len() > 0 {
			line, _ = lines.Position(l.At(0).Start)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return line
}
