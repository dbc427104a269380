package tablescroll

import (
	"github.com/yuin/goldmark/ast"
)

// KindRegion is the NodeKind of a Region.
var KindRegion = ast.NewNodeKind("TableScrollRegion")

// Region holds one table, which scrolls sideways inside it when it is
// wider than the screen.
type Region struct {
	ast.BaseBlock
	// Label is the region's accessible name.
	Label string
}

// Kind implements ast.Node.
func (n *Region) Kind() ast.NodeKind { return KindRegion }

// Dump implements ast.Node.
func (n *Region) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Label": n.Label}, nil)
}
