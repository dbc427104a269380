package linkgraph

import (
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/content"
)

// Wiki links find names as the glossary does: case, accents and runs of
// white space do not matter; and two names that fold alike are one name.
func TestNamesFoldAsTheGlossaryDoes(t *testing.T) {
	site := &content.Site{
		Articles: []*content.Document{
			{Kind: content.Article, Path: "content/articles/cafe.md", Slug: "cafe", Title: "Café au lait", Synonyms: []string{"Ménière's disease"}},
		},
		Terms: []*content.Document{{Kind: content.Term, Path: "content/glossary/reuptake.md", Slug: "reuptake", Title: "Reuptake"}},
	}
	ix, problems := NewIndex(site)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for name, want := range map[string]string{
		"Cafe au lait": "content/articles/cafe.md", "CAFÉ  AU\tLAIT": "content/articles/cafe.md",
		"meniere's disease": "content/articles/cafe.md", "reuptake": "content/glossary/reuptake.md",
		"cafe au": "",
	} {
		d, ok := ix.Lookup(name)
		if got := ""; ok {
			got = d.Path
			if got != want {
				t.Errorf("Lookup(%q) = %s, want %q", name, got, want)
			}
		} else if want != "" {
			t.Errorf("Lookup(%q) found nothing, want %s", name, want)
		}
	}
	site.Terms = append(site.Terms, &content.Document{Kind: content.Term, Path: "content/glossary/cafe.md", Slug: "cafe-term", Title: "Cafe au lait"})
	if _, problems := NewIndex(site); !strings.Contains(problems.String(), "Cafe au lait") {
		t.Errorf("two names that fold alike were not refused: %s", problems)
	}
}
