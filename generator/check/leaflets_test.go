package check

import (
	"slices"
	"testing"

	"github.com/handout-health/handout/generator/diag"
)

// TestAddLeaflets records each printed leaflet's pages on its article
// and reports those over the limit, as warnings or, when the check is
// strict, as errors, counted on the article and in the summary.
func TestAddLeaflets(t *testing.T) {
	for _, tt := range []struct {
		name     string
		strict   bool
		pages    map[string]int
		want     map[string]int // print_pages by article
		findings []string       // paths with a print-pages finding
		severity diag.Severity
	}{
		{name: "within the limit", pages: map[string]int{"a.md": 3, "b.md": 4},
			want: map[string]int{"a.md": 3, "b.md": 4}},
		{name: "one too long", pages: map[string]int{"a.md": 5, "b.md": 2},
			want: map[string]int{"a.md": 5, "b.md": 2}, findings: []string{"a.md"}, severity: diag.Warning},
		{name: "strict", strict: true, pages: map[string]int{"a.md": 5, "b.md": 9},
			want: map[string]int{"a.md": 5, "b.md": 9}, findings: []string{"a.md", "b.md"}, severity: diag.Error},
		{name: "not printed", pages: map[string]int{"b.md": 6},
			want: map[string]int{"a.md": 0, "b.md": 6}, findings: []string{"b.md"}, severity: diag.Warning},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := &Report{Strict: tt.strict, Articles: []Article{{Path: "a.md"}, {Path: "b.md"}},
				Diagnostics: diag.List{diag.Warnf("b.md", 3, 1, "a long sentence").WithRule(diag.RuleSentenceLength)}}
			r.summarize()
			r.AddLeaflets(tt.pages, "A4", 4)
			var found []string
			for _, d := range r.Diagnostics {
				if d.Rule != diag.RulePrintPages {
					continue
				}
				found = append(found, d.Path)
				if d.Severity != tt.severity || d.Line != 1 || d.Col != 1 {
					t.Errorf("%s: %v, want a %v at 1:1", d.Path, d, tt.severity)
				}
			}
			if !slices.Equal(found, tt.findings) {
				t.Errorf("print-pages findings on %v, want %v", found, tt.findings)
			}
			if len(r.Diagnostics) != 1+len(tt.findings) {
				t.Errorf("%d diagnostics, want the sentence's and %d", len(r.Diagnostics), len(tt.findings))
			}
			errors, warnings := 0, 0
			for _, a := range r.Articles {
				if a.PrintPages != tt.want[a.Path] {
					t.Errorf("%s: print_pages %d, want %d", a.Path, a.PrintPages, tt.want[a.Path])
				}
				errors += a.Errors
				warnings += a.Warnings
			}
			if errors != r.Summary.Errors || warnings != r.Summary.Warnings || errors+warnings != len(r.Diagnostics) {
				t.Errorf("articles count %d errors and %d warnings, the summary %+v, for %d diagnostics", errors, warnings, r.Summary, len(r.Diagnostics))
			}
			if r.Failed() != (tt.strict && len(tt.findings) > 0) {
				t.Errorf("Failed() = %v", r.Failed())
			}
		})
	}
}
