package report

import (
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"time"
	"unicode"
	"unicode/utf8"

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
	// EnglishOnly: the articles table has a column per grade formula (see
	// englishOnly); otherwise a Language and a Readability column.
	EnglishOnly bool
	// Targets says what articles are judged by.
	Targets string
	// HasEnglish and HasSpanish say whether a language is measured by
	// those formulas: the grade chart and the summary cards follow them.
	HasEnglish, HasSpanish bool
	// Printed says that the check printed the leaflets (check --pdf):
	// the articles table has a column of their pages.
	Printed bool
	// Reasons are why some languages have no score (noFormulaReasons).
	Reasons      []string
	Translations []translation
	// DefaultLang is the default language's code, the language of the
	// untranslated articles' titles.
	DefaultLang string
	Grades      histogram
	Calendar    calendar
	// CSP allows the page's own style and script, by hash, and nothing
	// else: the report cannot load anything, wherever it is opened.
	CSP    string
	Style  template.CSS
	Script template.JS
}

// translation is how far the articles are translated into one language.
type translation struct {
	Name              string
	Translated, Total int
	Untranslated      []check.ArticleRef
}

var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"grade":   func(f float64) string { return fmt.Sprintf("%.1f", f) },
	"num":     formatNumber,
	"plural":  plural,
	"figures": figures,
	"english": func(r check.Readability) bool { return r.Formulas == check.FormulasEnglish },
	"spanish": func(r check.Readability) bool { return r.Formulas == check.FormulasSpanish },
}).Parse(reportHTML))

// HTML writes the report as one self-contained page: inline style, one
// inline script (table sorting; the table reads well without it, sorted
// hardest first), and charts as inline SVG.
func HTML(w io.Writer, r *check.Report) error {
	p := page{
		Report:      r,
		Date:        longDate(r.Date),
		Articles:    slices.Clone(r.Articles),
		EnglishOnly: englishOnly(r),
		Targets:     upperFirst(targets(r)),
		Reasons:     noFormulaReasons(r),
		Printed:     leafletsPrinted(r),
		Grades:      newHistogram(r),
		Calendar:    newCalendar(r),
		Style:       template.CSS(reportCSS),
		Script:      template.JS(sortJS),
		CSP:         "default-src 'none'; style-src " + hash(reportCSS) + "; script-src " + hash(sortJS),
	}
	if p.EnglishOnly {
		p.Targets = "Target: reading grade " + formatNumber(r.MaxGrade) + " or lower"
	}
	p.HasEnglish = p.EnglishOnly || slices.Contains(formulasOf(r), check.FormulasEnglish)
	p.HasSpanish = slices.Contains(formulasOf(r), check.FormulasSpanish)
	if len(r.Languages) > 1 {
		p.DefaultLang = r.Languages[0].Code
		total := r.Languages[0].Articles
		for _, l := range r.Languages[1:] {
			p.Translations = append(p.Translations, translation{Name: languageName(l), Translated: total - len(l.Untranslated), Total: total, Untranslated: l.Untranslated})
		}
	}
	order := map[string]int{}
	for i, l := range r.Languages {
		order[l.Code] = i
	}
	slices.SortStableFunc(p.Articles, func(a, b check.Article) int {
		return cmp.Or(cmp.Compare(order[a.Lang], order[b.Lang]), cmp.Compare(difficulty(b.Readability), difficulty(a.Readability)), cmp.Compare(a.Title, b.Title))
	})
	return reportTemplate.Execute(w, p)
}

// difficulty orders the articles of one language hardest first: by grade
// in English, by INFLESZ (lowest first) in Spanish, by sentence length in
// other languages; articles without prose come last.
func difficulty(r check.Readability) float64 {
	switch {
	case r.Words == 0:
		return math.Inf(-1)
	case r.Formulas == check.FormulasSpanish:
		return -r.INFLESZ
	case r.Formulas == check.FormulasNone:
		return r.WordsPerSentence
	}
	return r.Grade()
}

// upperFirst starts s with a capital letter.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
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
