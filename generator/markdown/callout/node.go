package callout

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// KindCallout and KindTitle are the NodeKinds of a Callout and its Title.
var (
	KindCallout = ast.NewNodeKind("Callout")
	KindTitle   = ast.NewNodeKind("CalloutTitle")
)

// Callout is a quote that starts with a marker such as [!WARNING]. Its
// first child is its Title; the blocks of the quote follow.
type Callout struct {
	ast.BaseBlock
	// Alert is the kind the marker names (Kind is the goldmark node's).
	Alert Kind
	// Offset is where the marker's "[" is in the source.
	Offset int

	// Set by the transformer, for the renderer: the heading's level and
	// id, the kind's name in the document's language ("Warning"), the
	// separator between it and a title (": "), and the line that gives
	// the site's number: its text ("Call 999") and, when the number can
	// be dialled, its tel: address.
	Level     int
	ID        string
	Name      string
	Separator string
	Call      string
	CallHref  string
}

// Kind implements ast.Node.
func (n *Callout) Kind() ast.NodeKind { return KindCallout }

// Dump implements ast.Node.
func (n *Callout) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Alert": n.Alert.String(), "Level": strconv.Itoa(n.Level), "ID": n.ID}, nil)
}

// Title is what the writer put after the marker on its line, parsed as
// inline Markdown; it has no children when there was nothing. The theme
// shows it as the callout's heading, after the kind's name.
type Title struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (n *Title) Kind() ast.NodeKind { return KindTitle }

// Dump implements ast.Node.
func (n *Title) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
