package check

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/readability"
	"github.com/handout-health/handout/generator/site"
)

// languagesSite is testdata/languages.txtar: a library in English,
// Spanish and French.
func languagesSite(t *testing.T) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/languages.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// articleAt returns the report of the article at path.
func articleAt(t *testing.T, r *Report, path string) Article {
	t.Helper()
	for _, a := range r.Articles {
		if a.Path == path {
			return a
		}
	}
	t.Fatalf("no report for %s", path)
	return Article{}
}

// proseOf returns an article's prose blocks as site.Load converts them,
// by section id ("" is the lede), and all of them under "*".
func proseOf(t *testing.T, fsys fstest.MapFS, path string) map[string][]string {
	t.Helper()
	s, _ := site.Load(fsys, site.LoadOptions{})
	for _, ls := range s.Sites() {
		if d := ls.Doc(path); d != nil {
			out := map[string][]string{}
			for _, b := range d.Result.Blocks {
				if b.Kind != markdown.Heading {
					out[b.Section] = append(out[b.Section], b.Text)
					out["*"] = append(out["*"], b.Text)
				}
			}
			return out
		}
	}
	t.Fatalf("site.Load has no %s", path)
	return nil
}

func TestEveryLanguageIsChecked(t *testing.T) {
	r := run(t, languagesSite(t), Options{})
	var got []string
	for _, a := range r.Articles {
		got = append(got, a.Lang+" "+strings.TrimPrefix(a.Path, "content/articles/"))
	}
	want := []string{"en caffeine.md", "es es/ejercicio.md", "en exercise.md", "es sleep.es.md", "fr sleep.fr.md", "en sleep.md"}
	if !slices.Equal(got, want) {
		t.Errorf("articles %q, want %q (every language's, by path)", got, want)
	}
	if r.Summary.Articles != 6 || r.MinINFLESZ != 55 || r.Schema != SchemaVersion {
		t.Errorf("summary %+v, min_inflesz %v, schema %d", r.Summary, r.MinINFLESZ, r.Schema)
	}
	if a := articleAt(t, r, "content/articles/sleep.es.md"); a.URL != "es/articles/sleep/" {
		t.Errorf("Spanish URL %q", a.URL)
	}
}

