package report

import (
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"time"

	"github.com/handout-health/handout/generator/check"
)

var (
	//go:embed report.css
	reportCSS string
	//go:embed sort.js
	sortJS string
	//go:embed report.html
	reportHTML string
)

// page is the data of the HTML report.
type page struct {
	Report   *check.Report
	Date     string
	Articles []check.Article
	Grades   histogram
	Calendar calendar
	// CSP allows the page's own style and script, by hash, and nothing
	// else: the report cannot load anything, wherever it is opened.
	CSP    string
	Style  template.CSS
	Script template.JS
}

var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"grade":  func(f float64) string { return fmt.Sprintf("%.1f", f) },
	"num":    formatNumber,
	"plural": plural,
}).Parse(reportHTML))

// HTML writes the report as one self-contained page: inline style, one
// inline script (table sorting; the table reads well without it, sorted
// hardest first), and charts as inline SVG.
func HTML(w io.Writer, r *check.Report) error {
	p := page{
		Report:   r,
		Date:     longDate(r.Date),
		Articles: slices.Clone(r.Articles),
		Grades:   newHistogram(r),
		Calendar: newCalendar(r),
		Style:    template.CSS(reportCSS),
		Script:   template.JS(sortJS),
		CSP:      "default-src 'none'; style-src " + hash(reportCSS) + "; script-src " + hash(sortJS),
	}
	slices.SortStableFunc(p.Articles, func(a, b check.Article) int {
		return cmp.Or(cmp.Compare(b.Readability.Grade(), a.Readability.Grade()), cmp.Compare(a.Title, b.Title))
	})
	return reportTemplate.Execute(w, p)
}

// hash is the CSP source that allows exactly the inline text s.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func longDate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return t.Format("2 January 2006")
}
