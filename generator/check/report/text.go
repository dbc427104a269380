package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/handout-health/handout/generator/check"
	"github.com/handout-health/handout/generator/diag"
)

// TextOptions control the text report.
type TextOptions struct {
	// Color marks grades above the target, reviews due or overdue and
	// errors with ANSI colours; for terminals only.
	Color bool
}

// ANSI colours of the text report.
const (
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	green  = "\x1b[32m"
	bold   = "\x1b[1m"
	reset  = "\x1b[0m"
)

// maxTitle is the widest title the table shows before cutting it short.
const maxTitle = 40

// Text writes the table of articles, then every finding, then a summary
// line. A site in English only gets a column per grade formula; a site in
// other or several languages gets a Lang column and one Readability
// column, which shows each article's figures by its language's formulas,
// followed by why a language has none and, per language, the articles not
// yet translated into it. Every text that comes from the site (titles,
// names, file names) is escaped with diag.Printable or diag.QuotePath, as
// the findings are, so no title can send the terminal escape sequences.
func Text(w io.Writer, r *check.Report, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	paint := func(color, s string) string {
		if !opts.Color || color == "" {
			return s
		}
		return color + s + reset
	}
	if r.Site != "" {
		fmt.Fprintf(bw, "%s: %d %s%s checked on %s (%s; reviews flagged %d days ahead)\n\n",
			paint(bold, diag.Printable(r.Site)), r.Summary.Articles, plural(r.Summary.Articles, "article", "articles"), inLanguages(r), r.Date, targets(r), r.WarnDays)
	}
	if len(r.Articles) > 0 {
		table := languageTable(r)
		if englishOnly(r) {
			table = gradeTable(r)
		}
		if leafletsPrinted(r) {
			table = withPages(table, r)
		}
		writeTable(bw, table, paint)
		fmt.Fprintln(bw)
	}
	if reasons := noFormulaReasons(r); len(reasons) > 0 {
		for _, reason := range reasons {
			fmt.Fprintf(bw, "Note: %s.\n", diag.Printable(reason))
		}
		fmt.Fprintln(bw)
	}
	if len(r.Languages) > 1 {
		writeTranslations(bw, r)
		fmt.Fprintln(bw)
	}
	for _, d := range r.Diagnostics {
		line := d.String()
		if d.Severity == diag.Error {
			line = paint(red, line)
		}
		fmt.Fprintln(bw, line)
	}
	if len(r.Diagnostics) > 0 {
		fmt.Fprintln(bw)
	}
	if n := len(r.Drafts); n > 0 {
		fmt.Fprintf(bw, "Not checked: %d %s marked draft: true (%s); check --drafts checks %s too.\n\n", n, plural(n, "document", "documents"), listPaths(r.Drafts), plural(n, "it", "them"))
	}
	s := r.Summary
	verdict := paint(green, "passed")
	if r.Failed() {
		verdict = paint(red, "failed")
	}
	strict := ""
	if r.Strict {
		strict = " (strict: warnings count as errors)"
	}
	fmt.Fprintf(bw, "Check %s: %d %s, %d %s%s.\n", verdict, s.Errors, plural(s.Errors, "error", "errors"), s.Warnings, plural(s.Warnings, "warning", "warnings"), strict)
	return bw.Flush()
}

// listPaths names up to three files, and how many more there are.
func listPaths(paths []string) string {
	const shown = 3
	quoted := make([]string, 0, shown)
	for _, p := range paths[:min(shown, len(paths))] {
		quoted = append(quoted, diag.QuotePath(p))
	}
	out := strings.Join(quoted, ", ")
	if more := len(paths) - shown; more > 0 {
		out += fmt.Sprintf(" and %d more", more)
	}
	return out
}

// cell is one table cell: its text and its colour.
type cell struct {
	text, color string
	right       bool
}

// englishOnly reports whether the site has one language, measured by the
// English formulas: the report then shows the grades in columns of their
// own, as it did before sites had languages.
func englishOnly(r *check.Report) bool {
	switch len(r.Languages) {
	case 0:
		return true // site.yaml could not be read: there are no articles
	case 1:
		return r.Languages[0].Formulas == check.FormulasEnglish
	}
	return false
}

