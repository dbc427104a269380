package callout_test

import (
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/internal/fuzzcheck"
	"github.com/handout-health/handout/generator/markdown"
)

// FuzzCallouts converts any Markdown and checks the callouts: each opens
// and closes one <div>, is labelled by its own heading, and its marker
// and every warning lie in the source at a "[!"; the HTML is safe.
func FuzzCallouts(f *testing.F) {
	for _, seed := range []string{
		"> [!NOTE]\n> Text.\n",
		"> [!WARNING] Title *em* [link](/x)\n> - a\n>\n> > [!TIP]\n> > b\n",
		"- > [!EMERGENCY]\n  > [!EMERGENCY]\n\n1. > [!urgent]-\n",
		"> [!WARNIG]\n\n>[!]\n\n> [!NOTE\n\n> [!<script>]\n",
		"> [!CAUTION] <script>alert(1)</script> ` code `\n",
		"\t> [!NOTE]\n\n   > [!NOTE]\n\n>\t[!TIP]\ttab\n",
		"> [!NOTE]\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"> [!ÉMERGENCY]\n\n> [!EMERGENCY]\u00a0title\n",
	} {
		f.Add(seed)
	}
	conv := markdown.New(markdown.Options{})
	env := markdown.Env{Path: "content/articles/x.md", BasePath: "/", Contacts: markdown.Contacts{Emergency: "999", Urgent: "<111>"}}
	f.Fuzz(func(t *testing.T, src string) {
		res := conv.Convert([]byte(src), env)
		if res.Refused != nil {
			return
		}
		out := string(res.HTML)
		for _, p := range append(fuzzcheck.SafeHTML([]byte(src), res.HTML), fuzzcheck.Positions([]byte(src), res)...) {
			t.Error(p)
		}
		if n := strings.Count(out, `<div class="callout `); n != len(res.Callouts) {
			t.Errorf("%d callouts rendered, %d found", n, len(res.Callouts))
		}
		if n := strings.Count(out, `class="callout__title" id="callout`); n != len(res.Callouts) {
			t.Errorf("%d callout headings, %d callouts", n, len(res.Callouts))
		}
		lines := strings.Split(src, "\n")
		for _, w := range res.Warnings {
			// Columns count characters.
			line := []rune(lines[w.Line-1])
			if w.Col > len(line) || !strings.HasPrefix(string(line[w.Col-1:]), "[!") {
				t.Errorf("warning at %d:%d is not at a marker: %q", w.Line, w.Col, string(line))
			}
		}
	})
}
