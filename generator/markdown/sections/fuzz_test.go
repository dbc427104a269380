package sections_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/internal/fuzzcheck"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/markdown/sections"
)

func defaultSchema() []sections.Spec {
	var out []sections.Spec
	for _, s := range config.DefaultSections() {
		out = append(out, sections.Spec{ID: s.ID, Title: s.Title, Headings: s.Headings})
	}
	out[2].Title = "How it works"
	return out
}

// FuzzSections converts any Markdown with the default schema and checks
// the section splitter: sections open and close in pairs, there is at most
// one lede and it comes first, schema sections carry a schema id, anchors
// are distinct, positions lie in the source, and the HTML is safe.
func FuzzSections(f *testing.F) {
	for _, seed := range []string{
		"",
		"Lede.\n\n## Context\n\nText.\n\n## Mechanism\n\n### Risk\n\n## Risks\n\nCareful.\n",
		"# Title\n\nx\n\n## context\n\n## CONTEXT\n\n## Other\n\n## Other\n",
		"## Mechanism\n\nSee [^1].\n\n[^1]: A note.\n\n## Risk\n",
		"Setext\n------\n\n  ## Indented\n\n> ## Quoted\n\n- ## Listed\n",
		"## <script>alert(1)</script>\n\n<script>x</script>\n\n[a](javascript:alert(1)) ![b](data:text/html,x)\n",
		"## \n\n##\n\n## #\n\n## `code` *em* [link](/x)\n",
		"```\n## not a heading\n```\n\n    ## code\n",
		"## Ünïcödé ✓\n\n## 日本語\n\n## \u200b\n",
	} {
		f.Add(seed)
	}
	schema := defaultSchema()
	conv := markdown.New(markdown.Options{Sections: schema})
	ids := map[string]bool{}
	for _, s := range schema {
		ids[s.ID] = true
	}
	f.Fuzz(func(t *testing.T, src string) {
		res := conv.Convert([]byte(src), markdown.Env{Path: "content/articles/x.md", BasePath: "/"})
		out := string(res.HTML)
		for _, p := range append(fuzzcheck.SafeHTML([]byte(src), res.HTML), fuzzcheck.Positions([]byte(src), res)...) {
			t.Error(p)
		}
		if open, closed := strings.Count(out, "<section"), strings.Count(out, "</section>"); open != closed || open != len(res.Sections) {
			t.Errorf("%d <section>, %d </section>, %d sections", open, closed, len(res.Sections))
		}
		if n := strings.Count(out, `<div class="lede">`); n > 1 || n == 1 && !strings.HasPrefix(out, `<div class="lede">`) {
			t.Errorf("lede not alone and first: %q", out)
		}
		for _, s := range res.Sections {
			if s.Schema && !ids[s.ID] {
				t.Errorf("schema section with id %q", s.ID)
			}
		}
		sorted := slices.Clone(res.Anchors)
		slices.Sort(sorted)
		if len(slices.Compact(sorted)) != len(res.Anchors) {
			t.Errorf("anchors repeat: %q", res.Anchors)
		}
	})
}
