// Package figure is the goldmark extension for images as a patient page
// shows them: with their size, so that the page keeps their space while
// they load on a slow phone; in WebP at the width the screen needs; and
// with a caption when they have a title.
//
//	![A nerve cell passing a chemical messenger](/images/synapse.png "How a message crosses the gap")
//
// becomes, when the image is alone in its paragraph and has a title,
//
//	<figure>
//	<picture><source type="image/webp" srcset="/assets/images/synapse.3f2a9c1e80.480.webp 480w, ..." sizes="(min-width: 45em) 43em, 100vw"><img src="/images/synapse.png" alt="A nerve cell passing a chemical messenger" width="1600" height="900" loading="lazy" decoding="async"></picture>
//	<figcaption>How a message crosses the gap</figcaption>
//	</figure>
//
// and the same without <figure> when it has no title, or stands in a
// sentence (where its title stays a title attribute). The caption is the
// title as written, in plain text.
//
// # Sizes and variants
//
// Env.Images tells, for an image of the site (an address that starts with
// "/", a file of static/), its size and its variants (package images).
// Every image it knows gets width and height, which with the theme's
// img { max-width: 100%; height: auto } reserve its box before it loads:
// no layout shift. An image with variants is put in a <picture> whose
// WebP <source> lists them; a browser picks the one that fits sizes
// (the theme's text column, about 43em on a computer, or the whole
// screen on a phone), and one that reads no WebP takes the original.
// An SVG has its size and no variants; so does an animated GIF or WebP.
//
// Every image but the document's first gets loading="lazy" and
// decoding="async": it is fetched as the reader scrolls near it. The
// first is fetched at once, since it may be in view when the page opens,
// where lazy loading would delay it; it gets no fetchpriority="high",
// which would put it before the stylesheet when, as on most article
// pages (below the title, the summary and "On this page"), it is not.
//
// # Descriptions
//
// An image must say what it shows: one without alt text is a Problem
// (rule image-alt), reported as an error. An image that only decorates
// (a border, a flourish) is written with empty quotes, ![""](/images/x.png)
// (or typographic ones, “”), and gets alt="", so that screen readers pass
// it by. Plain CommonMark reads the same line as an image whose alt text
// is two quotes, which does no harm.
//
// An image Env.Images cannot read (damaged, not an image, too large) is a
// Problem too (rule image), with the reason. One it does not have is left
// to the link check, which reports it as a broken link.
package figure

import (
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown/sections"
)

// Sizes is the sizes attribute of every picture's WebP source: the
// default theme's text column (40rem less its padding, in em of the
// browser's 16px: media queries and sizes ignore the page's own font
// size) on a wide screen, the screen's width on a narrow one.
const Sizes = "(min-width: 45em) 43em, 100vw"

// Image is what the site knows of one of its images.
type Image struct {
	// Width and Height are its size in CSS pixels.
	Width, Height int
	// Variants are its copies in WebP, narrowest first.
	Variants []Variant
}

// Variant is one copy of an image.
type Variant struct {
	// Path is its address relative to the base URL, such as
	// "assets/images/synapse.3f2a9c1e80.480.webp".
	Path  string
	Width int
}

// Source tells what the site knows of its images.
type Source interface {
	// Image returns the facts of the image at a site path such as
	// "images/synapse.png" (static/images/synapse.png): ErrNotFound when
	// the site has no such file, or an error that says why it cannot be
	// shown.
	Image(sitePath string) (Image, error)
}

// ErrNotFound is a Source's error for a file the site does not have.
var ErrNotFound = errors.New("no such image")

// Env is the per-document input of the extension.
type Env struct {
	// BasePath is the base URL's path, such as "/library/".
	BasePath string
	// Images tells the site's images; nil knows none.
	Images Source
}

var (
	envKey      = parser.NewContextKey()
	problemsKey = parser.NewContextKey()
)

// WithEnv stores a document's Env in a parser context.
func WithEnv(pc parser.Context, env *Env) { pc.Set(envKey, env) }

// Problem is an image without a description, or one the site cannot show.
type Problem struct {
	// Offset is where the image is in the source.
	Offset int
	// Rule is diag.RuleImageAlt or diag.RuleImage.
	Rule    string
	Message string
}

// Problems returns the problems found in the document parsed with pc, in
// document order.
func Problems(pc parser.Context) []Problem {
	p, _ := pc.Get(problemsKey).([]Problem)
	return p
}

// Extension reads images as figures and pictures.
var Extension goldmark.Extender = extension{}

type extension struct{}

// Extend implements goldmark.Extender.
func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		// Before the link transformer (1500), which writes the image's
		// address under the base path: the site is asked about the
		// address as written.
		util.Prioritized(transformer{}, 1400),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 500)))
}

type transformer struct{}

var _ parser.ASTTransformer = transformer{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	env, _ := pc.Get(envKey).(*Env)
	if env == nil {
		env = &Env{}
	}
	var images []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			images = append(images, img)
		}
		return ast.WalkContinue, nil
	})
	var problems []Problem
	for i, img := range images {
		problems = append(problems, shape(img, i == 0, env, reader.Source())...)
	}
	if len(problems) > 0 {
		pc.Set(problemsKey, problems)
	}
}

