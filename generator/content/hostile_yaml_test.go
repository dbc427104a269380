package content

import (
	"runtime"
	"strings"
	"testing"
)

// Anchors and aliases in front matter are refused where they are written:
// they used to be read as text, giving a page titled "&".
func TestFrontMatterAnchors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"anchor and alias", "title: &t Sleep\nsummary: *t\n", "a.md:2:8: a YAML anchor (&t) is not supported"},
		{"alias", "title: Sleep\nsummary: Rest.\ntags: [*t]\n", "a.md:4:8: a YAML alias (*t) is not supported"},
		{"merge key", "title: Sleep\nsummary: Rest.\nsources:\n  - <<: {title: T}\n    url: https://e.org/\n", "a.md:5:5: a YAML merge key (<<) is not supported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, list := Parse("content/articles/a.md", Article, []byte("---\n"+tt.yaml+"---\nBody.\n"), Options{})
			if doc != nil {
				t.Fatalf("Parse accepted it: title %q, summary %q", doc.Title, doc.Summary)
			}
			if got := list.String(); !strings.Contains(got, tt.want) {
				t.Errorf("diagnostics %q do not contain %q", got, tt.want)
			}
		})
	}
}

// A megabyte of front matter built to exhaust the YAML parser fails at
// its line and column with a few MB of allocation. Before yamlutil.Parse
// the nested lists ran the build out of memory and the aliases were read
// as text. The time is not asserted; it is reported in issue 18's notes.
func TestHostileFrontMatter(t *testing.T) {
	const size = 1 << 20
	tests := []struct{ name, yaml, want string }{
		{"nested lists", "title: x\nsummary: " + strings.Repeat("[\n", size/2), "a.md:22:1: lists and maps nest more than 20 levels"},
		{"nested lists on one line", "title: x\nsummary: " + strings.Repeat("[", size), "a.md:3:29: lists and maps nest more than 20 levels"},
		{"aliases", "title: x\nsummary: y\nrelated: [" + strings.Repeat("*t, ", size/4) + "]\n", "a.md:4:11: a YAML alias (*t) is not supported"},
		{"many tags", "title: x\nsummary: y\ntags:\n" + strings.Repeat("- x\n", size/4), "too many keys, values and punctuation marks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte("---\n" + tt.yaml + "\n---\nBody.\n")
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			doc, list := Parse("content/articles/a.md", Article, src, Options{})
			runtime.ReadMemStats(&after)
			if doc != nil {
				t.Fatal("Parse accepted it")
			}
			if got := list.String(); !strings.Contains(got, tt.want) {
				t.Errorf("diagnostics %q do not contain %q", got, tt.want)
			}
			if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 100<<20 {
				t.Errorf("Parse allocated %d MB, want under 100 MB", allocated>>20)
			}
		})
	}
}
