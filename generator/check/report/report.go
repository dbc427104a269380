// Package report writes a check.Report for people and programs:
//
//   - Text: a table of the articles (reading grades, next review, findings)
//     followed by every finding as `path:line:col: message`, for a terminal
//     or a CI log; colour only when asked (on a terminal);
//   - JSON: the Report as one JSON object, whose schema is documented on
//     check.Report;
//   - HTML: one self-contained page for a governance meeting: a sortable
//     table of the articles, the spread of reading grades and the review
//     calendar drawn as inline SVG, and every finding. It loads nothing
//     from anywhere (a Content-Security-Policy in the page says so), and
//     its one inline script only sorts the table; without it the table
//     stays sorted by reading grade, hardest first.
package report

import (
	"encoding/json"
	"io"

	"github.com/handout-health/handout/generator/check"
)

// JSON writes r as indented JSON followed by a newline.
func JSON(w io.Writer, r *check.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
