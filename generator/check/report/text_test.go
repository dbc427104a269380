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

// TestPagesColumn: when the check printed the leaflets (check --pdf),
// the text and HTML tables show each article's pages after its words,
// in both table layouts; otherwise they have no such column.
func TestPagesColumn(t *testing.T) {
	for _, languages := range [][]check.Language{
		{{Code: "en", Formulas: check.FormulasEnglish, Articles: 2}},
		{{Code: "en", Formulas: check.FormulasEnglish, Articles: 2}, {Code: "es", Formulas: check.FormulasSpanish}},
	} {
		for _, printed := range []bool{false, true} {
			r := &check.Report{Languages: languages, Articles: []check.Article{
				{Path: "a.md", Lang: "en", Title: "Alpha", Readability: check.Readability{Words: 812}},
				{Path: "b.md", Lang: "en", Title: "Beta", Readability: check.Readability{Words: 97}},
			}}
			if printed {
				r.Articles[0].PrintPages, r.Articles[1].PrintPages = 6, 1
			}
			var text, html bytes.Buffer
			if err := Text(&text, r, TextOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := HTML(&html, r); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(text.String(), "\n")
			hasColumn := strings.Contains(lines[0], "Words  Pages  Next review")
			if hasColumn != printed || (printed && !strings.Contains(lines[1], "812      6  ")) {
				t.Errorf("%d languages, printed %v: the text table reads\n%s\n%s", len(languages), printed, lines[0], lines[1])
			}
			if strings.Contains(html.String(), ">Printed pages</th>") != printed ||
				(printed && !strings.Contains(html.String(), `<td class="num">812</td>
      <td class="num">6</td>`)) {
				t.Errorf("%d languages, printed %v: the HTML table's pages column is wrong", len(languages), printed)
			}
		}
	}
}
