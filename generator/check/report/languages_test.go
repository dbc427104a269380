package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handout-health/handout/generator/check"
)

// languagesReport checks ../testdata/languages.txtar, the check package's
// library in English, Spanish and French, as of checkedOn.
func languagesReport(t *testing.T) *check.Report {
	t.Helper()
	ar, err := txtar.ParseFile("../testdata/languages.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return check.Site(fsys, check.Options{Now: checkedOn})
}

func TestLanguagesTextGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, languagesReport(t), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "languages.txt", buf.Bytes())
}

func TestLanguagesJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, languagesReport(t)); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema     int     `json:"schema"`
		MinINFLESZ float64 `json:"min_inflesz"`
		Languages  []struct {
			Code, Name, Formulas string
			Articles             int
			Untranslated         []struct{ Path, Title string }
		}
		Articles []struct {
			Path, Lang  string
			Readability map[string]any
			Hardest     []map[string]any
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != 2 || doc.MinINFLESZ != 55 {
		t.Errorf("schema %d, min_inflesz %v", doc.Schema, doc.MinINFLESZ)
	}
	untranslated := map[string][]string{}
	for _, l := range doc.Languages {
		if l.Untranslated == nil {
			t.Errorf("%s: untranslated is null, not []", l.Code)
		}
		for _, a := range l.Untranslated {
			untranslated[l.Code] = append(untranslated[l.Code], a.Path+" "+a.Title)
		}
	}
	want := map[string][]string{
		"es": {"content/articles/caffeine.md Caffeine"},
		"fr": {"content/articles/caffeine.md Caffeine", "content/articles/exercise.md Exercise"},
	}
	if len(untranslated) != len(want) || !slices.Equal(untranslated["es"], want["es"]) || !slices.Equal(untranslated["fr"], want["fr"]) {
		t.Errorf("untranslated %q, want %q", untranslated, want)
	}
	byPath := map[string]int{}
	for i, a := range doc.Articles {
		byPath[strings.TrimPrefix(a.Path, "content/articles/")] = i
	}
	for path, lang := range map[string]string{"sleep.md": "en", "sleep.es.md": "es", "es/ejercicio.md": "es", "sleep.fr.md": "fr"} {
		if got := doc.Articles[byPath[path]].Lang; got != lang {
			t.Errorf("%s: lang %q, want %q", path, got, lang)
		}
	}
	es := doc.Articles[byPath["es/ejercicio.md"]]
	if es.Readability["formulas"] != "spanish" || es.Readability["inflesz_band"] != "very hard" || es.Readability["smog"] != float64(0) ||
		es.Readability["inflesz"] == float64(0) || es.Readability["fernandez_huerta"] == float64(0) || es.Hardest[0]["inflesz"] == float64(0) {
		t.Errorf("Spanish article: %v, hardest %v", es.Readability, es.Hardest)
	}
	fr := doc.Articles[byPath["sleep.fr.md"]]
	if fr.Readability["formulas"] != "none" || !strings.Contains(fr.Readability["reason"].(string), "French (fr)") ||
		fr.Readability["words_per_sentence"] == float64(0) || fr.Readability["smog"] != float64(0) || len(fr.Hardest) != 0 {
		t.Errorf("French article: %v, hardest %v", fr.Readability, fr.Hardest)
	}
}

func TestLanguagesHTML(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, languagesReport(t)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{
		"Targets: grade 8 or lower in English, INFLESZ 55 or higher in Spanish.",
		"<li><strong>1</strong> below INFLESZ 55</li>",
		"<li><strong>3</strong> languages</li>",
		"Reading grades of the English articles",
		"<desc id=\"grades-chart-desc\">3 articles at or below grade 8, 0 above it.</desc>",
		`<td class="over">INFLESZ -3.8 (very hard) · Fernández-Huerta 3.5</td>`,
		"<td>6.9 words/sentence · 4.5 letters/word</td>",
		`<span lang="es">Ejercicio</span>: INFLESZ -3.8, very hard (below target)</summary>`,
		`<span lang="fr">Sommeil</span>: 6.9 words a sentence, 4.5 letters a word</summary>`,
		"Note: no readability formula is validated for French (fr); sentence and word length are shown instead.",
		`line 16, INFLESZ -50.4, 8 words:<blockquote lang="es">Las recomendaciones`,
		`<tr><th scope="row" lang="es">Qué es</th>`,
		"<h3>Français (fr)</h3>\n<p>1 of 3 articles translated; not translated:</p>",
		`<li><span lang="en">Exercise</span> <code>content/articles/exercise.md</code></li>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	// Hardest first within each language, languages in site.yaml's order.
	prev := -1
	for _, title := range []string{">Exercise</a>", ">Caffeine</a>", ">Sleep</a>", ">Ejercicio</a>", ">Sueño</a>", ">Sommeil</a>"} {
		i := strings.Index(page, title)
		if i < prev {
			t.Errorf("articles table: %s is out of order", title)
		}
		prev = i
	}
}

// TestEnglishOnlyLayout checks that a site in English only keeps its
// grade columns and has no translations section.
func TestEnglishOnlyLayout(t *testing.T) {
	r := goldenReport(t, false)
	var text, page bytes.Buffer
	if err := Text(&text, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&page, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text.String(), "Translations") || strings.Contains(text.String(), "Lang") || !strings.Contains(text.String(), "SMOG   F-K   Ease") {
		t.Errorf("English-only text report:\n%s", text.String())
	}
	if strings.Contains(page.String(), "translations-title") || strings.Contains(page.String(), "INFLESZ") || !strings.Contains(page.String(), "Target: reading grade 8 or lower.") {
		t.Error("English-only page has a translations section or INFLESZ, or no grade target")
	}
}

// TestFrenchSite checks a library in French only: no formula, so the
// report shows sentence and word length with the reason, and no grade.
func TestFrenchSite(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte("title: Bibliothèque\nlanguage: fr\nfeedback_url: mailto:b@clinique.example\n")},
		"content/articles/sommeil.md": {Data: []byte("---\ntitle: Sommeil\nsummary: Dormir repose.\n---\n" +
			"Le sommeil est un besoin quotidien. Le cerveau se repose la nuit.\n")},
	}
	r := check.Site(fsys, check.Options{Now: checkedOn})
	var text, page bytes.Buffer
	if err := Text(&text, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&page, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"(no readability target; reviews flagged 60 days ahead)",
		"Sommeil  fr    6.0 words/sentence · 4.3 letters/word",
		"Note: no readability formula is validated for French (fr); sentence and word length are shown instead.",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
	if strings.Contains(text.String(), "SMOG") || strings.Contains(text.String(), "Translations") {
		t.Errorf("text report of a French site shows grades or translations:\n%s", text.String())
	}
	for _, want := range []string{"Note: no readability formula is validated for French (fr)", "<td>6.0 words/sentence · 4.3 letters/word</td>", "No readability target."} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page.String(), "grades-chart") {
		t.Error("the page of a French site has a grade chart")
	}
}