// shape gives one image its description, size and loading, wraps it in a
// Picture when it has variants and in a Figure when it has a caption, and
// returns its problems.
func shape(img *ast.Image, first bool, env *Env, source []byte) []Problem {
	var problems []Problem
	dest := string(img.Destination)
	switch alt := sections.PlainText(img, source); {
	case alt == `""` || alt == "\u201c\u201d":
		img.RemoveChildren(img)
	case alt == "":
		problems = append(problems, Problem{Offset: locate(img, source), Rule: diag.RuleImageAlt, Message: "image " + dest +
			` has no description: say what it shows between the brackets, ![Like this](` + dest + `), or mark an image that only decorates with ![""](` + dest + ")"})
	}
	facts, err := lookUp(env, dest)
	if err != nil {
		problems = append(problems, Problem{Offset: locate(img, source), Rule: diag.RuleImage, Message: "image " + dest + ": " + err.Error()})
	}
	if facts.Width > 0 {
		img.SetAttributeString("width", []byte(strconv.Itoa(facts.Width)))
		img.SetAttributeString("height", []byte(strconv.Itoa(facts.Height)))
	}
	if !first {
		img.SetAttributeString("loading", []byte("lazy"))
		img.SetAttributeString("decoding", []byte("async"))
	}
	var node ast.Node = img
	if len(facts.Variants) > 0 {
		pic := &Picture{}
		for _, v := range facts.Variants {
			pic.Addresses = append(pic.Addresses, env.BasePath+v.Path)
			pic.Widths = append(pic.Widths, v.Width)
		}
		img.Parent().ReplaceChild(img.Parent(), img, pic)
		pic.AppendChild(pic, img)
		node = pic
	}
	if len(img.Title) > 0 && alone(node) {
		caption := &Caption{}
		title := ast.NewString(img.Title)
		title.SetRaw(true)
		caption.AppendChild(caption, title)
		img.Title = nil
		para := node.Parent()
		fig := &Figure{}
		// Both where the paragraph was, for what reports a line.
		fig.SetLines(para.Lines())
		caption.SetLines(para.Lines())
		para.Parent().ReplaceChild(para.Parent(), para, fig)
		fig.AppendChild(fig, node)
		fig.AppendChild(fig, caption)
	}
	return problems
}

// lookUp asks env's Images about an image of the site; an address that is
// not a site path (another site's image), or a file the site does not
// have, which the link check reports, has no facts and no error.
func lookUp(env *Env, dest string) (Image, error) {
	u, err := url.Parse(dest)
	if env.Images == nil || err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
		return Image{}, nil
	}
	facts, err := env.Images.Image(strings.TrimPrefix(u.Path, "/"))
	if errors.Is(err, ErrNotFound) {
		return Image{}, nil
	}
	return facts, err
}

// alone reports whether n is all its paragraph holds.
func alone(n ast.Node) bool {
	switch n.Parent().(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return n.Parent().ChildCount() == 1
	}
	return false
}

// locate returns where an image is in the source: at its alt text, or,
// when it has none, at the "![" before its address in its block, or at
// the block's start.
func locate(img *ast.Image, source []byte) int {
	for c := img.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	var block ast.Node = img
	for block != nil && (block.Type() != ast.TypeBlock || block.Lines().Len() == 0) {
		block = block.Parent()
	}
	if block == nil {
		return 0
	}
	lines := block.Lines()
	needle := "![](" + string(img.Destination)
	for i := range lines.Len() {
		seg := lines.At(i)
		if at := strings.Index(string(seg.Value(source)), needle); at >= 0 {
			return seg.Start + at
		}
	}
	return lines.At(0).Start
}

type nodeRenderer struct{}

var _ renderer.NodeRenderer = nodeRenderer{}

// RegisterFuncs implements renderer.NodeRenderer.
func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFigure, renderFigure)
	reg.Register(KindCaption, renderCaption)
	reg.Register(KindPicture, renderPicture)
}

func renderFigure(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<figure>\n")
	} else {
		_, _ = w.WriteString("</figure>\n")
	}
	return ast.WalkContinue, nil
}

func renderCaption(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("\n<figcaption>")
	} else {
		_, _ = w.WriteString("</figcaption>\n")
	}
	return ast.WalkContinue, nil
}

func renderPicture(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</picture>")
		return ast.WalkContinue, nil
	}
	n := node.(*Picture)
	_, _ = w.WriteString(`<picture><source type="image/webp" srcset="`)
	for i, a := range n.Addresses {
		if i > 0 {
			_, _ = w.WriteString(", ")
		}
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(a), true)))
		_, _ = w.WriteString(" " + strconv.Itoa(n.Widths[i]) + "w")
	}
	_, _ = w.WriteString(`" sizes="` + Sizes + `">`)
	return ast.WalkContinue, nil
}
