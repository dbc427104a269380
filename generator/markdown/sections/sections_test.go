package sections_test

import (
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/markdown"
)

// TestRepeatedSchemaHeading: a schema heading used twice opens the schema
// section once; the second is an ordinary section with its own anchor, so
// no id appears twice on the page.
func TestRepeatedSchemaHeading(t *testing.T) {
	conv := markdown.New(markdown.Options{Sections: defaultSchema()})
	res := conv.Convert([]byte("## Risks\n\nOne.\n\n## risk\n\nTwo.\n"), markdown.Env{Path: "x.md", BasePath: "/"})
	if len(res.Sections) != 2 {
		t.Fatalf("sections %+v", res.Sections)
	}
	first, second := res.Sections[0], res.Sections[1]
	if first.ID != "risk" || !first.Schema || second.Schema || second.ID != "risk-1" {
		t.Errorf("sections %+v, want risk (schema) then risk-1 (not schema)", res.Sections)
	}
	if n := strings.Count(string(res.HTML), `id="risk"`); n != 1 {
		t.Errorf("id=\"risk\" appears %d times:\n%s", n, res.HTML)
	}
}
