package video

import (
	"github.com/yuin/goldmark/ast"
)

// The NodeKinds of a Video and its Transcript line.
var (
	KindVideo      = ast.NewNodeKind("Video")
	KindTranscript = ast.NewNodeKind("VideoTranscript")
)

// Video is a video address alone in its paragraph. Its one child, when
// the writer gave one, is its Transcript line.
type Video struct {
	ast.BaseBlock
	Address Address
	// Category is the consent category the player waits for.
	Category string
	// Offset is where the address is in the source.
	Offset int
	// words are the theme's words for the placeholder, in the document's
	// language (see the package doc).
	words words
}

// words are what the placeholder and the frame say.
type words struct {
	title, watch, ask, once, allow, gpc string
}

// Kind implements ast.Node.
func (n *Video) Kind() ast.NodeKind { return KindVideo }

// Dump implements ast.Node.
func (n *Video) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Provider": n.Address.Provider, "ID": n.Address.ID, "Category": n.Category}, nil)
}

// Transcript is the line under a video that links to its transcript,
// with its inline Markdown as written.
type Transcript struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (n *Transcript) Kind() ast.NodeKind { return KindTranscript }

// Dump implements ast.Node.
func (n *Transcript) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
