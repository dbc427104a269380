package robustness

import (
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/site"
)

// TestHostileYAML: a megabyte of YAML built to exhaust the parser (lists
// nested inside each other, aliases) in front matter, site.yaml or a
// theme string file fails the build at its file and line, with the heap
// in use under 100 MB. Before yamlutil.Parse the nested lists ran the
// build out of memory (issue 18) and the aliases were read as text.
func TestHostileYAML(t *testing.T) {
	const size = 1<<20 - 64
	nested := strings.Repeat("[\n", size/2)
	aliases := "[" + strings.Repeat("*a, ", size/4) + "]\n"
	article := func(summary string) string { return "---\ntitle: Big\nsummary: " + summary + "\n---\nText.\n" }
	for _, tt := range []struct {
		name, file, data string
		line             int
	}{
		{"front matter of nested lists", "content/articles/big.md", article(nested), 22},
		{"front matter of aliases", "content/articles/big.md", article(aliases), 3},
		{"site.yaml of nested lists", "site.yaml", "title: Library\ndescription: " + nested, 21},
		{"site.yaml of aliases", "site.yaml", "title: Library\ndescription: " + aliases, 2},
		{"string file of nested lists", "templates/i18n/en.yaml", "home: " + nested, 20},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := with(baseSite(), tt.file, tt.data)
			var res site.Result
			var err error
			u := measure(func() { _, res, err = buildMemory(t, files) })
			t.Logf("%v", u)
			if err == nil || !hasErrorAt(res.Diagnostics, tt.file, tt.line) {
				t.Fatalf("want an error at %s:%d, got %v:\n%s", tt.file, tt.line, err, res.Diagnostics.Errors())
			}
			if u.peak > 100<<20 {
				t.Errorf("heap in use reached %.0f MB, more than 100 MB", mb(u.peak))
			}
		})
	}
}
