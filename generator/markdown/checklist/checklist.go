// Package checklist renders the boxes of a Markdown task list ("- [ ]
// Take your pills") for a patient's page: a box to tick on paper or on
// screen, which assistive technology skips.
//
// GFM's renderer writes a bare disabled <input type="checkbox">, a form
// field with no label (axe-core's "label" rule, WCAG 4.1.2). The box
// names nothing that the item's own words do not say, so it is hidden
// from assistive technology (aria-hidden; a disabled box takes no focus):
// a screen reader reads the list as a list of things to do.
package checklist

import (
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension renders task list boxes. It goes with extension.GFM (or
// extension.TaskList), whose renderer it replaces.
var Extension goldmark.Extender = boxes{}

type boxes struct{}

// Extend implements goldmark.Extender. Goldmark's renderer takes the
// lowest priority number last, so that it wins over GFM's (500).
func (boxes) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 100)))
}

type nodeRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, render)
}

func render(w util.BufWriter, _ []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	if !entering {
		return gast.WalkContinue, nil
	}
	if node.(*east.TaskCheckBox).IsChecked {
		_, _ = w.WriteString(`<input type="checkbox" class="task" checked disabled aria-hidden="true"> `)
	} else {
		_, _ = w.WriteString(`<input type="checkbox" class="task" disabled aria-hidden="true"> `)
	}
	return gast.WalkContinue, nil
}
