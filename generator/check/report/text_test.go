package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/check"
	"github.com/handout-health/handout/generator/diag"
)

// TestTextEscapesControlCharacters gives the text report a site name,
// titles, a language name and file names holding escape sequences, a
// newline and a bidi override: none reaches the terminal raw, and the
// tables and findings keep one line per row.
func TestTextEscapesControlCharacters(t *testing.T) {
	pwned := "X\x1b]0;pwned\x07\x1b[2J"
	english := check.Article{Path: "content/articles/x.md", Lang: "en", Title: pwned, Readability: check.Readability{Formulas: check.FormulasEnglish, Words: 10}}
	spanish := english
	spanish.Lang, spanish.Title = "es\u202e", "Sueño\r"
	r := &check.Report{
		Site: "Clinic\x1b[2J\x9b",
		Languages: []check.Language{
			{Code: "en", Name: "English", Formulas: check.FormulasEnglish, Articles: 1},
			{Code: "es", Name: "Español\x1b[31m", Formulas: check.FormulasSpanish, Untranslated: []check.ArticleRef{{Path: "content/articles/a\nb.md", Title: pwned}}},
		},
		Articles:    []check.Article{english, spanish},
		Diagnostics: diag.List{diag.Errorf("content/articles/a\nb\x1b[2J.md", 2, 1, "title %s", pwned)},
	}
	for _, color := range []bool{false, true} {
		var buf bytes.Buffer
		if err := Text(&buf, r, TextOptions{Color: color}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if color { // the report's own colours are the only escapes
			for _, c := range []string{red, yellow, green, bold, reset} {
				out = strings.ReplaceAll(out, c, "")
			}
		}
		if strings.ContainsAny(out, "\x1b\x07\r\u202e\u009b") || strings.Contains(out, "\x9b") {
			t.Errorf("the report holds a raw control character:\n%q", out)
		}
		for _, want := range []string{
			`Clinic\x1b[2J\x9b: 0 articles`,
			`X\x1b]0;pwned\a\x1b[2J`,
			`Sueño\r`,
			`es\u202e`,
			`Español\x1b[31m (es)`,
			`    "content/articles/a\nb.md"  X\x1b]0;pwned\a\x1b[2J` + "\n",
			"\n" + `"content/articles/a\nb\x1b[2J.md":2:1: title X\x1b]0;pwned\a\x1b[2J`,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("the report lacks %q:\n%s", want, out)
			}
		}
	}
}
