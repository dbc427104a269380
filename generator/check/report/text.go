package report

import (
	"bufio"
	"fmt"
	"io"
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
// line.
func Text(w io.Writer, r *check.Report, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	paint := func(color, s string) string {
		if !opts.Color || color == "" {
			return s
		}
		return color + s + reset
	}
	if r.Site != "" {
		fmt.Fprintf(bw, "%s: %d %s checked on %s (target: grade %s or lower; reviews flagged %d days ahead)\n\n",
			paint(bold, r.Site), r.Summary.Articles, plural(r.Summary.Articles, "article", "articles"), r.Date, formatNumber(r.MaxGrade), r.WarnDays)
	}
	if len(r.Articles) > 0 {
		writeTable(bw, r, paint)
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

// cell is one table cell: its text and its colour.
type cell struct {
	text, color string
	right       bool
}

func writeTable(w io.Writer, r *check.Report, paint func(color, s string) string) {
	rows := [][]cell{{{text: "Article"}, {text: "SMOG", right: true}, {text: "F-K", right: true}, {text: "Ease", right: true}, {text: "Words", right: true}, {text: "Next review"}, {text: "Status"}, {text: "Findings"}}}
	for _, a := range r.Articles {
		gradeColor := ""
		if a.OverGrade {
			gradeColor = red
		}
		rows = append(rows, []cell{
			{text: cut(a.Title, maxTitle)},
			{text: fmt.Sprintf("%.1f", a.Readability.SMOG), color: pick(a.Readability.SMOG > r.MaxGrade, gradeColor), right: true},
			{text: fmt.Sprintf("%.1f", a.Readability.FleschKincaid), color: pick(a.Readability.FleschKincaid > r.MaxGrade, gradeColor), right: true},
			{text: fmt.Sprintf("%.1f", a.Readability.FleschReadingEase), right: true},
			{text: fmt.Sprint(a.Readability.Words), right: true},
			{text: orDash(a.Review.NextReview)},
			{text: a.Review.Status, color: statusColor(a.Review.Status)},
			{text: findings(a.Errors, a.Warnings), color: findingsColor(a.Errors, a.Warnings)},
		})
	}
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
