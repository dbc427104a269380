// Package video is the goldmark extension for videos without raw HTML: a
// YouTube or Vimeo address alone in its paragraph (a bare address, or one
// in angle brackets) is a video, played in the page once the reader
// allows it:
//
//	https://www.youtube.com/watch?v=ID
//	Transcript: [Read what the video says](/transcripts/inhaler/)
//
// The line right under the address, when it holds a link, is the
// video's transcript line, shown under the video as written. A Markdown
// link to a video ([Watch it](https://youtu.be/ID)) stays a link: it is
// how to link to a video without embedding it. Package address.go reads
// the addresses (Parse).
//
// # HTML
//
// The player is a frame that consent gates (package consent, and the
// theme's assets/consent.js): it has no src, only data-src, until the
// reader allows the consent category that site.yaml gives the provider
// (Env.Categories; marketing by default), so that nothing, not even a
// thumbnail, is fetched from the provider before:
//
//	<div class="video video--youtube">
//	<div class="video__frame">
//	<div class="consent-placeholder video__placeholder" data-consent-for="marketing">
//	<div data-consent-ask hidden>
//	<p>YouTube may set cookies ... only if you allow it.</p>
//	<div class="consent-buttons"><button ... data-consent-once>Allow once</button><button ... data-consent-allow data-consent-text="Allow {0} cookies"></button></div>
//	</div>
//	<p data-consent-gpc hidden>...</p>
//	<p><a href="https://www.youtube.com/watch?v=ID">Watch this video on YouTube</a></p>
//	</div>
//	<iframe data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/ID" title="Video on YouTube" allow="..." referrerpolicy="strict-origin-when-cross-origin"></iframe>
//	</div>
//	<p class="video__transcript">Transcript: <a href="/transcripts/inhaler/">Read what the video says</a></p>
//	</div>
//
// Without JavaScript the placeholder is the link to watch the video on the
// provider's site, and the frame, which has no src, is hidden by the
// theme. The consent script shows what the placeholder asks: "Allow once"
// (this page view only, nothing stored) or allowing the category (stored
// like any choice in the cookie banner). The player is YouTube's
// privacy-enhanced one (youtube-nocookie.com) or Vimeo's with dnt=1 (see
// Address.Embed), named "Video on YouTube" for assistive technology. A
// YouTube Short is upright (video--portrait).
//
// # Words
//
// From Env.Text, in the document's language: video.title, video.watch
// and video.ask ({0} the provider's name), video.once, and the banner's
// consent.allow ({0} the category's title, filled by the script) and
// consent.gpc_placeholder.
package video

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handout-health/handout/generator/markdown/wikilink"
)

// DefaultCategory is the consent category a provider's videos wait for
// when site.yaml names none: what a video player sets is for the
// provider's advertising.
const DefaultCategory = "marketing"

// Env is the per-document input of the extension.
type Env struct {
	// Text returns the theme's words in the document's language; nil
	// leaves each key as it is.
	Text func(key string, args ...any) string
	// Categories gives each provider's consent category (YouTube,
	// Vimeo); a provider it lacks waits for DefaultCategory.
	Categories map[string]string
}

var envKey = parser.NewContextKey()

// WithEnv stores a document's Env in a parser context.
func WithEnv(pc parser.Context, env *Env) { pc.Set(envKey, env) }

// Extension embeds videos.
var Extension goldmark.Extender = extension{}

type extension struct{}

// Extend implements goldmark.Extender.
func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		// In any order against the others: it takes paragraphs that hold
		// an address and a line of text, which the link transformer
		// (1500) reaches in the Transcript as anywhere else.
		util.Prioritized(transformer{}, 1300),
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
	say := func(key string, args ...any) string { return key }
	if env.Text != nil {
		say = env.Text
	}
	source := reader.Source()
	var found []*Video
	var blocks []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if entering {
				if v := read(n, source); v != nil {
					found, blocks = append(found, v), append(blocks, n)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for i, v := range found {
		v.Category = env.Categories[v.Address.Provider]
		if v.Category == "" {
			v.Category = DefaultCategory
		}
		name := Names[v.Address.Provider]
		v.words = words{
			title: say("video.title", name), watch: say("video.watch", name), ask: say("video.ask", name),
			once: say("video.once"), allow: say("consent.allow"), gpc: say("consent.gpc_placeholder"),
		}
		p := blocks[i]
		p.Parent().ReplaceChild(p.Parent(), p, v)
	}
}

// read returns the Video a paragraph is, or nil: its first line is a
// video's address and nothing else, and its second, if any, its
// transcript line, which holds a link.
func read(p ast.Node, source []byte) *Video {
	link, ok := p.FirstChild().(*ast.AutoLink)
	if !ok || link.AutoLinkType != ast.AutoLinkURL {
		return nil
	}
	a, ok := Parse(string(link.URL(source)))
	if !ok {
		return nil
	}
	v := &Video{Address: a, Offset: p.Lines().At(0).Start}
	v.SetLines(p.Lines())
	end := link.NextSibling()
	if end == nil {
		return v
	}
	// The address's line ends with an empty text that breaks it.
	if t, ok := end.(*ast.Text); !ok || !t.SoftLineBreak() || strings.TrimSpace(string(t.Segment.Value(source))) != "" {
		return nil
	}
	links := 0
	for n := end.NextSibling(); n != nil; n = n.NextSibling() {
		if t, ok := n.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) && n.NextSibling() != nil {
			return nil // a third line: a paragraph, not a video
		}
		switch n.(type) {
		case *ast.Link, *wikilink.Wikilink:
			links++
		}
	}
	if links == 0 {
		return nil
	}
	line := &Transcript{}
	for n := end.NextSibling(); n != nil; {
		next := n.NextSibling()
		line.AppendChild(line, n)
		n = next
	}
	v.AppendChild(v, line)
	return v
}

type nodeRenderer struct{}

var _ renderer.NodeRenderer = nodeRenderer{}

// RegisterFuncs implements renderer.NodeRenderer.
func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindVideo, renderVideo)
	reg.Register(KindTranscript, renderTranscript)
}

func renderVideo(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	n := node.(*Video)
	a, say := n.Address, n.words
	esc := func(s string) string { return string(util.EscapeHTML([]byte(s))) }
	class := "video video--" + a.Provider
	if a.Portrait {
		class += " video--portrait"
	}
	cat := esc(n.Category)
	_, _ = w.WriteString(`<div class="` + class + "\">\n<div class=\"video__frame\">\n" +
		`<div class="consent-placeholder video__placeholder" data-consent-for="` + cat + "\">\n" +
		"<div data-consent-ask hidden>\n<p>" + esc(say.ask) + "</p>\n" +
		`<div class="consent-buttons"><button type="button" class="button consent-button" data-consent-once>` + esc(say.once) + "</button>" +
		`<button type="button" class="button consent-button" data-consent-allow data-consent-text="` + esc(say.allow) + "\"></button></div>\n</div>\n" +
		"<p data-consent-gpc hidden>" + esc(say.gpc) + "</p>\n" +
		`<p><a href="` + esc(a.Watch()) + `">` + esc(say.watch) + "</a></p>\n</div>\n" +
		`<iframe data-consent="` + cat + `" data-src="` + esc(a.Embed()) + `" title="` + esc(say.title) +
		`" allow="accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen" referrerpolicy="strict-origin-when-cross-origin"></iframe>` +
		"\n</div>\n")
	return ast.WalkContinue, nil
}

func renderTranscript(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<p class="video__transcript">`)
	} else {
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}