// TestSpanishReadability checks that Spanish articles are measured by
// MeasureSpanish over their prose, article and sections, and judged by
// INFLESZ against readability.min_inflesz.
func TestSpanishReadability(t *testing.T) {
	fsys := languagesSite(t)
	r := run(t, fsys, Options{})
	for _, path := range []string{"content/articles/sleep.es.md", "content/articles/es/ejercicio.md"} {
		a := articleAt(t, r, path)
		prose := proseOf(t, fsys, path)
		want := readability.MeasureSpanish(prose["*"])
		got := a.Readability
		if got.Formulas != FormulasSpanish || got.INFLESZ != round1(want.SzigrisztPazos) || got.FernandezHuerta != round1(want.FernandezHuerta) ||
			got.Syllables != want.Syllables || got.Words != want.Words || got.Sentences != want.Sentences {
			t.Errorf("%s: %+v, want the figures of %+v", path, got, want)
		}
		if got.INFLESZBand != readability.INFLESZBand(got.INFLESZ) || got.SMOG != 0 || got.FleschKincaid != 0 || got.Polysyllables != 0 {
			t.Errorf("%s: band %q, English figures %+v", path, got.INFLESZBand, got)
		}
		for _, sec := range a.Sections {
			want := readability.MeasureSpanish(prose[sec.ID])
			if sec.Readability.INFLESZ != round1(want.SzigrisztPazos) || sec.Readability.FernandezHuerta != round1(want.FernandezHuerta) {
				t.Errorf("%s section %q: INFLESZ %v, Fernández-Huerta %v; want %+v", path, sec.ID, sec.Readability.INFLESZ, sec.Readability.FernandezHuerta, want)
			}
		}
		for _, h := range a.Hardest {
			if h.Grade != 0 || h.INFLESZ == 0 {
				t.Errorf("%s: hardest sentence scored %+v", path, h)
			}
		}
	}

	easy := articleAt(t, r, "content/articles/sleep.es.md")
	if easy.BelowINFLESZ || easy.Readability.INFLESZ < 55 {
		t.Errorf("easy Spanish article: INFLESZ %v, below %v", easy.Readability.INFLESZ, easy.BelowINFLESZ)
	}
	hard := articleAt(t, r, "content/articles/es/ejercicio.md")
	if !hard.BelowINFLESZ || hard.OverGrade || r.Summary.BelowINFLESZ != 1 || r.Summary.OverGrade != 0 {
		t.Errorf("hard Spanish article: below %v, over grade %v; summary %+v", hard.BelowINFLESZ, hard.OverGrade, r.Summary)
	}
	if len(hard.Hardest) != 3 || hard.Hardest[0].INFLESZ > hard.Hardest[1].INFLESZ || hard.Hardest[1].INFLESZ > hard.Hardest[2].INFLESZ {
		t.Errorf("hardest Spanish sentences not lowest INFLESZ first: %+v", hard.Hardest)
	}
	found := of(r, diag.RuleReadability)
	if len(found) != 1 || found[0].Path != hard.Path || found[0].Severity != diag.Warning {
		t.Fatalf("want one readability warning, on %s; got:\n%s", hard.Path, found)
	}
	d := found[0]
	if d.Line != 16 || d.Col != 1 {
		t.Errorf("readability warning at %d:%d, want the hardest sentence, 16:1", d.Line, d.Col)
	}
	for _, want := range []string{"reads as very hard on the INFLESZ scale (INFLESZ ", "Fernández-Huerta ", "the target is INFLESZ 55 or higher (normal)",
		"hardest section: Qué es", "hardest sentences: line 16 “Las recomendaciones internacionales"} {
		if !strings.Contains(d.Message, want) {
			t.Errorf("message %q lacks %q", d.Message, want)
		}
	}
}

// TestMinINFLESZ checks that readability.min_inflesz is the target.
func TestMinINFLESZ(t *testing.T) {
	fsys := languagesSite(t)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["site.yaml"].Data), "languages:", "readability:\n  min_inflesz: 95\nlanguages:", 1))}
	r := run(t, fsys, Options{})
	if r.MinINFLESZ != 95 || r.Summary.BelowINFLESZ != 2 || len(of(r, diag.RuleReadability)) != 2 {
		t.Errorf("min_inflesz 95: %v, summary %+v, findings:\n%s", r.MinINFLESZ, r.Summary, of(r, diag.RuleReadability))
	}
}

func TestLanguageWithoutFormula(t *testing.T) {
	fsys := languagesSite(t)
	r := run(t, fsys, Options{})
	a := articleAt(t, r, "content/articles/sleep.fr.md")
	got := a.Readability
	want := readability.MeasureIn("fr", proseOf(t, fsys, a.Path)["*"])
	if got.Formulas != FormulasNone || got.Reason != want.Reason || !strings.Contains(got.Reason, "French (fr)") {
		t.Errorf("French article: formulas %q, reason %q", got.Formulas, got.Reason)
	}
	if got.WordsPerSentence != round1(want.WordsPerSentence) || got.LettersPerWord != round1(want.LettersPerWord) || got.Words != want.Words {
		t.Errorf("French article: %+v, want the lengths of %+v", got, want)
	}
	if got.SMOG != 0 || got.FleschKincaid != 0 || got.INFLESZ != 0 || got.Grade() != 0 || got.Syllables != 0 || len(a.Hardest) != 0 || a.OverGrade || a.BelowINFLESZ {
		t.Errorf("French article is scored or judged: %+v", a)
	}
	for _, s := range a.Sections {
		if s.Readability.Reason != want.Reason {
			t.Errorf("section %q: reason %q", s.ID, s.Readability.Reason)
		}
	}
}