// inLanguages is " in 3 languages" for a site in several languages.
func inLanguages(r *check.Report) string {
	if len(r.Languages) < 2 {
		return ""
	}
	return fmt.Sprintf(" in %d languages", len(r.Languages))
}

// targets says what articles are judged by: "target: grade 8 or lower",
// or, with languages other than English, the target of each formula.
func targets(r *check.Report) string {
	if englishOnly(r) {
		return "target: grade " + formatNumber(r.MaxGrade) + " or lower"
	}
	var out []string
	for _, f := range formulasOf(r) {
		switch f {
		case check.FormulasEnglish:
			out = append(out, "grade "+formatNumber(r.MaxGrade)+" or lower in English")
		case check.FormulasSpanish:
			out = append(out, "INFLESZ "+formatNumber(r.MinINFLESZ)+" or higher in Spanish")
		}
	}
	switch len(out) {
	case 0:
		return "no readability target"
	case 1:
		return "target: " + out[0]
	}
	return "targets: " + strings.Join(out, ", ")
}

// formulasOf returns the formulas of the site's languages, each once, in
// the order of the languages.
func formulasOf(r *check.Report) []string {
	var out []string
	for _, l := range r.Languages {
		if !slices.Contains(out, l.Formulas) {
			out = append(out, l.Formulas)
		}
	}
	return out
}

// noFormulaReasons returns, once each, the reasons articles in languages
// without a formula have no score.
func noFormulaReasons(r *check.Report) []string {
	var out []string
	for _, a := range r.Articles {
		if reason := a.Readability.Reason; reason != "" && !slices.Contains(out, reason) {
			out = append(out, reason)
		}
	}
	return out
}

// writeTranslations lists, for each language but the default, the
// default language's articles not translated into it.
func writeTranslations(w io.Writer, r *check.Report) {
	fmt.Fprintln(w, "Translations (for information, not findings):")
	total := r.Languages[0].Articles
	for _, l := range r.Languages[1:] {
		name := languageName(l)
		if len(l.Untranslated) == 0 {
			fmt.Fprintf(w, "  %s: all %d %s translated\n", name, total, plural(total, "article", "articles"))
			continue
		}
		fmt.Fprintf(w, "  %s: %d of %d %s translated; not translated:\n", name, total-len(l.Untranslated), total, plural(total, "article", "articles"))
		width := 0
		for _, a := range l.Untranslated {
			width = max(width, utf8.RuneCountInString(diag.QuotePath(a.Path)))
		}
		for _, a := range l.Untranslated {
			path := diag.QuotePath(a.Path)
			fmt.Fprintf(w, "    %s%s  %s\n", path, strings.Repeat(" ", width-utf8.RuneCountInString(path)), diag.Printable(a.Title))
		}
	}
}

// languageName is "Español (es)", or the code alone when it is the name.
func languageName(l check.Language) string {
	if l.Name == "" || l.Name == l.Code {
		return diag.Printable(l.Code)
	}
	return diag.Printable(l.Name + " (" + l.Code + ")")
}

// gradeTable is the table of an English-only site: a column per formula.
func gradeTable(r *check.Report) [][]cell {
	rows := [][]cell{{{text: "Article"}, {text: "SMOG", right: true}, {text: "F-K", right: true}, {text: "Ease", right: true}, {text: "Words", right: true}, {text: "Next review"}, {text: "Status"}, {text: "Findings"}}}
	for _, a := range r.Articles {
		gradeColor := ""
		if a.OverGrade {
			gradeColor = red
		}
		rows = append(rows, []cell{
			{text: cut(diag.Printable(a.Title), maxTitle)},
			{text: fmt.Sprintf("%.1f", a.Readability.SMOG), color: pick(a.Readability.SMOG > r.MaxGrade, gradeColor), right: true},
			{text: fmt.Sprintf("%.1f", a.Readability.FleschKincaid), color: pick(a.Readability.FleschKincaid > r.MaxGrade, gradeColor), right: true},
			{text: fmt.Sprintf("%.1f", a.Readability.FleschReadingEase), right: true},
			{text: fmt.Sprint(a.Readability.Words), right: true},
			{text: orDash(a.Review.NextReview)},
			{text: a.Review.Status, color: statusColor(a.Review.Status)},
			{text: findings(a.Errors, a.Warnings), color: findingsColor(a.Errors, a.Warnings)},
		})
	}
	return rows
}

