// Package markdown is handout's one goldmark set-up. Convert turns an
// article's Markdown into HTML and reports what the rest of the pipeline
// needs to know about it: its sections, the links it makes (resolved or
// not), its images, and its prose as plain-text blocks for readability and
// search.
//
// The dialect is CommonMark with GitHub's tables, strikethrough, task lists
// and autolinks, footnotes, heading anchors, code highlighted by chroma as
// CSS classes, and extensions of our own: wiki links (package wikilink),
// sections (package sections), glossary terms (package glossterm, which
// links the first mention of each glossary entry when Env.Glossary is
// set), callouts (package callout: > [!WARNING] ..., with the theme's
// words from Env.Text and the site's numbers from Env.Contacts) and
// tables that scroll sideways in a region of their own (package
// tablescroll) and images with their sizes, WebP variants and captions
// (package figure, which asks Env.Images), and YouTube and Vimeo addresses
// alone on their line as players gated by consent (package video). Raw
// HTML is dropped unless Options.Unsafe is
// set; then it is kept without what could run script (package rawhtml),
// and Result.Removed says what went.
// A document nested deeper than MaxDepth or with a line longer than
// MaxLineBytes is not converted (goldmark would take minutes or hours on
// it): Result.Refused says where, for the caller to report.
//
// A Converter is built once per build and is safe for concurrent use: all
// per-document state travels in the parser context (see Env).
package markdown

import (
	"bytes"
	"strings"
	"sync"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/markdown/callout"
	"github.com/handout-health/handout/generator/markdown/checklist"
	"github.com/handout-health/handout/generator/markdown/figure"
	"github.com/handout-health/handout/generator/markdown/glossterm"
	"github.com/handout-health/handout/generator/markdown/rawhtml"
	"github.com/handout-health/handout/generator/markdown/sections"
	"github.com/handout-health/handout/generator/markdown/tablescroll"
	"github.com/handout-health/handout/generator/markdown/video"
	"github.com/handout-health/handout/generator/markdown/wikilink"
)

// Options are the site-wide Markdown settings.
type Options struct {
	// Unsafe lets raw HTML through.
	Unsafe bool
	// Sections is the section schema.
	Sections []sections.Spec
}

// Converter converts Markdown documents. It is safe for concurrent use.
type Converter struct {
	md       goldmark.Markdown
	sections *sections.Transformer
	// unsafe is Options.Unsafe: raw HTML is kept.
	unsafe bool
}

