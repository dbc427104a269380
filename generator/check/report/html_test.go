package report

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/check"
)

// TestHTMLSelfContained checks that the report page needs nothing from
// anywhere: no external script, style, image or font, and a CSP that
// allows only its own inline style and script.
func TestHTMLSelfContained(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, goldenReport(t, false)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if n := strings.Count(page, "<script"); n != 1 || !strings.Contains(page, "<script>"+sortJS+"</script>") {
		t.Errorf("want one inline script, found %d <script> tags", n)
	}
	if m := regexp.MustCompile(`(?i)\s(?:src|srcset|data|poster)=|<link\b|@import|url\(`).FindString(page); m != "" {
		t.Errorf("the page loads something: %q", m)
	}
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindStringSubmatch(page)
	if csp == nil || !strings.HasPrefix(csp[1], "default-src &#39;none&#39;; style-src &#39;sha256-") && !strings.HasPrefix(csp[1], "default-src 'none'; style-src 'sha256-") {
		t.Errorf("CSP: %v", csp)
	}
	for _, want := range []string{
		`<svg id="grades-chart"`, `<svg id="review-calendar"`,
		`<desc id="grades-chart-desc">3 articles at or below grade 8, 1 above it.</desc>`,
		"1 review overdue; 2 scheduled from November 2026 to 2028; 1 article has no review date.",
		`<td class="status--overdue">overdue</td>`,
		"Physiological sleep regulation involves complicated interactions",
		`<td><code>content/articles/circadian.md:6:1</code></td><td class="sev--warning">warning</td><td><code>review-due</code></td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

func TestHistogram(t *testing.T) {
	r := &check.Report{MaxGrade: 8}
	for _, g := range []float64{6.2, 7.9, 8.0, 8.1, 12.5} {
		r.Articles = append(r.Articles, check.Article{Title: "g", Readability: check.Readability{Formulas: check.FormulasEnglish, Sentences: 1, SMOG: g}})
	}
	h := newHistogram(r)
	// Grades are rounded up: bars 6 to 13, from the target minus two to
	// the hardest article.
	var labels, counts []string
	for _, b := range h.Bars {
		labels = append(labels, b.Label)
		counts = append(counts, strings.Repeat("#", b.Count))
		if grade, _ := strconv.Atoi(b.Label); b.Over != (grade > 8) {
			t.Errorf("bar %s: over %v", b.Label, b.Over)
		}
	}
	if got := strings.Join(labels, " "); got != "6 7 8 9 10 11 12 13" {
		t.Errorf("bars %s", got)
	}
	if got := strings.Join(counts, "|"); got != "|#|##|#||||#" {
		t.Errorf("counts %s", got)
	}
	// The target line is at the right edge of bar 8.
	if b := h.Bars[2]; h.TargetX < b.X+b.W || h.TargetX > h.Bars[3].X {
		t.Errorf("target line at %v, bar 8 spans %v to %v", h.TargetX, b.X, b.X+b.W)
	}
	if h.Desc != "3 articles at or below grade 8, 2 above it." {
		t.Errorf("desc %q", h.Desc)
	}
}

func TestCalendar(t *testing.T) {
	r := &check.Report{Date: "2026-11-26", Articles: []check.Article{
		{Title: "Late", Review: check.Review{NextReview: "2026-01-01", Status: check.ReviewOverdue}},
		{Title: "Soon", Review: check.Review{NextReview: "2026-12-20", Status: check.ReviewDue}},
		{Title: "Later", Review: check.Review{NextReview: "2027-03-02", Status: check.ReviewOK}},
		{Title: "Also later", Review: check.Review{NextReview: "2027-03-30", Status: check.ReviewOK}},
		{Title: "Far", Review: check.Review{NextReview: "2040-05-01", Status: check.ReviewOK}},
		{Title: "Never", Review: check.Review{Status: check.ReviewUnknown}},
	}}
	c := newCalendar(r)
	if len(c.Years) != calendarYears {
		t.Fatalf("%d years, want %d (a review far away is shown in the last month)", len(c.Years), calendarYears)
	}
	cell := func(year, month int) calendarCell { return c.Years[year-2026].Cells[month-1] }
	tests := []struct {
		year, month, count int
		class              string
	}{
		{2026, 10, 0, "past"},
		{2026, 11, 0, "none"},
		{2026, 12, 1, "due"},
		{2027, 3, 2, "some"},
		{2031, 12, 1, "some"},
	}
	for _, tt := range tests {
		if got := cell(tt.year, tt.month); got.Count != tt.count || got.Class != tt.class {
			t.Errorf("%d-%02d: %d %s, want %d %s", tt.year, tt.month, got.Count, got.Class, tt.count, tt.class)
		}
	}
	if !strings.Contains(cell(2027, 3).Title, "Also later (2027-03-30), Later (2027-03-02)") {
		t.Errorf("cell title %q", cell(2027, 3).Title)
	}
	if c.Overdue.Count != 1 || c.Overdue.Class != "overdue" || !strings.Contains(c.Overdue.Title, "Late (due 2026-01-01)") {
		t.Errorf("overdue box %+v", c.Overdue)
	}
	if c.Desc != "1 review overdue; 4 scheduled from November 2026 to 2031; 1 article has no review date." {
		t.Errorf("desc %q", c.Desc)
	}
}
