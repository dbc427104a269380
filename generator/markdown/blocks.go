package markdown

import (
	"github.com/yuin/goldmark/ast"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown/callout"
	"github.com/handout-health/handout/generator/markdown/video"
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

// Video is a video of a document (an address alone on its line), for the
// checks of its transcript and consent category.
type Video struct {
	// Provider is "youtube" or "vimeo"; Category the consent category its
	// player waits for.
	Provider, Category string
	// Line and Col are where its address is.
	Line, Col int
	// Transcript is set when a transcript line follows it.
	Transcript bool
}

// videos lists the videos of a converted document, in order.
func videos(doc ast.Node, lines *diag.Lines) []Video {
	var out []Video
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if v, ok := n.(*video.Video); ok && entering {
			line, col := lines.Position(v.Offset)
			out = append(out, Video{Provider: v.Address.Provider, Category: v.Category, Line: line, Col: col, Transcript: v.HasChildren()})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
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
