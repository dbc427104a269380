package rawhtml

import (
	"github.com/yuin/goldmark/ast"
)

// KindBlock and KindInline are the NodeKinds of raw HTML that the
// sanitizer changed.
var (
	KindBlock  = ast.NewNodeKind("SanitizedHTMLBlock")
	KindInline = ast.NewNodeKind("SanitizedRawHTML")
)

// Block is an HTML block that the sanitizer changed: it renders HTML, as
// written, instead of the block's lines.
type Block struct {
	ast.BaseBlock
	HTML []byte
	// Offset is where the raw HTML started in the source.
	Offset int
}

// Kind implements ast.Node.
func (n *Block) Kind() ast.NodeKind { return KindBlock }

// IsRaw implements ast.Node: the block has no Markdown inside.
func (n *Block) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *Block) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"HTML": string(n.HTML)}, nil)
}

// Inline is raw inline HTML (one tag or comment) that the sanitizer
// changed: it renders HTML, as written.
type Inline struct {
	ast.BaseInline
	HTML []byte
	// Offset is where the raw HTML started in the source.
	Offset int
}

// Kind implements ast.Node.
func (n *Inline) Kind() ast.NodeKind { return KindInline }

// Dump implements ast.Node.
func (n *Inline) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"HTML": string(n.HTML)}, nil)
}
