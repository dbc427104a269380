package markdown

import (
	"github.com/yuin/goldmark/ast"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown/callout"
)

// Contacts are the numbers callouts give, in the document's language
// (site.yaml's contacts: see package callout).
type Contacts struct {
	Emergency, Urgent, Crisis string
}

// Callout is a callout of a document (> [!WARNING] ...), for the checks
// that depend on what a page tells its reader to do.
type Callout struct {
	// Kind is the kind's name in lower case, such as "emergency".
	Kind string
	// Line and Col are where its marker is.
	Line, Col int
}

// Finding is a problem found in a document's Markdown that does not stop
// it from being converted, for the caller to report at its place.
type Finding struct {
	Line, Col int
	// Rule is the check's rule id, such as "callout" or "image-alt".
	Rule    string
	Message string
}

// callouts lists the callouts of a converted document, in order.
func callouts(doc ast.Node, lines *diag.Lines) []Callout {
	var out []Callout
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*callout.Callout); ok && entering {
			line, col := lines.Position(c.Offset)
			out = append(out, Callout{Kind: c.Alert.String(), Line: line, Col: col})
		}
		return ast.WalkContinue, nil
	})
	return out
}
