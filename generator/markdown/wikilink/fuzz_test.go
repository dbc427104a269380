package wikilink_test

import (
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/internal/fuzzcheck"
	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/markdown"
)

// site resolves every name whose slug starts with "s" (so that some links
// resolve and some do not, whatever the fuzzer writes) and no files.
type site struct{}

func (site) ResolveName(name string) (markdown.Target, bool) {
	s := slug.Make(name)
	if !strings.HasPrefix(s, "s") {
		return markdown.Target{}, false
	}
	return markdown.Target{ID: "content/articles/" + s + ".md", URL: "articles/" + s + "/"}, true
}
func (site) ResolveFile(string) (markdown.Target, bool) { return markdown.Target{}, false }
func (site) HasPath(p string) bool                      { return p == "about/" }

// FuzzWikilink converts any Markdown and checks wiki-link parsing: each
// wiki link found has a target without brackets and a position in the
// source; a resolved one is rendered as a link to its address under the
// base path, an unresolved one as a broken-link span; and the HTML is safe.
func FuzzWikilink(f *testing.F) {
	for _, seed := range []string{
		"[[Serotonin]] and [[Serotonin|the hormone]] and [[Serotonin#Risks]] and [[Nothing]]",
		"[[]] [[ ]] [[|x]] [[#x]] [[a|]] [[a]b]] [[[a]]] [[a\n]] ]] [[",
		"[[S\"><script>alert(1)</script>]] [[S' onmouseover='x]] [[javascript:alert(1)]]",
		"[[Sleep|<img src=x onerror=alert(1)>]] [[Sleep#\"><b>]]",
		"[x](javascript:alert(1)) [y](JaVaScRiPt:x) [z](data:text/html;base64,PHNjcmlwdD4=) ![i](data:image/png;base64,AA==)",
		"[a](&#106;avascript:alert(1)) [b]( java\tscript:x) <javascript:alert(1)>",
		"`[[Code]]` ```\n[[Fence]]\n```\n\n    [[Indented]]\n",
		"## [[Heading]]\n\n> [[Quote]]\n\n- [[Item]]\n\n| [[Cell]] | x |\n|---|---|\n",
		"[[Ünïcödé]] [[日本語]] [[s\u200b]] [[s\x00]]",
	} {
		f.Add(seed)
	}
	conv := markdown.New(markdown.Options{})
	f.Fuzz(func(t *testing.T, src string) {
		res := conv.Convert([]byte(src), markdown.Env{Path: "content/articles/x.md", BasePath: "/lib/", Resolver: site{}})
		out := string(res.HTML)
		for _, p := range append(fuzzcheck.SafeHTML([]byte(src), res.HTML), fuzzcheck.Positions([]byte(src), res)...) {
			t.Error(p)
		}
		for _, l := range res.Links {
			if l.Kind != markdown.WikiLink {
				continue
			}
			if strings.ContainsAny(l.Raw, "[]") || strings.TrimSpace(l.Raw) != l.Raw {
				t.Errorf("wiki link target %q", l.Raw)
			}
			if l.Resolved && !strings.Contains(out, `href="/lib/`+l.Target.URL) {
				t.Errorf("resolved link %q to %s is not in the HTML", l.Raw, l.Target.URL)
			}
			if !l.Resolved && !strings.Contains(out, `<span class="broken-link">`) {
				t.Errorf("broken link %q is not shown as broken", l.Raw)
			}
		}
	})
}
