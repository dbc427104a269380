package figure

import (
	"github.com/yuin/goldmark/ast"
)

// The NodeKinds of a Figure, its Caption and a Picture.
var (
	KindFigure  = ast.NewNodeKind("Figure")
	KindCaption = ast.NewNodeKind("FigureCaption")
	KindPicture = ast.NewNodeKind("Picture")
)

// Figure is an image alone in its paragraph, with a title: its children
// are the image (or the Picture that holds it) and its Caption.
type Figure struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (n *Figure) Kind() ast.NodeKind { return KindFigure }

// Dump implements ast.Node.
func (n *Figure) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Caption is a Figure's caption: the image's title, as plain text (one raw
// ast.String child, which the renderer escapes and never reads as
// Markdown).
type Caption struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (n *Caption) Kind() ast.NodeKind { return KindCaption }

// Dump implements ast.Node.
func (n *Caption) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Picture holds an image that has variants: the renderer writes them as
// a WebP <source> before the image.
type Picture struct {
	ast.BaseInline
	// Addresses are the variants' addresses (under the base path), and
	// Widths their widths, narrowest first.
	Addresses []string
	Widths    []int
}

// Kind implements ast.Node.
func (n *Picture) Kind() ast.NodeKind { return KindPicture }

// Dump implements ast.Node.
func (n *Picture) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
