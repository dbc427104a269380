package glossterm_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/glossary"
	"github.com/handout-health/handout/generator/internal/fuzzcheck"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/markdown/glossterm"
)

var tagPattern = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)

// FuzzGlossaryLinking converts any Markdown against a glossary of any
// names (one entry per line of names, the first being the page itself)
// and checks glossary auto-linking: each entry is linked at most once and
// never on its own page, no glossary link lands inside a heading, a link,
// code or another glossary link, and the HTML is safe.
func FuzzGlossaryLinking(f *testing.F) {
	for _, seed := range [][2]string{
		{"Self\nSerotonin|5-HT\nvitamin B6\nvitamin", "Serotonin and 5-HT; vitamin B6, vitamin, Self.\n\n## Serotonin\n\n[Serotonin](/x) `vitamin` [[vitamin]] serotonin"},
		{"a\nb\"><script>alert(1)</script>\nc' onmouseover='x", "b\"><script>alert(1)</script> and c' onmouseover='x"},
		{"re-uptake\ncafé", "re uptake, re-uptake, CAFE, cafe\u0301\n\n```\ncafé\n```\n\n    café\n"},
		{"x\n\n\n", "x x x\n\n> x\n\n- x\n\n| x |\n|---|\n| x |\n"},
		{"therapy|box|stress", "therapies boxes stresses stress's *therapy* **box** <b>box</b>"},
		{"ÅÄÖ\n日本\n\u0301", "åäö 日本 \u0301 ÅÄÖ"},
	} {
		f.Add(seed[0], seed[1])
	}
	conv := markdown.New(markdown.Options{})
	f.Fuzz(func(t *testing.T, names, src string) {
		// Names and definitions come from files that content.Parse has
		// checked to be UTF-8.
		names = strings.ToValidUTF8(names, "\uFFFD")
		var entries []*glossary.Entry
		for i, line := range strings.Split(names, "\n") {
			id := "content/glossary/" + string(rune('a'+i%26)) + strings.Repeat("x", i/26) + ".md"
			entries = append(entries, &glossary.Entry{
				Entry: glossterm.Entry{ID: id, URL: "/g/" + id + "/", Definition: line},
				Names: strings.Split(line, "|"),
			})
		}
		self := entries[0].ID
		res := conv.Convert([]byte(src), markdown.Env{Path: self, BasePath: "/", Glossary: glossary.NewMatcher(entries), Self: self})
		for _, p := range append(fuzzcheck.SafeHTML([]byte(src), res.HTML), fuzzcheck.Positions([]byte(src), res)...) {
			t.Error(p)
		}
		sorted := slices.Clone(res.Terms)
		slices.Sort(sorted)
		if len(slices.Compact(sorted)) != len(res.Terms) {
			t.Errorf("an entry is linked twice: %q", res.Terms)
		}
		if slices.Contains(res.Terms, self) {
			t.Errorf("the page links to itself")
		}
		if n := strings.Count(string(res.HTML), `class="gloss"`); n != len(res.Terms) {
			t.Errorf("%d glossary links in the HTML, %d reported", n, len(res.Terms))
		}
		var open []string // elements open around the current position
		for _, m := range tagPattern.FindAllStringSubmatch(string(res.HTML), -1) {
			name := strings.ToLower(m[2])
			if m[1] == "/" {
				for i := len(open) - 1; i >= 0; i-- {
					if open[i] == name {
						open = open[:i]
						break
					}
				}
				continue
			}
			if name == "a" && strings.Contains(m[3], `class="gloss"`) {
				for _, o := range open {
					switch o {
					case "a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre":
						t.Errorf("glossary link inside <%s>: %s", o, res.HTML)
					}
				}
			}
			switch name {
			case "br", "hr", "img", "input", "meta", "link", "wbr":
			default:
				open = append(open, name)
			}
		}
	})
}
