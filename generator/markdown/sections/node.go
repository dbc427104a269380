package sections

import (
	"github.com/yuin/goldmark/ast"
)

// KindSection is the NodeKind of a Section.
var KindSection = ast.NewNodeKind("Section")

// KindLede is the NodeKind of a Lede.
var KindLede = ast.NewNodeKind("Lede")

// Section is a `##` heading and every block up to the next `#` or `##`
// heading. Its first child is the heading.
type Section struct {
	ast.BaseBlock
	// ID is the anchor: the schema id, or a slug of the heading.
	ID string
	// Schema is true when the heading matched the section schema.
	Schema bool
	// Title is the heading text as shown.
	Title string
	// Offset is the byte offset of the heading in the source.
	Offset int
}

// Kind implements ast.Node.
func (n *Section) Kind() ast.NodeKind { return KindSection }

// Dump implements ast.Node.
func (n *Section) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID, "Title": n.Title}, nil)
}

// Lede is the text before the first `##` heading.
type Lede struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (n *Lede) Kind() ast.NodeKind { return KindLede }

// Dump implements ast.Node.
func (n *Lede) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
