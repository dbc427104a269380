package glossterm

import (
	"github.com/yuin/goldmark/ast"
)

// KindTerm is the NodeKind of a Term node.
var KindTerm = ast.NewNodeKind("GlossaryTerm")

// Node is a mention of a glossary entry, linked to it. Its child is the
// text as written.
type Node struct {
	ast.BaseInline
	Entry *Entry
}

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return KindTerm }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.Entry.ID, "URL": n.Entry.URL}, nil)
}
