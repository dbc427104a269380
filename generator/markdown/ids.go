package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"

	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/markdown/sections"
)

// ids makes heading anchors: the slug of the heading text, made unique
// with -1, -2, ... The schema's ids are reserved up front, so a `###
// Risk` subheading can never take the anchor of the risk section.
type ids struct {
	used map[string]bool
}

func newIDs(t *sections.Transformer) *ids {
	used := map[string]bool{"footnotes": true}
	for _, id := range t.IDs() {
		used[id] = true
	}
	return &ids{used: used}
}

// Generate implements parser.IDs.
func (s *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }
