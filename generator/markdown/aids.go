package markdown

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown/rawhtml"
	"github.com/handout-health/handout/generator/markdown/sections"
	"github.com/handout-health/handout/generator/markdown/wikilink"
)

// AidKind says what a reading aid is.
type AidKind int

const (
	// PictureAid is a picture: a Markdown image, or an <img>, <picture>
	// or <figure> of raw HTML that the page keeps (raw HTML is dropped
	// unless Options.Unsafe is set, and then it is no picture). An <svg>
	// written in raw HTML is none either: the sanitizer removes its tags
	// (package rawhtml), so a drawing goes in a file, shown as an image.
	PictureAid AidKind = iota
	// TableAid is a table.
	TableAid
	// ChecklistAid is a task list: a list with an item that starts with a
	// box to tick, "- [ ] ...".
	ChecklistAid
	// LinkAid is a link of any kind: Markdown, wiki link or autolink.
	LinkAid
)

// Aid is something besides prose that helps a reader take in or act on a
// page, for the plain-language checks: a picture, a table, a checklist or
// a link.
type Aid struct {
	Kind AidKind
	// Section is the id of the section the aid is in ("" for the lede).
	Section string
	// Line and Col are where it starts.
	Line, Col int
	// Label and Target are a link's text and where it goes (a wiki link's
	// target as written, a Markdown link's address); "" for the other
	// kinds.
	Label, Target string
}

// rawPicture finds a picture's element in raw HTML.
var rawPicture = regexp.MustCompile(`(?i)<(?:img|picture|figure)\b`)

// aids lists the reading aids of a converted document, in order.
func (c *Converter) aids(doc ast.Node, source []byte, lines *diag.Lines) []Aid {
	var out []Aid
	add := func(kind AidKind, n ast.Node, offset int, label, target string) {
		line, col := lines.Position(offset)
		out = append(out, Aid{Kind: kind, Section: sectionOf(n), Line: line, Col: col, Label: label, Target: target})
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image:
			add(PictureAid, n, offsetOf(n), "", "")
		case *ast.HTMLBlock, *ast.RawHTML:
			if at, ok := c.rawPictureAt(n, source); ok {
				add(PictureAid, n, at, "", "")
			}
		case *rawhtml.Block:
			// Raw HTML the sanitizer changed: what is left of it is shown.
			if loc := rawPicture.FindIndex(n.HTML); loc != nil {
				add(PictureAid, n, n.Offset, "", "")
			}
		case *rawhtml.Inline:
			if loc := rawPicture.FindIndex(n.HTML); loc != nil {
				add(PictureAid, n, n.Offset, "", "")
			}
		case *east.Table:
			add(TableAid, n, firstOffset(n), "", "")
		case *ast.List:
			if isChecklist(n) {
				add(ChecklistAid, n, firstOffset(n), "", "")
			}
		case *ast.Link:
			add(LinkAid, n, offsetOf(n), sections.PlainText(n, source), string(n.Destination))
		case *ast.AutoLink:
			url := n.URL(source)
			add(LinkAid, n, autoLinkOffset(n, url, source), string(url), string(url))
		case *wikilink.Wikilink:
			add(LinkAid, n, n.Offset, sections.PlainText(n, source), string(n.Target))
		}
		return ast.WalkContinue, nil
	})
	return out
}

// rawPictureAt finds a picture element in a raw HTML node that the page
// keeps, and returns where it starts. An HTML comment is never shown.
func (c *Converter) rawPictureAt(n ast.Node, source []byte) (int, bool) {
	if !c.unsafe {
		return 0, false
	}
	var segs *text.Segments
	switch n := n.(type) {
	case *ast.HTMLBlock:
		if n.HTMLBlockType == ast.HTMLBlockType2 {
			return 0, false
		}
		segs = n.Lines()
	case *ast.RawHTML:
		segs = n.Segments
	}
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		v := s.Value(source)
		if i == 0 && bytes.HasPrefix(bytes.TrimSpace(v), []byte("<!--")) {
			return 0, false
		}
		if loc := rawPicture.FindIndex(v); loc != nil {
			return s.Start + loc[0], true
		}
	}
	return 0, false
}

// autoLinkOffset finds where an autolink's address is written: the node
// keeps no position of its own, so its address is looked for from the
// start of its paragraph, after the text before it.
func autoLinkOffset(n *ast.AutoLink, url, source []byte) int {
	from := offsetOf(n)
	if prev, ok := n.PreviousSibling().(*ast.Text); ok {
		from = prev.Segment.Stop
	}
	if i := bytes.Index(source[from:], url); i >= 0 {
		return from + i
	}
	return from
}

// isChecklist reports whether a list has an item with a task box.
func isChecklist(l *ast.List) bool {
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		if first := item.FirstChild(); first != nil {
			if _, ok := first.FirstChild().(*east.TaskCheckBox); ok {
				return true
			}
		}
	}
	return false
}

// firstOffset returns where the first text inside a block starts.
func firstOffset(n ast.Node) int {
	at := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			at = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return at
}
