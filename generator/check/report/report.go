// Package report writes a check.Report for people and programs:
//
//   - Text: a table of the articles (reading figures, next review,
//     findings), notes on languages without a readability formula, the
//     articles each language has not translated yet, then every finding
//     as `path:line:col: message`, for a terminal or a CI log; colour only
//     when asked (on a terminal). A site in English only has a column per
//     grade formula; other sites a Lang column and one Readability column
//     ("SMOG 8.1 · F-K 6.2 · ease 71.3", "INFLESZ 62.1 (normal) ·
//     Fernández-Huerta 70.3", "14.2 words/sentence · 4.8 letters/word");
//   - JSON: the Report as one JSON object, whose schema is documented on
//     check.Report;
//   - HTML: one self-contained page for a governance meeting: a sortable
//     table of the articles, the spread of English reading grades and the
//     review calendar drawn as inline SVG, reading detail by article in
//     its language's formulas, the translations still missing, and every
//     finding. It loads nothing from anywhere (a Content-Security-Policy
//     in the page says so), and its one inline script only sorts the
//     table; without it the table stays sorted hardest first, language by
//     language. Titles and quotes carry their language (lang="es").
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