func TestUntranslated(t *testing.T) {
	r := run(t, languagesSite(t), Options{})
	type lang struct {
		code, formulas string
		articles       int
		untranslated   []string
	}
	var got []lang
	for _, l := range r.Languages {
		var paths []string
		for _, a := range l.Untranslated {
			paths = append(paths, strings.TrimPrefix(a.Path, "content/articles/")+" "+a.Title)
		}
		got = append(got, lang{l.Code, l.Formulas, l.Articles, paths})
	}
	want := []lang{
		{"en", FormulasEnglish, 3, nil},
		{"es", FormulasSpanish, 2, []string{"caffeine.md Caffeine"}},
		{"fr", FormulasNone, 1, []string{"caffeine.md Caffeine", "exercise.md Exercise"}},
	}
	if len(got) != len(want) {
		t.Fatalf("languages %+v", got)
	}
	for i := range want {
		if got[i].code != want[i].code || got[i].formulas != want[i].formulas || got[i].articles != want[i].articles || !slices.Equal(got[i].untranslated, want[i].untranslated) {
			t.Errorf("language %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if r.Languages[0].Untranslated == nil {
		t.Error("the default language's untranslated list is nil, not []")
	}
	// Untranslated articles are information, not findings.
	if len(r.Diagnostics) != 1 {
		t.Errorf("want only the readability finding, got:\n%s", r.Diagnostics)
	}
}

// TestStaleTranslation checks that the build's translation-stale warning
// passes a check and fails a strict one.
func TestStaleTranslation(t *testing.T) {
	fsys := languagesSite(t)
	delete(fsys, "content/articles/es/ejercicio.md") // the one finding
	if r := run(t, fsys, Options{Strict: true}); r.Failed() || len(r.Diagnostics) != 0 {
		t.Fatalf("a current translation: failed %v\n%s", r.Failed(), r.Diagnostics)
	}
	es := "content/articles/sleep.es.md"
	fsys[es] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[es].Data), "last_reviewed: 2026-10-01", "last_reviewed: 2026-08-01", 1))}

	r := run(t, fsys, Options{})
	stale := of(r, diag.RuleTranslationStale)
	if r.Failed() || len(stale) != 1 || stale[0].Severity != diag.Warning || stale[0].Path != es || stale[0].Line != 5 {
		t.Fatalf("without --strict: failed %v, stale findings:\n%s", r.Failed(), stale)
	}
	if a := articleAt(t, r, es); a.Warnings != 1 {
		t.Errorf("the stale translation's warnings: %d", a.Warnings)
	}
	r = run(t, fsys, Options{Strict: true})
	stale = of(r, diag.RuleTranslationStale)
	if !r.Failed() || len(stale) != 1 || stale[0].Severity != diag.Error || r.Summary.Errors != 1 {
		t.Fatalf("--strict: failed %v, summary %+v\n%s", r.Failed(), r.Summary, r.Diagnostics)
	}
}

