package check

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/scaffold"
)

// TestPlaceholders checks that a reviewer or source still a placeholder
// is an error at its line, and that real ones are not.
func TestPlaceholders(t *testing.T) {
	tests := []struct {
		name, reviewer, title, url string
		// want are the lines of the findings, with their words.
		want map[int]string
	}{
		{"real", "Dr. Amara Okafor, MD", "Healthy sleep (MedlinePlus)", "https://medlineplus.gov/healthysleep.html", nil},
		{"what handout new writes", scaffold.ReviewerPlaceholder, scaffold.SourceTitlePlaceholder, scaffold.SourceURLPlaceholder,
			map[int]string{4: `reviewed_by "Your reviewer's name" is a placeholder`, 7: `source title "Name of a public health source" is a placeholder`}},
		{"curly apostrophe", "Your reviewer’s name", "Sleep", "https://www.nhs.uk/", map[int]string{4: "is a placeholder"}},
		{"the example of check's message", "A. Clinician, PharmD", "Sleep", "https://www.nhs.uk/", map[int]string{4: "is a placeholder"}},
		{"a marker", "TODO: ask Dr. Okafor", "Sleep", "https://www.nhs.uk/", map[int]string{4: "is a placeholder"}},
		{"in brackets", "<reviewer>", "[title]", "https://www.nhs.uk/", map[int]string{4: "is a placeholder", 7: "source title"}},
		{"example address", "Dr. Amara Okafor, MD", "Sleep", "https://example.com/sleep", map[int]string{7: "source url https://example.com/sleep is a placeholder"}},
		{"reserved domain", "Dr. Amara Okafor, MD", "Sleep", "https://library.clinic.example/sleep", map[int]string{7: "is a placeholder"}},
		{"this computer", "Dr. Amara Okafor, MD", "Sleep", "http://localhost:1313/sleep", map[int]string{7: "is a placeholder"}},
		// Words that hold a marker's letters are no marker.
		{"not a marker", "Dr. Xxxena Todorova", "Stools and diets", "https://www.nhs.uk/", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			front := "title: Sleep\nsummary: Sleep helps your body rest.\nreviewed_by: \"" + tt.reviewer + "\"\nlast_reviewed: 2026-01-10\nsources:\n  - title: \"" + tt.title + "\"\n    url: " + tt.url + "\n"
			r := run(t, testSite(map[string]string{"sleep.md": article(front, sections)}, nil), Options{})
			found := of(r, diag.RulePlaceholder)
			if len(found) != len(tt.want) {
				t.Fatalf("%d placeholder findings, want %d:\n%s", len(found), len(tt.want), found)
			}
			for _, d := range found {
				words, ok := tt.want[d.Line]
				if !ok || d.Path != "content/articles/sleep.md" || d.Severity != diag.Error || !strings.Contains(d.Message, words) {
					t.Errorf("unexpected %s", d)
				}
			}
			if len(tt.want) > 0 && !r.Failed() {
				t.Error("a placeholder does not fail check")
			}
		})
	}
}

// TestNewArticlePassesButForPlaceholders checks the article handout new
// writes against the site's own check with its defaults: its words pass
// every rule, and what only the editor can give (reviewer, source) is
// reported as a placeholder, and the picture as missing.
func TestNewArticlePassesButForPlaceholders(t *testing.T) {
	dir := t.TempDir()
	file, err := scaffold.New(dir, "article", "Sleep hygiene", today)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := testSite(map[string]string{"sleep-hygiene.md": string(data)}, nil)
	r := run(t, fsys, Options{Strict: true, Drafts: true, Now: today.Add(24 * time.Hour)})
	for _, d := range r.Diagnostics {
		if d.Path == "content/articles/sleep-hygiene.md" && d.Rule != diag.RulePlaceholder && d.Rule != diag.RuleFigureMissing {
			t.Errorf("the new article fails %s: %s", d.Rule, d)
		}
	}
	if n := len(of(r, diag.RulePlaceholder)); n != 2 {
		t.Errorf("%d placeholder findings, want the reviewer and the source", n)
	}
	if n := len(of(r, diag.RuleFigureMissing)); n != 1 {
		t.Errorf("%d figure-missing findings, want the picture the editor is to add", n)
	}
	if r := run(t, fsys, Options{Strict: true}); r.Failed() || len(r.Drafts) != 1 {
		t.Errorf("without --drafts: failed %v, drafts %q; want a pass that names the draft left out", r.Failed(), r.Drafts)
	}
}
