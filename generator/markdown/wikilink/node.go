package wikilink

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// KindWikilink is the NodeKind of a Wikilink.
var KindWikilink = ast.NewNodeKind("Wikilink")

// Wikilink is a `[[Target#Fragment|Label]]` link. The parser fills Target,
// Fragment and Offset; a later transformer resolves it by setting
// Destination. An unresolved link (empty Destination) renders as its label
// in a span marked broken.
type Wikilink struct {
	ast.BaseInline
	// Target is the name as written: a title, synonym or slug.
	Target []byte
	// Fragment is the text after '#', such as a section heading.
	Fragment []byte
	// Offset is the byte offset of the opening brackets in the source.
	Offset int
	// Destination is the resolved URL, set by the resolving transformer.
	Destination []byte
}

// Kind implements ast.Node.
func (n *Wikilink) Kind() ast.NodeKind { return KindWikilink }

// Dump implements ast.Node.
func (n *Wikilink) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Target":      string(n.Target),
		"Fragment":    string(n.Fragment),
		"Destination": string(n.Destination),
		"Offset":      fmt.Sprint(n.Offset),
	}, nil)
}