// TestPlainLanguageRulesByLanguage checks the plain-language rules that
// read words: number-words in Spanish, its absence in French, and
// acronyms defined in Spanish.
func TestPlainLanguageRulesByLanguage(t *testing.T) {
	const (
		es = "content/articles/sleep.es.md"
		fr = "content/articles/sleep.fr.md"
	)
	tests := []struct {
		name, path, old, new, rule string
		want                       []string // the finding's message; none when nil
	}{
		{"Spanish percentage", es, "Hable con su médico", "El 25 % de los adultos duerme mal. Hable con su médico", diag.RuleNumberWords,
			[]string{"25 % in the risk section", `"1 de cada 4 personas"`}},
		{"Spanish percent in words", es, "Hable con su médico", "El 12 por ciento duerme mal. Hable con su médico", diag.RuleNumberWords,
			[]string{"12 por ciento", `"unas 12 de cada 100 personas"`}},
		{"Spanish fraction", es, "Anote a qué hora", "Un 1/3 duerme poco. Anote a qué hora", diag.RuleNumberWords,
			[]string{"1/3 in the metric section", `"1 de cada 3 personas"`}},
		{"Spanish natural frequency", es, "Hable con su médico", "El 25 % (1 de cada 4 adultos) duerme mal. Hable con su médico", diag.RuleNumberWords, nil},
		// A natural frequency in words answers the percentage; its
		// number is still better as a numeral: the one finding.
		{"Spanish words de cada", es, "Hable con su médico", "Uno de cada cuatro, el 25 %, duerme mal. Hable con su médico", diag.RuleNumberWords,
			[]string{"“cuatro” is a number written as a word", "as a numeral, 4"}},
		{"French is not checked for figures", fr, "Parlez à votre médecin", "25 % des adultes dorment mal. Parlez à votre médecin", diag.RuleNumberWords, nil},
		{"Spanish acronym", es, "Muchos duermen menos.", "Muchos duermen menos. La OMS lo dice.", diag.RuleAcronym,
			[]string{"acronym OMS is not explained"}},
		{"Spanish acronym defined", es, "Muchos duermen menos.", "Muchos duermen menos. La OMS lo dice. OMS significa Organización Mundial de la Salud.", diag.RuleAcronym, nil},
		{"Spanish long sentence", es, "Muchos duermen menos.", "Muchos" + strings.Repeat(" adultos", 25) + " duermen menos.", diag.RuleSentenceLength,
			[]string{"a sentence of 28 words"}},
		{"French long sentence", fr, "Beaucoup dorment moins.", "Beaucoup" + strings.Repeat(" adultes", 25) + " dorment moins.", diag.RuleSentenceLength,
			[]string{"a sentence of 28 words"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := languagesSite(t)
			text := string(fsys[tt.path].Data)
			if !strings.Contains(text, tt.old) {
				t.Fatalf("%s has no %q", tt.path, tt.old)
			}
			fsys[tt.path] = &fstest.MapFile{Data: []byte(strings.Replace(text, tt.old, tt.new, 1))}
			found := of(run(t, fsys, Options{}), tt.rule)
			if tt.want == nil {
				if len(found) > 0 {
					t.Errorf("want no %s finding, got:\n%s", tt.rule, found)
				}
				return
			}
			if len(found) != 1 || found[0].Path != tt.path {
				t.Fatalf("want one %s finding on %s, got:\n%s", tt.rule, tt.path, found)
			}
			for _, w := range tt.want {
				if !strings.Contains(found[0].Message, w) {
					t.Errorf("message %q lacks %q", found[0].Message, w)
				}
			}
		})
	}
}

// TestSpanishDefaultLanguage checks a library written in Spanish only:
// its articles are judged by INFLESZ, and there is nothing to translate.
func TestSpanishDefaultLanguage(t *testing.T) {
	fsys := languagesSite(t)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte("title: Biblioteca\nlanguage: es\nfeedback_url: mailto:biblioteca@clinica.example\n")}
	for name := range fsys {
		if name != "site.yaml" && name != "content/articles/es/ejercicio.md" {
			delete(fsys, name)
		}
	}
	text := strings.Replace(string(fsys["content/articles/es/ejercicio.md"].Data), "lang: es\ntranslation_of: Exercise\n", "", 1)
	fsys["content/articles/ejercicio.md"] = &fstest.MapFile{Data: []byte(text)}
	delete(fsys, "content/articles/es/ejercicio.md")

	r := run(t, fsys, Options{})
	a := articleAt(t, r, "content/articles/ejercicio.md")
	if a.Lang != "es" || a.Readability.Formulas != FormulasSpanish || !a.BelowINFLESZ || len(of(r, diag.RuleReadability)) != 1 {
		t.Errorf("Spanish-only site: %+v\n%s", a, r.Diagnostics)
	}
	if len(r.Languages) != 1 || len(r.Languages[0].Untranslated) != 0 {
		t.Errorf("languages %+v", r.Languages)
	}
}