// languageTable is the table of a site in other or several languages:
// each article's figures in one column, by its language's formulas.
func languageTable(r *check.Report) [][]cell {
	rows := [][]cell{{{text: "Article"}, {text: "Lang"}, {text: "Readability"}, {text: "Words", right: true}, {text: "Next review"}, {text: "Status"}, {text: "Findings"}}}
	for _, a := range r.Articles {
		rows = append(rows, []cell{
			{text: cut(diag.Printable(a.Title), maxTitle)},
			{text: diag.Printable(a.Lang)},
			{text: figures(a.Readability), color: pick(a.OverGrade || a.BelowINFLESZ, red)},
			{text: fmt.Sprint(a.Readability.Words), right: true},
			{text: orDash(a.Review.NextReview)},
			{text: a.Review.Status, color: statusColor(a.Review.Status)},
			{text: findings(a.Errors, a.Warnings), color: findingsColor(a.Errors, a.Warnings)},
		})
	}
	return rows
}

// leafletsPrinted reports whether the check printed the articles'
// leaflets (check --pdf), so that the tables show their pages.
func leafletsPrinted(r *check.Report) bool {
	return slices.ContainsFunc(r.Articles, func(a check.Article) bool { return a.PrintPages > 0 })
}

// withPages adds a Pages column after the Words column of a table of
// r's articles: the pages each article's leaflet printed on.
func withPages(rows [][]cell, r *check.Report) [][]cell {
	at := 1 + slices.IndexFunc(rows[0], func(c cell) bool { return c.text == "Words" })
	for i, row := range rows {
		c := cell{text: "Pages", right: true}
		if i > 0 {
			c.text = fmt.Sprint(r.Articles[i-1].PrintPages)
		}
		rows[i] = slices.Insert(row, at, c)
	}
	return rows
}

// figures writes readability figures on one line, by the formulas they
// come from: "SMOG 8.1 · F-K 6.2 · ease 71.3", "INFLESZ 62.1 (normal) ·
// Fernández-Huerta 70.3", or, for a language without a formula, "14.2
// words/sentence · 4.8 letters/word"; "no prose" when there is none.
func figures(f check.Readability) string {
	switch {
	case f.Words == 0:
		return "no prose"
	case f.Formulas == check.FormulasEnglish:
		return fmt.Sprintf("SMOG %.1f · F-K %.1f · ease %.1f", f.SMOG, f.FleschKincaid, f.FleschReadingEase)
	case f.Formulas == check.FormulasSpanish:
		return fmt.Sprintf("INFLESZ %.1f (%s) · Fernández-Huerta %.1f", f.INFLESZ, f.INFLESZBand, f.FernandezHuerta)
	}
	return fmt.Sprintf("%.1f words/sentence · %.1f letters/word", f.WordsPerSentence, f.LettersPerWord)
}

func writeTable(w io.Writer, rows [][]cell, paint func(color, s string) string) {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(c.text))
		}
	}
	for ri, row := range rows {
		var b strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c.text))
			text := paint(c.color, c.text)
			if ri == 0 {
				text = paint(bold, c.text)
			}
			if c.right {
				b.WriteString(pad + text)
			} else if i < len(row)-1 {
				b.WriteString(text + pad)
			} else {
				b.WriteString(text)
			}
			if i < len(row)-1 {
				b.WriteString("  ")
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

func pick(cond bool, color string) string {
	if cond {
		return color
	}
	return ""
}

func statusColor(status string) string {
	switch status {
	case check.ReviewOverdue, check.ReviewUnknown:
		return red
	case check.ReviewDue:
		return yellow
	}
	return green
}

func findings(errs, warns int) string {
	switch {
	case errs == 0 && warns == 0:
		return "none"
	case errs == 0:
		return fmt.Sprintf("%d %s", warns, plural(warns, "warning", "warnings"))
	case warns == 0:
		return fmt.Sprintf("%d %s", errs, plural(errs, "error", "errors"))
	}
	return fmt.Sprintf("%d %s, %d %s", errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
}

func findingsColor(errs, warns int) string {
	switch {
	case errs > 0:
		return red
	case warns > 0:
		return yellow
	}
	return ""
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// cut shortens s to n runes, ending in "…" when cut.
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// formatNumber writes 8 as "8" and 8.5 as "8.5".
func formatNumber(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", f), "0"), ".")
}
