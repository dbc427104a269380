package markdown

import (
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handout-health/handout/generator/markdown/figure"
	"github.com/handout-health/handout/generator/markdown/sections"
	"github.com/handout-health/handout/generator/markdown/wikilink"
)

// linkExtension resolves internal links while the document is parsed.
type linkExtension struct{}

// Extend implements goldmark.Extender.
func (linkExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		// Before the glossary transformer (2000), which must see resolved
		// links to leave them alone; the order against sections (1000)
		// does not matter.
		util.Prioritized(linkTransformer{}, 1500),
	))
}

// linkTransformer rewrites every internal link to its URL under the base
// path and records it, resolved or not, in the collector.
type linkTransformer struct{}

var _ parser.ASTTransformer = linkTransformer{}

// Transform implements parser.ASTTransformer.
func (linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	env, _ := pc.Get(envKey).(*Env)
	col, _ := pc.Get(collectorKey).(*collector)
	if env == nil || col == nil {
		return
	}
	r := &linkResolver{env: env, col: col, source: reader.Source(), anchor: anchorFunc(pc)}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *wikilink.Wikilink:
			r.wiki(n)
		case *ast.Link:
			n.Destination = r.markdownLink(n, n.Destination, false)
		case *ast.Image:
			im := Image{Path: sitePath(n.Destination), Alt: sections.PlainText(n, r.source), Line: offsetOf(n)}
			if p, ok := n.Parent().(*figure.Picture); ok {
				im.Variants = p.Addresses
			}
			n.Destination = r.markdownLink(n, n.Destination, true)
			im.Src = string(n.Destination)
			r.col.images = append(r.col.images, im)
		}
		return ast.WalkContinue, nil
	})
}

// anchorKey holds the func mapping a wiki-link fragment to an anchor id.
var anchorKey = parser.NewContextKey()

func anchorFunc(pc parser.Context) func(string) string {
	if f, ok := pc.Get(anchorKey).(func(string) string); ok {
		return f
	}
	return func(s string) string { return s }
}

type linkResolver struct {
	env    *Env
	col    *collector
	source []byte
	anchor func(string) string
}

func (r *linkResolver) url(t Target, anchor string) []byte {
	u := r.env.BasePath + t.URL
	if anchor != "" {
		u += "#" + anchor
	}
	return []byte(u)
}

func (r *linkResolver) wiki(n *wikilink.Wikilink) {
	link := Link{Kind: WikiLink, Raw: string(n.Target), Line: n.Offset}
	if len(n.Fragment) > 0 {
		link.Raw += "#" + string(n.Fragment)
		link.Anchor = r.anchor(string(n.Fragment))
	}
	if r.env.Resolver != nil {
		link.Target, link.Resolved = r.env.Resolver.ResolveName(string(n.Target))
	}
	if link.Resolved {
		n.Destination = r.url(link.Target, link.Anchor)
	} else {
		link.Problem = "no article, glossary term or page is called " + quote(string(n.Target))
	}
	r.col.links = append(r.col.links, link)
}

// markdownLink resolves a Markdown link or image destination and returns
// the destination to render. External and same-page links pass unchanged.
func (r *linkResolver) markdownLink(n ast.Node, dest []byte, image bool) []byte {
	raw := string(dest)
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return dest
	}
	link := Link{Raw: raw, Line: offsetOf(n), Anchor: u.Fragment}
	switch {
	case strings.HasSuffix(u.Path, ".md") && !strings.HasPrefix(u.Path, "/"):
		link.Kind = FileLink
		sitePath := path.Join(path.Dir(r.env.Path), u.Path)
		if r.env.Resolver != nil {
			link.Target, link.Resolved = r.env.Resolver.ResolveFile(sitePath)
		}
		if link.Resolved {
			dest = r.url(link.Target, u.Fragment)
		} else {
			link.Problem = "no content file at " + sitePath
		}
	case strings.HasPrefix(u.Path, "/"):
		link.Kind = PathLink
		sitePath := strings.TrimPrefix(u.Path, "/")
		link.Resolved = r.env.Resolver != nil && r.env.Resolver.HasPath(sitePath)
		if link.Resolved {
			u.Path = r.env.BasePath + sitePath
			dest = []byte(u.String())
		} else {
			link.Problem = "no page or file in static/ at " + u.Path
		}
	default:
		link.Kind = PathLink
		what := "link"
		if image {
			what = "image"
		}
		link.Problem = "relative " + what + " " + quote(raw) + ": link to a .md file, or to a file in static/ with a path that starts with /"
	}
	r.col.links = append(r.col.links, link)
	return dest
}

// offsetOf returns the source offset of a node's first text, or of its
// nearest block ancestor.
func offsetOf(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// sitePath is the site path an address such as /images/x.png names
// ("images/x.png"), or "" for an address of another kind.
func sitePath(dest []byte) string {
	u, err := url.Parse(string(dest))
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
		return ""
	}
	return strings.TrimPrefix(u.Path, "/")
}

func quote(s string) string { return "\u201c" + s + "\u201d" }