// New builds the goldmark instance for a site.
func New(opts Options) *Converter {
	var rendererOpts []renderer.Option
	extensions := []goldmark.Extender{
		extension.GFM,
		checklist.Extension,
		extension.Footnote,
		highlighting.NewHighlighting(
			highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
			highlighting.WithGuessLanguage(false),
		),
		wikilink.Extension,
		glossterm.Extension,
		&sections.Extension{Schema: opts.Sections},
		callout.Extension,
		tablescroll.Extension,
		figure.Extension,
		video.Extension,
		linkExtension{},
	}
	if opts.Unsafe {
		// Raw HTML goes through, without what could run script.
		rendererOpts = append(rendererOpts, html.WithUnsafe())
		extensions = append(extensions, rawhtml.Extension)
	}
	c := &Converter{sections: sections.NewTransformer(opts.Sections), unsafe: opts.Unsafe}
	c.md = goldmark.New(
		goldmark.WithExtensions(extensions...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return c
}

// Anchor returns the anchor id a link fragment such as "Mechanism" or
// "How it works" names: the schema id for a schema heading, otherwise the
// slug the heading would get.
func (c *Converter) Anchor(fragment string) string {
	if spec, ok := c.sections.Match(fragment); ok {
		return spec.ID
	}
	return slug.Make(fragment)
}

// Target is a document a link resolves to.
type Target struct {
	// ID identifies the document for the link graph (its file path).
	ID string
	// URL is the address relative to the base URL, such as "articles/x/".
	URL string
}

// Resolver answers questions about the site that links need.
type Resolver interface {
	// ResolveName finds the document a wiki link names: a title, synonym
	// or slug, case-insensitively.
	ResolveName(name string) (Target, bool)
	// ResolveFile finds the document stored at a site path such as
	// "content/articles/serotonin.md".
	ResolveFile(sitePath string) (Target, bool)
	// HasPath reports whether a site address relative to the base, such
	// as "img/brain.png" or "about/", is a static file or a built page.
	HasPath(sitePath string) bool
}

// Env is the per-document input of a conversion.
type Env struct {
	// Path is the document's file relative to the site root; relative
	// .md links are resolved from its folder.
	Path string
	// BasePath is the base URL's path, such as "/library/".
	BasePath string
	// Resolver resolves links; nil leaves every internal link unresolved.
	Resolver Resolver
	// Glossary finds mentions of glossary entries to link; nil links none.
	Glossary glossterm.Matcher
	// Self identifies the document (its path), which is never linked to
	// itself by the glossary.
	Self string
	// Text returns the theme's words in the document's language, for
	// callout headings and table labels (keys callout.* and table.*);
	// nil writes the keys themselves.
	Text func(key string, args ...any) string
	// Contacts are the site's numbers in the document's language.
	Contacts Contacts
	// Images tells the sizes and variants of the site's images; nil knows
	// none (see package figure).
	Images figure.Source
	// VideoCategories gives the consent category each video provider's
	// players wait for ("youtube", "vimeo"; see package video).
	VideoCategories map[string]string
}

// LinkKind says how a link was written.
type LinkKind int

const (
	// WikiLink is `[[Target]]`.
	WikiLink LinkKind = iota
	// FileLink is a Markdown link to a .md file.
	FileLink
	// PathLink is a Markdown link or image to a site path such as /img/x.png.
	PathLink
)

// Link is an internal link found in a document.
type Link struct {
	Kind LinkKind
	// Raw is the target as written.
	Raw       string
	Line, Col int
	// Resolved is false when the target does not exist; Problem says why.
	Resolved bool
	Problem  string
	// Target is the linked document (zero for a PathLink).
	Target Target
	// Anchor is the id of the linked section, or "".
	Anchor string
}

// Section is a `##` section of a document, in order.
type Section struct {
	ID     string
	Title  string
	Schema bool
	Line   int
}

// Image is an image in a document.
type Image struct {
	// Src is its address as the HTML has it; Alt its description ("" for
	// an image marked as decoration).
	Src, Alt  string
	Line, Col int
	// Path is the site path of an image of the site ("images/x.png" for
	// /images/x.png), or "".
	Path string
	// Variants are the addresses of its WebP copies, as the HTML has them
	// (see package figure).
	Variants []string
}

// BlockKind says what a prose block is.
type BlockKind int

const (
	// Paragraph is a paragraph of running text.
	Paragraph BlockKind = iota
	// Heading is a heading of any level, or the title written after a
	// callout's marker (never the marker itself).
	Heading
	// ListItem is one item of a list.
	ListItem
)

// Block is a piece of prose as plain text: no code, tables or markup.
type Block struct {
	Kind BlockKind
	// Section is the id of the section the block is in ("" for the lede).
	Section string
	Text    string
	Line    int
}

// Result is everything Convert learns about a document.
type Result struct {
	HTML     []byte
	Sections []Section
	Links    []Link
	Images   []Image
	Blocks   []Block
	// Lists are the document's lists, nested ones included, in order.
	Lists []List
	// Anchors are the ids of every heading, for links to a section.
	Anchors []string
	// Terms are the IDs of the glossary entries linked, in order.
	Terms []string
	// Refused is set when the document exceeds a limit (MaxDepth,
	// MaxLineBytes) and was not converted: the Result is otherwise empty.
	Refused *Refusal
	// Removed is what the raw-HTML sanitizer took out (with
	// Options.Unsafe: see package rawhtml), for the caller to warn about.
	Removed []Removal
	// Warnings are the other problems of the Markdown, such as an
	// unknown callout marker, for the caller to warn about; Errors are
	// those that stop the page from being published, such as an image
	// without a description or one that cannot be read.
	Warnings, Errors []Finding
	// Callouts are the document's callouts, nested ones included, in
	// order.
	Callouts []Callout
	// Videos are the document's videos, in order.
	Videos []Video
	// Aids are the document's pictures, tables, checklists and links, in
	// order (see Aid).
	Aids []Aid
}

// Removal is something taken out of a document's raw HTML or links
// because it could run script.
type Removal struct {
	Line, Col int
	What      string
	// ScriptSrc is the address of a removed <script src>, or "".
	ScriptSrc string
}

var envKey = parser.NewContextKey()

// collectorKey holds the *collector of links found while parsing.
var collectorKey = parser.NewContextKey()

type collector struct {
	links  []Link
	images []Image
	terms  []string
}

// Convert converts one document. It never fails: problems are reported in
// Result (unresolved links, a document over the limits) for the caller to
// judge.
func (c *Converter) Convert(source []byte, env Env) Result {
	if r := checkLimits(source); r != nil {
		return Result{Refused: r}
	}
	pc := parser.NewContext(parser.WithIDs(newIDs(c.sections)))
	pc.Set(envKey, &env)
	pc.Set(anchorKey, c.Anchor)
	col := &collector{}
	pc.Set(collectorKey, col)
	glossterm.WithEnv(pc, &glossterm.Env{Matcher: env.Glossary, Self: env.Self, Linked: &col.terms})
	callout.WithEnv(pc, &callout.Env{Text: env.Text, Emergency: env.Contacts.Emergency, Urgent: env.Contacts.Urgent})
	tablescroll.WithEnv(pc, &tablescroll.Env{Text: env.Text})
	figure.WithEnv(pc, &figure.Env{BasePath: env.BasePath, Images: env.Images})
	video.WithEnv(pc, &video.Env{Text: env.Text, Categories: env.VideoCategories})
	doc := c.md.Parser().Parse(text.NewReader(source), parser.WithContext(pc))
	buf := htmlBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	// Rendering only fails when writing to buf fails, which it cannot.
	_ = c.md.Renderer().Render(buf, source, doc)
	// A copy of the exact size: the site keeps thousands of these.
	html := bytes.Clone(buf.Bytes())
	htmlBuffers.Put(buf)

	lines := diag.NewLines(source)
	res := Result{HTML: html, Links: col.links, Images: col.images, Terms: col.terms}
	for i := range res.Links {
		res.Links[i].Line, res.Links[i].Col = lines.Position(res.Links[i].Line)
	}
	for i := range res.Images {
		res.Images[i].Line, res.Images[i].Col = lines.Position(res.Images[i].Line)
	}
	for _, r := range rawhtml.Removals(pc) {
		line, col := lines.Position(r.Offset)
		res.Removed = append(res.Removed, Removal{Line: line, Col: col, What: r.What, ScriptSrc: r.ScriptSrc})
	}
	for _, p := range callout.Problems(pc) {
		line, col := lines.Position(p.Offset)
		res.Warnings = append(res.Warnings, Finding{Line: line, Col: col, Rule: diag.RuleCallout, Message: p.Message})
	}
	for _, p := range figure.Problems(pc) {
		line, col := lines.Position(p.Offset)
		res.Errors = append(res.Errors, Finding{Line: line, Col: col, Rule: p.Rule, Message: p.Message})
	}
	res.Sections, res.Blocks, res.Anchors = outline(doc, source, lines)
	res.Lists = lists(doc, lines)
	res.Callouts = callouts(doc, lines)
	res.Videos = videos(doc, lines)
	res.Aids = c.aids(doc, source, lines)
	return res
}

// outline lists the sections and prose blocks of a converted document.
func outline(doc ast.Node, source []byte, lines *diag.Lines) ([]Section, []Block, []string) {
	var secs []Section
	var blocks []Block
	var anchors []string
	current := ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var kind BlockKind
		switch n := n.(type) {
		case *sections.Section:
			current = n.ID
			line, _ := lines.Position(n.Offset)
			secs = append(secs, Section{ID: n.ID, Title: n.Title, Schema: n.Schema, Line: line})
			return ast.WalkContinue, nil
		case *ast.Heading:
			kind = Heading
			if id, ok := n.AttributeString("id"); ok {
				anchors = append(anchors, string(id.([]byte)))
			}
		case *callout.Title:
			// The marker is not in it: only the title as written.
			kind = Heading
		case *figure.Caption:
			// A caption is read like the text around it.
			kind = Paragraph
		case *ast.Paragraph, *ast.TextBlock:
			kind = Paragraph
			if _, inList := n.Parent().(*ast.ListItem); inList {
				kind = ListItem
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		default:
			return ast.WalkContinue, nil
		}
		if t := proseText(n, source); t != "" {
			line := 0
			if l := n.Lines(); l.Len() > 0 {
				line, _ = lines.Position(l.At(0).Start)
			}
			blocks = append(blocks, Block{Kind: kind, Section: current, Text: t, Line: line})
		}
		return ast.WalkSkipChildren, nil
	})
	return secs, blocks, anchors
}

// htmlBuffers hold the HTML of a conversion while it is rendered.
var htmlBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// proseText is the text a reader reads in n, without code spans or HTML.
func proseText(n ast.Node, source []byte) string {
	var b spaceCollapser
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.Image:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.write(c.Segment.Value(source))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.write(space)
			}
		case *ast.String:
			b.write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

var space = []byte{' '}

// spaceAt returns the length of the white space character at p[i], or 0.
func spaceAt(p []byte, i int) int {
	switch {
	case p[i] == ' ' || p[i] == '\n' || p[i] == '\t' || p[i] == '\r':
		return 1
	case p[i] == 0xc2 && i+1 < len(p) && p[i+1] == 0xa0: // U+00A0
		return 2
	}
	return 0
}

// spaceCollapser gathers text, trimmed, with each run of white space
// (spaces, tabs, line breaks, no-break spaces) folded into one space, as
// it is written.
type spaceCollapser struct {
	strings.Builder
	// space is true when white space came after the last word.
	space bool
}

func (w *spaceCollapser) write(p []byte) {
	for len(p) > 0 {
		if n := spaceAt(p, 0); n > 0 {
			w.space = w.Len() > 0
			p = p[n:]
			continue
		}
		// Only the bytes that start white space are looked at closely.
		word := 1
		for word < len(p) && (!spaceStart[p[word]] || spaceAt(p, word) == 0) {
			word++
		}
		if w.space {
			w.WriteByte(' ')
			w.space = false
		}
		w.Write(p[:word])
		p = p[word:]
	}
}

// spaceStart marks the bytes that white space (see spaceAt) starts with.
var spaceStart = [256]bool{' ': true, '\n': true, '\t': true, '\r': true, 0xc2: true}
